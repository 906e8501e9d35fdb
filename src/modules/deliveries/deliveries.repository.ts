import { and, desc, eq, inArray, lt, or, type SQL, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.ts';
import { uuidv7 } from '../../lib/ids.ts';
import { type EventRow, events } from '../events/events.table.ts';
import { signals } from '../signals/signals.table.ts';
import { type SubscriptionRow, subscriptions } from '../subscriptions/subscriptions.table.ts';
import type { EndpointNotice } from './deliveries.health.ts';
import { BUSY_WAIT_MS, FAILING_IN_FLIGHT, HEALTHY_IN_FLIGHT, SLOW_AFTER_MS } from './deliveries.schedule.ts';
import { type DeliveryAttemptRow, type DeliveryRow, deliveries, deliveryAttempts } from './deliveries.table.ts';

// An endpoint's due deliveries taken by one wake-up at most; the rest are taken at the next.
const DUE_BATCH = 100;

interface RawClaim {
  id: string;
  subscription_id: string;
  event_seq: string | number;
  attempts: number;
  deferred: boolean;
  busy: boolean;
  next_attempt_at: string | Date | null;
}

export interface Claimed {
  delivery: Pick<DeliveryRow, 'id' | 'subscriptionId' | 'eventSeq' | 'attempts'>;
  subscription: SubscriptionRow;
  event: EventRow;
  /** The signal has been retracted since: its content is withheld. */
  withhold: boolean;
}

export interface AttemptOutcome {
  deliveryId: string;
  subscriptionId: string;
  attempt: number;
  startedAt: Date;
  durationMs: number;
  statusCode: number | null;
  error: string | null;
  ok: boolean;
  /** null when no further attempt follows. */
  nextAttemptAt: Date | null;
  /** Set when this outcome disables the subscription. */
  disableReason: string | null;
  /** The attempt ran out of its deadline (opens the endpoint's circuit at once). */
  timedOut: boolean;
}

export function createDeliveryRepository(db: Db) {

  /** Loads the subscription and event for each claimed delivery. */
  const withContext = async (claimed: Claimed['delivery'][]): Promise<Claimed[]> => {
    if (claimed.length === 0) return [];
    const subs = await db.select().from(subscriptions).where(inArray(subscriptions.id, [...new Set(claimed.map((c) => c.subscriptionId))]));
    // With the signal's status now: an earlier event of a signal retracted since is sent withheld (a replay, a retry).
    const evs = await db
      .select({ event: events, signalStatus: signals.status })
      .from(events)
      .leftJoin(signals, eq(signals.id, events.signalId))
      .where(inArray(events.seq, [...new Set(claimed.map((c) => c.eventSeq))]));
    const subscriptionById = new Map(subs.map((s) => [s.id, s]));
    const eventBySeq = new Map(evs.map((e) => [e.event.seq, e]));
    return claimed.map((delivery) => {
      const { event, signalStatus } = eventBySeq.get(delivery.eventSeq)!;
      return { delivery, subscription: subscriptionById.get(delivery.subscriptionId)!, event, withhold: signalStatus === 'retracted' };
    });
  };

  /**
   * Leases the pending deliveries that `where` picks and their endpoints may take now,
   * and moves the others' due time to when they may: an endpoint whose circuit is open
   * takes nothing until it closes; otherwise each takes up to its in-flight limit,
   * counted from the leases held in the database, so every worker sees the same count
   * (concurrent claims can overshoot it by the few attempts claimed at the same moment).
   * A delivery held back by a busy endpoint waits BUSY_WAIT_MS when the endpoint's
   * attempts are recent, and until its oldest attempt must have ended when they are not
   * (an endpoint that hangs is not asked again and again). Deliveries of subscriptions
   * that no longer receive are leased too, for `abandon`.
   * - `urgent`: the priority lane; a healthy endpoint's in-flight limit does not apply
   *   (it is there to keep slow endpoints from taking capacity, not to queue a stop behind
   *   a burst of deviations), a failing endpoint's and an open circuit's do.
   * - `probe`: an open circuit lets one attempt through: a redelivery asked for by hand
   *   is the endpoint owner's way to say it works again. Nothing is moved.
   */
  const claimGated = async (where: SQL, leaseMs: number, options: { urgent?: boolean; probe?: boolean; limit?: number } = {}) => {
    const lease = `${leaseMs} milliseconds`;
    const healthyRoom = options.urgent ? 1_000_000 : HEALTHY_IN_FLIGHT;
    const result = await db.execute(sql`
      WITH candidate AS (
        SELECT d.id, d.subscription_id FROM deliveries d
        WHERE ${where} AND d.status = 'pending' AND (d.leased_until IS NULL OR d.leased_until < now())
        ORDER BY d.next_attempt_at, d.id LIMIT ${options.limit ?? 100_000}
        FOR UPDATE OF d SKIP LOCKED
      ), gate AS (
        SELECT c.id, s.status <> 'active' AS inactive,
          ${options.probe ? sql`false` : sql`coalesce(s.circuit_open_until > now(), false)`} AS open,
          s.circuit_open_until, f.oldest_lease,
          row_number() OVER (PARTITION BY c.subscription_id ORDER BY c.id) AS n,
          CASE WHEN s.consecutive_failures > 0 THEN ${FAILING_IN_FLIGHT}::int ELSE ${healthyRoom}::int END - f.in_flight AS room
        FROM candidate c JOIN subscriptions s ON s.id = c.subscription_id
        CROSS JOIN LATERAL (
          SELECT count(*)::int AS in_flight, min(x.leased_until) AS oldest_lease FROM deliveries x
          WHERE x.subscription_id = c.subscription_id AND x.status = 'pending' AND x.leased_until > now()
        ) f
      ), claimed AS (
        UPDATE deliveries d SET leased_until = now() + ${lease}::interval
        FROM gate g WHERE d.id = g.id AND (g.inactive OR (NOT g.open AND g.n <= g.room))
        RETURNING d.id, d.subscription_id, d.event_seq, d.attempts, false AS deferred, false AS busy, d.next_attempt_at
      ), waiting AS (
        UPDATE deliveries d SET next_attempt_at = CASE
            WHEN g.open THEN g.circuit_open_until
            WHEN g.oldest_lease < now() + ${lease}::interval - ${`${SLOW_AFTER_MS} milliseconds`}::interval THEN g.oldest_lease
            ELSE now() + ${`${BUSY_WAIT_MS} milliseconds`}::interval END
        FROM gate g WHERE d.id = g.id AND NOT g.inactive AND (g.open OR g.n > g.room) AND ${options.probe ? sql`false` : sql`true`}
        RETURNING d.id, d.subscription_id, d.event_seq, d.attempts, true AS deferred, NOT g.open AS busy, d.next_attempt_at
      )
      SELECT * FROM claimed UNION ALL SELECT * FROM waiting`);
    const rows = (result as unknown as { rows: RawClaim[] }).rows;
    const toDelivery = (r: RawClaim) => ({ id: r.id, subscriptionId: r.subscription_id, eventSeq: Number(r.event_seq), attempts: r.attempts });
    return {
      claimed: await withContext(rows.filter((r) => !r.deferred).map(toDelivery)),
      deferred: rows
        .filter((r) => r.deferred)
        .map((r) => ({ subscriptionId: r.subscription_id, dueAt: new Date(r.next_attempt_at as unknown as string), busy: r.busy })),
    };
  };

  return {
    /** The first attempts of one event (the relay queues the job after its transaction committed). */
    claimForEvent: (seq: number, leaseMs: number, urgent: boolean) => claimGated(sql`d.event_seq = ${seq}`, leaseMs, { urgent }),
    /**
     * An endpoint's deliveries that are due (retries, and deliveries that waited for the
     * endpoint), oldest due first; one wake-up serves all of them.
     */
    claimDue: async (subscriptionId: string, leaseMs: number, urgent: boolean, horizonMs = 50) => {
      const due = sql`d.subscription_id = ${subscriptionId}::uuid AND d.resend_requested_at IS NULL AND d.next_attempt_at <= now() + ${`${horizonMs} milliseconds`}::interval`;
      const taken = await claimGated(due, leaseMs, { urgent, limit: DUE_BATCH });
      // An endpoint that held deliveries back holds back the rest of its backlog too: move it
      // to the same moment in one statement, so one wake-up serves it and no sweep finds it overdue.
      const until = taken.deferred.reduce<Date | null>((latest, d) => (!latest || d.dueAt > latest ? d.dueAt : latest), null);
      if (until) {
        await db.execute(sql`
          UPDATE deliveries d SET next_attempt_at = ${until.toISOString()}::timestamptz
          WHERE ${due} AND d.status = 'pending' AND (d.leased_until IS NULL OR d.leased_until < now())`);
      }
      return taken;
    },
    /**
     * The resend lane: redeliveries and replays, oldest request first within each
     * organisation and round-robin between organisations (the n-th request of every
     * organisation before the n+1-th of any), so one organisation's replay of 10,000
     * events puts one of its deliveries in line before each of anyone else's.
     */
    claimResends: (limit: number, leaseMs: number) =>
      claimGated(
        // Each subscription's oldest requests come from its index, in index order (a replay
        // asks for thousands at one moment: an order the index did not hold would sort them
        // all at every claim); only those few are ranked, once (ARRAY(...) is evaluated
        // before the rows are locked, whatever plan the statistics suggest).
        sql`d.id = ANY(ARRAY(
          SELECT r.id FROM (
            SELECT p.id, row_number() OVER (PARTITION BY s.org_id ORDER BY p.k, p.resend_requested_at, p.id) AS turn
            FROM subscriptions s CROSS JOIN LATERAL (
              SELECT x.id, x.resend_requested_at, row_number() OVER (ORDER BY x.resend_requested_at, x.id) AS k
              FROM deliveries x
              WHERE x.subscription_id = s.id AND x.status = 'pending' AND x.resend_requested_at IS NOT NULL
                AND (x.leased_until IS NULL OR x.leased_until < now())
              ORDER BY x.resend_requested_at, x.id LIMIT ${limit}
            ) p
          ) r ORDER BY r.turn, r.id LIMIT ${limit}))`,
        leaseMs,
        { probe: true },
      ),

    /** Runs `work` in one transaction of this repository's database (the priority lane has its own). */
    transaction: <T>(work: (tx: Tx) => Promise<T>): Promise<T> => db.transaction(work),

    /**
     * Records attempts and moves their deliveries on, in one statement over arrays. A
     * redelivery asked for while an attempt was in flight stays due: that attempt was made
     * before it was asked for.
     */
    recordAttempts: async (tx: Tx, outcomes: readonly AttemptOutcome[]) => {
      if (outcomes.length === 0) return;
      const column = <T>(pick: (o: AttemptOutcome) => T) => sql.param(outcomes.map(pick));
      await tx.execute(sql`
        WITH v AS (
          SELECT * FROM unnest(
            ${column((o) => o.deliveryId)}::uuid[], ${column((o) => o.attempt)}::int[],
            ${column((o) => (o.ok ? 'succeeded' : o.nextAttemptAt ? 'pending' : 'failed'))}::text[]::delivery_status[],
            ${column((o) => o.nextAttemptAt?.toISOString() ?? null)}::timestamptz[], ${column((o) => o.statusCode)}::int[],
            ${column((o) => o.error)}::text[], ${column((o) => o.startedAt.toISOString())}::timestamptz[], ${column((o) => o.durationMs)}::int[]
          ) AS v(id, attempt, status, next_attempt_at, status_code, error, started_at, duration_ms)
        ), logged AS (
          INSERT INTO delivery_attempts (delivery_id, attempt, started_at, duration_ms, status_code, error, next_attempt_at)
          SELECT id, attempt, started_at, duration_ms, status_code, error, next_attempt_at FROM v
        )
        UPDATE deliveries AS d SET
          attempts = v.attempt,
          status = CASE WHEN d.resend_requested_at > v.started_at THEN 'pending' ELSE v.status END,
          next_attempt_at = CASE WHEN d.resend_requested_at > v.started_at THEN now() ELSE v.next_attempt_at END,
          resend_requested_at = CASE WHEN d.resend_requested_at > v.started_at THEN d.resend_requested_at ELSE NULL END,
          last_status_code = v.status_code, last_error = v.error, leased_until = NULL, updated_at = now(),
          succeeded_at = CASE WHEN v.status = 'succeeded' THEN now() ELSE d.succeeded_at END
        FROM v WHERE d.id = v.id`);
    },

    /**
     * Locks, in id order, the endpoints whose health the attempts may change: those with a
     * failure, and those with only successes that were failing, had their circuit open, or
     * recorded their last success over a minute ago. Updating every subscriber's row on
     * every fan-out made concurrent fan-outs to the same endpoints queue behind one another
     * and deadlock (soak); a healthy endpoint's lastSuccessAt is therefore kept to the
     * minute. NO KEY UPDATE is the lock the UPDATE takes anyway; unlike FOR UPDATE it does
     * not conflict with the key-share locks of delivery inserts.
     */
    lockEndpointsToUpdate: async (tx: Tx, failed: readonly string[], succeeded: readonly string[]): Promise<SubscriptionRow[]> => {
      const changing = or(
        failed.length ? inArray(subscriptions.id, [...failed]) : undefined,
        succeeded.length
          ? and(
              inArray(subscriptions.id, [...succeeded]),
              sql`(${subscriptions.consecutiveFailures} > 0 OR ${subscriptions.failingSince} IS NOT NULL OR ${subscriptions.circuitOpenUntil} IS NOT NULL
                   OR ${subscriptions.lastSuccessAt} IS NULL OR ${subscriptions.lastSuccessAt} < now() - interval '1 minute')`,
            )
          : undefined,
      );
      if (!changing) return [];
      return tx.select().from(subscriptions).where(changing).orderBy(subscriptions.id).for('no key update');
    },

    /** Writes an endpoint's new health (and its disabling) to its subscription. */
    updateEndpoint: async (tx: Tx, id: string, set: Partial<typeof subscriptions.$inferInsert>) => {
      await tx.update(subscriptions).set(set).where(eq(subscriptions.id, id));
    },

    /** Appends a notice about a subscription to its organisation's feed (the relay delivers it). */
    appendNotice: async (tx: Tx, subscription: Pick<SubscriptionRow, 'id' | 'orgId'>, notice: EndpointNotice) => {
      await tx.insert(events).values({ id: uuidv7(), type: notice.type, recipientOrgId: subscription.orgId, subscriptionId: subscription.id, notice: notice.body });
    },

    /** Lets leases go unused (attempts that could not start in time): the overdue sweep takes them. */
    release: (ids: string[]) =>
      ids.length === 0
        ? Promise.resolve()
        : db.update(deliveries).set({ leasedUntil: null, updatedAt: sql`now()` }).where(and(inArray(deliveries.id, ids), eq(deliveries.status, 'pending'))),

    /** Ends deliveries whose subscription no longer receives (disabled or deleted). */
    abandon: (ids: string[], reason: string) =>
      ids.length === 0
        ? Promise.resolve()
        : db
            .update(deliveries)
            .set({ status: 'failed', lastError: reason, leasedUntil: null, nextAttemptAt: null, updatedAt: sql`now()` })
            .where(inArray(deliveries.id, ids)),

    /**
     * The endpoints with deliveries overdue by more than `graceMs` and not leased — their
     * wake-up lost to a dead worker or a Redis outage, or a backlog waiting for its lane —
     * to be woken again; `urgent` when one of them is a first attempt of a blocking event
     * and the endpoint is healthy (a failing one's attempts never take the priority lane).
     * A woken endpoint takes what it can and moves the rest on, so the same backlog is not
     * taken again at every sweep.
     */
    overdueEndpoints: async (graceMs: number, limit: number, urgentTypes: readonly string[]): Promise<Array<{ subscriptionId: string; urgent: boolean }>> => {
      const result = await db.execute(sql`
        SELECT d.subscription_id,
          bool_or(d.attempts = 0 AND e.signal_type::text = ANY(${sql.param([...urgentTypes])}::text[]))
            AND s.consecutive_failures = 0 AND coalesce(s.circuit_open_until <= now(), true) AS urgent
        FROM deliveries d JOIN events e ON e.seq = d.event_seq JOIN subscriptions s ON s.id = d.subscription_id
        WHERE d.status = 'pending' AND d.next_attempt_at <= now() - ${`${graceMs} milliseconds`}::interval
          AND d.resend_requested_at IS NULL AND (d.leased_until IS NULL OR d.leased_until < now())
        GROUP BY d.subscription_id, s.consecutive_failures, s.circuit_open_until LIMIT ${limit}`);
      return (result as unknown as { rows: Array<{ subscription_id: string; urgent: boolean | null }> }).rows.map((r) => ({
        subscriptionId: r.subscription_id,
        urgent: r.urgent === true,
      }));
    },

    /** The subscription's deliveries, newest first. */
    listForSubscription: (subscriptionId: string, status: DeliveryRow['status'] | undefined, beforeId: string | undefined, limit: number) =>
      db
        .select({ delivery: deliveries, eventType: events.type, eventId: events.id })
        .from(deliveries)
        .innerJoin(events, eq(events.seq, deliveries.eventSeq))
        .where(
          and(
            eq(deliveries.subscriptionId, subscriptionId),
            status ? eq(deliveries.status, status) : undefined,
            beforeId ? lt(deliveries.id, beforeId) : undefined,
          ),
        )
        .orderBy(desc(deliveries.id))
        .limit(limit),

    findById: async (id: string) =>
      (
        await db
          .select({ delivery: deliveries, subscription: subscriptions, eventType: events.type, eventId: events.id })
          .from(deliveries)
          .innerJoin(subscriptions, eq(subscriptions.id, deliveries.subscriptionId))
          .innerJoin(events, eq(events.seq, deliveries.eventSeq))
          .where(eq(deliveries.id, id))
      )[0],

    attemptsOf: (id: string): Promise<DeliveryAttemptRow[]> =>
      db.select().from(deliveryAttempts).where(eq(deliveryAttempts.deliveryId, id)).orderBy(deliveryAttempts.attempt),

    /** Retention: drops attempt records older than `days`; the deliveries themselves stay. */
    pruneAttempts: (days: number) => db.delete(deliveryAttempts).where(sql`${deliveryAttempts.startedAt} < now() - make_interval(days => ${days})`),

    /**
     * Creates the relay's deliveries in one statement, ignoring ones that exist. With
     * `leaseMs`, the rows marked `lease` whose endpoint is healthy (no failure since its
     * last success, circuit closed) are created leased for that long, and returned: the
     * relay sends them itself once its transaction has committed, with no queue or claim
     * in between. They are in flight as far as every worker can see, and a crash before
     * they are sent costs their lease, never the delivery. `withhold`: the signal has been
     * retracted since (its content is withheld).
     */
    createMany: async (
      rows: Array<{ id: string; subscriptionId: string; eventSeq: number; lease?: boolean }>,
      tx: Db | Tx = db,
      leaseMs?: number,
    ): Promise<Array<{ id: string; subscriptionId: string; eventSeq: number; withhold: boolean }>> => {
      if (rows.length === 0) return [];
      const lease = leaseMs === undefined ? null : `${leaseMs} milliseconds`;
      const result = await tx.execute(sql`
        WITH v AS (
          SELECT * FROM unnest(
            ${sql.param(rows.map((r) => r.id))}::uuid[], ${sql.param(rows.map((r) => r.subscriptionId))}::uuid[],
            ${sql.param(rows.map((r) => r.eventSeq))}::bigint[], ${sql.param(rows.map((r) => lease !== null && r.lease === true))}::boolean[]
          ) AS v(id, subscription_id, event_seq, lease)
        ), created AS (
          INSERT INTO deliveries (id, subscription_id, event_seq, next_attempt_at, leased_until)
          SELECT v.id, v.subscription_id, v.event_seq, now(),
            CASE WHEN v.lease AND s.consecutive_failures = 0 AND coalesce(s.circuit_open_until <= now(), true)
              THEN now() + ${lease}::interval END
          FROM v LEFT JOIN subscriptions s ON s.id = v.subscription_id
          ON CONFLICT DO NOTHING
          RETURNING id, subscription_id, event_seq, leased_until
        )
        SELECT c.id, c.subscription_id, c.event_seq, coalesce(sg.status = 'retracted', false) AS withhold
        FROM created c JOIN events e ON e.seq = c.event_seq LEFT JOIN signals sg ON sg.id = e.signal_id
        WHERE c.leased_until IS NOT NULL`);
      const leased = (result as unknown as { rows: Array<{ id: string; subscription_id: string; event_seq: string | number; withhold: boolean }> }).rows;
      return leased.map((r) => ({ id: r.id, subscriptionId: r.subscription_id, eventSeq: Number(r.event_seq), withhold: r.withhold }));
    },

    /**
     * Asks for an attempt now in the resend lane (redelivery and replay), whatever retry
     * was scheduled; creates the missing deliveries. The scheduled retry then finds the
     * delivery done, or leased, and sends nothing of its own.
     */
    requestResend: async (rows: Array<{ id: string; subscriptionId: string; eventSeq: number }>, tx: Db | Tx = db) => {
      if (rows.length === 0) return;
      await tx.execute(sql`
        INSERT INTO deliveries (id, subscription_id, event_seq, next_attempt_at, resend_requested_at)
        SELECT id, subscription_id, event_seq, now(), now()
        FROM unnest(${sql.param(rows.map((r) => r.id))}::uuid[], ${sql.param(rows.map((r) => r.subscriptionId))}::uuid[], ${sql.param(rows.map((r) => r.eventSeq))}::bigint[])
          AS v(id, subscription_id, event_seq)
        ON CONFLICT (subscription_id, event_seq) DO UPDATE SET status = 'pending', next_attempt_at = now(), resend_requested_at = now(), updated_at = now()`);
    },
  };
}

export type DeliveryRepository = ReturnType<typeof createDeliveryRepository>;
