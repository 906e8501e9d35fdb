import { asc, desc, eq, gt, inArray, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.ts';
import { type Supplier, type SupplierUnit, supplierUnits, suppliers } from './suppliers.table.ts';

export interface UnitInput {
  id?: string | undefined;
  name: string;
  kind?: string | undefined;
}

export function createSupplierRepository(db: Db) {
  return {
    findByOrgNumber: async (orgNumber: string, tx: Db | Tx = db): Promise<Supplier | undefined> =>
      (await tx.select().from(suppliers).where(eq(suppliers.orgNumber, orgNumber)).limit(1))[0],

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

    /**
     * Creates or updates the supplier and upserts the listed units in one
     * transaction. Returns whether the supplier was new. A unit id that is not this
     * supplier's throws `unknownUnit(id)` and rolls everything back.
     */
    upsert: async (
      tx: Tx,
      input: { orgNumber: string; name: string; soleTrader: boolean; orgId: string; units: UnitInput[] },
      newId: () => string,
      unknownUnit: (id: string) => Error,
    ) => {
        const [row] = await tx
          .insert(suppliers)
          .values({ orgNumber: input.orgNumber, name: input.name, soleTrader: input.soleTrader, createdByOrgId: input.orgId })
          .onConflictDoUpdate({
            target: suppliers.orgNumber,
            set: { name: input.name, updatedAt: sql`now()` },
          })
          // xmax = 0 only for a freshly inserted row.
          .returning({ created: sql<boolean>`(xmax = 0)` });
        const existingUnits = await tx.select().from(supplierUnits).where(eq(supplierUnits.supplierOrgNumber, input.orgNumber));
        for (const unit of input.units) {
          const match = unit.id
            ? existingUnits.find((u) => u.id === unit.id)
            : existingUnits.find((u) => u.name.toLowerCase() === unit.name.toLowerCase());
          if (unit.id && !match) throw unknownUnit(unit.id);
          if (match) {
            await tx
              .update(supplierUnits)
              .set({ name: unit.name, kind: unit.kind ?? match.kind, updatedAt: sql`now()` })
              .where(eq(supplierUnits.id, match.id));
          } else {
            const created = { id: newId(), supplierOrgNumber: input.orgNumber, name: unit.name, kind: unit.kind ?? null };
            await tx.insert(supplierUnits).values(created);
            existingUnits.push({ ...created, createdAt: new Date(), updatedAt: new Date() });
          }
        }
        return { created: row?.created ?? false };
    },

    /** Name search tolerant of case and small typos (trigram word similarity). */
    search: (q: string, limit: number): Promise<Supplier[]> => {
      const needle = q.toLowerCase();
      const score = sql`word_similarity(${needle}, lower(${suppliers.name}))`;
      return db
        .select()
        .from(suppliers)
        .where(sql`(${score} >= 0.3 OR lower(${suppliers.name}) LIKE ${`%${needle.replace(/[\\%_]/g, '\\$&')}%`})`)
        .orderBy(desc(score), asc(suppliers.name), asc(suppliers.orgNumber))
        .limit(limit);
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
