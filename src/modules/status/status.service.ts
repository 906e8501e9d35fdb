import { decodeCursor, pageOf } from '../../lib/cursor.ts';
import { UUID_PATTERN } from '../../lib/ids.ts';
import { orgNumberSchema } from '../../lib/schemas.ts';
import type { PendingCaller, Principal } from '../../plugins/auth.ts';
import type { AgreementCategory } from '../agreements/agreements.table.ts';
import type { AuditService } from '../audit/audit.service.ts';
import type { Organisation } from '../organisations/organisations.table.ts';
import { supplierNotFound, unitNotFound } from '../suppliers/suppliers.errors.ts';
import type { LinkedSignal, LiveSignal, StatusRepository } from './status.repository.ts';
import { decide, type Reason, type SupplierStatus } from './status.rules.ts';
import type { FlaggedCandidate, FlaggedRepository } from './status.flagged.repository.ts';

/** The linked suppliers' signals that became reasons. */
export const shown = (linked: LinkedSignal[], reasons: Reason[]) => {
  const ids = new Set(reasons.flatMap((r) => (r.linkedThrough ? [r.signalId] : [])));
  return linked.filter((s) => ids.has(s.id));
};

/** One question of a batch: an organisation number as sent, or one with a unit. */
export type BatchQuestion = string | { orgNumber: string; unitId?: string | undefined };

export type Asked =
  | { ok: true; key: string; orgNumber: string; unitId: string | null }
  | { ok: false; key: string; orgNumber: string; unitId: string | null; problem: { code: string; detail: string } };

/** A batch item checked on its own, so that one mistyped number does not fail the other 999. */
function parseQuestion(question: BatchQuestion): Asked {
  const raw = typeof question === 'string' ? { orgNumber: question, unitId: undefined } : question;
  const unitId = raw.unitId?.toLowerCase() ?? null;
  const invalid = (orgNumber: string, code: string, detail: string): Asked => ({
    ok: false,
    key: `invalid:${JSON.stringify(question)}`,
    orgNumber,
    unitId: raw.unitId ?? null,
    problem: { code, detail },
  });
  // The same rule as every other organisation number in the API.
  const number = orgNumberSchema.safeParse(raw.orgNumber);
  if (!number.success) return invalid(raw.orgNumber, 'input.invalid_org_number', number.error.issues[0]?.message ?? 'invalid organisation number');
  if (unitId !== null && !UUID_PATTERN.test(unitId)) return invalid(number.data, 'input.invalid_unit_id', 'unitId must be a unit id (a UUID).');
  return { ok: true, key: `${number.data}|${unitId ?? ''}`, orgNumber: number.data, unitId };
}

/** The distinct questions of a batch, each parsed on its own, in the order sent. */
export const distinctQuestions = (questions: BatchQuestion[]): Asked[] => [...new Map(questions.map(parseQuestion).map((q) => [q.key, q])).values()];

/** The valid questions' supplier numbers and unit ids, each once. */
export const askedFor = (asked: Asked[]) => {
  const valid = asked.filter((q) => q.ok);
  return {
    numbers: [...new Set(valid.map((q) => q.orgNumber))],
    unitIds: [...new Set(valid.flatMap((q) => (q.unitId === null ? [] : [q.unitId])))],
  };
};

/**
 * Each batch question answered on its own from what was read: `known` the registered
 * suppliers, `owners` each unit's supplier, `signals` the deciding signals and `linked`
 * the linked suppliers' signals that can block, for `caller`.
 */
