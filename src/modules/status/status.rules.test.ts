import { describe, expect, it } from 'vitest';
import type { Organisation } from '../organisations/organisations.table.ts';
import { signalTypes } from '../signals/signals.table.ts';
import { blockingSignalTypes, decide, effectOf, worst } from './status.rules.ts';
import { liveSignal, org, ruleCast } from '../../../test/helpers/rules.ts';

// The status rule (README, "Supplier status") as function results. The signal type is
// taken from decide's own parameter, so the test follows wherever the live read is stored.
type Live = Parameters<typeof decide>[0][number];
type SignalType = (typeof signalTypes)[number];

// The standard cast: a purchasing centre, a federation with two members, a municipality outside it, an auditor.
const { adda, kfv, sundsvall, timra, umea, revisor } = ruleCast;
const everyone = [adda, kfv, sundsvall, timra, umea, revisor];

let sequence = 0;
const signal = (type: SignalType, issuer: Organisation, more: Partial<Live> = {}): Live => {
  sequence += 1;
  return liveSignal(type, issuer, { id: `s${sequence}`, supplierOrgNumber: '5560160680', effectiveFrom: new Date('2026-01-01T00:00:00Z'), ...more });
};
const effect = (type: SignalType, issuer: Organisation, caller: Organisation) => effectOf(signal(type, issuer), caller);

describe('effectOf: what one live signal means for the caller', () => {
  it('makes a revoked permit block everyone, whoever recorded it', () => {
    for (const issuer of [adda, kfv, sundsvall, umea]) {
      for (const caller of everyone) expect(effect('permit_revoked', issuer, caller), `${issuer.id} → ${caller.id}`).toBe('blocked');
    }
  });

  it.each(['call_off_stop', 'termination'] as const)('makes a purchasing centre’s %s block every organisation', (type) => {
    for (const caller of everyone) expect(effect(type, adda, caller), caller.id).toBe('blocked');
  });

  it.each(['call_off_stop', 'termination'] as const)('makes a %s block its issuer and the members of an issuing federation', (type) => {
    expect(effect(type, sundsvall, sundsvall)).toBe('blocked');
    expect(effect(type, umea, umea)).toBe('blocked');
    expect(effect(type, kfv, kfv)).toBe('blocked');
    expect(effect(type, kfv, sundsvall)).toBe('blocked');
    expect(effect(type, kfv, timra)).toBe('blocked');
  });

  it.each(['call_off_stop', 'termination'] as const)('makes another organisation’s own %s a caution', (type) => {
    // A fellow member's, an outsider's, and a federation's for a municipality outside it.
    expect(effect(type, timra, sundsvall)).toBe('caution');
    expect(effect(type, umea, sundsvall)).toBe('caution');
    expect(effect(type, kfv, umea)).toBe('caution');
    // A member's own pause does not bind its federation, nor an auditor.
    expect(effect(type, sundsvall, kfv)).toBe('caution');
    expect(effect(type, sundsvall, revisor)).toBe('caution');
  });

  it.each(['ivo_injunction', 'deviation', 'financial_warning'] as const)('makes a %s a caution for everyone, even from a purchasing centre or the caller itself', (type) => {
    for (const issuer of [adda, kfv, sundsvall]) {
      for (const caller of everyone) expect(effect(type, issuer, caller), `${issuer.id} → ${caller.id}`).toBe('caution');
    }
  });

  it('reads the issuer’s kind, not its id: a purchasing centre by another name still binds everyone', () => {
    const other = org('sklkommentus', 'purchasing_centre');
    expect(effect('call_off_stop', other, umea)).toBe('blocked');
    expect(effectOf({ type: 'call_off_stop', issuerKind: 'municipality', issuerOrgId: 'adda' }, umea)).toBe('caution');
  });

  it('gives every signal type an effect: none is ever clear', () => {
    for (const type of signalTypes) {
      for (const issuer of [adda, kfv, sundsvall]) for (const caller of everyone) expect(effect(type, issuer, caller)).not.toBe('clear');
    }
  });

  it('lists exactly the types that can block someone as blockingSignalTypes', () => {
    const canBlock = signalTypes.filter((type) => everyone.some((issuer) => everyone.some((caller) => effect(type, issuer, caller) === 'blocked')));
    expect([...blockingSignalTypes].sort()).toEqual([...canBlock].sort());
  });
});

