import { afterAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './helpers/app.ts';
import { cast, createSupplier, seedCast, subscribe } from './helpers/factories.ts';
import { receiverPool, verifyWebhook } from './helpers/receiver.ts';

const receivers = receiverPool();
const apps: TestApp[] = [];
afterAll(async () => {
  for (const t of apps) await t.close();
  await receivers.closeAll();
});

// The same behaviour with BullMQ on Redis and with the in-process dispatcher.
describe.each([
  ['BullMQ', true],
  ['the in-process dispatcher', 'in-process'],
] as const)('send again means now, with %s', (_name, workers) => {
  let t: TestApp;
  const start = async () => {
    t = await startTestApp({}, { workers });
    apps.push(t);
    await seedCast(t);
  };

  const firstAttemptFailed = async (as: string) => {
    // 500 to the first attempt, 204 after: the first retry is scheduled about 5 s later.
    const receiver = await receivers.start((n) => ({ status: n === 1 ? 500 : 204 }));
    const sub = await subscribe(t, as, receiver.url);
    const orgNumber = await createSupplier(t);
    const res = await t.request({ method: 'POST', url: '/v1/signals', as, payload: { type: 'call_off_stop', supplierOrgNumber: orgNumber, summary: 'Avropspaus.' } });
    expect(res.statusCode).toBe(201);
    await receiver.waitFor(1, 5_000);
    const firstAt = receiver.received[0]!.at;
    await expect
      .poll(async () => (await t.request({ method: 'GET', url: `/v1/subscriptions/${sub.id}/deliveries`, as })).json().items[0]?.attempts, { timeout: 3_000 })
      .toBe(1);
    const delivery = (await t.request({ method: 'GET', url: `/v1/subscriptions/${sub.id}/deliveries`, as })).json().items[0];
    expect(delivery.status).toBe('pending');
    return { receiver, sub, delivery, firstAt };
  };

  it('redeliver sends at once while a retry is scheduled, and the retry then sends nothing', async () => {
    await start();
    const { receiver, delivery, firstAt } = await firstAttemptFailed(cast.sundsvall.id);

    const asked = Date.now();
    const res = await t.request({ method: 'POST', url: `/v1/deliveries/${delivery.id}/redeliver`, as: cast.sundsvall.id });
    expect(res.statusCode).toBe(202);
    await receiver.waitFor(2, 3_000);
    expect(receiver.received[1]!.at - asked).toBeLessThan(1_500);
    // The same webhook-id, so the receiver can tell it is the same event.
    expect(receiver.received[1]!.headers['webhook-id']).toBe(receiver.received[0]!.headers['webhook-id']);
    await expect.poll(async () => (await t.request({ method: 'GET', url: `/v1/deliveries/${delivery.id}`, as: cast.sundsvall.id })).json().status).toBe('succeeded');

    // Past the retry that was scheduled for ~5 s after the first attempt: it found the delivery done.
    await new Promise((r) => setTimeout(r, Math.max(0, firstAt + 6_500 - Date.now())));
    expect(receiver.received).toHaveLength(2);
    const detail = (await t.request({ method: 'GET', url: `/v1/deliveries/${delivery.id}`, as: cast.sundsvall.id })).json();
    expect(detail.attemptLog.map((a: { statusCode: number }) => a.statusCode)).toEqual([500, 204]);
  });

  it('replay sends at once while a retry is scheduled', async () => {
    const { receiver, sub } = await firstAttemptFailed(cast.timra.id);
    const asked = Date.now();
    const res = await t.request({ method: 'POST', url: `/v1/subscriptions/${sub.id}/replay`, as: cast.timra.id, payload: { since: new Date(asked - 60_000).toISOString() } });
    expect(res.statusCode).toBe(202);
    await receiver.waitFor(2, 3_000);
    expect(receiver.received[1]!.at - asked).toBeLessThan(1_500);
  });

  it('withholds a retracted signal’s content in a replay of its earlier events, too', async () => {
    const receiver = await receivers.start();
    const sub = await subscribe(t, cast.sundsvall.id, receiver.url, { types: ['deviation'] });
    const orgNumber = await createSupplier(t);
    const summary = 'Brister i bemanningen nattetid, enligt uppföljning.';
    const created = await t.request({ method: 'POST', url: '/v1/signals', as: cast.umea.id, payload: { type: 'deviation', supplierOrgNumber: orgNumber, severity: 'high', category: 'staffing', summary } });
    expect(created.statusCode).toBe(201);
    await receiver.waitFor(1);
    expect(verifyWebhook(sub.secret, receiver.received[0]!).data.signal.summary).toBe(summary);
    const retracted = await t.request({ method: 'POST', url: `/v1/signals/${created.json().id}/retract`, as: cast.umea.id, payload: { reason: 'Felaktigt registrerad.' } });
    expect(retracted.statusCode).toBe(200);
    await receiver.waitFor(2);

    const replay = await t.request({ method: 'POST', url: `/v1/subscriptions/${sub.id}/replay`, as: cast.sundsvall.id, payload: { since: new Date(Date.now() - 60_000).toISOString() } });
    expect(replay.json().queued).toBe(2);
    await receiver.waitFor(4);
    const replayed = receiver.received.slice(2).map((r) => verifyWebhook(sub.secret, r));
    expect(replayed.map((p) => p.type).sort()).toEqual(['signal.created', 'signal.retracted']);
    for (const p of replayed) {
      expect(p.data.signal).toEqual({ id: created.json().id, type: 'deviation', supplierOrgNumber: orgNumber, status: 'retracted' });
      expect(JSON.stringify(p)).not.toContain('bemanningen');
    }
  });

  it('shares the resend lane fairly: one organisation’s replay of 150 events does not hold up another’s redelivery', async () => {
    const orgNumber = await createSupplier(t);
    for (let i = 0; i < 150; i++) {
      await t.request({ method: 'POST', url: '/v1/signals', as: cast.umea.id, payload: { type: 'deviation', supplierOrgNumber: orgNumber, severity: 'low', category: 'other', summary: `Avvikelse ${i}.` } });
    }
    // Umeå's receiver takes 100 ms an answer: its replay takes seconds to go through.
    const slow = await receivers.start(() => ({ status: 204, delayMs: 100 }));
    const replaying = await subscribe(t, cast.umea.id, slow.url, { types: ['deviation'], suppliers: [orgNumber] });
    const { receiver, delivery } = await firstAttemptFailed(cast.kfv.id);

    const replay = await t.request({ method: 'POST', url: `/v1/subscriptions/${replaying.id}/replay`, as: cast.umea.id, payload: { since: new Date(Date.now() - 600_000).toISOString() } });
    expect(replay.json().queued).toBe(150);
    await slow.waitFor(10, 5_000);
    const asked = Date.now();
    await t.request({ method: 'POST', url: `/v1/deliveries/${delivery.id}/redeliver`, as: cast.kfv.id });
    await receiver.waitFor(2, 3_000);
    expect(receiver.received[1]!.at - asked).toBeLessThan(1_000);
    // The replay was still going when the other organisation's redelivery went out, and it all arrives.
    expect(slow.received.length).toBeLessThan(150);
    await slow.waitFor(150, 20_000);
  });
});
