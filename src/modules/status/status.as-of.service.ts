import type { Principal } from '../../plugins/auth.ts';
import type { AuditService } from '../audit/audit.service.ts';
import type { MembershipRepository } from '../organisations/organisations.memberships.repository.ts';
import type { Organisation } from '../organisations/organisations.table.ts';
import { unitNotFound } from '../suppliers/suppliers.errors.ts';
import type { StatusAsOfRepository } from './status.as-of.repository.ts';
import { asOfInFuture, asOrganisationForbidden, asOrganisationWithoutAsOf, unknownAsOrganisation, supplierNotRegisteredAt } from './status.errors.ts';
import { decide } from './status.rules.ts';
import { answerQuestions, askedFor, type BatchQuestion, distinctQuestions, restrictedReadLog, shown } from './status.service.ts';

/** A question about a past moment: when, and (for an auditor) on behalf of which organisation. */
export interface PastMoment {
  asOf: Date;
  asOrganisation?: string | undefined;
}

/** The past moment a status question asks about, or undefined for the answer now; asOrganisation needs asOf. */
export function pastMomentOf(query: { asOf?: string | undefined; asOrganisation?: string | undefined }): PastMoment | undefined {
  if (query.asOf === undefined) {
    if (query.asOrganisation !== undefined) throw asOrganisationWithoutAsOf();
    return undefined;
  }
  return { asOf: new Date(query.asOf), asOrganisation: query.asOrganisation };
}

/**
 * "What was this organisation told at that moment?" — the status as of a past moment,
 * rebuilt from the recorded history (status.as-of.repository.ts) by the same rules as
 * the live read (status.rules.ts). An auditor may ask it for any organisation; every
 * other organisation for itself only.
 */
export function createStatusAsOfService({
  history,
  organisations,
  memberships,
  audit,
  newId,
}: {
  history: StatusAsOfRepository;
  organisations: { findById(id: string): Promise<Organisation | undefined> };
  /** The federation a municipality belonged to at a past moment (migrations/0021). */
  memberships: Pick<MembershipRepository, 'federationAt'>;
  audit: Pick<AuditService, 'logRead' | 'logSoleTraderReads'>;
  newId: () => string;
}) {
  const logRestricted = restrictedReadLog(audit, newId);

  /** The organisation named by the question as it is now: the caller, or for an auditor `asOrganisation`. */
  const askerOf = async (principal: Principal, asOrganisation: string | undefined): Promise<Organisation> => {
    if (asOrganisation === undefined || asOrganisation === principal.org.id) return principal.org;
    if (principal.org.kind !== 'auditor') throw asOrganisationForbidden();
    const viewer = await organisations.findById(asOrganisation);
    if (!viewer) throw unknownAsOrganisation(asOrganisation);
    return viewer;
  };

  /**
   * The organisation whose view is rebuilt, as it was at `asOf`. Its kind never changes
   * (no route changes it); a municipality's federation does (the operator moves it), so
   * the federation is the one it belonged to then, from the membership periods.
   */
  const viewerOf = async (principal: Principal, asOrganisation: string | undefined, asOf: Date): Promise<Organisation> => {
    const asker = await askerOf(principal, asOrganisation);
    if (asker.kind !== 'municipality') return asker;
    return { ...asker, federationId: await memberships.federationAt(asker.id, asOf) };
  };

  const refuseFuture = (asOf: Date, now: Date) => {
    if (asOf.getTime() > now.getTime()) throw asOfInFuture(asOf, now);
  };

  return {
    /** The answer GET /v1/suppliers/{orgNumber}/status gave `asOrganisation` (default: the caller) at `asOf`. */
    forSupplier: async (principal: Principal, orgNumber: string, unitId: string | null, { asOf, asOrganisation }: PastMoment) => {
      const viewer = await viewerOf(principal, asOrganisation, asOf);
      const [registered, live, linked, owners] = await Promise.all([
        history.registeredAt([orgNumber], asOf),
        history.signalsAt(viewer, [orgNumber], asOf),
        history.linkedAt(viewer, [orgNumber], asOf),
        history.unitOwnersAt(unitId === null ? [] : [unitId], asOf),
      ]);
      refuseFuture(asOf, registered.now);
      const supplier = registered.suppliers[0];
      if (!supplier) throw supplierNotRegisteredAt(orgNumber, asOf);
      if (unitId !== null && owners.get(unitId) !== orgNumber) throw unitNotFound(unitId);
      const answer = decide(live, viewer, unitId, linked);
      await logRestricted(principal, live, supplier.soleTrader ? [orgNumber] : [], shown(linked, answer.reasons));
      return { orgNumber, unitId, ...answer, asOf, asOrganisation: viewer.id };
    },

    /** The answer POST /v1/suppliers/status gave at `asOf`, question by question. */
    forSuppliers: async (principal: Principal, questions: BatchQuestion[], { asOf, asOrganisation }: PastMoment) => {
      const viewer = await viewerOf(principal, asOrganisation, asOf);
      const asked = distinctQuestions(questions);
      const { numbers, unitIds } = askedFor(asked);
      const [registered, live, linked, owners] = await Promise.all([
        history.registeredAt(numbers, asOf),
        history.signalsAt(viewer, numbers, asOf),
        history.linkedAt(viewer, numbers, asOf),
        history.unitOwnersAt(unitIds, asOf),
      ]);
      refuseFuture(asOf, registered.now);
      const results = answerQuestions(asked, { known: new Set(registered.suppliers.map((r) => r.orgNumber)), owners, signals: live, linked }, viewer);
      const soleTraders = registered.suppliers.filter((r) => r.soleTrader).map((r) => r.orgNumber);
      await logRestricted(principal, live, soleTraders, shown(linked, results.flatMap((r) => r.reasons)));
      return { results, asOf, asOrganisation: viewer.id };
    },
  };
}

export type StatusAsOfService = ReturnType<typeof createStatusAsOfService>;