describe('worst', () => {
  it('orders blocked over caution over clear, either way round', () => {
    expect(worst('clear', 'caution')).toBe('caution');
    expect(worst('caution', 'clear')).toBe('caution');
    expect(worst('caution', 'blocked')).toBe('blocked');
    expect(worst('blocked', 'caution')).toBe('blocked');
    expect(worst('clear', 'blocked')).toBe('blocked');
    expect(worst('clear', 'clear')).toBe('clear');
  });
});

describe('decide: the supplier’s status from its live signals', () => {
  it('answers clear with no reasons and no units when nothing is live', () => {
    expect(decide([], sundsvall)).toEqual({ status: 'clear', reasons: [], units: [] });
  });

  it('takes the worst supplier-wide effect, and lists every deciding signal in the order given (newest first)', () => {
    const live = [signal('deviation', umea), signal('call_off_stop', adda), signal('financial_warning', kfv)];
    const answer = decide(live, sundsvall);
    expect(answer.status).toBe('blocked');
    expect(answer.reasons.map((r) => [r.signalId, r.effect])).toEqual([
      [live[0]!.id, 'caution'],
      [live[1]!.id, 'blocked'],
      [live[2]!.id, 'caution'],
    ]);
    expect(answer.units).toEqual([]);
  });

  it('answers per caller: the same signals block one organisation and caution another', () => {
    const live = [signal('call_off_stop', sundsvall)];
    expect(decide(live, sundsvall).status).toBe('blocked');
    expect(decide(live, timra).status).toBe('caution');
    expect(decide(live, timra).reasons[0]!.effect).toBe('caution');
  });

  it('lets a signal naming a unit decide that unit; on the supplier it is at most a caution', () => {
    const live = [signal('permit_revoked', umea, { unitId: 'unit-a' }), signal('deviation', umea, { unitId: 'unit-b' })];
    const answer = decide(live, sundsvall);
    expect(answer.status).toBe('caution');
    expect(answer.units).toEqual([
      { unitId: 'unit-a', status: 'blocked' },
      { unitId: 'unit-b', status: 'caution' },
    ]);
    expect(answer.reasons.map((r) => [r.unitId, r.effect])).toEqual([
      ['unit-a', 'blocked'],
      ['unit-b', 'caution'],
    ]);
  });

  it('gives every unit at least the supplier-wide status, and the worst of its own signals', () => {
    const live = [signal('deviation', umea, { unitId: 'unit-a' }), signal('call_off_stop', adda, { unitId: 'unit-a' }), signal('financial_warning', umea)];
    const answer = decide(live, sundsvall);
    expect(answer.status).toBe('caution');
    expect(answer.units).toEqual([{ unitId: 'unit-a', status: 'blocked' }]);
    const wide = decide([signal('deviation', umea, { unitId: 'unit-a' }), signal('termination', adda)], sundsvall);
    expect(wide).toMatchObject({ status: 'blocked', units: [{ unitId: 'unit-a', status: 'blocked' }] });
  });

  it('lets a stop under an agreement bind as its issuer’s stop does, and names the agreement in the reason', () => {
    const agreementId = '0190a0a0-0000-7000-8000-000000000001';
    const centre = signal('call_off_stop', adda, { agreementId });
    for (const caller of [sundsvall, umea, kfv]) expect(decide([centre], caller).status, caller.id).toBe('blocked');
    expect(decide([centre], umea).reasons[0]!.agreementId).toBe(agreementId);
    // An agreement named by a municipality's own stop binds no one else.
    expect(decide([signal('call_off_stop', umea, { agreementId })], sundsvall).status).toBe('caution');
  });

  it('copies the signal’s facts into its reason, with null for what the read did not carry', () => {
    const s = signal('ivo_injunction', adda, { version: 3, reference: '3.5.1-12345/2023', decisionDate: '2026-02-01', effectiveUntil: new Date('2027-01-01T00:00:00Z') });
    expect(decide([s], sundsvall).reasons).toEqual([
      {
        signalId: s.id,
        signalVersion: 3,
        type: 'ivo_injunction',
        effect: 'caution',
        issuerOrgId: 'adda',
        unitId: null,
        agreementId: null,
        severity: null,
        summary: s.summary,
        reference: '3.5.1-12345/2023',
        decisionDate: '2026-02-01',
        effectiveFrom: s.effectiveFrom,
        effectiveUntil: s.effectiveUntil,
        linkedThrough: null,
        reply: null,
      },
    ]);
    const bare = decide([signal('financial_warning', adda)], sundsvall).reasons[0]!;
    expect(bare).toMatchObject({ reference: null, decisionDate: null, reply: null });
  });
});
