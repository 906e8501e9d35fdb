import { createHmac, type KeyObject } from 'node:crypto';
import { deriveKey, keyPurposes } from './derived-keys.ts';
import { containsPersonalIdentityNumber } from './identity-numbers.ts';

export const PSEUDONYM_PREFIX = 'pseudonym:';

/**
 * What the registry keeps of a JWT `sub`. Some identity providers use a person's
 * personnummer as the subject (an e-ID login). The `sub` is written into the audit
 * log, which is never pruned, and into every row a client writes, so such a subject is
 * replaced, before anything reads it, by a keyed hash: `pseudonym:` and 26 characters of
 * HMAC-SHA256 (130 bits) under a key derived from the signing key. The same subject
 * always gives the same pseudonym, so the log still shows which client did what and a
 * revocation still finds the client; without the key nobody can test a guessed
 * personnummer against it (a plain hash of a 10-digit number is reversed in seconds).
 * Any other subject is kept as it is.
 */
export function createSubjectPseudonyms(signingKey: KeyObject): (sub: string) => string {
  const key = deriveKey(signingKey, keyPurposes.subjectPseudonyms);
  return (sub) =>
    containsPersonalIdentityNumber(sub) ? PSEUDONYM_PREFIX + createHmac('sha256', key).update(sub, 'utf8').digest('base64url').slice(0, 26) : sub;
}
