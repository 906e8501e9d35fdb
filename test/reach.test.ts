import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from '../src/lib/ids.ts';
import { startTestApp, type TestApp } from './helpers/app.ts';
import { cast, createSupplier, seedCast, subscribe } from './helpers/factories.ts';
import { receiverPool } from './helpers/receiver.ts';

let t: TestApp;
let orgNumber: string;
let addaAgreement: string;
const receivers = receiverPool();
const harnosand = { id: 'harnosand', kind: 'municipality', name: 'Härnösands kommun (test)', municipalityCode: '2280', federationId: 'kfv' };

beforeAll(async () => {
  // A long enough deadline that a receiver can hold its answer back while the test looks.
  t = await startTestApp({ WEBHOOK_TIMEOUT_MS: '8000' }, { workers: true });
  await seedCast(t);
  const seeded = await t.request({ method: 'POST', url: '/v1/organisations', as: t.config.OPERATOR_ORG_ID, payload: harnosand });
  expect(seeded.statusCode, seeded.body).toBe(201);
  orgNumber = await createSupplier(t);
  const agreement = await t.request({
    method: 'POST',
    url: '/v1/agreements',
    as: cast.adda.id,
    payload: { name: 'HVB barn och unga 2026', category: 'hvb_children', validFrom: '2026-01-01' },
  });
  addaAgreement = agreement.json().id;
  await t.request({ method: 'PUT', url: `/v1/agreements/${addaAgreement}/suppliers/${orgNumber}`, as: cast.adda.id });
});
afterAll(async () => {
  await receivers.closeAll();
  await t.close();
});

interface Reach {
  counts: Record<string, number>;
  event: { type: string; relayedAt: string | null };
  organisations: Array<{ organisationId: string; state: string; deliveredAt: string | null; failingSince: string | null; lastError: string | null; attempts: number }>;
}
const reachOf = async (signalId: string, as: string = cast.adda.id): Promise<Reach> => {
  const res = await t.request({ method: 'GET', url: `/v1/signals/${signalId}/reach`, as });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};
const stateOf = (reach: Reach, org: string) => reach.organisations.find((o) => o.organisationId === org);

