import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { swedishToday } from '../src/modules/signals/signals.ivo.ts';
import { startTestApp, type TestApp } from './helpers/app.ts';
import { csvRecords } from './helpers/csv.ts';
import { asOwner } from './helpers/db.ts';
import { cast, createSupplier, newOrgNumber, personnummer, seedCast } from './helpers/factories.ts';

/**
 * Follow-up records (issue 15, item 5; the reports of item 6): a check an organisation
 * made and its outcome. Through HTTP against PostgreSQL: they change no status, follow the
 * signals' visibility, are never edited, list as JSON and as CSV that an RFC 4180 parser
 * reads back to the same rows, and count per month, kind and outcome to the rows listed.
 */

const { adda, kfv, sundsvall, timra, umea, revisor } = Object.fromEntries(Object.entries(cast).map(([k, v]) => [k, v.id])) as Record<keyof typeof cast, string>;
const OPERATOR = 'registry';
const kinds = ['ivo_register', 'unannounced_visit', 'credit_check', 'document_review', 'other'] as const;

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
  await seedCast(t);
});
afterAll(() => t?.close());

interface FollowUp {
  id: string;
  status: string;
  note: string | null;
  retraction: { reason: string; retractedAt: string } | null;
  [key: string]: unknown;
}

const today = () => swedishToday(new Date());
const daysAgo = (days: number) => swedishToday(new Date(Date.now() - days * 86_400_000));

async function ok(res: { statusCode: number; body: string; json: () => any }, status = 200) {
  expect(res.statusCode, res.body).toBe(status);
  return res.json();
}

const record = (as: string, payload: Record<string, unknown>) => t.request({ method: 'POST', url: '/v1/follow-ups', as, payload });
const recordOk = async (as: string, payload: Record<string, unknown>): Promise<FollowUp> => ok(await record(as, payload), 201);
const check = (supplierOrgNumber: string, extra: Record<string, unknown> = {}) => ({
  supplierOrgNumber,
  kind: 'ivo_register',
  checkedOn: daysAgo(1),
  outcome: 'no_remarks',
  ...extra,
});
const deviation = async (as: string, supplierOrgNumber: string, extra: Record<string, unknown> = {}) =>
  (
    await ok(
      await t.request({
        method: 'POST',
        url: '/v1/signals',
        as,
        payload: { type: 'deviation', supplierOrgNumber, severity: 'high', category: 'staffing', summary: 'Bemanningen nattetid understeg avtalad nivå.', ...extra },
      }),
      201,
    )
  ).id as string;
const get = (id: string, as: string) => t.request({ method: 'GET', url: `/v1/follow-ups/${id}`, as });
const list = async (as: string, query = '', accept?: string) =>
  t.request({ method: 'GET', url: `/v1/follow-ups${query}`, as, ...(accept ? { headers: { accept } } : {}) });
