import { and, asc, eq, isNull, or, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Db, Tx } from '../../db/client.ts';
import { suppliers } from '../suppliers/suppliers.table.ts';
import { type LinkKind, type SupplierLink, supplierLinks } from './links.table.ts';

const fromSupplier = alias(suppliers, 'from_supplier');
const toSupplier = alias(suppliers, 'to_supplier');

export interface LinkParty {
  orgNumber: string;
  name: string;
  soleTrader: boolean;
}
/** A link with both suppliers' names, as every read shows it. */
export type LinkView = SupplierLink & { from: LinkParty; to: LinkParty };

export function createLinkRepository(db: Db) {
  const withParties = (tx: Db | Tx) =>
    tx
      .select({ link: supplierLinks, from: { orgNumber: fromSupplier.orgNumber, name: fromSupplier.name, soleTrader: fromSupplier.soleTrader }, to: { orgNumber: toSupplier.orgNumber, name: toSupplier.name, soleTrader: toSupplier.soleTrader } })
      .from(supplierLinks)
      .innerJoin(fromSupplier, eq(fromSupplier.orgNumber, supplierLinks.fromOrgNumber))
      .innerJoin(toSupplier, eq(toSupplier.orgNumber, supplierLinks.toOrgNumber));
  const view = (rows: Array<{ link: SupplierLink; from: LinkParty; to: LinkParty }>): LinkView[] => rows.map((r) => ({ ...r.link, from: r.from, to: r.to }));
  const touching = (orgNumbers: string[]) =>
    or(sql`${supplierLinks.fromOrgNumber} = ANY(${sql.param(orgNumbers)}::text[])`, sql`${supplierLinks.toOrgNumber} = ANY(${sql.param(orgNumbers)}::text[])`);

  return {
    /** Draws a link; false when an active link of the kind joins the two already (supplier_links_active_pair_uq). */
    insert: async (tx: Tx, row: typeof supplierLinks.$inferInsert): Promise<boolean> =>
      (await tx.insert(supplierLinks).values(row).onConflictDoNothing().returning({ id: supplierLinks.id })).length > 0,

    /** The active link of `kind` between the two, whichever way round it was drawn. */
    activeBetween: async (tx: Tx, kind: LinkKind, a: string, b: string): Promise<SupplierLink | undefined> =>
      (
        await tx
          .select()
          .from(supplierLinks)
          .where(
            and(
              eq(supplierLinks.kind, kind),
              isNull(supplierLinks.endedAt),
              or(and(eq(supplierLinks.fromOrgNumber, a), eq(supplierLinks.toOrgNumber, b)), and(eq(supplierLinks.fromOrgNumber, b), eq(supplierLinks.toOrgNumber, a))),
            ),
          )
          .limit(1)
      )[0],

    findById: async (id: string, tx: Db | Tx = db): Promise<LinkView | undefined> => view(await withParties(tx).where(eq(supplierLinks.id, id)).limit(1))[0],

    /** Locks the link for the rest of the transaction, so that two requests cannot both end it. */
    lock: async (tx: Tx, id: string): Promise<SupplierLink | undefined> =>
      (await tx.select().from(supplierLinks).where(eq(supplierLinks.id, id)).limit(1).for('update'))[0],

    end: (tx: Tx, id: string, end: { endedByOrgId: string; endedBy: string; endReason: string }) =>
      tx.update(supplierLinks).set({ ...end, endedAt: sql`now()` }).where(and(eq(supplierLinks.id, id), isNull(supplierLinks.endedAt))),

    /** The active links of these suppliers, either way round, oldest first. */
    activeOf: async (orgNumbers: string[]): Promise<LinkView[]> =>
      orgNumbers.length === 0
        ? []
        : view(await withParties(db).where(and(isNull(supplierLinks.endedAt), touching(orgNumbers))).orderBy(asc(supplierLinks.createdAt), asc(supplierLinks.id))),

    /** Every link the supplier ever had, ended ones included, oldest first (its history). */
    allOf: async (orgNumber: string): Promise<LinkView[]> =>
      view(await withParties(db).where(touching([orgNumber])).orderBy(asc(supplierLinks.createdAt), asc(supplierLinks.id))),
  };
}

export type LinkRepository = ReturnType<typeof createLinkRepository>;
