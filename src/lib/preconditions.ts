import { AppError, badRequest } from './errors.ts';

/**
 * Optimistic concurrency (RFC 9110 §8.8.3, §13.1.1). A resource with versions answers with
 * a strong entity tag naming its version, `ETag: "3"`, the same number as `version` in the
 * body; a write sent with `If-Match: "3"` is made only while the resource is still at version 3,
 * checked under the row lock in the write's own transaction, so of two writes based on one
 * version exactly one wins and the other answers 412. `If-Match: *` matches any version.
 * Without If-Match a write behaves as it always did: the last one wins.
 */

/** The strong entity tag of a version: `"3"`. */
export const versionTag = (version: number): string => `"${version}"`;

/** An If-Match condition: any current version, or one of these strong tags (quoted, as sent). */
export type Precondition = '*' | readonly string[];

// entity-tag = [ W/ ] DQUOTE *etagc DQUOTE; etagc = %x21 / %x23-7E / obs-text (RFC 9110 §8.8.3).
const ENTITY_TAG = /(W\/)?"([\x21\x23-\x7e\x80-\xff]*)"/y;
const OWS = /[ \t]*/y;

/**
 * The If-Match header as a condition: `*`, or the list's strong tags (weak ones never match a
 * strong comparison, so a list of only weak tags matches nothing). Undefined when absent; null
 * when it is not `*` or a comma-separated list of entity tags.
 */
export function parseIfMatch(header: string | undefined): Precondition | undefined | null {
  if (header === undefined) return undefined;
  if (header.trim() === '*') return '*';
  const strong: string[] = [];
  let at = 0;
  let tags = 0;
  const skip = (pattern: RegExp) => {
    pattern.lastIndex = at;
    const match = pattern.exec(header);
    if (match) at = pattern.lastIndex;
    return match;
  };
  for (;;) {
    // #rule lists may carry empty elements: ", , \"1\"" is a list of one.
    while (skip(OWS) && header[at] === ',') at++;
    if (at >= header.length) break;
    const tag = skip(ENTITY_TAG);
    if (!tag) return null;
    tags++;
    if (!tag[1]) strong.push(`"${tag[2]}"`);
    skip(OWS);
    if (at < header.length && header[at] !== ',') return null;
  }
  return tags === 0 ? null : strong;
}

/** Whether a resource whose current strong tag is `current` meets the condition (strong comparison). */
export const meets = (condition: Precondition, current: string): boolean => condition === '*' || condition.includes(current);

/**
 * Refuses the write with `mismatch` unless the resource's current version meets the condition.
 * Called under the row lock, inside the write's transaction, after the checks that answer 404.
 */
export function checkVersion(condition: Precondition | undefined, version: number, mismatch: (current: number) => AppError): void {
  if (condition !== undefined && !meets(condition, versionTag(version))) throw mismatch(version);
}

/**
 * The condition of an If-Match header the route's schema validated (ifMatchHeaders in
 * src/lib/schemas.ts); the same 400 as the schema's should one reach here unvalidated.
 */
export function conditionOf(header: unknown): Precondition | undefined {
  const condition = typeof header === 'string' || header === undefined ? parseIfMatch(header) : null;
  if (condition === null) {
    throw badRequest({ code: 'input.invalid', detail: 'The request headers is not valid.', extensions: { errors: [{ path: 'headers.if-match', message: 'must be * or a comma-separated list of entity tags' }] } });
  }
  return condition;
}
