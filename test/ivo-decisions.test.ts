import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './helpers/app.ts';
import { cast, createSupplier, seedCast } from './helpers/factories.ts';

// IVO decisions are traceable (issue 12, item 3): IVO's diarienummer in IVO's shape and the
// decision date, both in the signal and in every status reason.
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
  await seedCast(t);
});
afterAll(() => t.close());

const post = (payload: Record<string, unknown>, as: string = cast.umea.id) => t.request({ method: 'POST', url: '/v1/signals', as, payload });
const patch = (id: string, payload: Record<string, unknown>, as: string = cast.umea.id) => t.request({ method: 'PATCH', url: `/v1/signals/${id}`, as, payload });
const count = async () => (await t.database.pool.query('SELECT count(*)::int AS n FROM signals')).rows[0].n as number;
/** A date `days` from today in Sweden, YYYY-MM-DD. */
const swedishDate = (days: number) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Stockholm' }).format(new Date(Date.now() + days * 86_400_000));

const permit = (supplierOrgNumber: string, fields: Record<string, unknown> = {}) => ({
  type: 'permit_revoked',
  supplierOrgNumber,
  summary: 'IVO har återkallat tillståndet.',
  reference: '8.7.1-6361/2015-1',
  decisionDate: '2015-06-30',
  ...fields,
});

describe('an IVO decision’s diarienummer', () => {
  it.each([
    ['free text', 'x'],
    ['a year and nothing else', 'IVO 1/2026'],
    ['no year', '3.5.1-12345'],
    ['a two-digit year', '3.5.1-12345/23'],
    ['another authority’s case number', 'KS 2026/114'],
    ['a number with text after it', '3.5.1-12345/2023 överklagat'],
  ])('refuses %s with 422 signals.invalid_reference naming the field, and writes nothing', async (_name, reference) => {
    const supplier = await createSupplier(t);
    const before = await count();
    for (const type of ['ivo_injunction', 'permit_revoked']) {
      const res = await post(permit(supplier, { type, reference }));
      expect(res.statusCode, res.body).toBe(422);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(res.json()).toMatchObject({ code: 'signals.invalid_reference', errors: [{ path: 'reference' }] });
    }
    expect(await count()).toBe(before);
  });

  it('is required', async () => {
    const res = await post(permit(await createSupplier(t), { reference: undefined }));
    expect(res.statusCode, res.body).toBe(422);
    expect(res.json().code).toBe('signals.invalid_reference');
  });

  it.each(['3.5.1-12345/2023', '8.5-29206/2014', '8.7.1-6361/2015-1', 'IVO 3.5.1-40311/2026'])('accepts %s', async (reference) => {
    const res = await post(permit(await createSupplier(t), { reference }));
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().reference).toBe(reference);
  });

  it('is stored without the spaces around it', async () => {
    const res = await post(permit(await createSupplier(t), { reference: '  3.5.1-12345/2023 \t' }));
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().reference).toBe('3.5.1-12345/2023');
  });
});

describe('an IVO decision’s date', () => {
  it('is required for both IVO types', async () => {
    const supplier = await createSupplier(t);
    for (const type of ['ivo_injunction', 'permit_revoked']) {
      const res = await post(permit(supplier, { type, decisionDate: undefined }));
      expect(res.statusCode, res.body).toBe(422);
      expect(res.json()).toMatchObject({ code: 'signals.invalid_decision_date', errors: [{ path: 'decisionDate' }] });
    }
  });

  it('may be today in Sweden but not in the future', async () => {
    const supplier = await createSupplier(t);
    const before = await count();
    for (const decisionDate of [swedishDate(1), swedishDate(400)]) {
      const res = await post(permit(supplier, { decisionDate }));
      expect(res.statusCode, res.body).toBe(422);
      expect(res.json()).toMatchObject({ code: 'signals.invalid_decision_date', errors: [{ path: 'decisionDate' }] });
    }
    expect(await count()).toBe(before);
    expect((await post(permit(supplier, { decisionDate: swedishDate(0) }))).statusCode).toBe(201);
  });

  it('is a date: a time or a malformed date is a 400', async () => {
    const supplier = await createSupplier(t);
    for (const decisionDate of ['2015-06-30T10:00:00Z', '2015-02-30', 'igår', 20150630]) {
      const res = await post(permit(supplier, { decisionDate }));
      expect(res.statusCode, `${decisionDate}: ${res.body}`).toBe(400);
    }
  });

  it('is refused on signals that are not IVO decisions', async () => {
    const res = await post({ type: 'call_off_stop', supplierOrgNumber: await createSupplier(t), summary: 'Paus.', decisionDate: '2026-01-01' });
    expect(res.statusCode, res.body).toBe(422);
    expect(res.json().code).toBe('signals.invalid_decision_date');
  });
});

