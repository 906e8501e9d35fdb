import { describe, expect, it } from 'vitest';
import type { TestApp } from './helpers/app.ts';
import { deliveryTestApp } from './helpers/delivery-app.ts';
import { callOffStop, cast, createSupplier, deviation, postSignal, subscribe } from './helpers/factories.ts';
import { verifyWebhook } from './helpers/receiver.ts';

// Every test filters its subscriptions on suppliers of its own, so the tests in this
// file, which share one app and one outbox, never see each other's events.
let t: TestApp;
const receivers = deliveryTestApp((app) => (t = app));

const receiver = receivers.start;

const deliveryLog = async (as: string, subscriptionId: string) => {
  const res = await t.request({ method: 'GET', url: `/v1/subscriptions/${subscriptionId}/deliveries`, as });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items as Array<{ id: string; eventId: string; status: string; attempts: number }>;
};
const readDelivery = async (as: string, id: string) => {
  const res = await t.request({ method: 'GET', url: `/v1/deliveries/${id}`, as });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};
/** Waits until the subscription's deliveries are all recorded as succeeded. */
const allSucceeded = (as: string, subscriptionId: string, count: number) =>
  expect
    .poll(async () => (await deliveryLog(as, subscriptionId)).map((d) => d.status), { timeout: 10_000, interval: 100 })
    .toEqual(Array(count).fill('succeeded'));

type Receiver = Awaited<ReturnType<typeof receiver>>;
const signalIds = (r: Receiver, secret: string) => r.received.map((x) => verifyWebhook(secret, x).data.signal.id as string);

const count = async (sql: string, params: unknown[]) => (await t.database.pool.query(sql, params)).rows[0].n as number;

/**
 * Waits until the relay has decided about every event of these signals. It marks an event
 * relayed in the transaction that writes the event's deliveries, so once it is marked no
 * delivery for it can appear: a subscription without one now will never be sent it.
 */
async function relayDecided(...signals: Array<{ id: string }>) {
  const ids = signals.map((s) => s.id);
  expect(await count('SELECT count(*)::int AS n FROM events WHERE signal_id = ANY($1::uuid[])', [ids])).toBeGreaterThanOrEqual(ids.length);
  await expect
    .poll(() => count('SELECT count(*)::int AS n FROM events WHERE signal_id = ANY($1::uuid[]) AND relayed_at IS NULL', [ids]), { timeout: 10_000, interval: 50 })
    .toBe(0);
}

/**
 * Waits until the subscription's `deliveries` are all finished — none due, in flight or asked
 * to be resent — and checks the receiver got exactly the attempts the registry recorded, so a
 * send the registry did not decide on shows as one request too many.
 */
async function settled(sub: { id: string }, r: Receiver, deliveries: number) {
  const open = () =>
    count(`SELECT count(*)::int AS n FROM deliveries WHERE subscription_id = $1 AND (status = 'pending' OR leased_until IS NOT NULL OR resend_requested_at IS NOT NULL)`, [sub.id]);
  await expect.poll(open, { timeout: 15_000, interval: 50 }).toBe(0);
  expect(await count('SELECT count(*)::int AS n FROM deliveries WHERE subscription_id = $1', [sub.id]), sub.id).toBe(deliveries);
  const attempts = await count('SELECT coalesce(sum(attempts), 0)::int AS n FROM deliveries WHERE subscription_id = $1', [sub.id]);
  expect(r.received, sub.id).toHaveLength(attempts);
}

/** The subscriptions that must not be served these signals: the relay decided, made no delivery for them, and nothing arrived. */
async function expectNothingFor(as: string, signals: Array<{ id: string }>, ...subs: Array<{ sub: { id: string }; r: Receiver }>) {
  await relayDecided(...signals);
  for (const { sub, r } of subs) {
    expect(await deliveryLog(as, sub.id)).toHaveLength(0);
    expect(r.received, `${as} ${sub.id}`).toHaveLength(0);
  }
}

