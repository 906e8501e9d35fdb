import { describe, expect, it } from 'vitest';
import { linkedSignal, ruleCast } from '../../../test/helpers/rules.ts';
import type { LinkedSignal } from './status.repository.ts';
import { decide, linkedReasons } from './status.rules.ts';

const { sundsvall, umea } = ruleCast;

const linked = (id: string, type: LinkedSignal['type'], issuerOrgId: string, issuerKind: LinkedSignal['issuerKind'], more: Partial<LinkedSignal> = {}) =>
  linkedSignal(type, { id: issuerOrgId, kind: issuerKind }, { id, summary: id, severity: null, ...more });

describe('linked suppliers in decide', () => {
  it('makes a block on a linked supplier a caution, never a block, naming the link and the signal', () => {
    const answer = decide([], sundsvall, null, [linked('revoked', 'permit_revoked', 'umea', 'municipality')]);
    expect(answer.status).toBe('caution');
    expect(answer.reasons).toEqual([
      expect.objectContaining({
        signalId: 'revoked',
        signalVersion: 1,
        effect: 'caution',
        linkedThrough: { linkIds: ['link-1', 'link-2'], kind: 'group', relation: 'sister', orgNumber: '556000-0002' },
      }),
    ]);
  });

  it('carries only what blocks this caller: another organisation’s own stop and cautions stay behind', () => {
    const federationStop = linked('kfv-stop', 'call_off_stop', 'kfv', 'federation');
    expect(decide([], sundsvall, null, [federationStop]).status).toBe('caution');
    expect(decide([], umea, null, [federationStop])).toMatchObject({ status: 'clear', reasons: [] });
    expect(decide([], sundsvall, null, [linked('injunction', 'ivo_injunction', 'adda', 'purchasing_centre')]).status).toBe('clear');
  });

  it('leaves a linked supplier’s unit stop with that unit, and names a signal reached twice once', () => {
    expect(decide([], sundsvall, null, [linked('unit', 'call_off_stop', 'adda', 'purchasing_centre', { unitId: 'u1' })]).status).toBe('clear');
    const twice = [linked('stop', 'call_off_stop', 'adda', 'purchasing_centre'), linked('stop', 'call_off_stop', 'adda', 'purchasing_centre', { linkRelation: 'parent', linkIds: ['link-3'] })];
    expect(linkedReasons(twice, sundsvall)).toHaveLength(1);
  });

  it('does not lower the supplier’s own block, and counts as supplier-wide for its units', () => {
    const own = { ...linked('own', 'call_off_stop', 'adda', 'purchasing_centre'), supplierOrgNumber: '5560000001' };
    const ownUnit = { ...linked('own-unit', 'ivo_injunction', 'adda', 'purchasing_centre', { unitId: 'u1' }), supplierOrgNumber: '5560000001' };
    expect(decide([own], sundsvall, null, [linked('l', 'termination', 'adda', 'purchasing_centre')]).status).toBe('blocked');
    const withUnit = decide([ownUnit], sundsvall, null, [linked('l', 'termination', 'adda', 'purchasing_centre')]);
    expect(withUnit.units).toEqual([{ unitId: 'u1', status: 'caution' }]);
    expect(withUnit.reasons.map((r) => r.linkedThrough === null)).toEqual([true, false]);
  });
});
