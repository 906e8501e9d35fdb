import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { organisations } from '../organisations/organisations.table.ts';
import { signals } from '../signals/signals.table.ts';
import { suppliers } from '../suppliers/suppliers.table.ts';

/**
 * Which organisation numbers a `supplier` organisation answers for (migrations/0020),
 * drawn by the operator. Never deleted: ending one sets its end columns once (a trigger
 * refuses any other change). One supplier organisation answers for a number at a time.
 */
export const supplierRepresentations = pgTable(
  'supplier_representations',
  {
    id: uuid().primaryKey(),
    supplierOrgId: text()
      .notNull()
      .references(() => organisations.id),
    orgNumber: text()
      .notNull()
      .references(() => suppliers.orgNumber),
    reason: text().notNull(),
    // The operator's API client (JWT sub, as the principal carries it).
    createdBy: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    endedAt: timestamp({ withTimezone: true }),
    endedBy: text(),
    endReason: text(),
  },
  (t) => [
    check(
      'supplier_representations_end_chk',
      sql`(${t.endedAt} IS NULL AND ${t.endedBy} IS NULL AND ${t.endReason} IS NULL) OR (${t.endedAt} IS NOT NULL AND ${t.endedBy} IS NOT NULL AND ${t.endReason} IS NOT NULL)`,
    ),
    uniqueIndex('supplier_representations_active_number_uq').on(t.orgNumber).where(sql`${t.endedAt} IS NULL`),
    index('supplier_representations_org_idx').on(t.supplierOrgId, t.createdAt),
  ],
);

/**
 * A supplier's reply to a signal about it, one row per version (1, 2, …): the newest is
 * the reply in force. Append-only: a changed reply is a new version.
 */
export const signalReplies = pgTable(
  'signal_replies',
  {
    signalId: uuid()
      .notNull()
      .references(() => signals.id),
    version: integer().notNull(),
    supplierOrgId: text()
      .notNull()
      .references(() => organisations.id),
    text: text().notNull(),
    // The supplier disputes what the signal says.
    disputed: boolean().notNull(),
    createdBy: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.signalId, t.version] }), check('signal_replies_version_chk', sql`${t.version} >= 1`)],
);

export type SupplierRepresentation = typeof supplierRepresentations.$inferSelect;
export type SignalReplyRow = typeof signalReplies.$inferSelect;
