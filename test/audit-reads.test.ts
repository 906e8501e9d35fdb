import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChainEntry } from '../src/modules/audit/audit.chain.ts';
import { startTestApp, type TestApp } from './helpers/app.ts';
import { cast, createSupplier, personnummer, seedCast } from './helpers/factories.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
  await seedCast(t);
});
afterAll(() => t.close());

type Entry = Pick<ChainEntry, 'position' | 'recordedAt' | 'actorSub' | 'orgId' | 'action' | 'targetType' | 'targetId'>;

/** The read-log rows written by one request, found by its x-request-id. */
async function readsOf(res: { headers: Record<string, unknown> }) {
  const rows = await t.database.pool.query('SELECT org_id, action, target_type, target_ids FROM read_log WHERE request_id = $1 ORDER BY at', [
    res.headers['x-request-id'],
  ]);
  return rows.rows.map((r) => ({ orgId: r.org_id, action: r.action, targetType: r.target_type, targetIds: r.target_ids }));
}

const get = async (url: string, as: string) => {
  const res = await t.request({ method: 'GET', url, as });
  expect(res.statusCode, res.body).toBe(200);
  return res;
};

describe('the read log', () => {
  it('logs a read of a sole trader’s supplier record, and not of a company’s', async () => {
    const soleTrader = personnummer('750612');
    const put = await t.request({ method: 'PUT', url: `/v1/suppliers/${soleTrader}`, as: cast.sundsvall.id, payload: { name: 'Anna Omsorg (enskild firma)', soleTrader: true } });
    expect(put.statusCode, put.body).toBe(201);
    const company = await createSupplier(t);

    expect(await readsOf(await get(`/v1/suppliers/${soleTrader}`, cast.timra.id))).toEqual([
      { orgId: 'timra', action: 'supplier.read_sole_trader', targetType: 'supplier', targetIds: [soleTrader.replace('-', '')] },
    ]);
    expect(await readsOf(await get(`/v1/suppliers/${company}`, cast.timra.id))).toEqual([]);
  });

  it('logs every read of the audit log itself', async () => {
    const res = await get('/v1/audit?limit=3', cast.revisor.id);
    const [first, , third] = res.json().items as Entry[];
    expect(await readsOf(res)).toEqual([{ orgId: 'revisor', action: 'audit.read', targetType: 'audit', targetIds: [`${first!.position}-${third!.position}`] }]);
    // A member reading its own organisation's entries is logged too.
    expect(await readsOf(await get('/v1/audit', cast.sundsvall.id))).toMatchObject([{ orgId: 'sundsvall', action: 'audit.read' }]);
  });

  it('logs an event-feed page that shows an issuer_and_auditors signal, to the issuer and to an auditor only', async () => {
    const orgNumber = await createSupplier(t);
    const after = Math.max(0, ...(await get('/v1/events?after=0&limit=1000', cast.revisor.id)).json().items.map((e: { seq: number }) => e.seq));
    const open = await t.request({
      method: 'POST',
      url: '/v1/signals',
      as: cast.umea.id,
      payload: { type: 'deviation', supplierOrgNumber: orgNumber, severity: 'low', category: 'other', summary: 'Öppen notering.' },
    });
    const restricted = await t.request({
      method: 'POST',
      url: '/v1/signals',
      as: cast.umea.id,
      payload: { type: 'deviation', supplierOrgNumber: orgNumber, severity: 'low', category: 'other', summary: 'Intern notering.', visibility: 'issuer_and_auditors' },
    });
    expect([open.statusCode, restricted.statusCode]).toEqual([201, 201]);
    const id = restricted.json().id;
    // Two events of the same signal on one page are one read of that signal.
    const amended = await t.request({ method: 'PATCH', url: `/v1/signals/${id}`, as: cast.umea.id, payload: { summary: 'Intern notering, uppdaterad.', reason: 'Förtydligat.' } });
    expect(amended.statusCode, amended.body).toBe(200);

    for (const org of [cast.revisor.id, cast.umea.id]) {
      const feed = await get(`/v1/events?after=${after}`, org);
      expect(feed.json().items.map((e: { signalId: string }) => e.signalId)).toEqual([open.json().id, id, id]);
      expect(await readsOf(feed), org).toEqual([{ orgId: org, action: 'event.read_restricted', targetType: 'signal', targetIds: [id] }]);
    }
    // Someone who cannot see the signal reads nothing restricted; nor does a page without it.
    const other = await get(`/v1/events?after=${after}`, cast.timra.id);
    expect(other.json().items.map((e: { signalId: string }) => e.signalId)).toEqual([open.json().id]);
    expect(await readsOf(other)).toEqual([]);
    expect(await readsOf(await get(`/v1/events?after=${after}&limit=1`, cast.revisor.id))).toEqual([]);
  });
});

