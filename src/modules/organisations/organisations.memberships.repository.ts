import { and, asc, eq, gt, isNull, lte, or, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.ts';
import { type FederationMembership, federationMemberships, type Organisation, organisations } from './organisations.table.ts';

/** The fields of a period a change writes; the moment is the database's, passed as text so no microsecond is lost. */
export interface MembershipChange {
  /** The API client (principal.sub) making the change. */
  by: string;
  reason: string;
}

const at = sql`${sql.placeholder('asOf')}::timestamptz`;

/**
 * Federation membership periods (migrations/0021). Writes run inside the caller's
 * transaction, after `lockMunicipality`, so two changes to one municipality are taken
 * one after the other and each period begins where the previous one ended.
 */
export function createMembershipRepository(db: Db) {
  // The period in force at a past moment, for the as-of status: one index step on (municipality_id, valid_from).
  const federationAt = db
    .select({ federationId: federationMemberships.federationId })
    .from(federationMemberships)
    .where(
      and(
        eq(federationMemberships.municipalityId, sql.placeholder('municipalityId')),
        lte(federationMemberships.validFrom, at),
        or(isNull(federationMemberships.validUntil), gt(federationMemberships.validUntil, at)),
      ),
    )
    .orderBy(sql`${federationMemberships.validFrom} DESC`)
    .limit(1)
    .prepare('federation_membership_at');

  return {
    /** The organisation row, locked until the transaction ends; undefined when unknown. */
    lockOrganisation: async (tx: Tx, id: string): Promise<Organisation | undefined> =>
      (await tx.select().from(organisations).where(eq(organisations.id, id)).for('update'))[0],

    /**
     * The organisation row, not locked: a kind never changes. Locking the target too would
     * let two changes naming each other (M1 → M2 and M2 → M1) deadlock.
     */
    find: async (tx: Tx, id: string): Promise<Organisation | undefined> => (await tx.select().from(organisations).where(eq(organisations.id, id)))[0],

    /**
     * The database's clock now, as text (microseconds kept). Read after the lock: the
     * transaction's own now() may be older than the period a concurrent change just began.
     */
    clock: async (tx: Tx): Promise<string> =>
      (await tx.select({ now: sql<string>`clock_timestamp()::text` }).from(sql`(SELECT 1) AS one`))[0]!.now,

    current: async (tx: Db | Tx, municipalityId: string): Promise<FederationMembership | undefined> =>
      (
        await tx
          .select()
          .from(federationMemberships)
          .where(and(eq(federationMemberships.municipalityId, municipalityId), isNull(federationMemberships.validUntil)))
      )[0],

    /** Ends the current period at `until`; the trigger refuses ending one twice. */
    end: async (tx: Tx, id: string, until: string, change: MembershipChange): Promise<FederationMembership> =>
      (
        await tx
          .update(federationMemberships)
          .set({ validUntil: sql`${until}::timestamptz`, endedBy: change.by, endReason: change.reason })
          .where(and(eq(federationMemberships.id, id), isNull(federationMemberships.validUntil)))
          .returning()
      )[0]!,

    /** Begins a period at `from` (SQL: a text moment, or now() for an organisation registered in this transaction). */
    begin: async (tx: Tx, row: { municipalityId: string; federationId: string; from: string | 'now' } & MembershipChange): Promise<FederationMembership> =>
      (
        await tx
          .insert(federationMemberships)
          .values({
            municipalityId: row.municipalityId,
            federationId: row.federationId,
            validFrom: row.from === 'now' ? sql`now()` : sql`${row.from}::timestamptz`,
            changedBy: row.by,
            reason: row.reason,
          })
          .returning()
      )[0]!,

    /** The organisations' current value, kept beside the periods so every existing read goes on working. */
    setCurrentFederation: async (tx: Tx, municipalityId: string, federationId: string | null): Promise<Organisation> =>
      (await tx.update(organisations).set({ federationId }).where(eq(organisations.id, municipalityId)).returning())[0]!,

    /** Every period of one municipality, oldest first. */
    historyOf: (municipalityId: string): Promise<FederationMembership[]> =>
      db
        .select()
        .from(federationMemberships)
        .where(eq(federationMemberships.municipalityId, municipalityId))
        .orderBy(asc(federationMemberships.validFrom), asc(federationMemberships.id)),

    /** A federation's current members with their organisation, by id. */
    currentMembersOf: (federationId: string) =>
      db
        .select({ membership: federationMemberships, municipality: organisations })
        .from(federationMemberships)
        .innerJoin(organisations, eq(organisations.id, federationMemberships.municipalityId))
        .where(and(eq(federationMemberships.federationId, federationId), isNull(federationMemberships.validUntil)))
        .orderBy(asc(organisations.id)),

    /** The federation the municipality belonged to at `asOf`, or null. */
    federationAt: async (municipalityId: string, asOf: Date): Promise<string | null> =>
      (await federationAt.execute({ municipalityId, asOf: asOf.toISOString() }))[0]?.federationId ?? null,
  };
}

export type MembershipRepository = ReturnType<typeof createMembershipRepository>;
