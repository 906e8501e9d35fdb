import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeCursor } from '../src/lib/cursor.ts';
import { withLuhnDigit } from '../src/lib/identity-numbers.ts';
import { uuidv7 } from '../src/lib/ids.ts';
import { startTestApp, type TestApp } from './helpers/app.ts';
import { cast, createSupplier, deviation, newOrgNumber, personnummer, seedCast } from './helpers/factories.ts';

// Input validation and error answers through the HTTP layer (design.md invariants 4
// and 5): bad input gets a 4xx problem+json with a stable code, never a 5xx, and
// free text carrying a personnummer or samordningsnummer is refused with a 422.

let t: TestApp;
beforeAll(async () => {
  // Private networks allowed so a subscription URL passes the address check and only validation decides.
  t = await startTestApp({ WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'true' });
  await seedCast(t);
});
afterAll(() => t.close());

// A personnummer (1981-12-18) and a samordningsnummer for the same date (day + 60).
const PNR = personnummer('811218', '987');
const SAMORDNINGSNUMMER = personnummer('811278', '987');

/** Asserts the RFC 9457 shape every error answer has, and returns the body. */
function expectProblem(res: LightMyRequestResponse, status: number, code: string) {
  expect(res.statusCode, res.body).toBe(status);
  expect(String(res.headers['content-type'])).toMatch(/^application\/problem\+json/);
  const body = res.json();
  expect(body).toMatchObject({
    type: `/problems/${code}`,
    title: expect.any(String),
    status,
    detail: expect.any(String),
    code,
    requestId: res.headers['x-request-id'],
  });
  expect(body.title).not.toBe('');
  expect(body.detail).not.toBe('');
  expect(body.requestId).not.toBe('');
  expect(body).not.toHaveProperty('stack');
  expect(res.body).not.toMatch(/\bat .+\.ts:\d+/);
  return body;
}

const put = (orgNumber: string, payload: object, as: string = cast.sundsvall.id) =>
  t.request({ method: 'PUT', url: `/v1/suppliers/${orgNumber}`, as, payload });
const getSupplier = (orgNumber: string) => t.request({ method: 'GET', url: `/v1/suppliers/${orgNumber}`, as: cast.revisor.id });
/** Sends a signal and returns the answer, whatever it is (postSignal in the factories insists on 201). */
const sendSignal = (payload: object, as: string = cast.sundsvall.id) => t.request({ method: 'POST', url: '/v1/signals', as, payload });
const signalsAbout = async (orgNumber: string) => {
  const res = await t.request({ method: 'GET', url: `/v1/signals?supplier=${orgNumber}`, as: cast.revisor.id });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items as Array<{ id: string; summary: string; version: number }>;
};

describe('organisation numbers on PUT /v1/suppliers/{orgNumber}', () => {
  it.each([
    ['with hyphen', '556016-0680', '556016-0680'],
    ['without hyphen', '5566778899', '556677-8899'],
    ['a state authority (first digit 2)', '212000-0142', '212000-0142'],
    ['a foundation (first digit 8)', '8020014463', '802001-4463'],
  ])('a legal entity %s (%s) is registered: 201', async (_case, input, printed) => {
    const res = await put(input, { name: 'Exempelgården Omsorg AB' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ orgNumber: printed, soleTrader: false, name: 'Exempelgården Omsorg AB' });
    expect((await getSupplier(input)).statusCode).toBe(200);
  });

  it.each([
    ['wrong check digit', '556016-0681'],
    ['9 digits', '556016068'],
    ['9 digits with hyphen', '556016-068'],
    ['11 digits', '55601606800'],
    ['letters', '55601A-0680'],
    ['hyphen in the wrong place', '55601-60680'],
    ['12-digit personnummer', `19${PNR.replace('-', '')}`],
    ['12-digit personnummer with hyphen', `19${PNR}`],
    ['plus separator', PNR.replace('-', '+')],
    ['digits 3–4 = 19, not a date (Luhn-valid)', '551901-2347'],
    ['day 32 (Luhn-valid)', '811232-9878'],
  ])('%s (%s): 400 input.invalid naming params.orgNumber, nothing written', async (_case, input) => {
    const countSuppliers = async () => (await t.database.pool.query('SELECT count(*)::int AS n FROM suppliers')).rows[0].n as number;
    const before = await countSuppliers();
    const res = await put(encodeURIComponent(input), { name: 'Exempelgården Omsorg AB' });
    const body = expectProblem(res, 400, 'input.invalid');
    expect(body.errors).toEqual([expect.objectContaining({ path: 'params.orgNumber', message: expect.stringMatching(/invalid organisation number/) })]);
    expect(await countSuppliers()).toBe(before);
  });

  it.each([
    ['soleTrader omitted', {}],
    ['soleTrader: false', { soleTrader: false }],
  ])('a personnummer with %s: 422 suppliers.sole_trader_unconfirmed, nothing written', async (_case, extra) => {
    const number = personnummer('640327', '381');
    const res = await put(number, { name: 'Anna Andersson Omsorg', ...extra });
    expectProblem(res, 422, 'suppliers.sole_trader_unconfirmed');
    expectProblem(await getSupplier(number), 404, 'suppliers.not_found');
  });

  it('a personnummer with soleTrader: true is registered as a sole trader (201)', async () => {
    const number = personnummer('700101', '123');
    const res = await put(number, { name: 'Bertil Berg Familjehem', soleTrader: true });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ orgNumber: number, soleTrader: true });
    const got = await getSupplier(number.replace('-', ''));
    expect(got.statusCode, got.body).toBe(200);
    expect(got.json()).toMatchObject({ orgNumber: number, soleTrader: true });
  });

  it('a samordningsnummer with soleTrader: true is registered as a sole trader (201)', async () => {
    const res = await put(SAMORDNINGSNUMMER, { name: 'Cecilia Ceder Stöd', soleTrader: true });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().soleTrader).toBe(true);
  });

  it('a legal entity with soleTrader: true: 422 suppliers.not_sole_trader, nothing written', async () => {
    const number = newOrgNumber();
    expectProblem(await put(number, { name: 'Exempel AB', soleTrader: true }), 422, 'suppliers.not_sole_trader');
    expectProblem(await getSupplier(number), 404, 'suppliers.not_found');
  });

  it('soleTrader must be a boolean: 400 naming body.soleTrader', async () => {
    const body = expectProblem(await put(newOrgNumber(), { name: 'Exempel AB', soleTrader: 'yes' }), 400, 'input.invalid');
    expect(body.errors.map((e: { path: string }) => e.path)).toEqual(['body.soleTrader']);
  });
});

