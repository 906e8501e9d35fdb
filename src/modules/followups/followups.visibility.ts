import { type SQL, sql } from 'drizzle-orm';
import type { Principal } from '../../plugins/auth.ts';
import { canSee } from '../signals/signals.visibility.ts';
import { followUpRecords, followUpRetractions } from './followups.table.ts';

/**
 * Who may read a follow-up record: the rule for signals (signals.visibility.ts), with a
 * retraction for the signal's `retracted` status. Auditors read every record; the issuer
 * its own; every other organisation, the operator included, `members` records that are
 * not retracted.
 */
export const canSeeRecord = (principal: Principal, record: { issuerOrgId: string; visibility: string; retractedAt: Date | null }) =>
  canSee(principal, { issuerOrgId: record.issuerOrgId, recipientOrgId: null, visibility: record.visibility, status: record.retractedAt ? 'retracted' : 'active' });

/** The same rule as a SQL predicate over follow_up_records left-joined to follow_up_retractions; undefined means "no restriction". */
export function recordsVisibleTo(principal: Principal): SQL | undefined {
  if (principal.org.kind === 'auditor') return undefined;
  return sql`(${followUpRecords.issuerOrgId} = ${principal.org.id} OR (${followUpRecords.visibility} = 'members' AND ${followUpRetractions.recordId} IS NULL))`;
}
