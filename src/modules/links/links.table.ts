import { sql } from 'drizzle-orm';
import { check, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { organisations } from '../organisations/organisations.table.ts';
import { suppliers } from '../suppliers/suppliers.table.ts';

/**
 * group: `from` is the parent company (moderbolag), `to` its subsidiary (dotterbolag).
 * succession: `from` is the predecessor, `to` the successor that took over the operation.
 */
export const linkKinds = ['group', 'succession'] as const;
export type LinkKind = (typeof linkKinds)[number];

/**
 * A member's claim that two suppliers are linked (migrations/0018_supplier_links.sql).
 * Never deleted: ending a link sets its end columns once (a trigger refuses any other
 * change), so the links in force at a past moment t are those with
 * `created_at <= t AND (ended_at IS NULL OR ended_at > t)`.
 */
export const supplierLinks = pgTable(
  'supplier_links',
  {
    id: uuid().primaryKey(),
    kind: text({ enum: linkKinds }).notNull(),
    fromOrgNumber: text()
      .notNull()
      .references(() => suppliers.orgNumber),
    toOrgNumber: text()
      .notNull()
      .references(() => suppliers.orgNumber),
    reason: text().notNull(),
    createdByOrgId: text()
      .notNull()
      .references(() => organisations.id),
    // The API client (JWT sub, as the principal carries it) that drew the link.
    createdBy: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    endedAt: timestamp({ withTimezone: true }),
    endedByOrgId: text().references(() => organisations.id),
    endedBy: text(),
    endReason: text(),
  },
  (t) => [
    check('supplier_links_kind_chk', sql`${t.kind} IN ('group', 'succession')`),
    check('supplier_links_not_self_chk', sql`${t.fromOrgNumber} <> ${t.toOrgNumber}`),
    check(
      'supplier_links_end_chk',
      sql`(${t.endedAt} IS NULL AND ${t.endedByOrgId} IS NULL AND ${t.endedBy} IS NULL AND ${t.endReason} IS NULL) OR (${t.endedAt} IS NOT NULL AND ${t.endedByOrgId} IS NOT NULL AND ${t.endedBy} IS NOT NULL AND ${t.endReason} IS NOT NULL)`,
    ),
    uniqueIndex('supplier_links_active_pair_uq')
      .on(t.kind, sql`LEAST(${t.fromOrgNumber}, ${t.toOrgNumber})`, sql`GREATEST(${t.fromOrgNumber}, ${t.toOrgNumber})`)
      .where(sql`${t.endedAt} IS NULL`),
    index('supplier_links_active_from_idx').on(t.fromOrgNumber, t.kind).where(sql`${t.endedAt} IS NULL`),
    index('supplier_links_active_to_idx').on(t.toOrgNumber, t.kind).where(sql`${t.endedAt} IS NULL`),
    index('supplier_links_from_idx').on(t.fromOrgNumber, t.createdAt),
    index('supplier_links_to_idx').on(t.toOrgNumber, t.createdAt),
  ],
);

export type SupplierLink = typeof supplierLinks.$inferSelect;
