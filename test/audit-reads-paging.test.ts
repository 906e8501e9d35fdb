import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uuidv7 } from '../src/lib/ids.ts';
import { startTestApp, type TestApp } from './helpers/app.ts';
import { cast, seedCast } from './helpers/factories.ts';

/**
 * Paging the read log (GET /v1/audit/reads) with its opaque (at, id) cursor: every
 * entry exactly once, even when many share a millisecond or a whole timestamp (`at`
 * has microseconds; a cursor of the last item's `at` in milliseconds skipped 10–17 of
 * 41), and while new reads are being logged.
 */

let t: TestApp;
const seeded: string[] = [];

beforeAll(async () => {
  t = await startTestApp();
  await seedCast(t);
  // 41 reads by Umeå yesterday: 30 a microsecond apart within one millisecond, and 11
  // with one and the same timestamp, so only the id orders them.
  const insert = (at: string) => {
    const id = uuidv7();
    seeded.push(id);
    return t.database.pool.query(
      `INSERT INTO read_log (id, at, actor_sub, org_id, action, target_type, target_ids, request_id) VALUES ($1, $2, 'umea-client', 'umea', 'audit.read', 'audit', '["none"]', $3)`,
      [id, at, randomUUID()],
    );
  };
  for (let i = 0; i < 30; i++) await insert(`2026-11-30T10:00:00.${String(100 + i).padStart(6, '0')}Z`);
  for (let i = 0; i < 11; i++) await insert('2026-11-30T10:00:00.000500Z');
});
afterAll(() => t?.close());

type Page = { items: Array<{ id: string; at: string }>; nextCursor: string | null };
const page = async (query: string): Promise<Page> => {
  const res = await t.request({ method: 'GET', url: `/v1/audit/reads?${query}`, as: cast.revisor.id });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};

describe('GET /v1/audit/reads paging', () => {
  it('returns every entry exactly once, newest first, while reads are being logged', async () => {
    // Umeå keeps reading its audit log, each read logged, all through the paging.
    let logging = true;
    const reader = (async () => {
      let n = 0;
      while (logging) {
        await Promise.all([1, 2, 3].map(() => t.request({ method: 'GET', url: '/v1/audit', as: cast.umea.id })));
        n += 3;
      }
      return n;
    })();

    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const p: Page = await page(`organisation=umea&limit=4${cursor ? `&cursor=${cursor}` : ''}`);
      seen.push(...p.items.map((i) => i.id));
      const times = p.items.map((i) => Date.parse(i.at));
      expect(times).toEqual([...times].sort((a, b) => b - a));
      cursor = p.nextCursor;
      pages += 1;
      // Let some logging happen between pages.
      await new Promise((r) => setTimeout(r, 5));
    } while (cursor && pages < 200);
    logging = false;
    const logged = await reader;

    expect(logged).toBeGreaterThan(0);
    expect(new Set(seen).size).toBe(seen.length);
    const missing = seeded.filter((id) => !seen.includes(id));
    expect(missing).toEqual([]);
    // The seeded entries come last, in (at, id) order, newest first: the 11 sharing one
    // timestamp (the newer) by id, then the 30 a microsecond apart.
    const sameTime = seeded.slice(30).sort().reverse();
    expect(seen.slice(-seeded.length)).toEqual([...sameTime, ...seeded.slice(0, 30).reverse()]);
  });

  it('answers the last page with nextCursor null, and a foreign cursor with 400 input.invalid_cursor', async () => {
    const all = await page('organisation=umea&limit=1000');
    expect(all.nextCursor).toBeNull();
    const bad = await t.request({ method: 'GET', url: '/v1/audit/reads?cursor=bm90LW91cnM', as: cast.revisor.id });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().code).toBe('input.invalid_cursor');
  });
});
