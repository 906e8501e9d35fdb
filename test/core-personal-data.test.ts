import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withLuhnDigit } from '../src/lib/identity-numbers.ts';
import { startTestApp, type TestApp } from './helpers/app.ts';
import { cast, createSupplier, newOrgNumber, seedCast } from './helpers/factories.ts';

let t: TestApp;
let orgNumber: string;
beforeAll(async () => {
  // Subscriptions to a loopback address, so no URL here needs a DNS look-up.
  t = await startTestApp({ WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'true' });
  await seedCast(t);
  orgNumber = await createSupplier(t);
});
afterAll(() => t.close());

const child = withLuhnDigit('150604321'); // a made-up, Luhn-valid personnummer
const childPnr = `${child.slice(0, 6)}-${child.slice(6)}`;
const deviation = (extra: object) => ({ type: 'deviation', supplierOrgNumber: orgNumber, severity: 'high', category: 'safety', summary: 'Brist i tillsynen.', ...extra });

describe('free text carrying a personnummer or samordningsnummer is refused with 422, nothing written', () => {
  it.each([
    ['summary', { summary: `Barnet ${childPnr} skadades.` }],
    ['details', { details: `Gäller ${child}.` }],
    ['reference', { reference: `Ärende ${childPnr}` }],
  ])('POST /v1/signals %s', async (field, extra) => {
    const res = await t.request({ method: 'POST', url: '/v1/signals', as: cast.sundsvall.id, payload: deviation(extra) });
    expect(res.statusCode).toBe(422);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.json()).toMatchObject({ code: 'input.personal_data', fields: [field] });
    expect(res.json().detail).toContain(field);
    const stored = await t.database.pool.query('SELECT count(*)::int AS n FROM signals WHERE summary LIKE $1 OR details LIKE $1', [`%${child.slice(6)}%`]);
    expect(stored.rows[0].n).toBe(0);
  });

  it('PATCH reason and summary', async () => {
    const created = (await t.request({ method: 'POST', url: '/v1/signals', as: cast.sundsvall.id, payload: deviation({}) })).json();
    const res = await t.request({ method: 'PATCH', url: `/v1/signals/${created.id}`, as: cast.sundsvall.id, payload: { reason: `Enligt ${childPnr}`, summary: `Se ${child}` } });
    expect(res.statusCode).toBe(422);
    expect(res.json().fields.sort()).toEqual(['reason', 'summary']);
    expect((await t.request({ method: 'GET', url: `/v1/signals/${created.id}`, as: cast.sundsvall.id })).json().version).toBe(1);
  });

  it('supplier and unit names', async () => {
    const number = newOrgNumber();
    const res = await t.request({ method: 'PUT', url: `/v1/suppliers/${number}`, as: cast.sundsvall.id, payload: { name: 'Hem AB', units: [{ name: `Lägenhet ${childPnr}` }] } });
    expect(res.statusCode).toBe(422);
    expect(res.json().fields).toEqual(['units.0.name']);
    expect((await t.request({ method: 'GET', url: `/v1/suppliers/${number}`, as: cast.sundsvall.id })).statusCode).toBe(404);
  });

  it('accepts an organisation number in the text', async () => {
    const res = await t.request({ method: 'POST', url: '/v1/signals', as: cast.sundsvall.id, payload: deviation({ summary: `Underleverantör ${orgNumber} saknade tillstånd.` }) });
    expect(res.statusCode).toBe(201);
  });
});

// Issue 13: the forms people and word processors really write, not just NNNNNN-NNNN.
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

describe('personal data however it is written is refused with 422 in free text and in subscription URLs', () => {
  it.each(writtenForms)('POST /v1/signals summary and details, %s', async (_form, pnr) => {
    const res = await t.request({ method: 'POST', url: '/v1/signals', as: cast.sundsvall.id, payload: deviation({ summary: `Barnet ${pnr} skadades.`, details: `Gäller\u00a0${pnr}.` }) });
    expect(res.statusCode).toBe(422);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.json()).toMatchObject({ code: 'input.personal_data' });
    expect(res.json().fields.sort()).toEqual(['details', 'summary']);
  });

  it.each(writtenForms.slice(0, 3))('PUT /v1/suppliers name, %s', async (_form, pnr) => {
    const number = newOrgNumber();
    const res = await t.request({ method: 'PUT', url: `/v1/suppliers/${number}`, as: cast.sundsvall.id, payload: { name: `Hem ${pnr} AB` } });
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
    const signal = await t.request({ method: 'POST', url: '/v1/signals', as: cast.sundsvall.id, payload: deviation({ details: text }) });
    expect(signal.statusCode).toBe(201);
  });
});

