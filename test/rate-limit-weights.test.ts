import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.ts';
import { READ_COSTS } from '../src/plugins/rate-limit.ts';
import { notificationEnv, startTestApp, type TestApp } from './helpers/app.ts';
import { cast, createSupplier, newOrgNumber, seedCast } from './helpers/factories.ts';

/**
 * Expensive reads weigh more than a status read in the per-organisation read limit
 * (issue 13, item 2): a name search spends READ_COSTS.nameSearch, a status batch one per
 * ten numbers, a page of the feed one per hundred entries asked for. The same with Redis
 * (shared by two replicas) and without it (the embedded default's in-process count).
 */

// Room for three searches.
const READS = 3 * READ_COSTS.nameSearch;

describe.each([
  ['with Redis, shared by two replicas', true],
  ['without Redis (embedded)', false],
] as const)('weighted read limits %s', (_label, withRedis) => {
  let t: TestApp;
  let second: FastifyInstance;
  let supplier: string;
  beforeAll(async () => {
    const redis = withRedis ? (({ REDIS_URL, REDIS_PREFIX }) => ({ REDIS_URL: REDIS_URL!, REDIS_PREFIX: REDIS_PREFIX! }))(notificationEnv()) : {};
    t = await startTestApp({ ...redis, RATE_LIMIT_READS_PER_MINUTE: String(READS), RATE_LIMIT_WRITES_PER_MINUTE: '100' });
    expect(t.config.REDIS_URL === undefined).toBe(!withRedis);
    // With Redis, a second replica on the same database and Redis; without, the same app again.
    second = withRedis ? await buildApp({ config: t.config, database: t.database }) : t.app;
    if (withRedis) await second.ready();
    await seedCast(t);
    supplier = await createSupplier(t, cast.sundsvall.id, 'Vägvisarens Familjehem AB');
  });
  afterAll(async () => {
    if (withRedis) await second?.close();
    await t?.close();
  });

  const get = (app: FastifyInstance, org: string, url: string) => app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${t.token(org)}` } });
  const search = (app: FastifyInstance, org: string) => get(app, org, `/v1/suppliers?q=${encodeURIComponent('vagvisarens')}`);
  const status = (app: FastifyInstance, org: string) => get(app, org, `/v1/suppliers/${supplier}/status`);
  const remaining = (res: LightMyRequestResponse) => Number(res.headers['x-ratelimit-remaining']);
  const expectLimited = (res: LightMyRequestResponse, cost: number) => {
    expect(res.statusCode, res.body).toBe(429);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.json()).toMatchObject({ status: 429, code: 'rate_limit.exceeded' });
    if (cost > 1) expect(res.json().detail).toContain(`counts as ${cost}`);
    expect(res.json().detail).toMatch(/try again in \d+ (seconds?|minutes?)\.$/);
    const wait = Number(res.headers['retry-after']);
    expect(wait).toBeGreaterThan(0);
    expect(wait).toBeLessThanOrEqual(60);
  };

  it('spends a search’s weight; a search that no longer fits is refused with how long to wait, and spends nothing', async () => {
    const org = cast.umea.id;
    const first = await search(t.app, org);
    expect(first.statusCode, first.body).toBe(200);
    expect(first.json().items[0].orgNumber).toBe(supplier);
    expect(remaining(first)).toBe(READS - READ_COSTS.nameSearch);
    const again = await search(second, org);
    expect(again.statusCode).toBe(200);
    expect(remaining(again)).toBe(READS - 2 * READ_COSTS.nameSearch);
    // The third spends the rest; the fourth does not fit.
    expect((await search(t.app, org)).statusCode).toBe(200);
    expectLimited(await search(second, org), READ_COSTS.nameSearch);
  });

  it('leaves what a refused search did not spend to the status reads, then refuses them too', async () => {
    const org = cast.timra.id;
    expect((await status(t.app, org)).statusCode).toBe(200);
    for (let i = 0; i < 2; i++) expect((await search(i % 2 ? second : t.app, org)).statusCode).toBe(200);
    // One search's cost less one left: a search does not fit, and spends nothing, so that many status reads still do.
    expectLimited(await search(second, org), READ_COSTS.nameSearch);
    for (let i = 0; i < READ_COSTS.nameSearch - 1; i++) expect((await status(i % 2 ? second : t.app, org)).statusCode).toBe(200);
    expectLimited(await status(t.app, org), 1);
    expectLimited(await search(second, org), READ_COSTS.nameSearch);
  });

  it('counts a status read as 1 and a listing without q as 1, so only the search is heavy', async () => {
    const org = cast.kfv.id;
    const list = await get(t.app, org, '/v1/suppliers');
    expect(list.statusCode).toBe(200);
    expect(remaining(list)).toBe(READS - 1);
    const read = await status(second, org);
    expect(read.statusCode).toBe(200);
    expect(remaining(read)).toBe(READS - 2);
  });

  it('weighs a status batch by its numbers, counted as a read (POST or not), and a feed page by its size', async () => {
    const org = cast.adda.id;
    const orgNumbers = [supplier, ...Array.from({ length: 99 }, () => newOrgNumber())];
    const batch = await t.app.inject({ method: 'POST', url: '/v1/suppliers/status', headers: { authorization: `Bearer ${t.token(org)}` }, payload: { orgNumbers } });
    expect(batch.statusCode, batch.body).toBe(200);
    expect(batch.json().results).toHaveLength(100);
    expect(remaining(batch)).toBe(READS - READ_COSTS.batchStatus(100));
    expect(READ_COSTS.batchStatus(100)).toBe(10);
    const page = await get(second, org, '/v1/events?limit=1000');
    expect(page.statusCode, page.body).toBe(200);
    expect(remaining(page)).toBe(READS - 10 - READ_COSTS.page(1000));
    // READS - 20 left: a batch of that many times ten numbers and one more does not fit; writes are a budget of their own.
    const left = READS - 20;
    const many = [...orgNumbers, ...Array.from({ length: left * 10 + 1 - orgNumbers.length }, () => newOrgNumber())];
    const big = await second.inject({ method: 'POST', url: '/v1/suppliers/status', headers: { authorization: `Bearer ${t.token(org)}` }, payload: { orgNumbers: many } });
    expectLimited(big, left + 1);
    expect((await t.request({ method: 'PUT', url: `/v1/suppliers/${newOrgNumber()}`, as: org, payload: { name: 'Skrivbudgeten AB' } })).statusCode).toBe(201);
  });

  it('does not touch another organisation’s budget', async () => {
    // Umeå and Timrå are spent (above); Sundsvall searches and reads in full.
    const org = cast.sundsvall.id;
    const res = await search(second, org);
    expect(res.statusCode).toBe(200);
    expect(remaining(res)).toBe(READS - READ_COSTS.nameSearch);
    expect((await status(t.app, org)).statusCode).toBe(200);
    expectLimited(await status(t.app, cast.umea.id), 1);
  });
});
