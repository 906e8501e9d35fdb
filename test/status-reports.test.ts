import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './helpers/app.ts';
import { csvRecords } from './helpers/csv.ts';
import { csvPages } from './helpers/paging.ts';
import { cast, createSupplier, seedCast } from './helpers/factories.ts';

/**
 * Issue 15, item 6 for statuses: "the suppliers that are blocked or caution for me"
 * (GET /v1/suppliers/flagged), the same answer per supplier as the single status read for
 * every kind of caller, and CSV for it and for the batch status read. The adversaries: a
 * supplier whose only signal the caller may not read (another's tip, a retracted signal),
 * one whose only signal does not count (a low deviation, a stop not begun), a caller
 * without the read scope.
 */
const OPERATOR = 'registry';
let t: TestApp;
type Name = 'addaStopped' | 'addaStop' | 'tip' | 'parent' | 'sundsvallStopped' | 'deviation' | 'tipOnly' | 'retractedOnly' | 'lowOnly' | 'laterOnly' | 'clear' | 'unitStopped';
const s = {} as Record<Name, string>;
let unitId: string;
const callers = [cast.umea.id, cast.sundsvall.id, cast.timra.id, cast.kfv.id, cast.adda.id, cast.revisor.id, OPERATOR];

const daysFromNow = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();
async function post(as: string, supplier: string, payload: Record<string, unknown>): Promise<string> {
  const res = await t.request({ method: 'POST', url: '/v1/signals', as, payload: { supplierOrgNumber: supplier, summary: 'Signal för rapport.', ...payload } });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}
async function agreement(category: string, ...parties: string[]): Promise<string> {
  const res = await t.request({ method: 'POST', url: '/v1/agreements', as: cast.adda.id, payload: { name: `Ramavtal ${category}`, category, validFrom: '2025-01-01' } });
  expect(res.statusCode, res.body).toBe(201);
  for (const party of parties) expect((await t.request({ method: 'PUT', url: `/v1/agreements/${res.json().id}/suppliers/${party}`, as: cast.adda.id })).statusCode).toBe(201);
  return res.json().id;
}
const statusOf = async (orgNumber: string, as: string) => {
  const res = await t.request({ method: 'GET', url: `/v1/suppliers/${orgNumber}/status`, as });
  expect(res.statusCode, res.body).toBe(200);
  const { status, reasons, units } = res.json();
  return { status, reasons, units } as { status: string; reasons: Array<{ signalId: string }>; units: unknown[] };
};
type Flagged = { orgNumber: string; name: string; status: string; reasons: Array<{ signalId: string; effect: string; type: string; linkedThrough: { orgNumber: string } | null }>; units: Array<{ unitId: string; status: string }> };
/** Every page of the list, following nextCursor. */
async function flagged(as: string, query = ''): Promise<Flagged[]> {
  const items: Flagged[] = [];
  let cursor: string | null = null;
  do {
    const res = await t.request({ method: 'GET', url: `/v1/suppliers/flagged?limit=2${query}${cursor ? `&cursor=${cursor}` : ''}`, as });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    items.push(...res.json().items);
    cursor = res.json().nextCursor;
  } while (cursor);
  return items;
}