describe('personal data in free text (invariant 4)', () => {
  it.each([
    ['summary', { summary: `Barnet ${PNR} har rymt två gånger.` }],
    ['summary', { summary: `Samordningsnummer ${SAMORDNINGSNUMMER}.` }],
    ['summary', { summary: `Gäller 19${PNR}.` }],
    ['summary', { summary: `Gäller ${PNR.replace('-', '')}.` }],
    ['details', { details: `Vid uppföljningen framkom att placerade barnet (${PNR}) saknade genomförandeplan.` }],
    ['reference', { reference: `Ärende ${PNR}` }],
  ])('POST /v1/signals with a personal identity number in %s: 422 naming it, no signal written', async (field, extra) => {
    const orgNumber = await createSupplier(t);
    const body = expectProblem(await sendSignal(deviation(orgNumber, extra)), 422, 'input.personal_data');
    expect(body.fields).toEqual([field]);
    expect(body.detail).toContain(field);
    expect(body.errors).toEqual([{ path: `body.${field}`, message: expect.stringMatching(/personnummer/) }]);
    expect(await signalsAbout(orgNumber)).toEqual([]);
  });

  it('names every field that carries personal data, and only those', async () => {
    const orgNumber = await createSupplier(t);
    const body = expectProblem(
      await sendSignal(deviation(orgNumber, { summary: `Se ${PNR}.`, details: `Även ${SAMORDNINGSNUMMER}.` })),
      422,
      'input.personal_data',
    );
    expect([...body.fields].sort()).toEqual(['details', 'summary']);
    expect(body.detail).toMatch(/summary/);
    expect(body.detail).toMatch(/details/);
    expect(await signalsAbout(orgNumber)).toEqual([]);
  });

  it('an organisation number in summary is not personal data: 201', async () => {
    const orgNumber = await createSupplier(t);
    const summary = `Moderbolaget ${newOrgNumber()} och dotterbolaget ${orgNumber} delar ledning.`;
    const res = await sendSignal(deviation(orgNumber, { summary }));
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().summary).toBe(summary);
    expect((await signalsAbout(orgNumber)).map((s) => s.summary)).toEqual([summary]);
  });

  it('a Luhn-invalid number in summary is not a personnummer: 201', async () => {
    const orgNumber = await createSupplier(t);
    const wrong = `${PNR.slice(0, -1)}${(Number(PNR.at(-1)) + 1) % 10}`;
    const res = await sendSignal(deviation(orgNumber, { summary: `Telefon eller dnr ${wrong}.` }));
    expect(res.statusCode, res.body).toBe(201);
  });

  it.each([
    ['reason', { reason: `Rättat efter samtal med ${PNR}.`, summary: 'Ny sammanfattning.' }],
    ['summary', { reason: 'Rättelse.', summary: `Gäller ${SAMORDNINGSNUMMER}.` }],
    ['details', { reason: 'Rättelse.', details: `Gäller ${PNR}.` }],
  ])('PATCH amend with a personal identity number in %s: 422 naming it, no new version', async (field, payload) => {
    const orgNumber = await createSupplier(t);
    const created = await sendSignal(deviation(orgNumber));
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id;

    const res = await t.request({ method: 'PATCH', url: `/v1/signals/${id}`, as: cast.sundsvall.id, payload });
    const body = expectProblem(res, 422, 'input.personal_data');
    expect(body.fields).toEqual([field]);
    expect(body.detail).toContain(field);

    const got = await t.request({ method: 'GET', url: `/v1/signals/${id}`, as: cast.sundsvall.id });
    expect(got.json()).toMatchObject({ version: 1, summary: created.json().summary, details: null });
    const versions = await t.request({ method: 'GET', url: `/v1/signals/${id}/versions`, as: cast.sundsvall.id });
    expect(versions.json().items).toHaveLength(1);
  });

  it.each(['retract', 'lift'])('POST /v1/signals/{id}/%s with a personnummer in reason: 422, the signal stays active', async (action) => {
    const orgNumber = await createSupplier(t);
    const created = await sendSignal({ type: 'call_off_stop', supplierOrgNumber: orgNumber, summary: 'Avropspaus i väntan på utredning.' });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id;
    const res = await t.request({ method: 'POST', url: `/v1/signals/${id}/${action}`, as: cast.sundsvall.id, payload: { reason: `Se ${PNR}.` } });
    expect(expectProblem(res, 422, 'input.personal_data').fields).toEqual(['reason']);
    const got = await t.request({ method: 'GET', url: `/v1/signals/${id}`, as: cast.sundsvall.id });
    expect(got.json()).toMatchObject({ status: 'active', version: 1 });
  });

  it('supplier name: 422 naming name, the supplier is not created', async () => {
    const number = newOrgNumber();
    const body = expectProblem(await put(number, { name: `Familjehemmet hos ${PNR}` }), 422, 'input.personal_data');
    expect(body.fields).toEqual(['name']);
    expect(body.detail).toContain('name');
    expectProblem(await getSupplier(number), 404, 'suppliers.not_found');
  });

  it('unit names: 422 naming units.N.name, the supplier is not created', async () => {
    const number = newOrgNumber();
    const units = [{ name: 'Solgården' }, { name: `Villa ${SAMORDNINGSNUMMER}` }];
    const body = expectProblem(await put(number, { name: 'Solgården Omsorg AB', units }), 422, 'input.personal_data');
    expect(body.fields).toEqual(['units.1.name']);
    expect(body.detail).toContain('units.1.name');
    expect(body.errors).toEqual([{ path: 'body.units.1.name', message: expect.any(String) }]);
    expectProblem(await getSupplier(number), 404, 'suppliers.not_found');
  });

  it('unit names on an existing supplier: 422, its units are unchanged', async () => {
    const number = newOrgNumber();
    expect((await put(number, { name: 'Björkhagen AB', units: [{ name: 'Björkhagen' }] })).statusCode).toBe(201);
    const body = expectProblem(await put(number, { name: 'Björkhagen AB', units: [{ name: `Hos ${PNR}`, kind: 'family_home' }] }), 422, 'input.personal_data');
    expect(body.fields).toEqual(['units.0.name']);
    const got = await getSupplier(number);
    expect(got.json().units.map((u: { name: string }) => u.name)).toEqual(['Björkhagen']);
  });

  it('agreement name: 422 naming name, no agreement created', async () => {
    const name = `Ramavtal ${PNR}`;
    const res = await t.request({ method: 'POST', url: '/v1/agreements', as: cast.adda.id, payload: { name, category: 'hvb_children', validFrom: '2026-01-01' } });
    expect(expectProblem(res, 422, 'input.personal_data').fields).toEqual(['name']);
    const list = await t.request({ method: 'GET', url: '/v1/agreements?limit=200', as: cast.adda.id });
    expect(list.json().items.map((a: { name: string }) => a.name)).not.toContain(name);
  });
});