/** Polls until `done` holds of the report, or fails with the last one. */
async function reachUntil(signalId: string, done: (r: Reach) => boolean, timeoutMs = 10_000): Promise<Reach> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const reach = await reachOf(signalId);
    if (done(reach)) return reach;
    if (Date.now() > until) throw new Error(`reach never got there: ${JSON.stringify(reach)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

let stopId: string;

describe('GET /v1/signals/{id}/reach', () => {
  it('tells the purchasing centre, per organisation, delivered, pending, failing or no subscription, with counts', async () => {
    const ok = await receivers.start();
    // Holds its answer for 3 s: the delivery stays pending meanwhile.
    const slow = await receivers.start(() => ({ status: 204, delayMs: 3_000 }));
    const broken = await receivers.start(() => ({ status: 500 }));
    const elsewhere = await receivers.start();
    await subscribe(t, cast.sundsvall.id, ok.url, { affects: {} });
    await subscribe(t, cast.kfv.id, slow.url, { affects: {} });
    await subscribe(t, cast.timra.id, broken.url);
    // Umeå subscribes, but not to stops: the relay's rule says no match.
    await subscribe(t, cast.umea.id, elsewhere.url, { types: ['deviation'] });
    // Härnösand has no subscription at all; the auditor's is not counted (not a receiving kind).
    await subscribe(t, cast.revisor.id, (await receivers.start()).url);

    const stop = await t.request({
      method: 'POST',
      url: '/v1/signals',
      as: cast.adda.id,
      payload: { type: 'call_off_stop', supplierOrgNumber: orgNumber, agreementId: addaAgreement, summary: 'Avropsstopp på ramavtalet.' },
    });
    expect(stop.statusCode, stop.body).toBe(201);
    stopId = stop.json().id;

    await Promise.all([ok.waitFor(1), slow.waitFor(1), broken.waitFor(1)]);
    const first = await reachUntil(stopId, (r) => stateOf(r, 'sundsvall')?.state === 'delivered' && stateOf(r, 'timra')?.state === 'failing');
    // The issuer itself, the auditor and the operator are not listed.
    expect(first.organisations.map((o) => o.organisationId)).toEqual(['harnosand', 'kfv', 'sundsvall', 'timra', 'umea']);
    expect(first.counts).toEqual({ total: 5, delivered: 1, pending: 1, failing: 1, not_sent: 0, no_subscription: 2 });
    expect(first.event.type).toBe('signal.created');
    expect(stateOf(first, 'sundsvall')).toMatchObject({ state: 'delivered', attempts: 1 });
    expect(Date.parse(stateOf(first, 'sundsvall')!.deliveredAt!)).toBeGreaterThan(Date.now() - 30_000);
    expect(stateOf(first, 'kfv')).toMatchObject({ state: 'pending', deliveredAt: null });
    const timra = stateOf(first, 'timra')!;
    expect(timra.state).toBe('failing');
    expect(timra.attempts).toBeGreaterThanOrEqual(1);
    expect(timra.lastError).toContain('500');
    expect(timra.failingSince).not.toBeNull();
    expect(stateOf(first, 'umea')!.state).toBe('no_subscription');
    expect(stateOf(first, 'harnosand')!.state).toBe('no_subscription');

    // Once the slow endpoint answers, the federation is reached too.
    const later = await reachUntil(stopId, (r) => stateOf(r, 'kfv')?.state === 'delivered');
    expect(later.counts).toMatchObject({ delivered: 2, pending: 0, failing: 1 });
  });

  it('says not_sent for a matching subscription made after the event went out', async () => {
    await subscribe(t, harnosand.id, (await receivers.start()).url, { affects: {} });
    const reach = await reachOf(stopId);
    expect(stateOf(reach, 'harnosand')!.state).toBe('not_sent');
    expect(reach.counts.no_subscription).toBe(1);
  });

  it('answers only the issuer and auditors; for anyone else the signal is a 404, like an unknown id', async () => {
    expect((await reachOf(stopId, cast.revisor.id)).counts.total).toBe(5);
    for (const member of [cast.sundsvall.id, cast.kfv.id, cast.umea.id]) {
      const res = await t.request({ method: 'GET', url: `/v1/signals/${stopId}/reach`, as: member });
      expect(res.statusCode, member).toBe(404);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(res.json().code).toBe('signals.not_found');
    }
    const operator = await t.request({ method: 'GET', url: `/v1/signals/${stopId}/reach`, as: t.config.OPERATOR_ORG_ID });
    expect(operator.statusCode).toBe(404);
    const unknown = await t.request({ method: 'GET', url: `/v1/signals/${uuidv7()}/reach`, as: cast.adda.id });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(unknown.json().code).toBe('signals.not_found');

    // A member reaches for its own signal: itself left out, the purchasing centre listed.
    const own = await t.request({
      method: 'POST',
      url: '/v1/signals',
      as: cast.umea.id,
      payload: { type: 'call_off_stop', supplierOrgNumber: orgNumber, summary: 'Avropspaus i Umeå.' },
    });
    const mine = await reachOf(own.json().id, cast.umea.id);
    expect(mine.organisations.map((o) => o.organisationId)).toEqual(['adda', 'harnosand', 'kfv', 'sundsvall', 'timra']);
  });

  it('needs a token (401) with the registry:read scope (403)', async () => {
    const anonymous = await t.request({ method: 'GET', url: `/v1/signals/${stopId}/reach` });
    expect(anonymous.statusCode).toBe(401);
    const noScope = await t.request({ method: 'GET', url: `/v1/signals/${stopId}/reach`, as: cast.adda.id, scope: 'signals:write' });
    expect(noScope.statusCode).toBe(403);
    expect(noScope.json().code).toBe('auth.missing_scope');
  });
});
