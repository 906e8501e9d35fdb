import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './helpers/app.ts';
import { cast, createSupplier, deviation, newOrgNumber, postSignal, seedCast } from './helpers/factories.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
  await seedCast(t);
});
afterAll(() => t.close());

interface Signal {
  id: string;
  type: string;
  status: string;
  version: number;
  updatedAt: string;
  [key: string]: unknown;
}
interface Version {
  version: number;
  change: string;
  reason: string | null;
  [key: string]: unknown;
}

const daysFromNow = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const versionsOf = async (id: string, as: string): Promise<Version[]> => {
  const res = await t.request({ method: 'GET', url: `/v1/signals/${id}/versions`, as });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items;
};

const act = (id: string, action: 'lift' | 'retract', as: string, reason = 'Skäl till ändringen.') =>
  t.request({ method: 'POST', url: `/v1/signals/${id}/${action}`, as, payload: { reason } });

const amend = (id: string, as: string, payload: Record<string, unknown>) => t.request({ method: 'PATCH', url: `/v1/signals/${id}`, as, payload });

async function createAgreementWith(owner: string, supplier: string): Promise<string> {
  const agreement = await t.request({
    method: 'POST',
    url: '/v1/agreements',
    as: owner,
    payload: { name: `Ramavtal ${owner}`, category: 'hvb_children', validFrom: '2026-01-01' },
  });
  expect(agreement.statusCode, agreement.body).toBe(201);
  const party = await t.request({ method: 'PUT', url: `/v1/agreements/${agreement.json().id}/suppliers/${supplier}`, as: owner });
  expect(party.statusCode, party.body).toBe(201);
  return agreement.json().id;
}

describe('POST /v1/signals and GET /v1/signals/{id}', () => {
  const types = [
    { type: 'deviation', severity: 'high', category: 'premises' },
    { type: 'call_off_stop' },
    { type: 'termination', reference: 'KS 2026/114' },
    { type: 'ivo_injunction', reference: 'IVO 8.5-12345/2026', decisionDate: '2026-03-02' },
    { type: 'permit_revoked', reference: 'IVO 8.5-67890/2026', decisionDate: '2026-03-02' },
    { type: 'financial_warning' },
  ];

  it.each(types)('creates a $type as version 1 and reads it back', async (fields) => {
    const supplier = await createSupplier(t, cast.sundsvall.id);
    const res = await t.request({
      method: 'POST',
      url: '/v1/signals',
      as: cast.sundsvall.id,
      payload: { supplierOrgNumber: supplier, summary: `En signal av typen ${fields.type}.`, ...fields },
    });
    expect(res.statusCode, res.body).toBe(201);
    const signal: Signal = res.json();
    expect(res.headers.location).toBe(`/v1/signals/${signal.id}`);
    expect(signal).toMatchObject({
      ...fields,
      supplierOrgNumber: supplier,
      issuerOrgId: 'sundsvall',
      status: 'active',
      visibility: 'members',
      version: 1,
      effectiveUntil: null,
    });

    const got = await t.request({ method: 'GET', url: `/v1/signals/${signal.id}`, as: cast.umea.id });
    expect(got.statusCode, got.body).toBe(200);
    expect(got.json()).toEqual(signal);

    const versions = await versionsOf(signal.id, cast.sundsvall.id);
    expect(versions).toHaveLength(1);
    expect(versions[0]).toMatchObject({ version: 1, change: 'created', reason: null, status: 'active', actorOrgId: 'sundsvall', summary: signal.summary });
  });

  it('lets a purchasing centre stop a supplier on its own agreement, and only with one', async () => {
    const supplier = await createSupplier(t, cast.adda.id);
    const withoutAgreement = await t.request({
      method: 'POST',
      url: '/v1/signals',
      as: cast.adda.id,
      payload: { type: 'call_off_stop', supplierOrgNumber: supplier, summary: 'Avropsstopp.' },
    });
    expect(withoutAgreement.statusCode).toBe(422);
    expect(withoutAgreement.json().code).toBe('signals.agreement_required');

    const agreementId = await createAgreementWith(cast.adda.id, supplier);
    const stop = await postSignal(t, cast.adda.id, { type: 'call_off_stop', supplierOrgNumber: supplier, agreementId, summary: 'Avropsstopp.' });
    expect(stop).toMatchObject({ agreementId, issuerOrgId: 'adda', status: 'active' });
  });

  it('answers 404 for a signal that does not exist', async () => {
    const res = await t.request({ method: 'GET', url: '/v1/signals/0190a1b2-0000-7000-8000-000000000000', as: cast.umea.id });
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('signals.not_found');
  });

  it('refuses a signal about an unregistered supplier, and a deviation without severity', async () => {
    const supplier = await createSupplier(t);
    const noSeverity = await t.request({
      method: 'POST',
      url: '/v1/signals',
      as: cast.umea.id,
      payload: { type: 'deviation', supplierOrgNumber: supplier, category: 'staffing', summary: 'Ingen allvarlighetsgrad.' },
    });
    expect(noSeverity.statusCode).toBe(422);
    expect(noSeverity.json().code).toBe('signals.invalid');

    const unregistered = await t.request({ method: 'POST', url: '/v1/signals', as: cast.umea.id, payload: deviation(newOrgNumber()) });
    expect(unregistered.statusCode).toBe(422);
    expect(unregistered.json().code).toBe('signals.unknown_supplier');
  });

  it('refuses an effectiveUntil already in the past with 422, not 500', async () => {
    const supplier = await createSupplier(t);
    const res = await t.request({
      method: 'POST',
      url: '/v1/signals',
      as: cast.umea.id,
      payload: { type: 'financial_warning', supplierOrgNumber: supplier, summary: 'Redan utgången.', effectiveUntil: daysFromNow(-1) },
    });
    expect(res.statusCode, res.body).toBe(422);
    expect(res.json().code).toBe('signals.invalid_period');
    const { rows } = await t.database.pool.query('SELECT count(*)::int AS n FROM signals WHERE supplier_org_number = $1', [supplier.replace('-', '')]);
    expect(rows[0].n).toBe(0);
  });
});