// Moved from core-personal-data.test.ts: personal data as people really write it (issue 13),
// in subscription URLs, request ids, idempotency keys, token subjects and organisation ids.
describe('personal data however it is written, and where else it can hide', () => {
  const child = withLuhnDigit('150604321'); // a made-up, Luhn-valid personnummer
  const childPnr = `${child.slice(0, 6)}-${child.slice(6)}`;
  const s = child.slice(6);
  const d = child.slice(0, 6);
  const writtenForms: [string, string][] = [
    ['a space and the century', `20${d} ${s}`],
    ['an en dash', `${d}–${s}`],
    ['a line break', `${d}\n${s}`],
    ['dashes inside the date', `20${d.slice(0, 2)}-${d.slice(2, 4)}-${d.slice(4)}-${s}`],
    ['a zero-width space', `${d}\u200b-${s}`],
    ['full-width digits', `${d}-${s}`.replace(/[0-9]/g, (digit) => String.fromCharCode(0xff10 + Number(digit)))],
  ];
  let orgNumber: string;
  const childDeviation = (extra: object) => deviation(orgNumber, { severity: 'high', category: 'safety', summary: 'Brist i tillsynen.', ...extra });
  beforeAll(async () => {
    orgNumber = await createSupplier(t);
  });

  it('PATCH with a personnummer in both reason and summary names both; the signal stays at version 1', async () => {
    const created = (await sendSignal(childDeviation({}))).json();
    const res = await t.request({ method: 'PATCH', url: `/v1/signals/${created.id}`, as: cast.sundsvall.id, payload: { reason: `Enligt ${childPnr}`, summary: `Se ${child}` } });
    expect(res.statusCode).toBe(422);
    expect(res.json().fields.sort()).toEqual(['reason', 'summary']);
    expect((await t.request({ method: 'GET', url: `/v1/signals/${created.id}`, as: cast.sundsvall.id })).json().version).toBe(1);
  });

  it.each(writtenForms)('POST /v1/signals summary and details, %s', async (_form, pnr) => {
    const res = await sendSignal(childDeviation({ summary: `Barnet ${pnr} skadades.`, details: `Gäller\u00a0${pnr}.` }));
    expect(res.statusCode).toBe(422);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.json()).toMatchObject({ code: 'input.personal_data' });
    expect(res.json().fields.sort()).toEqual(['details', 'summary']);
  });

  it.each(writtenForms.slice(0, 3))('PUT /v1/suppliers name, %s', async (_form, pnr) => {
    const res = await put(newOrgNumber(), { name: `Hem ${pnr} AB` });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'input.personal_data', fields: ['name'] });
  });

  it.each([
    ['in the path', `http://127.0.0.1:9/barn/${d}–${s}`],
    ['in the query string, percent-encoded', `http://127.0.0.1:9/hook?pnr=${d}%E2%80%93${s}`],
    ['in the query string with a +', `http://127.0.0.1:9/hook?pnr=20${d}+${s}`],
  ])('POST /v1/subscriptions url %s', async (_case, url) => {
    const before = await t.database.pool.query('SELECT count(*)::int AS n FROM subscriptions');
    const res = await t.request({ method: 'POST', url: '/v1/subscriptions', as: cast.sundsvall.id, payload: { url } });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'input.personal_data', fields: ['url'] });
    expect(res.json().detail).toContain('url');
    expect((await t.database.pool.query('SELECT count(*)::int AS n FROM subscriptions')).rows[0].n).toBe(before.rows[0].n);
  });

  it('PATCH /v1/subscriptions url, and look-alikes in a URL and in text still pass', async () => {
    const created = await t.request({ method: 'POST', url: '/v1/subscriptions', as: cast.sundsvall.id, payload: { url: 'http://127.0.0.1:9/hook?since=2024-01-15&org=556016-0680' } });
    expect(created.statusCode, created.body).toBe(201);
    const res = await t.request({ method: 'PATCH', url: `/v1/subscriptions/${created.json().id}`, as: cast.sundsvall.id, payload: { url: `http://127.0.0.1:9/${d}%20${s}` } });
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'input.personal_data', fields: ['url'] });
    const text = 'Ring 070-123 45 67. Avtalet gäller 2024-01-15–2026-03-01, IVO dnr 8.5-29206/2014, 852 30 Sundsvall, vite 1 500 000 kr.';
    const signal = await sendSignal(childDeviation({ details: text }));
    expect(signal.statusCode).toBe(201);
  });

  it.each([
    ['hyphen', childPnr],
    ['century, no separator', `20${child}`],
  ])('x-request-id %s is replaced by a generated id, in the reply and in the audit log', async (_form, given) => {
    const res = await t.request({ method: 'POST', url: '/v1/signals', as: cast.sundsvall.id, headers: { 'x-request-id': given }, payload: childDeviation({}) });
    expect(res.statusCode).toBe(201);
    expect(res.headers['x-request-id']).not.toBe(given);
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const kept = await t.database.pool.query('SELECT count(*)::int AS n FROM audit_log WHERE request_id = $1', [given]);
    expect(kept.rows[0].n).toBe(0);
    expect((await t.database.pool.query('SELECT count(*)::int AS n FROM audit_log WHERE request_id = $1', [res.headers['x-request-id']])).rows[0].n).toBe(1);
  });

  it('an Idempotency-Key carrying a personnummer is refused with 400, nothing written or kept', async () => {
    for (const key of [childPnr, `case-${child}`, `${child.slice(0, 6)}.${child.slice(6)}`]) {
      const res = await t.request({ method: 'POST', url: '/v1/signals', as: cast.sundsvall.id, headers: { 'idempotency-key': key }, payload: childDeviation({}) });
      expect(res.statusCode, key).toBe(400);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(res.json().code).toBe('idempotency.personal_data');
    }
    const kept = await t.database.pool.query('SELECT count(*)::int AS n FROM idempotency_keys WHERE key ~ $1', [`${child.slice(0, 6)}[-+.]?${child.slice(6)}`]);
    expect(kept.rows[0].n).toBe(0);
  });

  it('a JWT sub that is a personnummer is kept only as a keyed pseudonym: audit log, rows and revocation', async () => {
    const sub = `19${childPnr}`;
    const token = t.token(cast.sundsvall.id, undefined, { sub });
    const res = await t.request({ method: 'POST', url: '/v1/signals', headers: { authorization: `Bearer ${token}` }, payload: childDeviation({}) });
    expect(res.statusCode, res.body).toBe(201);
    const entry = (await t.database.pool.query('SELECT actor_sub FROM audit_log WHERE target_id = $1', [res.json().id])).rows[0];
    expect(entry.actor_sub).toMatch(/^pseudonym:[A-Za-z0-9_-]{26}$/);
    // Nowhere in the database: not in clear, not without the century, not as digits only.
    // (Matched as the number, not by its last four digits alone, which a random id or hash holds now and then.)
    const dump = await t.database.pool.query(
      `SELECT (SELECT count(*) FROM audit_log a WHERE row_to_json(a)::text ~ $1)::int
            + (SELECT count(*) FROM signals s WHERE row_to_json(s)::text ~ $1)::int
            + (SELECT count(*) FROM signal_versions v WHERE row_to_json(v)::text ~ $1)::int AS n`,
      [`${child.slice(0, 6)}[-+]?${child.slice(6)}`],
    );
    expect(dump.rows[0].n).toBe(0);
    // The same subject, the same pseudonym: one client's actions stay together.
    const again = await t.request({ method: 'POST', url: '/v1/signals', headers: { authorization: `Bearer ${token}` }, payload: childDeviation({}) });
    const second = (await t.database.pool.query('SELECT actor_sub FROM audit_log WHERE target_id = $1', [again.json().id])).rows[0];
    expect(second.actor_sub).toBe(entry.actor_sub);
    // Another personnummer, another pseudonym; an ordinary client id is kept as it is.
    const other = t.token(cast.sundsvall.id, undefined, { sub: withLuhnDigit('120304567') });
    const third = await t.request({ method: 'POST', url: '/v1/signals', headers: { authorization: `Bearer ${other}` }, payload: childDeviation({}) });
    const otherSub = (await t.database.pool.query('SELECT actor_sub FROM audit_log WHERE target_id = $1', [third.json().id])).rows[0].actor_sub;
    expect(otherSub).toMatch(/^pseudonym:/);
    expect(otherSub).not.toBe(entry.actor_sub);
    // The operator revokes the client by the sub its tokens carry; the revocation keeps the pseudonym and holds.
    const revoked = await t.request({ method: 'POST', url: `/v1/organisations/${cast.sundsvall.id}/revoked-clients`, as: t.config.OPERATOR_ORG_ID, payload: { sub, reason: 'Klienten ska inte användas.' } });
    expect(revoked.statusCode, revoked.body).toBe(201);
    expect(revoked.json().sub).toBe(entry.actor_sub);
    const refused = await t.request({ method: 'GET', url: '/v1/suppliers', headers: { authorization: `Bearer ${token}` } });
    expect(refused.statusCode).toBe(401);
    expect(refused.json().code).toBe('auth.client_revoked');
    // The organisation's other clients still work.
    expect((await t.request({ method: 'GET', url: '/v1/suppliers', as: cast.sundsvall.id })).statusCode).toBe(200);
  });

  it('an organisation id that reads as a personnummer is refused with 422', async () => {
    const res = await t.request({ method: 'POST', url: '/v1/organisations', as: t.config.OPERATOR_ORG_ID, payload: { id: childPnr, kind: 'auditor', name: 'Granskare' } });
    expect(res.statusCode, res.body).toBe(422);
    expect(res.json()).toMatchObject({ code: 'input.personal_data', fields: ['id'] });
    expect((await t.database.pool.query('SELECT count(*)::int AS n FROM organisations WHERE id = $1', [childPnr])).rows[0].n).toBe(0);
  });

  it('a safe correlation id with a dot and a date-like run is kept as sent', async () => {
    const res = await t.request({ method: 'GET', url: '/v1/suppliers', as: cast.sundsvall.id, headers: { 'x-request-id': 'case-2024-0115.7' } });
    expect(res.headers['x-request-id']).toBe('case-2024-0115.7');
  });
});

