import { and, asc, desc, eq, gte, inArray, lt, lte, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.ts';
import type { StoredEntry } from './audit.chain.ts';
import type { NodeRef } from './audit.merkle.ts';
import { auditCheckpoints, auditCosignatures, auditLog, auditTreeNodes, auditWitnesses } from './audit.table.ts';

type Executor = Db | Tx;
const INSERT_BATCH = 2_000;

/** Queries of the Merkle log's tables: tree nodes, checkpoints, witnesses, cosignatures. */
export function createAuditTreeRepository(db: Db) {
  return {
    transaction: <T>(run: (tx: Tx) => Promise<T>) => db.transaction(run),

    /** The checkpoint signer's lock: one signer extends the tree at a time (writers never take it). */
    lockSigner: (tx: Tx) => tx.execute(sql`SELECT pg_advisory_xact_lock(7420135)`),

    lastPosition: async (ex: Executor = db): Promise<number> => {
      const [row] = await ex.select({ p: sql<number | null>`max(${auditLog.position})`.mapWith(Number) }).from(auditLog);
      return row?.p ?? 0;
    },

    entries: (from: number, to: number, ex: Executor = db): Promise<StoredEntry[]> =>
      ex.select().from(auditLog).where(and(gte(auditLog.position, from), lte(auditLog.position, to))).orderBy(asc(auditLog.position)),

    entriesAt: (positions: number[], ex: Executor = db): Promise<StoredEntry[]> =>
      positions.length ? ex.select().from(auditLog).where(inArray(auditLog.position, positions)) : Promise.resolve([]),

    /** Cached nodes (level ≥ 1) by (level, idx), hex hashes. */
    nodes: async (refs: NodeRef[], ex: Executor = db): Promise<Map<string, string>> => {
      if (refs.length === 0) return new Map();
      const rows = await ex
        .select()
        .from(auditTreeNodes)
        .where(
          sql`(${auditTreeNodes.level}, ${auditTreeNodes.idx}) IN (SELECT * FROM unnest(${`{${refs.map((r) => r.level).join(',')}}`}::int[], ${`{${refs.map((r) => r.index).join(',')}}`}::bigint[]))`,
        );
      return new Map(rows.map((r) => [`${r.level}:${r.idx}`, r.hash]));
    },

    insertNodes: async (tx: Tx, rows: { level: number; idx: number; hash: string }[]) => {
      for (let i = 0; i < rows.length; i += INSERT_BATCH) await tx.insert(auditTreeNodes).values(rows.slice(i, i + INSERT_BATCH));
    },

    latestCheckpoint: async (ex: Executor = db) => (await ex.select().from(auditCheckpoints).orderBy(desc(auditCheckpoints.size)).limit(1))[0],
    checkpoint: async (size: number) => (await db.select().from(auditCheckpoints).where(eq(auditCheckpoints.size, size)))[0],
    /** Newest first, below `before` when given. */
    checkpoints: (before: number | undefined, limit: number) =>
      db
        .select()
        .from(auditCheckpoints)
        .where(before === undefined ? undefined : lt(auditCheckpoints.size, before))
        .orderBy(desc(auditCheckpoints.size))
        .limit(limit),
    allCheckpoints: () => db.select().from(auditCheckpoints).orderBy(asc(auditCheckpoints.size)),
    insertCheckpoint: (tx: Tx, row: typeof auditCheckpoints.$inferInsert) => tx.insert(auditCheckpoints).values(row).returning(),

    witness: async (name: string) => (await db.select().from(auditWitnesses).where(eq(auditWitnesses.name, name)))[0],
    witnesses: () => db.select().from(auditWitnesses).orderBy(asc(auditWitnesses.createdAt), asc(auditWitnesses.name)),
    /** Inserts a witness; undefined when its name or key is taken. */
    insertWitness: async (tx: Tx, row: typeof auditWitnesses.$inferInsert) => (await tx.insert(auditWitnesses).values(row).onConflictDoNothing().returning())[0],

    cosignatures: (sizes: number[]) =>
      sizes.length ? db.select().from(auditCosignatures).where(inArray(auditCosignatures.size, sizes)).orderBy(asc(auditCosignatures.createdAt), asc(auditCosignatures.witnessName)) : Promise.resolve([]),
    /** Inserts a cosignature; undefined when the witness already cosigned this checkpoint. */
    insertCosignature: async (tx: Tx, row: typeof auditCosignatures.$inferInsert) => (await tx.insert(auditCosignatures).values(row).onConflictDoNothing().returning())[0],

    /**
     * The position of the entry that recorded a signal's version: the k-th version of a
     * signal made by change C is the k-th entry `signal.C` about it (each member change
     * writes one version and one entry in one transaction). Versions the registry makes by
     * itself (expiry, taking effect) have no entry: null.
     */
    positionOfSignalVersion: async (signalId: string, version: number): Promise<number | null> => {
      const result = (await db.execute(sql`
        WITH v AS (SELECT change::text AS change FROM signal_versions WHERE signal_id = ${signalId}::uuid AND version = ${version}),
             k AS (SELECT count(*)::int AS n FROM signal_versions s, v WHERE s.signal_id = ${signalId}::uuid AND s.change::text = v.change AND s.version <= ${version})
        SELECT a.position FROM audit_log a, v, k
        WHERE a.target_type = 'signal' AND a.target_id = ${signalId} AND a.action = 'signal.' || v.change
        ORDER BY a.position OFFSET greatest((SELECT n - 1 FROM k), 0) LIMIT 1`)) as unknown as { rows: { position: string | number }[] };
      const row = result.rows[0];
      return row ? Number(row.position) : null;
    },
  };
}

export type AuditTreeRepository = ReturnType<typeof createAuditTreeRepository>;
