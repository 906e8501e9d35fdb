import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { webhookBody } from '../src/modules/events/events.payload.ts';
import type { EventRow } from '../src/modules/events/events.table.ts';
import type { TestApp } from './helpers/app.ts';
import { deliveryTestApp } from './helpers/delivery-app.ts';
import { cast, createSupplier, subscribe } from './helpers/factories.ts';
import { openApiSchemas } from './helpers/openapi-schemas.ts';
import { verifyWebhook } from './helpers/receiver.ts';

/*
 * "Payloads that say exactly what is documented": every webhook body and feed entry
 * is checked against the committed openapi/openapi.json, whose object schemas refuse
 * properties they do not declare, with real deliveries to real local receivers.
 */

let t: TestApp;
const doc = JSON.parse(await readFile(new URL('../openapi/openapi.json', import.meta.url), 'utf8'));
const schemas = openApiSchemas(doc);
const refTo = (ref: string) => schemas.compile({ $ref: ref });
const webhookSchemaRef = (type: string): string => doc.webhooks[type].post.requestBody.content['application/json'].schema.$ref;
const validators = new Map<string, ReturnType<typeof refTo>>();
/** Validates a webhook body against the document's `webhooks` entry for its type. */
const expectDocumentedWebhook = (body: { type: string }) => {
  expect(doc.webhooks[body.type], `webhooks["${body.type}"]`).toBeDefined();
  if (!validators.has(body.type)) validators.set(body.type, refTo(webhookSchemaRef(body.type)));
  expect(validators.get(body.type)!(body), body.type).toBeNull();
};
const validateFeed = refTo('#/components/schemas/EventFeed');

const SUMMARY = 'Brister i bemanningen nattetid vid oanmält besök.';
const DETAILS = 'En person i tjänst mot avtalade två; schema begärt.';
const REFERENCE = 'SUN-SN 2026/77';

