import { pageOf, decodeCursor } from '../../lib/cursor.ts';
import { checkOrgNumber } from '../../lib/identity-numbers.ts';
import type { SupplierRepository, UnitInput } from './suppliers.repository.ts';
import { notASoleTrader, soleTraderNotConfirmed, supplierNotFound, unitNotFound } from './suppliers.errors.ts';
import type { Supplier, SupplierUnit } from './suppliers.table.ts';

export type SupplierView = Supplier & { units: SupplierUnit[] };

export function createSupplierService({ suppliers, newId }: { suppliers: SupplierRepository; newId: () => string }) {
  const withUnits = async (rows: Supplier[]): Promise<SupplierView[]> => {
    const units = await suppliers.unitsOf(rows.map((r) => r.orgNumber));
    return rows.map((row) => ({ ...row, units: units.filter((u) => u.supplierOrgNumber === row.orgNumber) }));
  };

  return {
    /** PUT semantics: creates or updates; the listed units are upserted, unlisted ones kept. */
    put: async (input: {
      orgNumber: string;
      name: string;
      soleTrader?: boolean | undefined;
      units?: UnitInput[] | undefined;
      orgId: string;
    }): Promise<{ created: boolean; supplier: SupplierView }> => {
      const check = checkOrgNumber(input.orgNumber);
      if (check.ok && check.soleTrader && input.soleTrader !== true) throw soleTraderNotConfirmed();
      if (check.ok && !check.soleTrader && input.soleTrader === true) throw notASoleTrader();
      const { created } = await suppliers.upsert(
        { orgNumber: input.orgNumber, name: input.name, soleTrader: input.soleTrader === true, orgId: input.orgId, units: input.units ?? [] },
        newId,
        unitNotFound,
      );
      const [supplier] = await withUnits([(await suppliers.findByOrgNumber(input.orgNumber))!]);
      return { created, supplier: supplier! };
    },

    get: async (orgNumber: string): Promise<SupplierView> => {
      const row = await suppliers.findByOrgNumber(orgNumber);
      if (!row) throw supplierNotFound(orgNumber);
      return (await withUnits([row]))[0]!;
    },

    /** With q: best matches first; without: every supplier by number, paged. */
    list: async (query: { q?: string | undefined; limit: number; cursor?: string | undefined }) => {
      if (query.q) return { items: await withUnits(await suppliers.search(query.q, query.limit)), nextCursor: null };
      const after = query.cursor ? decodeCursor(query.cursor, /^\d{10}$/) : undefined;
      const page = pageOf(await suppliers.list(after, query.limit + 1), query.limit, (s) => s.orgNumber);
      return { items: await withUnits(page.items), nextCursor: page.nextCursor };
    },
  };
}

export type SupplierService = ReturnType<typeof createSupplierService>;
