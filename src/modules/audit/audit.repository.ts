import { and, asc, desc, eq, gt, gte, lt, lte, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.ts';
import { type ChainEntry, GENESIS_HASH, hashEntry, type SignedHead, type StoredEntry } from './audit.chain.ts';
import { auditHeads, auditLog, readLog } from './audit.table.ts';

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
     * Appends one entry inside the caller's transaction. registry_journal_head()
     * (migrations/0006_journal_lock.sql) takes the journal lock and reads the chain's
     * head in one round trip; the lock is held until that transaction ends, so
     * concurrent writers queue and the chain never forks.
     */
    append: async (tx: Tx, entry: Omit<ChainEntry, 'position' | 'recordedAt'>): Promise<StoredEntry> => {
      const [head] = await tx
        .select({
          position: sql<number | null>`head_position`.mapWith(Number),
          hash: sql<string | null>`head_hash`,
          recordedAt: sql<string>`recorded_at`,
        })
        .from(sql`registry_journal_head()`);
      const full: ChainEntry = { ...entry, position: (head!.position ?? 0) + 1, recordedAt: head!.recordedAt };
      const prevHash = head!.hash ?? GENESIS_HASH;
      const stored: StoredEntry = { ...full, prevHash, hash: hashEntry(prevHash, full) };
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
            // recorded_at is text; compared as text, '…T10:00:00Z' sorted after '…T10:00:00.5Z'
            // and an offset such as '+02:00' was ignored. Compare as instants instead.
            filter.from ? sql`${auditLog.recordedAt}::timestamptz >= ${filter.from}::timestamptz` : undefined,
            filter.to ? sql`${auditLog.recordedAt}::timestamptz < ${filter.to}::timestamptz` : undefined,
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
