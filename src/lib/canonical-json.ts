import { createHash } from 'node:crypto';

/**
 * JSON with keys sorted at every level and no whitespace: the same value always gives
 * the same bytes. For values made of strings, integers, booleans, null, arrays and
 * objects with string keys — everything the registry hashes or signs — this is exactly
 * the JSON Canonicalization Scheme of RFC 8785 (keys in UTF-16 code-unit order, strings
 * and numbers as ECMAScript's JSON.stringify writes them), so a verifier in any language
 * can rebuild the bytes with a JCS library. Undefined members are left out and a Date
 * becomes its ISO 8601 text, for the audit digests of internal values.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value ?? null);
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** SHA-256 of a text's UTF-8 bytes, lowercase hex. */
export const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