describe('error answers (invariant 5)', () => {
  it('malformed JSON: 400 input.malformed_json', async () => {
    const res = await t.request({
      method: 'POST',
      url: '/v1/signals',
      as: cast.sundsvall.id,
      headers: { 'content-type': 'application/json' },
      payload: '{"type": "deviation", "summary": ',
    });
    expectProblem(res, 400, 'input.malformed_json');
  });

  it('an empty JSON body: 400 input.malformed_json', async () => {
    const res = await t.request({ method: 'POST', url: '/v1/signals', as: cast.sundsvall.id, headers: { 'content-type': 'application/json' }, payload: '' });
    expectProblem(res, 400, 'input.malformed_json');
  });

  // JSON.parse turns a lone \uD800–\uDFFF escape into a string that is not Unicode text:
  // PostgreSQL refused it in the supplier.updated event's JSON (a 500 mid-transaction), and a
  // text column would have held U+FFFD where the audit chain hashed the surrogate.
  it('an unpaired surrogate in a body string: 400 input.invalid_unicode, nothing written', async () => {
    const orgNumber = await createSupplier(t);
    const before = (await getSupplier(orgNumber)).json();
    const json = (payload: string) => ({ headers: { 'content-type': 'application/json' }, payload });
    const change = await t.request({ method: 'PUT', url: `/v1/suppliers/${orgNumber}`, as: cast.sundsvall.id, ...json(`{"name":"Nytt namn AB","reason":"\\udfff x"}`) });
    expectProblem(change, 400, 'input.invalid_unicode');
    expect((await getSupplier(orgNumber)).json()).toEqual(before);
    for (const [what, payload] of [
      ['a high surrogate alone', JSON.stringify(deviation(orgNumber)).replace('"summary":"', '"summary":"\\ud83d x ')],
      ['a low surrogate before its high one', JSON.stringify(deviation(orgNumber)).replace('"summary":"', '"summary":"\\ude00\\ud83d ')],
      ['in a nested value', JSON.stringify({ ...deviation(orgNumber), details: 'ok' }).replace('"details":"ok"', '"details":"\\uDBFF"')],
      ['in a key', JSON.stringify(deviation(orgNumber)).replace('{', '{"\\udc00":1,')],
    ] as const) {
      expectProblem(await t.request({ method: 'POST', url: '/v1/signals', as: cast.sundsvall.id, ...json(payload) }), 400, 'input.invalid_unicode');
      expect(await signalsAbout(orgNumber), what).toEqual([]);
    }
    // Nested as deep as the body limit allows: refused, not a stack overflow.
    const deep = `{"a":${'['.repeat(60_000)}"\\udfff"${']'.repeat(60_000)}}`;
    expectProblem(await t.request({ method: 'POST', url: '/v1/signals', as: cast.sundsvall.id, ...json(deep) }), 400, 'input.invalid_unicode');
    // And as wide as the body limit allows: an array of 130,000 items, one of them the surrogate.
    const wide = `{"a":[${'1,'.repeat(130_000)}"\\udfff"]}`;
    expectProblem(await t.request({ method: 'POST', url: '/v1/signals', as: cast.sundsvall.id, ...json(wide) }), 400, 'input.invalid_unicode');
  });

  it('a surrogate pair written as two escapes is the character it names, stored and read back whole', async () => {
    const orgNumber = await createSupplier(t);
    const payload = JSON.stringify(deviation(orgNumber, { summary: 'Brand i köket' })).replace('Brand i köket', 'Brand i köket \\ud83d\\udd25, och \\\\udfff som text');
    const res = await t.request({ method: 'POST', url: '/v1/signals', as: cast.sundsvall.id, headers: { 'content-type': 'application/json' }, payload });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().summary).toBe('Brand i köket \u{1F525}, och \\udfff som text');
    expect((await signalsAbout(orgNumber)).map((s) => s.summary)).toEqual(['Brand i köket \u{1F525}, och \\udfff som text']);
    const verify = await t.request({ method: 'GET', url: '/v1/audit/verify', as: cast.revisor.id });
    expect(verify.statusCode, verify.body).toBe(200);
    expect(verify.json()).toMatchObject({ ok: true });
  });

  it('a JSON body that is not an object: 400 input.invalid', async () => {
    const res = await t.request({ method: 'POST', url: '/v1/signals', as: cast.sundsvall.id, headers: { 'content-type': 'application/json' }, payload: '[1,2]' });
    expectProblem(res, 400, 'input.invalid');
  });

  it('an unknown field in a strict body: 400 input.invalid with errors[].path naming it', async () => {
    const orgNumber = await createSupplier(t);
    const body = expectProblem(await sendSignal(deviation(orgNumber, { colour: 'red' })), 400, 'input.invalid');
    expect(body.errors).toEqual([{ path: 'body.colour', message: expect.stringContaining('colour') }]);
    expect(await signalsAbout(orgNumber)).toEqual([]);
  });

  it('two unknown fields, one nested: each named by its own path', async () => {
    const res = await put(newOrgNumber(), { name: 'Exempel AB', website: 'x', units: [{ name: 'Hemmet', beds: 4 }] });
    const body = expectProblem(res, 400, 'input.invalid');
    expect(body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['body.units.0.beds', 'body.website']);
  });

  it('an unknown field in PATCH and in a reason body: named', async () => {
    const orgNumber = await createSupplier(t);
    const id = (await sendSignal(deviation(orgNumber))).json().id;
    const patch = await t.request({ method: 'PATCH', url: `/v1/signals/${id}`, as: cast.sundsvall.id, payload: { reason: 'Rättelse.', status: 'lifted' } });
    // status is not amendable, and without it nothing but the reason changes: both are reported.
    expect(expectProblem(patch, 400, 'input.invalid').errors).toEqual([
      { path: 'body.status', message: 'Unrecognized key: "status"' },
      { path: 'body', message: 'change at least one field besides reason' },
    ]);
    const retract = await t.request({ method: 'POST', url: `/v1/signals/${id}/retract`, as: cast.sundsvall.id, payload: { reason: 'Fel.', force: true } });
    expect(expectProblem(retract, 400, 'input.invalid').errors.map((e: { path: string }) => e.path)).toEqual(['body.force']);
  });

  it('missing and mistyped fields: 400 input.invalid naming each', async () => {
    const res = await sendSignal({ type: 'rumour', supplierOrgNumber: newOrgNumber(), severity: 'extreme' });
    const body = expectProblem(res, 400, 'input.invalid');
    expect(body.errors.map((e: { path: string }) => e.path).sort()).toEqual(['body.severity', 'body.summary', 'body.type']);
  });

  it('a whitespace-only summary and a timestamp without offset: 400 input.invalid', async () => {
    const orgNumber = await createSupplier(t);
    const res = await sendSignal(deviation(orgNumber, { summary: '   ', effectiveFrom: '2026-01-01T00:00:00' }));
    expect(expectProblem(res, 400, 'input.invalid').errors.map((e: { path: string }) => e.path).sort()).toEqual(['body.effectiveFrom', 'body.summary']);
  });

  it.each([
    ['text/plain', 'hello'],
    ['application/x-www-form-urlencoded', 'type=deviation&summary=x'],
    ['application/xml', '<signal/>'],
  ])('content-type %s: 415 input.unsupported_media_type', async (contentType, payload) => {
    const res = await t.request({ method: 'POST', url: '/v1/signals', as: cast.sundsvall.id, headers: { 'content-type': contentType }, payload });
    expectProblem(res, 415, 'input.unsupported_media_type');
  });

  it.each([
    ['/v1/signals', 'garbage'],
    ['/v1/signals', encodeCursor('5566778899')], // a supplier cursor
    ['/v1/signals', Buffer.from('{"v":1}').toString('base64url')],
    ['/v1/signals', Buffer.from('null').toString('base64url')],
    ['/v1/suppliers', 'garbage'],
    ['/v1/suppliers', encodeCursor(uuidv7())], // a signal cursor
    ['/v1/agreements', 'garbage'],
    ['/v1/agreements', encodeCursor('not-a-uuid')],
  ])('GET %s?cursor=%s: 400 input.invalid_cursor', async (path, cursor) => {
    const res = await t.request({ method: 'GET', url: `${path}?cursor=${encodeURIComponent(cursor)}`, as: cast.revisor.id });
    expectProblem(res, 400, 'input.invalid_cursor');
  });

  it.each([
    ['GET', '/v1/signals/not-a-uuid'],
    ['GET', '/v1/signals/12345/versions'],
    ['PATCH', '/v1/signals/not-a-uuid'],
    ['POST', '/v1/signals/not-a-uuid/retract'],
  ])('%s %s: 400 input.invalid naming params.id', async (method, url) => {
    const payload = method === 'GET' ? undefined : { reason: 'Rättelse.', summary: 'Ny.' };
    const res = await t.request({ method: method as 'GET', url, as: cast.sundsvall.id, ...(payload ? { payload } : {}) });
    const body = expectProblem(res, 400, 'input.invalid');
    expect(body.errors.map((e: { path: string }) => e.path)).toEqual(['params.id']);
  });

  it.each([
    ['GET', ''],
    ['GET', '/versions'],
    ['PATCH', ''],
    ['POST', '/lift'],
  ])('%s a well-formed but unknown signal id%s: 404 signals.not_found', async (method, suffix) => {
    const id = uuidv7();
    const payload = method === 'GET' ? undefined : suffix === '/lift' ? { reason: 'Klart.' } : { reason: 'Rättelse.', summary: 'Ny.' };
    const res = await t.request({ method: method as 'GET', url: `/v1/signals/${id}${suffix}`, as: cast.sundsvall.id, ...(payload ? { payload } : {}) });
    expect(expectProblem(res, 404, 'signals.not_found').detail).toContain(id);
  });

  it.each(['limit=0', 'limit=10000', 'limit=-1', 'limit=1.5', 'limit=abc'])('GET /v1/signals?%s: 400 input.invalid naming querystring.limit', async (query) => {
    const res = await t.request({ method: 'GET', url: `/v1/signals?${query}`, as: cast.revisor.id });
    expect(expectProblem(res, 400, 'input.invalid').errors.map((e: { path: string }) => e.path)).toEqual(['querystring.limit']);
  });

  it.each(['/v1/suppliers?limit=0', '/v1/agreements?limit=10000', '/v1/signals?colour=red', '/v1/signals?supplier=123'])(
    'GET %s: 400 input.invalid',
    async (url) => {
      expectProblem(await t.request({ method: 'GET', url, as: cast.revisor.id }), 400, 'input.invalid');
    },
  );

  it.each([
    ['GET', '/v1/nothing-here'],
    ['GET', '/v2/signals'],
    ['DELETE', '/v1/signals'],
    ['POST', '/healthz'],
  ])('%s %s: 404 route.not_found', async (method, url) => {
    const res = await t.request({ method: method as 'GET', url, as: cast.sundsvall.id });
    expect(expectProblem(res, 404, 'route.not_found').instance).toBe(url);
  });

  it.each([
    ['before', '2026-03-01T00:00:00Z', '2026-02-01T00:00:00Z'],
    ['equal to', '2026-03-01T00:00:00Z', '2026-03-01T00:00:00Z'],
    // 12:00+02:00 is 10:00Z: later as text, earlier in time.
    ['before, across offsets', '2026-03-01T10:30:00Z', '2026-03-01T12:00:00+02:00'],
  ])('effectiveUntil %s effectiveFrom: 422 signals.invalid_period, nothing written', async (_case, effectiveFrom, effectiveUntil) => {
    const orgNumber = await createSupplier(t);
    expectProblem(await sendSignal(deviation(orgNumber, { effectiveFrom, effectiveUntil })), 422, 'signals.invalid_period');
    expect(await signalsAbout(orgNumber)).toEqual([]);
  });

  it('an amendment that ends the signal before it starts: 422 signals.invalid_period, no new version', async () => {
    const orgNumber = await createSupplier(t);
    const created = await sendSignal(deviation(orgNumber, { effectiveFrom: '2026-03-01T00:00:00Z' }));
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id;
    const res = await t.request({ method: 'PATCH', url: `/v1/signals/${id}`, as: cast.sundsvall.id, payload: { reason: 'Rättelse.', effectiveUntil: '2026-01-01T00:00:00Z' } });
    expectProblem(res, 422, 'signals.invalid_period');
    expect((await signalsAbout(orgNumber))[0]).toMatchObject({ version: 1 });
  });

  it.each([
    ['a deviation without severity', { severity: undefined }],
    ['a deviation without category', { category: undefined }],
    ['a deviation without either', { severity: undefined, category: undefined }],
    ['a call-off stop with a category', { type: 'call_off_stop', severity: undefined }],
  ])('%s: 422 signals.invalid, nothing written', async (_case, extra) => {
    const orgNumber = await createSupplier(t);
    expectProblem(await sendSignal(deviation(orgNumber, extra)), 422, 'signals.invalid');
    expect(await signalsAbout(orgNumber)).toEqual([]);
  });

  it('a signal about an unregistered supplier: 422 signals.unknown_supplier', async () => {
    expectProblem(await sendSignal(deviation(newOrgNumber())), 422, 'signals.unknown_supplier');
  });

  it('a PATCH with only a reason: 400 input.invalid', async () => {
    const orgNumber = await createSupplier(t);
    const id = (await sendSignal(deviation(orgNumber))).json().id;
    expectProblem(await t.request({ method: 'PATCH', url: `/v1/signals/${id}`, as: cast.sundsvall.id, payload: { reason: 'Ingenting.' } }), 400, 'input.invalid');
  });
});