describe('filters decide who gets what', () => {
  it('types: only the listed signal types', async () => {
    const x = await createSupplier(t);
    const [rStops, rDeviations] = [await receiver(), await receiver()];
    const stops = await subscribe(t, cast.umea.id, rStops.url, { suppliers: [x], types: ['call_off_stop'] });
    const deviations = await subscribe(t, cast.umea.id, rDeviations.url, { suppliers: [x], types: ['deviation', 'termination'] });

    const d = await postSignal(t, cast.sundsvall.id, deviation(x));
    const s = await postSignal(t, cast.sundsvall.id, callOffStop(x));
    await Promise.all([rStops.waitFor(1), rDeviations.waitFor(1)]);
    await relayDecided(d, s);
    await settled(stops, rStops, 1);
    await settled(deviations, rDeviations, 1);
    expect(signalIds(rStops, stops.secret)).toEqual([s.id]);
    expect(signalIds(rDeviations, deviations.secret)).toEqual([d.id]);
  });

  it('suppliers: only signals about the listed suppliers (any of them)', async () => {
    const [x, y] = [await createSupplier(t), await createSupplier(t)];
    const [rX, rY, rXY] = [await receiver(), await receiver(), await receiver()];
    const onX = await subscribe(t, cast.timra.id, rX.url, { suppliers: [x] });
    const onY = await subscribe(t, cast.timra.id, rY.url, { suppliers: [y] });
    const onBoth = await subscribe(t, cast.timra.id, rXY.url, { suppliers: [y, x] });

    const signal = await postSignal(t, cast.sundsvall.id, callOffStop(x));
    await Promise.all([rX.waitFor(1), rXY.waitFor(1)]);
    expect(signalIds(rX, onX.secret)).toEqual([signal.id]);
    expect(signalIds(rXY, onBoth.secret)).toEqual([signal.id]);
    await expectNothingFor(cast.timra.id, [signal], { sub: onY, r: rY });
  });

  it('agreements: only signals under the listed framework agreements', async () => {
    const x = await createSupplier(t);
    const agreement = async (name: string) => {
      const res = await t.request({ method: 'POST', url: '/v1/agreements', as: cast.adda.id, payload: { name, category: 'hvb_children', validFrom: '2026-01-01' } });
      expect(res.statusCode, res.body).toBe(201);
      const party = await t.request({ method: 'PUT', url: `/v1/agreements/${res.json().id}/suppliers/${x}`, as: cast.adda.id });
      expect(party.statusCode, party.body).toBe(201);
      return res.json().id as string;
    };
    const [hvb, familyHomes] = [await agreement('HVB barn 2026'), await agreement('Familjehem 2026')];
    const [rHvb, rFamily, rAll] = [await receiver(), await receiver(), await receiver()];
    const onHvb = await subscribe(t, cast.kfv.id, rHvb.url, { suppliers: [x], agreements: [hvb] });
    const onFamily = await subscribe(t, cast.kfv.id, rFamily.url, { suppliers: [x], agreements: [familyHomes] });
    const all = await subscribe(t, cast.kfv.id, rAll.url, { suppliers: [x] });

    const underHvb = await postSignal(t, cast.adda.id, callOffStop(x, { agreementId: hvb }));
    // A signal under no agreement does not match an agreements filter.
    const noAgreement = await postSignal(t, cast.sundsvall.id, deviation(x, { severity: 'high' }));
    await Promise.all([rHvb.waitFor(1), rAll.waitFor(2)]);
    await relayDecided(underHvb, noAgreement);
    await settled(onHvb, rHvb, 1);
    await settled(all, rAll, 2);
    expect(signalIds(rHvb, onHvb.secret)).toEqual([underHvb.id]);
    expect(signalIds(rAll, all.secret).sort()).toEqual([underHvb.id, noAgreement.id].sort());
    await expectNothingFor(cast.kfv.id, [underHvb, noAgreement], { sub: onFamily, r: rFamily });
  });

  it("municipalityCodes: only signals issued by the listed municipalities (the issuer's kommunkod)", async () => {
    const x = await createSupplier(t);
    const [rSundsvall, rUmea, rMembers, rAll] = [await receiver(), await receiver(), await receiver(), await receiver()];
    const onSundsvall = await subscribe(t, cast.kfv.id, rSundsvall.url, { suppliers: [x], municipalityCodes: ['2281'] });
    const onUmea = await subscribe(t, cast.kfv.id, rUmea.url, { suppliers: [x], municipalityCodes: ['2480'] });
    const onMembers = await subscribe(t, cast.kfv.id, rMembers.url, { suppliers: [x], municipalityCodes: ['2281', '2262'] });
    const all = await subscribe(t, cast.kfv.id, rAll.url, { suppliers: [x] });

    const bySundsvall = await postSignal(t, cast.sundsvall.id, deviation(x));
    const byTimra = await postSignal(t, cast.timra.id, deviation(x));
    // A federation has no kommunkod: its signals match no municipality filter.
    const byKfv = await postSignal(t, cast.kfv.id, deviation(x));
    await Promise.all([rSundsvall.waitFor(1), rMembers.waitFor(2), rAll.waitFor(3)]);
    await relayDecided(bySundsvall, byTimra, byKfv);
    await settled(onSundsvall, rSundsvall, 1);
    await settled(onMembers, rMembers, 2);
    await settled(all, rAll, 3);
    expect(signalIds(rSundsvall, onSundsvall.secret)).toEqual([bySundsvall.id]);
    expect(signalIds(rMembers, onMembers.secret).sort()).toEqual([bySundsvall.id, byTimra.id].sort());
    expect(signalIds(rAll, all.secret).sort()).toEqual([bySundsvall.id, byTimra.id, byKfv.id].sort());
    await expectNothingFor(cast.kfv.id, [bySundsvall, byTimra, byKfv], { sub: onUmea, r: rUmea });
  });

  it('minSeverity: holds back lower deviations; a stop, which has no severity, always passes', async () => {
    const x = await createSupplier(t);
    const [rHigh, rAll] = [await receiver(), await receiver()];
    const high = await subscribe(t, cast.umea.id, rHigh.url, { suppliers: [x], minSeverity: 'high' });
    const all = await subscribe(t, cast.umea.id, rAll.url, { suppliers: [x] });

    const low = await postSignal(t, cast.sundsvall.id, deviation(x, { severity: 'low' }));
    const medium = await postSignal(t, cast.sundsvall.id, deviation(x, { severity: 'medium' }));
    const critical = await postSignal(t, cast.sundsvall.id, deviation(x, { severity: 'critical' }));
    const highOne = await postSignal(t, cast.sundsvall.id, deviation(x, { severity: 'high' }));
    const callOff = await postSignal(t, cast.sundsvall.id, callOffStop(x));
    await Promise.all([rHigh.waitFor(3), rAll.waitFor(5)]);
    await relayDecided(low, medium, critical, highOne, callOff);
    await settled(all, rAll, 5);
    await settled(high, rHigh, 3);
    expect(signalIds(rAll, all.secret).sort()).toEqual([low.id, medium.id, critical.id, highOne.id, callOff.id].sort());
    expect(signalIds(rHigh, high.secret).sort()).toEqual([critical.id, highOne.id, callOff.id].sort());
  });

  it('visibility: an issuer_and_auditors signal reaches only the issuer and the auditor', async () => {
    const x = await createSupplier(t);
    const orgs = [cast.sundsvall.id, cast.timra.id, cast.umea.id, cast.kfv.id, cast.adda.id, cast.revisor.id];
    const subs = await Promise.all(
      orgs.map(async (org) => {
        const r = await receiver();
        return { org, r, sub: await subscribe(t, org, r.url, { suppliers: [x] }) };
      }),
    );
    const byOrg = (org: string) => subs.find((s) => s.org === org)!;

    const restricted = await postSignal(t, cast.sundsvall.id, deviation(x, { severity: 'high', visibility: 'issuer_and_auditors' }));
    await Promise.all([byOrg(cast.sundsvall.id).r.waitFor(1), byOrg(cast.revisor.id).r.waitFor(1)]);
    for (const org of [cast.sundsvall.id, cast.revisor.id]) {
      const payload = verifyWebhook(byOrg(org).sub.secret, byOrg(org).r.received[0]!);
      expect(payload.data.signal).toMatchObject({ id: restricted.id, visibility: 'issuer_and_auditors' });
    }
    for (const org of [cast.timra.id, cast.umea.id, cast.kfv.id, cast.adda.id]) await expectNothingFor(org, [restricted], byOrg(org));

    // A members signal about the same supplier reaches everyone: the filters were not the reason.
    const open = await postSignal(t, cast.sundsvall.id, deviation(x, { severity: 'high' }));
    await Promise.all(subs.map(({ r }) => r.waitFor(1)));
    for (const org of [cast.timra.id, cast.umea.id, cast.kfv.id, cast.adda.id]) {
      expect(signalIds(byOrg(org).r, byOrg(org).sub.secret), org).toEqual([open.id]);
    }
  });
});