describe('a client request id that reads as a personnummer is not kept', () => {
  it.each([
    ['hyphen', childPnr],
    ['century, no separator', `20${child}`],
  ])('x-request-id %s is replaced by a generated id, in the reply and in the audit log', async (_form, given) => {
    const res = await t.request({ method: 'POST', url: '/v1/signals', as: cast.sundsvall.id, headers: { 'x-request-id': given }, payload: deviation({}) });
    expect(res.statusCode).toBe(201);
    expect(res.headers['x-request-id']).not.toBe(given);
    expect(res.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
    const kept = await t.database.pool.query('SELECT count(*)::int AS n FROM audit_log WHERE request_id = $1', [given]);
    expect(kept.rows[0].n).toBe(0);
    expect((await t.database.pool.query('SELECT count(*)::int AS n FROM audit_log WHERE request_id = $1', [res.headers['x-request-id']])).rows[0].n).toBe(1);
  });

  it('an Idempotency-Key carrying a personnummer is refused with 400, nothing written or kept', async () => {
    for (const key of [childPnr, `case-${child}`, `${child.slice(0, 6)}.${child.slice(6)}`]) {
      const res = await t.request({ method: 'POST', url: '/v1/signals', as: cast.sundsvall.id, headers: { 'idempotency-key': key }, payload: deviation({}) });
      expect(res.statusCode, key).toBe(400);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(res.json().code).toBe('idempotency.personal_data');
    }
    const kept = await t.database.pool.query('SELECT count(*)::int AS n FROM idempotency_keys WHERE key LIKE $1', [`%${child.slice(6)}%`]);
    expect(kept.rows[0].n).toBe(0);
  });

  it('a JWT sub that is a personnummer is kept only as a keyed pseudonym: audit log, rows and revocation', async () => {
    const sub = `19${childPnr}`;
    const token = t.token(cast.sundsvall.id, undefined, { sub });
    const res = await t.request({ method: 'POST', url: '/v1/signals', headers: { authorization: `Bearer ${token}` }, payload: deviation({}) });
    expect(res.statusCode, res.body).toBe(201);
    const entry = (await t.database.pool.query('SELECT actor_sub FROM audit_log WHERE target_id = $1', [res.json().id])).rows[0];
    expect(entry.actor_sub).toMatch(/^pseudonym:[A-Za-z0-9_-]{26}$/);
    // Nowhere in the database: not in clear, not without the century, not as digits only.
    const dump = await t.database.pool.query(
      `SELECT (SELECT count(*) FROM audit_log a WHERE row_to_json(a)::text LIKE $1)::int
            + (SELECT count(*) FROM signals s WHERE row_to_json(s)::text LIKE $1)::int
            + (SELECT count(*) FROM signal_versions v WHERE row_to_json(v)::text LIKE $1)::int AS n`,
      [`%${child.slice(6)}%`],
    );
    expect(dump.rows[0].n).toBe(0);
    // The same subject, the same pseudonym: one client's actions stay together.
    const again = await t.request({ method: 'POST', url: '/v1/signals', headers: { authorization: `Bearer ${token}` }, payload: deviation({}) });
    const second = (await t.database.pool.query('SELECT actor_sub FROM audit_log WHERE target_id = $1', [again.json().id])).rows[0];
    expect(second.actor_sub).toBe(entry.actor_sub);
    // Another personnummer, another pseudonym; an ordinary client id is kept as it is.
    const other = t.token(cast.sundsvall.id, undefined, { sub: withLuhnDigit('120304567') });
    const third = await t.request({ method: 'POST', url: '/v1/signals', headers: { authorization: `Bearer ${other}` }, payload: deviation({}) });
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

  it('a safe correlation id is kept as sent', async () => {
    const res = await t.request({ method: 'GET', url: '/v1/suppliers', as: cast.sundsvall.id, headers: { 'x-request-id': 'case-2024-0115.7' } });
    expect(res.headers['x-request-id']).toBe('case-2024-0115.7');
  });
});

describe('organisation numbers on PUT /v1/suppliers', () => {
  const soleTrader = `${child.slice(0, 6)}-${child.slice(6)}`;
  it.each([
    ['a legal entity', () => newOrgNumber(), {}, 201, undefined],
    ['without hyphen', () => newOrgNumber().replace('-', ''), {}, 201, undefined],
    ['a wrong check digit', () => '556016-0681', {}, 400, 'input.invalid'],
    ['nine digits', () => '556016-068', {}, 400, 'input.invalid'],
    ['letters', () => '55601A-0680', {}, 400, 'input.invalid'],
    ['a personnummer without soleTrader', () => soleTrader, {}, 422, 'suppliers.sole_trader_unconfirmed'],
    ['a legal entity claimed as a sole trader', () => newOrgNumber(), { soleTrader: true }, 422, 'suppliers.not_sole_trader'],
  ])('%s → %s', async (_name, number, extra, status, code) => {
    const res = await t.request({ method: 'PUT', url: `/v1/suppliers/${number()}`, as: cast.sundsvall.id, payload: { name: 'Prövning AB', ...extra } });
    expect(res.statusCode).toBe(status);
    if (code) expect(res.json().code).toBe(code);
  });

  it('registers a sole trader only with soleTrader: true', async () => {
    const res = await t.request({ method: 'PUT', url: `/v1/suppliers/${soleTrader}`, as: cast.sundsvall.id, payload: { name: 'Anna Andersson Omsorg (enskild firma)', soleTrader: true } });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ orgNumber: soleTrader, soleTrader: true });
  });
});
