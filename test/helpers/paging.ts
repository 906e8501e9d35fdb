import { expect } from 'vitest';
import type { TestApp } from './app.ts';
import { csvRecords } from './csv.ts';

/** The next page's URL from an RFC 8288 `Link: <…>; rel="next"` header, or null when there is none; a malformed one fails the test. */
export function nextLink(header: string | string[] | undefined): string | null {
  if (header === undefined) return null;
  const match = /^<([^>]+)>;\s*rel="next"$/.exec(String(header));
  expect(match, `Link: ${String(header)}`).not.toBeNull();
  return match![1]!;
}

/**
 * Every record of a list asked for as CSV (`Accept: text/csv`), page after page by the Link
 * header until there is none; each page must be CSV and say it varies by Accept.
 */
export async function csvPages(t: TestApp, url: string, as: string): Promise<Array<Record<string, string | null>>> {
  const rows: Array<Record<string, string | null>> = [];
  for (let next: string | null = url; next; ) {
    const res = await t.request({ method: 'GET', url: next, as, headers: { accept: 'text/csv' } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/csv/);
    expect(res.headers.vary).toMatch(/accept/i);
    rows.push(...csvRecords(res.body).records);
    next = nextLink(res.headers.link as string | undefined);
  }
  return rows;
}
