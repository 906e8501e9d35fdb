import { blockingSignalTypes } from '../status/status.rules.ts';
import type { SignalType } from './signals.table.ts';

/**
 * What the flap limit (SENSITIVE_FLOW_PER_HOUR, src/lib/flow-limiter.ts) does with one
 * change to a signal. It fails safe (design.md, "limits fail safe"): a change that blocks
 * is counted but never refused, since refusing a stop leaves a supplier `clear`; a change
 * that unblocks — a lift, a retraction, an amendment that ends or postpones a blocking
 * signal's effect — is counted and refused past the limit.
 */
export type FlowAction = 'none' | 'count' | 'limit';

export function flowAction(type: SignalType, change: 'created' | 'amended' | 'lifted' | 'retracted', endsEffect = false): FlowAction {
  if (change === 'lifted' || change === 'retracted') return 'limit';
  if (!blockingSignalTypes.has(type)) return 'none';
  return change === 'amended' && endsEffect ? 'limit' : 'count';
}

interface Period {
  status?: string;
  effectiveFrom: Date;
  effectiveUntil: Date | null;
}

const inEffect = (p: Period, nowMs: number) =>
  (p.status === undefined || p.status === 'active') && p.effectiveFrom.getTime() <= nowMs && (p.effectiveUntil === null || p.effectiveUntil.getTime() > nowMs);

/**
 * Whether an amendment takes a signal out of effect at `nowMs`: it was in effect, and its
 * amended period has ended already or begins later. `next` holds the amended fields.
 */
export function amendmentEndsEffect(current: Period, next: { effectiveFrom?: unknown; effectiveUntil?: unknown }, nowMs: number): boolean {
  const after: Period = {
    effectiveFrom: next.effectiveFrom instanceof Date ? next.effectiveFrom : current.effectiveFrom,
    effectiveUntil: 'effectiveUntil' in next ? (next.effectiveUntil instanceof Date ? next.effectiveUntil : null) : current.effectiveUntil,
  };
  return inEffect(current, nowMs) && !inEffect(after, nowMs);
}
