import { getTableName, type SQL } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Tx } from '../src/db/client.ts';
import { uuidv7 } from '../src/lib/ids.ts';
import { type AttemptOutcome, type Claimed, createDeliveryRepository } from '../src/modules/deliveries/deliveries.repository.ts';
import { recordOutcomes } from '../src/modules/deliveries/deliveries.service.ts';
import { createOutboxRelay } from '../src/modules/events/events.relay.ts';
import { createEventRepository } from '../src/modules/events/events.repository.ts';
import { createOrganisationRepository } from '../src/modules/organisations/organisations.repository.ts';
import { createSubscriptionRepository } from '../src/modules/subscriptions/subscriptions.repository.ts';
import { startTestApp, type TestApp } from './helpers/app.ts';
import { cast, createSupplier, seedCast, subscribe } from './helpers/factories.ts';

const silentLog = { debug() {}, info() {}, warn() {}, error() {} } as never;

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'true' });
  await seedCast(t);
});
afterAll(() => t.close());

describe('recording delivery results', () => {
  it('records many fan-outs at once against the same subscriptions without a deadlock', async () => {
    // 8 subscriptions and 24 events: every event has a delivery to every subscription.
    const subs: Array<{ id: string; secret: string }> = [];
    for (let i = 0; i < 8; i++) subs.push(await subscribe(t, [cast.sundsvall.id, cast.timra.id, cast.umea.id, cast.kfv.id][i % 4]!, `http://127.0.0.1:9/${i}`));
    const orgNumber = await createSupplier(t);
    for (let i = 0; i < 24; i++) {
      await t.request({ method: 'POST', url: '/v1/signals', as: cast.umea.id, payload: { type: 'deviation', supplierOrgNumber: orgNumber, severity: 'low', category: 'other', summary: `Händelse ${i}.` } });
    }
    const seqs = (await t.database.pool.query('SELECT seq FROM events ORDER BY seq')).rows.map((r) => Number(r.seq));
    const repo = createDeliveryRepository(t.database.db);
    await repo.createMany(seqs.flatMap((seq) => subs.map((s) => ({ id: uuidv7(), subscriptionId: s.id, eventSeq: seq }))));

    // One "fan-out job" per event, all recording concurrently; half the subscribers fail, half succeed,
    // in a different order per job, as in a busy worker.
    const results = await Promise.allSettled(
      seqs.map(async (seq, j) => {
        // Taken as leased without the circuit breaker's in-flight limit, which would hold most back.
        const leased = (
          await t.database.pool.query(
            `UPDATE deliveries SET leased_until = now() + interval '1 minute' WHERE event_seq = $1 RETURNING id, subscription_id`,
            [seq],
          )
        ).rows as Array<{ id: string; subscription_id: string }>;
        const outcomes: AttemptOutcome[] = leased.map((c, i) => ({
          deliveryId: c.id,
          subscriptionId: c.subscription_id,
          attempt: 1,
          startedAt: new Date(),
          durationMs: 1,
          statusCode: (i + j) % 2 ? 500 : 204,
          error: (i + j) % 2 ? 'HTTP 500' : null,
          ok: (i + j) % 2 === 0,
          nextAttemptAt: (i + j) % 2 ? new Date(Date.now() + 5_000) : null,
          disableReason: null,
          timedOut: false,
        }));
        await recordOutcomes(repo, j % 2 ? outcomes.reverse() : outcomes);
      }),
    );
    expect(results.filter((r) => r.status === 'rejected').map((r) => String((r as PromiseRejectedResult).reason))).toEqual([]);
    const counts = await t.database.pool.query(`SELECT status, count(*)::int AS n FROM deliveries GROUP BY status ORDER BY status`);
    expect(counts.rows).toEqual([
      { status: 'pending', n: (seqs.length * subs.length) / 2 },
      { status: 'succeeded', n: (seqs.length * subs.length) / 2 },
    ]);
    expect((await t.database.pool.query('SELECT count(*)::int AS n FROM delivery_attempts')).rows[0].n).toBe(seqs.length * subs.length);
  });
});

