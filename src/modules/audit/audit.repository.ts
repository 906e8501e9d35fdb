import { and, asc, desc, eq, getTableColumns, gt, gte, lt, lte, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.ts';
import { insertsOf, type RowWrite, rowWrite, withInserts } from '../../db/row-writes.ts';
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

type Head = { position: number | null; hash: string | null; recordedAt: string };

const headOf = async (tx: Tx): Promise<Head> =>
  (
    await tx
      .select({
        position: sql<number | null>`head_position`.mapWith(Number),
        hash: sql<string | null>`head_hash`,
        recordedAt: sql<string>`recorded_at`,
      })
      .from(sql`registry_journal_head()`)
  )[0]!;

/**
 * The chain's head, read in one statement with `writes` (rows not yet written), as
 * data-modifying WITH queries: a writer's other rows and the head cost one round trip. The
 * head function takes the journal lock whichever part runs first, and reads audit_log
 * only, which the writes do not touch.
 */
const headAfter = async (tx: Tx, writes: readonly RowWrite[]): Promise<Head> => {
  const result = await tx.execute(withInserts(writes, sql`SELECT head_position, head_hash, recorded_at FROM registry_journal_head()`));
  const row = (result as unknown as { rows: Array<{ head_position: string | number | null; head_hash: string | null; recorded_at: string }> }).rows[0]!;
  return { position: row.head_position === null ? null : Number(row.head_position), hash: row.head_hash, recordedAt: row.recorded_at };
};

/**
 * The chain's tail in a group commit's transaction (db/group-commit.ts): the head read once,
 * with the first write, under the journal lock that transaction then holds to its commit, so
 * no other writer can append in between; each later entry is chained to the one before in
 * memory, and the entries and the writes that came with them go in one statement before the
 * commit (`finishBatch`). Each later entry is recorded at the head's time (the clock when the
 * lock was taken). An append on a savepoint of that transaction would read a head without the
 * entries held back; its insert would collide with them on position, the primary key, and fail
 * the batch, which then runs again with savepoints: the chain cannot fork.
 */
interface Tail {
  entries: StoredEntry[];
  writes: RowWrite[];
}
const tails = new WeakMap<Tx, Tail>();

const chained = (head: Head, entry: Omit<ChainEntry, 'position' | 'recordedAt'>): StoredEntry => {
  const full: ChainEntry = { ...entry, position: (head.position ?? 0) + 1, recordedAt: head.recordedAt };
  const prevHash = head.hash ?? GENESIS_HASH;
  return { ...full, prevHash, hash: hashEntry(prevHash, full) };
};

export function createAuditRepository(db: Db) {
  return {
    /**
     * Appends one entry inside the caller's transaction. registry_journal_head()
     * (migrations/0006_journal_lock.sql) takes the journal lock and reads the chain's
     * head in one round trip; the lock is held until that transaction ends, so
     * concurrent writers queue and the chain never forks. `writes`, rows of the same
     * change not yet written, go in the same statement as that read (headAfter).
     */
    append: async (tx: Tx, entry: Omit<ChainEntry, 'position' | 'recordedAt'>, writes: readonly RowWrite[] = []): Promise<StoredEntry> => {
      const tail = tails.get(tx);
      // In a batch after its first entry, the last entry held back is the head.
      const last = tail?.entries.at(-1);
      if (tail && last) {
        const stored = chained(last, entry);
        tail.entries.push(stored);
        tail.writes.push(...writes);
        return stored;
      }
      const head = writes.length === 0 ? await headOf(tx) : await headAfter(tx, writes);
      const stored = chained(head, entry);
      if (tail) tail.entries.push(stored);
      else await tx.insert(auditLog).values(stored);
      return stored;
    },

    /**
     * From here to `finishBatch`, the entries appended in `tx` are chained in memory after one
     * read of the head and written together: a group commit's writes then cost one round trip
     * each (their own row) and the batch two more, not three each.
     */
    beginBatch: (tx: Tx) => {
      tails.set(tx, { entries: [], writes: [] });
    },

    /**
     * Writes what `beginBatch` held back, in one statement: the later entries' own rows
     * (an insert per table, row-writes.ts) and every entry in one insert. Call it last in the
     * transaction; the entries it writes are in the chain only if that transaction commits.
     */
    finishBatch: async (tx: Tx) => {
      const tail = tails.get(tx);
      tails.delete(tx);
      if (!tail || tail.entries.length === 0) return;
      const [entries] = insertsOf(tail.entries.map((entry) => rowWrite(auditLog, entry)));
      await tx.execute(withInserts(tail.writes, entries!));
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

    /**
     * Reads newest first, keyed by (at, id). `at` has microseconds, which a JavaScript
     * Date drops, so the key's time is read as text at full precision: a page that ends
     * inside a millisecond continues with the rest of that millisecond.
     */
    reads: (filter: { orgId?: string | undefined; beforeAt?: Date | undefined; after?: { at: string; id: string } | undefined }, limit: number) =>
      db
        .select({ ...getTableColumns(readLog), keyAt: sql<string>`to_char(${readLog.at} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')` })
        .from(readLog)
        .where(
          and(
            filter.orgId ? eq(readLog.orgId, filter.orgId) : undefined,
            filter.beforeAt ? lt(readLog.at, filter.beforeAt) : undefined,
            // (at, id) < (key): written out so the index on at serves it.
            filter.after
              ? sql`${readLog.at} <= ${filter.after.at}::timestamptz AND (${readLog.at} < ${filter.after.at}::timestamptz OR ${readLog.id} < ${filter.after.id}::uuid)`
              : undefined,
          ),
        )
        .orderBy(desc(readLog.at), desc(readLog.id))
        .limit(limit),

    /**
     * How many signals there are, and those (up to `limit`, by id) whose row differs from
     * their history: registry_signal_differences (migrations/0009_signal_integrity.sql) is
     * the one definition, which the database also checks at every commit of the app role.
     */
    signalDrift: async (limit: number): Promise<{ checked: number; differing: SignalDrift[] }> => {
      const rowsOf = <T>(result: unknown) => (result as { rows: T[] }).rows;
      const [count] = rowsOf<{ n: number }>(await db.execute(sql`SELECT count(*)::int AS n FROM signals`));
      const rows = rowsOf<SignalDrift>(
        await db.execute(sql`
          SELECT s.id AS "signalId", s.version, d.fields,
            (SELECT max(v.version) FROM signal_versions v WHERE v.signal_id = s.id) AS "latestVersion"
          FROM signals s CROSS JOIN LATERAL (SELECT registry_signal_differences(s) AS fields) d
          WHERE cardinality(d.fields) > 0
          ORDER BY s.id
          LIMIT ${limit}`),
      );
      return { checked: count?.n ?? 0, differing: rows };
    },

    /** Retention: prunes the read log only; the chain is never pruned. */
    pruneReads: (olderThanDays: number) => db.delete(readLog).where(sql`${readLog.at} < now() - make_interval(days => ${olderThanDays})`),
  };
}

export type AuditRepository = ReturnType<typeof createAuditRepository>;

/** A signal whose row is not what its history says (see signalDrift). */
export interface SignalDrift {
  signalId: string;
  version: number;
  /** Its latest version's number; null when it has none. */
  latestVersion: number | null;
  /** The columns that differ, e.g. `status`; `no_version` when it has no version at all. */
  fields: string[];
}