describe('GET /v1/audit filters and paging', () => {
  let supplier: string;
  let all: Entry[];
  beforeAll(async () => {
    supplier = await createSupplier(t, cast.adda.id);
    // Timrå may rename adda's supplier as the owner of an agreement it is party to.
    const agreement = await t.request({ method: 'POST', url: '/v1/agreements', as: cast.timra.id, payload: { name: 'Timrås HVB', category: 'hvb_children', validFrom: '2026-01-01' } });
    await t.request({ method: 'PUT', url: `/v1/agreements/${agreement.json().id}/suppliers/${supplier}`, as: cast.timra.id });
    const renamed = await t.request({ method: 'PUT', url: `/v1/suppliers/${supplier}`, as: cast.timra.id, payload: { name: 'Omdöpt Omsorg AB', reason: 'Nytt firmanamn.' } });
    expect(renamed.statusCode, renamed.body).toBe(200);
    await createSupplier(t, cast.sundsvall.id);
    all = (await get('/v1/audit?limit=1000', cast.revisor.id)).json().items;
  });
  const list = async (query: string): Promise<Entry[]> => (await get(`/v1/audit?limit=1000&${query}`, cast.revisor.id)).json().items;
  const positions = (entries: Entry[]) => entries.map((e) => e.position);

  it('filters by actor, action and target', async () => {
    const byActor = await list('actor=timra-client');
    expect(byActor.length).toBeGreaterThan(0);
    expect(positions(byActor)).toEqual(positions(all.filter((e) => e.actorSub === 'timra-client')));

    const byAction = await list('action=organisation.created');
    expect(positions(byAction)).toEqual(positions(all.filter((e) => e.action === 'organisation.created')));
    expect(byAction).toHaveLength(Object.keys(cast).length);

    const target = supplier.replace('-', '');
    expect((await list(`targetType=supplier&target=${target}`)).map((e) => [e.action, e.orgId])).toEqual([
      ['supplier.created', 'adda'],
      ['supplier.updated', 'timra'],
    ]);
    expect(await list(`targetType=signal&target=${target}`)).toEqual([]);
    expect(await list('actor=timra-client&action=organisation.created')).toEqual([]);
  });

  it('filters by time: from inclusive, to exclusive, as instants whatever the offset', async () => {
    const pivot = all[Math.floor(all.length / 2)]!;
    const atOrAfter = positions(all.filter((e) => e.position >= pivot.position));
    expect(positions(await list(`from=${pivot.recordedAt}`))).toEqual(atOrAfter);
    expect(positions(await list(`to=${pivot.recordedAt}`))).toEqual(positions(all.filter((e) => e.position < pivot.position)));
    // The same instant written in +02:00 selects the same entries.
    expect(positions(await list(`from=${encodeURIComponent(inPlusTwo(pivot.recordedAt))}`))).toEqual(atOrAfter);
    expect(positions(await list(`from=${pivot.recordedAt}&to=${pivot.recordedAt}`))).toEqual([]);
    expect(await list('from=2100-01-01T00:00:00Z')).toEqual([]);
  });

  it('pages with after=<position> and nextAfter', async () => {
    const seen: number[] = [];
    let after: number | null = 0;
    while (after !== null) {
      const page: { items: Entry[]; nextAfter: number | null } = (await get(`/v1/audit?limit=4&after=${after}`, cast.revisor.id)).json();
      seen.push(...positions(page.items));
      expect(page.items.length).toBeLessThanOrEqual(4);
      after = page.nextAfter;
    }
    expect(seen).toEqual(positions(all));
  });
});

/** '2026-05-01T10:00:00.123456Z' → '2026-05-01T12:00:00.123456+02:00'. */
function inPlusTwo(utc: string): string {
  const micros = /\.(\d{6})Z$/.exec(utc)![1];
  return `${new Date(Date.parse(utc) + 2 * 3_600_000).toISOString().slice(0, 19)}.${micros}+02:00`;
}
