import { createPrivateKey, createPublicKey, generateKeyPairSync, type KeyObject, sign, verify } from 'node:crypto';
import { canonicalJson, sha256 } from '../../lib/canonical-json.ts';

/**
 * The tamper-evident audit chain, as pure functions so the service and the offline
 * verifier share them. Entry n's hash is SHA-256(prev_hash ‖ canonical(entry n)):
 * changing or removing any entry changes every hash after it, and a signed head
 * {length, headHash} pins the end of the chain.
 */

export const GENESIS_HASH = '0'.repeat(64);

export interface ChainEntry {
  position: number;
  /** ISO 8601 with microseconds, stored and hashed as text so it survives round trips. */
  recordedAt: string;
  actorSub: string;
  orgId: string;
  action: string;
  targetType: string;
  targetId: string;
  requestId: string;
  /** SHA-256 of the canonical JSON of the change. */
  digest: string;
}

export interface StoredEntry extends ChainEntry {
  prevHash: string;
  hash: string;
}

const entryFields = (e: ChainEntry): ChainEntry => ({
  position: e.position,
  recordedAt: e.recordedAt,
  actorSub: e.actorSub,
  orgId: e.orgId,
  action: e.action,
  targetType: e.targetType,
  targetId: e.targetId,
  requestId: e.requestId,
  digest: e.digest,
});

export const hashEntry = (prevHash: string, entry: ChainEntry) => sha256(prevHash + canonicalJson(entryFields(entry)));

export interface VerifyResult {
  ok: boolean;
  checked: number;
  /** The first position whose entry, link or hash is wrong, or that is missing. */
  brokenAt?: number;
  reason?: string;
}

/**
 * Recomputes the chain over consecutive entries. `expectedPrev` is the hash the
 * first entry must link to (the genesis hash when starting at position 1).
 */
export function verifyEntries(entries: Iterable<StoredEntry>, startPosition: number, expectedPrev: string): VerifyResult {
  let prev = expectedPrev;
  let position = startPosition;
  let checked = 0;
  for (const entry of entries) {
    if (entry.position !== position) return { ok: false, checked, brokenAt: position, reason: `entry ${position} is missing` };
    if (entry.prevHash !== prev) return { ok: false, checked, brokenAt: position, reason: `entry ${position} does not link to the entry before it` };
    if (hashEntry(prev, entry) !== entry.hash) return { ok: false, checked, brokenAt: position, reason: `entry ${position} was altered` };
    prev = entry.hash;
    position += 1;
    checked += 1;
  }
  return { ok: true, checked };
}

export interface SignedHead {
  length: number;
  headHash: string;
  signedAt: string;
  /** base64 Ed25519 signature over canonicalJson({length, headHash, signedAt}). */
  signature: string;
  /** SPKI PEM of the signing key. */
  publicKey: string;
}

export const headPayload = (h: Pick<SignedHead, 'length' | 'headHash' | 'signedAt'>) =>
  canonicalJson({ length: h.length, headHash: h.headHash, signedAt: h.signedAt });

export function signHead(key: KeyObject, head: Pick<SignedHead, 'length' | 'headHash' | 'signedAt'>): SignedHead {
  const publicKey = createPublicKey(key).export({ type: 'spki', format: 'pem' }).toString();
  const signature = sign(null, Buffer.from(headPayload(head)), key).toString('base64');
  return { ...head, signature, publicKey };
}

export function verifyHeadSignature(head: SignedHead, publicKeyPem: string): boolean {
  try {
    return verify(null, Buffer.from(headPayload(head)), createPublicKey(publicKeyPem), Buffer.from(head.signature, 'base64'));
  } catch {
    return false;
  }
}

/** The Ed25519 signing key from AUDIT_SIGNING_KEY (PKCS#8 PEM), or a fresh one for development. */
export function loadSigningKey(pem: string | undefined): { key: KeyObject; generated: boolean } {
  if (pem) {
    const key = createPrivateKey(pem);
    if (key.asymmetricKeyType !== 'ed25519') throw new Error('AUDIT_SIGNING_KEY must be an Ed25519 private key');
    return { key, generated: false };
  }
  return { key: generateKeyPairSync('ed25519').privateKey, generated: true };
}
