import type { FastifyReply, FastifyRequest } from 'fastify';
import { CSV_CONTENT_TYPE, prefersCsv, toCsv } from './csv.ts';
import { badRequest } from './errors.ts';

/**
 * Opaque keyset cursors: base64url of the last row's sort key. Lists are ordered
 * by a unique key (UUIDv7 ids, organisation numbers, sequence numbers), so "after
 * this key" is stable while rows are added. Every list route pages this way
 * (README, "Paging"): `cursor` and `limit` in, `nextCursor` out, null on the last page,
 * and the next page's URL in `Link: <…>; rel="next"`.
 */
export function encodeCursor(lastKey: string): string {
  return Buffer.from(JSON.stringify({ v: 1, k: lastKey })).toString('base64url');
}

/** The key inside a cursor, or 400 input.invalid_cursor when it is not one of ours. */
export function decodeCursor(cursor: string, keyPattern: RegExp): string {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (parsed && typeof parsed === 'object' && 'k' in parsed && typeof parsed.k === 'string' && keyPattern.test(parsed.k)) {
      return parsed.k;
    }
  } catch {
    // fall through to the 400 below
  }
  throw badRequest({ code: 'input.invalid_cursor', detail: 'The cursor is not one this service issued.' });
}

/** A sequence number or position as a cursor key. */
export const NUMERIC_KEY = /^\d{1,16}$/;

/**
 * Where to continue: after the key inside `cursor`, or after the key a deprecated
 * parameter carried in the clear (`after=<seq>`, `before=<size>`), which the routes
 * that had one keep accepting for one release so a stored client goes on working.
 * Both at once would be ambiguous, so that is a 400.
 */
export function resumeKey(cursor: string | undefined, keyPattern: RegExp, deprecated?: { name: string; value: number | undefined }): string | undefined {
  if (deprecated?.value !== undefined) {
    if (cursor !== undefined) throw badRequest({ code: 'input.invalid', detail: `Give cursor or ${deprecated.name}, not both (${deprecated.name} is a deprecated alias of cursor).` });
    return String(deprecated.value);
  }
  return cursor === undefined ? undefined : decodeCursor(cursor, keyPattern);
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** Takes limit + 1 rows from the repository and returns one page and the next cursor. */
export function pageOf<T>(rows: T[], limit: number, keyOf: (row: T) => string): Page<T> {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last !== undefined ? encodeCursor(keyOf(last)) : null };
}

/**
 * The URL of the next page: this request's path and filters, with `cursor` set, `limit`
 * spelt out and the deprecated position parameters (`replaces`) dropped, as a
 * relative reference (RFC 8288 allows one; it resolves against the request's URL).
 */
export function nextPageUrl(url: string, cursor: string, limit: number | undefined, replaces: readonly string[] = []): string {
  const next = new URL(url, 'http://registry.invalid');
  for (const name of replaces) next.searchParams.delete(name);
  next.searchParams.set('cursor', cursor);
  if (limit !== undefined) next.searchParams.set('limit', String(limit));
  return `${next.pathname}${next.search}`;
}

/**
 * Every list route answers through here: the page as JSON (`{items, nextCursor}` and
 * whatever else it carries), with `Link: <next page>; rel="next"` whenever there is a next
 * page. A route with a CSV form passes `csv`: with `Accept: text/csv` the same items come as
 * CSV (same Link), and either way `Vary: Accept`, so a cache keeps the two apart.
 */
export function sendPage<T, C extends string, P extends Page<T> = Page<T>>(
  request: FastifyRequest,
  reply: FastifyReply,
  page: P,
  options: { csv?: { columns: readonly C[]; row: (item: T) => Record<C, string | null> }; replaces?: readonly string[] } = {},
) {
  if (page.nextCursor) {
    const { limit } = request.query as { limit?: number };
    reply.header('link', `<${nextPageUrl(request.url, page.nextCursor, limit, options.replaces)}>; rel="next"`);
  }
  const { csv } = options;
  if (!csv) return page;
  reply.header('vary', 'Accept');
  if (!prefersCsv(request.headers.accept)) return page;
  return reply.type(CSV_CONTENT_TYPE).send(toCsv(csv.columns, page.items.map(csv.row)));
}