/** Every page of a JSON list. */
async function listAll(as: string, query: string): Promise<FollowUp[]> {
  const items: FollowUp[] = [];
  let cursor: string | null = null;
  do {
    const page: { items: FollowUp[]; nextCursor: string | null } = await ok(await list(as, `${query}${cursor ? `&cursor=${cursor}` : ''}`));
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return items;
}

/** The status of a supplier as each of these organisations reads it, without the moment it holds for. */
const statuses = async (orgNumber: string) =>
  Promise.all(
    [sundsvall, timra, umea, adda, kfv, revisor].map(async (as) => {
      const { asOf: _asOf, ...rest } = await ok(await t.request({ method: 'GET', url: `/v1/suppliers/${orgNumber}/status`, as }));
      return { as, ...rest };
    }),
  );

describe('a follow-up record changes no status', () => {
  it('leaves every status as it was, clear or blocked, after records of every kind and outcome', async () => {
    const clear = await createSupplier(t, sundsvall, 'Uppföljda Gården AB');
    const stopped = await createSupplier(t, sundsvall, 'Pausade Hemmet AB');
    await ok(await t.request({ method: 'POST', url: '/v1/signals', as: sundsvall, payload: { type: 'call_off_stop', supplierOrgNumber: stopped, summary: 'Sundsvalls avropspaus.' } }), 201);
    // A low deviation decides no status, so a record linking it could not hide behind one.
    const lowOnClear = await deviation(sundsvall, clear, { severity: 'low' });
    const lowOnStopped = await deviation(sundsvall, stopped, { severity: 'low' });
    const before = { clear: await statuses(clear), stopped: await statuses(stopped) };
    expect(before.clear.every((s) => s.status === 'clear')).toBe(true);
    expect(before.stopped.find((s) => s.as === sundsvall)!.status).toBe('blocked');

    for (const [supplier, low] of [[clear, lowOnClear], [stopped, lowOnStopped]] as const) {
      for (const kind of kinds) {
        for (const visibility of ['members', 'issuer_and_auditors']) {
          await recordOk(sundsvall, check(supplier, { kind, visibility }));
          await recordOk(sundsvall, check(supplier, { kind, visibility, outcome: 'deviation', deviationSignalId: low }));
        }
      }
      const one = await recordOk(umea, check(supplier, { kind: 'credit_check' }));
      await ok(await t.request({ method: 'POST', url: `/v1/follow-ups/${one.id}/retract`, as: umea, payload: { reason: 'Fel leverantör.' } }));
    }
    expect(await statuses(clear)).toEqual(before.clear);
    expect(await statuses(stopped)).toEqual(before.stopped);
  });
});

describe('recording', () => {
  it('answers 201 with the record, a Location and an audit entry in the same transaction', async () => {
    const supplier = await createSupplier(t);
    const res = await record(sundsvall, check(supplier, { kind: 'unannounced_visit', note: 'Oanmält besök kväll; bemanning enligt avtal.' }));
    const body = await ok(res, 201);
    expect(res.headers.location).toBe(`/v1/follow-ups/${body.id}`);
    expect(body).toMatchObject({ supplierOrgNumber: supplier, issuerOrgId: sundsvall, kind: 'unannounced_visit', outcome: 'no_remarks', deviationSignalId: null, visibility: 'members', status: 'recorded', retraction: null });
    expect(body).not.toHaveProperty('createdBy');
    const audit = await ok(await t.request({ method: 'GET', url: `/v1/audit?target=${body.id}`, as: sundsvall }));
    expect(audit.items.map((e: { action: string }) => e.action)).toEqual(['follow_up.recorded']);
    expect(audit.items[0]).toMatchObject({ orgId: sundsvall, actorSub: `${sundsvall}-client`, targetType: 'follow_up' });
  });

  it('takes the check’s day as YYYY-MM-DD, today at the latest', async () => {
    const supplier = await createSupplier(t);
    await recordOk(sundsvall, check(supplier, { checkedOn: today() }));
    const tomorrow = swedishToday(new Date(Date.now() + 36 * 3_600_000));
    const future = await record(sundsvall, check(supplier, { checkedOn: tomorrow }));
    expect(future.statusCode, future.body).toBe(422);
    expect(future.json()).toMatchObject({ code: 'follow_ups.checked_on_in_future', errors: [{ path: 'checkedOn' }] });
    for (const checkedOn of ['2026-02-30', '2026-3-01', '2026-03-01T10:00:00Z', '0000-01-01', 20260301, null]) {
      const res = await record(sundsvall, check(supplier, { checkedOn }));
      expect(res.statusCode, `${checkedOn}: ${res.body}`).toBe(400);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.json().code).toBe('input.invalid');
    }
  });

  it('refuses bad input with a 4xx problem and a stable code, writing nothing', async () => {
    const supplier = await createSupplier(t);
    const otherUnits = await ok(await t.request({ method: 'PUT', url: `/v1/suppliers/${newOrgNumber()}`, as: sundsvall, payload: { name: 'Annan AB', units: [{ name: 'Annan enhet' }] } }), 201);
    const cases: Array<[Record<string, unknown>, number, string]> = [
      [check(supplier, { kind: 'tax_audit' }), 400, 'input.invalid'],
      [check(supplier, { outcome: 'remarks' }), 400, 'input.invalid'],
      [check(supplier, { extra: 1 }), 400, 'input.invalid'],
      [check('559999-9999'), 400, 'input.invalid'],
      [check(supplier, { note: `Samtal med ${personnummer('120315')} om boendet.` }), 422, 'input.personal_data'],
      [check(supplier, { note: '' }), 400, 'input.invalid'],
      [check(supplier, { outcome: 'deviation' }), 422, 'follow_ups.deviation_required'],
      [check(supplier, { deviationSignalId: '0190a000-0000-7000-8000-000000000000' }), 422, 'follow_ups.deviation_not_expected'],
      [check(supplier, { unitId: otherUnits.units[0].id }), 422, 'follow_ups.unknown_unit'],
      [check(newOrgNumber()), 422, 'follow_ups.unknown_supplier'],
    ];
    for (const [payload, status, code] of cases) {
      const res = await record(sundsvall, payload);
      expect(res.statusCode, `${JSON.stringify(payload)}: ${res.body}`).toBe(status);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.json().code).toBe(code);
    }
    expect(await listAll(revisor, `?supplier=${supplier}`)).toEqual([]);
  });

  it('is for the kinds that issue signals, with signals:write', async () => {
    const supplier = await createSupplier(t);
    for (const as of [adda, kfv, timra]) await recordOk(as, check(supplier));
    for (const [as, scope, code] of [
      [revisor, 'registry:read signals:write audit:read', 'auth.forbidden'],
      [OPERATOR, 'registry:read signals:write admin', 'auth.forbidden'],
      [sundsvall, 'registry:read', 'auth.missing_scope'],
    ] as const) {
      const res = await t.request({ method: 'POST', url: '/v1/follow-ups', as, scope, payload: check(supplier) });
      expect(res.statusCode, res.body).toBe(403);
      expect(res.json().code).toBe(code);
    }
  });
});