describe('delivery', () => {
  it('sends the first attempt at once, not after the overdue sweep', async () => {
    // The sweep re-queues deliveries 2 s after they fell due; the first attempt must not wait for it.
    for (let i = 0; i < 3; i++) {
      const x = await createSupplier(t);
      const r = await receiver();
      await subscribe(t, cast.umea.id, r.url, { suppliers: [x] });
      const started = Date.now();
      await postSignal(t, cast.timra.id, callOffStop(x));
      await r.waitFor(1);
      expect(r.received[0]!.at - started).toBeLessThan(1_500);
    }
  });

  it('retries after a 500: delivered on the 2nd attempt about 5 s later, with the same webhook-id', async () => {
    const x = await createSupplier(t);
    const r = await receiver((n) => ({ status: n === 1 ? 500 : 204 }));
    const sub = await subscribe(t, cast.sundsvall.id, r.url, { suppliers: [x] });
    await postSignal(t, cast.umea.id, callOffStop(x));
    await r.waitFor(2, 12_000);

    // 5 s ± 10 % jitter, plus a little for the queue.
    const gap = r.received[1]!.at - r.received[0]!.at;
    expect(gap).toBeGreaterThanOrEqual(4_400);
    expect(gap).toBeLessThan(7_000);
    const [first, second] = r.received.map((x) => verifyWebhook(sub.secret, x));
    expect(r.received[0]!.headers['webhook-id']).toBe(r.received[1]!.headers['webhook-id']);
    expect(second).toEqual(first);

    await allSucceeded(cast.sundsvall.id, sub.id, 1);
    const [entry] = await deliveryLog(cast.sundsvall.id, sub.id);
    expect(entry!.eventId).toBe(r.received[0]!.headers['webhook-id']);
    const delivery = await readDelivery(cast.sundsvall.id, entry!.id);
    expect(delivery).toMatchObject({ status: 'succeeded', attempts: 2, lastStatusCode: 204, lastError: null });
    expect(delivery.succeededAt).not.toBeNull();
    expect(delivery.attemptLog.map((a: { attempt: number; statusCode: number }) => [a.attempt, a.statusCode])).toEqual([
      [1, 500],
      [2, 204],
    ]);
    const [a1, a2] = delivery.attemptLog;
    expect(a1.error).toMatch(/500/);
    const planned = new Date(a1.nextAttemptAt).getTime() - new Date(a1.startedAt).getTime();
    expect(planned).toBeGreaterThanOrEqual(4_400);
    expect(planned).toBeLessThanOrEqual(5_600);
    expect(a2).toMatchObject({ error: null, nextAttemptAt: null });
  });

  it('410 Gone disables the subscription, says why, and sends it nothing more', async () => {
    const x = await createSupplier(t);
    const [rGone, rOther] = [await receiver(() => ({ status: 410 })), await receiver()];
    const gone = await subscribe(t, cast.timra.id, rGone.url, { suppliers: [x] });
    await subscribe(t, cast.timra.id, rOther.url, { suppliers: [x] });
    await postSignal(t, cast.sundsvall.id, callOffStop(x));
    await Promise.all([rGone.waitFor(1), rOther.waitFor(1)]);

    await expect
      .poll(async () => (await t.request({ method: 'GET', url: `/v1/subscriptions/${gone.id}`, as: cast.timra.id })).json().status, { timeout: 5_000 })
      .toBe('disabled');
    const read = (await t.request({ method: 'GET', url: `/v1/subscriptions/${gone.id}`, as: cast.timra.id })).json();
    expect(read.disabledReason).toMatch(/410/);
    expect(read.disabledAt).not.toBeNull();
    const [failed] = await deliveryLog(cast.timra.id, gone.id);
    // No retry is planned for a 410.
    expect(failed).toMatchObject({ status: 'failed', attempts: 1, lastStatusCode: 410, nextAttemptAt: null });

    const after = await postSignal(t, cast.sundsvall.id, deviation(x, { severity: 'high' }));
    await rOther.waitFor(2);
    // The relay decided about the later signal and made the disabled subscription no delivery.
    await relayDecided(after);
    await settled(gone, rGone, 1);
    expect(rGone.received).toHaveLength(1);
    expect(await deliveryLog(cast.timra.id, gone.id)).toHaveLength(1);
  });

  it('after rotate-secret both secrets sign, and each verifies', async () => {
    const x = await createSupplier(t);
    const r = await receiver();
    const sub = await subscribe(t, cast.umea.id, r.url, { suppliers: [x] });
    await postSignal(t, cast.sundsvall.id, callOffStop(x));
    await r.waitFor(1);
    expect(String(r.received[0]!.headers['webhook-signature']).split(' ')).toHaveLength(1);

    const rotated = await t.request({ method: 'POST', url: `/v1/subscriptions/${sub.id}/rotate-secret`, as: cast.umea.id });
    expect(rotated.statusCode, rotated.body).toBe(200);
    const newSecret = rotated.json().secret as string;
    expect(newSecret).not.toBe(sub.secret);

    const second = await postSignal(t, cast.sundsvall.id, deviation(x, { severity: 'high' }));
    await r.waitFor(2);
    const signatures = String(r.received[1]!.headers['webhook-signature']).split(' ');
    expect(signatures).toHaveLength(2);
    for (const s of signatures) expect(s).toMatch(/^v1,[A-Za-z0-9+/]+={0,2}$/);
    expect(verifyWebhook(newSecret, r.received[1]!).data.signal.id).toBe(second.id);
    expect(verifyWebhook(sub.secret, r.received[1]!).data.signal.id).toBe(second.id);
    // A third secret does not verify: the two signatures are the two secrets'.
    const stranger = await subscribe(t, cast.umea.id, 'http://127.0.0.1:9/hook/stranger');
    expect(() => verifyWebhook(stranger.secret, r.received[1]!)).toThrow();
    // The signal before the rotation was signed with the old secret only.
    expect(() => verifyWebhook(newSecret, r.received[0]!)).toThrow();
  });

  it('replay {since} resends earlier events with the same webhook-ids', async () => {
    const x = await createSupplier(t);
    const r = await receiver();
    const sub = await subscribe(t, cast.kfv.id, r.url, { suppliers: [x] });
    const since = new Date(Date.now() - 1_000).toISOString();
    await postSignal(t, cast.sundsvall.id, deviation(x, { severity: 'high' }));
    await postSignal(t, cast.timra.id, callOffStop(x));
    await r.waitFor(2);
    await allSucceeded(cast.kfv.id, sub.id, 2);
    const firstIds = r.received.map((x) => String(x.headers['webhook-id'])).sort();

    // Nothing happened after now, so a replay from now resends nothing.
    const none = await t.request({ method: 'POST', url: `/v1/subscriptions/${sub.id}/replay`, as: cast.kfv.id, payload: { since: new Date(Date.now() + 60_000).toISOString() } });
    expect(none.statusCode, none.body).toBe(202);
    expect(none.json()).toEqual({ queued: 0, truncated: false });

    const replay = await t.request({ method: 'POST', url: `/v1/subscriptions/${sub.id}/replay`, as: cast.kfv.id, payload: { since } });
    expect(replay.statusCode, replay.body).toBe(202);
    expect(replay.json()).toEqual({ queued: 2, truncated: false });
    await r.waitFor(4);
    await settled(sub, r, 2);
    expect(r.received).toHaveLength(4);
    const replayed = r.received.slice(2);
    expect(replayed.map((x) => String(x.headers['webhook-id'])).sort()).toEqual(firstIds);
    for (const x of replayed) expect(verifyWebhook(sub.secret, x).data.eventId).toBe(x.headers['webhook-id']);
    // The same two deliveries, now sent twice each; no new ones.
    await allSucceeded(cast.kfv.id, sub.id, 2);
    expect((await deliveryLog(cast.kfv.id, sub.id)).map((d) => d.attempts)).toEqual([2, 2]);
  });

  it('redeliver sends a succeeded delivery again', async () => {
    const x = await createSupplier(t);
    const r = await receiver();
    const sub = await subscribe(t, cast.adda.id, r.url, { suppliers: [x] });
    await postSignal(t, cast.sundsvall.id, callOffStop(x));
    await r.waitFor(1);
    await allSucceeded(cast.adda.id, sub.id, 1);
    const [entry] = await deliveryLog(cast.adda.id, sub.id);

    const res = await t.request({ method: 'POST', url: `/v1/deliveries/${entry!.id}/redeliver`, as: cast.adda.id });
    expect(res.statusCode, res.body).toBe(202);
    expect(res.json()).toEqual({ id: entry!.id, status: 'pending' });
    await r.waitFor(2);
    expect(r.received[1]!.headers['webhook-id']).toBe(r.received[0]!.headers['webhook-id']);
    expect(verifyWebhook(sub.secret, r.received[1]!).data).toEqual(verifyWebhook(sub.secret, r.received[0]!).data);

    await allSucceeded(cast.adda.id, sub.id, 1);
    const delivery = await readDelivery(cast.adda.id, entry!.id);
    expect(delivery).toMatchObject({ status: 'succeeded', attempts: 2 });
    expect(delivery.attemptLog.map((a: { statusCode: number }) => a.statusCode)).toEqual([204, 204]);
    await settled(sub, r, 1);
    expect(r.received).toHaveLength(2);
  });
});

