import type { Db } from '../../db/client.ts';
import { pageOf, decodeCursor } from '../../lib/cursor.ts';
import type { Principal } from '../../plugins/auth.ts';
import type { AuditService } from '../audit/audit.service.ts';
import { checkOrgNumber } from '../../lib/identity-numbers.ts';
import type { SupplierRepository, UnitInput } from './suppliers.repository.ts';
import { notASoleTrader, soleTraderNotConfirmed, supplierNotFound, unitNotFound } from './suppliers.errors.ts';
import type { Supplier, SupplierUnit } from './suppliers.table.ts';

export type SupplierView = Supplier & { units: SupplierUnit[] };

export function createSupplierService({
  db,
  suppliers,
  audit,
  newId,
}: {
  db: Db;
  suppliers: SupplierRepository;
  audit: Pick<AuditService, 'record' | 'logRead'>;
  newId: () => string;
}) {
  // A sole trader's number is the owner's personnummer: every read of one is logged.
  const logSoleTraderReads = (principal: Principal, rows: Supplier[]) =>
    audit.logRead(principal, 'supplier.read_sole_trader', 'supplier', rows.filter((r) => r.soleTrader).map((r) => r.orgNumber), newId);

  const withUnits = async (rows: Supplier[]): Promise<SupplierView[]> => {
    const units = await suppliers.unitsOf(rows.map((r) => r.orgNumber));
    return rows.map((row) => ({ ...row, units: units.filter((u) => u.supplierOrgNumber === row.orgNumber) }));
  };

  return {
    /** PUT semantics: creates or updates; the listed units are upserted, unlisted ones kept. */
    put: async (principal: Principal, input: {
      orgNumber: string;
      name: string;
      soleTrader?: boolean | undefined;
      units?: UnitInput[] | undefined;
      orgId: string;
    }): Promise<{ created: boolean; supplier: SupplierView }> => {
      const check = checkOrgNumber(input.orgNumber);
      if (check.ok && check.soleTrader && input.soleTrader !== true) throw soleTraderNotConfirmed();
      if (check.ok && !check.soleTrader && input.soleTrader === true) throw notASoleTrader();
      const { created } = await db.transaction(async (tx) => {
        const result = await suppliers.upsert(
          tx,
          { orgNumber: input.orgNumber, name: input.name, soleTrader: input.soleTrader === true, orgId: input.orgId, units: input.units ?? [] },
          newId,
          unitNotFound,
        );
        const { orgId: _, ...change } = input;
        await audit.record(tx, principal, {
          action: result.created ? 'supplier.created' : 'supplier.updated',
          targetType: 'supplier',
          targetId: input.orgNumber,
          change,
        });
        return result;
      });
      const [supplier] = await withUnits([(await suppliers.findByOrgNumber(input.orgNumber))!]);
      return { created, supplier: supplier! };
    },

    get: async (principal: Principal, orgNumber: string): Promise<SupplierView> => {
      const row = await suppliers.findByOrgNumber(orgNumber);
      if (!row) throw supplierNotFound(orgNumber);
      await logSoleTraderReads(principal, [row]);
      return (await withUnits([row]))[0]!;
    },

    /** With q: best matches first; without: every supplier by number, paged. */
    list: async (principal: Principal, query: { q?: string | undefined; limit: number; cursor?: string | undefined }) => {
      if (query.q) {
        const found = await suppliers.search(query.q, query.limit);
        await logSoleTraderReads(principal, found);
        return { items: await withUnits(found), nextCursor: null };
      }
      const after = query.cursor ? decodeCursor(query.cursor, /^\d{10}$/) : undefined;
      const page = pageOf(await suppliers.list(after, query.limit + 1), query.limit, (s) => s.orgNumber);
      await logSoleTraderReads(principal, page.items);
      return { items: await withUnits(page.items), nextCursor: page.nextCursor };
    },
  };
}

export type SupplierService = ReturnType<typeof createSupplierService>;
