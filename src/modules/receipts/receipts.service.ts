import type { KeyObject } from 'node:crypto';
import type { Db } from '../../db/client.ts';
import { formatOrgNumber } from '../../lib/identity-numbers.ts';
import type { Principal } from '../../plugins/auth.ts';
import type { AuditService } from '../audit/audit.service.ts';
import type { Reason, SupplierStatus } from '../status/status.rules.ts';
import { purposeRequired, receiptNotAsked } from './receipts.errors.ts';
import { type BatchReceipt, RECEIPT_TYPES, type Receipt, type ReceiptReason, type SignedReceipt, type SupplierReceipt, receiptPurposes } from './receipts.schemas.ts';
import { checkReceipt, keyIdOf, logDigestOf, publishedKey, signReceipt, type Unlogged } from './receipts.signature.ts';

/** The audit action of a receipt's log entry; its target is the receipt's id. */
export const RECEIPT_ACTION = 'status.receipt_issued';
export const RECEIPT_TARGET = 'status_receipt';

export type Purpose = (typeof receiptPurposes)[number];
export interface ReceiptAsk {
  purpose: Purpose;
  caseReference?: string | undefined;
}

/** The fields of a log entry the online check compares. */
export interface LoggedEntry {
  position: number;
  orgId: string;
  action: string;
  targetType: string;
  targetId: string;
  digest: string;
}

interface StatusAnswer {
  status: SupplierStatus;
  reasons: Reason[];
  units: { unitId: string; status: SupplierStatus }[];
}

/** The query options of a single status read, as validated: a receipt asked for, or null. */
export function receiptAskOf(query: { receipt?: 'true' | 'false' | undefined; purpose?: Purpose | undefined; caseReference?: string | undefined }): ReceiptAsk | null {
  if (query.receipt !== 'true') {
    if (query.purpose !== undefined || query.caseReference !== undefined) throw receiptNotAsked();
    return null;
  }
  if (!query.purpose) throw purposeRequired();
  return { purpose: query.purpose, caseReference: query.caseReference };
}

// Field by field, so that a field added to the answer later enters receipts only when it is added here.
const reasonOf = (r: Reason): ReceiptReason => ({
  signalId: r.signalId,
  signalVersion: r.signalVersion,
  linkedThrough: r.linkedThrough,
  type: r.type,
  effect: r.effect,
  issuerOrgId: r.issuerOrgId,
  unitId: r.unitId,
  agreementId: r.agreementId,
  severity: r.severity,
  summary: r.summary,
  reference: r.reference,
  decisionDate: r.decisionDate,
  effectiveFrom: r.effectiveFrom.toISOString(),
  effectiveUntil: r.effectiveUntil?.toISOString() ?? null,
  reply: r.reply ? { version: r.reply.version, supplierOrgId: r.reply.supplierOrgId, text: r.reply.text, disputed: r.reply.disputed, repliedAt: r.reply.repliedAt.toISOString() } : null,
});

const detailsOf = (a: Pick<StatusAnswer, 'reasons' | 'units'>) => ({
  reasons: a.reasons.map(reasonOf),
  units: a.units.map((u) => ({ unitId: u.unitId, status: u.status })),
});

/**
 * Signed status receipts: a record of one status answer (or one batch) that the asker
 * files with its case, and a log entry proving the check happened. A receipt is built
 * only from the answer the asker was given, so it holds nothing the asker could not read.
 */
