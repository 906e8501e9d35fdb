import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './helpers/app.ts';
import { csvRecords } from './helpers/csv.ts';
import { nextLink } from './helpers/paging.ts';
import { cast, createAgreement, createSupplier, seedCast, subscribe } from './helpers/factories.ts';

/**
 * One way to page (README, "Paging"): every list route takes `cursor` and `limit`,
 * answers `nextCursor` (null on the last page) and, while there is a next page,
 * `Link: <…>; rel="next"` carrying the same filters. One walker follows every list
 * route to its end with limit 1 and 2, by `nextCursor` and by the Link header, and checks
 * that it sees exactly what one large page shows: nothing skipped, nothing twice.
 */

let t: TestApp;
let OPERATOR: string;
const SUPPLIER_ORG = 'paging-vard';
let subscriptionId: string;

type Json = Record<string, unknown> & { items: Array<Record<string, unknown>>; nextCursor: string | null };

async function get(url: string, as: string, headers: Record<string, string> = {}) {
  const res = await t.request({ method: 'GET', url, as, headers });
  expect(res.statusCode, `${url}: ${res.body}`).toBe(200);
  return res;
}


/**
 * The one paging helper: walks `url` page by page with `limit`, following `nextCursor`
 * or the Link header, and returns every item's key in order. On every page, Link is
 * there exactly when nextCursor is not null, and points at the same path with the same
 * filters, the page's cursor and the limit.
 */
async function walk(url: string, as: string, key: string, limit: number, via: 'cursor' | 'link'): Promise<string[]> {
  const base = new URL(url, 'http://x');
  const keys: string[] = [];
  let next: string | null = `${url}${url.includes('?') ? '&' : '?'}limit=${limit}`;
  for (let pages = 0; next !== null; pages++) {
    expect(pages, `${url} does not end`).toBeLessThan(500);
    const res = await get(next, as);
    const page = res.json() as Json;
    expect(page.items.length).toBeLessThanOrEqual(limit);
    keys.push(...page.items.map((item) => String(item[key])));
    const link = nextLink(res.headers.link);
    if (page.nextCursor === null) {
      expect(link, `${url}: a Link on the last page`).toBeNull();
      next = null;
      continue;
    }
    expect(link, `${url}: no Link though nextCursor is set`).not.toBeNull();
    const linked = new URL(link!, 'http://x');
    expect(linked.pathname).toBe(base.pathname);
    expect(linked.searchParams.get('cursor')).toBe(page.nextCursor);
    expect(linked.searchParams.get('limit')).toBe(String(limit));
    for (const [name, value] of base.searchParams) if (name !== 'after' && name !== 'before') expect(linked.searchParams.get(name)).toBe(value);
    next = via === 'link' ? link! : `${url}${url.includes('?') ? '&' : '?'}limit=${limit}&cursor=${page.nextCursor}`;
  }
  return keys;
}

/** Every item of a list in one page of `max` items, which must hold them all. */
async function whole(url: string, as: string, key: string, max: number): Promise<string[]> {
  const res = await get(`${url}${url.includes('?') ? '&' : '?'}limit=${max}`, as);
  const page = res.json() as Json;
  expect(page.nextCursor, `${url}: more than ${max} items`).toBeNull();
  expect(res.headers.link).toBeUndefined();
  return page.items.map((item) => String(item[key]));
}

beforeAll(async () => {
  t = await startTestApp({ WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'true' });
  OPERATOR = t.config.OPERATOR_ORG_ID;
  await seedCast(t);
  const created = await t.request({ method: 'POST', url: '/v1/organisations', as: OPERATOR, payload: { id: SUPPLIER_ORG, kind: 'supplier', name: 'Vårdbolaget (paging)' } });
  expect(created.statusCode, created.body).toBe(201);
  for (let i = 0; i < 3; i++) {
    await createAgreement(t, cast.adda.id, `Ramavtal ${i}`);
    await subscribe(t, cast.sundsvall.id, `http://127.0.0.1:9/hook/${i}`);
  }
  for (let i = 0; i < 5; i++) {
    const orgNumber = await createSupplier(t, cast.sundsvall.id, `Pagingsgården ${i} AB`);
    const stop = await t.request({ method: 'POST', url: '/v1/signals', as: cast.sundsvall.id, payload: { type: 'call_off_stop', supplierOrgNumber: orgNumber, summary: 'Avropspaus.' } });
    expect(stop.statusCode, stop.body).toBe(201);
    const followUp = await t.request({ method: 'POST', url: '/v1/follow-ups', as: cast.sundsvall.id, payload: { supplierOrgNumber: orgNumber, kind: 'ivo_register', checkedOn: '2026-11-01', outcome: 'no_remarks' } });
    expect(followUp.statusCode, followUp.body).toBe(201);
    const represented = await t.request({ method: 'POST', url: `/v1/organisations/${SUPPLIER_ORG}/represented-numbers`, as: OPERATOR, payload: { orgNumber, reason: 'Firmatecknare kontrollerad.' } });
    expect(represented.statusCode, represented.body).toBe(201);
    // A checkpoint over the log as it has grown, so there are several to page through.
    const checkpoint = await t.request({ method: 'POST', url: '/v1/audit/checkpoint', as: cast.revisor.id });
    expect(checkpoint.statusCode, checkpoint.body).toBe(201);
    // Umeå reads its audit log: each read goes into the read log.
    await get('/v1/audit', cast.umea.id);
  }
  subscriptionId = ((await get('/v1/subscriptions', cast.sundsvall.id)).json() as Json).items[0]!.id as string;
  const replay = await t.request({ method: 'POST', url: `/v1/subscriptions/${subscriptionId}/replay`, as: cast.sundsvall.id, payload: { since: '2000-01-01T00:00:00Z' } });
  expect(replay.statusCode, replay.body).toBe(202);
});
afterAll(() => t?.close());