describe('input PostgreSQL cannot store: 400 naming the field, never a 500', () => {
  it.each([
    ['NUL in summary', 'POST', '/v1/signals', 'body.summary', (n: string) => deviation(n, { summary: 'Före\u0000efter' })],
    ['NUL in reference', 'POST', '/v1/signals', 'body.reference', (n: string) => deviation(n, { reference: '\u0000' })],
    ['year 0000', 'POST', '/v1/signals', 'body.effectiveFrom', (n: string) => deviation(n, { effectiveFrom: '0000-01-01T00:00:00Z' })],
    ['year 0001 moved into year 0000 by its offset', 'POST', '/v1/signals', 'body.effectiveFrom', (n: string) => deviation(n, { effectiveFrom: '0001-01-01T00:00:00+01:00' })],
    ['year 9999 moved into year 10000 by its offset', 'POST', '/v1/signals', 'body.effectiveUntil', (n: string) => deviation(n, { effectiveUntil: '9999-12-31T23:59:59-23:59' })],
    ['NUL in a supplier name', 'PUT', '/v1/suppliers/{n}', 'body.name', () => ({ name: 'Gården\u0000AB' })],
    ['NUL in a unit name', 'PUT', '/v1/suppliers/{n}', 'body.units.0.name', () => ({ name: 'Gården AB', units: [{ name: '\u0000' }] })],
    ['NUL in a subscription URL', 'POST', '/v1/subscriptions', 'body.url', () => ({ url: 'http://127.0.0.1:9/hook\u0000' })],
    ['NUL in a subscription description', 'POST', '/v1/subscriptions', 'body.description', () => ({ url: 'http://127.0.0.1:9/hook', description: 'a\u0000' })],
    ['year 0000 in an agreement', 'POST', '/v1/agreements', 'body.validFrom', () => ({ name: 'Ramavtal', category: 'hvb_children', validFrom: '0000-01-01' })],
  ])('%s: %s %s', async (_case, method, url, path, payload) => {
    const orgNumber = await createSupplier(t);
    const fresh = newOrgNumber();
    const res = await t.request({ method: method as 'POST', url: url.replace('{n}', fresh), as: cast.kfv.id, payload: payload(orgNumber) });
    expect(expectProblem(res, 400, 'input.invalid').errors.map((e: { path: string }) => e.path)).toEqual([path]);
    expect(await signalsAbout(orgNumber)).toEqual([]);
    expect((await getSupplier(fresh)).statusCode).toBe(404);
  });

  it.each([
    ['/v1/suppliers?q=a%00b', 'querystring.q'],
    ['/v1/audit?actor=a%00b', 'querystring.actor'],
    ['/v1/audit?target=%00', 'querystring.target'],
    ['/v1/signals?updatedSince=0000-01-01T00:00:00Z', 'querystring.updatedSince'],
  ])('GET %s: 400 naming %s', async (url, path) => {
    const res = await t.request({ method: 'GET', url, as: cast.revisor.id });
    expect(expectProblem(res, 400, 'input.invalid').errors.map((e: { path: string }) => e.path)).toEqual([path]);
  });

  it.each([
    ['0001', '0001-01-01T00:00:00Z'],
    ['0042', '0042-06-01T12:00:00Z'],
    ['0099', '0099-12-31T23:59:59Z'],
  ])('a timestamp in year %s is refused (400), not stored and read back in another century', async (_year, effectiveFrom) => {
    const orgNumber = await createSupplier(t);
    const res = await sendSignal(deviation(orgNumber, { effectiveFrom }));
    expect(expectProblem(res, 400, 'input.invalid').errors.map((e: { path: string }) => e.path)).toEqual(['body.effectiveFrom']);
    expect(await signalsAbout(orgNumber)).toEqual([]);
  });

  it('the extreme timestamps accepted are read back unchanged (201)', async () => {
    const orgNumber = await createSupplier(t);
    const res = await sendSignal(deviation(orgNumber, { effectiveFrom: '0100-01-01T00:00:00Z', effectiveUntil: '9999-12-31T23:59:59.999Z' }));
    expect(res.statusCode, res.body).toBe(201);
    const expected = { effectiveFrom: '0100-01-01T00:00:00.000Z', effectiveUntil: '9999-12-31T23:59:59.999Z' };
    expect(res.json()).toMatchObject(expected);
    expect((await t.request({ method: 'GET', url: `/v1/signals/${res.json().id}`, as: cast.sundsvall.id })).json()).toMatchObject(expected);
  });

  it('an agreement date in year 0001 is stored and read back as sent (dates are read as text)', async () => {
    const res = await t.request({ method: 'POST', url: '/v1/agreements', as: cast.adda.id, payload: { name: 'Historiskt avtal', category: 'hvb_children', validFrom: '0001-01-01' } });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().validFrom).toBe('0001-01-01');
    const got = await t.request({ method: 'GET', url: `/v1/agreements/${res.json().id}`, as: cast.adda.id });
    expect(got.json().validFrom).toBe('0001-01-01');
  });
});

