import { boolean, check, index, integer, jsonb, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
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
    // The registrant: with the owners of the agreements it is party to and the operator, it may change the record.
    createdByOrgId: text()
      .notNull()
      .references(() => organisations.id),
    // The record's version (name and units); each change appends a row to supplier_versions.
    version: integer().notNull().default(1),
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

export const supplierChanges = ['created', 'updated'] as const;
export interface UnitSnapshot {
  id: string;
  name: string;
  kind: string | null;
}

/** Every state of a supplier record, append-only (a trigger refuses UPDATE and DELETE). */
export const supplierVersions = pgTable(
  'supplier_versions',
  {
    supplierOrgNumber: text()
      .notNull()
      .references(() => suppliers.orgNumber),
    version: integer().notNull(),
    change: text({ enum: supplierChanges }).notNull(),
    name: text().notNull(),
    // The units as they stood after the change.
    units: jsonb().$type<UnitSnapshot[]>().notNull(),
    reason: text(),
    orgId: text()
      .notNull()
      .references(() => organisations.id),
    actorSub: text().notNull(),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.supplierOrgNumber, t.version] }), check('supplier_versions_change_chk', sql`${t.change} IN ('created', 'updated')`)],
);

/**
 * Every name a supplier (unitId null) or one of its units has carried, current and
 * former: name search looks here, so a renamed supplier is found under its old name.
 */
export const supplierNames = pgTable(
  'supplier_names',
  {
    supplierOrgNumber: text()
      .notNull()
      .references(() => suppliers.orgNumber),
    unitId: uuid().references(() => supplierUnits.id),
    name: text().notNull(),
    // The name as search compares it: registry_fold_name (migrations/0012) folds case and
    // accents (Härnösand → harnosand), the same function the query applies to what is typed.
    nameFolded: text()
      .notNull()
      .generatedAlwaysAs(sql`registry_fold_name(name)`),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('supplier_names_uq').on(t.supplierOrgNumber, sql`COALESCE(${t.unitId}, '00000000-0000-0000-0000-000000000000'::uuid)`, sql`lower(${t.name})`),
    index('supplier_names_folded_trgm_idx').using('gin', t.nameFolded.op('gin_trgm_ops')),
  ],
);

export type Supplier = typeof suppliers.$inferSelect;
export type SupplierVersion = typeof supplierVersions.$inferSelect;
export type SupplierUnit = typeof supplierUnits.$inferSelect;