describe('GET /v1/signals filters', () => {
  let supplierA: string;
  let supplierB: string;
  let agreementId: string;
  const s: Record<'deviationA' | 'stopA' | 'warningA' | 'injunctionA' | 'deviationB', Signal> = {} as never;
  let liftedAt: string;
  let amendedAt: string;

  beforeAll(async () => {
    supplierA = await createSupplier(t, cast.sundsvall.id, 'Filtrerade Hem AB');
    supplierB = await createSupplier(t, cast.sundsvall.id, 'Andra Hem AB');
    agreementId = await createAgreementWith(cast.kfv.id, supplierA);
    s.deviationA = await postSignal(t, cast.sundsvall.id, deviation(supplierA));
    s.stopA = await postSignal(t, cast.kfv.id, { type: 'call_off_stop', supplierOrgNumber: supplierA, agreementId, summary: 'Avropspaus.' });
    s.warningA = await postSignal(t, cast.umea.id, { type: 'financial_warning', supplierOrgNumber: supplierA, summary: 'Skatteskuld.' });
    s.injunctionA = await postSignal(t, cast.timra.id, {
      type: 'ivo_injunction',
      supplierOrgNumber: supplierA,
      summary: 'Föreläggande, nu utgånget.',
      reference: 'IVO 3.5.1-1004/2026', decisionDate: '2026-03-02',
      effectiveFrom: daysFromNow(-30),
      effectiveUntil: daysFromNow(-1),
    });
    s.deviationB = await postSignal(t, cast.sundsvall.id, deviation(supplierB));

    const lifted = await act(s.stopA.id, 'lift', cast.kfv.id);
    expect(lifted.statusCode, lifted.body).toBe(200);
    liftedAt = lifted.json().updatedAt;
    await sleep(5);
    expect((await act(s.warningA.id, 'retract', cast.umea.id)).statusCode).toBe(200);
    await sleep(5);
    const amended = await amend(s.deviationA.id, cast.sundsvall.id, { reason: 'Ny bedömning.', severity: 'high' });
    expect(amended.statusCode, amended.body).toBe(200);
    amendedAt = amended.json().updatedAt;
  });

  const list = async (query: string, as: string = cast.revisor.id): Promise<Signal[]> => {
    const res = await t.request({ method: 'GET', url: `/v1/signals?${query}`, as });
    expect(res.statusCode, res.body).toBe(200);
    return res.json().items;
  };
  const ids = (signals: Signal[]) => signals.map((x) => x.id);
  // Ids are UUIDv7, so newest first is descending id order.
  const newestFirst = (...signals: Signal[]) => signals.map((x) => x.id).sort().reverse();

  it('filters by supplier, newest first', async () => {
    expect(ids(await list(`supplier=${supplierA}`))).toEqual(newestFirst(s.deviationA, s.stopA, s.warningA, s.injunctionA));
    expect(ids(await list(`supplier=${supplierB.replace('-', '')}`))).toEqual([s.deviationB.id]);
  });

  it('filters by type', async () => {
    expect(ids(await list(`supplier=${supplierA}&type=deviation`))).toEqual([s.deviationA.id]);
    expect(ids(await list(`supplier=${supplierA}&type=call_off_stop`))).toEqual([s.stopA.id]);
    const everyDeviation = await list('type=deviation&limit=200');
    expect(everyDeviation.every((x) => x.type === 'deviation')).toBe(true);
    expect(ids(everyDeviation)).toEqual(expect.arrayContaining([s.deviationA.id, s.deviationB.id]));
  });

  it.each([
    ['active', 'deviationA'],
    ['lifted', 'stopA'],
    ['retracted', 'warningA'],
    ['expired', 'injunctionA'],
  ] as const)('filters by status %s', async (status, key) => {
    const found = await list(`supplier=${supplierA}&status=${status}`);
    expect(ids(found)).toEqual([s[key].id]);
    expect(found[0]!.status).toBe(status);
  });

  it('filters by issuer', async () => {
    expect(ids(await list(`supplier=${supplierA}&issuer=kfv`))).toEqual([s.stopA.id]);
    expect(ids(await list(`supplier=${supplierA}&issuer=timra`))).toEqual([s.injunctionA.id]);
    expect(ids(await list(`supplier=${supplierA}&issuer=adda`))).toEqual([]);
  });

  it('filters by agreement', async () => {
    expect(ids(await list(`agreement=${agreementId}`))).toEqual([s.stopA.id]);
  });

  it('filters by updatedSince', async () => {
    expect(ids(await list(`supplier=${supplierA}&updatedSince=${encodeURIComponent(amendedAt)}`))).toEqual([s.deviationA.id]);
    expect(ids(await list(`supplier=${supplierA}&updatedSince=${encodeURIComponent(liftedAt)}`))).toEqual(
      newestFirst(s.deviationA, s.stopA, s.warningA),
    );
  });

  it('hides another organisation’s retracted signal from members, but not from its issuer', async () => {
    expect(ids(await list(`supplier=${supplierA}`, cast.sundsvall.id))).toEqual(newestFirst(s.deviationA, s.stopA, s.injunctionA));
    expect(ids(await list(`supplier=${supplierA}&status=retracted`, cast.umea.id))).toEqual([s.warningA.id]);
  });

  it('pages with a cursor, visiting each of 7 signals exactly once', async () => {
    const supplier = await createSupplier(t, cast.timra.id, 'Sju Signaler AB');
    const created: Signal[] = [];
    for (let i = 0; i < 7; i++) created.push(await postSignal(t, cast.timra.id, deviation(supplier, { summary: `Avvikelse nummer ${i + 1}.` })));

    const pages: string[][] = [];
    let cursor: string | null = null;
    do {
      const res = await t.request({
        method: 'GET',
        url: `/v1/signals?supplier=${supplier}&limit=3${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
        as: cast.umea.id,
      });
      expect(res.statusCode, res.body).toBe(200);
      pages.push(ids(res.json().items));
      cursor = res.json().nextCursor;
    } while (cursor && pages.length < 10);

    expect(pages.map((p) => p.length)).toEqual([3, 3, 1]);
    expect(pages.flat()).toEqual(newestFirst(...created));
  });
});

describe('amend, lift, retract', () => {
  it('amends into version 2 and leaves version 1 exactly as it was', async () => {
    const supplier = await createSupplier(t);
    const signal = await postSignal(t, cast.sundsvall.id, deviation(supplier, { details: 'Två av fyra tjänster vakanta.', reference: 'SN 2026/1' }));
    const [v1Before] = await versionsOf(signal.id, cast.sundsvall.id);
    const rowBefore = (await t.database.pool.query('SELECT * FROM signal_versions WHERE signal_id = $1 AND version = 1', [signal.id])).rows[0];

    const res = await amend(signal.id, cast.sundsvall.id, {
      reason: 'Uppföljningen visade mer.',
      severity: 'critical',
      summary: 'Bemanningen allvarligt under avtalad nivå.',
      details: null,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      id: signal.id,
      version: 2,
      status: 'active',
      severity: 'critical',
      category: 'staffing',
      summary: 'Bemanningen allvarligt under avtalad nivå.',
      details: null,
      reference: 'SN 2026/1',
      createdAt: signal.createdAt,
    });

    const versions = await versionsOf(signal.id, cast.sundsvall.id);
    expect(versions.map((v) => v.version)).toEqual([1, 2]);
    expect(versions[0]).toEqual(v1Before);
    expect(versions[0]).toMatchObject({ severity: 'medium', summary: signal.summary, details: 'Två av fyra tjänster vakanta.' });
    expect(versions[1]).toMatchObject({ change: 'amended', reason: 'Uppföljningen visade mer.', severity: 'critical', details: null });
    const rowAfter = (await t.database.pool.query('SELECT * FROM signal_versions WHERE signal_id = $1 AND version = 1', [signal.id])).rows[0];
    expect(rowAfter).toEqual(rowBefore);

    expect((await t.request({ method: 'GET', url: `/v1/signals/${signal.id}`, as: cast.umea.id })).json()).toEqual(res.json());
  });

  it('refuses an amendment that changes nothing but the reason (400)', async () => {
    const signal = await postSignal(t, cast.sundsvall.id, deviation(await createSupplier(t)));
    const res = await amend(signal.id, cast.sundsvall.id, { reason: 'Bara ett skäl.' });
    expect(res.statusCode, res.body).toBe(400);
    expect(res.json().code).toBe('input.invalid');
    expect(await versionsOf(signal.id, cast.sundsvall.id)).toHaveLength(1);
  });

  it('lets only the issuer change a signal (another organisation gets 404)', async () => {
    const signal = await postSignal(t, cast.sundsvall.id, deviation(await createSupplier(t)));
    const res = await amend(signal.id, cast.timra.id, { reason: 'Inte min.', severity: 'low' });
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('signals.not_found');
    expect((await act(signal.id, 'retract', cast.timra.id)).statusCode).toBe(404);
    expect(await versionsOf(signal.id, cast.sundsvall.id)).toHaveLength(1);
  });

  it('lifts a call-off stop once; a second lift is 409', async () => {
    const signal = await postSignal(t, cast.umea.id, { type: 'call_off_stop', supplierOrgNumber: await createSupplier(t), summary: 'Avropspaus.' });
    const lifted = await act(signal.id, 'lift', cast.umea.id, 'Bristerna åtgärdade.');
    expect(lifted.statusCode, lifted.body).toBe(200);
    expect(lifted.json()).toMatchObject({ status: 'lifted', version: 2 });

    const again = await act(signal.id, 'lift', cast.umea.id);
    expect(again.statusCode, again.body).toBe(409);
    expect(again.json().code).toBe('signals.not_active');

    const versions = await versionsOf(signal.id, cast.umea.id);
    expect(versions.map((v) => [v.version, v.change, v.status, v.reason])).toEqual([
      [1, 'created', 'active', null],
      [2, 'lifted', 'lifted', 'Bristerna åtgärdade.'],
    ]);
  });

  it.each(['deviation', 'termination', 'ivo_injunction', 'permit_revoked', 'financial_warning'])(
    'refuses to lift a %s (409 signals.not_liftable)',
    async (type) => {
      const fields =
        type === 'deviation'
          ? deviation(await createSupplier(t))
          : { type, supplierOrgNumber: await createSupplier(t), summary: 'Ej hävbar.', ...(type.startsWith('ivo') || type === 'permit_revoked' ? { reference: 'IVO 3.5.1-1003/2026', decisionDate: '2026-03-02' } : {}) };
      const signal = await postSignal(t, cast.umea.id, fields);
      const res = await act(signal.id, 'lift', cast.umea.id);
      expect(res.statusCode, res.body).toBe(409);
      expect(res.json().code).toBe('signals.not_liftable');
      expect((await t.request({ method: 'GET', url: `/v1/signals/${signal.id}`, as: cast.umea.id })).json()).toMatchObject({ status: 'active', version: 1 });
    },
  );

  it('retracts a signal into a new version; then amend, lift and retract all answer 409 signals.retracted', async () => {
    const signal = await postSignal(t, cast.kfv.id, { type: 'call_off_stop', supplierOrgNumber: await createSupplier(t), summary: 'Felregistrerad.' });
    const retracted = await act(signal.id, 'retract', cast.kfv.id, 'Fel leverantör.');
    expect(retracted.statusCode, retracted.body).toBe(200);
    expect(retracted.json()).toMatchObject({ status: 'retracted', version: 2 });

    const attempts = [
      await amend(signal.id, cast.kfv.id, { reason: 'Försök.', summary: 'Ändrad.' }),
      await act(signal.id, 'lift', cast.kfv.id),
      await act(signal.id, 'retract', cast.kfv.id),
    ];
    for (const res of attempts) {
      expect(res.statusCode, res.body).toBe(409);
      expect(res.json().code).toBe('signals.retracted');
    }
    const versions = await versionsOf(signal.id, cast.kfv.id);
    expect(versions.map((v) => v.change)).toEqual(['created', 'retracted']);
    // The auditor still reads it; other members no longer do.
    expect((await t.request({ method: 'GET', url: `/v1/signals/${signal.id}`, as: cast.revisor.id })).statusCode).toBe(200);
    expect((await t.request({ method: 'GET', url: `/v1/signals/${signal.id}`, as: cast.sundsvall.id })).statusCode).toBe(404);
  });

  it('numbers 10 concurrent amendments 2..11 with no gap and no duplicate', async () => {
    const signal = await postSignal(t, cast.timra.id, deviation(await createSupplier(t)));
    const responses = await Promise.all(
      Array.from({ length: 10 }, (_, i) => amend(signal.id, cast.timra.id, { reason: `Ändring ${i}.`, summary: `Sammanfattning ${i}.` })),
    );
    for (const res of responses) expect(res.statusCode, res.body).toBe(200);
    expect(responses.map((r) => r.json().version).sort((a, b) => a - b)).toEqual([2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);

    const versions = await versionsOf(signal.id, cast.timra.id);
    expect(versions.map((v) => v.version)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(new Set(versions.slice(1).map((v) => v.reason)).size).toBe(10);
    const current = (await t.request({ method: 'GET', url: `/v1/signals/${signal.id}`, as: cast.timra.id })).json();
    expect(current.version).toBe(11);
    expect(current.summary).toBe(versions[10]!.summary);
  });
});

describe('append-only history in the database', () => {
  let signal: Signal;
  beforeAll(async () => {
    signal = await postSignal(t, cast.sundsvall.id, deviation(await createSupplier(t)));
  });

  it.each([
    ['UPDATE signal_versions', `UPDATE signal_versions SET summary = 'förfalskad' WHERE signal_id = $1`, /append-only table signal_versions/],
    ['DELETE FROM signal_versions', 'DELETE FROM signal_versions WHERE signal_id = $1', /append-only table signal_versions/],
    ['DELETE FROM signals', 'DELETE FROM signals WHERE id = $1', /append-only table signals/],
  ])('refuses %s', async (_name, statement, message) => {
    await expect(t.database.pool.query(statement, [signal.id])).rejects.toThrow(message);
    const versions = await t.database.pool.query('SELECT version, summary FROM signal_versions WHERE signal_id = $1', [signal.id]);
    expect(versions.rows).toEqual([{ version: 1, summary: signal.summary }]);
    expect((await t.database.pool.query('SELECT id FROM signals WHERE id = $1', [signal.id])).rows).toHaveLength(1);
  });
});

// Moved from core-authz.test.ts: the rules that keep a status-deciding signal visible and attributed.
describe('signals that decide others’ status cannot be hidden or unattributed', () => {
  let orgNumber: string;
  beforeAll(async () => {
    orgNumber = await createSupplier(t, cast.sundsvall.id);
  });

  it.each([
    ['a hidden call-off stop', () => ({ type: 'call_off_stop', supplierOrgNumber: orgNumber, summary: 'Dold paus.', visibility: 'issuer_and_auditors' })],
    ['a hidden termination', () => ({ type: 'termination', supplierOrgNumber: orgNumber, summary: 'Dold hävning.', visibility: 'issuer_and_auditors' })],
    ['a hidden revoked permit', () => ({ type: 'permit_revoked', supplierOrgNumber: orgNumber, summary: 'Dold.', reference: 'IVO 1/2026', visibility: 'issuer_and_auditors' })],
    ['an injunction without diarienummer', () => ({ type: 'ivo_injunction', supplierOrgNumber: orgNumber, summary: 'Föreläggande.' })],
    ['a revoked permit without diarienummer', () => ({ type: 'permit_revoked', supplierOrgNumber: orgNumber, summary: 'Återkallat.' })],
  ])('refuses %s with 422 and writes nothing', async (name, body) => {
    const before = (await t.database.pool.query('SELECT count(*)::int AS n FROM signals')).rows[0].n;
    const res = await t.request({ method: 'POST', url: '/v1/signals', as: cast.umea.id, payload: body() });
    expect(res.statusCode, res.body).toBe(422);
    expect(res.json().code).toBe(name.endsWith('without diarienummer') ? 'signals.invalid_reference' : 'signals.invalid');
    expect((await t.database.pool.query('SELECT count(*)::int AS n FROM signals')).rows[0].n).toBe(before);
  });

  it('refuses to amend a stop into hiding', async () => {
    const stop = await postSignal(t, cast.umea.id, { type: 'call_off_stop', supplierOrgNumber: orgNumber, summary: 'Paus.' });
    const res = await amend(stop.id, cast.umea.id, { reason: 'Dölj.', visibility: 'issuer_and_auditors' });
    expect(res.statusCode).toBe(422);
    const status = await t.request({ method: 'GET', url: `/v1/suppliers/${orgNumber}/status`, as: cast.umea.id });
    expect(status.json().reasons.map((r: { signalId: string }) => r.signalId)).toContain(stop.id);
  });

  it('requires a purchasing centre’s termination to name its agreement', async () => {
    const res = await t.request({ method: 'POST', url: '/v1/signals', as: cast.adda.id, payload: { type: 'termination', supplierOrgNumber: orgNumber, summary: 'Hävning.' } });
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('signals.agreement_required');
  });
});
