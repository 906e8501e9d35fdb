import { createCipheriv, createDecipheriv, type KeyObject, randomBytes } from 'node:crypto';
import { deriveKey, type KeyPurpose, keyPurposes } from '../../lib/derived-keys.ts';

const PREFIX = 'sealed:v1:';
const IV_BYTES = 12;
const TAG_BYTES = 16;

/**
 * Seals the secrets an idempotent answer carries (a subscription's signing secret), so
 * the idempotency store holds none in clear: AES-256-GCM under a key derived with HKDF
 * from the audit signing key, bound (as additional data) to the organisation, the
 * Idempotency-Key and the client (`sub`) that made the request.
 *
 * Why that key: AUDIT_SIGNING_KEY is already required in production and shared by every
 * replica, so a retry on another instance can still open the answer, and operators have
 * no second secret to provision. The HKDF label separates the two uses: the derived key
 * says nothing about the signing key, and no Ed25519 signature is ever an AES key.
 * Without AUDIT_SIGNING_KEY (development) the signing key, and so this key, lives as long
 * as the process: after a restart a stored secret can no longer be opened and is withheld.
 *
 * Binding the client in the additional data is what replays a secret only to its client:
 * for anyone else, as for a row moved to another key or organisation, opening fails.
 */
export function createSecretSealer(signingKey: KeyObject, purpose: KeyPurpose = keyPurposes.idempotencySecrets) {
  // `purpose` is the HKDF label: each use (idempotency answers, webhook signing keys) gets a key of its own.
  const key = deriveKey(signingKey, purpose);
  const aad = (context: readonly string[]) => Buffer.from(JSON.stringify(context), 'utf8');

  return {
    isSealed: (value: string) => value.startsWith(PREFIX),

    seal(plain: string, context: readonly string[]): string {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', key, iv).setAAD(aad(context));
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return PREFIX + Buffer.concat([iv, body, cipher.getAuthTag()]).toString('base64url');
    },

    /** The plain secret, or null when it was sealed for another context (or under another key). */
    open(sealed: string, context: readonly string[]): string | null {
      if (!sealed.startsWith(PREFIX)) return null;
      const raw = Buffer.from(sealed.slice(PREFIX.length), 'base64url');
      if (raw.length < IV_BYTES + TAG_BYTES) return null;
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, IV_BYTES)).setAAD(aad(context));
        decipher.setAuthTag(raw.subarray(raw.length - TAG_BYTES));
        return Buffer.concat([decipher.update(raw.subarray(IV_BYTES, raw.length - TAG_BYTES)), decipher.final()]).toString('utf8');
      } catch {
        return null;
      }
    },
  };
}

export type SecretSealer = ReturnType<typeof createSecretSealer>;

/** Top-level answer fields that hold a secret: `secret` on POST /v1/subscriptions and on rotate-secret. */
const SECRET_FIELDS = ['secret'] as const;

/** The answer as it is stored: every secret field sealed for `context`. Answers without one are stored as sent. */
export function sealAnswer(sealer: SecretSealer, body: string, context: readonly string[]): string {
  if (!body.includes('"secret"')) return body;
  const parsed = parseObject(body);
  if (!parsed) return body;
  let sealed = false;
  for (const field of SECRET_FIELDS) {
    const value = parsed[field];
    if (typeof value === 'string') {
      parsed[field] = sealer.seal(value, context);
      sealed = true;
    }
  }
  return sealed ? JSON.stringify(parsed) : body;
}

/** The stored answer with its secrets opened for `context`; null when one cannot be opened for it. */
export function openAnswer(sealer: SecretSealer, body: string, context: readonly string[]): string | null {
  if (!body.includes(PREFIX)) return body;
  const parsed = parseObject(body);
  if (!parsed) return body;
  let opened = false;
  for (const field of SECRET_FIELDS) {
    const value = parsed[field];
    if (typeof value !== 'string' || !sealer.isSealed(value)) continue;
    const plain = sealer.open(value, context);
    if (plain === null) return null;
    parsed[field] = plain;
    opened = true;
  }
  return opened ? JSON.stringify(parsed) : body;
}

function parseObject(body: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(body);
    return typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}
