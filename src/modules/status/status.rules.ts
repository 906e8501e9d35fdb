import type { ReplyView } from '../replies/replies.schemas.ts';
import type { Organisation } from '../organisations/organisations.table.ts';
import { formatOrgNumber } from '../../lib/identity-numbers.ts';
import type { LinkKind } from '../links/links.table.ts';
import type { LinkedSignal, LiveSignal } from './status.repository.ts';

export type SupplierStatus = 'blocked' | 'caution' | 'clear';
const rank: Record<SupplierStatus, number> = { clear: 0, caution: 1, blocked: 2 };
export const worst = (a: SupplierStatus, b: SupplierStatus): SupplierStatus => (rank[a] >= rank[b] ? a : b);

/**
 * What one live signal means for the caller (design.md, supplier status):
 * a revoked permit blocks everyone; a call-off stop or termination blocks when it
 * comes from a purchasing centre, the caller's federation or the caller itself, and
 * is a caution when it is another organisation's own; injunctions, high/critical
 * deviations and financial warnings are cautions.
 */
export function effectOf(signal: Pick<LiveSignal, 'type' | 'issuerKind' | 'issuerOrgId'>, caller: Organisation): SupplierStatus {
  switch (signal.type) {
    case 'permit_revoked':
      return 'blocked';
    case 'call_off_stop':
    case 'termination': {
      const applies =
        signal.issuerKind === 'purchasing_centre' ||
        signal.issuerOrgId === caller.id ||
        (caller.federationId !== null && signal.issuerOrgId === caller.federationId);
      return applies ? 'blocked' : 'caution';
    }
    case 'ivo_injunction':
    case 'deviation':
    case 'financial_warning':
      return 'caution';
  }
}

/** What the linked supplier is to the asked one. */
export type LinkRelation = 'parent' | 'subsidiary' | 'sister' | 'predecessor';

/** How a linked supplier's signal reaches the asked supplier. */
export interface LinkedThrough {
  /** The active links it runs through: one, or two for a sister company (the asked supplier's link to the parent, then the parent's to the sister). */
  linkIds: string[];
  kind: LinkKind;
  relation: LinkRelation;
  /** The linked supplier the signal is about, NNNNNN-NNNN. */
  orgNumber: string;
}

export interface Reason {
  signalId: string;
  /** The signal's version whose facts these are (GET /v1/signals/{id}/versions). */
  signalVersion: number;
  type: LiveSignal['type'];
  effect: 'blocked' | 'caution';
  issuerOrgId: string;
  unitId: string | null;
  agreementId: string | null;
  severity: LiveSignal['severity'];
  summary: string;
  /** The case reference; for an IVO decision its diarienummer. */
  reference: string | null;
  /** For an IVO decision, the date IVO decided (YYYY-MM-DD). */
  decisionDate: string | null;
  effectiveFrom: Date;
  effectiveUntil: Date | null;
  /** Set when the signal is about a linked supplier, not the one asked about. */
  linkedThrough: LinkedThrough | null;
  /** The supplier's reply in force on the signal, if any. */
  reply: ReplyView | null;
}

const reasonOf = (signal: LiveSignal, effect: 'blocked' | 'caution', linkedThrough: LinkedThrough | null): Reason => ({
  signalId: signal.id,
  signalVersion: signal.version,
  type: signal.type,
  effect,
  issuerOrgId: signal.issuerOrgId,
  unitId: signal.unitId,
  agreementId: signal.agreementId,
  severity: signal.severity,
  summary: signal.summary,
  reference: signal.reference ?? null,
  decisionDate: signal.decisionDate ?? null,
  effectiveFrom: signal.effectiveFrom,
  effectiveUntil: signal.effectiveUntil,
  linkedThrough,
  reply: signal.reply ?? null,
});

/**
 * What linked suppliers' signals mean for the caller (README, "Linked suppliers"): a
 * supplier-wide signal that makes a linked supplier `blocked` for the caller makes the
 * asked one `caution` — never `blocked`, since a link is a member's claim. Anything
 * less (a caution there, a stop on one of its units) does not travel. A signal reached
 * through more than one link is a reason once, through the first (newest signal first).
 */
export function linkedReasons(linked: LinkedSignal[], caller: Organisation): Reason[] {
  const seen = new Set<string>();
  const reasons: Reason[] = [];
  for (const signal of linked) {
    if (signal.unitId !== null || seen.has(signal.id) || effectOf(signal, caller) !== 'blocked') continue;
    seen.add(signal.id);
    reasons.push(reasonOf(signal, 'caution', { linkIds: signal.linkIds, kind: signal.linkKind, relation: signal.linkRelation, orgNumber: formatOrgNumber(signal.linkedOrgNumber) }));
  }
  return reasons;
}

/**
 * The supplier's status from its live signals (newest first). A signal naming a
 * unit decides that unit's status; on the supplier it is a reason that makes it
 * at most `caution`, since the supplier's other units are not stopped.
 *
 * Asked for one unit (`unitId`, the home a child would go to), the answer is for
 * placing there: that unit's own signals count in full like the supplier-wide ones,
 * so it is `blocked` when the unit or the supplier as a whole is blocked for the
 * caller; another unit's signals still make it at most `caution`.
 */
export function decide(live: LiveSignal[], caller: Organisation, unitId: string | null = null, linked: LinkedSignal[] = []) {
  let status: SupplierStatus = 'clear';
  let supplierWide: SupplierStatus = 'clear';
  const reasons: Reason[] = [];
  const unitEffects = new Map<string, SupplierStatus>();
  for (const signal of live) {
    const effect = effectOf(signal, caller);
    if (effect === 'clear') continue;
    reasons.push(reasonOf(signal, effect, null));
    if (signal.unitId) {
      unitEffects.set(signal.unitId, worst(unitEffects.get(signal.unitId) ?? 'clear', effect));
      status = worst(status, signal.unitId === unitId ? effect : 'caution');
    } else {
      supplierWide = worst(supplierWide, effect);
      status = worst(status, effect);
    }
  }
  // A linked supplier's block counts as a supplier-wide caution, after the supplier's own reasons.
  for (const reason of linkedReasons(linked, caller)) {
    reasons.push(reason);
    supplierWide = worst(supplierWide, 'caution');
    status = worst(status, 'caution');
  }
  const units = [...unitEffects].map(([unitId, effect]) => ({ unitId, status: worst(effect, supplierWide) }));
  return { status, reasons, units };
}

/**
 * Signal types that can make a supplier `blocked` for someone (the cases of effectOf
 * that may answer 'blocked'). Every change to such a signal goes out in the priority lane.
 */
export const blockingSignalTypes: ReadonlySet<LiveSignal['type']> = new Set(['permit_revoked', 'call_off_stop', 'termination']);