describe('the relay', () => {
  it("writes a batch's deliveries in one statement, leases a stop's to healthy endpoints, and writes none twice", async () => {
    const subs: Array<{ id: string }> = [];
    for (let i = 0; i < 12; i++) subs.push(await subscribe(t, [cast.sundsvall.id, cast.timra.id, cast.umea.id, cast.kfv.id][i % 4]!, `http://127.0.0.1:9/relay-${i}`));
    // A failing endpoint's deliveries wait for the fan-out job's claim (its circuit breaker).
    await t.database.pool.query('UPDATE subscriptions SET consecutive_failures = 1 WHERE id = $1', [subs[0]!.id]);
    const orgNumber = await createSupplier(t);
    const stop = await t.request({ method: 'POST', url: '/v1/signals', as: cast.umea.id, payload: { type: 'call_off_stop', supplierOrgNumber: orgNumber, summary: 'Avropspaus i väntan på utredning.' } });
    expect(stop.statusCode, stop.body).toBe(201);
    const deviation = await t.request({ method: 'POST', url: '/v1/signals', as: cast.umea.id, payload: { type: 'deviation', supplierOrgNumber: orgNumber, severity: 'high', category: 'other', summary: 'Försenad leverans.' } });
    expect(deviation.statusCode, deviation.body).toBe(201);
    const seqOf = async (signalId: string) => Number((await t.database.pool.query(`SELECT seq FROM events WHERE signal_id = $1 AND type = 'signal.created'`, [signalId])).rows[0].seq);
    const [stopSeq, deviationSeq] = [await seqOf(stop.json().id), await seqOf(deviation.json().id)];
    // Only these two are in the outbox.
    await t.database.pool.query('UPDATE events SET relayed_at = CASE WHEN seq = ANY($1::bigint[]) THEN NULL ELSE now() END', [[stopSeq, deviationSeq]]);

    // Every statement that writes deliveries, through the relay's transaction.
    const dialect = new PgDialect({ casing: 'snake_case' });
    const writes: string[] = [];
    const counting = (tx: Tx): Tx =>
      new Proxy(tx, {
        get: (target, key) => {
          const value = Reflect.get(target, key, target) as unknown;
          if (key === 'execute') {
            return (query: SQL) => {
              const text = dialect.sqlToQuery(query).sql;
              if (/insert into "?deliveries"?/i.test(text)) writes.push(text);
              return target.execute(query);
            };
          }
          if (key === 'insert') {
            return (table: Parameters<Tx['insert']>[0]) => {
              if (getTableName(table) === 'deliveries') writes.push('insert builder');
              return target.insert(table);
            };
          }
          return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
        },
      });
    const db = new Proxy(t.database.db, {
      get: (target, key) =>
        key === 'transaction'
          ? <T>(work: (tx: Tx) => Promise<T>) => target.transaction((tx) => work(counting(tx)))
          : (Reflect.get(target, key, target) as unknown),
    });
    const sent: Claimed[] = [];
    const queued: Array<{ seq: number; urgent: boolean }> = [];
    const relay = createOutboxRelay({
      db,
      listen: t.database.listen,
      events: createEventRepository(t.database.db),
      subscriptions: createSubscriptionRepository(t.database.db),
      organisations: createOrganisationRepository(t.database.db),
      deliveries: createDeliveryRepository(t.database.db),
      afterCommit: async (events) => {
        queued.push(...events);
      },
      sendNow: {
        leaseMs: 60_000,
        send: async (claimed) => {
          sent.push(...claimed);
        },
      },
      newId: uuidv7,
      pollMs: 60_000,
      log: silentLog,
    });

    expect(await relay.relayBatch()).toBe(2);
    expect(writes).toHaveLength(1);
    const rows = (
      await t.database.pool.query(
        `SELECT d.id, d.subscription_id, d.event_seq, d.leased_until IS NOT NULL AS leased, s.consecutive_failures = 0 AND s.circuit_open_until IS NULL AS healthy
           FROM deliveries d JOIN subscriptions s ON s.id = d.subscription_id WHERE d.event_seq = ANY($1::bigint[])`,
        [[stopSeq, deviationSeq]],
      )
    ).rows;
    const stopRows = rows.filter((r) => Number(r.event_seq) === stopSeq);
    expect(stopRows.length).toBeGreaterThan(1);
    expect(rows.filter((r) => Number(r.event_seq) === deviationSeq).length).toBeGreaterThan(0);
    // The stop's deliveries to healthy endpoints are leased and handed over with what sending needs; nothing else is.
    const leased = rows.filter((r) => r.leased).map((r) => r.id).sort();
    expect(leased).toEqual(stopRows.filter((r) => r.healthy).map((r) => r.id).sort());
    expect(leased.length).toBeGreaterThan(0);
    expect(sent.map((c) => c.delivery.id).sort()).toEqual(leased);
    for (const c of sent) {
      expect(c.delivery.attempts).toBe(0);
      expect(c.subscription.id).toBe(c.delivery.subscriptionId);
      expect(c.event.seq).toBe(stopSeq);
      expect(c.withhold).toBe(false);
    }
    // The stop still has a delivery to the failing endpoint for its job; the deviation goes by its job.
    expect(stopRows.some((r) => r.subscription_id === subs[0]!.id)).toBe(true);
    expect(queued).toEqual(expect.arrayContaining([{ seq: stopSeq, urgent: true }, { seq: deviationSeq, urgent: false }]));

    // Run again over the same events (as after a crash before the mark): no delivery written or sent twice.
    await t.database.pool.query('UPDATE events SET relayed_at = NULL WHERE seq = ANY($1::bigint[])', [[stopSeq, deviationSeq]]);
    expect(await relay.relayBatch()).toBe(2);
    expect(writes).toHaveLength(2);
    const again = await t.database.pool.query('SELECT count(*)::int AS n, count(DISTINCT (subscription_id, event_seq))::int AS pairs FROM deliveries WHERE event_seq = ANY($1::bigint[])', [[stopSeq, deviationSeq]]);
    expect(again.rows[0]).toEqual({ n: rows.length, pairs: rows.length });
    expect(sent).toHaveLength(leased.length);
  });
});