// Every list route, as one who may read it, with a filter where the route has one (the Link keeps it).
const lists = () => [
  { name: 'signals', url: '/v1/signals?type=call_off_stop', as: cast.timra.id, key: 'id', max: 200 },
  { name: 'suppliers', url: '/v1/suppliers', as: cast.timra.id, key: 'orgNumber', max: 200 },
  { name: 'flagged suppliers', url: '/v1/suppliers/flagged?status=blocked', as: cast.sundsvall.id, key: 'orgNumber', max: 200 },
  { name: 'agreements', url: `/v1/agreements?owner=${cast.adda.id}`, as: cast.timra.id, key: 'id', max: 200 },
  { name: 'follow-ups', url: '/v1/follow-ups?kind=ivo_register', as: cast.timra.id, key: 'id', max: 200 },
  { name: 'organisations', url: '/v1/organisations', as: cast.timra.id, key: 'id', max: 200 },
  { name: 'represented numbers', url: `/v1/organisations/${SUPPLIER_ORG}/represented-numbers`, as: OPERATOR, key: 'id', max: 200 },
  { name: 'subscriptions', url: '/v1/subscriptions', as: cast.sundsvall.id, key: 'id', max: 200 },
  { name: 'deliveries', url: `/v1/subscriptions/${subscriptionId}/deliveries`, as: cast.sundsvall.id, key: 'id', max: 200 },
  { name: 'event feed', url: '/v1/events', as: cast.sundsvall.id, key: 'seq', max: 1000 },
  { name: 'audit log', url: `/v1/audit?organisation=${cast.sundsvall.id}`, as: cast.revisor.id, key: 'position', max: 1000 },
  { name: 'read log', url: `/v1/audit/reads?organisation=${cast.umea.id}`, as: cast.revisor.id, key: 'id', max: 1000 },
  { name: 'audit checkpoints', url: '/v1/audit/checkpoints', as: cast.revisor.id, key: 'size', max: 1000 },
];

describe('paging every list route', () => {
  it('walks each to its end by nextCursor and by Link, limit 1 and 2, seeing each item exactly once', async () => {
    for (const list of lists()) {
      const all = await whole(list.url, list.as, list.key, list.max);
      expect(all.length, `${list.name}: too few items to page`).toBeGreaterThanOrEqual(3);
      expect(new Set(all).size, list.name).toBe(all.length);
      for (const limit of [1, 2]) {
        expect(await walk(list.url, list.as, list.key, limit, 'cursor'), `${list.name}, limit ${limit}, by nextCursor`).toEqual(all);
      }
      expect(await walk(list.url, list.as, list.key, 2, 'link'), `${list.name}, limit 2, by Link`).toEqual(all);
    }
  });

  it('sends the same Link with a CSV page', async () => {
    const json = await get('/v1/signals?type=call_off_stop&limit=2', cast.timra.id);
    const csv = await get('/v1/signals?type=call_off_stop&limit=2', cast.timra.id, { accept: 'text/csv' });
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    expect(csv.headers.link).toBe(json.headers.link);
    // Following the CSV's Link to the end gives every signal once.
    const ids: string[] = [];
    let next: string | null = '/v1/signals?type=call_off_stop&limit=2';
    while (next) {
      const res = await get(next, cast.timra.id, { accept: 'text/csv' });
      ids.push(...csvRecords(res.body).records.map((r) => r.id!));
      next = res.headers.link === undefined ? null : nextLink(res.headers.link);
    }
    expect(ids).toEqual(await whole('/v1/signals?type=call_off_stop', cast.timra.id, 'id', 200));
  });

  it('refuses a cursor it did not issue, and a cursor together with a deprecated alias', async () => {
    for (const url of ['/v1/organisations?cursor=bm9wZQ', '/v1/events?cursor=bm9wZQ', '/v1/audit?cursor=bm9wZQ', '/v1/audit/checkpoints?cursor=bm9wZQ', '/v1/subscriptions?cursor=bm9wZQ']) {
      const res = await t.request({ method: 'GET', url, as: cast.revisor.id });
      expect(res.statusCode, url).toBe(400);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.json().code, url).toBe('input.invalid_cursor');
    }
    const cursor = ((await get('/v1/events?limit=1', cast.revisor.id)).json() as Json).nextCursor!;
    for (const url of [`/v1/events?after=0&cursor=${cursor}`, `/v1/audit?after=0&cursor=${cursor}`, `/v1/audit/checkpoints?before=3&cursor=${cursor}`]) {
      const res = await t.request({ method: 'GET', url, as: cast.revisor.id });
      expect(res.statusCode, url).toBe(400);
      expect(res.json().code, url).toBe('input.invalid');
    }
  });
});

