import { type Placeholder, type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Principal } from '../../plugins/auth.ts';
import { signals } from './signals.table.ts';

/**
 * Who may read a signal: auditors read everything; the issuer reads its own; every
 * other organisation reads `members` signals that are not retracted.
 */
export function canSee(principal: Principal, signal: { issuerOrgId: string; visibility: string; status: string }): boolean {
  if (principal.org.kind === 'auditor' || signal.issuerOrgId === principal.org.id) return true;
  return signal.visibility === 'members' && signal.status !== 'retracted';
}

/**
 * The versions of a signal `canSee` admits that the principal may read: auditors and
 * the issuer every version; others only the versions that were `members` and not
 * retracted (an earlier restricted text stays hidden after a signal is made public).
 * The operator is an "other" on every route, supplier history included.
 */
export function visibleVersions<V extends { visibility: string; status: string }>(
  principal: Principal,
  signal: { issuerOrgId: string },
  versions: V[],
): V[] {
  if (principal.org.kind === 'auditor' || signal.issuerOrgId === principal.org.id) return versions;
  return versions.filter((v) => v.visibility === 'members' && v.status !== 'retracted');
}

/** The same rule as a SQL predicate; undefined means "no restriction". */
export function visibleTo(principal: Principal): SQL | undefined {
  if (principal.org.kind === 'auditor') return undefined;
  return visibleToOrganisation(principal.org.id);
}

/**
 * The rule for a non-auditor organisation, given as a value or as a prepared statement's
 * placeholder. On the signals table by default; the status as of a past moment applies it
 * to the version in force then (`t`: the signal's issuer, the version's visibility and status).
 */
export const visibleToOrganisation = (
  orgId: string | Placeholder,
  t: { issuerOrgId: AnyPgColumn; visibility: AnyPgColumn; status: AnyPgColumn } = signals,
) => sql`(${t.issuerOrgId} = ${orgId} OR (${t.visibility} = 'members' AND ${t.status} <> 'retracted'))`;