export function answerQuestions(
  asked: Asked[],
  read: { known: Set<string>; owners: Map<string, string>; signals: LiveSignal[]; linked?: LinkedSignal[] },
  caller: Organisation,
) {
  const bySupplier = Map.groupBy(read.signals, (s) => s.supplierOrgNumber);
  const linkedTo = Map.groupBy(read.linked ?? [], (s) => s.askedOrgNumber);
  const none = { reasons: [], units: [] };
  return asked.map((q) => {
    if (!q.ok) return { orgNumber: q.orgNumber, unitId: q.unitId, registered: false, status: 'invalid' as const, ...none, problem: q.problem };
    if (!read.known.has(q.orgNumber)) return { orgNumber: q.orgNumber, unitId: q.unitId, registered: false, status: 'unknown' as const, ...none };
    if (q.unitId !== null && read.owners.get(q.unitId) !== q.orgNumber) {
      const problem = { code: 'suppliers.unit_not_found', detail: unitNotFound(q.unitId).message };
      return { orgNumber: q.orgNumber, unitId: q.unitId, registered: true, status: 'invalid' as const, ...none, problem };
    }
    return { orgNumber: q.orgNumber, unitId: q.unitId, registered: true, ...decide(bySupplier.get(q.orgNumber) ?? [], caller, q.unitId, linkedTo.get(q.orgNumber) ?? []) };
  });
}

/**
 * A status answer shows restricted data in two ways: an issuer_and_auditors signal
 * among the reasons (to its issuer or an auditor), and a sole trader's number
 * (a personnummer). Both reads are logged, as everywhere else; ordinary reads are not.
 * A linked supplier's signal is shown only when it makes a reason, and so is its number.
 */
export const restrictedReadLog =
  (audit: Pick<AuditService, 'logRead' | 'logSoleTraderReads'>, newId: () => string) =>
  async (principal: Principal, signals: LiveSignal[], soleTraders: string[], shownLinked: LinkedSignal[] = []) => {
    const restricted = [...signals, ...shownLinked].filter((s) => s.visibility === 'issuer_and_auditors').map((s) => s.id);
    await Promise.all([
      audit.logRead(principal, 'signal.read_restricted', 'signal', [...new Set(restricted)], newId),
      audit.logSoleTraderReads(principal, [...soleTraders, ...shownLinked.filter((s) => s.linkedSoleTrader).map((s) => s.linkedOrgNumber)], newId),
    ]);
  };

/** Suppliers a round of the flagged list examines at most: a page and one more, twice over, so most pages take one round. */
const flaggedRound = (limit: number) => Math.min(1000, 2 * (limit + 1));

export interface FlaggedQuery {
  status?: 'blocked' | 'caution' | undefined;
  agreementCategory?: AgreementCategory | undefined;
  limit: number;
  cursor?: string | undefined;
}