describe('the event feed at its end', () => {
  it('answers nextCursor null when caught up, and resumeCursor to poll again from', async () => {
    let cursor: string | null = null;
    let resume: string;
    do {
      const page = (await get(`/v1/events?limit=2${cursor ? `&cursor=${cursor}` : ''}`, cast.sundsvall.id)).json() as Json & { resumeCursor: string };
      if (page.nextCursor !== null) expect(page.resumeCursor).toBe(page.nextCursor);
      resume = page.resumeCursor;
      cursor = page.nextCursor;
    } while (cursor);
    // Caught up: polling again with resumeCursor answers an empty page with the same position.
    const idle = (await get(`/v1/events?cursor=${resume}`, cast.sundsvall.id)).json() as Json & { resumeCursor: string };
    expect(idle).toMatchObject({ items: [], nextCursor: null, resumeCursor: resume });
    // Something happens; the next poll brings exactly that.
    const orgNumber = await createSupplier(t, cast.sundsvall.id, 'Nyhetsgården AB');
    const stop = (await t.request({ method: 'POST', url: '/v1/signals', as: cast.sundsvall.id, payload: { type: 'call_off_stop', supplierOrgNumber: orgNumber, summary: 'Ny paus.' } })).json();
    const fresh = (await get(`/v1/events?cursor=${resume}`, cast.sundsvall.id)).json() as Json & { resumeCursor: string };
    expect(fresh.items.map((e) => [e.type, e.signalId])).toEqual([['signal.created', stop.id]]);
    expect(fresh.nextCursor).toBeNull();
    expect(fresh.resumeCursor).not.toBe(resume);
  });
});

describe('the deprecated aliases still work for one release', () => {
  it('pages the event feed with after=<seq> and nextAfter (never null)', async () => {
    const all = await whole('/v1/events', cast.sundsvall.id, 'seq', 1000);
    const seen: string[] = [];
    let after = 0;
    for (;;) {
      const page = (await get(`/v1/events?after=${after}&limit=2`, cast.sundsvall.id)).json() as Json & { nextAfter: number };
      seen.push(...page.items.map((e) => String(e.seq)));
      if (page.items.length === 0) {
        expect(page.nextAfter).toBe(after);
        break;
      }
      after = page.nextAfter;
    }
    expect(seen).toEqual(all);
  });

  it('pages the audit log with after=<position> and nextAfter (null on the last page)', async () => {
    const url = `/v1/audit?organisation=${cast.sundsvall.id}`;
    const all = await whole(url, cast.revisor.id, 'position', 1000);
    const seen: string[] = [];
    let after: number | null = 0;
    while (after !== null) {
      const res = await get(`${url}&after=${after}&limit=2`, cast.revisor.id);
      const page = res.json() as Json & { nextAfter: number | null };
      seen.push(...page.items.map((e) => String(e.position)));
      expect(page.nextAfter === null).toBe(page.nextCursor === null);
      // The Link leads on by cursor, without the alias.
      if (page.nextCursor) expect(new URL(nextLink(res.headers.link)!, 'http://x').searchParams.has('after')).toBe(false);
      after = page.nextAfter;
    }
    expect(seen).toEqual(all);
  });

  it('pages the checkpoints with before=<size> and nextBefore', async () => {
    const all = await whole('/v1/audit/checkpoints', cast.revisor.id, 'size', 1000);
    const seen: string[] = [];
    let before: number | null = null;
    do {
      const page = (await get(`/v1/audit/checkpoints?limit=2${before === null ? '' : `&before=${before}`}`, cast.revisor.id)).json() as Json & { nextBefore: number | null };
      seen.push(...page.items.map((c) => String(c.size)));
      before = page.nextBefore;
    } while (before !== null);
    expect(seen).toEqual(all);
  });
});
