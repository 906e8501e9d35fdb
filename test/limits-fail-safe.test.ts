import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keptUnderKey } from '../src/plugins/idempotency.ts';
import { notificationEnv, startTestApp, type TestApp } from './helpers/app.ts';
import { cast, createSupplier, newOrgNumber, seedCast } from './helpers/factories.ts';

/**
 * Limits fail safe (design.md; issue 12, item 2): the flap limit never refuses what
 * blocks — a stop, a termination, a revoked permit — and refuses what unblocks past the
 * limit; and a refusal that means "not now" is not kept under its Idempotency-Key.
 */

const LIMIT = 10;
let t: TestApp;
let redis: Redis;
let prefix: string;

beforeAll(async () => {
  const env = notificationEnv();
  prefix = env.REDIS_PREFIX!;
  t = await startTestApp({ REDIS_URL: env.REDIS_URL!, REDIS_PREFIX: prefix, SENSITIVE_FLOW_PER_HOUR: String(LIMIT) });
  redis = new Redis(env.REDIS_URL!);
  await seedCast(t);
});
afterAll(async () => {
  const keys = await redis.keys(`${prefix}:*`);
  if (keys.length) await redis.del(...keys);
  redis.disconnect();
  await t?.close();
});

const as = cast.sundsvall.id;
const post = (payload: object, key?: string) =>
  t.request({ method: 'POST', url: '/v1/signals', as, payload, headers: key ? { 'idempotency-key': key } : {} });
const stop = (supplierOrgNumber: string, key?: string) => post({ type: 'call_off_stop', supplierOrgNumber, summary: 'Avropspaus.' }, key);
const lift = (id: string, key?: string) =>
  t.request({ method: 'POST', url: `/v1/signals/${id}/lift`, as, payload: { reason: 'Bristen åtgärdad.' }, headers: key ? { 'idempotency-key': key } : {} });
const statusOf = async (orgNumber: string) => (await t.request({ method: 'GET', url: `/v1/suppliers/${orgNumber}/status`, as })).json().status;
// Registered by another organisation, so only Sundsvall's changes count on Sundsvall's flow.
const freshSupplier = () => createSupplier(t, cast.timra.id);
// What the window passing does: the counter expires.
const windowPasses = (orgNumber: string) => redis.del(`${prefix}:flow:${as}:${orgNumber.replace('-', '')}`);

function expectFlowRefusal(res: { statusCode: number; headers: Record<string, unknown>; json: () => any; body: string }) {
  expect(res.statusCode, res.body).toBe(429);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(res.json().code).toBe('rate_limit.sensitive_flow');
  const retryAfter = Number(res.headers['retry-after']);
  expect(retryAfter).toBeGreaterThan(0);
  expect(retryAfter).toBeLessThanOrEqual(3600);
}

/** Five stop/lift pairs: ten changes, the whole hour's allowance. */
async function flap(orgNumber: string): Promise<void> {
  for (let i = 0; i < LIMIT / 2; i++) {
    const created = await stop(orgNumber);
    expect(created.statusCode, created.body).toBe(201);
    expect((await lift(created.json().id)).statusCode).toBe(200);
  }
}

