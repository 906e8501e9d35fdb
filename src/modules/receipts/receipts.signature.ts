import { createHash, createPublicKey, type KeyObject, sign, verify } from 'node:crypto';
import { canonicalJson, sha256 } from '../../lib/canonical-json.ts';
import { type Receipt, type SignedReceipt, signedReceiptSchema, type verificationReasons } from './receipts.schemas.ts';

/**
 * Signing and checking receipts, as pure functions shared by the service and the
 * offline verifier (src/cli/receipt-verify.ts). What is signed is defined exactly in
 * the README ("Evidence for a placement decision"): the UTF-8 bytes of the canonical
 * JSON (RFC 8785) of `receipt`; the log entry holds the digest of the receipt without
 * its `log` member, which could not be known before the entry was appended.
 */

export type Unlogged<R extends Receipt = Receipt> = R extends Receipt ? Omit<R, 'log'> : never;

const publicHalf = (key: KeyObject) => (key.type === 'public' ? key : createPublicKey(key));

/** The first 16 bytes (hex) of SHA-256 over the key's SubjectPublicKeyInfo (DER). */
export const keyIdOf = (key: KeyObject): string =>
  createHash('sha256').update(publicHalf(key).export({ type: 'spki', format: 'der' })).digest('hex').slice(0, 32);

/** The public half of a signing key as a verifier needs it. */
export function publishedKey(key: KeyObject) {
  const publicKey = publicHalf(key);
  const jwk = publicKey.export({ format: 'jwk' }) as { x: string };
  return {
    keyId: keyIdOf(publicKey),
    alg: 'Ed25519' as const,
    publicKey: publicKey.export({ type: 'spki', format: 'pem' }).toString(),
    jwk: { kty: 'OKP' as const, crv: 'Ed25519' as const, x: jwk.x },
  };
}

/** The digest the receipt's log entry holds: SHA-256 of the canonical JSON of the receipt without `log`. */
export const logDigestOf = (receipt: Unlogged | Receipt): string => {
  const { log: _log, ...unlogged } = receipt as Receipt;
  return sha256(canonicalJson(unlogged));
};

const signedBytes = (receipt: Receipt) => Buffer.from(canonicalJson(receipt), 'utf8');

export function signReceipt<R extends Receipt>(key: KeyObject, receipt: R): { receipt: R; signature: SignedReceipt['signature'] } {
  return { receipt, signature: { alg: 'Ed25519', keyId: keyIdOf(key), value: sign(null, signedBytes(receipt), key).toString('base64') } };
}

export type VerificationReason = (typeof verificationReasons)[number];
export type ReceiptCheck = { valid: true; signed: SignedReceipt } | { valid: false; reason: VerificationReason; detail: string };

const invalid = (reason: VerificationReason, detail: string): ReceiptCheck => ({ valid: false, reason, detail });

/**
 * Whether `value` is a receipt signed by the key its keyId names (`keyFor` answers the
 * registry's keys), and whether its `log.digest` is its own. It does not look at the
 * log; the service does that for an online check.
 */
export function checkReceipt(value: unknown, keyFor: (keyId: string) => KeyObject | undefined): ReceiptCheck {
  const parsed = signedReceiptSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return invalid('malformed', `not a signed status receipt: ${issue ? `${issue.path.join('.') || '(root)'}: ${issue.message}` : 'invalid'}`);
  }
  const signed = parsed.data;
  const key = keyFor(signed.signature.keyId);
  if (!key) return invalid('key_unknown', `the receipt names key ${signed.signature.keyId}, which is not this registry's receipt key`);
  // The schema admits only canonical base64, so no two texts of the signature decode alike.
  const signature = Buffer.from(signed.signature.value, 'base64');
  let good: boolean;
  try {
    good = verify(null, signedBytes(signed.receipt), key, signature);
  } catch {
    good = false;
  }
  if (!good) return invalid('signature_invalid', 'the signature does not match the receipt: it was changed after signing, or signed with another key');
  if (logDigestOf(signed.receipt) !== signed.receipt.log.digest) return invalid('digest_mismatch', 'log.digest is not the digest of the receipt');
  return { valid: true, signed };
}
