import { describe, expect, it } from 'vitest';
import { isIvoDiarienummer, isNotInFuture, swedishToday } from './signals.ivo.ts';

describe('isIvoDiarienummer', () => {
  it.each(['3.5.1-12345/2023', '8.5-29206/2014', '8.7.1-6361/2015-1', '8-1/2026', 'IVO 3.5.1-40311/2026', 'ivo 8.5-12345/2024'])('accepts %s', (value) => {
    expect(isIvoDiarienummer(value)).toBe(true);
  });

  it.each([
    ['free text', 'x'],
    ['a year without classification', 'IVO 1/2026'],
    ['no year', '3.5.1-12345'],
    ['a two-digit year', '3.5.1-12345/23'],
    ['a five-digit year', '3.5.1-12345/20231'],
    ['no serial', '3.5.1-/2023'],
    ['an empty classification part', '3..1-12345/2023'],
    ['another authority’s prefix', 'SN 3.5.1-12345/2023'],
    ['trailing text', '3.5.1-12345/2023 (överklagat)'],
    ['an empty part', '3.5.1-12345/2023-'],
    ['surrounding whitespace (the schema trims first)', ' 3.5.1-12345/2023 '],
  ])('refuses %s', (_name, value) => {
    expect(isIvoDiarienummer(value)).toBe(false);
  });
});

describe('isNotInFuture', () => {
  it('uses the date in Sweden: just after midnight in Stockholm it is already the next day', () => {
    // 23:30 UTC on 31 December is 00:30 on 1 January in Stockholm (UTC+1 in winter).
    const now = new Date('2026-12-31T23:30:00Z');
    expect(swedishToday(now)).toBe('2027-01-01');
    expect(isNotInFuture('2027-01-01', now)).toBe(true);
    expect(isNotInFuture('2027-01-02', now)).toBe(false);
    expect(isNotInFuture('2015-06-30', now)).toBe(true);
  });
});
