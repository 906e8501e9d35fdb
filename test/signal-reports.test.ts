import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './helpers/app.ts';
import { csvRecords } from './helpers/csv.ts';
import { csvPages } from './helpers/paging.ts';
import { cast, createSupplier, seedCast } from './helpers/factories.ts';

/**
 * Issue 15, item 6 for signals: filters by agreement category and by effective period,
 * the list as CSV (the same rows as the JSON, page by page), and counts per month, type,
 * category and ground that match the rows.
 */
let t: TestApp;
let supplier: string;
let hvbAgreement: string;
let familyAgreement: string;
const ids: Record<string, string> = {};

const daysFromNow = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();
async function post(as: string, payload: Record<string, unknown>): Promise<string> {
  const res = await t.request({ method: 'POST', url: '/v1/signals', as, payload: { supplierOrgNumber: supplier, ...payload } });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}
async function agreement(category: string): Promise<string> {
  const res = await t.request({ method: 'POST', url: '/v1/agreements', as: cast.adda.id, payload: { name: `Ramavtal ${category}`, category, validFrom: '2025-01-01' } });
  expect(res.statusCode, res.body).toBe(201);
  expect((await t.request({ method: 'PUT', url: `/v1/agreements/${res.json().id}/suppliers/${supplier}`, as: cast.adda.id })).statusCode).toBe(201);
  return res.json().id;
}
const list = async (query: string, as: string = cast.umea.id) => {
  const res = await t.request({ method: 'GET', url: `/v1/signals?supplier=${supplier}&${query}`, as });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as { items: Array<Record<string, unknown> & { id: string }>; nextCursor: string | null };
};

beforeAll(async () => {
  t = await startTestApp();
  await seedCast(t);
  supplier = await createSupplier(t, cast.adda.id, 'Rapportgården AB');
  hvbAgreement = await agreement('hvb_children');
  familyAgreement = await agreement('family_home_agency');
  ids.hvbStop = await post(cast.adda.id, { type: 'call_off_stop', agreementId: hvbAgreement, ground: 'finances', summary: 'Avropsstopp: betalningsanmärkningar.' });
  ids.familyTermination = await post(cast.adda.id, {
    type: 'termination',
    agreementId: familyAgreement,
    terminationKind: 'rescission',
    ground: 'breach_of_contract',
    summary: 'Avtalet hävs; formel? =SUMMA(A1:A2), "citat" och radbrytning\nhär.',
  });
  ids.old = await post(cast.sundsvall.id, { type: 'call_off_stop', summary: 'Gammal paus.', effectiveFrom: daysFromNow(-400), effectiveUntil: daysFromNow(-300) });
  ids.deviation = await post(cast.sundsvall.id, { type: 'deviation', severity: 'high', category: 'staffing', summary: 'Brist i bemanningen.' });
  ids.later = await post(cast.sundsvall.id, { type: 'call_off_stop', summary: 'Planerad paus.', effectiveFrom: daysFromNow(30) });
  ids.retracted = await post(cast.sundsvall.id, { type: 'deviation', severity: 'low', category: 'other', summary: 'Fel leverantör.' });
  expect((await t.request({ method: 'POST', url: `/v1/signals/${ids.retracted}/retract`, as: cast.sundsvall.id, payload: { reason: 'Fel leverantör.' } })).statusCode).toBe(200);
});
afterAll(() => t.close());

describe('filters for a committee report', () => {
  it('by agreement category', async () => {
    expect((await list('agreementCategory=hvb_children')).items.map((s) => s.id)).toEqual([ids.hvbStop]);
    expect((await list('agreementCategory=family_home_agency&type=termination')).items.map((s) => s.id)).toEqual([ids.familyTermination]);
    expect((await list('agreementCategory=protected_housing')).items).toEqual([]);
  });

  it('by effective period: signals in effect at some moment in [periodFrom, periodTo)', async () => {
    const inLastYear = (await list(`periodFrom=${daysFromNow(-365)}&periodTo=${daysFromNow(1)}`)).items.map((s) => s.id);
    expect(inLastYear).toEqual(expect.arrayContaining([ids.hvbStop, ids.familyTermination, ids.old, ids.deviation]));
    expect(inLastYear).not.toContain(ids.later);
    expect((await list(`periodFrom=${daysFromNow(-350)}&periodTo=${daysFromNow(-320)}`)).items.map((s) => s.id)).toEqual([ids.old]);
    expect((await list(`periodFrom=${daysFromNow(20)}`)).items.map((s) => s.id).sort()).toEqual([ids.hvbStop, ids.familyTermination, ids.deviation, ids.later].sort());
  });

  it('refuses a malformed period or category with 400', async () => {
    for (const query of ['periodFrom=igår', 'agreementCategory=hvb']) {
      const res = await t.request({ method: 'GET', url: `/v1/signals?${query}`, as: cast.umea.id });
      expect(res.statusCode, query).toBe(400);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    }
  });
});

