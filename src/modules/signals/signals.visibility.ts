import { type SQL, sql } from 'drizzle-orm';
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

/** The same rule as a SQL predicate; undefined means "no restriction". */
export function visibleTo(principal: Principal): SQL | undefined {
  if (principal.org.kind === 'auditor') return undefined;
  return sql`(${signals.issuerOrgId} = ${principal.org.id} OR (${signals.visibility} = 'members' AND ${signals.status} <> 'retracted'))`;
}
