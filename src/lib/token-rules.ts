/**
 * When a verified token may still be refused: rules over its `iat` and `exp` (in
 * seconds, as in the JWT) that no signature check sees. A stolen long-lived token, one
 * minted with a clock set ahead, or one minted for an organisation id before that
 * organisation was registered would otherwise be good until its far-off `exp`.
 */

/** How far the issuer's clock may be ahead of ours (or the database's) before a token is refused. */
export const CLOCK_SKEW_SECONDS = 60;

export type TokenTimeRefusal = 'auth.invalid_token' | 'auth.token_lifetime_too_long' | 'auth.token_issued_in_future';

/** Why a token's times are refused at `nowMs`, or null when they are acceptable. */
export function refuseTokenTimes(claims: { iat?: unknown; exp?: unknown }, nowMs: number, maxLifetimeMs: number): TokenTimeRefusal | null {
  const { iat, exp } = claims;
  // Without both, a token's lifetime is unknown: it could be good forever.
  if (typeof iat !== 'number' || typeof exp !== 'number' || !Number.isFinite(iat) || !Number.isFinite(exp)) return 'auth.invalid_token';
  if (iat > nowMs / 1000 + CLOCK_SKEW_SECONDS) return 'auth.token_issued_in_future';
  if ((exp - iat) * 1000 > maxLifetimeMs) return 'auth.token_lifetime_too_long';
  return null;
}

/**
 * Whether a token was issued before its organisation was registered. `iat` has whole
 * seconds and the issuer's clock is not ours, so a token minted in the second the
 * organisation was created, or a little before by a clock that is behind, passes.
 */
export function issuedBeforeOrganisation(iat: number, organisationCreatedAt: Date): boolean {
  return iat < Math.floor(organisationCreatedAt.getTime() / 1000) - CLOCK_SKEW_SECONDS;
}
