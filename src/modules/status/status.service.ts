import type { Principal } from '../../plugins/auth.ts';
import type { AuditService } from '../audit/audit.service.ts';
import { supplierNotFound } from '../suppliers/suppliers.errors.ts';
import type { LiveSignal, StatusRepository } from './status.repository.ts';
import { decide } from './status.rules.ts';

export function createStatusService({
  status,
  audit,
  newId,
}: {
  status: StatusRepository;
  audit: Pick<AuditService, 'logRead'>;
  newId: () => string;
}) {
  // A status answer shows restricted data in two ways: an issuer_and_auditors signal
  // among the reasons (to its issuer or an auditor), and a sole trader's number
  // (a personnummer). Both reads are logged, as everywhere else; ordinary reads are not.
  const logRestricted = async (principal: Principal, live: LiveSignal[], soleTraders: string[]) => {
    await Promise.all([
      audit.logRead(principal, 'signal.read_restricted', 'signal', live.filter((s) => s.visibility === 'issuer_and_auditors').map((s) => s.id), newId),
      audit.logRead(principal, 'supplier.read_sole_trader', 'supplier', soleTraders, newId),
    ]);
  };

  return {
    /** "May we place a child with this supplier today?", for the caller. */
    forSupplier: async (principal: Principal, orgNumber: string) => {
      const found = await status.supplierWithLiveSignals(principal, orgNumber);
      if (!found) throw supplierNotFound(orgNumber);
      await logRestricted(principal, found.live, found.soleTrader ? [orgNumber] : []);
      return { orgNumber, ...decide(found.live, principal.org), asOf: found.asOf };
    },

    /** The same answer for up to 1,000 suppliers in two queries; unregistered ones read `unknown`. */
    forSuppliers: async (principal: Principal, orgNumbers: string[]) => {
      const unique = [...new Set(orgNumbers)];
      const [{ asOf, suppliers }, live] = await Promise.all([status.registered(unique), status.liveSignals(principal, unique)]);
      const known = new Set(suppliers.map((r) => r.orgNumber));
      await logRestricted(principal, live, suppliers.filter((r) => r.soleTrader).map((r) => r.orgNumber));
      const bySupplier = Map.groupBy(live, (s) => s.supplierOrgNumber);
      const results = unique.map((orgNumber) =>
        known.has(orgNumber)
          ? { orgNumber, registered: true, ...decide(bySupplier.get(orgNumber) ?? [], principal.org) }
          : { orgNumber, registered: false, status: 'unknown' as const, reasons: [], units: [] },
      );
      return { results, asOf };
    },
  };
}

export type StatusService = ReturnType<typeof createStatusService>;
