import { describe, expect, it } from 'vitest';
import { decodeCursor, encodeCursor, NUMERIC_KEY, nextPageUrl, pageOf, resumeKey } from './cursor.ts';

describe('pageOf', () => {
  it('gives a cursor only when the repository found a row beyond the page', () => {
    const rows = [{ id: 'a' }, { id: 'b' }, { id: 'c' }];
    const full = pageOf(rows, 2, (r) => r.id);
    expect(full.items).toEqual([{ id: 'a' }, { id: 'b' }]);
    expect(decodeCursor(full.nextCursor!, /^[a-z]$/)).toBe('b');
    // Exactly `limit` rows: the last page, even though it is full.
    expect(pageOf(rows.slice(0, 2), 2, (r) => r.id).nextCursor).toBeNull();
    expect(pageOf([], 2, (r: { id: string }) => r.id)).toEqual({ items: [], nextCursor: null });
  });
});

describe('resumeKey', () => {
  it('takes the key from the cursor, or from a deprecated alias, never both', () => {
    expect(resumeKey(undefined, NUMERIC_KEY)).toBeUndefined();
    expect(resumeKey(encodeCursor('42'), NUMERIC_KEY, { name: 'after', value: undefined })).toBe('42');
    expect(resumeKey(undefined, NUMERIC_KEY, { name: 'after', value: 0 })).toBe('0');
    expect(() => resumeKey(encodeCursor('42'), NUMERIC_KEY, { name: 'after', value: 7 })).toThrow(expect.objectContaining({ code: 'input.invalid' }));
    expect(() => resumeKey(encodeCursor('not-a-number'), NUMERIC_KEY)).toThrow(expect.objectContaining({ code: 'input.invalid_cursor' }));
    expect(() => resumeKey('%%%', NUMERIC_KEY)).toThrow(expect.objectContaining({ code: 'input.invalid_cursor' }));
  });
});

describe('nextPageUrl', () => {
  it('keeps the path and filters, sets cursor and limit, and drops the deprecated position parameters', () => {
    const next = new URL(nextPageUrl('/v1/audit?organisation=umea&after=4&limit=2&cursor=old', 'NEW', 2, ['after']), 'http://x');
    expect(next.pathname).toBe('/v1/audit');
    expect(Object.fromEntries(next.searchParams)).toEqual({ organisation: 'umea', limit: '2', cursor: 'NEW' });
    // A request without limit gets the limit it was answered with spelt out.
    expect(nextPageUrl('/v1/organisations', 'C', 50)).toBe('/v1/organisations?cursor=C&limit=50');
    // Filters with characters that need encoding survive the round trip.
    const search = new URL(nextPageUrl('/v1/signals?supplierOrgNumber=556677-8899&from=2026-01-01T00%3A00%3A00%2B01%3A00', 'C', 10), 'http://x');
    expect(search.searchParams.get('from')).toBe('2026-01-01T00:00:00+01:00');
  });
});
