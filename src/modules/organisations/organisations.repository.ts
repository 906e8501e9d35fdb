import { and, asc, eq, getTableColumns, gt, inArray, isNotNull, isNull, type SQL, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.ts';
import { prepareRows } from '../../db/prepared.ts';
import { supplierRepresentations } from '../replies/replies.table.ts';
import { type OrganisationDirectory, organisationDirectory } from './organisations.directory.ts';
import { type Organisation, organisations, type RevokedClient, revokedClients } from './organisations.table.ts';

/** The caller's organisation, and whether the calling client is revoked, as one row. */
/** The token's organisation; `represents`: the organisation numbers a supplier organisation answers for now (empty for other kinds). */
export type TokenOrganisation = Organisation & { clientRevoked: boolean; represents: string[] };

/**
 * What a token's organisation read adds to the organisation's columns (`qualified`: its id and
 * kind as the statement names them, qualified so that a subquery cannot take another table's):
 * whether the client (`sub`, a placeholder) is revoked, and what a supplier organisation
 * answers for.
 */
export const tokenOrganisationExtras = (qualified: { id: SQL; kind: SQL }) => ({
  clientRevoked: sql<boolean>`EXISTS (SELECT 1 FROM ${revokedClients} WHERE ${revokedClients.orgId} = ${qualified.id} AND ${revokedClients.sub} = ${sql.placeholder('sub')})`,
  // Looked up for a supplier organisation only (CASE runs the subquery only then).
  represents: sql<string[]>`CASE WHEN ${qualified.kind} = 'supplier' THEN ARRAY(SELECT r.org_number FROM ${supplierRepresentations} r WHERE r.supplier_org_id = ${qualified.id} AND r.ended_at IS NULL ORDER BY 1) ELSE '{}'::text[] END`,
});

export function createOrganisationRepository(db: Db) {
  // Every authenticated request runs this, so it is one prepared statement: the
  // organisation and the client's revocation in a single round trip, read from
  // PostgreSQL each time, so a suspension or revocation holds on every replica at once.
  const forToken = prepareRows(
    db,
    'auth_token_organisation',
    {
      ...getTableColumns(organisations),
      // Qualified by hand: drizzle leaves a single table's columns unqualified, and "id" inside a subquery would be the representation's.
      ...tokenOrganisationExtras({ id: sql.raw('"organisations"."id"'), kind: sql.raw('"organisations"."kind"') }),
    },
    (selection) =>
      db
        .select(selection)
        .from(organisations)
        .where(eq(organisations.id, sql.placeholder('id')))
        .limit(1),
  );

  return {
    findById: async (id: string): Promise<Organisation | undefined> =>
      (await db.select().from(organisations).where(eq(organisations.id, id)).limit(1))[0],

    findByIds: (ids: readonly string[]): Promise<Organisation[]> =>
      ids.length ? db.select().from(organisations).where(inArray(organisations.id, [...ids])) : Promise.resolve([]),

    /** Every organisation (a few hundred rows). */
    all: (tx: Db | Tx = db): Promise<Organisation[]> => tx.select().from(organisations),

    /**
     * Every organisation as a directory, for matching events: issuers' kind and kommunkod
     * (the municipalityCodes filter), federations' members (the affects filter).
     */
    directory: async (tx: Db | Tx = db): Promise<OrganisationDirectory> => organisationDirectory(await tx.select().from(organisations)),

    findForToken: async (id: string, sub: string): Promise<TokenOrganisation | undefined> => (await forToken.execute({ id, sub }))[0],

    /** By id, after `afterId` when given. */
    list: (afterId: string | undefined, limit: number): Promise<Organisation[]> =>
      db.select().from(organisations).where(afterId === undefined ? undefined : gt(organisations.id, afterId)).orderBy(asc(organisations.id)).limit(limit),

    /**
     * Inserts unless the id exists; returns the row or undefined when it existed. Any
     * other conflict (a kommunkod already taken) is thrown, not taken for "exists".
     */
    insert: async (row: typeof organisations.$inferInsert, tx: Db | Tx = db): Promise<Organisation | undefined> =>
      (await tx.insert(organisations).values(row).onConflictDoNothing({ target: organisations.id }).returning())[0],

    /** Suspends or resumes; undefined when the organisation already was in that state. */
    setSuspended: async (tx: Tx, id: string, suspended: boolean): Promise<Organisation | undefined> =>
      (
        await tx
          .update(organisations)
          .set({ suspendedAt: suspended ? sql`now()` : null })
          .where(and(eq(organisations.id, id), suspended ? isNull(organisations.suspendedAt) : isNotNull(organisations.suspendedAt)))
          .returning()
      )[0],

    /** Records the revocation; undefined when the client was already revoked. */
    revokeClient: async (tx: Tx, row: typeof revokedClients.$inferInsert): Promise<RevokedClient | undefined> =>
      (await tx.insert(revokedClients).values(row).onConflictDoNothing().returning())[0],

    findRevokedClient: async (orgId: string, sub: string): Promise<RevokedClient | undefined> =>
      (await db.select().from(revokedClients).where(and(eq(revokedClients.orgId, orgId), eq(revokedClients.sub, sub))))[0],

    revokedClientsOf: (orgId: string): Promise<RevokedClient[]> =>
      db.select().from(revokedClients).where(eq(revokedClients.orgId, orgId)).orderBy(asc(revokedClients.revokedAt), asc(revokedClients.sub)),
  };
}

export type OrganisationRepository = ReturnType<typeof createOrganisationRepository>;
