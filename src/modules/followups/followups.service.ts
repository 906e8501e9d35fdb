import type { Db, Tx } from '../../db/client.ts';
import { decodeCursor, pageOf } from '../../lib/cursor.ts';
import { UUID_PATTERN } from '../../lib/ids.ts';
import type { Principal } from '../../plugins/auth.ts';
import type { AuditService } from '../audit/audit.service.ts';
import type { SignalRepository } from '../signals/signals.repository.ts';
import { isNotInFuture } from '../signals/signals.ivo.ts';
import type { SupplierRepository } from '../suppliers/suppliers.repository.ts';
import {
  alreadyRetracted,
  checkedOnInFuture,
  deviationNotExpected,
  deviationRequired,
  followUpNotFound,
  invalidDeviation,
  unknownSupplier,
  unknownUnit,
  visibilityWiderThanDeviation,
} from './followups.errors.ts';
import type { FollowUpFilter, FollowUpRead, FollowUpRepository } from './followups.repository.ts';
import type { FollowUpKind, FollowUpOutcome, FollowUpRow } from './followups.table.ts';
import { canSeeRecord, recordsVisibleTo } from './followups.visibility.ts';

export interface NewFollowUp {
  supplierOrgNumber: string;
  unitId?: string | undefined;
  kind: FollowUpKind;
  checkedOn: string;
  outcome: FollowUpOutcome;
  deviationSignalId?: string | undefined;
  note?: string | undefined;
  visibility?: FollowUpRow['visibility'] | undefined;
}

/**
 * Follow-up records: what an organisation checked about a supplier and what it found.
 * They are written and read like signals (the same writers, the same visibility, the same
 * audit trail) but decide no status, send no event and are never edited.
 */
export function createFollowUpService(deps: {
  db: Db;
  followUps: FollowUpRepository;
  suppliers: Pick<SupplierRepository, 'findByOrgNumber' | 'findUnit'>;
  signals: Pick<SignalRepository, 'lockById'>;
  audit: Pick<AuditService, 'record' | 'logRead'>;
  newId: () => string;
  clock?: () => Date;
}) {
  const { db, followUps, suppliers, signals, audit, newId } = deps;
  const clock = deps.clock ?? (() => new Date());

  // issuer_and_auditors records are restricted data, like such signals: every read is logged.
  const logRestrictedReads = (principal: Principal, rows: FollowUpRead[]) =>
    audit.logRead(principal, 'follow_up.read_restricted', 'follow_up', rows.filter((r) => r.visibility === 'issuer_and_auditors').map((r) => r.id), newId);

  /** The deviation a check led to: the caller's own, about this supplier, not retracted, and not hidden from anyone the record shows it to. */
  const checkDeviation = async (tx: Tx, principal: Principal, input: NewFollowUp) => {
    if (input.outcome === 'no_remarks') {
      if (input.deviationSignalId !== undefined) throw deviationNotExpected();
      return;
    }
    if (input.deviationSignalId === undefined) throw deviationRequired();
    // Locked until the record commits, so the deviation cannot be retracted in between.
    const signal = await signals.lockById(tx, input.deviationSignalId);
    if (
      !signal ||
      signal.type !== 'deviation' ||
      signal.issuerOrgId !== principal.org.id ||
      signal.supplierOrgNumber !== input.supplierOrgNumber ||
      signal.status === 'retracted'
    ) {
      throw invalidDeviation();
    }
    if (signal.visibility === 'issuer_and_auditors' && (input.visibility ?? 'members') === 'members') throw visibilityWiderThanDeviation();
  };

  return {
    record: async (principal: Principal, input: NewFollowUp): Promise<FollowUpRead> => {
      if (!isNotInFuture(input.checkedOn, clock())) throw checkedOnInFuture();
      if (!(await suppliers.findByOrgNumber(input.supplierOrgNumber))) throw unknownSupplier();
      if (input.unitId) {
        const unit = await suppliers.findUnit(input.unitId);
        if (unit?.supplierOrgNumber !== input.supplierOrgNumber) throw unknownUnit();
      }
      return db.transaction(async (tx) => {
        await checkDeviation(tx, principal, input);
        const record = await followUps.insert(tx, {
          id: newId(),
          supplierOrgNumber: input.supplierOrgNumber,
          unitId: input.unitId ?? null,
          issuerOrgId: principal.org.id,
          kind: input.kind,
          checkedOn: input.checkedOn,
          outcome: input.outcome,
          deviationSignalId: input.deviationSignalId ?? null,
          note: input.note ?? null,
          visibility: input.visibility ?? 'members',
          createdBy: principal.sub,
        });
        await audit.record(tx, principal, { action: 'follow_up.recorded', targetType: 'follow_up', targetId: record.id, change: input });
        return record;
      });
    },

    /** A record's retraction, by its issuer only: another organisation's record is a 404, like one it may not see. */
    retract: async (principal: Principal, id: string, reason: string): Promise<FollowUpRead> =>
      db.transaction(async (tx) => {
        const current = await followUps.findById(id, tx);
        if (!current || current.issuerOrgId !== principal.org.id) throw followUpNotFound(id);
        if (!(await followUps.retract(tx, { recordId: id, reason, retractedBy: principal.sub }))) throw alreadyRetracted();
        await audit.record(tx, principal, { action: 'follow_up.retracted', targetType: 'follow_up', targetId: id, change: { reason } });
        return (await followUps.findById(id, tx))!;
      }),

    get: async (principal: Principal, id: string): Promise<FollowUpRead> => {
      const record = await followUps.findById(id);
      if (!record || !canSeeRecord(principal, record)) throw followUpNotFound(id);
      await logRestrictedReads(principal, [record]);
      return record;
    },

    list: async (principal: Principal, filter: FollowUpFilter & { cursor?: string | undefined; limit: number }) => {
      const beforeId = filter.cursor ? decodeCursor(filter.cursor, UUID_PATTERN) : undefined;
      const rows = await followUps.list({ ...filter, beforeId }, recordsVisibleTo(principal), filter.limit + 1);
      const page = pageOf(rows, filter.limit, (r) => r.id);
      await logRestrictedReads(principal, page.items);
      return page;
    },

    /**
     * Records per month of the check, kind and outcome, over the records the caller may see
     * that are not retracted, by the list's filters. A count shows no record's content, so
     * counting restricted records is not logged as a read of them.
     */
    counts: async (principal: Principal, filter: Omit<FollowUpFilter, 'status'>) => {
      const items = await followUps.counts({ ...filter, status: 'recorded' }, recordsVisibleTo(principal));
      return { items, total: items.reduce((sum, row) => sum + row.count, 0) };
    },

    /** Every record about a supplier the caller may see, oldest first, for the supplier's history. */
    history: async (principal: Principal, orgNumber: string) => {
      const records = (await followUps.ofSupplier(orgNumber)).filter((r) => canSeeRecord(principal, r));
      await logRestrictedReads(principal, records);
      return records;
    },
  };
}

export type FollowUpService = ReturnType<typeof createFollowUpService>;
