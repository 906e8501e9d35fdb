import type { Principal } from '../../plugins/auth.ts';
import type { SupplierRepository } from '../suppliers/suppliers.repository.ts';
import { supplierNotFound } from '../suppliers/suppliers.errors.ts';
import type { LiveSignal, StatusRepository } from './status.repository.ts';
import { decide } from './status.rules.ts';

export function createStatusService({ status, suppliers }: { status: StatusRepository; suppliers: SupplierRepository }) {
  return {
    /** "May we place a child with this supplier today?", for the caller. */
    forSupplier: async (principal: Principal, orgNumber: string) => {
      const [supplier, live] = await Promise.all([suppliers.findByOrgNumber(orgNumber), status.liveSignals(principal, [orgNumber])]);
      if (!supplier) throw supplierNotFound(orgNumber);
      const asOf = live[0]?.asOf ?? (await status.now());
      return { orgNumber, ...decide(live, principal.org), asOf };
    },

    /** The same answer for up to 1,000 suppliers in two queries; unregistered ones read `unknown`. */
    forSuppliers: async (principal: Principal, orgNumbers: string[]) => {
      const unique = [...new Set(orgNumbers)];
      const [registered, live, asOf] = await Promise.all([
        suppliers.findExisting(unique),
        unique.length ? status.liveSignals(principal, unique) : Promise.resolve([] as LiveSignal[]),
        status.now(),
      ]);
      const bySupplier = Map.groupBy(live, (s) => s.supplierOrgNumber);
      const results = unique.map((orgNumber) =>
        registered.has(orgNumber)
          ? { orgNumber, registered: true, ...decide(bySupplier.get(orgNumber) ?? [], principal.org) }
          : { orgNumber, registered: false, status: 'unknown' as const, reasons: [], units: [] },
      );
      return { results, asOf };
    },
  };
}

export type StatusService = ReturnType<typeof createStatusService>;