beforeAll(async () => {
  t = await startTestApp();
  await seedCast(t);
  s.addaStopped = await createSupplier(t, cast.adda.id, 'Avropsstoppet AB');
  s.parent = await createSupplier(t, cast.sundsvall.id, 'Koncernmodern AB');
  s.sundsvallStopped = await createSupplier(t, cast.sundsvall.id, 'Sundsvalls paus AB');
  s.deviation = await createSupplier(t, cast.umea.id, 'Bristfälliga hemmet AB');
  s.tipOnly = await createSupplier(t, cast.sundsvall.id, 'Tipset AB');
  s.retractedOnly = await createSupplier(t, cast.sundsvall.id, 'Felanmälda AB');
  s.lowOnly = await createSupplier(t, cast.sundsvall.id, 'Småsaker AB');
  s.laterOnly = await createSupplier(t, cast.sundsvall.id, 'Senare AB');
  s.clear = await createSupplier(t, cast.sundsvall.id, 'Utan anmärkning AB');
  s.unitStopped = await createSupplier(t, cast.adda.id, 'Hemmen AB');
  const withUnit = await t.request({ method: 'PUT', url: `/v1/suppliers/${s.unitStopped}`, as: cast.adda.id, payload: { name: 'Hemmen AB', units: [{ name: 'Hemmet Norr' }, { name: 'Hemmet Söder' }], reason: 'Hemmen.' } });
  expect(withUnit.statusCode, withUnit.body).toBe(200);
  unitId = withUnit.json().units[0].id;

  const hvb = await agreement('hvb_children', s.addaStopped);
  const family = await agreement('family_home_agency', s.unitStopped, s.deviation);
  s.addaStop = await post(cast.adda.id, s.addaStopped, { type: 'call_off_stop', agreementId: hvb, summary: '=Avropsstopp, "betalningsanmärkningar".' });
  const group = await t.request({ method: 'POST', url: '/v1/supplier-links', as: cast.sundsvall.id, payload: { kind: 'group', fromOrgNumber: s.parent, toOrgNumber: s.addaStopped, reason: 'Enligt Bolagsverket.' } });
  expect(group.statusCode, group.body).toBe(201);
  await post(cast.sundsvall.id, s.sundsvallStopped, { type: 'call_off_stop', summary: 'Sundsvalls egen avropspaus.' });
  await post(cast.umea.id, s.deviation, { type: 'deviation', severity: 'high', category: 'staffing', summary: 'Bemanningen saknas nattetid.' });
  s.tip = await post(cast.sundsvall.id, s.tipOnly, { type: 'deviation', severity: 'critical', category: 'safety', recipientOrgId: cast.adda.id, summary: 'Tips till Adda.' });
  const retracted = await post(cast.sundsvall.id, s.retractedOnly, { type: 'call_off_stop', summary: 'Fel leverantör.' });
  expect((await t.request({ method: 'POST', url: `/v1/signals/${retracted}/retract`, as: cast.sundsvall.id, payload: { reason: 'Fel leverantör.' } })).statusCode).toBe(200);
  await post(cast.sundsvall.id, s.lowOnly, { type: 'deviation', severity: 'low', category: 'other', summary: 'En liten brist.' });
  await post(cast.sundsvall.id, s.laterOnly, { type: 'call_off_stop', effectiveFrom: daysFromNow(30), summary: 'Planerad paus.' });
  await post(cast.adda.id, s.unitStopped, { type: 'call_off_stop', agreementId: family, unitId, summary: 'Avropsstopp för Hemmet Norr.' });
});
afterAll(() => t.close());

const registered = () => [s.addaStopped, s.parent, s.sundsvallStopped, s.deviation, s.tipOnly, s.retractedOnly, s.lowOnly, s.laterOnly, s.clear, s.unitStopped];

