import type { SignalEventRow } from '../events/events.table.ts';
import type { OrganisationDirectory } from '../organisations/organisations.directory.ts';
import type { Organisation } from '../organisations/organisations.table.ts';
import { severities } from '../signals/signals.table.ts';
import { mayReadEvent } from '../signals/signals.visibility.ts';
import { effectOf } from '../status/status.rules.ts';
import type { SubscriptionFilters } from './subscriptions.table.ts';

export type MatchedEvent = Pick<SignalEventRow, 'signalType' | 'supplierOrgNumber' | 'agreementId' | 'issuerOrgId' | 'visibility' | 'severity' | 'signalRecipientOrgId'>;

/**
 * The organisations an `affects` filter stands for: the ones it names, or by default
 * the owner and, for a federation, its member municipalities. Both are resolved at
 * every match against the current membership, so a municipality that joins the
 * federation is covered at once, and one that leaves drops out at once, from the
 * default and from a list that named it (the owner may no longer name it: mayNameInAffects).
 */
export function affectedOrganisations(
  affects: NonNullable<SubscriptionFilters['affects']>,
  owner: Pick<Organisation, 'id' | 'kind'>,
  directory: OrganisationDirectory,
): Organisation[] {
  if (affects.organisations) return affects.organisations.flatMap((id) => directory.get(id) ?? []).filter((named) => mayNameInAffects(owner, named));
  const self = directory.get(owner.id);
  return [...(self ? [self] : []), ...(owner.kind === 'federation' ? directory.membersOf(owner.id) : [])];
}

/**
 * Whether the signal blocks the organisation — the status rule itself (effectOf), so
 * "whom a stop applies to" is written once. Cautions (another's own pause, injunctions,
 * deviations) are the same for everyone and do not single anyone out.
 */
export function blocks(event: Pick<MatchedEvent, 'signalType' | 'issuerOrgId'>, issuer: Pick<Organisation, 'kind'>, organisation: Organisation): boolean {
  return effectOf({ type: event.signalType, issuerKind: issuer.kind, issuerOrgId: event.issuerOrgId }, organisation) === 'blocked';
}

/**
 * Which organisations an owner may name in `affects`: itself; a federation its members
 * too; an auditor anyone (it reads everything). Naming another organisation would tell
 * a member which signals block a stranger's placements, which is not its business.
 */
export function mayNameInAffects(owner: Pick<Organisation, 'id' | 'kind'>, named: Pick<Organisation, 'id' | 'federationId'>): boolean {
  return owner.kind === 'auditor' || named.id === owner.id || (owner.kind === 'federation' && named.federationId === owner.id);
}

/**
 * Whether an event goes to a subscription: the owner must be allowed to read the
 * signal (the visibility rule, signals.visibility.ts, over the event's copy), and every
 * filter that is set must match. Filters combine with AND; the values within one
 * filter with OR. minSeverity only holds back signals that have a severity, so a
 * call-off stop always passes it. `municipalityCodes` is about the issuer,
 * `affects` about whom the signal blocks.
 */
export function eventMatches(
  event: MatchedEvent,
  filters: SubscriptionFilters,
  owner: Pick<Organisation, 'id' | 'kind'>,
  directory: OrganisationDirectory,
): boolean {
  if (!mayReadEvent(owner, event)) return false;
  if (filters.types?.length && !filters.types.includes(event.signalType)) return false;
  if (filters.suppliers?.length && !filters.suppliers.includes(event.supplierOrgNumber)) return false;
  if (filters.agreements?.length && (!event.agreementId || !filters.agreements.includes(event.agreementId))) return false;
  if (filters.minSeverity && event.severity && severities.indexOf(event.severity) < severities.indexOf(filters.minSeverity)) return false;
  if (!filtersNeedDirectory(filters)) return true;
  const issuer = directory.get(event.issuerOrgId);
  if (filters.municipalityCodes?.length && (!issuer?.municipalityCode || !filters.municipalityCodes.includes(issuer.municipalityCode))) {
    return false;
  }
  if (filters.affects && (!issuer || !affectedOrganisations(filters.affects, owner, directory).some((o) => blocks(event, issuer, o)))) return false;
  return true;
}

/**
 * Whether matching a signal event against these filters looks organisations up: only the
 * issuer's kommunkod (municipalityCodes) and whom the signal blocks (affects) do. Where no
 * subscription has either, the relay does not read the directory (eventMatches does not ask it).
 */
export function filtersNeedDirectory(filters: SubscriptionFilters): boolean {
  return Boolean(filters.municipalityCodes?.length) || filters.affects !== undefined;
}

/**
 * Whether a supplier event (supplier.updated, supplier.linked/unlinked) goes to a
 * subscription. Supplier records and links are readable by every organisation, so
 * there is no visibility check. A `types` filter lists signal types, so a subscription
 * that set one asked for signals only; a `suppliers` filter must name the supplier — for
 * a link, either of its two (`linkedOrgNumber` is the other). The other filters
 * (agreements, issuers' municipality codes, severity, affects) describe signals and do
 * not hold a renamed or linked supplier back.
 */
export function supplierEventMatches(event: { supplierOrgNumber: string; linkedOrgNumber?: string }, filters: SubscriptionFilters): boolean {
  if (filters.types?.length) return false;
  if (!filters.suppliers?.length) return true;
  return filters.suppliers.includes(event.supplierOrgNumber) || (event.linkedOrgNumber !== undefined && filters.suppliers.includes(event.linkedOrgNumber));
}
