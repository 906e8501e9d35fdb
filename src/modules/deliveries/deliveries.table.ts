import { sql } from 'drizzle-orm';
import { bigint, index, integer, pgEnum, pgTable, primaryKey, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { events } from '../events/events.table.ts';
import { subscriptions } from '../subscriptions/subscriptions.table.ts';

export const deliveryStatuses = ['pending', 'succeeded', 'failed'] as const;
export const deliveryStatus = pgEnum('delivery_status', deliveryStatuses);

/** One event to one subscription; the state lives here, the queue only schedules. */
export const deliveries = pgTable(
  'deliveries',
  {
    id: uuid().primaryKey(),
    subscriptionId: uuid()
      .notNull()
      .references(() => subscriptions.id),
    eventSeq: bigint({ mode: 'number' })
      .notNull()
      .references(() => events.seq),
    status: deliveryStatus().notNull().default('pending'),
    attempts: integer().notNull().default(0),
    nextAttemptAt: timestamp({ withTimezone: true }),
    lastStatusCode: integer(),
    lastError: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    succeededAt: timestamp({ withTimezone: true }),
    // A worker sending this delivery holds it until then; a dead worker's lease runs out.
    leasedUntil: timestamp({ withTimezone: true }),
    // Set by a redelivery or replay: the next attempt runs now, in the resend lane, whatever retry was scheduled.
    resendRequestedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    unique('deliveries_subscription_event_uq').on(t.subscriptionId, t.eventSeq),
    index('deliveries_subscription_idx').on(t.subscriptionId, t.id),
    index('deliveries_event_idx').on(t.eventSeq),
    index('deliveries_due_idx').on(t.nextAttemptAt).where(sql`${t.status} = 'pending'`),
    // Attempts in flight per endpoint, for the circuit breaker.
    index('deliveries_in_flight_idx').on(t.subscriptionId).where(sql`${t.status} = 'pending' AND ${t.leasedUntil} IS NOT NULL`),
    // An endpoint's due deliveries, for its wake-ups (a failing endpoint can have thousands waiting).
    index('deliveries_endpoint_due_idx').on(t.subscriptionId, t.nextAttemptAt).where(sql`${t.status} = 'pending' AND ${t.resendRequestedAt} IS NULL`),
    index('deliveries_resend_idx').on(t.subscriptionId, t.resendRequestedAt, t.id).where(sql`${t.status} = 'pending' AND ${t.resendRequestedAt} IS NOT NULL`),
  ],
);

export const deliveryAttempts = pgTable(
  'delivery_attempts',
  {
    deliveryId: uuid()
      .notNull()
      .references(() => deliveries.id),
    attempt: integer().notNull(),
    startedAt: timestamp({ withTimezone: true }).notNull(),
    durationMs: integer().notNull(),
    statusCode: integer(),
    error: text(),
    nextAttemptAt: timestamp({ withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.deliveryId, t.attempt] })],
);

export type DeliveryRow = typeof deliveries.$inferSelect;
export type DeliveryAttemptRow = typeof deliveryAttempts.$inferSelect;
