import { describe, expect, it } from 'vitest';
import type { TestApp } from './helpers/app.ts';
import { deliveryTestApp } from './helpers/delivery-app.ts';
import { callOffStop, cast, createSupplier, postSignal, subscribe } from './helpers/factories.ts';

// Each test subscribes on a supplier of its own, so the tests never see each other's events.
// The app's webhook response timeout is 2 s (notificationEnv).
let t: TestApp;
const receivers = deliveryTestApp((app) => (t = app));

const receiver = receivers.start;


type Attempt = { attempt: number; startedAt: string; durationMs: number; statusCode: number | null; error: string | null; nextAttemptAt: string | null };
type Delivery = { id: string; status: string; attempts: number; lastStatusCode: number | null; lastError: string | null; nextAttemptAt: string | null };

const listDeliveries = async (as: string, subscriptionId: string, query = '') => {
  const res = await t.request({ method: 'GET', url: `/v1/subscriptions/${subscriptionId}/deliveries${query}`, as });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { items: Delivery[]; nextCursor: string | null };
};
/** The subscription's only delivery, once it has at least `attempts` recorded attempts. */
async function deliveryAfter(as: string, subscriptionId: string, attempts: number) {
  let found: (Delivery & { attemptLog: Attempt[] }) | undefined;
  await expect
    .poll(
      async () => {
        const [entry] = (await listDeliveries(as, subscriptionId)).items;
        if (!entry) return 0;
        found = (await t.request({ method: 'GET', url: `/v1/deliveries/${entry.id}`, as })).json();
        // The delivery is read before its attempt log, so count on the delivery: the log then has them all.
        return found!.attempts;
      },
      { timeout: 15_000, interval: 100 },
    )
    .toBeGreaterThanOrEqual(attempts);
  return found!;
}
const plannedWait = (a: Attempt) => new Date(a.nextAttemptAt!).getTime() - new Date(a.startedAt).getTime();

describe('a failed attempt', () => {
  it('times out when the endpoint answers later than WEBHOOK_TIMEOUT_MS, is recorded, and is retried', async () => {
    expect(t.config.WEBHOOK_TIMEOUT_MS).toBe(2_000);
    const x = await createSupplier(t);
    const r = await receiver((n) => (n === 1 ? { status: 204, delayMs: 3_500 } : { status: 204 }));
    const sub = await subscribe(t, cast.umea.id, r.url, { suppliers: [x] });
    await postSignal(t, cast.sundsvall.id, callOffStop(x));

    const first = await deliveryAfter(cast.umea.id, sub.id, 1);
    expect(first).toMatchObject({ status: 'pending', attempts: 1, lastStatusCode: null });
    expect(first.lastError).toMatch(/timeout/i);
    const [timedOut] = first.attemptLog;
    expect(timedOut).toMatchObject({ attempt: 1, statusCode: null });
    expect(timedOut!.error).toMatch(/timeout/i);
    // Given up at the timeout, not when the late answer came.
    expect(timedOut!.durationMs).toBeGreaterThanOrEqual(1_900);
    expect(timedOut!.durationMs).toBeLessThan(3_000);
    // The retry is planned on the schedule: 5 s ± 10 % after the attempt ended.
    expect(plannedWait(timedOut!) - timedOut!.durationMs).toBeGreaterThanOrEqual(4_400);
    expect(plannedWait(timedOut!) - timedOut!.durationMs).toBeLessThanOrEqual(5_700);

    // ... and it is sent: the second attempt is answered in time.
    await r.waitFor(2, 12_000);
    const done = await deliveryAfter(cast.umea.id, sub.id, 2);
    expect(done).toMatchObject({ status: 'succeeded', attempts: 2, lastStatusCode: 204, lastError: null });
    expect(r.received[1]!.headers['webhook-id']).toBe(r.received[0]!.headers['webhook-id']);
  });

  it('honours Retry-After on a 503: the next attempt is 8 s later, not on the 5 s schedule', async () => {
    const x = await createSupplier(t);
    const r = await receiver((n) => (n === 1 ? { status: 503, headers: { 'retry-after': '8' } } : { status: 204 }));
    const sub = await subscribe(t, cast.timra.id, r.url, { suppliers: [x] });
    await postSignal(t, cast.sundsvall.id, callOffStop(x));

    const first = await deliveryAfter(cast.timra.id, sub.id, 1);
    expect(first).toMatchObject({ status: 'pending', attempts: 1, lastStatusCode: 503 });
    const planned = plannedWait(first.attemptLog[0]!);
    expect(planned).toBeGreaterThanOrEqual(8_000);
    expect(planned).toBeLessThan(8_600);

    await r.waitFor(2, 15_000);
    const gap = r.received[1]!.at - r.received[0]!.at;
    expect(gap).toBeGreaterThanOrEqual(7_900);
    expect(gap).toBeLessThan(10_000);
    expect(await deliveryAfter(cast.timra.id, sub.id, 2)).toMatchObject({ status: 'succeeded', attempts: 2 });
  }, 30_000);
});

