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
