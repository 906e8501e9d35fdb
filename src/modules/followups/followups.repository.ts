import { and, asc, count, desc, eq, getTableColumns, gte, isNull, isNotNull, lt, lte, type SQL, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.ts';
import { type FollowUpKind, type FollowUpOutcome, type FollowUpRow, followUpRecords, followUpRetractions } from './followups.table.ts';

export interface FollowUpFilter {
  supplier?: string | undefined;
  kind?: FollowUpKind | undefined;
  issuer?: string | undefined;
  outcome?: FollowUpOutcome | undefined;
  /** Checked on or after this day (YYYY-MM-DD). */
  from?: string | undefined;
  /** Checked on or before this day (YYYY-MM-DD). */
  to?: string | undefined;
  status?: 'recorded' | 'retracted' | undefined;
}

const readColumns = {
  ...getTableColumns(followUpRecords),
  retractedAt: followUpRetractions.retractedAt,
  retractionReason: followUpRetractions.reason,
};

/** A record as read: its row and its retraction, if any. */
export type FollowUpRead = FollowUpRow & { retractedAt: Date | null; retractionReason: string | null };

const where = (filter: FollowUpFilter, visible: SQL | undefined) =>
  and(
    visible,
    filter.supplier ? eq(followUpRecords.supplierOrgNumber, filter.supplier) : undefined,
    filter.kind ? eq(followUpRecords.kind, filter.kind) : undefined,
    filter.issuer ? eq(followUpRecords.issuerOrgId, filter.issuer) : undefined,
    filter.outcome ? eq(followUpRecords.outcome, filter.outcome) : undefined,
    filter.from ? gte(followUpRecords.checkedOn, filter.from) : undefined,
    filter.to ? lte(followUpRecords.checkedOn, filter.to) : undefined,
    filter.status === 'recorded' ? isNull(followUpRetractions.recordId) : undefined,
    filter.status === 'retracted' ? isNotNull(followUpRetractions.recordId) : undefined,
  );

export function createFollowUpRepository(db: Db) {
  const select = (tx: Db | Tx = db) =>
    tx.select(readColumns).from(followUpRecords).leftJoin(followUpRetractions, eq(followUpRetractions.recordId, followUpRecords.id));

  return {
    findById: async (id: string, tx: Db | Tx = db): Promise<FollowUpRead | undefined> => (await select(tx).where(eq(followUpRecords.id, id)).limit(1))[0],

    insert: async (tx: Tx, row: typeof followUpRecords.$inferInsert): Promise<FollowUpRead> => {
      await tx.insert(followUpRecords).values(row);
      return (await select(tx).where(eq(followUpRecords.id, row.id)))[0]!;
    },

    /** Records the retraction; false when the record already had one (its primary key decides, so two at once cannot both win). */
    retract: async (tx: Tx, row: typeof followUpRetractions.$inferInsert): Promise<boolean> => {
      const inserted = await tx.insert(followUpRetractions).values(row).onConflictDoNothing().returning({ id: followUpRetractions.recordId });
      return inserted.length === 1;
    },

    /** Newest first (UUIDv7 ids are time-ordered). `visible` is the caller's visibility predicate. */
    list: (filter: FollowUpFilter & { beforeId?: string | undefined }, visible: SQL | undefined, limit: number): Promise<FollowUpRead[]> =>
      select()
        .where(and(where(filter, visible), filter.beforeId ? lt(followUpRecords.id, filter.beforeId) : undefined))
        .orderBy(desc(followUpRecords.id))
        .limit(limit),

    /** Every record about a supplier, retracted ones included, oldest first. */
    ofSupplier: (orgNumber: string): Promise<FollowUpRead[]> => select().where(eq(followUpRecords.supplierOrgNumber, orgNumber)).orderBy(asc(followUpRecords.id)),

    /** The number of records per month of the check (YYYY-MM), kind and outcome, by the same filter as `list`. */
    counts: (filter: FollowUpFilter, visible: SQL | undefined) => {
      const month = sql<string>`to_char(${followUpRecords.checkedOn}, 'YYYY-MM')`;
      return db
        .select({ month, kind: followUpRecords.kind, outcome: followUpRecords.outcome, count: count() })
        .from(followUpRecords)
        .leftJoin(followUpRetractions, eq(followUpRetractions.recordId, followUpRecords.id))
        .where(where(filter, visible))
        .groupBy(month, followUpRecords.kind, followUpRecords.outcome)
        .orderBy(month, followUpRecords.kind, followUpRecords.outcome);
    },
  };
}

export type FollowUpRepository = ReturnType<typeof createFollowUpRepository>;
