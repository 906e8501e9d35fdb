import { badRequest } from './errors.ts';

/**
 * Opaque keyset cursors: base64url of the last row's sort key. Lists are ordered
 * by a unique key (UUIDv7 ids, organisation numbers), so "after this key" is stable
 * while rows are added.
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
  throw badRequest('input.invalid_cursor', 'The cursor is not one this service issued.');
}

/** Takes limit + 1 rows from the repository and returns one page and the next cursor. */
export function pageOf<T>(rows: T[], limit: number, keyOf: (row: T) => string): { items: T[]; nextCursor: string | null } {
  const items = rows.slice(0, limit);
  const last = items.at(-1);
  return { items, nextCursor: rows.length > limit && last !== undefined ? encodeCursor(keyOf(last)) : null };
}

/** The URL of the next page: this request's, with the cursor replaced (RFC 8288 Link, rel="next"). */
export const nextPageUrl = (url: string, cursor: string) => {
  const next = new URL(url, 'http://registry.invalid');
  next.searchParams.set('cursor', cursor);
  return `${next.pathname}${next.search}`;
};