describe('the relay and the organisation directory', () => {
  it('reads every organisation only for a batch that a subscription’s kommunkod or affects filter needs them for', async () => {
    const organisations = createOrganisationRepository(t.database.db);
    let reads = 0;
    const relay = createOutboxRelay({
      db: t.database.db,
      listen: t.database.listen,
      events: createEventRepository(t.database.db),
      subscriptions: createSubscriptionRepository(t.database.db),
      organisations: { directory: (tx) => ((reads += 1), organisations.directory(tx)) },
      deliveries: createDeliveryRepository(t.database.db),
      afterCommit: async () => undefined,
      newId: uuidv7,
      pollMs: 60_000,
      log: silentLog,
    });
    const orgNumber = await createSupplier(t);
    // One stop in the outbox, the only event the relay has to relay.
    const postStop = async () => {
      const stop = await t.request({ method: 'POST', url: '/v1/signals', as: cast.sundsvall.id, payload: { type: 'call_off_stop', supplierOrgNumber: orgNumber, summary: 'Avropspaus under granskning.' } });
      expect(stop.statusCode, stop.body).toBe(201);
      const seq = Number((await t.database.pool.query(`SELECT seq FROM events WHERE signal_id = $1`, [stop.json().id])).rows[0].seq);
      await t.database.pool.query('UPDATE events SET relayed_at = CASE WHEN seq = $1 THEN NULL ELSE coalesce(relayed_at, now()) END', [seq]);
      return seq;
    };

    // Every subscription so far filters by type, supplier, severity or nothing: no directory.
    await subscribe(t, cast.umea.id, 'http://127.0.0.1:9/no-directory', { types: ['call_off_stop'] });
    await postStop();
    expect(await relay.relayBatch()).toBe(1);
    expect(reads).toBe(0);

    // The federation's affects filter (its members by default) needs it, and matches by it:
    // Sundsvall's own stop blocks Sundsvall, a member of the federation.
    const federation = await subscribe(t, cast.kfv.id, 'http://127.0.0.1:9/affects', { affects: {} });
    const seq = await postStop();
    expect(await relay.relayBatch()).toBe(1);
    expect(reads).toBe(1);
    const delivered = await t.database.pool.query('SELECT count(*)::int AS n FROM deliveries WHERE subscription_id = $1 AND event_seq = $2', [federation.id, seq]);
    expect(delivered.rows[0].n).toBe(1);
  });
});
