import { sql } from 'drizzle-orm';
import { violates } from '../../db/constraints.ts';
import type { Db, Tx } from '../../db/client.ts';
import { decodeCursor, pageOf } from '../../lib/cursor.ts';
import { checkVersion, type Precondition } from '../../lib/preconditions.ts';
import { UUID_PATTERN } from '../../lib/ids.ts';
import type { Principal } from '../../plugins/auth.ts';
import type { AgreementRepository } from '../agreements/agreements.repository.ts';
import type { EventRepository } from '../events/events.repository.ts';
import type { AuditService } from '../audit/audit.service.ts';
import type { FlowLimiter } from '../../lib/flow-limiter.ts';
import type { OrganisationRepository } from '../organisations/organisations.repository.ts';
import type { ReplyRepository } from '../replies/replies.repository.ts';
import type { SupplierRepository } from '../suppliers/suppliers.repository.ts';
import {
  agreementRequired,
  alreadyRetracted,
  invalidDecisionDate,
  invalidPeriod,
  invalidReference,
  invalidRecipient,
  invalidSignal,
  notActive,
  notAgreementOwner,
  notLiftable,
  signalNotFound,
  supplierNotParty,
  unknownAgreement,
  unknownRelatedSignal,
  unknownSupplier,
  unknownUnit,
  versionMismatch,
} from './signals.errors.ts';
import type { SignalFilter, SignalRead, SignalRepository } from './signals.repository.ts';
import { isIvoDiarienummer, isNotInFuture } from './signals.ivo.ts';
import { SIGNALS_PERIOD_CHECK, type SignalRow, type SignalType, signals as signalTable } from './signals.table.ts';
import { canSee, visibleTo, visibleVersions } from './signals.visibility.ts';
import { amendmentEndsEffect, type FlowAction, flowAction } from './signals.flow.ts';

// Only these may be hidden from other members; everything else decides others' status.
const restrictableTypes: readonly SignalType[] = ['deviation', 'financial_warning'];
// IVO decisions are recorded with IVO's case number (diarienummer).
const ivoTypes: readonly SignalType[] = ['ivo_injunction', 'permit_revoked'];

// Stops and terminations act on an agreement, so only its owner may issue them under it.
// They are also the decisions that say why (ground) and what led to them (relatedSignalIds).
const ownerOnlyTypes: readonly SignalType[] = ['call_off_stop', 'termination'];

type Mutable = Pick<
  SignalRow,
  'severity' | 'category' | 'summary' | 'details' | 'reference' | 'decisionDate' | 'visibility' | 'ground' | 'terminationKind' | 'relatedSignalIds'
> & {
  effectiveFrom: Date;
  effectiveUntil: Date | null;
};

export interface NewSignal {
  type: SignalType;
  supplierOrgNumber: string;
  unitId?: string | undefined;
  agreementId?: string | undefined;
  severity?: SignalRow['severity'] | undefined;
  category?: SignalRow['category'] | undefined;
  summary: string;
  details?: string | undefined;
  reference?: string | undefined;
  /** The IVO decision's date (YYYY-MM-DD), for ivo_injunction and permit_revoked. */
  decisionDate?: string | undefined;
  ground?: SignalRow['ground'] | undefined;
  terminationKind?: SignalRow['terminationKind'] | undefined;
  /** Makes a deviation a tip to this organisation. */
  recipientOrgId?: string | undefined;
  relatedSignalIds?: string[] | undefined;
  effectiveFrom?: string | undefined;
  effectiveUntil?: string | undefined;
  visibility?: SignalRow['visibility'] | undefined;
}

export interface SignalAmendment {
  reason: string;
  severity?: SignalRow['severity'] | undefined;
  category?: SignalRow['category'] | undefined;
  summary?: string | undefined;
  details?: string | null | undefined;
  reference?: string | null | undefined;
  decisionDate?: string | undefined;
  ground?: SignalRow['ground'] | undefined;
  terminationKind?: SignalRow['terminationKind'] | undefined;
  relatedSignalIds?: string[] | undefined;
  effectiveFrom?: string | undefined;
  effectiveUntil?: string | null | undefined;
  visibility?: SignalRow['visibility'] | undefined;
}

