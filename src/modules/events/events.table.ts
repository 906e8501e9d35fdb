import { bigint, index, integer, jsonb, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { organisations } from '../organisations/organisations.table.ts';
import { severity, signalType, signalVisibility, signals } from '../signals/signals.table.ts';

export const eventTypes = ['signal.created', 'signal.amended', 'signal.lifted', 'signal.retracted', 'signal.expired'] as const;
export const eventType = pgEnum('event_type', eventTypes);

/**
 * The transactional outbox and the event feed in one table: each signal change
 * appends a row in the same transaction as the change. `seq` is assigned under a
 * transaction-scoped lock, so sequence order is commit order and a reader paging
 * by `seq` never skips a row that commits later.
 */
export const events = pgTable(
  'events',
  {
    seq: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    id: uuid().notNull().unique(),
    type: eventType().notNull(),
    signalId: uuid()
      .notNull()
      .references(() => signals.id),
    signalVersion: integer().notNull(),
    // Copied from the signal for matching subscriptions without a join.
    signalType: signalType().notNull(),
    supplierOrgNumber: text().notNull(),
    agreementId: uuid(),
    issuerOrgId: text()
      .notNull()
      .references(() => organisations.id),
    visibility: signalVisibility().notNull(),
    severity: severity(),
    // The signal as the API shows it at this version.
    signal: jsonb().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    // Set once the relay has handed the event to the queue.
    relayedAt: timestamp({ withTimezone: true }),
  },
  (t) => [index('events_unrelayed_idx').on(t.seq).where(sql`${t.relayedAt} IS NULL`), index('events_created_idx').on(t.createdAt), index('events_signal_idx').on(t.signalId)],
);

export type EventRow = typeof events.$inferSelect;
export type EventType = (typeof eventTypes)[number];