export function createReceiptService({
  db,
  audit,
  logEntryAt,
  signingKey,
  newId,
  now = () => new Date(),
}: {
  db: Db;
  audit: Pick<AuditService, 'record'>;
  logEntryAt: (position: number) => Promise<LoggedEntry | undefined>;
  signingKey: KeyObject;
  newId: () => string;
  now?: () => Date;
}) {
  const keyId = keyIdOf(signingKey);
  const published = publishedKey(signingKey);
  const verifyingKey = (id: string) => (id === keyId ? signingKey : undefined);

  /**
   * Appends the receipt's log entry and signs the receipt with its position, in one
   * transaction: if signing fails the entry is rolled back, so there is never a logged
   * receipt that was not issued, nor an issued one that is not logged.
   */
  const issue = <R extends Receipt>(principal: Principal, unlogged: Omit<R, 'log'>) =>
    db.transaction(async (tx) => {
      const entry = await audit.record(tx, principal, { action: RECEIPT_ACTION, targetType: RECEIPT_TARGET, targetId: unlogged.id, change: unlogged });
      const log = { position: entry.position, digest: logDigestOf(unlogged as Unlogged) };
      return signReceipt<R>(signingKey, { ...unlogged, log } as R);
    });

  const asker = (principal: Principal, ask: ReceiptAsk) => ({ askedBy: principal.org.id, purpose: ask.purpose, caseReference: ask.caseReference ?? null });
  const header = () => ({ version: 1 as const, id: newId(), issuedAt: now().toISOString() });

  return {
    /** A receipt over one status answer (`forSupplier` of the status service), as given to `principal`. */
    forSupplier: (principal: Principal, ask: ReceiptAsk, answer: StatusAnswer & { orgNumber: string; unitId: string | null; asOf: Date }) =>
      issue<SupplierReceipt>(principal, {
        type: RECEIPT_TYPES.supplier,
        ...header(),
        question: { orgNumber: formatOrgNumber(answer.orgNumber), unitId: answer.unitId, ...asker(principal, ask) },
        answer: { status: answer.status, ...detailsOf(answer) },
        asOf: answer.asOf.toISOString(),
      }),

    /**
     * One receipt over a batch answer. A question answered `invalid` was never asked
     * (it may be any text the caller sent), so it is left out rather than signed.
     */
    forBatch: (
      principal: Principal,
      ask: ReceiptAsk,
      batch: { asOf: Date; results: Array<Pick<StatusAnswer, 'reasons' | 'units'> & { orgNumber: string; unitId: string | null; registered: boolean; status: SupplierStatus | 'unknown' | 'invalid' }> },
    ) => {
      const answered = batch.results.flatMap((r) => (r.status === 'invalid' ? [] : [{ ...r, status: r.status, orgNumber: formatOrgNumber(r.orgNumber) }]));
      return issue<BatchReceipt>(principal, {
        type: RECEIPT_TYPES.batch,
        ...header(),
        question: { items: answered.map((r) => ({ orgNumber: r.orgNumber, unitId: r.unitId })), ...asker(principal, ask) },
        answer: {
          results: answered.map((r) => ({ orgNumber: r.orgNumber, unitId: r.unitId, registered: r.registered, status: r.status, ...detailsOf(r) })),
        },
        asOf: batch.asOf.toISOString(),
      });
    },

    /**
     * The online check: the signature and key as offline, then the log — the entry at
     * the receipt's position must be this receipt's, for its asker, with its digest. The
     * log is read only for a receipt this registry signed, so a made-up receipt cannot
     * probe what the log holds.
     */
    verify: async (given: SignedReceipt) => {
      const echo = { receiptId: given.receipt.id, keyId: given.signature.keyId, logPosition: given.receipt.log.position };
      const check = checkReceipt(given, verifyingKey);
      if (!check.valid) return { valid: false, reason: check.reason, detail: check.detail, ...echo };
      const { receipt } = check.signed;
      const entry = await logEntryAt(receipt.log.position);
      if (!entry) return { valid: false, reason: 'log_entry_missing' as const, detail: `the audit log has no entry at position ${receipt.log.position}`, ...echo };
      const matches =
        entry.action === RECEIPT_ACTION &&
        entry.targetType === RECEIPT_TARGET &&
        entry.targetId === receipt.id &&
        entry.orgId === receipt.question.askedBy &&
        entry.digest === receipt.log.digest;
      if (!matches) return { valid: false, reason: 'log_entry_differs' as const, detail: `the audit log entry at position ${receipt.log.position} is not this receipt's`, ...echo };
      return { valid: true, ...echo };
    },

    /** The public keys a verifier checks receipts against. */
    keys: () => ({ keys: [published] }),
  };
}

export type ReceiptService = ReturnType<typeof createReceiptService>;
