import { type AnyPgColumn, check, index, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';

export const organisationKinds = ['municipality', 'purchasing_centre', 'federation', 'auditor', 'operator', 'supplier'] as const;
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
    // Set while the operator has suspended the organisation: its tokens are refused, its subscriptions receive nothing.
    suspendedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    check('organisations_municipality_code', sql`${t.municipalityCode} IS NULL OR ${t.municipalityCode} ~ '^[0-9]{4}$'`),
    index('organisations_federation_idx').on(t.federationId),
    // One organisation per kommunkod.
    uniqueIndex('organisations_municipality_code_unique').on(t.municipalityCode),
  ],
);

/**
 * API clients (JWT `sub`) the operator has shut out of their organisation. Final: a
 * compromised client gets a new id from its identity provider. Append-only for the app.
 */
export const revokedClients = pgTable(
  'revoked_clients',
  {
    orgId: text()
      .notNull()
      .references(() => organisations.id),
    sub: text().notNull(),
    reason: text().notNull(),
    // The operator's client that revoked it.
    revokedBy: text().notNull(),
    revokedAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.orgId, t.sub] })],
);

export type Organisation = typeof organisations.$inferSelect;
export type RevokedClient = typeof revokedClients.$inferSelect;
export type OrganisationKind = (typeof organisationKinds)[number];
