import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './helpers/app.ts';
import { cast, createSupplier, seedCast, subscribe } from './helpers/factories.ts';
import { startReceiver, verifyWebhook } from './helpers/receiver.ts';

// Scheduled signals (issue 12, item 7): a signal whose period has not begun reads
// `scheduled` and counts in no status; when it begins, `signal.took_effect` is written and
// delivered. Run as the application's role, with the workers in-process: the sweep that
// announces the start runs under the database's history guard (migrations/0009).
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ DATABASE_APP_ROLE: 'registry_app' }, { workers: true });
  await seedCast(t);
});
afterAll(() => t.close());

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const inMs = (ms: number) => new Date(Date.now() + ms).toISOString();
const get = (url: string, as: string = cast.umea.id) => t.request({ method: 'GET', url, as });
const listed = async (query: string, as: string = cast.umea.id) => {
  const res = await get(`/v1/signals?${query}&limit=200`, as);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items.map((s: { id: string }) => s.id) as string[];
};
const feedOf = async (signalId: string, type: string) =>
  (await get('/v1/events?after=0&limit=1000')).json().items.filter((e: { type: string; signalId?: string }) => e.type === type && e.signalId === signalId) as Array<{
    signalVersion: number;
    signal: { status: string };
  }>;

describe('a call-off stop that takes effect later', () => {
  it('reads scheduled, is not listed as active and does not block until its period begins; then it is announced once by signal.took_effect', async () => {
    const supplier = await createSupplier(t);
    const receiver = await startReceiver();
    const sub = await subscribe(t, cast.sundsvall.id, receiver.url, { suppliers: [supplier] });

    // Umeå's own pause blocks Umeå (and cautions Sundsvall) once it is in effect.
    const created = await t.request({
      method: 'POST',
      url: '/v1/signals',
      as: cast.umea.id,
      payload: { type: 'call_off_stop', supplierOrgNumber: supplier, summary: 'Avropspaus från nästa vecka.', effectiveFrom: inMs(3_000) },
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id as string;
    expect(created.json().status).toBe('scheduled');

    expect((await get(`/v1/signals/${id}`)).json().status).toBe('scheduled');
    expect(await listed(`supplier=${supplier}&status=active`)).not.toContain(id);
    expect(await listed(`supplier=${supplier}&status=scheduled`)).toEqual([id]);
    expect(await listed(`supplier=${supplier}`)).toEqual([id]);
    const before = (await get(`/v1/suppliers/${supplier}/status`)).json();
    expect(before).toMatchObject({ status: 'clear', reasons: [] });

    await receiver.waitFor(2, 15_000);
    // Delivery order is not guaranteed; seq is the order.
    const payloads = receiver.received.map((r) => verifyWebhook(sub.secret, r)).sort((a, b) => a.data.seq - b.data.seq);
    expect(payloads.map((p) => [p.type, p.data.signalVersion, p.data.signal.status])).toEqual([
      ['signal.created', 1, 'scheduled'],
      ['signal.took_effect', 1, 'active'],
    ]);
    // Not before its start: the event is written by the first sweep after effectiveFrom.
    expect(Date.parse(payloads[1]!.timestamp)).toBeGreaterThanOrEqual(Date.parse(created.json().effectiveFrom));

    expect((await get(`/v1/signals/${id}`)).json().status).toBe('active');
    expect(await listed(`supplier=${supplier}&status=active`)).toEqual([id]);
    expect(await listed(`supplier=${supplier}&status=scheduled`)).toEqual([]);
    expect((await get(`/v1/suppliers/${supplier}/status`)).json()).toMatchObject({ status: 'blocked', reasons: [{ signalId: id, effect: 'blocked' }] });

    // Announced once: later sweeps find nothing more to say.
    await sleep(1_000);
    expect(await feedOf(id, 'signal.took_effect')).toHaveLength(1);
    expect(receiver.received).toHaveLength(2);
    await receiver.close();
  });
});

describe('what is and is not announced', () => {
  it('announces the start of the version in effect once, after an amendment moved it', async () => {
    const supplier = await createSupplier(t);
    const created = await t.request({
      method: 'POST',
      url: '/v1/signals',
      as: cast.umea.id,
      payload: { type: 'termination', supplierOrgNumber: supplier, summary: 'Avtalet sägs upp.', effectiveFrom: inMs(1_500) },
    });
    const id = created.json().id as string;
    const moved = await t.request({ method: 'PATCH', url: `/v1/signals/${id}`, as: cast.umea.id, payload: { reason: 'Senare start.', effectiveFrom: inMs(3_000) } });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json()).toMatchObject({ status: 'scheduled', version: 2 });

    // The first start passed unannounced (it is no longer the signal's start) …
    await sleep(2_000);
    expect(await feedOf(id, 'signal.took_effect')).toEqual([]);
    expect((await get(`/v1/signals/${id}`)).json().status).toBe('scheduled');
    // … the new one is announced, once, for version 2.
    await expect.poll(async () => (await feedOf(id, 'signal.took_effect')).map((e) => e.signalVersion), { timeout: 10_000 }).toEqual([2]);
    await sleep(800);
    expect(await feedOf(id, 'signal.took_effect')).toHaveLength(1);
  });

  it('announces nothing for a signal in effect from the start, nor for one retracted before its start', async () => {
    const supplier = await createSupplier(t);
    const now = await t.request({ method: 'POST', url: '/v1/signals', as: cast.umea.id, payload: { type: 'call_off_stop', supplierOrgNumber: supplier, summary: 'Paus nu.' } });
    const past = await t.request({
      method: 'POST',
      url: '/v1/signals',
      as: cast.umea.id,
      payload: { type: 'call_off_stop', supplierOrgNumber: supplier, summary: 'Paus sedan igår.', effectiveFrom: inMs(-86_400_000) },
    });
    const later = await t.request({
      method: 'POST',
      url: '/v1/signals',
      as: cast.umea.id,
      payload: { type: 'call_off_stop', supplierOrgNumber: supplier, summary: 'Paus som aldrig blev av.', effectiveFrom: inMs(1_000) },
    });
    expect([now.json().status, past.json().status, later.json().status]).toEqual(['active', 'active', 'scheduled']);
    expect((await t.request({ method: 'POST', url: `/v1/signals/${later.json().id}/retract`, as: cast.umea.id, payload: { reason: 'Fel.' } })).statusCode).toBe(200);
    await sleep(2_000);
    for (const signal of [now, past, later]) expect(await feedOf(signal.json().id, 'signal.took_effect')).toEqual([]);
  });

  it('says took_effect before expired for a period that began and ended between two sweeps', async () => {
    const supplier = await createSupplier(t);
    const created = await t.request({
      method: 'POST',
      url: '/v1/signals',
      as: cast.umea.id,
      payload: { type: 'call_off_stop', supplierOrgNumber: supplier, summary: 'Kort paus.', effectiveFrom: inMs(400), effectiveUntil: inMs(450) },
    });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id as string;
    const announced = async () =>
      (await get('/v1/events?after=0&limit=1000')).json().items.filter((e: { signalId?: string }) => e.signalId === id).map((e: { type: string; signal: { status: string } }) => [e.type, e.signal.status]);
    await expect.poll(announced, { timeout: 10_000 }).toEqual([
      ['signal.created', 'scheduled'],
      ['signal.took_effect', 'active'],
      ['signal.expired', 'expired'],
    ]);
  });
});