export function createStatusService({
  status,
  flagged,
  audit,
  newId,
}: {
  status: StatusRepository;
  flagged: FlaggedRepository;
  audit: Pick<AuditService, 'logRead' | 'logSoleTraderReads'>;
  newId: () => string;
}) {
  const logRestricted = restrictedReadLog(audit, newId);

  return {
    /**
     * "May we place a child with this supplier today?", for the caller; with `unitId`,
     * "… in this unit (home)?". A unit of another supplier is refused. The caller's
     * organisation is read with the supplier, in one statement (auth.ts,
     * organisationInRoute): the caller is admitted — or refused, with nothing of what was
     * read used — before the answer is made.
     */
    forCaller: async (caller: PendingCaller, orgNumber: string, unitId: string | null = null) => {
      const [read, owners] = await Promise.all([
        status.supplierWithLiveSignalsFor(caller.token, orgNumber),
        unitId === null ? undefined : status.unitOwners([unitId]),
      ]);
      const principal = caller.admit(read.caller);
      const { found } = read;
      if (!found) throw supplierNotFound(orgNumber);
      if (unitId !== null && owners?.get(unitId) !== orgNumber) throw unitNotFound(unitId);
      // A supplier without an active link (most) is answered in one round trip; a linked one
      // takes a second for its linked suppliers' blocks, read after its own.
      const linked = found.hasLinks ? await status.linkedSignals(principal, [orgNumber]) : [];
      const answer = decide(found.live, principal.org, unitId, linked);
      await logRestricted(principal, found.live, found.soleTrader ? [orgNumber] : [], shown(linked, answer.reasons));
      return { orgNumber, unitId, ...answer, asOf: found.asOf };
    },

    /**
     * The same answer for up to 1,000 questions in two queries (three with units). Each
     * is answered on its own: an unregistered supplier reads `unknown`, a malformed
     * number or unit, or a unit of another supplier, reads `invalid` with the problem.
     */
    forSuppliers: async (principal: Principal, questions: BatchQuestion[]) => {
      const asked = distinctQuestions(questions);
      const { numbers, unitIds } = askedFor(asked);
      // The answer's asOf is the moment its signals were taken at (with no number to ask
      // about, the moment the registrations were read).
      const [registered, signals, linked, owners] = await Promise.all([
        status.registered(numbers),
        numbers.length === 0 ? undefined : status.liveSignals(principal, numbers),
        status.linkedSignals(principal, numbers),
        status.unitOwners(unitIds),
      ]);
      const { suppliers } = registered;
      const { asOf, live } = signals ?? { asOf: registered.asOf, live: [] };
      const results = answerQuestions(asked, { known: new Set(suppliers.map((r) => r.orgNumber)), owners, signals: live, linked }, principal.org);
      const shownLinked = shown(linked, results.flatMap((r) => r.reasons));
      await logRestricted(principal, live, suppliers.filter((r) => r.soleTrader).map((r) => r.orgNumber), shownLinked);
      return { results, asOf };
    },

    /**
     * "The suppliers that are blocked or caution for me": every registered supplier whose
     * status for the caller (as a whole, as GET /v1/suppliers/{orgNumber}/status answers
     * without a unit) is not clear (with `status`, is that one), in organisation-number order,
     * cursor-paged. The candidates come from one statement (status.flagged.repository.ts);
     * each is answered by the batch read's statements and `decide`, so a listed supplier's
     * answer is the single read's. A round whose candidates do not fill the page (say,
     * cautions when only blocks are asked for) reads the next candidates.
     */
    flagged: async (principal: Principal, query: FlaggedQuery) => {
      let after = query.cursor === undefined ? '' : decodeCursor(query.cursor, /^\d{10}$/);
      const round = flaggedRound(query.limit);
      const wanted = (s: SupplierStatus) => (query.status === undefined ? s !== 'clear' : s === query.status);
      const found: Array<FlaggedCandidate & ReturnType<typeof decide> & { live: LiveSignal[]; linked: LinkedSignal[] }> = [];
      let asOf: Date | undefined;
      for (;;) {
        const candidates = await flagged.candidates(principal, { after, blockedOnly: query.status === 'blocked', agreementCategory: query.agreementCategory, limit: round });
        if (candidates.length === 0) break;
        const numbers = candidates.map((c) => c.orgNumber);
        const [signals, linked] = await Promise.all([status.liveSignals(principal, numbers), status.linkedSignals(principal, numbers)]);
        asOf ??= signals.asOf;
        const bySupplier = Map.groupBy(signals.live, (s) => s.supplierOrgNumber);
        const linkedTo = Map.groupBy(linked, (s) => s.askedOrgNumber);
        for (const candidate of candidates) {
          const own = bySupplier.get(candidate.orgNumber) ?? [];
          const through = linkedTo.get(candidate.orgNumber) ?? [];
          const answer = decide(own, principal.org, null, through);
          if (wanted(answer.status)) found.push({ ...candidate, ...answer, live: own, linked: shown(through, answer.reasons) });
          if (found.length > query.limit) break;
        }
        if (found.length > query.limit || candidates.length < round) break;
        after = numbers.at(-1)!;
      }
      const page = pageOf(found, query.limit, (s) => s.orgNumber);
      await logRestricted(
        principal,
        page.items.flatMap((s) => s.live),
        page.items.filter((s) => s.soleTrader).map((s) => s.orgNumber),
        page.items.flatMap((s) => s.linked),
      );
      return {
        items: page.items.map(({ orgNumber, name, status: supplierStatus, reasons, units }) => ({ orgNumber, name, status: supplierStatus as 'blocked' | 'caution', reasons, units })),
        nextCursor: page.nextCursor,
        asOf: asOf ?? (await status.registered([])).asOf,
      };
    },
  };
}

export type StatusService = ReturnType<typeof createStatusService>;
