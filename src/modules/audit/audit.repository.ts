import { and, asc, desc, eq, gt, gte, lt, lte, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.ts';
import { type ChainEntry, GENESIS_HASH, hashEntry, type SignedHead, type StoredEntry } from './audit.chain.ts';
import { auditHeads, auditLog, readLog } from './audit.table.ts';

// Serialises chain appends: the position and prev_hash are read and written under it.
const AUDIT_APPEND_LOCK = 7_420_134;

export interface AuditFilter {
  orgId?: string | undefined;
  actorSub?: string | undefined;
  action?: string | undefined;
  targetType?: string | undefined;
  targetId?: string | undefined;
  from?: string | undefined;
  to?: string | undefined;
  afterPosition?: number | undefined;
}

export function createAuditRepository(db: Db) {
  return {
    /**
     * Appends one entry inside the caller's transaction. The lock is held until
     * that transaction ends, so concurrent writers queue and the chain never forks.
     */
    append: async (tx: Tx, entry: Omit<ChainEntry, 'position' | 'recordedAt'>): Promise<StoredEntry> => {
      await tx.execute(sql`SELECT pg_advisory_xact_lock(${AUDIT_APPEND_LOCK})`);
      const [state] = await tx
        .select({
          position: sql<number>`coalesce(max(${auditLog.position}), 0)`.mapWith(Number),
          now: sql<string>`to_char(clock_timestamp() AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`,
        })
        .from(auditLog);
      const [last] = state!.position
        ? await tx.select({ hash: auditLog.hash }).from(auditLog).where(eq(auditLog.position, state!.position))
        : [{ hash: GENESIS_HASH }];
      const full: ChainEntry = { ...entry, position: state!.position + 1, recordedAt: state!.now };
      const stored: StoredEntry = { ...full, prevHash: last!.hash, hash: hashEntry(last!.hash, full) };
      await tx.insert(auditLog).values(stored);
      return stored;
    },

    /** Oldest first, after `afterPosition`. */
    list: (filter: AuditFilter, limit: number): Promise<StoredEntry[]> =>
      db
        .select()
        .from(auditLog)
        .where(
          and(
            filter.orgId ? eq(auditLog.orgId, filter.orgId) : undefined,
            filter.actorSub ? eq(auditLog.actorSub, filter.actorSub) : undefined,
            filter.action ? eq(auditLog.action, filter.action) : undefined,
            filter.targetType ? eq(auditLog.targetType, filter.targetType) : undefined,
            filter.targetId ? eq(auditLog.targetId, filter.targetId) : undefined,
            filter.from ? gte(auditLog.recordedAt, filter.from) : undefined,
            filter.to ? lt(auditLog.recordedAt, filter.to) : undefined,
            filter.afterPosition ? gt(auditLog.position, filter.afterPosition) : undefined,
          ),
        )
        .orderBy(asc(auditLog.position))
        .limit(limit),

    /** Entries from..to (inclusive), oldest first. */
    range: (from: number, to: number): Promise<StoredEntry[]> =>
      db.select().from(auditLog).where(and(gte(auditLog.position, from), lte(auditLog.position, to))).orderBy(asc(auditLog.position)),

    at: async (position: number): Promise<StoredEntry | undefined> => (await db.select().from(auditLog).where(eq(auditLog.position, position)))[0],

    last: async (): Promise<StoredEntry | undefined> => (await db.select().from(auditLog).orderBy(desc(auditLog.position)).limit(1))[0],

    latestHead: async (): Promise<(SignedHead & { id: number }) | undefined> => (await db.select().from(auditHeads).orderBy(desc(auditHeads.id)).limit(1))[0],

    heads: (): Promise<SignedHead[]> => db.select().from(auditHeads).orderBy(asc(auditHeads.id)),

    insertHead: async (head: SignedHead) => {
      await db.insert(auditHeads).values(head);
    },

    logRead: (row: typeof readLog.$inferInsert) => db.insert(readLog).values(row),

    reads: (orgId: string | undefined, beforeAt: Date | undefined, limit: number) =>
      db
        .select()
        .from(readLog)
        .where(and(orgId ? eq(readLog.orgId, orgId) : undefined, beforeAt ? lt(readLog.at, beforeAt) : undefined))
        .orderBy(desc(readLog.at))
        .limit(limit),

    /** Retention: prunes the read log only; the chain is never pruned. */
    pruneReads: (olderThanDays: number) => db.delete(readLog).where(sql`${readLog.at} < now() - make_interval(days => ${olderThanDays})`),
  };
}

export type AuditRepository = ReturnType<typeof createAuditRepository>;