describe('the flap limit fails safe', () => {
  it('counts a stop once it is written, and not one about an unregistered supplier', async () => {
    const flow = (orgNumber: string) => redis.get(`${prefix}:flow:${as}:${orgNumber.replace('-', '')}`);
    const unregistered = newOrgNumber();
    const refused = await stop(unregistered);
    expect([refused.statusCode, refused.json().code]).toEqual([422, 'signals.unknown_supplier']);
    expect(await flow(unregistered)).toBeNull();
    const orgNumber = await freshSupplier();
    expect((await stop(orgNumber)).statusCode).toBe(201);
    expect(await flow(orgNumber)).toBe('1');
  });

  it('accepts the 6th stop after 5 stop/lift pairs within the window, and limits the 6th lift', async () => {
    const orgNumber = await freshSupplier();
    await flap(orgNumber);
    expect(await statusOf(orgNumber)).toBe('clear');

    const sixth = await stop(orgNumber);
    expect(sixth.statusCode, sixth.body).toBe(201);
    expect(await statusOf(orgNumber)).toBe('blocked');

    const sixthLift = await lift(sixth.json().id);
    expectFlowRefusal(sixthLift);
    // The refused lift changed nothing: the stop holds, at its first version.
    expect(await statusOf(orgNumber)).toBe('blocked');
    const signal = (await t.request({ method: 'GET', url: `/v1/signals/${sixth.json().id}`, as })).json();
    expect(signal).toMatchObject({ status: 'active', version: 1 });
  });

  it('never refuses a termination, a revoked permit or an amended stop, however many', async () => {
    const orgNumber = await freshSupplier();
    await flap(orgNumber);
    const stopped = await stop(orgNumber);
    expect(stopped.statusCode).toBe(201);
    for (let i = 0; i < 3; i++) {
      expect((await post({ type: 'termination', supplierOrgNumber: orgNumber, summary: 'Avtalet hävt.' })).statusCode).toBe(201);
      const permit = await post({ type: 'permit_revoked', supplierOrgNumber: orgNumber, summary: 'Tillståndet återkallat.', reference: '3.5.1-12345/2023', decisionDate: '2026-11-01' });
      expect(permit.statusCode, permit.body).toBe(201);
      const amended = await t.request({ method: 'PATCH', url: `/v1/signals/${stopped.json().id}`, as, payload: { reason: 'Förtydligande.', summary: `Avropspaus, version ${i + 2}.` } });
      expect(amended.statusCode, amended.body).toBe(200);
    }
  });

  it('limits an amendment that ends a stop the way it limits a lift: both unblock', async () => {
    const orgNumber = await freshSupplier();
    await flap(orgNumber);
    const stopped = await stop(orgNumber);
    const ended = await t.request({
      method: 'PATCH',
      url: `/v1/signals/${stopped.json().id}`,
      as,
      payload: { reason: 'Slut.', effectiveFrom: new Date(Date.now() - 3_600_000).toISOString(), effectiveUntil: new Date(Date.now() - 60_000).toISOString() },
    });
    expectFlowRefusal(ended);
    expect(await statusOf(orgNumber)).toBe('blocked');
  });

  it('limits retractions too, and counts per supplier: another supplier is another flow', async () => {
    const orgNumber = await freshSupplier();
    await flap(orgNumber);
    const stopped = await stop(orgNumber);
    const retract = await t.request({ method: 'POST', url: `/v1/signals/${stopped.json().id}/retract`, as, payload: { reason: 'Fel leverantör.' } });
    expectFlowRefusal(retract);
    const other = await freshSupplier();
    const elsewhere = await stop(other);
    expect((await lift(elsewhere.json().id)).statusCode).toBe(200);
  });
});

describe('a refused answer is not kept under its Idempotency-Key', () => {
  it('keeps final answers only: not 429, not 5xx', () => {
    for (const code of [200, 201, 400, 403, 404, 409, 422]) expect(keptUnderKey(code), String(code)).toBe(true);
    for (const code of [429, 500, 502, 503, 504]) expect(keptUnderKey(code), String(code)).toBe(false);
  });

  it('lets a lift refused with 429 go through when retried with the same key after the window', async () => {
    const orgNumber = await freshSupplier();
    await flap(orgNumber);
    const sixth = await stop(orgNumber);
    const key = `lift-${sixth.json().id}`;
    expectFlowRefusal(await lift(sixth.json().id, key));

    // Within the window the retry is refused again: decided afresh, not replayed.
    const tooSoon = await lift(sixth.json().id, key);
    expectFlowRefusal(tooSoon);
    expect(tooSoon.headers['idempotent-replayed']).toBeUndefined();

    await windowPasses(orgNumber);
    const retried = await lift(sixth.json().id, key);
    expect(retried.statusCode, retried.body).toBe(200);
    expect(retried.json()).toMatchObject({ status: 'lifted', version: 2 });
    expect(await statusOf(orgNumber)).toBe('clear');

    // From now on the key holds the lift's answer, replayed, with nothing changed.
    const replayed = await lift(sixth.json().id, key);
    expect(replayed.statusCode).toBe(200);
    expect(replayed.headers['idempotent-replayed']).toBe('true');
    expect(replayed.json()).toEqual(retried.json());
  });
});