describe('the deviation a check led to', () => {
  it('is the issuer’s own deviation about the same supplier, not retracted', async () => {
    const supplier = await createSupplier(t);
    const other = await createSupplier(t);
    const own = await deviation(sundsvall, supplier);
    const linked = await recordOk(sundsvall, check(supplier, { kind: 'document_review', outcome: 'deviation', deviationSignalId: own }));
    expect(linked).toMatchObject({ outcome: 'deviation', deviationSignalId: own });

    const byAnother = await deviation(umea, supplier);
    const aboutAnother = await deviation(sundsvall, other);
    const stop = (await ok(await t.request({ method: 'POST', url: '/v1/signals', as: sundsvall, payload: { type: 'call_off_stop', supplierOrgNumber: supplier, summary: 'Egen paus.' } }), 201)).id;
    const retracted = await deviation(sundsvall, supplier);
    await ok(await t.request({ method: 'POST', url: `/v1/signals/${retracted}/retract`, as: sundsvall, payload: { reason: 'Fel.' } }));
    const unknown = '0190a000-0000-7000-8000-0000000000aa';
    for (const deviationSignalId of [byAnother, aboutAnother, stop, retracted, unknown]) {
      const res = await record(sundsvall, check(supplier, { outcome: 'deviation', deviationSignalId }));
      expect(res.statusCode, res.body).toBe(422);
      expect(res.json()).toMatchObject({ code: 'follow_ups.invalid_deviation', errors: [{ path: 'deviationSignalId' }] });
    }
    // A third municipality cannot hang its record on Sundsvall's deviation either.
    const third = await record(umea, check(supplier, { outcome: 'deviation', deviationSignalId: own }));
    expect(third.statusCode, third.body).toBe(422);
    expect(third.json().code).toBe('follow_ups.invalid_deviation');
  });

  it('keeps a restricted deviation restricted: the record of its check must be issuer_and_auditors too', async () => {
    const supplier = await createSupplier(t);
    const hidden = await deviation(sundsvall, supplier, { visibility: 'issuer_and_auditors' });
    const wide = await record(sundsvall, check(supplier, { outcome: 'deviation', deviationSignalId: hidden }));
    expect(wide.statusCode, wide.body).toBe(422);
    expect(wide.json().code).toBe('follow_ups.visibility_wider_than_deviation');
    await recordOk(sundsvall, check(supplier, { outcome: 'deviation', deviationSignalId: hidden, visibility: 'issuer_and_auditors' }));
  });
});