const receivers = deliveryTestApp((app) => (t = app));

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
async function post(as: string, url: string, payload: Record<string, unknown>, method: 'POST' | 'PATCH' = 'POST') {
  const res = await t.request({ method, url, as, payload });
  expect(res.statusCode, res.body).toBeLessThan(300);
  return res.json();
}
type FeedItem = { seq: number; id: string; type: string; signalId?: string; signalVersion?: number; signal?: Record<string, unknown>; notice?: unknown };
async function feed(as: string, after = 0): Promise<{ raw: string; items: FeedItem[] }> {
  const res = await t.request({ method: 'GET', url: `/v1/events?after=${after}&limit=1000`, as });
  expect(res.statusCode, res.body).toBe(200);
  expect(validateFeed(res.json())).toBeNull();
  return { raw: res.body, items: res.json().items };
}
async function lastSeq(): Promise<number> {
  return Math.max(0, ...(await feed(cast.revisor.id)).items.map((e) => e.seq));
}
async function until<T>(what: string, probe: () => Promise<T | undefined>, timeoutMs = 15_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

describe('the OpenAPI webhooks section', () => {
  it('documents every body the registry sends, with objects that refuse undeclared properties', () => {
    expect(Object.keys(doc.webhooks).sort()).toEqual(
      ['ping', 'signal.amended', 'signal.created', 'signal.expired', 'signal.lifted', 'signal.replied', 'signal.retracted', 'signal.took_effect', 'subscription.disabled', 'subscription.failing', 'supplier.linked', 'supplier.unlinked', 'supplier.updated'].sort(),
    );
    // Walk every schema reachable from the webhooks: each object closes its properties.
    const seen = new Set<string>();
    const objects: string[] = [];
    const walk = (node: unknown, where: string): void => {
      if (Array.isArray(node)) return node.forEach((n, i) => walk(n, `${where}/${i}`));
      if (!node || typeof node !== 'object') return;
      const schema = node as Record<string, unknown>;
      if (typeof schema.$ref === 'string') {
        if (seen.has(schema.$ref)) return;
        seen.add(schema.$ref);
        return walk(doc.components.schemas[schema.$ref.replace('#/components/schemas/', '')], schema.$ref);
      }
      if (schema.type === 'object' || 'properties' in schema) {
        objects.push(where);
        expect(schema.additionalProperties, where).toBe(false);
      }
      for (const [k, v] of Object.entries(schema)) walk(v, `${where}/${k}`);
    };
    for (const type of Object.keys(doc.webhooks)) walk({ $ref: webhookSchemaRef(type) }, type);
    expect(objects.length).toBeGreaterThan(10);
    // And the validator does refuse them: an undocumented key fails.
    const body = { type: 'ping', timestamp: new Date().toISOString(), data: { subscriptionId: randomUUID() } };
    expectDocumentedWebhook(body);
    expect(refTo(webhookSchemaRef('ping'))({ ...body, data: { ...body.data, createdBy: 'x' } })).toMatch(/must NOT have additional properties/);
  });
});

describe('webhook bodies', () => {
  it('carry only documented fields and the signal version, and withhold a retraction’s content from every subscriber', async () => {
    const x = await createSupplier(t);
    const orgs = [cast.sundsvall.id, cast.umea.id, cast.revisor.id];
    const subs = await Promise.all(
      orgs.map(async (org) => {
        const r = await receivers.start();
        return { org, r, sub: await subscribe(t, org, r.url, { suppliers: [x] }) };
      }),
    );

    const dev = await post(cast.sundsvall.id, '/v1/signals', {
      type: 'deviation', supplierOrgNumber: x, severity: 'high', category: 'staffing', summary: SUMMARY, details: DETAILS, reference: REFERENCE,
    });
    await post(cast.sundsvall.id, `/v1/signals/${dev.id}`, { reason: 'Förtydligande.', severity: 'critical' }, 'PATCH');
    const stop = await post(cast.sundsvall.id, '/v1/signals', { type: 'call_off_stop', supplierOrgNumber: x, summary: 'Avropspaus.' });
    await post(cast.sundsvall.id, `/v1/signals/${stop.id}/lift`, { reason: 'Åtgärdat.' });
    await post(cast.sundsvall.id, '/v1/signals', {
      type: 'call_off_stop', supplierOrgNumber: x, summary: 'Kort avropspaus.', effectiveUntil: new Date(Date.now() + 3_000).toISOString(),
    });
    await post(cast.sundsvall.id, `/v1/signals/${dev.id}/retract`, { reason: 'Registrerad på fel leverantör.' });
    // created, amended, retracted; created, lifted; created, expired.
    await Promise.all(subs.map(({ r }) => r.waitFor(7, 20_000)));

    for (const { org, r, sub } of subs) {
      const bodies = r.received.map((received) => {
        expect(received.body, org).not.toMatch(/createdBy|readStatus/);
        return verifyWebhook(sub.secret, received);
      });
      expect(bodies.map((b) => b.type).sort(), org).toEqual(
        ['signal.amended', 'signal.created', 'signal.created', 'signal.created', 'signal.expired', 'signal.lifted', 'signal.retracted'].sort(),
      );
      for (const body of bodies) {
        expectDocumentedWebhook(body);
        expect(body.data.signalVersion, `${org} ${body.type}`).toBeTypeOf('number');
        // An earlier event of the deviation sent after its retraction committed (a slow host, a
        // retry) is withheld like the retraction itself; every other body carries its version.
        if (body.data.signal.status === 'retracted') expect(body.data.signal, `${org} ${body.type}`).toEqual({ id: dev.id, type: 'deviation', supplierOrgNumber: x, status: 'retracted' });
        else expect(body.data.signalVersion, `${org} ${body.type}`).toBe(body.data.signal.version);
      }
      const ofDev = bodies.filter((b) => b.data.signalId === dev.id).sort((a, b) => a.data.signalVersion - b.data.signalVersion);
      expect(ofDev.map((b) => [b.type, b.data.signalVersion])).toEqual([
        ['signal.created', 1],
        ['signal.amended', 2],
        ['signal.retracted', 3],
      ]);
      // The same body for the issuer, another member and the auditor: ids, type and supplier only.
      const retracted = r.received.find((received) => verifyWebhook(sub.secret, received).type === 'signal.retracted')!;
      expect(ofDev[2]!.data.signal, org).toEqual({ id: dev.id, type: 'deviation', supplierOrgNumber: x, status: 'retracted' });
      for (const text of [SUMMARY, DETAILS, REFERENCE, 'critical']) expect(retracted.body, org).not.toContain(text);
    }

    // The ping from the test route is documented too.
    const pinged = subs[1]!;
    const before = pinged.r.received.length;
    const ping = await t.request({ method: 'POST', url: `/v1/subscriptions/${pinged.sub.id}/test`, as: cast.umea.id });
    expect(ping.statusCode, ping.body).toBe(200);
    await pinged.r.waitFor(before + 1);
    expectDocumentedWebhook(verifyWebhook(pinged.sub.secret, pinged.r.received[before]!));
  });

  it('are built from the schema: keys an old stored row still holds are dropped, and notices have their documented shape', () => {
    const signal = {
      id: randomUUID(), type: 'deviation', supplierOrgNumber: '559401-1487', unitId: null, agreementId: null, issuerOrgId: 'sundsvall', status: 'active',
      visibility: 'members', severity: 'high', category: 'staffing', summary: SUMMARY, details: null, reference: null,
      effectiveFrom: '2026-01-01T00:00:00.000Z', effectiveUntil: null, version: 2, createdAt: '2026-01-01T00:00:00.000Z', updatedAt: '2026-01-02T00:00:00.000Z',
    };
    const row = {
      seq: 7, id: randomUUID(), type: 'signal.amended', signalId: signal.id, signalVersion: 2, signalType: 'deviation', supplierOrgNumber: '5594011487',
      agreementId: null, issuerOrgId: 'sundsvall', visibility: 'members', severity: 'high',
      // As rows written before this change hold it.
      signal: { ...signal, createdBy: 'anna.andersson@sundsvall', readStatus: 'active' },
      recipientOrgId: null, subscriptionId: null, notice: null, createdAt: new Date('2026-01-02T00:00:00Z'), relayedAt: null,
    } as EventRow;
    const body = webhookBody(row);
    expect(body).not.toMatch(/createdBy|readStatus|anna/);
    expectDocumentedWebhook(JSON.parse(body));
    expect(JSON.parse(body).data).toMatchObject({ seq: 7, eventId: row.id, signalId: signal.id, signalVersion: 2, signal });

    // A replay of an earlier event of a signal retracted since withholds it as well.
    const withheld = JSON.parse(webhookBody(row, { withhold: true }));
    expectDocumentedWebhook(withheld);
    expect(withheld.data.signal).toEqual({ id: signal.id, type: 'deviation', supplierOrgNumber: '559401-1487', status: 'retracted' });

    for (const type of ['subscription.failing', 'subscription.disabled'] as const) {
      const subscriptionId = randomUUID();
      const notice = {
        subscriptionId, url: 'https://hooks.example/registry', failingSince: '2026-01-01T00:00:00.000Z', consecutiveFailures: 12,
        lastError: 'HTTP 503', lastSuccessAt: null, disabledReason: type === 'subscription.disabled' ? 'failing for five days' : null,
      };
      const noticeRow = {
        ...row, type, signalId: null, signalVersion: null, signalType: null, supplierOrgNumber: null, issuerOrgId: null, visibility: null, severity: null,
        signal: null, recipientOrgId: 'umea', subscriptionId, notice: { ...notice, secret: 'never sent' },
      } as EventRow;
      const parsed = JSON.parse(webhookBody(noticeRow));
      expectDocumentedWebhook(parsed);
      expect(parsed).toEqual({ type, timestamp: '2026-01-02T00:00:00.000Z', data: { seq: 7, eventId: row.id, notice } });
    }
  });
});

describe('the event feed', () => {
  it('has no undocumented fields, even from old rows, and carries signalVersion', async () => {
    const x = await createSupplier(t);
    const created = await post(cast.timra.id, '/v1/signals', { type: 'call_off_stop', supplierOrgNumber: x, summary: 'Avropspaus i Timrå.' });
    // Make the stored copy look like a row written before undocumented keys were dropped.
    const owner = new pg.Client({ connectionString: t.testDb.url });
    await owner.connect();
    try {
      await owner.query(`UPDATE events SET signal = signal || '{"createdBy":"timra-client","readStatus":"active"}'::jsonb WHERE signal_id = $1`, [created.id]);
    } finally {
      await owner.end();
    }
    for (const org of [cast.timra.id, cast.umea.id, cast.revisor.id]) {
      const { raw, items } = await feed(org);
      expect(raw, org).not.toMatch(/createdBy|readStatus/);
      const ours = items.find((e) => e.signalId === created.id)!;
      expect(ours, org).toMatchObject({ type: 'signal.created', signalVersion: 1, signal: { id: created.id, version: 1, summary: 'Avropspaus i Timrå.' } });
    }
  });

  it('withholds a retracted signal’s content, in earlier events too, from all but its issuer and auditors', async () => {
    const x = await createSupplier(t);
    const from = await lastSeq();
    const dev = await post(cast.sundsvall.id, '/v1/signals', {
      type: 'deviation', supplierOrgNumber: x, severity: 'medium', category: 'premises', summary: SUMMARY, details: DETAILS, reference: REFERENCE,
    });
    await post(cast.sundsvall.id, `/v1/signals/${dev.id}`, { reason: 'Förtydligande.', details: `${DETAILS} Uppföljning.` }, 'PATCH');
    const before = (await feed(cast.umea.id, from)).items.filter((e) => e.signalId === dev.id);
    expect(before.map((e) => e.signal!.summary)).toEqual([SUMMARY, SUMMARY]); // readable while it stands

    await post(cast.sundsvall.id, `/v1/signals/${dev.id}/retract`, { reason: 'Fel leverantör.' });
    for (const org of [cast.umea.id, cast.timra.id, cast.adda.id]) {
      const { raw, items } = await feed(org, from);
      const ours = items.filter((e) => e.signalId === dev.id);
      expect(ours.map((e) => [e.type, e.signalVersion]), org).toEqual([
        ['signal.created', 1],
        ['signal.amended', 2],
        ['signal.retracted', 3],
      ]);
      for (const e of ours) expect(e.signal, org).toEqual({ id: dev.id, type: 'deviation', supplierOrgNumber: x, status: 'retracted' });
      for (const text of [SUMMARY, DETAILS, REFERENCE]) expect(raw, org).not.toContain(text);
      expect((await t.request({ method: 'GET', url: `/v1/signals/${dev.id}`, as: org })).statusCode, org).toBe(404);
    }
    for (const org of [cast.sundsvall.id, cast.revisor.id]) {
      const ours = (await feed(org, from)).items.filter((e) => e.signalId === dev.id);
      expect(ours.map((e) => [e.type, e.signal!.status, e.signal!.summary, e.signal!.reference]), org).toEqual([
        ['signal.created', 'active', SUMMARY, REFERENCE],
        ['signal.amended', 'active', SUMMARY, REFERENCE],
        ['signal.retracted', 'retracted', SUMMARY, REFERENCE],
      ]);
    }
  });

  it('shows a notice to its recipient organisation only, auditors included', async () => {
    const from = await lastSeq();
    const subscriptionId = randomUUID();
    const notice = {
      subscriptionId, url: 'https://hooks.timra.example/registry', failingSince: '2026-01-01T00:00:00.000Z', consecutiveFailures: 3,
      lastError: 'HTTP 500', lastSuccessAt: null, disabledReason: null,
    };
    await t.database.pool.query(
      `INSERT INTO events (id, type, recipient_org_id, subscription_id, notice) VALUES ($1, 'subscription.failing', 'timra', $2, $3::jsonb)`,
      [randomUUID(), subscriptionId, JSON.stringify(notice)],
    );
    const mine = (await feed(cast.timra.id, from)).items.filter((e) => e.type === 'subscription.failing');
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ type: 'subscription.failing', subscriptionId, notice });
    expect(Object.keys(mine[0]!).sort()).toEqual(['createdAt', 'id', 'notice', 'seq', 'subscriptionId', 'type']);
    for (const org of [cast.sundsvall.id, cast.umea.id, cast.kfv.id, cast.revisor.id, t.config.OPERATOR_ORG_ID]) {
      const { raw, items } = await feed(org, from);
      expect(items.filter((e) => e.type.startsWith('subscription.')), org).toEqual([]);
      expect(raw, org).not.toContain(subscriptionId);
    }
  });
});

