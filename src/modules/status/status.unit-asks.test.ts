import { describe, expect, it } from 'vitest';
import { liveSignal, org, ruleCast } from '../../../test/helpers/rules.ts';
import type { LiveSignal } from './status.repository.ts';
import { decide } from './status.rules.ts';

const { sundsvall } = ruleCast;

const signal = (id: string, type: LiveSignal['type'], issuerOrgId: string, issuerKind: LiveSignal['issuerKind'], unitId: string | null = null) =>
  liveSignal(type, { id: issuerOrgId, kind: issuerKind }, { id, unitId, summary: id, severity: null });

const A = 'unit-a';
const B = 'unit-b';

describe('decide, asked for one unit', () => {
  it('answers blocked for the unit a blocking signal names; caution for the supplier and its other units', () => {
    const live = [signal('revoked', 'permit_revoked', 'umea', 'municipality', A)];
    expect(decide(live, sundsvall).status).toBe('caution');
    expect(decide(live, sundsvall, A).status).toBe('blocked');
    expect(decide(live, sundsvall, B).status).toBe('caution');
    // The reasons and the unit table do not depend on the unit asked for.
    expect(decide(live, sundsvall, A).reasons).toEqual(decide(live, sundsvall).reasons);
    expect(decide(live, sundsvall, B).units).toEqual([{ unitId: A, status: 'blocked' }]);
  });

  it('answers blocked for every unit when the supplier as a whole is blocked', () => {
    const live = [signal('stop', 'call_off_stop', 'adda', 'purchasing_centre'), signal('deviation', 'deviation', 'umea', 'municipality', B)];
    for (const unit of [null, A, B]) expect(decide(live, sundsvall, unit).status).toBe('blocked');
  });

  it('keeps another organisation’s own stop on the asked unit a caution, as on the supplier', () => {
    const live = [signal('pause', 'call_off_stop', 'umea', 'municipality', A)];
    expect(decide(live, sundsvall, A).status).toBe('caution');
    expect(decide(live, org('umea', 'municipality'), A).status).toBe('blocked');
  });

  it('answers clear for a unit when nothing is live', () => {
    expect(decide([], sundsvall, A)).toEqual({ status: 'clear', reasons: [], units: [] });
  });
});
