import { readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { generateSchema } from '../client/generate.ts';
import { beforeAll, describe, expect, it } from 'vitest';
import { all, auditExport, createRegistryClient, pages, RegistryError, unwrap, unwrapJson, verifyWebhook, verifyWebhookV1a, type WebhookKey } from '../client/index.ts';
import { tour } from '../client/examples/tour.ts';
import type { TestApp } from './helpers/app.ts';
import { deliveryTestApp } from './helpers/delivery-app.ts';
import { cast, createAgreement, createSupplier } from './helpers/factories.ts';

/**
 * The typed client (client/) against a real registry on a real port: the README tour as
 * client/examples/tour.ts writes it, errors as RegistryError with the problem document,
 * paging to the end, and both webhook signatures checked with the client's helpers.
 */

let t: TestApp;
let baseUrl: string;
const receivers = deliveryTestApp((app) => (t = app));
beforeAll(async () => {
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  baseUrl = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
  const agreement = await createAgreement(t, cast.adda.id);
  const supplier = await createSupplier(t, cast.sundsvall.id, 'Klientens Omsorg AB');
  const party = await t.request({ method: 'PUT', url: `/v1/agreements/${agreement}/suppliers/${supplier}`, as: cast.adda.id });
  expect(party.statusCode, party.body).toBe(201);
});

describe('the typed client', () => {
  it('is generated from the committed OpenAPI document (npm run openapi rewrites both)', async () => {
    const document = JSON.parse(await readFile(new URL('../openapi/openapi.json', import.meta.url), 'utf8'));
    expect(await readFile(new URL('../client/schema.ts', import.meta.url), 'utf8')).toBe(await generateSchema(document));
  });

  it('drives the README tour: clear, a stop, blocked — and the delivery verifies with v1 and v1a', async () => {
    const receiver = await receivers.start();
    const result = await tour({
      baseUrl,
      tokens: { municipality: t.token(cast.umea.id), purchasingCentre: t.token(cast.adda.id) },
      purchasingCentreId: cast.adda.id,
      receiverUrl: receiver.url,
    });
    expect(result.before).toBe('clear');
    expect(result.after).toBe('blocked');
    expect(result.reasons).toContain(result.stop.id);

    await receiver.waitFor(1);
    const delivery = receiver.received[0]!;
    const body = verifyWebhook(result.subscription.secret, delivery.body, delivery.headers);
    expect(body).toMatchObject({ type: 'signal.created', data: { signalId: result.stop.id } });
    expect(() => verifyWebhook(result.subscription.secret, delivery.body.replace('Avropsstopp', 'Avropsstop'), delivery.headers)).toThrow();

    const published = (await (await fetch(`${baseUrl}/.well-known/webhook-keys`)).json()) as { keys: WebhookKey[] };
    expect(verifyWebhookV1a(published.keys, delivery.body, delivery.headers)).toBe(true);
    expect(verifyWebhookV1a(published.keys, `${delivery.body} `, delivery.headers)).toBe(false);
    expect(verifyWebhookV1a([], delivery.body, delivery.headers)).toBe(false);
  });

  it('reads the audit export (JSON Lines) as entries, and the chain verifies from them', async () => {
    const auditor = createRegistryClient({ baseUrl, token: t.token(cast.revisor.id, 'registry:read audit:read') });
    const entries = await auditExport(auditor);
    expect(entries.length).toBeGreaterThan(5);
    expect(entries.map((e) => e.position)).toEqual(entries.map((_, i) => i + 1));
    const member = createRegistryClient({ baseUrl, token: t.token(cast.umea.id) });
    await expect(auditExport(member)).rejects.toBeInstanceOf(RegistryError);
  });

  it('throws RegistryError with the problem document on a refusal', async () => {
    const client = createRegistryClient({ baseUrl, token: t.token(cast.umea.id) });
    const error = await unwrap(client.GET('/v1/signals/{id}', { params: { path: { id: '01900000-0000-7000-8000-000000000000' } } })).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RegistryError);
    expect((error as RegistryError).status).toBe(404);
    expect((error as RegistryError).problem.code).toBe('signals.not_found');
    const unauthenticated = createRegistryClient({ baseUrl, token: 'not-a-token' });
    const refused = await unwrap(unauthenticated.GET('/v1/signals', {})).catch((e: unknown) => e);
    expect((refused as RegistryError).status).toBe(401);
  });

  it('walks a paged list to the end, page by page, with nothing skipped or repeated', async () => {
    const supplier = await createSupplier(t, cast.sundsvall.id, 'Sidornas Omsorg AB');
    for (let i = 0; i < 7; i++) {
      const res = await t.request({
        method: 'POST',
        url: '/v1/signals',
        as: cast.sundsvall.id,
        payload: { type: 'deviation', supplierOrgNumber: supplier, severity: 'low', category: 'other', summary: `Avvikelse ${i}.` },
      });
      expect(res.statusCode).toBe(201);
    }
    const client = createRegistryClient({ baseUrl, token: t.token(cast.umea.id) });
    const seen: string[] = [];
    let calls = 0;
    for await (const signal of pages((cursor) => {
      calls += 1;
      return unwrapJson(client.GET('/v1/signals', { params: { query: { supplier, limit: 2, ...(cursor ? { cursor } : {}) } } }));
    })) {
      seen.push(signal.id);
    }
    expect(calls).toBe(4);
    expect(new Set(seen).size).toBe(7);
    const inOne = await unwrapJson(client.GET('/v1/signals', { params: { query: { supplier, limit: 100 } } }));
    expect(seen).toEqual(inOne.items.map((s) => s.id));
    expect(await all((cursor) => unwrapJson(client.GET('/v1/signals', { params: { query: { supplier, limit: 3, ...(cursor ? { cursor } : {}) } } })))).toHaveLength(7);
  });
});
