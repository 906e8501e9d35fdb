import { jwkX } from '../../lib/webhook-signature.ts';
import type { WebhookSigningKeyRow } from './webhook-keys.table.ts';

export type KeyPeriod = Pick<WebhookSigningKeyRow, 'kid' | 'publicKey' | 'validFrom' | 'retiredAt' | 'signsUntil'>;

/**
 * Where a key stands at `now`: `next` is published but does not sign yet (receivers can
 * fetch it before they meet it), `current` signs every v1a delivery, `previous` still
 * signs beside the current one until its overlap ends, `retired` signs no more.
 */
export function keyStatus(key: KeyPeriod, now: number): 'next' | 'current' | 'previous' | 'retired' {
  if (key.validFrom.getTime() > now) return 'next';
  if (!key.retiredAt || key.retiredAt.getTime() > now) return 'current';
  if (key.signsUntil && key.signsUntil.getTime() > now) return 'previous';
  return 'retired';
}

/**
 * The keys that sign a delivery made at `now`, in the order of their signatures: the
 * current key (the newest that has started), then those still in their overlap. Chosen
 * by time, not by what a process happened to load last, so every worker that knows the
 * rotation switches at the same moment, the one the published periods state.
 */
export function signingKidsAt(keys: readonly KeyPeriod[], now: number): string[] {
  const started = keys.filter((k) => k.validFrom.getTime() <= now).sort((a, b) => b.validFrom.getTime() - a.validFrom.getTime());
  const [current, ...older] = started;
  if (!current) return [];
  return [current.kid, ...older.filter((k) => keyStatus(k, now) === 'previous').map((k) => k.kid)];
}

/**
 * One key as published: a JWK (RFC 7517, RFC 8037 `OKP`/`Ed25519`) with the
 * Standard Webhooks `whpk_` form and its validity beside the JWK members, so the
 * document is a JWK Set that JOSE libraries read as it is.
 */
export const publishedKey = (key: KeyPeriod, now: number) => ({
  kid: key.kid,
  kty: 'OKP' as const,
  crv: 'Ed25519' as const,
  alg: 'EdDSA' as const,
  use: 'sig' as const,
  x: jwkX(key.publicKey),
  publicKey: key.publicKey,
  status: keyStatus(key, now),
  validFrom: key.validFrom,
  retiredAt: key.retiredAt,
  signsUntil: key.signsUntil,
});

/** Every key ever used, newest first. */
export const publishedKeys = (keys: readonly KeyPeriod[], now: number) =>
  [...keys].sort((a, b) => b.validFrom.getTime() - a.validFrom.getTime()).map((k) => publishedKey(k, now));
