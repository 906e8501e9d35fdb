import { type Placeholder, type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Principal } from '../../plugins/auth.ts';
import { events } from '../events/events.table.ts';
import type { Organisation } from '../organisations/organisations.table.ts';
import { signals } from './signals.table.ts';

/**
 * Who may read a signal: the one rule, here as a function and below as SQL over the
 * signals and the events tables (events carry a copy of the columns it needs).
 *
 * - Auditors read every signal, and the issuer its own.
 * - A tip (a restricted deviation addressed to one organisation) is read by that
 *   recipient too.
 * - A supplier organisation reads the `members` signals about the organisation numbers
 *   it answers for (Principal.represents), and nothing else.
 * - Every other organisation reads `members` signals.
 *
 * A retracted signal's content is for its issuer and auditors only. On the signal
 * routes (`canSee`) it disappears for everyone else; on the event feed and in
 * deliveries its events stay (a receiver must hear that a stop was withdrawn), with the
 * content withheld (events.payload.ts). That is why `mayRead` has no status clause.
 */
type Reader = Pick<Organisation, 'id' | 'kind'> & { represents?: readonly string[] };
type Readable = { issuerOrgId: string; recipientOrgId: string | null; visibility: string; supplierOrgNumber?: string };

export function mayRead(reader: Reader, signal: Readable): boolean {
  if (reader.kind === 'supplier') {
    return signal.visibility === 'members' && signal.supplierOrgNumber !== undefined && (reader.represents ?? []).includes(signal.supplierOrgNumber);
  }
  if (reader.kind === 'auditor' || signal.issuerOrgId === reader.id) return true;
  return signal.visibility === 'members' || signal.recipientOrgId === reader.id;
}

const seesEverything = (reader: Pick<Organisation, 'id' | 'kind'>, signal: { issuerOrgId: string }) =>
  reader.kind === 'auditor' || signal.issuerOrgId === reader.id;

const readerOf = (principal: Principal): Reader => ({ id: principal.org.id, kind: principal.org.kind, represents: principal.represents });

/** Whether the signal routes show the signal: `mayRead`, and not retracted unless issuer or auditor. */
export function canSee(principal: Principal, signal: Readable & { status: string }): boolean {
  if (seesEverything(principal.org, signal)) return true;
  return signal.status !== 'retracted' && mayRead(readerOf(principal), signal);
}

/**
 * The versions of a signal `canSee` admits that the principal may read: auditors and
 * the issuer every version; others only the versions they could read then and that were
 * not retracted (an earlier restricted text stays hidden after a signal is made public).
 * The operator is an "other" on every route, supplier history included.
 */
export function visibleVersions<V extends { visibility: string; status: string; recipientOrgId: string | null }>(
  principal: Principal,
  signal: { issuerOrgId: string; supplierOrgNumber?: string },
  versions: V[],
): V[] {
  if (seesEverything(principal.org, signal)) return versions;
  return versions.filter(
    (v) => v.status !== 'retracted' && mayRead(readerOf(principal), { issuerOrgId: signal.issuerOrgId, supplierOrgNumber: signal.supplierOrgNumber, ...v }),
  );
}

/** `canSee` as a SQL predicate over `signals`; undefined means "no restriction". */
export function visibleTo(principal: Principal): SQL | undefined {
  if (principal.org.kind === 'auditor') return undefined;
  if (principal.org.kind === 'supplier') {
    return sql`(${signals.status} <> 'retracted' AND ${signals.visibility} = 'members' AND ${signals.supplierOrgNumber} = ANY(${sql.param([...principal.represents])}::text[]))`;
  }
  return visibleToOrganisation(principal.org.id);
}

/**
 * `canSee` over `signals` for a non-auditor organisation, given as a value or as a prepared
 * statement's placeholder. The status as of a past moment applies it to the version in force
 * then (`t`: the signal's issuer, the version's visibility, status and recipient).
 */
export const visibleToOrganisation = (
  orgId: string | Placeholder,
  t: { issuerOrgId: AnyPgColumn; visibility: AnyPgColumn; status: AnyPgColumn; recipientOrgId: AnyPgColumn } = signals,
) => sql`(${t.issuerOrgId} = ${orgId} OR (${t.status} <> 'retracted' AND (${t.visibility} = 'members' OR ${t.recipientOrgId} = ${orgId})))`;

/** `mayRead` over the signal columns of `events`, for a non-auditor organisation. */
export const eventReadableBy = (orgId: string) =>
  sql`(${events.issuerOrgId} = ${orgId} OR ${events.visibility} = 'members' OR ${events.signalRecipientOrgId} = ${orgId})`;
