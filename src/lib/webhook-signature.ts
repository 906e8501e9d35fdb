import { createHash, createHmac, createPrivateKey, createPublicKey, createSecretKey, generateKeyPairSync, type KeyObject, randomBytes, sign } from 'node:crypto';

/** A Standard Webhooks secret: `whsec_` + base64 of 32 random bytes. */
export const newWebhookSecret = () => `whsec_${randomBytes(32).toString('base64')}`;

/** `v1,<base64 HMAC-SHA256 of "id.timestamp.body">`, per the Standard Webhooks specification. */
export function signWebhook(secret: string, id: string, timestampSeconds: number, body: string): string {
  return `v1,${createHmac('sha256', keyOf(secret)).update(`${id}.${timestampSeconds}.${body}`).digest('base64')}`;
}

/** `v1a,<base64 Ed25519 signature of "id.timestamp.body">`: the specification's asymmetric scheme. */
export function signWebhookAsymmetric(privateKey: KeyObject, id: string, timestampSeconds: number, body: string): string {
  return `v1a,${sign(null, Buffer.from(`${id}.${timestampSeconds}.${body}`, 'utf8'), privateKey).toString('base64')}`;
}

// Decoding a secret into a key costs more than the HMAC of a small body; a fan-out signs
// with the same few hundred secrets again and again.
const keys = new Map<string, KeyObject>();
function keyOf(secret: string): KeyObject {
  let key = keys.get(secret);
  if (!key) {
    key = createSecretKey(Buffer.from(secret.replace(/^whsec_/, ''), 'base64'));
    if (keys.size >= 10_000) keys.clear();
    keys.set(secret, key);
  }
  return key;
}

// An Ed25519 signature costs ten times an HMAC, and the signed content is the same for every
// subscriber of an event whose attempt falls in the same second (one body, one id): a
// fan-out signs each event about once per key and second, not once per subscriber.
const recent = new Map<string, { body: string; signature: string }>();
function asymmetricSignature(key: AsymmetricSigningKey, id: string, timestamp: number, body: string): string {
  const slot = `${key.kid} ${id} ${timestamp}`;
  const hit = recent.get(slot);
  if (hit && hit.body === body) return hit.signature;
  const signature = signWebhookAsymmetric(key.privateKey, id, timestamp, body);
  if (recent.size >= 1_000) recent.clear();
  recent.set(slot, { body, signature });
  return signature;
}

/** One of the registry's Ed25519 webhook keys, ready to sign: its key id and private key. */
export interface AsymmetricSigningKey {
  kid: string;
  privateKey: KeyObject;
}

/**
 * The webhook-* headers. During a secret rotation both secrets sign, space-separated.
 * With `asymmetric` keys the same header also carries a `v1a` signature per key (the
 * current key first; during a key rotation the previous one too), and `webhook-key-id`
 * names those keys in the same order, so a receiver knows which published key to check
 * each `v1a` signature against. The key id is not signed, and need not be: a wrong one
 * only makes the check fail.
 */
export function webhookHeaders(secrets: string[], id: string, body: string, now = Date.now(), asymmetric: readonly AsymmetricSigningKey[] = []): Record<string, string> {
  const timestamp = Math.floor(now / 1000);
  const signatures = secrets.map((s) => signWebhook(s, id, timestamp, body));
  for (const key of asymmetric) signatures.push(asymmetricSignature(key, id, timestamp, body));
  return {
    'webhook-id': id,
    'webhook-timestamp': String(timestamp),
    'webhook-signature': signatures.join(' '),
    ...(asymmetric.length > 0 ? { 'webhook-key-id': asymmetric.map((k) => k.kid).join(' ') } : {}),
  };
}

// An Ed25519 public key in SubjectPublicKeyInfo DER is this 12-byte prefix and the 32 raw bytes (RFC 8410).
const ED25519_SPKI_PREFIX = Buffer.from('302a300506032b6570032100', 'hex');
// An Ed25519 private key in PKCS#8 DER is this 16-byte prefix and the 32-byte seed (RFC 8410).
const ED25519_PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

/** A new Ed25519 webhook key pair in the specification's serialisations: `whsk_` + base64 seed, `whpk_` + base64 public key. */
export function newAsymmetricWebhookKey(): { secretKey: string; publicKey: string } {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  const seed = privateKey.export({ format: 'der', type: 'pkcs8' }).subarray(ED25519_PKCS8_PREFIX.length);
  return { secretKey: `whsk_${seed.toString('base64')}`, publicKey: whpkOf(publicKey) };
}

/** `whpk_` + base64 of the raw 32-byte public key. */
export const whpkOf = (publicKey: KeyObject) => `whpk_${publicKey.export({ format: 'der', type: 'spki' }).subarray(ED25519_SPKI_PREFIX.length).toString('base64')}`;

/** The private key of a `whsk_` secret key (base64 of the 32-byte seed, as the specification's libraries read it). */
export function privateKeyOfWhsk(secretKey: string): KeyObject {
  const seed = Buffer.from(secretKey.replace(/^whsk_/, ''), 'base64');
  if (seed.length !== 32) throw new Error('a whsk_ key is base64 of a 32-byte Ed25519 seed');
  return createPrivateKey({ key: Buffer.concat([ED25519_PKCS8_PREFIX, seed]), format: 'der', type: 'pkcs8' });
}

/** The public key of a `whpk_` key. */
export function publicKeyOfWhpk(publicKey: string): KeyObject {
  const raw = Buffer.from(publicKey.replace(/^whpk_/, ''), 'base64');
  if (raw.length !== 32) throw new Error('a whpk_ key is base64 of a 32-byte Ed25519 public key');
  return createPublicKey({ key: Buffer.concat([ED25519_SPKI_PREFIX, raw]), format: 'der', type: 'spki' });
}

/** The key's raw public bytes as base64url: the `x` of its JWK (RFC 8037). */
export const jwkX = (publicKey: string) => Buffer.from(publicKey.replace(/^whpk_/, ''), 'base64').toString('base64url');

/**
 * A key id anyone can recompute from the public key alone: its RFC 7638 JWK thumbprint
 * (SHA-256 over the required members in lexicographic order, base64url).
 */
export const keyIdOf = (publicKey: string) =>
  createHash('sha256').update(JSON.stringify({ crv: 'Ed25519', kty: 'OKP', x: jwkX(publicKey) })).digest('base64url');
