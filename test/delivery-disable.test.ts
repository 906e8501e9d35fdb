import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './helpers/app.ts';
import { cast, createSupplier, seedCast } from './helpers/factories.ts';
import { startReceiver } from './helpers/receiver.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({}, { workers: true });
  await seedCast(t);
});
afterAll(() => t.close());

describe('an endpoint that keeps failing', () => {
  it('is disabled once every attempt has failed for five days, and its owner can see why', async () => {
    const receiver = await startReceiver(() => ({ status: 500 }));
    const created = await t.request({ method: 'POST', url: '/v1/subscriptions', as: cast.timra.id, payload: { url: receiver.url } });
    expect(created.statusCode).toBe(201);
    const { id } = created.json();
    // As if the endpoint had been failing since six days back.
    await t.database.pool.query(`UPDATE subscriptions SET failing_since = now() - interval '6 days' WHERE id = $1`, [id]);

    const orgNumber = await createSupplier(t);
    const stop = await t.request({
      method: 'POST',
      url: '/v1/signals',
      as: cast.timra.id,
      payload: { type: 'call_off_stop', supplierOrgNumber: orgNumber, summary: 'Avropspaus.' },
    });
    expect(stop.statusCode).toBe(201);
    await receiver.waitFor(1);

    await expect.poll(async () => (await t.request({ method: 'GET', url: `/v1/subscriptions/${id}`, as: cast.timra.id })).json().status, { timeout: 10_000 }).toBe('disabled');
    const sub = (await t.request({ method: 'GET', url: `/v1/subscriptions/${id}`, as: cast.timra.id })).json();
    expect(sub.disabledReason).toMatch(/5 days/);
    const log = (await t.request({ method: 'GET', url: `/v1/subscriptions/${id}/deliveries`, as: cast.timra.id })).json();
    expect(log.items[0]).toMatchObject({ status: 'failed', attempts: 1, lastStatusCode: 500 });
    await receiver.close();
  });

  it('keeps retrying one that has failed for less than five days', async () => {
    const receiver = await startReceiver((n) => ({ status: n === 1 ? 503 : 204 }));
    const created = await t.request({ method: 'POST', url: '/v1/subscriptions', as: cast.umea.id, payload: { url: receiver.url } });
    const { id } = created.json();
    await t.database.pool.query(`UPDATE subscriptions SET failing_since = now() - interval '4 days' WHERE id = $1`, [id]);
    const orgNumber = await createSupplier(t);
    await t.request({ method: 'POST', url: '/v1/signals', as: cast.umea.id, payload: { type: 'call_off_stop', supplierOrgNumber: orgNumber, summary: 'Avropspaus.' } });
    await receiver.waitFor(2, 20_000);
    const sub = (await t.request({ method: 'GET', url: `/v1/subscriptions/${id}`, as: cast.umea.id })).json();
    expect(sub).toMatchObject({ status: 'active', disabledReason: null });
    await expect.poll(async () => (await t.request({ method: 'GET', url: `/v1/subscriptions/${id}`, as: cast.umea.id })).json().failingSince, { timeout: 5_000 }).toBeNull();
    await receiver.close();
  });
});
