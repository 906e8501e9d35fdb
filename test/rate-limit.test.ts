import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.ts';
import { notificationEnv, startTestApp, type TestApp } from './helpers/app.ts';
import { cast, createSupplier, seedCast } from './helpers/factories.ts';

let t: TestApp;
let second: FastifyInstance;
beforeAll(async () => {
  const { REDIS_URL, REDIS_PREFIX } = notificationEnv();
  t = await startTestApp({ REDIS_URL: REDIS_URL!, REDIS_PREFIX: REDIS_PREFIX!, RATE_LIMIT_WRITES_PER_MINUTE: '6', RATE_LIMIT_READS_PER_MINUTE: '10', SENSITIVE_FLOW_PER_HOUR: '3' });
  // A second API replica on the same database and the same Redis.
  second = await buildApp({ config: t.config, database: t.database });
  await second.ready();
  await seedCast(t);
});
afterAll(async () => {
  await second.close();
  await t.close();
});

const read = (app: FastifyInstance, org: string) =>
  app.inject({ method: 'GET', url: '/v1/organisations', headers: { authorization: `Bearer ${t.token(org)}` } });

describe('rate limits per organisation, shared by every replica', () => {
  it('counts one organisation’s requests across two app instances and answers 429 with Retry-After', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 12; i++) codes.push((await read(i % 2 ? second : t.app, cast.umea.id)).statusCode);
    expect(codes.slice(0, 10)).toEqual(Array(10).fill(200));
    expect(codes.slice(10)).toEqual([429, 429]);
    const limited = await read(second, cast.umea.id);
    expect(limited.statusCode).toBe(429);
    expect(limited.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(limited.json()).toMatchObject({ status: 429, code: 'rate_limit.exceeded' });
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('does not slow another organisation down', async () => {
    expect((await read(t.app, cast.timra.id)).statusCode).toBe(200);
    expect((await read(second, cast.timra.id)).statusCode).toBe(200);
  });

  it('limits writes more strictly than reads', async () => {
    const orgNumber = await createSupplier(t, cast.kfv.id); // write 1
    const codes: number[] = [];
    for (let i = 0; i < 6; i++) {
      const app = i % 2 ? second : t.app;
      const res = await app.inject({
        method: 'POST',
        url: '/v1/signals',
        headers: { authorization: `Bearer ${t.token(cast.kfv.id)}` },
        payload: { type: 'deviation', supplierOrgNumber: orgNumber, severity: 'low', category: 'other', summary: `Notering ${i}.` },
      });
      codes.push(res.statusCode);
    }
    expect(codes).toEqual([201, 201, 201, 201, 201, 429]);
    // Reads are counted apart from writes.
    expect((await read(t.app, cast.kfv.id)).statusCode).toBe(200);
  });

  it('counts stops against one supplier from one organisation on every replica, never refuses one, and limits the lift that follows', async () => {
    // Registered by another organisation, so Sundsvall's general write quota covers just the stops.
    const orgNumber = await createSupplier(t, cast.timra.id);
    const stop = (app: FastifyInstance, supplier: string) =>
      app.inject({
        method: 'POST',
        url: '/v1/signals',
        headers: { authorization: `Bearer ${t.token(cast.sundsvall.id)}` },
        payload: { type: 'call_off_stop', supplierOrgNumber: supplier, summary: 'Avropspaus.' },
      });
    expect((await stop(t.app, orgNumber)).statusCode).toBe(201);
    expect((await stop(second, orgNumber)).statusCode).toBe(201);
    const third = await stop(t.app, orgNumber);
    expect(third.statusCode).toBe(201);
    // Past the limit a stop is still accepted: the limit fails safe (test/limits-fail-safe.test.ts).
    expect((await stop(second, orgNumber)).statusCode).toBe(201);
    const lift = await second.inject({
      method: 'POST',
      url: `/v1/signals/${third.json().id}/lift`,
      headers: { authorization: `Bearer ${t.token(cast.sundsvall.id)}` },
      payload: { reason: 'Bristen åtgärdad.' },
    });
    expect(lift.statusCode).toBe(429);
    expect(lift.json().code).toBe('rate_limit.sensitive_flow');
    expect(Number(lift.headers['retry-after'])).toBeGreaterThan(0);
    // Nothing half-written: four stops, all still active.
    const count = await t.database.pool.query(`SELECT count(*)::int AS n FROM signals WHERE supplier_org_number = $1 AND status = 'active'`, [orgNumber.replace('-', '')]);
    expect(count.rows[0].n).toBe(4);
  });
});