describe('in the signal and in the status', () => {
  it('shows the diarienummer and the decision date in the signal, its versions and every status reason', async () => {
    const supplier = await createSupplier(t);
    const injunctionSupplier = await createSupplier(t);
    const revoked = await post(permit(supplier));
    expect(revoked.statusCode, revoked.body).toBe(201);
    expect(revoked.json()).toMatchObject({ reference: '8.7.1-6361/2015-1', decisionDate: '2015-06-30' });
    const injunction = await post(permit(injunctionSupplier, { type: 'ivo_injunction', reference: '3.5.1-12345/2023', decisionDate: '2023-11-02' }));
    expect(injunction.statusCode, injunction.body).toBe(201);

    const read = await t.request({ method: 'GET', url: `/v1/signals/${revoked.json().id}`, as: cast.sundsvall.id });
    expect(read.json()).toMatchObject({ reference: '8.7.1-6361/2015-1', decisionDate: '2015-06-30' });
    const versions = await t.request({ method: 'GET', url: `/v1/signals/${revoked.json().id}/versions`, as: cast.umea.id });
    expect(versions.json().items[0]).toMatchObject({ reference: '8.7.1-6361/2015-1', decisionDate: '2015-06-30' });

    const status = await t.request({ method: 'GET', url: `/v1/suppliers/${supplier}/status`, as: cast.sundsvall.id });
    expect(status.json().status).toBe('blocked');
    expect(status.json().reasons).toEqual([expect.objectContaining({ signalId: revoked.json().id, reference: '8.7.1-6361/2015-1', decisionDate: '2015-06-30' })]);

    const batch = await t.request({ method: 'POST', url: '/v1/suppliers/status', as: cast.timra.id, payload: { orgNumbers: [supplier, injunctionSupplier] } });
    expect(batch.statusCode, batch.body).toBe(200);
    const reasons = batch.json().results.map((r: { reasons: unknown[] }) => r.reasons[0]);
    expect(reasons).toEqual([
      expect.objectContaining({ type: 'permit_revoked', reference: '8.7.1-6361/2015-1', decisionDate: '2015-06-30' }),
      expect.objectContaining({ type: 'ivo_injunction', effect: 'caution', reference: '3.5.1-12345/2023', decisionDate: '2023-11-02' }),
    ]);
  });

  it('shows null for a signal of another type', async () => {
    const supplier = await createSupplier(t);
    expect((await post({ type: 'call_off_stop', supplierOrgNumber: supplier, summary: 'Paus.', reference: 'UMEÅ SN 2026/7' })).statusCode).toBe(201);
    const status = await t.request({ method: 'GET', url: `/v1/suppliers/${supplier}/status`, as: cast.umea.id });
    expect(status.json().reasons).toEqual([expect.objectContaining({ reference: 'UMEÅ SN 2026/7', decisionDate: null })]);
  });
});

describe('amending an IVO decision', () => {
  it('checks a new diarienummer and decision date, and refuses removing the diarienummer', async () => {
    const signal = (await post(permit(await createSupplier(t)))).json();
    for (const [body, code] of [
      [{ reference: 'x' }, 'signals.invalid_reference'],
      [{ reference: null }, 'signals.invalid_reference'],
      [{ decisionDate: swedishDate(2) }, 'signals.invalid_decision_date'],
    ] as const) {
      const res = await patch(signal.id, { reason: 'Rättelse.', ...body });
      expect(res.statusCode, res.body).toBe(422);
      expect(res.json().code).toBe(code);
    }
    const fixed = await patch(signal.id, { reason: 'Rätt diarienummer.', reference: '8.7.1-6361/2015-2', decisionDate: '2015-07-01' });
    expect(fixed.statusCode, fixed.body).toBe(200);
    expect(fixed.json()).toMatchObject({ reference: '8.7.1-6361/2015-2', decisionDate: '2015-07-01', version: 2 });
  });

  it('lets a decision recorded before these rules be ended without inventing a date', async () => {
    const supplier = await createSupplier(t);
    const signal = (await post(permit(supplier))).json();
    // A row from before migration 0009: a free-text reference and no decision date (the owner writes it, as the migration found it).
    const owner = new pg.Client({ connectionString: t.testDb.url });
    await owner.connect();
    try {
      await owner.query(`UPDATE signals SET reference = 'IVO beslut 2025', decision_date = NULL WHERE id = $1`, [signal.id]);
    } finally {
      await owner.end();
    }
    expect((await t.request({ method: 'GET', url: `/v1/signals/${signal.id}`, as: cast.umea.id })).json()).toMatchObject({ decisionDate: null });

    // The court overturned the revocation (förvaltningsrätten, mål nr 1234-25): its period is closed, the court's case number the reason.
    const ended = await patch(signal.id, { reason: 'Upphävt av förvaltningsrätten, mål nr 1234-25.', effectiveUntil: new Date(Date.now() + 1_000).toISOString() });
    expect(ended.statusCode, ended.body).toBe(200);
    expect(ended.json()).toMatchObject({ reference: 'IVO beslut 2025', decisionDate: null, version: 2 });
  });
});