describe('GET /v1/subscriptions/{id}/deliveries', () => {
  it('filters by status and pages with the cursor, newest first, none twice', async () => {
    const x = await createSupplier(t);
    // Deviations fail (and stay pending, waiting for a retry); stops succeed.
    const r = await receiver((_n, req) => ({ status: req.body.includes('"call_off_stop"') ? 204 : 500 }));
    const sub = await subscribe(t, cast.kfv.id, r.url, { suppliers: [x] });
    for (let i = 0; i < 3; i++) await postSignal(t, cast.sundsvall.id, callOffStop(x));
    for (let i = 0; i < 2; i++) await postSignal(t, cast.sundsvall.id, { type: 'deviation', supplierOrgNumber: x, severity: 'high', category: 'staffing', summary: `Avvikelse ${i}.` });
    await r.waitFor(5);
    // Each delivery attempted once: the endpoint fails half its answers, so it takes one
    // attempt at a time (circuit breaker) and a deviation may wait its turn after the fifth request.
    await expect
      .poll(async () => (await listDeliveries(cast.kfv.id, sub.id)).items.map((d) => `${d.status}:${d.lastStatusCode}`).sort(), { timeout: 10_000, interval: 100 })
      .toEqual(['pending:500', 'pending:500', 'succeeded:204', 'succeeded:204', 'succeeded:204']);

    const all = (await listDeliveries(cast.kfv.id, sub.id)).items;
    const ids = all.map((d) => d.id);
    expect(ids).toEqual([...ids].sort().reverse());

    const succeeded = await listDeliveries(cast.kfv.id, sub.id, '?status=succeeded');
    expect(succeeded.items.map((d) => d.status)).toEqual(['succeeded', 'succeeded', 'succeeded']);
    expect(succeeded.nextCursor).toBeNull();
    const pending = await listDeliveries(cast.kfv.id, sub.id, '?status=pending');
    expect(pending.items).toHaveLength(2);
    for (const d of pending.items) expect(d).toMatchObject({ status: 'pending', lastStatusCode: 500 });
    expect((await listDeliveries(cast.kfv.id, sub.id, '?status=failed')).items).toEqual([]);

    /** Follows nextCursor to the end; returns the ids page by page. */
    const pages = async (query: string) => {
      const seen: string[][] = [];
      let cursor: string | null = null;
      do {
        const page: { items: Delivery[]; nextCursor: string | null } = await listDeliveries(
          cast.kfv.id,
          sub.id,
          `?${query}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
        );
        seen.push(page.items.map((d) => d.id));
        cursor = page.nextCursor;
      } while (cursor && seen.length < 10);
      return seen;
    };
    const byTwo = await pages('limit=2');
    expect(byTwo.map((p) => p.length)).toEqual([2, 2, 1]);
    expect(byTwo.flat()).toEqual(ids);
    // The filter holds across pages.
    const succeededByTwo = await pages('status=succeeded&limit=2');
    expect(succeededByTwo.map((p) => p.length)).toEqual([2, 1]);
    expect(succeededByTwo.flat()).toEqual(succeeded.items.map((d) => d.id));
    // A page that ends exactly at the last delivery has no next cursor.
    expect((await listDeliveries(cast.kfv.id, sub.id, '?limit=5')).nextCursor).toBeNull();

    for (const query of ['?cursor=not-a-cursor', '?status=lost', '?limit=0']) {
      const bad = await t.request({ method: 'GET', url: `/v1/subscriptions/${sub.id}/deliveries${query}`, as: cast.kfv.id });
      expect(bad.statusCode, query).toBe(400);
      expect(bad.headers['content-type'], query).toMatch(/application\/problem\+json/);
    }
    const badCursor = await t.request({ method: 'GET', url: `/v1/subscriptions/${sub.id}/deliveries?cursor=not-a-cursor`, as: cast.kfv.id });
    expect(badCursor.json().code).toBe('input.invalid_cursor');
  });
});
