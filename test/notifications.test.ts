import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './helpers/app.ts';
import { cast, createSupplier, seedCast, subscribe } from './helpers/factories.ts';
import { startReceiver, verifyWebhook } from './helpers/receiver.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({}, { workers: true });
  await seedCast(t);
});
afterAll(() => t.close());

describe('a call-off stop reaches every subscriber', () => {
  it('delivers signed webhooks that verify with the standardwebhooks library', async () => {
    const orgNumber = await createSupplier(t);
    const receivers = await Promise.all([1, 2, 3, 4, 5].map(() => startReceiver()));
    const members = [cast.sundsvall.id, cast.timra.id, cast.umea.id, cast.kfv.id, cast.revisor.id];
    const subs = await Promise.all(members.map((org, i) => subscribe(t, org, receivers[i]!.url)));

    const stop = await t.request({
      method: 'POST',
      url: '/v1/signals',
      as: cast.umea.id,
      payload: { type: 'call_off_stop', supplierOrgNumber: orgNumber, summary: 'Avropspaus i Umeå.' },
    });
    expect(stop.statusCode, stop.body).toBe(201);

    await Promise.all(receivers.map((r) => r.waitFor(1)));
    receivers.forEach((r, i) => {
      const payload = verifyWebhook(subs[i]!.secret, r.received[0]!);
      expect(payload.type).toBe('signal.created');
      expect(payload.data.signal.id).toBe(stop.json().id);
      expect(payload.data.seq).toBeTypeOf('number');
      expect(r.received[0]!.headers['webhook-id']).toBe(payload.data.eventId);
    });
    await Promise.all(receivers.map((r) => r.close()));
  });
});

describe('an effective period that ends', () => {
  it('reads as expired and announces signal.expired once, in the feed and by webhook', async () => {
    const orgNumber = await createSupplier(t);
    const receiver = await startReceiver();
    const sub = await subscribe(t, cast.timra.id, receiver.url, { suppliers: [orgNumber] });
    const until = new Date(Date.now() + 1_500).toISOString();
    const created = await t.request({
      method: 'POST',
      url: '/v1/signals',
      as: cast.timra.id,
      payload: { type: 'call_off_stop', supplierOrgNumber: orgNumber, summary: 'Kort avropspaus.', effectiveUntil: until },
    });
    expect(created.statusCode, created.body).toBe(201);
    await receiver.waitFor(2, 15_000);
    // Delivery order is not guaranteed (a retried first attempt may land later); seq is the order.
    const payloads = receiver.received.map((r) => verifyWebhook(sub.secret, r)).sort((a, b) => a.data.seq - b.data.seq);
    expect(payloads.map((p) => p.type)).toEqual(['signal.created', 'signal.expired']);
    expect(payloads[1]!.data.signal.status).toBe('expired');

    const read = await t.request({ method: 'GET', url: `/v1/signals/${created.json().id}`, as: cast.timra.id });
    expect(read.json().status).toBe('expired');
    const status = await t.request({ method: 'GET', url: `/v1/suppliers/${orgNumber}/status`, as: cast.timra.id });
    expect(status.json().status).toBe('clear');
    // Announced once: a later sweep finds nothing more to say.
    await new Promise((r) => setTimeout(r, 1_000));
    const feed = await t.request({ method: 'GET', url: '/v1/events?after=0&limit=1000', as: cast.timra.id });
    const expired = feed.json().items.filter((e: { type: string; signalId: string }) => e.type === 'signal.expired' && e.signalId === created.json().id);
    expect(expired).toHaveLength(1);
    await receiver.close();
  });
});
