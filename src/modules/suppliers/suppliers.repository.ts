import { and, asc, desc, eq, gt, inArray, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.ts';
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

const escapeLike = (value: string) => value.replace(/[\\%_]/g, '\\$&');

export function createSupplierRepository(db: Db) {
  return {
    findByOrgNumber: async (orgNumber: string, tx: Db | Tx = db): Promise<Supplier | undefined> =>
      (await tx.select().from(suppliers).where(eq(suppliers.orgNumber, orgNumber)).limit(1))[0],

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
     * Name search tolerant of case and small typos (trigram word similarity), over
     * every name a supplier or one of its units has carried: a renamed supplier is
     * still found under the name a social worker knows. Best match first.
     */
    search: async (q: string, limit: number): Promise<Supplier[]> => {
      const needle = q.toLowerCase();
      const score = sql`word_similarity(${needle}, lower(${supplierNames.name}))`;
      const matches = db
        .select({ orgNumber: supplierNames.supplierOrgNumber, score: sql<number>`max(${score})`.as('score') })
        .from(supplierNames)
        .where(sql`(${score} >= 0.3 OR lower(${supplierNames.name}) LIKE ${`%${escapeLike(needle)}%`})`)
        .groupBy(supplierNames.supplierOrgNumber)
        .as('matches');
      const rows = await db
        .select({ supplier: suppliers })
        .from(suppliers)
        .innerJoin(matches, eq(matches.orgNumber, suppliers.orgNumber))
        .orderBy(desc(matches.score), asc(suppliers.name), asc(suppliers.orgNumber))
        .limit(limit);
      return rows.map((r) => r.supplier);
    },

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
