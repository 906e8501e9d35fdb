import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_SUBSCRIPTIONS_PER_ORGANISATION } from '../src/modules/subscriptions/subscriptions.service.ts';
import { startTestApp, type TestApp } from './helpers/app.ts';
import { cast, createSupplier, newOrgNumber, seedCast } from './helpers/factories.ts';

let t: TestApp;
let orgNumber: string;
beforeAll(async () => {
  t = await startTestApp({ BODY_LIMIT_BYTES: '65536', WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'true' });
  await seedCast(t);
  orgNumber = await createSupplier(t);
});
afterAll(() => t.close());

const expectProblem = (res: { statusCode: number; headers: Record<string, unknown>; json(): any }, status: number, code?: string) => {
  expect(res.statusCode).toBe(status);
  expect(String(res.headers['content-type'])).toMatch(/application\/problem\+json/);
  if (code) expect(res.json().code).toBe(code);
};
const signal = (extra: object) => ({ type: 'deviation', supplierOrgNumber: orgNumber, severity: 'low', category: 'other', summary: 'Notering.', ...extra });
const post = (url: string, payload: unknown, as: string = cast.sundsvall.id) => t.request({ method: 'POST', url, as, payload: payload as object });

describe('limits on everything that grows, each a clear 4xx with nothing written', () => {
  it('body size', async () => {
    expectProblem(await post('/v1/signals', signal({ details: 'x'.repeat(70_000) })), 413, 'input.too_large');
  });

  it.each([
    ['summary', { summary: 'x'.repeat(501) }],
    ['details', { details: 'x'.repeat(10_001) }],
    ['reference', { reference: 'x'.repeat(201) }],
  ])('string length: %s', async (_field, extra) => {
    expectProblem(await post('/v1/signals', signal(extra)), 400, 'input.invalid');
  });

  it('string length: reasons and names', async () => {
    const created = (await post('/v1/signals', signal({}))).json();
    expectProblem(await post(`/v1/signals/${created.id}/retract`, { reason: 'x'.repeat(1001) }), 400, 'input.invalid');
    expectProblem(await t.request({ method: 'PUT', url: `/v1/suppliers/${newOrgNumber()}`, as: cast.sundsvall.id, payload: { name: 'x'.repeat(201) } }), 400);
  });

  it('array length: units per supplier', async () => {
    const units = Array.from({ length: 201 }, (_, i) => ({ name: `Enhet ${i}` }));
    const number = newOrgNumber();
    expectProblem(await t.request({ method: 'PUT', url: `/v1/suppliers/${number}`, as: cast.sundsvall.id, payload: { name: 'Stor AB', units } }), 400);
    expect((await t.request({ method: 'GET', url: `/v1/suppliers/${number}`, as: cast.sundsvall.id })).statusCode).toBe(404);
  });

  it('page size', async () => {
    for (const url of ['/v1/signals?limit=201', '/v1/suppliers?limit=201', '/v1/agreements?limit=201', '/v1/events?limit=1001', '/v1/audit?limit=1001']) {
      expectProblem(await t.request({ method: 'GET', url, as: cast.revisor.id }), 400, 'input.invalid');
    }
  });

  it('batch size: at most 1,000 organisation numbers per status batch', async () => {
    const orgNumbers = Array.from({ length: 1001 }, () => orgNumber);
    expectProblem(await post('/v1/suppliers/status', { orgNumbers }), 400, 'input.invalid');
  });

  it('filter count: values per subscription filter', async () => {
    const filters = { municipalityCodes: Array.from({ length: 301 }, (_, i) => String(1000 + i)) };
    expectProblem(await post('/v1/subscriptions', { url: 'http://127.0.0.1:9/hook', filters }, cast.kfv.id), 400, 'input.invalid');
  });

  it('subscriptions per organisation', async () => {
    for (let i = 0; i < MAX_SUBSCRIPTIONS_PER_ORGANISATION; i++) {
      expect((await post('/v1/subscriptions', { url: `http://127.0.0.1:9/hook/${i}` }, cast.umea.id)).statusCode).toBe(201);
    }
    expectProblem(await post('/v1/subscriptions', { url: 'http://127.0.0.1:9/hook/extra' }, cast.umea.id), 409, 'subscriptions.limit_reached');
    const count = await t.database.pool.query(`SELECT count(*)::int AS n FROM subscriptions WHERE org_id = 'umea'`);
    expect(count.rows[0].n).toBe(MAX_SUBSCRIPTIONS_PER_ORGANISATION);
  });

  it('query strings and ids', async () => {
    expectProblem(await t.request({ method: 'GET', url: `/v1/suppliers?q=${'x'.repeat(101)}`, as: cast.umea.id }), 400);
    expectProblem(await t.request({ method: 'GET', url: `/v1/signals?cursor=${'x'.repeat(201)}`, as: cast.umea.id }), 400);
    expectProblem(await t.request({ method: 'GET', url: `/v1/organisations/${'x'.repeat(64)}`, as: cast.umea.id }), 400);
  });
});
