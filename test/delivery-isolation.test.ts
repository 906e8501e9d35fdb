import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWebhookSender } from '../src/modules/deliveries/deliveries.sender.ts';
import { startTestApp, type TestApp } from './helpers/app.ts';
import { callOffStop, cast, createSupplier, postSignal, seedCast, subscribe } from './helpers/factories.ts';
import { receiverPool, startHostileReceiver, verifyWebhook } from './helpers/receiver.ts';

// The normal lane gets two slots, so a few slow deviations fill it.
let t: TestApp;
const receivers = receiverPool();
const hostile: Array<Awaited<ReturnType<typeof startHostileReceiver>>> = [];
beforeAll(async () => {
  t = await startTestApp({ WORKER_CONCURRENCY: '2' }, { workers: true });
  await seedCast(t);
});
afterAll(async () => {
  await t.close();
  await receivers.closeAll();
  await Promise.all(hostile.map((h) => h.close()));
});

const hostileReceiver = async (mode: 'trickle' | 'hang', everyMs?: number) => {
  const h = await startHostileReceiver(mode, everyMs);
  hostile.push(h);
  return h;
};

const deliveriesOf = async (subscriptionId: string) =>
  (
    await t.database.pool.query(`SELECT id, status, attempts, last_error, next_attempt_at, leased_until FROM deliveries WHERE subscription_id = $1 ORDER BY event_seq`, [
      subscriptionId,
    ])
  ).rows;

describe('the attempt deadline', () => {
  const sender = createWebhookSender({ WEBHOOK_ALLOW_PRIVATE_NETWORKS: true, WEBHOOK_CONNECT_TIMEOUT_MS: 1_000, WEBHOOK_TIMEOUT_MS: 1_000 });
  afterAll(() => sender.close());

  it('cuts a receiver that answers 200 and then trickles a byte every 100 ms (an idle timer never would)', async () => {
    const trickle = await hostileReceiver('trickle', 100);
    const started = Date.now();
    const result = await sender.send(trickle.url, ['whsec_' + Buffer.from('k'.repeat(32)).toString('base64')], 'msg_1', '{}');
    const took = Date.now() - started;
    expect(result).toMatchObject({ ok: false, statusCode: null, timedOut: true });
    expect(result.error).toMatch(/^TIMEOUT/);
    expect(took).toBeGreaterThanOrEqual(950);
    expect(took).toBeLessThan(1_800);
  });

  it('cuts a receiver that never answers', async () => {
    const hang = await hostileReceiver('hang');
    const started = Date.now();
    const result = await sender.send(hang.url, ['whsec_' + Buffer.from('k'.repeat(32)).toString('base64')], 'msg_2', '{}');
    expect(result).toMatchObject({ ok: false, timedOut: true });
    expect(Date.now() - started).toBeLessThan(1_800);
  });
});

describe('isolation between endpoints', () => {
  it('records a healthy endpoint’s delivery at once while another endpoint of the same event hangs', async () => {
    const hang = await hostileReceiver('hang');
    const healthy = await receivers.start();
    const slow = await subscribe(t, cast.sundsvall.id, hang.url, { types: ['call_off_stop'] });
    const fine = await subscribe(t, cast.timra.id, healthy.url, { types: ['call_off_stop'] });
    const orgNumber = await createSupplier(t);

    const started = Date.now();
    await postSignal(t, cast.umea.id, callOffStop(orgNumber));
    await healthy.waitFor(1, 5_000);
    // Recorded as delivered long before the hanging attempt's 2 s deadline.
    await expect.poll(async () => (await deliveriesOf(fine.id))[0]?.status, { timeout: 1_500, interval: 50 }).toBe('succeeded');
    expect(Date.now() - started).toBeLessThan(1_800);
    expect((await deliveriesOf(slow.id))[0]).toMatchObject({ status: 'pending', attempts: 0 });

    // The hanging attempt ends at its deadline, is recorded as a timeout and retried.
    await expect.poll(async () => (await deliveriesOf(slow.id))[0]?.attempts, { timeout: 5_000 }).toBe(1);
    const [d] = await deliveriesOf(slow.id);
    expect(d).toMatchObject({ status: 'pending', leased_until: null });
    expect(d.last_error).toMatch(/^TIMEOUT/);
    expect(new Date(d.next_attempt_at).getTime()).toBeGreaterThan(Date.now());
  });

  it('gives a hanging endpoint a few attempts in flight at most, then opens its circuit', async () => {
    const hang = await hostileReceiver('hang');
    const sub = await subscribe(t, cast.umea.id, hang.url, { types: ['deviation'] });
    const orgNumber = await createSupplier(t);
    for (let i = 0; i < 12; i++) {
      await postSignal(t, cast.umea.id, { type: 'deviation', supplierOrgNumber: orgNumber, severity: 'low', category: 'other', summary: `Avvikelse ${i}.` });
    }
    // Attempts time out after 2 s; by then the endpoint has had at most 8 at once.
    await expect.poll(async () => (await t.database.pool.query(`SELECT circuit_open_until FROM subscriptions WHERE id = $1`, [sub.id])).rows[0].circuit_open_until, {
      timeout: 8_000,
    }).not.toBeNull();
    expect(hang.requests()).toBeLessThanOrEqual(8);
    const rows = await deliveriesOf(sub.id);
    expect(rows).toHaveLength(12);
    // Nothing is lost: the ones not yet attempted wait, without using any of their retries.
    expect(rows.every((r) => r.status === 'pending')).toBe(true);
    expect(rows.filter((r) => r.attempts === 0).length).toBeGreaterThanOrEqual(4);
  });
});

describe('the priority lane', () => {
  it('delivers a stop at once while the normal lane is full of deviations to endpoints that hang', async () => {
    // Five hanging endpoints of one organisation take every slot of the normal lane (2) with its deviations.
    for (let i = 0; i < 5; i++) await subscribe(t, cast.kfv.id, (await hostileReceiver('hang')).url, { types: ['deviation'] });
    const healthy = await receivers.start();
    const sub = await subscribe(t, cast.timra.id, healthy.url, { types: ['call_off_stop'] });
    const orgNumber = await createSupplier(t);
    for (let i = 0; i < 8; i++) {
      await postSignal(t, cast.kfv.id, { type: 'deviation', supplierOrgNumber: orgNumber, severity: 'low', category: 'staffing', summary: `Bemanning ${i}.` });
    }
    await new Promise((r) => setTimeout(r, 300));

    const started = Date.now();
    const stop = await postSignal(t, cast.umea.id, callOffStop(orgNumber));
    await healthy.waitFor(1, 5_000);
    expect(Date.now() - started).toBeLessThan(1_000);
    expect(verifyWebhook(sub.secret, healthy.received[0]!).data.signal.id).toBe(stop.id);
  });
});
