import { and, asc, desc, eq, inArray, lt, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.ts';
import { type Agreement, type AgreementCategory, agreementSuppliers, agreements } from './agreements.table.ts';

export interface AgreementFilter {
  owner?: string | undefined;
  category?: AgreementCategory | undefined;
  supplier?: string | undefined;
  beforeId?: string | undefined;
}

export function createAgreementRepository(db: Db) {
  return {
    insert: async (tx: Tx, row: typeof agreements.$inferInsert): Promise<Agreement> => (await tx.insert(agreements).values(row).returning())[0]!,

    findById: async (id: string): Promise<Agreement | undefined> =>
      (await db.select().from(agreements).where(eq(agreements.id, id)).limit(1))[0],

    /** Newest first; `beforeId` continues after a cursor. */
    list: (filter: AgreementFilter, limit: number): Promise<Agreement[]> =>
      db
        .select()
        .from(agreements)
        .where(
          and(
            filter.owner ? eq(agreements.ownerOrgId, filter.owner) : undefined,
            filter.category ? eq(agreements.category, filter.category) : undefined,
            filter.supplier
              ? sql`EXISTS (SELECT 1 FROM ${agreementSuppliers} WHERE ${agreementSuppliers.agreementId} = ${agreements.id} AND ${agreementSuppliers.supplierOrgNumber} = ${filter.supplier})`
              : undefined,
            filter.beforeId ? lt(agreements.id, filter.beforeId) : undefined,
          ),
        )
        .orderBy(desc(agreements.id))
        .limit(limit),

    partiesOf: async (agreementIds: string[]) =>
      agreementIds.length === 0
        ? []
        : db
            .select()
            .from(agreementSuppliers)
            .where(inArray(agreementSuppliers.agreementId, agreementIds))
            .orderBy(asc(agreementSuppliers.supplierOrgNumber)),

    isParty: async (agreementId: string, orgNumber: string): Promise<boolean> =>
      (
        await db
          .select({ one: sql`1` })
          .from(agreementSuppliers)
          .where(and(eq(agreementSuppliers.agreementId, agreementId), eq(agreementSuppliers.supplierOrgNumber, orgNumber)))
          .limit(1)
      ).length > 0,

    /** Adds a party; returns the row and whether it was new. */
    addParty: async (tx: Tx, agreementId: string, orgNumber: string) => {
      const [inserted] = await tx.insert(agreementSuppliers).values({ agreementId, supplierOrgNumber: orgNumber }).onConflictDoNothing().returning();
      if (inserted) return { created: true, party: inserted };
      const [existing] = await tx
        .select()
        .from(agreementSuppliers)
        .where(and(eq(agreementSuppliers.agreementId, agreementId), eq(agreementSuppliers.supplierOrgNumber, orgNumber)));
      return { created: false, party: existing! };
    },
  };
}

export type AgreementRepository = ReturnType<typeof createAgreementRepository>;