describe('who reads a record', () => {
  it('shows members records to everyone, restricted ones only to the issuer and auditors, and logs those reads', async () => {
    const supplier = await createSupplier(t);
    const open = await recordOk(sundsvall, check(supplier, { note: 'Inget att anmärka.' }));
    const restricted = await recordOk(sundsvall, check(supplier, { kind: 'credit_check', visibility: 'issuer_and_auditors', note: 'Kreditupplysning utan anmärkning.' }));
    for (const as of [timra, umea, adda, kfv, OPERATOR]) {
      await ok(await get(open.id, as));
      const res = await get(restricted.id, as);
      expect(res.statusCode, `${as}: ${res.body}`).toBe(404);
      expect(res.json().code).toBe('follow_ups.not_found');
      expect((await listAll(as, `?supplier=${supplier}`)).map((r) => r.id)).toEqual([open.id]);
    }
    for (const as of [sundsvall, revisor]) {
      expect(await ok(await get(restricted.id, as))).toEqual(restricted);
      expect((await listAll(as, `?supplier=${supplier}`)).map((r) => r.id)).toEqual([restricted.id, open.id]);
    }
    const reads = await ok(await t.request({ method: 'GET', url: `/v1/audit/reads?organisation=${revisor}`, as: revisor }));
    const logged = reads.items.filter((r: { action: string; targetIds: string[] }) => r.action === 'follow_up.read_restricted' && r.targetIds.includes(restricted.id));
    expect(logged.length).toBeGreaterThanOrEqual(2);
    expect(logged.every((r: { targetIds: string[] }) => !r.targetIds.includes(open.id))).toBe(true);
  });

  it('lets only the issuer retract, once, keeping the record and its reason for the issuer and auditors', async () => {
    const supplier = await createSupplier(t);
    const mine = await recordOk(sundsvall, check(supplier, { kind: 'unannounced_visit' }));
    for (const as of [umea, timra, kfv, adda]) {
      const res = await t.request({ method: 'POST', url: `/v1/follow-ups/${mine.id}/retract`, as, payload: { reason: 'Någon annans.' } });
      expect(res.statusCode, res.body).toBe(404);
      expect(res.json().code).toBe('follow_ups.not_found');
    }
    expect(await ok(await get(mine.id, sundsvall))).toEqual(mine);

    const retracted = await ok(await t.request({ method: 'POST', url: `/v1/follow-ups/${mine.id}/retract`, as: sundsvall, payload: { reason: 'Besöket gällde en annan leverantör.' } }));
    expect(retracted).toMatchObject({ id: mine.id, status: 'retracted', retraction: { reason: 'Besöket gällde en annan leverantör.' } });
    expect({ ...retracted, status: 'recorded', retraction: null }).toEqual(mine);
    const again = await t.request({ method: 'POST', url: `/v1/follow-ups/${mine.id}/retract`, as: sundsvall, payload: { reason: 'Igen.' } });
    expect(again.statusCode, again.body).toBe(409);
    expect(again.json().code).toBe('follow_ups.retracted');

    expect((await get(mine.id, timra)).statusCode).toBe(404);
    expect(await ok(await get(mine.id, revisor))).toEqual(retracted);
    expect((await listAll(sundsvall, `?supplier=${supplier}&status=retracted`)).map((r) => r.id)).toEqual([mine.id]);
    expect(await listAll(sundsvall, `?supplier=${supplier}&status=recorded`)).toEqual([]);
    const audit = await ok(await t.request({ method: 'GET', url: `/v1/audit?target=${mine.id}`, as: sundsvall }));
    expect(audit.items.map((e: { action: string }) => e.action)).toEqual(['follow_up.recorded', 'follow_up.retracted']);
  });

  it('takes one retraction when two arrive at once', async () => {
    const supplier = await createSupplier(t);
    const mine = await recordOk(sundsvall, check(supplier));
    const answers = await Promise.all(
      ['Första skälet.', 'Andra skälet.', 'Tredje skälet.'].map((reason) => t.request({ method: 'POST', url: `/v1/follow-ups/${mine.id}/retract`, as: sundsvall, payload: { reason } })),
    );
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 409, 409]);
    const winner = answers.find((a) => a.statusCode === 200)!.json();
    expect(await ok(await get(mine.id, sundsvall))).toEqual(winner);
    const audit = await ok(await t.request({ method: 'GET', url: `/v1/audit?target=${mine.id}`, as: sundsvall }));
    expect(audit.items.map((e: { action: string }) => e.action)).toEqual(['follow_up.recorded', 'follow_up.retracted']);
  });

  it('is never edited, not even by SQL behind the application', async () => {
    const supplier = await createSupplier(t);
    const mine = await recordOk(sundsvall, check(supplier));
    await expect(t.database.pool.query(`UPDATE follow_up_records SET outcome = 'no_remarks', note = 'ändrad' WHERE id = $1`, [mine.id])).rejects.toThrow(/append-only|permission denied/);
    await expect(t.database.pool.query(`DELETE FROM follow_up_records WHERE id = $1`, [mine.id])).rejects.toThrow(/append-only|permission denied/);
    // Not even the tables' owner, who holds every privilege: the triggers refuse it.
    await asOwner(t.testDb.url, async (owner) => {
      await expect(owner.query(`UPDATE follow_up_records SET outcome = 'no_remarks', note = 'ändrad' WHERE id = $1`, [mine.id])).rejects.toThrow(/append-only/);
      await expect(owner.query(`DELETE FROM follow_up_retractions`)).rejects.toThrow(/append-only/);
      await expect(owner.query(`TRUNCATE follow_up_records CASCADE`)).rejects.toThrow(/append-only/);
    });
    expect(await ok(await get(mine.id, sundsvall))).toEqual(mine);
  });

  it('shows in the supplier’s history by the same rule: auditors all, the operator the members-visible ones', async () => {
    const supplier = await createSupplier(t);
    const open = await recordOk(sundsvall, check(supplier));
    const restricted = await recordOk(sundsvall, check(supplier, { visibility: 'issuer_and_auditors' }));
    const gone = await recordOk(umea, check(supplier, { kind: 'other' }));
    const retracted = await ok(await t.request({ method: 'POST', url: `/v1/follow-ups/${gone.id}/retract`, as: umea, payload: { reason: 'Fel.' } }));
    const forAuditor = await ok(await t.request({ method: 'GET', url: `/v1/suppliers/${supplier}/history`, as: revisor }));
    expect(forAuditor.followUps).toEqual([open, restricted, retracted]);
    const forOperator = await ok(await t.request({ method: 'GET', url: `/v1/suppliers/${supplier}/history`, as: OPERATOR }));
    expect(forOperator.followUps).toEqual([open]);
  });
});

