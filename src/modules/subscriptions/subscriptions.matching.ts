import type { EventRow } from '../events/events.table.ts';
import type { Organisation } from '../organisations/organisations.table.ts';
import { severities } from '../signals/signals.table.ts';
import type { SubscriptionFilters } from './subscriptions.table.ts';

/**
 * Whether an event goes to a subscription: the owner must be allowed to read the
 * signal (auditors all, the issuer its own, others `members` signals), and every
 * filter that is set must match. Filters combine with AND; the values within one
 * filter with OR. minSeverity only holds back signals that have a severity, so a
 * call-off stop always passes it.
 */
export function eventMatches(
  event: Pick<EventRow, 'signalType' | 'supplierOrgNumber' | 'agreementId' | 'issuerOrgId' | 'visibility' | 'severity'>,
  filters: SubscriptionFilters,
  owner: Pick<Organisation, 'id' | 'kind'>,
  issuerMunicipalityCode: string | null,
): boolean {
  if (owner.kind !== 'auditor' && event.issuerOrgId !== owner.id && event.visibility !== 'members') return false;
  if (filters.types?.length && !filters.types.includes(event.signalType)) return false;
  if (filters.suppliers?.length && !filters.suppliers.includes(event.supplierOrgNumber)) return false;
  if (filters.agreements?.length && (!event.agreementId || !filters.agreements.includes(event.agreementId))) return false;
  if (filters.municipalityCodes?.length && (!issuerMunicipalityCode || !filters.municipalityCodes.includes(issuerMunicipalityCode))) {
    return false;
  }
  if (filters.minSeverity && event.severity && severities.indexOf(event.severity) < severities.indexOf(filters.minSeverity)) return false;
  return true;
}