describe('the signal list as CSV', () => {
  it('holds the same rows as the JSON list, page by page, parsed by a strict RFC 4180 parser', async () => {
    const json: Array<Record<string, unknown>> = [];
    let cursor: string | null = null;
    do {
      const page = await list(`limit=2${cursor ? `&cursor=${cursor}` : ''}`);
      json.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);

    const rows = await csvPages(t, `/v1/signals?supplier=${supplier}&limit=2`, cast.umea.id);
    expect(rows.map((r) => r.id)).toEqual(json.map((s) => s.id));
    for (const [i, s] of json.entries()) {
      const row = rows[i]!;
      expect(row.type).toBe(s.type);
      expect(row.status).toBe(s.status);
      expect(row.ground).toBe(s.ground);
      expect(row.effectiveFrom).toBe(s.effectiveFrom);
      expect(row.relatedSignalIds).toBe((s.relatedSignalIds as string[]).join(' '));
      // Quotes and line breaks survive; a cell a spreadsheet would run as a formula does not start with one.
      if (s.id === ids.familyTermination) expect(row.summary).toBe(s.summary);
    }
    const formula = await t.request({ method: 'GET', url: `/v1/signals?supplier=${supplier}&type=termination`, as: cast.umea.id, headers: { accept: 'text/csv' } });
    expect(csvRecords(formula.body).records[0]!.summary).toContain('=SUMMA');
  });

  it('keeps JSON for clients that do not ask for CSV', async () => {
    const res = await t.request({ method: 'GET', url: `/v1/signals?supplier=${supplier}`, as: cast.umea.id, headers: { accept: '*/*' } });
    expect(res.headers['content-type']).toMatch(/application\/json/);
  });
});

describe('counts per month, type, category and ground', () => {
  it('match the rows the same filters list, retracted signals left out, visible ones only', async () => {
    for (const [as, query] of [
      [cast.umea.id, ''],
      [cast.sundsvall.id, ''],
      [cast.revisor.id, ''],
      [cast.umea.id, 'type=call_off_stop'],
      [cast.umea.id, 'agreementCategory=family_home_agency'],
      [cast.umea.id, `periodFrom=${daysFromNow(-365)}&periodTo=${daysFromNow(1)}`],
    ] as const) {
      const res = await t.request({ method: 'GET', url: `/v1/signals/counts?supplier=${supplier}${query ? `&${query}` : ''}`, as });
      expect(res.statusCode, res.body).toBe(200);
      const counts = res.json() as { items: Array<{ month: string; type: string; ground: string | null; count: number }>; total: number };
      const rows = (await list(`limit=200${query ? `&${query}` : ''}`, as)).items.filter((s) => s.status !== 'retracted');
      expect(counts.total, `${as} ${query}`).toBe(rows.length);
      expect(counts.items.reduce((n, r) => n + r.count, 0)).toBe(rows.length);
      for (const row of counts.items) {
        const matching = rows.filter((s) => s.type === row.type && s.ground === row.ground && String(s.effectiveFrom).slice(0, 7) <= row.month);
        expect(matching.length).toBeGreaterThanOrEqual(row.count);
      }
    }
    const terminations = (await t.request({ method: 'GET', url: `/v1/signals/counts?supplier=${supplier}&type=termination`, as: cast.umea.id })).json();
    expect(terminations.items).toEqual([{ month: expect.stringMatching(/^\d{4}-\d{2}$/), type: 'termination', category: null, ground: 'breach_of_contract', terminationKind: 'rescission', count: 1 }]);
  });

  it('needs a token and refuses unknown parameters', async () => {
    expect((await t.request({ method: 'GET', url: '/v1/signals/counts' })).statusCode).toBe(401);
    const res = await t.request({ method: 'GET', url: '/v1/signals/counts?limit=5', as: cast.umea.id });
    expect(res.statusCode).toBe(400);
  });
});
