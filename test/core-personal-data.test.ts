import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withLuhnDigit } from '../src/lib/identity-numbers.ts';
import { startTestApp, type TestApp } from './helpers/app.ts';
import { cast, createSupplier, newOrgNumber, seedCast } from './helpers/factories.ts';

let t: TestApp;
let orgNumber: string;
beforeAll(async () => {
  t = await startTestApp();
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