describe('signal.expired', () => {
  it('is announced once per ended period: not again after an amendment that keeps the end, again after one that moves it', async () => {
    const x = await createSupplier(t);
    const expiredOf = async (id: string) => (await feed(cast.timra.id)).items.filter((e) => e.type === 'signal.expired' && e.signalId === id);
    const signal = await post(cast.timra.id, '/v1/signals', {
      type: 'call_off_stop', supplierOrgNumber: x, summary: 'Kort avropspaus.', effectiveUntil: new Date(Date.now() + 3_000).toISOString(),
    });
    await until('the first signal.expired', async () => ((await expiredOf(signal.id)).length === 1 ? true : undefined));

    // An amendment of the ended signal that leaves its end where it was.
    await post(cast.timra.id, `/v1/signals/${signal.id}`, { reason: 'Förtydligande.', summary: 'Kort avropspaus, avslutad.' }, 'PATCH');
    await sleep(1_500); // several sweeps (RELAY_POLL_MS is 200 ms in tests)
    const once = await expiredOf(signal.id);
    expect(once.map((e) => e.signalVersion)).toEqual([1]);
    const read = await t.request({ method: 'GET', url: `/v1/signals/${signal.id}`, as: cast.timra.id });
    expect(read.json()).toMatchObject({ status: 'expired', version: 2 });

    // Reopening the period and letting it end again is a new ended period.
    await post(cast.timra.id, `/v1/signals/${signal.id}`, { reason: 'Förlängd.', effectiveUntil: new Date(Date.now() + 1_200).toISOString() }, 'PATCH');
    const twice = await until('the second signal.expired', async () => {
      const all = await expiredOf(signal.id);
      return all.length === 2 ? all : undefined;
    });
    expect(twice.map((e) => e.signalVersion)).toEqual([1, 3]);
    await sleep(1_000);
    expect(await expiredOf(signal.id)).toHaveLength(2);
  });
});
