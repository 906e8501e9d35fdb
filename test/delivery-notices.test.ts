import { describe, expect, it } from 'vitest';
import type { TestApp } from './helpers/app.ts';
import { deliveryTestApp } from './helpers/delivery-app.ts';
import { callOffStop, cast, createSupplier, postSignal, subscribe } from './helpers/factories.ts';
import { verifyWebhook } from './helpers/receiver.ts';

let t: TestApp;
const receivers = deliveryTestApp((app) => (t = app));

const feed = async (as: string) => (await t.request({ method: 'GET', url: '/v1/events?limit=1000', as })).json().items as Array<Record<string, any>>;

describe('a subscription that fails is never silent', () => {
  it('tells its organisation once it has failed for 15 minutes and when it is disabled, on the feed and on its other subscriptions', async () => {
    const broken = await receivers.start(() => ({ status: 500 }));
    const other = await receivers.start();
    const failing = await subscribe(t, cast.sundsvall.id, broken.url, { types: ['call_off_stop'] });
    const told = await subscribe(t, cast.sundsvall.id, other.url, { types: ['deviation'] });
    const orgNumber = await createSupplier(t);

    // Failing for 10 minutes: not yet announced.
    await t.database.pool.query(`UPDATE subscriptions SET failing_since = now() - interval '10 minutes' WHERE id = $1`, [failing.id]);
    await postSignal(t, cast.umea.id, callOffStop(orgNumber));
    await broken.waitFor(1);
    await expect.poll(async () => (await t.request({ method: 'GET', url: `/v1/subscriptions/${failing.id}`, as: cast.sundsvall.id })).json().health.consecutiveFailures).toBe(1);
    expect((await feed(cast.sundsvall.id)).filter((e) => e.type === 'subscription.failing')).toHaveLength(0);

    // Past 15 minutes: announced, once.
    await t.database.pool.query(`UPDATE subscriptions SET failing_since = now() - interval '16 minutes', circuit_open_until = NULL WHERE id = $1`, [failing.id]);
    await postSignal(t, cast.umea.id, callOffStop(orgNumber));
    await other.waitFor(1, 10_000);
    const notice = verifyWebhook(told.secret, other.received[0]!);
    expect(notice.type).toBe('subscription.failing');
    expect(notice.data.notice).toMatchObject({ subscriptionId: failing.id, url: broken.url, consecutiveFailures: 2, lastError: 'HTTP 500', disabledReason: null });
    const mine = (await feed(cast.sundsvall.id)).filter((e) => e.type === 'subscription.failing');
    expect(mine).toHaveLength(1);
    expect(mine[0]!.notice.subscriptionId).toBe(failing.id);
    // Nobody else's business, auditors' included.
    for (const org of [cast.timra.id, cast.umea.id, cast.revisor.id]) expect((await feed(org)).some((e) => e.type.startsWith('subscription.'))).toBe(false);

    await t.database.pool.query(`UPDATE subscriptions SET circuit_open_until = NULL, consecutive_failures = 0 WHERE id = $1`, [failing.id]);
    await postSignal(t, cast.umea.id, callOffStop(orgNumber));
    await broken.waitFor(3);
    await new Promise((r) => setTimeout(r, 500));
    expect((await feed(cast.sundsvall.id)).filter((e) => e.type === 'subscription.failing')).toHaveLength(1);

    // Failing for six days: disabled at the next failure, and announced.
    await t.database.pool.query(`UPDATE subscriptions SET failing_since = now() - interval '6 days', circuit_open_until = NULL, consecutive_failures = 0 WHERE id = $1`, [failing.id]);
    await postSignal(t, cast.umea.id, callOffStop(orgNumber));
    await other.waitFor(2, 10_000);
    const disabled = verifyWebhook(told.secret, other.received[1]!);
    expect(disabled.type).toBe('subscription.disabled');
    expect(disabled.data.notice.subscriptionId).toBe(failing.id);
    expect(disabled.data.notice.disabledReason).toMatch(/5 days/);
    const sub = (await t.request({ method: 'GET', url: `/v1/subscriptions/${failing.id}`, as: cast.sundsvall.id })).json();
    expect(sub.status).toBe('disabled');
    expect((await feed(cast.sundsvall.id)).filter((e) => e.type === 'subscription.disabled')).toHaveLength(1);
  });

  it('shows each subscription’s health in the list: last success, failing since, failures in a row, next attempt', async () => {
    const flaky = await receivers.start((n) => ({ status: n <= 1 ? 503 : 204 }));
    const sub = await subscribe(t, cast.timra.id, flaky.url, { types: ['call_off_stop'] });
    const orgNumber = await createSupplier(t);
    await postSignal(t, cast.umea.id, callOffStop(orgNumber));
    await flaky.waitFor(1);
    const health = async () =>
      ((await t.request({ method: 'GET', url: '/v1/subscriptions', as: cast.timra.id })).json().items as Array<Record<string, any>>).find((s) => s.id === sub.id)!.health;
    await expect.poll(async () => (await health()).consecutiveFailures).toBe(1);
    const failingHealth = await health();
    expect(failingHealth).toMatchObject({ lastSuccessAt: null, lastError: 'HTTP 503', pendingDeliveries: 1, circuitOpenUntil: null });
    expect(failingHealth.failingSince).not.toBeNull();
    expect(new Date(failingHealth.nextAttemptAt).getTime()).toBeGreaterThan(Date.now());

    // The retry 5 s later succeeds and the endpoint is healthy again.
    await flaky.waitFor(2, 10_000);
    await expect.poll(async () => (await health()).consecutiveFailures, { timeout: 3_000 }).toBe(0);
    const healthy = await health();
    expect(healthy).toMatchObject({ failingSince: null, pendingDeliveries: 0, nextAttemptAt: null });
    expect(healthy.lastSuccessAt).not.toBeNull();
  });
});
