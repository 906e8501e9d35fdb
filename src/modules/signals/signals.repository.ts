import { and, asc, count, desc, eq, getTableColumns, gte, inArray, lt, type SQL, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.ts';
import { prepareRows } from '../../db/prepared.ts';
import { rowWrite } from '../../db/row-writes.ts';
import type { ReplyView } from '../replies/replies.schemas.ts';
import { type AgreementCategory, agreements } from '../agreements/agreements.table.ts';
import { suppliers } from '../suppliers/suppliers.table.ts';
import { notAnnouncedExpired, periodHasBegun, type SignalRow, type SignalVersionRow, signalVersions, signals } from './signals.table.ts';

export type ReadStatus = 'scheduled' | 'active' | 'lifted' | 'retracted' | 'expired';

/**
 * What the signal reads as right now, computed on read from the database clock (the
 * stored status is only active, lifted or retracted): `active` whose period has not
 * begun reads `scheduled`, and past its effectiveUntil `expired`.
 */
export const readStatus = sql<ReadStatus>`CASE WHEN ${signals.status} = 'active' AND ${signals.effectiveUntil} IS NOT NULL AND ${signals.effectiveUntil} <= now() THEN 'expired' WHEN ${signals.status} = 'active' AND NOT ${periodHasBegun(signals)} THEN 'scheduled' ELSE ${signals.status}::text END`;

/**
 * A signal as the API reads it. `reply`: the supplier's reply in force, attached by the
 * service where it is shown; undefined where it was not looked up (events.repository
 * looks it up then), null where there is none.
 */
export type SignalRead = Omit<SignalRow, 'expiredVersion' | 'startPending'> & { readStatus: ReadStatus; reply?: ReplyView | null };

export interface SignalFilter {
  supplier?: string | undefined;
  type?: SignalRow['type'] | undefined;
  status?: SignalRead['readStatus'] | undefined;
  issuer?: string | undefined;
  agreement?: string | undefined;
  ground?: SignalRow['ground'] | undefined;
  terminationKind?: SignalRow['terminationKind'] | undefined;
  recipient?: string | undefined;
  agreementCategory?: AgreementCategory | undefined;
  /** In effect at some moment in [periodFrom, periodTo): the period overlaps it. */
  periodFrom?: string | undefined;
  periodTo?: string | undefined;
  updatedSince?: string | undefined;
  beforeId?: string | undefined;
}

// expiredVersion and startPending are the sweep's bookkeeping, not part of a signal as anyone reads it.
const { expiredVersion: _expiry, startPending: _start, ...signalColumns } = getTableColumns(signals);
const readColumns = { ...signalColumns, readStatus };

/** The list's filters and the caller's visibility as one predicate (lists, CSV and counts share it). */
const matching = (filter: SignalFilter, visible: SQL | undefined) =>
  and(
    visible,
    filter.supplier ? eq(signals.supplierOrgNumber, filter.supplier) : undefined,
    filter.type ? eq(signals.type, filter.type) : undefined,
    filter.status ? sql`(${readStatus}) = ${filter.status}` : undefined,
    filter.issuer ? eq(signals.issuerOrgId, filter.issuer) : undefined,
    filter.agreement ? eq(signals.agreementId, filter.agreement) : undefined,
    filter.agreementCategory
      ? sql`${signals.agreementId} IN (SELECT ${agreements.id} FROM ${agreements} WHERE ${agreements.category} = ${filter.agreementCategory})`
      : undefined,
    filter.ground ? eq(signals.ground, filter.ground) : undefined,
    filter.terminationKind ? eq(signals.terminationKind, filter.terminationKind) : undefined,
    filter.recipient ? eq(signals.recipientOrgId, filter.recipient) : undefined,
    filter.periodTo ? lt(signals.effectiveFrom, new Date(filter.periodTo)) : undefined,
    filter.periodFrom ? sql`(${signals.effectiveUntil} IS NULL OR ${signals.effectiveUntil} > ${new Date(filter.periodFrom).toISOString()}::timestamptz)` : undefined,
    filter.updatedSince ? gte(signals.updatedAt, new Date(filter.updatedSince)) : undefined,
    filter.beforeId ? lt(signals.id, filter.beforeId) : undefined,
  );

/** The month (Swedish time, YYYY-MM) a signal took effect: what an annual follow-up counts by. */
const effectMonth = sql<string>`to_char(${signals.effectiveFrom} AT TIME ZONE 'Europe/Stockholm', 'YYYY-MM')`;

/**
 * A new signal's row as its writer gives it; the database gives the rest: effectiveFrom
 * null is now(), the start is pending when effectiveFrom lies ahead, created and updated
 * now(), version 1, status active. Times come from the database clock, the one every
 * replica's status read uses.
 */
export type NewSignalRow = Omit<typeof signals.$inferInsert, 'effectiveFrom' | 'startPending' | 'createdAt' | 'updatedAt' | 'version' | 'status' | 'expiredVersion'> & {
  effectiveFrom: Date | null;
};

// The new signal's columns, each a placeholder of its own name, cast to its column's type (a
// select's placeholders have no column to take a type from; the times go as text, as before).
const newSignalColumns = [
  'id', 'type', 'supplierOrgNumber', 'unitId', 'agreementId', 'issuerOrgId', 'visibility', 'severity', 'category', 'summary', 'details', 'reference',
  'decisionDate', 'ground', 'terminationKind', 'recipientOrgId', 'relatedSignalIds', 'createdBy',
] as const satisfies ReadonlyArray<keyof NewSignalRow>;

export function createSignalRepository(db: Db) {
  /**
   * Every new signal runs it, inside the group commit: built once, a named prepared statement.
   * It inserts from the supplier's row, so a signal about an unregistered supplier inserts
   * nothing (and fails nothing: the batch it is in needs no second run) and the supplier's
   * existence costs no round trip of its own. Every column is selected, in the table's order,
   * as drizzle's insert-from-select requires.
   */
  const given: Record<string, SQL> = Object.fromEntries(
    newSignalColumns.map((key) => [key, sql`${sql.placeholder(key)}::${sql.raw(signals[key].getSQLType())}`]),
  );
  const computed: Record<string, SQL> = {
    status: sql`'active'::signal_status`,
    effectiveFrom: sql`COALESCE(${sql.placeholder('effectiveFrom')}::timestamptz, now())`,
    startPending: sql`COALESCE(${sql.placeholder('effectiveFrom')}::timestamptz > now(), false)`,
    effectiveUntil: sql`${sql.placeholder('effectiveUntil')}::timestamptz`,
    version: sql`1`,
    expiredVersion: sql`NULL::integer`,
    createdAt: sql`now()`,
    updatedAt: sql`now()`,
  };
  const newRow = Object.fromEntries(
    Object.keys(getTableColumns(signals)).map((key) => {
      const value = given[key] ?? computed[key];
      if (!value) throw new TypeError(`signal_insert: no value for signals.${key}`);
      return [key, value.as(key)];
    }),
  ) as Record<keyof typeof signals._.columns, SQL.Aliased>;
  const insertNew = prepareRows(db, 'signal_insert', readColumns, (returning) =>
    db
      .insert(signals)
      .select(db.select(newRow).from(suppliers).where(eq(suppliers.orgNumber, sql.placeholder('supplierOrgNumber'))))
      .returning(returning),
  );

  return {
    findById: async (id: string, tx: Db | Tx = db): Promise<SignalRead | undefined> =>
      (await tx.select(readColumns).from(signals).where(eq(signals.id, id)).limit(1))[0],

    /** Locks the row for the rest of the transaction so concurrent changes queue up. */
    lockById: async (tx: Tx, id: string): Promise<SignalRead | undefined> =>
      (await tx.select(readColumns).from(signals).where(eq(signals.id, id)).limit(1).for('update'))[0],

    /**
     * The row as read comes back with the write (RETURNING): one round trip, not two.
     * Undefined, with nothing written, when the supplier is not registered.
     */
    insert: async (tx: Tx, row: NewSignalRow): Promise<SignalRead | undefined> =>
      (await insertNew.execute({ ...row, effectiveFrom: row.effectiveFrom?.toISOString() ?? null, effectiveUntil: row.effectiveUntil?.toISOString() ?? null }, tx))[0] as SignalRead | undefined,

    update: async (tx: Tx, id: string, changes: Partial<typeof signals.$inferInsert>): Promise<SignalRead> =>
      (await tx.update(signals).set(changes).where(eq(signals.id, id)).returning(readColumns))[0]!,

    /**
     * Active signals whose period has ended and whose current version has no
     * `signal.expired` event yet, locked so two sweeps never announce one twice; the
     * longest ended first.
     *
     * It runs every RELAY_POLL_MS and must cost what the few signals still to announce
     * cost, not the history: the partial index signals_expiry_idx holds only those (and
     * the active ones with an end ahead). `status = 'active'` is a literal so that every
     * plan may use it, and the order by its key makes the index the cheap way to the first
     * rows — without it PostgreSQL took `expired_version <> version` for a third of the
     * table and scanned all of it for the 500 it expected at once (364 ms at 1M signals, a
     * fifth of a core while the worker ran; test/expiry-sweep-plan.test.ts).
     */
    lockNewlyExpired: (tx: Tx, limit: number): Promise<SignalRead[]> =>
      tx
        .select(readColumns)
        .from(signals)
        .where(and(sql`${signals.status} = 'active'`, sql`${signals.effectiveUntil} <= now()`, notAnnouncedExpired(signals)))
        .orderBy(signals.effectiveUntil)
        .limit(limit)
        .for('update', { skipLocked: true }),

    /**
     * Active signals written with a period ahead that has now begun and whose start has no
     * `signal.took_effect` yet, locked so two sweeps never announce one twice.
     */
    lockNewlyBegun: (tx: Tx, limit: number): Promise<SignalRead[]> =>
      tx
        .select(readColumns)
        .from(signals)
        .where(and(eq(signals.status, 'active'), eq(signals.startPending, true), periodHasBegun(signals)))
        .limit(limit)
        .for('update', { skipLocked: true }),

    /** Records that these signals' starts were announced. */
    markStartAnnounced: async (tx: Tx, ids: string[]) => {
      if (ids.length > 0) await tx.update(signals).set({ startPending: false }).where(inArray(signals.id, ids));
    },

    /** Records that these signals' current versions were announced as expired. */
    markExpiryAnnounced: async (tx: Tx, ids: string[]) => {
      if (ids.length > 0) await tx.update(signals).set({ expiredVersion: sql`${signals.version}` }).where(inArray(signals.id, ids));
    },

    /** A version's row, to hand to the audit chain, which writes it with its entry (audit.repository.ts). */
    appendVersion: (row: typeof signalVersions.$inferInsert) => rowWrite(signalVersions, row),

    /** Every signal about a supplier, retracted ones included, oldest first, with all versions. */
    historyOf: async (orgNumber: string) => {
      const all = await db.select(readColumns).from(signals).where(eq(signals.supplierOrgNumber, orgNumber)).orderBy(asc(signals.id));
      const versions = all.length
        ? await db
            .select()
            .from(signalVersions)
            .where(inArray(signalVersions.signalId, all.map((s) => s.id)))
            .orderBy(asc(signalVersions.signalId), asc(signalVersions.version))
        : [];
      return all.map((signal) => ({ signal, versions: versions.filter((v) => v.signalId === signal.id) }));
    },

    /** Which of `ids` name signals that `visible` admits (undefined: every one that exists). */
    visibleIds: async (ids: readonly string[], visible: SQL | undefined, tx: Db | Tx = db): Promise<Set<string>> => {
      if (ids.length === 0) return new Set();
      const rows = await tx
        .select({ id: signals.id })
        .from(signals)
        .where(and(sql`${signals.id} = ANY(${sql.param([...new Set(ids)])}::uuid[])`, visible));
      return new Set(rows.map((r) => r.id));
    },

    versions: (id: string): Promise<SignalVersionRow[]> =>
      db.select().from(signalVersions).where(eq(signalVersions.signalId, id)).orderBy(asc(signalVersions.version)),

    /** Newest first. `visible` is the caller's visibility predicate. */
    list: (filter: SignalFilter, visible: SQL | undefined, limit: number): Promise<SignalRead[]> =>
      db.select(readColumns).from(signals).where(matching(filter, visible)).orderBy(desc(signals.id)).limit(limit),

    /**
     * How many signals the list with these filters holds, per month they took effect,
     * type, deviation category and ground; retracted signals do not count.
     */
    counts: (filter: SignalFilter, visible: SQL | undefined) =>
      db
        .select({ month: effectMonth, type: signals.type, category: signals.category, ground: signals.ground, terminationKind: signals.terminationKind, count: count() })
        .from(signals)
        .where(and(matching(filter, visible), sql`${signals.status} <> 'retracted'`))
        .groupBy(effectMonth, signals.type, signals.category, signals.ground, signals.terminationKind)
        .orderBy(effectMonth, signals.type, signals.category, signals.ground, signals.terminationKind),
  };
}

export type SignalRepository = ReturnType<typeof createSignalRepository>;
