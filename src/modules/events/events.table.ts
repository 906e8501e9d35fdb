import { bigint, index, integer, jsonb, pgEnum, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { organisations } from '../organisations/organisations.table.ts';
import { severity, signalType, signalVisibility, signals } from '../signals/signals.table.ts';

export const signalEventTypes = ['signal.created', 'signal.amended', 'signal.lifted', 'signal.retracted', 'signal.expired', 'signal.took_effect', 'signal.replied'] as const;
/** Notices to one organisation about its own subscriptions (never about a signal). */
export const noticeEventTypes = ['subscription.failing', 'subscription.disabled'] as const;
/** Changes to a supplier record (name, units), for every organisation (never about a signal). */
export const supplierEventTypes = ['supplier.updated'] as const;
/** A link between two suppliers drawn or ended (migrations/0018), for every organisation. */
export const linkEventTypes = ['supplier.linked', 'supplier.unlinked'] as const;
export const eventTypes = [...signalEventTypes, ...noticeEventTypes, ...supplierEventTypes, ...linkEventTypes] as const;
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
    // The signal columns are set on signal events and null on notices (a check constraint says so).
    signalId: uuid().references(() => signals.id),
    signalVersion: integer(),
    // Copied from the signal for matching subscriptions without a join.
    signalType: signalType(),
    supplierOrgNumber: text(),
    agreementId: uuid(),
    issuerOrgId: text().references(() => organisations.id),
    visibility: signalVisibility(),
    severity: severity(),
    // A tip's recipient (signals.recipient_org_id): it reads the event as the signal's issuer does.
    signalRecipientOrgId: text().references(() => organisations.id),
    // The signal as the API shows it at this version.
    signal: jsonb(),
    // A notice is for one organisation only, about one of its subscriptions.
    recipientOrgId: text().references(() => organisations.id),
    subscriptionId: uuid(),
    notice: jsonb(),
    // A supplier event: the record as it stood after the change (supplier.updated), or the
    // link (supplier.linked/unlinked, supplierOrgNumber its `from` supplier), and no signal columns.
    supplier: jsonb(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    // Set once the relay has handed the event to the queue.
    relayedAt: timestamp({ withTimezone: true }),
  },
  (t) => [index('events_unrelayed_idx').on(t.seq).where(sql`${t.relayedAt} IS NULL`), index('events_created_idx').on(t.createdAt), index('events_signal_idx').on(t.signalId)],
);

export type EventRow = typeof events.$inferSelect;
type SignalColumns = 'signalId' | 'signalVersion' | 'signalType' | 'supplierOrgNumber' | 'issuerOrgId' | 'visibility' | 'signal';
/** An event about a signal: every signal column set. */
export type SignalEventRow = Omit<EventRow, SignalColumns | 'type'> & { type: (typeof signalEventTypes)[number] } & {
  [K in SignalColumns]: NonNullable<EventRow[K]>;
};
export const isSignalEvent = (event: EventRow): event is SignalEventRow => event.recipientOrgId === null && event.signalId !== null;
/** An event about a supplier record: its number and the record set, no signal columns. */
export type SupplierEventRow = Omit<EventRow, 'type' | 'supplierOrgNumber' | 'supplier'> & {
  type: (typeof supplierEventTypes)[number];
  supplierOrgNumber: string;
  supplier: NonNullable<EventRow['supplier']>;
};
export const isSupplierEvent = (event: EventRow): event is SupplierEventRow =>
  event.recipientOrgId === null && event.signalId === null && event.supplier !== null && (supplierEventTypes as readonly string[]).includes(event.type);
/** An event about a link between suppliers: the link in `supplier`, its `from` supplier's number, no signal columns. */
export type LinkEventRow = Omit<SupplierEventRow, 'type'> & { type: (typeof linkEventTypes)[number] };
export const isLinkEvent = (event: EventRow): event is LinkEventRow =>
  event.recipientOrgId === null && event.signalId === null && event.supplier !== null && (linkEventTypes as readonly string[]).includes(event.type);
export type EventType = (typeof eventTypes)[number];