describe('the event feed', () => {
  type FeedItem = { seq: number; id: string; type: string; signalId: string; signalVersion: number; signal: { id: string; status: string } };
  const feed = async (as: string, after: number, limit = 1000) => {
    const res = await t.request({ method: 'GET', url: `/v1/events?after=${after}&limit=${limit}`, as });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as { items: FeedItem[]; nextAfter: number };
  };

  it('lists every change in sequence order, and pages with after', async () => {
    const x = await createSupplier(t);
    const callOff = await postSignal(t, cast.sundsvall.id, callOffStop(x));
    const amend = await t.request({ method: 'PATCH', url: `/v1/signals/${callOff.id}`, as: cast.sundsvall.id, payload: { reason: 'Förtydligande.', summary: 'Avropspaus tills vidare.' } });
    expect(amend.statusCode, amend.body).toBe(200);
    const lift = await t.request({ method: 'POST', url: `/v1/signals/${callOff.id}/lift`, as: cast.sundsvall.id, payload: { reason: 'Bristerna åtgärdade.' } });
    expect(lift.statusCode, lift.body).toBe(200);
    const dev = await postSignal(t, cast.sundsvall.id, deviation(x));
    const retract = await t.request({ method: 'POST', url: `/v1/signals/${dev.id}/retract`, as: cast.sundsvall.id, payload: { reason: 'Fel leverantör.' } });
    expect(retract.statusCode, retract.body).toBe(200);

    const all = await feed(cast.umea.id, 0);
    const ours = all.items.filter((e) => e.signalId === callOff.id || e.signalId === dev.id);
    expect(ours.map((e) => [e.signalId, e.type, e.signalVersion])).toEqual([
      [callOff.id, 'signal.created', 1],
      [callOff.id, 'signal.amended', 2],
      [callOff.id, 'signal.lifted', 3],
      [dev.id, 'signal.created', 1],
      [dev.id, 'signal.retracted', 2],
    ]);
    // Umeå is not the deviation's issuer: once retracted, all its events show it only as retracted (test/payloads.test.ts).
    expect(ours.map((e) => e.signal.status)).toEqual(['active', 'active', 'lifted', 'retracted', 'retracted']);
    const seqs = all.items.map((e) => e.seq);
    for (let i = 1; i < seqs.length; i++) expect(seqs[i]).toBeGreaterThan(seqs[i - 1]!);
    expect(all.nextAfter).toBe(seqs.at(-1));

    // Paging two at a time from before our first event gives the same events, none twice.
    const from = ours[0]!.seq - 1;
    const paged: FeedItem[] = [];
    let after = from;
    for (let page = 0; page < 50; page++) {
      const next = await feed(cast.umea.id, after, 2);
      expect(next.items.length).toBeLessThanOrEqual(2);
      if (next.items.length === 0) {
        expect(next.nextAfter).toBe(after);
        break;
      }
      expect(next.items[0]!.seq).toBeGreaterThan(after);
      paged.push(...next.items);
      after = next.nextAfter;
    }
    expect(paged.map((e) => e.seq)).toEqual(all.items.filter((e) => e.seq > from).map((e) => e.seq));
    expect((await feed(cast.umea.id, ours[4]!.seq)).items.map((e) => e.id)).not.toContain(ours[4]!.id);
  });

  it("hides restricted signals' events from other members and shows them to the issuer and the auditor", async () => {
    const x = await createSupplier(t);
    const restricted = await postSignal(t, cast.sundsvall.id, deviation(x, { severity: 'critical', visibility: 'issuer_and_auditors' }));
    const amend = await t.request({ method: 'PATCH', url: `/v1/signals/${restricted.id}`, as: cast.sundsvall.id, payload: { reason: 'Ny uppgift.', severity: 'high' } });
    expect(amend.statusCode, amend.body).toBe(200);
    const open = await postSignal(t, cast.sundsvall.id, deviation(x));
    const typesOf = async (as: string, signalId: string) => (await feed(as, 0)).items.filter((e) => e.signalId === signalId).map((e) => e.type);

    for (const org of [cast.timra.id, cast.umea.id, cast.kfv.id, cast.adda.id]) {
      expect(await typesOf(org, restricted.id), org).toEqual([]);
      expect(await typesOf(org, open.id), org).toEqual(['signal.created']);
    }
    for (const org of [cast.sundsvall.id, cast.revisor.id]) {
      expect(await typesOf(org, restricted.id), org).toEqual(['signal.created', 'signal.amended']);
    }
  });
});
