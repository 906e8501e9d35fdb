import { hkdfSync, type KeyObject } from 'node:crypto';

/**
 * The purposes a key is derived for from the registry's Ed25519 signing key
 * (AUDIT_SIGNING_KEY). Each label gives an independent 32-byte key (HKDF-SHA256): one
 * says nothing about another, nor about the signing key, and operators provision one
 * secret instead of several. Without AUDIT_SIGNING_KEY (development) the signing key,
 * and so every derived key, lives as long as the process.
 */
export const keyPurposes = {
  /** AES-256-GCM sealing of secrets kept in the idempotency store (idempotency.seal.ts). */
  idempotencySecrets: 'idempotency answer secrets v1',
  /** HMAC-SHA256 pseudonyms for JWT subjects that are personnummer (pseudonyms.ts). */
  subjectPseudonyms: 'subject pseudonyms v1',
  /** AES-256-GCM sealing of the private parts of the webhook signing keys (webhook-keys.keyring.ts). */
  webhookSigningKeys: 'webhook signing keys v1',
} as const;
export type KeyPurpose = (typeof keyPurposes)[keyof typeof keyPurposes];

export function deriveKey(signingKey: KeyObject, purpose: KeyPurpose): Buffer {
  return Buffer.from(hkdfSync('sha256', signingKey.export({ format: 'der', type: 'pkcs8' }), 'supplier-signal-registry', purpose, 32));
}
