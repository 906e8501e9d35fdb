import { boolean, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { organisations } from '../organisations/organisations.table.ts';

export const suppliers = pgTable(
  'suppliers',
  {
    // organisationsnummer, 10 digits without hyphen
    orgNumber: text().primaryKey(),
    name: text().notNull(),
    // enskild firma: the number is the owner's personnummer, so it is personal data.
    soleTrader: boolean().notNull().default(false),
    createdByOrgId: text()
      .notNull()
      .references(() => organisations.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('suppliers_name_trgm_idx').using('gin', sql`lower(${t.name}) gin_trgm_ops`)],
);

// verksamheter: the individual homes a supplier runs
export const supplierUnits = pgTable(
  'supplier_units',
  {
    id: uuid().primaryKey(),
    supplierOrgNumber: text()
      .notNull()
      .references(() => suppliers.orgNumber),
    name: text().notNull(),
    kind: text(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('supplier_units_name_uq').on(t.supplierOrgNumber, sql`lower(${t.name})`)],
);

export type Supplier = typeof suppliers.$inferSelect;
export type SupplierUnit = typeof supplierUnits.$inferSelect;
