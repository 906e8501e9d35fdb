import { describe, expect, it } from 'vitest';
import { amendmentEndsEffect, flowAction } from './signals.flow.ts';
import type { SignalType } from './signals.table.ts';

const blocking: SignalType[] = ['call_off_stop', 'termination', 'permit_revoked'];
const other: SignalType[] = ['deviation', 'ivo_injunction', 'financial_warning'];

describe('flowAction: the flap limit fails safe', () => {
  it.each(blocking)('counts a %s created or amended, and never refuses it', (type) => {
    expect(flowAction(type, 'created')).toBe('count');
    expect(flowAction(type, 'amended')).toBe('count');
  });

  it.each([...blocking, ...other])('limits the lift or retraction of a %s', (type) => {
    expect(flowAction(type, 'lifted')).toBe('limit');
    expect(flowAction(type, 'retracted')).toBe('limit');
  });

  it.each(blocking)('limits an amendment that takes a %s out of effect (it unblocks)', (type) => {
    expect(flowAction(type, 'amended', true)).toBe('limit');
  });

  it.each(other)('leaves a %s created or amended alone', (type) => {
    expect(flowAction(type, 'created')).toBe('none');
    expect(flowAction(type, 'amended')).toBe('none');
    expect(flowAction(type, 'amended', true)).toBe('none');
  });
});

describe('amendmentEndsEffect', () => {
  const now = Date.parse('2026-12-01T12:00:00Z');
  const at = (iso: string) => new Date(iso);
  const inEffect = { status: 'active', effectiveFrom: at('2026-11-01T00:00:00Z'), effectiveUntil: null };

  it('is true when the amended period has ended, or begins later', () => {
    expect(amendmentEndsEffect(inEffect, { effectiveFrom: inEffect.effectiveFrom, effectiveUntil: at('2026-12-01T11:00:00Z') }, now)).toBe(true);
    expect(amendmentEndsEffect(inEffect, { effectiveFrom: at('2027-01-01T00:00:00Z'), effectiveUntil: null }, now)).toBe(true);
  });

  it('is false when the signal stays in effect, or was not in effect before', () => {
    expect(amendmentEndsEffect(inEffect, { effectiveFrom: inEffect.effectiveFrom, effectiveUntil: at('2027-06-01T00:00:00Z') }, now)).toBe(false);
    expect(amendmentEndsEffect(inEffect, { summary: 'Ny text.' } as object, now)).toBe(false);
    const ended = { ...inEffect, effectiveUntil: at('2026-11-15T00:00:00Z') };
    expect(amendmentEndsEffect(ended, { effectiveFrom: ended.effectiveFrom, effectiveUntil: at('2026-11-10T00:00:00Z') }, now)).toBe(false);
    const lifted = { ...inEffect, status: 'lifted' };
    expect(amendmentEndsEffect(lifted, { effectiveFrom: lifted.effectiveFrom, effectiveUntil: at('2026-11-10T00:00:00Z') }, now)).toBe(false);
  });

  it('reads an explicit null end as open-ended (reopened), not as unchanged', () => {
    const ending = { ...inEffect, effectiveUntil: at('2027-01-01T00:00:00Z') };
    expect(amendmentEndsEffect(ending, { effectiveFrom: ending.effectiveFrom, effectiveUntil: null }, now)).toBe(false);
  });
});
