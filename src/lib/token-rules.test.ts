import { describe, expect, it } from 'vitest';
import { CLOCK_SKEW_SECONDS, issuedBeforeOrganisation, refuseTokenTimes } from './token-rules.ts';

const DAY_MS = 86_400_000;
const now = Date.parse('2026-12-01T12:00:00Z');
const s = (ms: number) => Math.floor(ms / 1000);

describe('refuseTokenTimes', () => {
  it.each([
    ['a ten-minute token issued now', { iat: s(now), exp: s(now) + 600 }, null],
    ['a token living exactly the maximum', { iat: s(now), exp: s(now) + DAY_MS / 1000 }, null],
    ['a token living one second longer than the maximum', { iat: s(now), exp: s(now) + DAY_MS / 1000 + 1 }, 'auth.token_lifetime_too_long'],
    ['a token good for 100 years', { iat: s(now), exp: s(now) + 100 * 365 * 86_400 }, 'auth.token_lifetime_too_long'],
    ['an iat within the clock skew ahead', { iat: s(now) + CLOCK_SKEW_SECONDS, exp: s(now) + 600 }, null],
    ['an iat beyond the clock skew ahead', { iat: s(now) + CLOCK_SKEW_SECONDS + 1, exp: s(now) + 600 }, 'auth.token_issued_in_future'],
    ['an iat a year ahead (its lifetime looks short)', { iat: s(now) + 365 * 86_400, exp: s(now) + 365 * 86_400 + 600 }, 'auth.token_issued_in_future'],
    ['no iat', { exp: s(now) + 600 }, 'auth.invalid_token'],
    ['no exp', { iat: s(now) }, 'auth.invalid_token'],
    ['an iat that is not a number', { iat: '1796000000', exp: s(now) + 600 }, 'auth.invalid_token'],
  ])('%s → %s', (_name, claims, expected) => {
    expect(refuseTokenTimes(claims, now, DAY_MS)).toBe(expected);
  });
});

describe('issuedBeforeOrganisation', () => {
  const created = new Date('2026-12-01T12:00:00.750Z');
  it('accepts a token issued after, or in the same second as, the registration (iat has whole seconds)', () => {
    expect(issuedBeforeOrganisation(s(created.getTime()), created)).toBe(false);
    expect(issuedBeforeOrganisation(s(created.getTime()) + 3600, created)).toBe(false);
  });
  it('accepts an issuer clock a little behind, within the clock skew', () => {
    expect(issuedBeforeOrganisation(s(created.getTime()) - CLOCK_SKEW_SECONDS, created)).toBe(false);
  });
  it('refuses a token minted before the organisation existed', () => {
    expect(issuedBeforeOrganisation(s(created.getTime()) - CLOCK_SKEW_SECONDS - 1, created)).toBe(true);
    expect(issuedBeforeOrganisation(s(created.getTime()) - 86_400, created)).toBe(true);
  });
});