describe('body size limit', () => {
  let small: TestApp;
  beforeAll(async () => {
    small = await startTestApp({ BODY_LIMIT_BYTES: '2048' });
    await seedCast(small);
  });
  afterAll(() => small.close());

  it('a body over BODY_LIMIT_BYTES: 413 input.too_large, nothing written', async () => {
    const orgNumber = await createSupplier(small);
    const payload = deviation(orgNumber, { details: 'x'.repeat(3000) });
    expect(JSON.stringify(payload).length).toBeGreaterThan(2048);
    const res = await small.request({ method: 'POST', url: '/v1/signals', as: cast.sundsvall.id, payload });
    expectProblem(res, 413, 'input.too_large');
    const list = await small.request({ method: 'GET', url: `/v1/signals?supplier=${orgNumber}`, as: cast.revisor.id });
    expect(list.json().items).toEqual([]);
  });

  it('a body just under the limit is accepted (201)', async () => {
    const orgNumber = await createSupplier(small);
    const payload = deviation(orgNumber, { details: 'x'.repeat(1500) });
    expect(JSON.stringify(payload).length).toBeLessThan(2048);
    const res = await small.request({ method: 'POST', url: '/v1/signals', as: cast.sundsvall.id, payload });
    expect(res.statusCode, res.body).toBe(201);
  });
});

