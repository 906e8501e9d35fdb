import { type AnyPgColumn, check, index, pgEnum, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';

export const organisationKinds = ['municipality', 'purchasing_centre', 'federation', 'auditor', 'operator'] as const;
export const organisationKind = pgEnum('organisation_kind', organisationKinds);

export const organisations = pgTable(
  'organisations',
  {
    id: text().primaryKey(),
    kind: organisationKind().notNull(),
    name: text().notNull(),
    // kommunkod, four digits (e.g. 2281 Sundsvall)
    municipalityCode: text(),
    // The federation (kommunförbund) a municipality belongs to.
    federationId: text().references((): AnyPgColumn => organisations.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('organisations_municipality_code', sql`${t.municipalityCode} IS NULL OR ${t.municipalityCode} ~ '^[0-9]{4}$'`),
    index('organisations_federation_idx').on(t.federationId),
  ],
);

export type Organisation = typeof organisations.$inferSelect;
export type OrganisationKind = (typeof organisationKinds)[number];