describe('GET /v1/suppliers/flagged: the suppliers that are blocked or caution for me', () => {
  it('lists, for every kind of caller, exactly the suppliers whose single status read is not clear, with the same answer', async () => {
    for (const as of callers) {
      const listed = await flagged(as);
      const numbers = listed.map((f) => f.orgNumber);
      expect(numbers, as).toEqual([...numbers].sort());
      const expected: string[] = [];
      for (const orgNumber of registered()) {
        const single = await statusOf(orgNumber, as);
        if (single.status === 'clear') continue;
        expected.push(orgNumber);
        const item = listed.find((f) => f.orgNumber === orgNumber);
        expect(item, `${as} ${orgNumber}`).toBeDefined();
        const { status, reasons, units } = item!;
        expect({ status, reasons, units }, `${as} ${orgNumber}`).toEqual(single);
      }
      expect(numbers.sort(), as).toEqual(expected.sort());
    }
  });

  it('answers the cases the rules decide: a stop from the purchasing centre blocks, a member’s own only its issuer, a linked block and a unit’s stop are cautions', async () => {
    const umea = new Map((await flagged(cast.umea.id)).map((f) => [f.orgNumber, f]));
    expect(umea.get(s.addaStopped)).toMatchObject({ status: 'blocked', name: 'Avropsstoppet AB', reasons: [{ signalId: s.addaStop, effect: 'blocked' }] });
    expect(umea.get(s.parent)).toMatchObject({ status: 'caution', reasons: [{ signalId: s.addaStop, effect: 'caution', linkedThrough: { relation: 'subsidiary', orgNumber: s.addaStopped } }] });
    expect(umea.get(s.sundsvallStopped)?.status).toBe('caution');
    expect(umea.get(s.deviation)?.status).toBe('caution');
    expect(umea.get(s.unitStopped)).toMatchObject({ status: 'caution', units: [{ unitId, status: 'blocked' }] });
    const sundsvall = new Map((await flagged(cast.sundsvall.id)).map((f) => [f.orgNumber, f.status]));
    expect(sundsvall.get(s.sundsvallStopped)).toBe('blocked');
  });

  it('does not list a supplier whose only signal the caller may not read, or that does not count', async () => {
    const umea = (await flagged(cast.umea.id)).map((f) => f.orgNumber);
    // Another organisation's tip, a retracted signal, a low deviation, a stop not begun, no signal.
    for (const name of ['tipOnly', 'retractedOnly', 'lowOnly', 'laterOnly', 'clear'] as const) expect(umea, name).not.toContain(s[name]);
    // The tip counts for its issuer, its recipient and auditors, as in their status reads.
    for (const as of [cast.sundsvall.id, cast.adda.id, cast.revisor.id]) expect((await flagged(as)).map((f) => f.orgNumber), as).toContain(s.tipOnly);
    // A retracted signal counts for no one, its issuer and auditors included.
    for (const as of [cast.sundsvall.id, cast.revisor.id]) expect((await flagged(as)).map((f) => f.orgNumber), as).not.toContain(s.retractedOnly);
  });

  it('filters by status and by agreement category, the statuses still the single read’s', async () => {
    for (const as of callers) {
      const all = await flagged(as);
      expect(await flagged(as, '&status=blocked'), as).toEqual(all.filter((f) => f.status === 'blocked'));
      expect(await flagged(as, '&status=caution'), as).toEqual(all.filter((f) => f.status === 'caution'));
    }
    expect((await flagged(cast.umea.id, '&agreementCategory=hvb_children')).map((f) => f.orgNumber)).toEqual([s.addaStopped]);
    expect((await flagged(cast.umea.id, '&agreementCategory=family_home_agency')).map((f) => f.orgNumber).sort()).toEqual([s.deviation, s.unitStopped].sort());
    expect(await flagged(cast.umea.id, '&agreementCategory=family_home_agency&status=blocked')).toEqual([]);
    expect(await flagged(cast.umea.id, '&agreementCategory=protected_housing')).toEqual([]);
  });

  it('logs the read of a restricted reason it lists, and nothing for what it leaves out', async () => {
    const readsOfTip = async () =>
      ((await t.request({ method: 'GET', url: '/v1/audit/reads?limit=200', as: cast.revisor.id })).json().items as Array<{ orgId: string; action: string; targetIds: string[] }>)
        .filter((r) => r.targetIds.includes(s.tip))
        .map((r) => `${r.orgId} ${r.action}`)
        .sort();
    const before = await readsOfTip();
    // Adda asks for blocked suppliers only: the tip (a caution) is not on the page, and is not logged as read.
    expect((await flagged(cast.adda.id, '&status=blocked')).map((f) => f.orgNumber)).not.toContain(s.tipOnly);
    await flagged(cast.umea.id);
    expect(await readsOfTip()).toEqual(before);
    expect((await flagged(cast.adda.id, '&status=caution')).map((f) => f.orgNumber)).toContain(s.tipOnly);
    expect(await readsOfTip()).toEqual([...before, `${cast.adda.id} signal.read_restricted`].sort());
  });

  it('pages one supplier at a time with the same items as one page', async () => {
    const whole = (await t.request({ method: 'GET', url: '/v1/suppliers/flagged?limit=200', as: cast.umea.id })).json();
    expect(whole.nextCursor).toBeNull();
    expect(new Date(whole.asOf).getTime()).toBeGreaterThan(Date.now() - 60_000);
    const one: Flagged[] = [];
    let cursor: string | null = null;
    do {
      const res = await t.request({ method: 'GET', url: `/v1/suppliers/flagged?limit=1&status=caution${cursor ? `&cursor=${cursor}` : ''}`, as: cast.umea.id });
      expect(res.json().items.length).toBeLessThanOrEqual(1);
      one.push(...res.json().items);
      cursor = res.json().nextCursor;
    } while (cursor);
    expect(one).toEqual(whole.items.filter((f: Flagged) => f.status === 'caution'));
  });

  it('comes as CSV with the same rows, page by page, parsed by a strict RFC 4180 parser', async () => {
    const json = await flagged(cast.umea.id);
    const rows = await csvPages(t, '/v1/suppliers/flagged?limit=2', cast.umea.id);
    expect(rows.map((r) => r.orgNumber)).toEqual(json.map((f) => f.orgNumber));
    for (const [i, f] of json.entries()) {
      expect(rows[i]).toMatchObject({
        name: f.name,
        status: f.status,
        reasonCount: String(f.reasons.length),
        signalIds: f.reasons.map((r) => r.signalId).join(' '),
        blockingSignalIds: f.reasons.filter((r) => r.effect === 'blocked').map((r) => r.signalId).join(' '),
        signalTypes: f.reasons.map((r) => r.type).join(' '),
        units: f.units.map((u) => `${u.unitId}=${u.status}`).join(' '),
      });
    }
    expect(rows.find((r) => r.orgNumber === s.parent)?.linkedOrgNumbers).toBe(s.addaStopped);
  });

  it('refuses a token without registry:read, no token, and bad parameters', async () => {
    const noRead = await t.request({ method: 'GET', url: '/v1/suppliers/flagged', as: cast.umea.id, scope: 'signals:write subscriptions:manage' });
    expect(noRead.statusCode).toBe(403);
    expect(noRead.json().code).toBe('auth.missing_scope');
    expect((await t.app.inject({ method: 'GET', url: '/v1/suppliers/flagged' })).json().code).toBe('auth.missing_token');
    for (const [query, code] of [
      ['status=clear', 'input.invalid'],
      ['agreementCategory=hvb', 'input.invalid'],
      ['limit=0', 'input.invalid'],
      ['unitId=x', 'input.invalid'],
      ['cursor=bm90LW91cnM', 'input.invalid_cursor'],
    ]) {
      const res = await t.request({ method: 'GET', url: `/v1/suppliers/flagged?${query}`, as: cast.umea.id });
      expect(res.statusCode, query).toBe(400);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(res.json().code, query).toBe(code);
    }
  });
});