describe('health and request ids', () => {
  it('GET /healthz: 200', async () => {
    const res = await t.request({ method: 'GET', url: '/healthz' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok' });
  });

  it('GET /readyz: 200 with the database checked', async () => {
    const res = await t.request({ method: 'GET', url: '/readyz' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'ok', checks: { database: 'ok' } });
  });

  it('echoes a caller x-request-id on success and in a problem body', async () => {
    const ok = await t.request({ method: 'GET', url: '/healthz', headers: { 'x-request-id': 'case-2281-4711' } });
    expect(ok.headers['x-request-id']).toBe('case-2281-4711');
    const problem = await t.request({ method: 'GET', url: '/v1/signals/not-a-uuid', as: cast.umea.id, headers: { 'x-request-id': 'case-2281-4712' } });
    expect(problem.headers['x-request-id']).toBe('case-2281-4712');
    expect(expectProblem(problem, 400, 'input.invalid').requestId).toBe('case-2281-4712');
  });

  it('replaces an unusable x-request-id with a fresh one', async () => {
    for (const given of ['has spaces in it', 'x'.repeat(65), '<script>']) {
      const res = await t.request({ method: 'GET', url: '/healthz', headers: { 'x-request-id': given } });
      expect(res.headers['x-request-id']).not.toBe(given);
      expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    }
  });

  it('gives every request its own id when none is sent', async () => {
    const a = await t.request({ method: 'GET', url: '/v1/nothing-here' });
    const b = await t.request({ method: 'GET', url: '/v1/nothing-here' });
    expect(a.headers['x-request-id']).toBeTruthy();
    expect(a.headers['x-request-id']).not.toBe(b.headers['x-request-id']);
    expect(a.json().requestId).toBe(a.headers['x-request-id']);
  });
});