export function createSignalService(deps: {
  db: Db;
  signals: SignalRepository;
  suppliers: SupplierRepository;
  agreements: AgreementRepository;
  organisations: Pick<OrganisationRepository, 'findById'>;
  /** The suppliers' replies, shown with every signal read. */
  replies: Pick<ReplyRepository, 'inForce' | 'allTo'>;
  events: EventRepository;
  audit: Pick<AuditService, 'record' | 'logRead'>;
  /** The flap limit per organisation and supplier: counts what blocks, limits what unblocks (signals.flow.ts). */
  flow: Pick<FlowLimiter, 'hit' | 'count'>;
  /** Runs a new signal's transaction, possibly together with others (src/db/group-commit.ts). */
  commitNew?: <T>(fn: (tx: Tx) => Promise<T>) => Promise<T>;
  newId: () => string;
}) {
  const { db, signals, suppliers, agreements, organisations, replies, events, audit, flow, newId } = deps;
  const commitNew = deps.commitNew ?? ((fn) => db.transaction(fn));

  // issuer_and_auditors signals are restricted data: every read of one is logged.
  const logRestrictedReads = (principal: Principal, rows: Array<{ id: string; visibility: string }>) =>
    audit.logRead(principal, 'signal.read_restricted', 'signal', rows.filter((r) => r.visibility === 'issuer_and_auditors').map((r) => r.id), newId);

  const checkShape = (
    type: SignalType,
    fields: Pick<Mutable, 'severity' | 'category' | 'visibility' | 'reference' | 'ground' | 'terminationKind' | 'relatedSignalIds'>,
  ) => {
    if (type === 'deviation' && (!fields.severity || !fields.category)) {
      throw invalidSignal('A deviation (avvikelse) needs a severity and a category.');
    }
    if (type !== 'deviation' && fields.category) throw invalidSignal('Only a deviation has a category; a call-off stop or termination says why with ground.');
    if (fields.ground && !ownerOnlyTypes.includes(type)) throw invalidSignal('Only a call-off stop or a termination has a ground.');
    if (fields.terminationKind && type !== 'termination') throw invalidSignal('Only a termination has a terminationKind.');
    if (fields.relatedSignalIds.length > 0 && !ownerOnlyTypes.includes(type)) {
      throw invalidSignal('Only a call-off stop or a termination names the signals that led to it (relatedSignalIds).');
    }
    // A signal that can block or caution others must reach them: a hidden stop would let a
    // status read answer clear after the stop was acknowledged (design.md invariant 2).
    if (fields.visibility === 'issuer_and_auditors' && !restrictableTypes.includes(type)) {
      throw invalidSignal(`A ${type} is seen by every member; only deviations and financial warnings may be issuer_and_auditors.`);
    }
  };

  /**
   * An IVO decision is traceable: its reference is IVO's diarienummer and it has a decision
   * date, not in the future. `sent` holds what the request gives (undefined: left out);
   * a new signal must give both. An amendment is checked on what it sends, so a signal
   * recorded before these rules (free-text reference, no decision date) can still be
   * amended, e.g. its period closed after a court overturned the decision.
   */
  const checkIvoDecision = (type: SignalType, sent: { reference?: string | null | undefined; decisionDate?: string | undefined }, isNew: boolean) => {
    if (!ivoTypes.includes(type)) {
      if (sent.decisionDate !== undefined) throw invalidDecisionDate('is only for IVO decisions (ivo_injunction, permit_revoked)');
      return;
    }
    if ((isNew || sent.reference !== undefined) && !(sent.reference && isIvoDiarienummer(sent.reference))) throw invalidReference(type);
    if (isNew && sent.decisionDate === undefined) throw invalidDecisionDate(`is required for a ${type}: the date of IVO’s decision (beslutsdatum)`);
    if (sent.decisionDate !== undefined && !isNotInFuture(sent.decisionDate, new Date())) {
      throw invalidDecisionDate('is in the future: an IVO decision is recorded once it is made (its effect may start later: effectiveFrom)');
    }
  };

  // A version whose period lies ahead is announced by the sweep when it begins (signals.expiry.ts).
  const startsLater = (effectiveFrom: Date) => sql`${effectiveFrom.toISOString()}::timestamptz > now()` as unknown as boolean;

  const applyFlowLimit = async (principal: Principal, supplierOrgNumber: string, action: FlowAction) => {
    if (action === 'limit') await flow.hit(principal.org.id, supplierOrgNumber);
    else if (action === 'count') await flow.count(principal.org.id, supplierOrgNumber);
  };

  /**
   * A tip is a deviation addressed to one member organisation, restricted to its issuer,
   * that recipient and auditors. Auditors read everything already and the operator reads
   * no restricted signal, so neither can be a recipient.
   */
  const checkRecipient = async (principal: Principal, type: SignalType, recipientOrgId: string, visibility: string | undefined) => {
    if (type !== 'deviation') throw invalidSignal('Only a deviation can be addressed to a recipient as a tip.');
    if (visibility === 'members') throw invalidSignal('A tip is read by its issuer, its recipient and auditors only: leave visibility out or send issuer_and_auditors.');
    if (recipientOrgId === principal.org.id) throw invalidRecipient('is your own organisation');
    const recipient = await organisations.findById(recipientOrgId);
    if (!recipient) throw invalidRecipient('is not an organisation in this registry');
    if (recipient.kind === 'auditor' || recipient.kind === 'operator') throw invalidRecipient(`is ${recipient.kind === 'auditor' ? 'an auditor, which reads every signal anyway' : 'the operator, which reads no restricted signal'}`);
    if (recipient.kind === 'supplier') throw invalidRecipient('is a supplier organisation, which reads no restricted signal');
  };

  /** The signals a stop or termination names must exist and be readable by its issuer: a name proves a signal exists. */
  const checkRelated = async (principal: Principal, ids: readonly string[]) => {
    const visible = await signals.visibleIds(ids, visibleTo(principal));
    const missing = ids.filter((id) => !visible.has(id));
    if (missing.length > 0) throw unknownRelatedSignal(missing);
  };

  /**
   * Each reader sees of `relatedSignalIds` (on signals and their versions) only the
   * signals it may read; one query for all the rows. (`present` adds the replies to signals.)
   */
  const showRelated = async <R extends { relatedSignalIds: string[] }>(principal: Principal, rows: R[]): Promise<R[]> => {
    const named = rows.flatMap((r) => r.relatedSignalIds);
    if (named.length === 0) return rows;
    const visible = await signals.visibleIds(named, visibleTo(principal));
    return rows.map((r) => (r.relatedSignalIds.length ? { ...r, relatedSignalIds: r.relatedSignalIds.filter((id) => visible.has(id)) } : r));
  };
  /** Signals as a reader sees them: the related signals it may read, and the supplier's reply in force. */
  const present = async (principal: Principal, rows: SignalRead[]): Promise<SignalRead[]> => {
    const [shown, inForce] = await Promise.all([showRelated(principal, rows), replies.inForce(rows.filter((r) => r.reply === undefined).map((r) => r.id))]);
    return shown.map((r) => (r.reply === undefined ? { ...r, reply: inForce.get(r.id) ?? null } : r));
  };
  const presentOne = async (principal: Principal, row: SignalRead): Promise<SignalRead> => (await present(principal, [row]))[0]!;

  const checkPeriod = (from: Date, until: Date | null) => {
    if (until && until <= from) throw invalidPeriod();
  };

  // The signal's version as a row, for audit.record to write with its entry.
  const appendVersion = (signal: SignalRead, change: 'created' | 'amended' | 'lifted' | 'retracted', principal: Principal, reason: string | null) =>
    signals.appendVersion({
      signalId: signal.id,
      version: signal.version,
      change,
      reason,
      status: signal.status,
      visibility: signal.visibility,
      severity: signal.severity,
      category: signal.category,
      summary: signal.summary,
      details: signal.details,
      reference: signal.reference,
      decisionDate: signal.decisionDate,
      ground: signal.ground,
      terminationKind: signal.terminationKind,
      recipientOrgId: signal.recipientOrgId,
      relatedSignalIds: signal.relatedSignalIds,
      unitId: signal.unitId,
      agreementId: signal.agreementId,
      effectiveFrom: signal.effectiveFrom,
      effectiveUntil: signal.effectiveUntil,
      actorSub: principal.sub,
      actorOrgId: principal.org.id,
      createdAt: signal.updatedAt,
    });

  /**
   * Loads the caller's own signal under a row lock, applies `change` and appends the
   * new version, all in one transaction. Another organisation's signal is a 404.
   * `expected` (If-Match) is checked under the lock: of two changes based on one version,
   * the second finds the version moved on and answers 412 with nothing written.
   */
  const changeOwn = (
    principal: Principal,
    id: string,
    kind: 'amended' | 'lifted' | 'retracted',
    reason: string,
    change: (current: SignalRead) => Partial<typeof signalTable.$inferInsert>,
    audited: unknown,
    expected: Precondition | undefined,
  ) =>
    db.transaction(async (tx) => {
      const current = await signals.lockById(tx, id);
      if (!current || current.issuerOrgId !== principal.org.id) throw signalNotFound(id);
      // A retracted signal answers 409 whatever If-Match says: it cannot change at all (RFC 9110
      // §13.2.1 lets a server answer what it would without the condition).
      if (current.status === 'retracted') throw alreadyRetracted();
      checkVersion(expected, current.version, versionMismatch);
      const changes = change(current);
      await applyFlowLimit(principal, current.supplierOrgNumber, flowAction(current.type, kind, kind === 'amended' && amendmentEndsEffect(current, changes, Date.now())));
      const changed = await signals.update(tx, id, { ...changes, version: current.version + 1, updatedAt: sql`now()` as unknown as Date });
      const updated: SignalRead = { ...changed, reply: (await replies.inForce([id], tx)).get(id) ?? null };
      // The version, the outbox row (it commits with the change or not at all, design.md
      // invariant 1) and the audit entry, in two round trips (audit.repository.ts, headAfter).
      const event = await events.signalEventInsert(tx, updated, `signal.${kind}`, newId);
      await audit.record(tx, principal, { action: `signal.${kind}`, targetType: 'signal', targetId: id, change: { reason, ...(audited as object) } }, [
        appendVersion(updated, kind, principal, reason),
        event.insert,
      ]);
      return updated;
    }).then((updated) => presentOne(principal, updated));

  return {
    create: async (principal: Principal, input: NewSignal): Promise<SignalRead> => {
      const visibility = input.recipientOrgId ? 'issuer_and_auditors' : (input.visibility ?? 'members');
      checkShape(input.type, {
        severity: input.severity ?? null,
        category: input.category ?? null,
        visibility,
        reference: input.reference ?? null,
        ground: input.ground ?? null,
        terminationKind: input.terminationKind ?? null,
        relatedSignalIds: input.relatedSignalIds ?? [],
      });
      checkIvoDecision(input.type, { reference: input.reference, decisionDate: input.decisionDate }, true);
      if (input.recipientOrgId) await checkRecipient(principal, input.type, input.recipientOrgId, input.visibility);
      if (input.relatedSignalIds?.length) await checkRelated(principal, input.relatedSignalIds);
      // An unregistered supplier inserts nothing (signals.repository.ts, insert), so the look-up
      // costs no round trip of its own; a unit or an agreement is checked against the supplier,
      // which must therefore be known first for the answer to name what is wrong.
      if ((input.unitId || input.agreementId) && !(await suppliers.findByOrgNumber(input.supplierOrgNumber))) throw unknownSupplier();
      if (input.unitId) {
        const unit = await suppliers.findUnit(input.unitId);
        if (unit?.supplierOrgNumber !== input.supplierOrgNumber) throw unknownUnit();
      }
      if (ownerOnlyTypes.includes(input.type) && principal.org.kind === 'purchasing_centre' && !input.agreementId) throw agreementRequired();
      if (input.agreementId) {
        const agreement = await agreements.findById(input.agreementId);
        if (!agreement) throw unknownAgreement();
        if (ownerOnlyTypes.includes(input.type) && agreement.ownerOrgId !== principal.org.id) throw notAgreementOwner();
        if (!(await agreements.isParty(agreement.id, input.supplierOrgNumber))) throw supplierNotParty();
      }
      if (input.effectiveFrom && input.effectiveUntil) checkPeriod(new Date(input.effectiveFrom), new Date(input.effectiveUntil));

      const written = await commitNew(async (tx) => {
        // effectiveFrom left out is the database's now() (signals.repository.ts, NewSignalRow).
        const signal = await signals.insert(tx, {
          id: newId(),
          type: input.type,
          supplierOrgNumber: input.supplierOrgNumber,
          unitId: input.unitId ?? null,
          agreementId: input.agreementId ?? null,
          issuerOrgId: principal.org.id,
          visibility,
          severity: input.severity ?? null,
          category: input.category ?? null,
          summary: input.summary,
          details: input.details ?? null,
          reference: input.reference ?? null,
          decisionDate: input.decisionDate ?? null,
          ground: input.ground ?? null,
          terminationKind: input.terminationKind ?? null,
          recipientOrgId: input.recipientOrgId ?? null,
          relatedSignalIds: [...new Set(input.relatedSignalIds ?? [])],
          effectiveFrom: input.effectiveFrom ? new Date(input.effectiveFrom) : null,
          effectiveUntil: input.effectiveUntil ? new Date(input.effectiveUntil) : null,
          createdBy: principal.sub,
        }).catch((error: unknown) => {
          // With effectiveFrom defaulting to the database's now(), only the table's
          // CHECK sees a past effectiveUntil, and it fails the insert itself: answer
          // 422 like any other bad period, not 500 (design.md invariant 5).
          if (violates(error, SIGNALS_PERIOD_CHECK)) throw invalidPeriod();
          throw error;
        });
        // Nothing written, and nothing for the batch to undo.
        if (!signal) return undefined;
        // A signal just made has no reply.
        const created: SignalRead = { ...signal, reply: null };
        // Its first version and its event go in one statement with the audit chain's head.
        const event = await events.signalEventInsert(tx, created, 'signal.created', newId);
        await audit.record(tx, principal, { action: 'signal.created', targetType: 'signal', targetId: signal.id, change: input }, [
          appendVersion(signal, 'created', principal, null),
          event.insert,
        ]);
        return created;
      });
      if (!written) throw unknownSupplier();
      // Creating never unblocks, so the flap limit only counts it (never refuses): counted once written.
      await applyFlowLimit(principal, input.supplierOrgNumber, flowAction(input.type, 'created'));
      return presentOne(principal, written);
    },

    get: async (principal: Principal, id: string): Promise<SignalRead> => {
      const signal = await signals.findById(id);
      if (!signal || !canSee(principal, signal)) throw signalNotFound(id);
      await logRestrictedReads(principal, [signal]);
      return presentOne(principal, signal);
    },

    /** Auditors and the issuer see every version; others see the versions that were public. */
    versions: async (principal: Principal, id: string) => {
      const signal = await signals.findById(id);
      if (!signal || !canSee(principal, signal)) throw signalNotFound(id);
      const all = await signals.versions(id);
      await logRestrictedReads(principal, [signal]);
      return showRelated(principal, visibleVersions(principal, signal, all));
    },

    /**
     * Every signal about the supplier with its versions, by the same visibility rule as
     * GET /v1/signals/{id} and its versions: auditors all, retracted ones included; the
     * operator (the other caller of the history) no restricted or retracted content.
     */
    history: async (principal: Principal, orgNumber: string) => {
      const seen = (await signals.historyOf(orgNumber)).filter((h) => canSee(principal, h.signal));
      const [shownSignals, replyVersions] = await Promise.all([present(principal, seen.map((h) => h.signal)), replies.allTo(seen.map((h) => h.signal.id))]);
      const history = await Promise.all(
        seen.map(async (h, i) => ({
          signal: shownSignals[i]!,
          versions: await showRelated(principal, visibleVersions(principal, h.signal, h.versions)),
          replies: replyVersions.get(h.signal.id) ?? [],
        })),
      );
      await audit.logRead(principal, 'supplier.history_read', 'supplier', [orgNumber], newId);
      return history;
    },

    list: async (principal: Principal, filter: Omit<SignalFilter, 'beforeId'> & { cursor?: string | undefined; limit: number }) => {
      const beforeId = filter.cursor ? decodeCursor(filter.cursor, UUID_PATTERN) : undefined;
      const rows = await signals.list({ ...filter, beforeId }, visibleTo(principal), filter.limit + 1);
      const page = pageOf(rows, filter.limit, (s) => s.id);
      await logRestrictedReads(principal, page.items);
      return { ...page, items: await present(principal, page.items) };
    },

    /** The list's counts per month, type, category and ground, over the signals the caller may read (retracted ones left out). */
    counts: async (principal: Principal, filter: Omit<SignalFilter, 'beforeId'>) => {
      const items = await signals.counts(filter, visibleTo(principal));
      return { items, total: items.reduce((sum, row) => sum + row.count, 0) };
    },

    amend: async (principal: Principal, id: string, input: SignalAmendment, expected?: Precondition) => {
      if (input.relatedSignalIds?.includes(id)) throw invalidSignal('A signal cannot name itself in relatedSignalIds.');
      if (input.relatedSignalIds?.length) await checkRelated(principal, input.relatedSignalIds);
      return changeOwn(principal, id, 'amended', input.reason, (current) => {
        const next: Mutable = {
          severity: input.severity ?? current.severity,
          category: input.category ?? current.category,
          summary: input.summary ?? current.summary,
          details: input.details === undefined ? current.details : input.details,
          reference: input.reference === undefined ? current.reference : input.reference,
          decisionDate: input.decisionDate ?? current.decisionDate,
          ground: input.ground ?? current.ground,
          terminationKind: input.terminationKind ?? current.terminationKind,
          relatedSignalIds: input.relatedSignalIds ? [...new Set(input.relatedSignalIds)] : current.relatedSignalIds,
          visibility: input.visibility ?? current.visibility,
          effectiveFrom: input.effectiveFrom ? new Date(input.effectiveFrom) : current.effectiveFrom,
          effectiveUntil:
            input.effectiveUntil === undefined ? current.effectiveUntil : input.effectiveUntil === null ? null : new Date(input.effectiveUntil),
        };
        checkShape(current.type, next);
        // A tip stays addressed to its recipient, and so restricted.
        if (current.recipientOrgId && next.visibility !== 'issuer_and_auditors') {
          throw invalidSignal('A tip is read by its issuer, its recipient and auditors only; its visibility cannot change.');
        }
        checkIvoDecision(current.type, { reference: input.reference, decisionDate: input.decisionDate }, false);
        checkPeriod(next.effectiveFrom, next.effectiveUntil);
        // Scheduled again (or still) when the new version's period lies ahead.
        const startPending = startsLater(next.effectiveFrom);
        // `signal.expired` is said once per ended period: when this version's period was
        // already announced as ended and the amendment keeps its end, the new version is
        // announced too. A changed end (reopened, or ended otherwise) may be announced anew.
        const keepsEnd = next.effectiveUntil !== null && current.effectiveUntil !== null && next.effectiveUntil.getTime() === current.effectiveUntil.getTime();
        if (!keepsEnd) return { ...next, startPending };
        const carriedExpiry = sql`CASE WHEN ${signalTable.expiredVersion} = ${signalTable.version} THEN ${signalTable.version} + 1 ELSE ${signalTable.expiredVersion} END`;
        return { ...next, startPending, expiredVersion: carriedExpiry as unknown as number };
      }, input, expected);
    },

    /** Lifts a call-off stop (hävt avropsstopp): placements may resume. */
    lift: (principal: Principal, id: string, reason: string, expected?: Precondition) =>
      changeOwn(principal, id, 'lifted', reason, (current) => {
        if (current.type !== 'call_off_stop') throw notLiftable();
        if (current.status !== 'active') throw notActive(current.status);
        return { status: 'lifted' };
      }, {}, expected),

    retract: (principal: Principal, id: string, reason: string, expected?: Precondition) =>
      changeOwn(principal, id, 'retracted', reason, () => ({ status: 'retracted' }), {}, expected),
  };
}

export type SignalService = ReturnType<typeof createSignalService>;