describe('POST /v1/suppliers/status as CSV', () => {
  const questions = () => [s.addaStopped, s.parent, { orgNumber: s.unitStopped, unitId }, s.unitStopped, s.clear, '556677-8899', '12345', { orgNumber: s.deviation, unitId }];
  const batch = (as: string, body: Record<string, unknown>, accept?: string) =>
    t.request({ method: 'POST', url: '/v1/suppliers/status', as, payload: body, ...(accept ? { headers: { accept } } : {}) });

  it('holds one row per answer, in order, with the JSON answer’s content', async () => {
    for (const as of [cast.umea.id, cast.sundsvall.id, cast.revisor.id]) {
      const json = await batch(as, { orgNumbers: questions() });
      expect(json.statusCode, json.body).toBe(200);
      const csv = await batch(as, { orgNumbers: questions() }, 'text/csv');
      expect(csv.statusCode, csv.body).toBe(200);
      expect(csv.headers['content-type']).toMatch(/^text\/csv; charset=utf-8; header=present/);
      expect(csv.headers.vary).toMatch(/accept/i);
      expect(csv.headers['cache-control']).toBe('no-store');
      const { header, records } = csvRecords(csv.body);
      expect(header).toEqual(['orgNumber', 'unitId', 'registered', 'status', 'reasonCount', 'signalIds', 'blockingSignalIds', 'signalTypes', 'linkedOrgNumbers', 'units', 'problemCode', 'problemDetail', 'asOf', 'asOrganisation']);
      const results = json.json().results as Array<Flagged & { unitId: string | null; registered: boolean; problem?: { code: string; detail: string } }>;
      expect(records).toHaveLength(results.length);
      for (const [i, r] of results.entries()) {
        expect(records[i], `${as} ${i}`).toEqual({
          orgNumber: r.orgNumber,
          unitId: r.unitId,
          registered: String(r.registered),
          status: r.status,
          reasonCount: String(r.reasons.length),
          signalIds: r.reasons.map((x) => x.signalId).join(' '),
          blockingSignalIds: r.reasons.filter((x) => x.effect === 'blocked').map((x) => x.signalId).join(' '),
          signalTypes: r.reasons.map((x) => x.type).join(' '),
          linkedOrgNumbers: [...new Set(r.reasons.flatMap((x) => (x.linkedThrough ? [x.linkedThrough.orgNumber] : [])))].join(' '),
          units: r.units.map((u) => `${u.unitId}=${u.status}`).join(' '),
          problemCode: r.problem?.code ?? null,
          problemDetail: r.problem?.detail ?? null,
          asOf: records[i]!.asOf,
          asOrganisation: null,
        });
        expect(Date.parse(records[i]!.asOf!)).not.toBeNaN();
      }
      // The statuses the single read gives, through the CSV too.
      expect(records.map((r) => r.status)).toEqual(results.map((r) => r.status));
      expect(records[0]!.status).toBe('blocked');
      expect(records[2]).toMatchObject({ unitId, status: 'blocked' });
      expect(records.slice(5, 7).map((r) => r.status)).toEqual(['unknown', 'invalid']);
    }
  });

  it('answers as of a past moment in CSV too, and keeps JSON for */*', async () => {
    const asOf = new Date(Date.now() - 1000).toISOString();
    const json = await batch(cast.umea.id, { orgNumbers: [s.addaStopped], asOf });
    const csv = await batch(cast.umea.id, { orgNumbers: [s.addaStopped], asOf }, 'text/csv');
    expect(csv.statusCode, csv.body).toBe(200);
    expect(csvRecords(csv.body).records[0]).toMatchObject({ status: json.json().results[0].status, asOf: new Date(json.json().asOf).toISOString(), asOrganisation: json.json().asOrganisation });
    expect(json.json().asOrganisation).toBe(cast.umea.id);
    // An auditor asking what Umeå was told gets Umeå's answer, and the CSV says whose it is.
    const auditor = await batch(cast.revisor.id, { orgNumbers: [s.addaStopped], asOf, asOrganisation: cast.umea.id }, 'text/csv');
    expect(csvRecords(auditor.body).records[0]).toMatchObject({ status: json.json().results[0].status, asOrganisation: cast.umea.id });
    const any = await batch(cast.umea.id, { orgNumbers: [s.addaStopped] }, '*/*');
    expect(any.headers['content-type']).toMatch(/application\/json/);
  });

  it('refuses a receipt as CSV with 400, and a caller without registry:read with 403', async () => {
    const receipt = await batch(cast.umea.id, { orgNumbers: [s.addaStopped], receipt: { purpose: 'placement' } }, 'text/csv');
    expect(receipt.statusCode, receipt.body).toBe(400);
    expect(receipt.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(receipt.json().code).toBe('status.receipt_not_in_csv');
    const noRead = await t.request({ method: 'POST', url: '/v1/suppliers/status', as: cast.umea.id, scope: 'signals:write', payload: { orgNumbers: [s.addaStopped] }, headers: { accept: 'text/csv' } });
    expect(noRead.statusCode).toBe(403);
    expect(noRead.json().code).toBe('auth.missing_scope');
  });
});