describe('lists as JSON and as CSV, and counts', () => {
  let supplier: string;
  const notes = [
    '=HYPERLINK("http://example.invalid","klicka")',
    '+46 saknas, "inget" att anmärka',
    '-2 i personal under natten\r\nåtgärdat dagen efter',
    '@SUM(A1:A2)',
    'Bemanning enligt schema; inga avvikelser.',
  ];

  beforeAll(async () => {
    supplier = await createSupplier(t, sundsvall, 'Rapportgården HVB AB');
    const dev = await deviation(timra, supplier);
    // Timrå's year: checks spread over months, kinds and outcomes, one retracted, and a few by others.
    for (let i = 0; i < 11; i++) {
      const body = check(supplier, {
        kind: kinds[i % kinds.length],
        checkedOn: daysAgo(3 + i * 17),
        ...(i % 4 === 1 ? { outcome: 'deviation', deviationSignalId: dev } : {}),
        ...(i < notes.length ? { note: notes[i] } : {}),
        ...(i === 6 ? { visibility: 'issuer_and_auditors' } : {}),
      });
      const created = await recordOk(timra, body);
      if (i === 9) await ok(await t.request({ method: 'POST', url: `/v1/follow-ups/${created.id}/retract`, as: timra, payload: { reason: '=fel' } }));
    }
    await recordOk(umea, check(supplier, { kind: 'credit_check' }));
    await recordOk(sundsvall, check(supplier, { kind: 'credit_check', visibility: 'issuer_and_auditors' }));
  });

  /** A JSON record as its CSV row reads back: strings, ISO times, the retraction flattened, formula starts defused. */
  const asCsvRow = (r: FollowUp): Record<string, string | null> => {
    const defuse = (v: string | null) => (v !== null && /^[=+\-@\t\r]/.test(v) ? `'${v}` : v);
    const { retraction, ...rest } = r;
    return Object.fromEntries(
      Object.entries({ ...rest, retractionReason: retraction?.reason ?? null, retractedAt: retraction?.retractedAt ?? null }).map(([k, v]) => [k, defuse(v as string | null)]),
    );
  };

  it('answers CSV for Accept: text/csv, page by page the same rows as the JSON list', async () => {
    for (const query of [`?supplier=${supplier}&limit=4`, `?supplier=${supplier}&issuer=${timra}&kind=ivo_register&limit=1`, `?issuer=${timra}&outcome=deviation&from=${daysAgo(100)}&limit=1`]) {
      let jsonUrl: string | null = query;
      let csvUrl: string | null = `/v1/follow-ups${query}`;
      let pages = 0;
      while (jsonUrl) {
        const json: { items: FollowUp[]; nextCursor: string | null } = await ok(await list(timra, jsonUrl));
        const res = await t.request({ method: 'GET', url: csvUrl!, as: timra, headers: { accept: 'text/csv' } });
        expect(res.statusCode, res.body).toBe(200);
        expect(res.headers['content-type']).toBe('text/csv; charset=utf-8; header=present');
        expect(res.headers.vary).toMatch(/accept/i);
        const { header, records } = csvRecords(res.body);
        expect(header).toEqual(['id', 'supplierOrgNumber', 'unitId', 'issuerOrgId', 'kind', 'checkedOn', 'outcome', 'deviationSignalId', 'note', 'visibility', 'status', 'retractionReason', 'retractedAt', 'createdAt']);
        expect(records).toEqual(json.items.map(asCsvRow));
        expect(records.length).toBeGreaterThan(0);
        // The next page's URL is in the Link header, with the same filters.
        const link = res.headers.link as string | undefined;
        if (json.nextCursor) {
          expect(link).toMatch(/^<\/v1\/follow-ups\?[^>]+>; rel="next"$/);
          csvUrl = link!.slice(1, link!.indexOf('>'));
          expect(new URL(csvUrl, 'http://x').searchParams.get('cursor')).toBe(json.nextCursor);
          jsonUrl = `${query}&cursor=${json.nextCursor}`;
        } else {
          expect(link).toBeUndefined();
          jsonUrl = null;
        }
        pages += 1;
      }
      expect(pages).toBeGreaterThan(1);
    }
  });

  it('defuses formula cells and quotes every text cell', async () => {
    const res = await list(timra, `?supplier=${supplier}&issuer=${timra}&limit=200`, 'text/csv');
    const { records } = csvRecords(res.body);
    const byNote = new Set(records.map((r) => r.note));
    expect(byNote).toContain(`'${notes[0]}`);
    expect(byNote).toContain(`'${notes[1]}`);
    expect(byNote).toContain(`'${notes[2]}`);
    expect(byNote).toContain(`'${notes[3]}`);
    expect(byNote).toContain(notes[4]);
    expect(records.find((r) => r.status === 'retracted')!.retractionReason).toBe("'=fel");
    // No line starts a cell with a formula sign outside quotes.
    expect(res.body).not.toMatch(/(^|,|\r\n)[=+\-@]/);
  });

  it('chooses by Accept: JSON by default, for wildcards and when JSON is preferred', async () => {
    for (const accept of [undefined, '*/*', 'application/json', 'text/csv;q=0.2, application/json', 'text/html']) {
      const res = await list(timra, `?supplier=${supplier}&limit=2`, accept);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.headers['content-type'], String(accept)).toMatch(/^application\/json/);
    }
    const csv = await list(timra, `?supplier=${supplier}&limit=2`, 'application/json;q=0.5, text/csv');
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    // Bad input is a problem in JSON, whatever was asked for.
    const bad = await list(timra, '?from=2026-13-01', 'text/csv');
    expect(bad.statusCode).toBe(400);
    expect(bad.headers['content-type']).toMatch(/^application\/problem\+json/);
  });

  it('leaves out of CSV what the caller may not see, as JSON does', async () => {
    const json = await listAll(umea, `?supplier=${supplier}&limit=200`);
    const { records } = csvRecords((await list(umea, `?supplier=${supplier}&limit=200`, 'text/csv')).body);
    expect(records).toEqual(json.map(asCsvRow));
    expect(records.some((r) => r.visibility === 'issuer_and_auditors' || r.status === 'retracted')).toBe(false);
  });

  it('counts per month, kind and outcome what the list shows with the same filters, retracted ones left out', async () => {
    const from = daysAgo(150);
    const to = today();
    for (const [as, filters] of [
      [timra, `issuer=${timra}&from=${from}&to=${to}`],
      [timra, `supplier=${supplier}`],
      [umea, `supplier=${supplier}`],
      [revisor, `supplier=${supplier}&kind=credit_check`],
      [timra, `issuer=${timra}&outcome=deviation`],
    ] as const) {
      const counts = await ok(await t.request({ method: 'GET', url: `/v1/follow-ups/counts?${filters}`, as }));
      const rows = await listAll(as, `?${filters}&status=recorded&limit=3`);
      const expected = new Map<string, number>();
      for (const r of rows) {
        const key = `${(r.checkedOn as string).slice(0, 7)}|${r.kind}|${r.outcome}`;
        expected.set(key, (expected.get(key) ?? 0) + 1);
      }
      const got = new Map(counts.items.map((c: { month: string; kind: string; outcome: string; count: number }) => [`${c.month}|${c.kind}|${c.outcome}`, c.count]));
      expect(got, `${as} ${filters}`).toEqual(expected);
      expect(counts.total).toBe(rows.length);
      expect(rows.length).toBeGreaterThan(0);
    }
    // Timrå's own year: ten records still standing (one of eleven retracted), its restricted one included.
    const own = await ok(await t.request({ method: 'GET', url: `/v1/follow-ups/counts?issuer=${timra}&supplier=${supplier}&from=${daysAgo(400)}`, as: timra }));
    expect(own.total).toBe(10);
    // Umeå does not count Timrå's restricted record.
    const others = await ok(await t.request({ method: 'GET', url: `/v1/follow-ups/counts?issuer=${timra}&supplier=${supplier}&from=${daysAgo(400)}`, as: umea }));
    expect(others.total).toBe(9);
  });

  it('refuses bad filters with 400', async () => {
    for (const query of ['?from=2026-02-30', '?to=yesterday', '?kind=audit', '?outcome=bad', '?status=active', '?supplier=123', '?cursor=not-ours', '?limit=0', '?unknown=1']) {
      const res = await list(timra, query);
      expect(res.statusCode, `${query}: ${res.body}`).toBe(400);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    }
    const counts = await t.request({ method: 'GET', url: '/v1/follow-ups/counts?limit=5', as: timra });
    expect(counts.statusCode).toBe(400);
  });
});
