import { date, index, pgEnum, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { organisations } from '../organisations/organisations.table.ts';
import { suppliers } from '../suppliers/suppliers.table.ts';

export const agreementCategories = [
  'hvb_children',
  'family_home_agency',
  'supported_housing_adults',
  'supported_housing_youth',
  'protected_housing',
  'hvb_adults_substance',
  'gambling_addiction',
] as const;
export const agreementCategory = pgEnum('agreement_category', agreementCategories);

// ramavtal
export const agreements = pgTable(
  'agreements',
  {
    id: uuid().primaryKey(),
    ownerOrgId: text()
      .notNull()
      .references(() => organisations.id),
    name: text().notNull(),
    category: agreementCategory().notNull(),
    validFrom: date({ mode: 'string' }).notNull(),
    validUntil: date({ mode: 'string' }),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('agreements_owner_idx').on(t.ownerOrgId)],
);

export const agreementSuppliers = pgTable(
  'agreement_suppliers',
  {
    agreementId: uuid()
      .notNull()
      .references(() => agreements.id),
    supplierOrgNumber: text()
      .notNull()
      .references(() => suppliers.orgNumber),
    addedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.agreementId, t.supplierOrgNumber] }), index('agreement_suppliers_supplier_idx').on(t.supplierOrgNumber)],
);

export type Agreement = typeof agreements.$inferSelect;
export type AgreementCategory = (typeof agreementCategories)[number];
