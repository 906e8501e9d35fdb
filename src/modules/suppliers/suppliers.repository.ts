import { and, asc, desc, eq, getTableColumns, gt, inArray, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.ts';
import { prepareRows } from '../../db/prepared.ts';
import { createGate } from '../../lib/gate.ts';
import { agreementSuppliers, agreements } from '../agreements/agreements.table.ts';
import {
  type Supplier,
  type SupplierUnit,
  type SupplierVersion,
  supplierNames,
  supplierUnits,
  supplierVersions,
  suppliers,
  type UnitSnapshot,
} from './suppliers.table.ts';

export interface UnitInput {
  id?: string | undefined;
  name: string;
  kind?: string | undefined;
}

/**
 * The word similarity (0..1) a name must reach to match a search. 0.5 still finds a word
 * with a letter missing, swapped or wrong ("solbaka", "Härnösnads") and the start of a word
 * ("Härnö"); 0.3 also matched every name sharing a common word or two with a full name
 * typed (HVB, Omsorg AB, the town), fifteen times the names to score at 10,000 suppliers.
 */
export const SEARCH_SIMILARITY = 0.5;

/**
 * The settings search() runs its query under, for its own transaction only (set_config
 * with is_local). The threshold is what `<%` compares with. pg_trgm declares word
 * similarity as cheap as an equality (COST 1) while it costs microseconds per name, so
 * the planner reads every name rather than use the index as soon as a query matches a
 * few percent of them (at 10,000 suppliers "Harnosand" was a sequential scan over all
 * the names, four times slower than through the index); with sequential scans off, the
 * names are always read through the trigram index and a search costs in proportion to
 * the names that share its trigrams, never to the size of the registry.
 */
export const SEARCH_SETTINGS_SQL = `SELECT set_config('pg_trgm.word_similarity_threshold', '${SEARCH_SIMILARITY}', true), set_config('enable_seqscan', 'off', true)`;

export function searchQuery(db: Db | Tx, q: string, limit: number) {
  const needle = sql`registry_fold_name(${q})`;
  const matches = db
    .select({
      orgNumber: supplierNames.supplierOrgNumber,
      score: sql<number>`max(word_similarity(${needle}, ${supplierNames.nameFolded}))`.as('score'),
    })
    .from(supplierNames)
    .where(sql`${needle} <% ${supplierNames.nameFolded}`)
    .groupBy(supplierNames.supplierOrgNumber)
    .as('matches');
  return db
    .select({ supplier: suppliers })
    .from(suppliers)
    .innerJoin(matches, eq(matches.orgNumber, suppliers.orgNumber))
    .orderBy(desc(matches.score), asc(suppliers.name), asc(suppliers.orgNumber))
    .limit(limit);
}

/**
 * Searches one API process runs at once. A search holds a pool connection and a core for
 * tens of milliseconds; ten at once (one organisation's burst at its read limit) took every
 * connection and status reads of other organisations queued behind them. With two at once
 * a burst still took both cores of the benchmark machine (others' status p99 4.02× quiet);
 * with one, 1.62× (docs/performance.md, issue 13). The rest stays for the reads that decide
 * a placement; searches queue, which only the searching organisation notices.
 */
export const SEARCH_CONCURRENCY = 1;

export function createSupplierRepository(db: Db) {
  const searchGate = createGate(SEARCH_CONCURRENCY);
  // Every new signal and every supplier read asks it: built once, a named prepared statement.
  const byOrgNumber = prepareRows(db, 'supplier_by_org_number', getTableColumns(suppliers), (selection) =>
    db.select(selection).from(suppliers).where(eq(suppliers.orgNumber, sql.placeholder('orgNumber'))).limit(1),
  );
  return {
    findByOrgNumber: async (orgNumber: string, tx?: Tx): Promise<Supplier | undefined> => (await byOrgNumber.execute({ orgNumber }, tx))[0],

    /** Locks the record for the rest of the transaction, so that concurrent changes queue up and versions stay consecutive. */
    lockByOrgNumber: async (tx: Tx, orgNumber: string): Promise<Supplier | undefined> =>
      (await tx.select().from(suppliers).where(eq(suppliers.orgNumber, orgNumber)).limit(1).for('update'))[0],

    unitsOf: (orgNumbers: string[], tx: Db | Tx = db): Promise<SupplierUnit[]> =>
      orgNumbers.length === 0
        ? Promise.resolve([])
        : tx
            .select()
            .from(supplierUnits)
            .where(inArray(supplierUnits.supplierOrgNumber, orgNumbers))
            .orderBy(asc(supplierUnits.name)),

    findUnit: async (unitId: string): Promise<SupplierUnit | undefined> =>
      (await db.select().from(supplierUnits).where(eq(supplierUnits.id, unitId)).limit(1))[0],

    /** Whether the organisation owns an agreement the supplier is a party to. */
    ownsAgreementWith: async (tx: Tx, orgId: string, orgNumber: string): Promise<boolean> =>
      (
        await tx
          .select({ one: sql`1` })
          .from(agreementSuppliers)
          .innerJoin(agreements, eq(agreements.id, agreementSuppliers.agreementId))
          .where(and(eq(agreementSuppliers.supplierOrgNumber, orgNumber), eq(agreements.ownerOrgId, orgId)))
          .limit(1)
      ).length > 0,

    /** Registers a supplier; false when another request registered it first. */
    insert: async (tx: Tx, row: { orgNumber: string; name: string; soleTrader: boolean; createdByOrgId: string }): Promise<boolean> =>
      (await tx.insert(suppliers).values(row).onConflictDoNothing().returning({ orgNumber: suppliers.orgNumber })).length > 0,

    setName: (tx: Tx, orgNumber: string, name: string, version: number) =>
      tx.update(suppliers).set({ name, version, updatedAt: sql`now()` }).where(eq(suppliers.orgNumber, orgNumber)),

    insertUnit: (tx: Tx, unit: { id: string; supplierOrgNumber: string; name: string; kind: string | null }) => tx.insert(supplierUnits).values(unit),

    updateUnit: (tx: Tx, id: string, changes: { name: string; kind: string | null }) =>
      tx.update(supplierUnits).set({ ...changes, updatedAt: sql`now()` }).where(eq(supplierUnits.id, id)),

    /** Appends a version of the record, and every name in it to the names search looks in. */
    appendVersion: async (tx: Tx, row: typeof supplierVersions.$inferInsert & { units: UnitSnapshot[] }) => {
      await tx.insert(supplierVersions).values(row);
      const names = [
        { supplierOrgNumber: row.supplierOrgNumber, unitId: null, name: row.name },
        ...row.units.map((u) => ({ supplierOrgNumber: row.supplierOrgNumber, unitId: u.id, name: u.name })),
      ];
      // A name carried before is kept once (supplier_names_uq).
      await tx.insert(supplierNames).values(names).onConflictDoNothing();
    },

    versionsOf: (orgNumber: string): Promise<SupplierVersion[]> =>
      db.select().from(supplierVersions).where(eq(supplierVersions.supplierOrgNumber, orgNumber)).orderBy(asc(supplierVersions.version)),

    /** Every name the suppliers and their units have carried, oldest first. */
    namesOf: (orgNumbers: string[]) =>
      orgNumbers.length === 0
        ? Promise.resolve([])
        : db
            .select()
            .from(supplierNames)
            .where(inArray(supplierNames.supplierOrgNumber, orgNumbers))
            .orderBy(asc(supplierNames.createdAt), asc(supplierNames.name)),

    /**
     * Name search tolerant of case, accents and small typos, over every name a supplier or
     * one of its units has carried: a renamed supplier is still found under the name a
     * social worker knows, and "Harnosand" finds "Härnösands Familjehem AB". What is typed
     * is folded by registry_fold_name, the function that fills name_folded (migrations/0012),
     * so there is one definition of the fold. `q <% name_folded` is word_similarity(q,
     * name_folded) >= SEARCH_SIMILARITY in the form the trigram (GIN) index answers, under
     * the settings of SEARCH_SETTINGS_SQL. Best match first,
     * then by name and number, so equal scores come back in the same order every time.
     */
    search: (q: string, limit: number): Promise<Supplier[]> =>
      searchGate(() =>
        db.transaction(async (tx) => {
          await tx.execute(sql.raw(SEARCH_SETTINGS_SQL));
          return (await searchQuery(tx, q, limit)).map((r) => r.supplier);
        }),
      ),

    list: (afterOrgNumber: string | undefined, limit: number): Promise<Supplier[]> =>
      db
        .select()
        .from(suppliers)
        .where(afterOrgNumber ? gt(suppliers.orgNumber, afterOrgNumber) : undefined)
        .orderBy(asc(suppliers.orgNumber))
        .limit(limit),
  };
}

export type SupplierRepository = ReturnType<typeof createSupplierRepository>;
