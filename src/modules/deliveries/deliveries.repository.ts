import { and, desc, eq, inArray, isNotNull, isNull, lt, or, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.ts';
import { type EventRow, events } from '../events/events.table.ts';
import { type SubscriptionRow, subscriptions } from '../subscriptions/subscriptions.table.ts';
import { type DeliveryAttemptRow, type DeliveryRow, deliveries, deliveryAttempts } from './deliveries.table.ts';

export interface Claimed {
  delivery: Pick<DeliveryRow, 'id' | 'subscriptionId' | 'eventSeq' | 'attempts'>;
  subscription: SubscriptionRow;
  event: EventRow;
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
}

export function createDeliveryRepository(db: Db) {
  const leaseable = or(isNull(deliveries.leasedUntil), lt(deliveries.leasedUntil, sql`now()`));

  /** Loads the subscription and event for each claimed delivery. */
  const withContext = async (claimed: Claimed['delivery'][]): Promise<Claimed[]> => {
    if (claimed.length === 0) return [];
    const subs = await db.select().from(subscriptions).where(inArray(subscriptions.id, [...new Set(claimed.map((c) => c.subscriptionId))]));
    const evs = await db.select().from(events).where(inArray(events.seq, [...new Set(claimed.map((c) => c.eventSeq))]));
    return claimed.map((delivery) => ({
      delivery,
      subscription: subs.find((s) => s.id === delivery.subscriptionId)!,
      event: evs.find((e) => e.seq === delivery.eventSeq)!,
    }));
  };

  const claimWhere = async (where: ReturnType<typeof and>, leaseMs: number) =>
    withContext(
      await db
        .update(deliveries)
        .set({ leasedUntil: sql`now() + ${`${leaseMs} milliseconds`}::interval` })
        .where(and(where, eq(deliveries.status, 'pending'), leaseable))
        .returning({ id: deliveries.id, subscriptionId: deliveries.subscriptionId, eventSeq: deliveries.eventSeq, attempts: deliveries.attempts }),
    );

  return {
    /** Takes a lease on the event's pending deliveries; others' leases are skipped. */
    claimForEvent: async (seq: number, leaseMs: number) => {
      // The relay queues the fan-out job inside its transaction, so a worker can take the
      // job before that transaction commits and find none of the event's deliveries yet;
      // they then waited for the overdue sweep (2 s and more) instead of going out at once.
      // The relay holds the event row FOR UPDATE until it commits: wait for that lock first.
      await db.execute(sql`SELECT 1 FROM events WHERE seq = ${seq} FOR SHARE`);
      return claimWhere(eq(deliveries.eventSeq, seq), leaseMs);
    },
    claimOne: (id: string, leaseMs: number) => claimWhere(eq(deliveries.id, id), leaseMs),

    /** Records attempts, moves deliveries on, and updates the endpoints' failure state, in one transaction. */
    record: (outcomes: AttemptOutcome[]) =>
      db.transaction(async (tx) => {
        if (outcomes.length === 0) return;
        await tx.insert(deliveryAttempts).values(
          outcomes.map((o) => ({
            deliveryId: o.deliveryId,
            attempt: o.attempt,
            startedAt: o.startedAt,
            durationMs: o.durationMs,
            statusCode: o.statusCode,
            error: o.error,
            nextAttemptAt: o.nextAttemptAt,
          })),
        );
        const rows = sql.join(
          outcomes.map(
            (o) =>
              sql`(${o.deliveryId}::uuid, ${o.attempt}::int, ${o.ok ? 'succeeded' : o.nextAttemptAt ? 'pending' : 'failed'}::delivery_status, ${o.nextAttemptAt?.toISOString() ?? null}::timestamptz, ${o.statusCode}::int, ${o.error}::text)`,
          ),
          sql`, `,
        );
        await tx.execute(sql`
          UPDATE deliveries AS d SET
            attempts = v.attempt, status = v.status, next_attempt_at = v.next_attempt_at,
            last_status_code = v.status_code, last_error = v.error, leased_until = NULL, updated_at = now(),
            succeeded_at = CASE WHEN v.status = 'succeeded' THEN now() ELSE d.succeeded_at END
          FROM (VALUES ${rows}) AS v(id, attempt, status, next_attempt_at, status_code, error)
          WHERE d.id = v.id`);
        const succeeded = [...new Set(outcomes.filter((o) => o.ok).map((o) => o.subscriptionId))];
        const failed = [...new Set(outcomes.filter((o) => !o.ok).map((o) => o.subscriptionId))].filter((id) => !succeeded.includes(id));
        const disabling = [...new Set(outcomes.filter((o) => o.disableReason).map((o) => o.subscriptionId))];
        // Touch only the endpoints whose state changes, locked in id order first. Updating
        // every subscriber's row on every fan-out, in two statements, made concurrent
        // fan-outs to the same endpoints queue behind one another and deadlock (soak).
        // NO KEY UPDATE is the lock the UPDATE takes anyway; unlike FOR UPDATE it does not
        // conflict with the key-share locks the relay's delivery inserts take on subscriptions.
        const changing = or(
          succeeded.length ? and(inArray(subscriptions.id, succeeded), isNotNull(subscriptions.failingSince)) : undefined,
          failed.length ? and(inArray(subscriptions.id, failed), isNull(subscriptions.failingSince)) : undefined,
          disabling.length ? inArray(subscriptions.id, disabling) : undefined,
        );
        if (!changing) return;
        const locked = new Set(
          (await tx.select({ id: subscriptions.id }).from(subscriptions).where(changing).orderBy(subscriptions.id).for('no key update')).map((r) => r.id),
        );
        const clear = succeeded.filter((id) => locked.has(id));
        const mark = failed.filter((id) => locked.has(id));
        if (clear.length) await tx.update(subscriptions).set({ failingSince: null }).where(inArray(subscriptions.id, clear));
        if (mark.length) {
          await tx
            .update(subscriptions)
            .set({ failingSince: sql`coalesce(${subscriptions.failingSince}, now())` })
            .where(inArray(subscriptions.id, mark));
        }
        for (const o of outcomes.filter((x) => x.disableReason)) {
          await tx
            .update(subscriptions)
            .set({ status: 'disabled', disabledReason: o.disableReason, disabledAt: sql`now()`, updatedAt: sql`now()` })
            .where(and(eq(subscriptions.id, o.subscriptionId), eq(subscriptions.status, 'active')));
        }
      }),

    /** Ends deliveries whose subscription no longer receives (disabled or deleted). */
    abandon: (ids: string[], reason: string) =>
      ids.length === 0
        ? Promise.resolve()
        : db
            .update(deliveries)
            .set({ status: 'failed', lastError: reason, leasedUntil: null, nextAttemptAt: null, updatedAt: sql`now()` })
            .where(inArray(deliveries.id, ids)),

    /**
     * Takes pending deliveries overdue by more than `graceMs` and not leased — lost to
     * a dead worker or a Redis outage — and moves their due time `holdMs` ahead, so a
     * backlog that is merely slow is re-queued once per hold, not at every sweep.
     * SKIP LOCKED lets several workers sweep at once without taking the same rows.
     */
    takeOverdue: async (graceMs: number, holdMs: number, limit: number): Promise<Array<{ id: string; attempts: number }>> => {
      const due = db
        .select({ id: deliveries.id })
        .from(deliveries)
        .where(
          and(
            eq(deliveries.status, 'pending'),
            sql`${deliveries.nextAttemptAt} <= now() - ${`${graceMs} milliseconds`}::interval`,
            leaseable,
          ),
        )
        .orderBy(deliveries.nextAttemptAt)
        .limit(limit)
        .for('update', { skipLocked: true });
      return db
        .update(deliveries)
        .set({ nextAttemptAt: sql`now() + ${`${holdMs} milliseconds`}::interval` })
        .where(inArray(deliveries.id, due))
        .returning({ id: deliveries.id, attempts: deliveries.attempts });
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

    /** Creates deliveries (ignoring ones that exist) for the relay. */
    createMany: async (rows: Array<{ id: string; subscriptionId: string; eventSeq: number }>, tx: Db | Tx = db) => {
      for (let i = 0; i < rows.length; i += 1000) {
        await tx
          .insert(deliveries)
          .values(rows.slice(i, i + 1000).map((r) => ({ ...r, nextAttemptAt: sql`now()` as unknown as Date })))
          .onConflictDoNothing();
      }
    },

    /** Makes deliveries due again now (redelivery and replay); creates the missing ones. */
    requeue: async (rows: Array<{ id: string; subscriptionId: string; eventSeq: number }>, tx: Db | Tx = db) => {
      for (let i = 0; i < rows.length; i += 1000) {
        await tx
          .insert(deliveries)
          .values(rows.slice(i, i + 1000).map((r) => ({ ...r, nextAttemptAt: sql`now()` as unknown as Date })))
          .onConflictDoUpdate({
            target: [deliveries.subscriptionId, deliveries.eventSeq],
            set: { status: 'pending', nextAttemptAt: sql`now()`, updatedAt: sql`now()` },
          });
      }
    },
  };
}

export type DeliveryRepository = ReturnType<typeof createDeliveryRepository>;
