import { type AnyPgColumn, check, index, pgEnum, pgTable, primaryKey, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';

export const organisationKinds = ['municipality', 'purchasing_centre', 'federation', 'auditor', 'operator', 'supplier'] as const;
export const organisationKind = pgEnum('organisation_kind', organisationKinds);
/** The members of the registry: the kinds that write signals and the supplier records and links they are about. */
export const memberKinds = ['municipality', 'purchasing_centre', 'federation'] as const satisfies ReadonlyArray<(typeof organisationKinds)[number]>;

/** The unique index of kommunkoder: one organisation per code. */
export const MUNICIPALITY_CODE_UNIQUE = 'organisations_municipality_code_unique';

export const organisations = pgTable(
  'organisations',
  {
    id: text().primaryKey(),
    kind: organisationKind().notNull(),
    name: text().notNull(),
    // kommunkod, four digits (e.g. 2281 Sundsvall)
    municipalityCode: text(),
    // The federation (kommunförbund) a municipality belongs to now; its history is federation_memberships.
    federationId: text().references((): AnyPgColumn => organisations.id),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
    // Set while the operator has suspended the organisation: its tokens are refused, its subscriptions receive nothing.
    suspendedAt: timestamp({ withTimezone: true }),
  },
  (t) => [
    check('organisations_municipality_code', sql`${t.municipalityCode} IS NULL OR ${t.municipalityCode} ~ '^[0-9]{4}$'`),
    index('organisations_federation_idx').on(t.federationId),
    // One organisation per kommunkod.
    uniqueIndex(MUNICIPALITY_CODE_UNIQUE).on(t.municipalityCode),
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

/**
 * The periods a municipality belonged to a federation (migrations/0021), [validFrom,
 * validUntil); validUntil null is the current one, and organisations.federationId is
 * always its federation (both written in one transaction). Never deleted: ending a
 * period sets its end columns once (a trigger refuses any other change), so the
 * federation at a past moment t is the period with `valid_from <= t AND (valid_until IS
 * NULL OR valid_until > t)`.
 */
export const federationMemberships = pgTable(
  'federation_memberships',
  {
    id: uuid().primaryKey().defaultRandom(),
    municipalityId: text()
      .notNull()
      .references(() => organisations.id),
    federationId: text()
      .notNull()
      .references(() => organisations.id),
    validFrom: timestamp({ withTimezone: true }).notNull(),
    validUntil: timestamp({ withTimezone: true }),
    // The API client (JWT sub, as the principal carries it) that began the period, and why.
    changedBy: text().notNull(),
    reason: text().notNull(),
    // The client that ended it (a move or a leave), and why; set with validUntil.
    endedBy: text(),
    endReason: text(),
  },
  (t) => [
    check('federation_memberships_not_self_chk', sql`${t.municipalityId} <> ${t.federationId}`),
    check('federation_memberships_period_chk', sql`${t.validUntil} IS NULL OR ${t.validUntil} >= ${t.validFrom}`),
    check(
      'federation_memberships_end_chk',
      sql`(${t.validUntil} IS NULL AND ${t.endedBy} IS NULL AND ${t.endReason} IS NULL) OR (${t.validUntil} IS NOT NULL AND ${t.endedBy} IS NOT NULL AND ${t.endReason} IS NOT NULL)`,
    ),
    uniqueIndex('federation_memberships_current_uq').on(t.municipalityId).where(sql`${t.validUntil} IS NULL`),
    index('federation_memberships_municipality_idx').on(t.municipalityId, t.validFrom),
    index('federation_memberships_current_federation_idx').on(t.federationId).where(sql`${t.validUntil} IS NULL`),
  ],
);

export type Organisation = typeof organisations.$inferSelect;
export type FederationMembership = typeof federationMemberships.$inferSelect;
export type RevokedClient = typeof revokedClients.$inferSelect;
export type OrganisationKind = (typeof organisationKinds)[number];
