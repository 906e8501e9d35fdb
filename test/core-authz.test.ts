import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './helpers/app.ts';
import { cast, createSupplier, newOrgNumber, seedCast } from './helpers/factories.ts';

/**
 * The authorisation matrix: organisation kind × route × owner. Each row is one call
 * and the answer it must get; rows that must succeed show what IS allowed.
 */
let t: TestApp;
const ctx = {} as {
  orgNumber: string;
  agreementId: string;
  addaStop: string;
  sundsvallDeviation: string;
  umeaRestricted: string;
  timraRetracted: string;
  subscriptionId: string;
};

beforeAll(async () => {
  t = await startTestApp({ WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'true' });
  await seedCast(t);
  ctx.orgNumber = await createSupplier(t, cast.sundsvall.id);
  const call = async (as: string, method: 'POST' | 'PUT', url: string, payload?: object) => {
    const res = await t.request({ method, url, as, payload });
    if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
    return res.json();
  };
  ctx.agreementId = (await call(cast.adda.id, 'POST', '/v1/agreements', { name: 'HVB 2026', category: 'hvb_children', validFrom: '2026-01-01' })).id;
  await call(cast.adda.id, 'PUT', `/v1/agreements/${ctx.agreementId}/suppliers/${ctx.orgNumber}`);
  ctx.addaStop = (await call(cast.adda.id, 'POST', '/v1/signals', { type: 'call_off_stop', supplierOrgNumber: ctx.orgNumber, agreementId: ctx.agreementId, summary: 'Avropsstopp.' })).id;
  const dev = (summary: string, extra = {}) => ({ type: 'deviation', supplierOrgNumber: ctx.orgNumber, severity: 'high', category: 'staffing', summary, ...extra });
  ctx.sundsvallDeviation = (await call(cast.sundsvall.id, 'POST', '/v1/signals', dev('Sundsvalls avvikelse.'))).id;
  ctx.umeaRestricted = (await call(cast.umea.id, 'POST', '/v1/signals', dev('Umeås interna.', { visibility: 'issuer_and_auditors' }))).id;
  ctx.timraRetracted = (await call(cast.timra.id, 'POST', '/v1/signals', dev('Timrås.'))).id;
  await call(cast.timra.id, 'POST', `/v1/signals/${ctx.timraRetracted}/retract`, { reason: 'Fel leverantör.' });
  ctx.subscriptionId = (await call(cast.sundsvall.id, 'POST', '/v1/subscriptions', { url: 'http://127.0.0.1:9/hook' })).id;
});
afterAll(() => t.close());

type Row = [label: string, method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: () => string, as: string, scope: string | undefined, body: () => object | undefined, status: number, code?: string];
const ALL = 'registry:read signals:write subscriptions:manage audit:read';
const stopBody = () => ({ type: 'call_off_stop', supplierOrgNumber: ctx.orgNumber, agreementId: ctx.agreementId, summary: 'Stopp.' });
const devBody = () => ({ type: 'deviation', supplierOrgNumber: ctx.orgNumber, severity: 'low', category: 'other', summary: 'Notering.' });
const reason = () => ({ reason: 'Skäl.' });
const none = () => undefined;

const rows: Row[] = [
  // Organisations: only the operator with the admin scope creates.
  ['operator creates an organisation', 'POST', () => '/v1/organisations', 'registry', 'admin registry:read', () => ({ id: 'ny-kommun', kind: 'municipality', name: 'Ny kommun', municipalityCode: '0999' }), 201],
  ['operator without admin scope', 'POST', () => '/v1/organisations', 'registry', 'registry:read', () => ({ id: 'ny-2', kind: 'auditor', name: 'X' }), 403, 'auth.missing_scope'],
  ['municipality creates an organisation', 'POST', () => '/v1/organisations', cast.sundsvall.id, `${ALL} admin`, () => ({ id: 'ny-3', kind: 'auditor', name: 'X' }), 403, 'auth.forbidden'],
  ['member reads organisations', 'GET', () => '/v1/organisations', cast.umea.id, 'registry:read', none, 200],
  ['read without registry:read', 'GET', () => '/v1/organisations', cast.umea.id, 'signals:write', none, 403, 'auth.missing_scope'],
  // Suppliers and agreements: members with signals:write; never auditors or the operator.
  ['federation registers a supplier', 'PUT', () => `/v1/suppliers/${newOrgNumber()}`, cast.kfv.id, ALL, () => ({ name: 'Ny Omsorg AB' }), 201],
  ['auditor registers a supplier', 'PUT', () => `/v1/suppliers/${newOrgNumber()}`, cast.revisor.id, ALL, () => ({ name: 'Ny Omsorg AB' }), 403, 'auth.forbidden'],
  ['operator registers a supplier', 'PUT', () => `/v1/suppliers/${newOrgNumber()}`, 'registry', `${ALL} admin`, () => ({ name: 'Ny Omsorg AB' }), 403, 'suppliers.operator_cannot_register'],
  ['supplier write without signals:write', 'PUT', () => `/v1/suppliers/${newOrgNumber()}`, cast.umea.id, 'registry:read', () => ({ name: 'Ny Omsorg AB' }), 403, 'auth.missing_scope'],
  ['auditor creates an agreement', 'POST', () => '/v1/agreements', cast.revisor.id, ALL, () => ({ name: 'X', category: 'hvb_children', validFrom: '2026-01-01' }), 403],
  ['another organisation adds a party to Adda’s agreement', 'PUT', () => `/v1/agreements/${ctx.agreementId}/suppliers/${ctx.orgNumber}`, cast.sundsvall.id, ALL, none, 403, 'agreements.not_owner'],
  // Signals: writes by members; stops under an agreement only by its owner.
  ['federation posts a deviation', 'POST', () => '/v1/signals', cast.kfv.id, ALL, devBody, 201],
  ['auditor posts a signal', 'POST', () => '/v1/signals', cast.revisor.id, ALL, devBody, 403, 'auth.forbidden'],
  ['operator posts a signal', 'POST', () => '/v1/signals', 'registry', `${ALL} admin`, devBody, 403, 'auth.forbidden'],
  ['signal without signals:write', 'POST', () => '/v1/signals', cast.sundsvall.id, 'registry:read', devBody, 403, 'auth.missing_scope'],
  ['municipality stops under Adda’s agreement', 'POST', () => '/v1/signals', cast.sundsvall.id, ALL, stopBody, 403, 'signals.not_agreement_owner'],
  ['Adda stops under its own agreement', 'POST', () => '/v1/signals', cast.adda.id, ALL, stopBody, 201],
  ['Adda stops without an agreement', 'POST', () => '/v1/signals', cast.adda.id, ALL, () => ({ ...stopBody(), agreementId: undefined }), 422, 'signals.agreement_required'],
  // Object level: another organisation's signal is a 404, existence does not leak.
  ['Sundsvall amends Adda’s stop', 'PATCH', () => `/v1/signals/${ctx.addaStop}`, cast.sundsvall.id, ALL, () => ({ reason: 'x', summary: 'Ändrad.' }), 404, 'signals.not_found'],
  ['Sundsvall lifts Adda’s stop', 'POST', () => `/v1/signals/${ctx.addaStop}/lift`, cast.sundsvall.id, ALL, reason, 404, 'signals.not_found'],
  ['Sundsvall retracts Adda’s stop', 'POST', () => `/v1/signals/${ctx.addaStop}/retract`, cast.sundsvall.id, ALL, reason, 404, 'signals.not_found'],
  ['Adda retracts Sundsvall’s deviation', 'POST', () => `/v1/signals/${ctx.sundsvallDeviation}/retract`, cast.adda.id, ALL, reason, 404, 'signals.not_found'],
  ['the auditor amends a signal', 'PATCH', () => `/v1/signals/${ctx.sundsvallDeviation}`, cast.revisor.id, ALL, () => ({ reason: 'x', summary: 'Ändrad.' }), 403, 'auth.forbidden'],
  ['Sundsvall amends its own deviation', 'PATCH', () => `/v1/signals/${ctx.sundsvallDeviation}`, cast.sundsvall.id, ALL, () => ({ reason: 'Förtydligande.', summary: 'Sundsvalls avvikelse, förtydligad.' }), 200],
  // Visibility: issuer_and_auditors and retracted signals.
  ['another member reads a restricted signal', 'GET', () => `/v1/signals/${ctx.umeaRestricted}`, cast.sundsvall.id, ALL, none, 404, 'signals.not_found'],
  ['the issuer reads its restricted signal', 'GET', () => `/v1/signals/${ctx.umeaRestricted}`, cast.umea.id, ALL, none, 200],
  ['the auditor reads a restricted signal', 'GET', () => `/v1/signals/${ctx.umeaRestricted}`, cast.revisor.id, 'registry:read', none, 200],
  ['another member reads a restricted signal’s versions', 'GET', () => `/v1/signals/${ctx.umeaRestricted}/versions`, cast.sundsvall.id, ALL, none, 404],
  ['another member reads a retracted signal', 'GET', () => `/v1/signals/${ctx.timraRetracted}`, cast.sundsvall.id, ALL, none, 404],
  ['the issuer reads its retracted signal', 'GET', () => `/v1/signals/${ctx.timraRetracted}`, cast.timra.id, ALL, none, 200],
  ['the auditor reads a retracted signal', 'GET', () => `/v1/signals/${ctx.timraRetracted}`, cast.revisor.id, 'registry:read', none, 200],
  // Subscriptions and deliveries: only the owner.
  ['another organisation reads a subscription', 'GET', () => `/v1/subscriptions/${ctx.subscriptionId}`, cast.timra.id, ALL, none, 404, 'subscriptions.not_found'],
  ['another organisation deletes a subscription', 'DELETE', () => `/v1/subscriptions/${ctx.subscriptionId}`, cast.timra.id, ALL, none, 404],
  ['another organisation rotates a secret', 'POST', () => `/v1/subscriptions/${ctx.subscriptionId}/rotate-secret`, cast.timra.id, ALL, none, 404],
  ['another organisation replays a subscription', 'POST', () => `/v1/subscriptions/${ctx.subscriptionId}/replay`, cast.timra.id, ALL, () => ({ since: '2026-01-01T00:00:00Z' }), 404],
  ['subscriptions without subscriptions:manage', 'GET', () => '/v1/subscriptions', cast.sundsvall.id, 'registry:read', none, 403, 'auth.missing_scope'],
  ['the owner reads its subscription', 'GET', () => `/v1/subscriptions/${ctx.subscriptionId}`, cast.sundsvall.id, ALL, none, 200],
  // Audit: auditors verify and export; members do not.
  ['a member verifies the audit chain', 'GET', () => '/v1/audit/verify', cast.sundsvall.id, ALL, none, 403, 'auth.forbidden'],
  ['a member exports the audit chain', 'GET', () => '/v1/audit/export', cast.sundsvall.id, ALL, none, 403],
  ['a member reads a supplier’s full history', 'GET', () => `/v1/suppliers/${ctx.orgNumber}/history`, cast.sundsvall.id, ALL, none, 403],
  ['the auditor verifies the audit chain', 'GET', () => '/v1/audit/verify', cast.revisor.id, 'registry:read audit:read', none, 200],
  ['the auditor without audit:read', 'GET', () => '/v1/audit/verify', cast.revisor.id, 'registry:read', none, 403, 'auth.missing_scope'],
];

describe('authorisation matrix', () => {
  it.each(rows)('%s → %s %s as %s', async (_label, method, url, as, scope, body, status, code) => {
    const payload = body();
    const res = await t.request({ method, url: url(), as, ...(scope ? { scope } : {}), ...(payload ? { payload } : {}) });
    expect(res.statusCode, res.body).toBe(status);
    if (status >= 400) {
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(res.json()).toMatchObject({ status, requestId: expect.any(String), ...(code ? { code } : {}) });
    }
  });

  it('leaves another organisation’s signal unchanged after refused writes', async () => {
    const res = await t.request({ method: 'GET', url: `/v1/signals/${ctx.addaStop}`, as: cast.adda.id });
    expect(res.json()).toMatchObject({ status: 'active', version: 1, summary: 'Avropsstopp.' });
  });

  it('hides restricted and retracted signals from other members’ lists and status reasons', async () => {
    const list = (await t.request({ method: 'GET', url: `/v1/signals?supplier=${ctx.orgNumber}&limit=200`, as: cast.sundsvall.id })).json().items.map((s: { id: string }) => s.id);
    expect(list).not.toContain(ctx.umeaRestricted);
    expect(list).not.toContain(ctx.timraRetracted);
    const auditorList = (await t.request({ method: 'GET', url: `/v1/signals?supplier=${ctx.orgNumber}&limit=200`, as: cast.revisor.id })).json().items.map((s: { id: string }) => s.id);
    expect(auditorList).toEqual(expect.arrayContaining([ctx.umeaRestricted, ctx.timraRetracted]));
    const reasons = (await t.request({ method: 'GET', url: `/v1/suppliers/${ctx.orgNumber}/status`, as: cast.sundsvall.id })).json().reasons.map((r: { signalId: string }) => r.signalId);
    expect(reasons).not.toContain(ctx.umeaRestricted);
    const issuerReasons = (await t.request({ method: 'GET', url: `/v1/suppliers/${ctx.orgNumber}/status`, as: cast.umea.id })).json().reasons.map((r: { signalId: string }) => r.signalId);
    expect(issuerReasons).toContain(ctx.umeaRestricted);
  });
});

describe('signals that decide others’ status cannot be hidden or unattributed', () => {
  it.each([
    ['a hidden call-off stop', () => ({ type: 'call_off_stop', supplierOrgNumber: ctx.orgNumber, summary: 'Dold paus.', visibility: 'issuer_and_auditors' })],
    ['a hidden termination', () => ({ type: 'termination', supplierOrgNumber: ctx.orgNumber, summary: 'Dold hävning.', visibility: 'issuer_and_auditors' })],
    ['a hidden revoked permit', () => ({ type: 'permit_revoked', supplierOrgNumber: ctx.orgNumber, summary: 'Dold.', reference: 'IVO 1/2026', visibility: 'issuer_and_auditors' })],
    ['an injunction without diarienummer', () => ({ type: 'ivo_injunction', supplierOrgNumber: ctx.orgNumber, summary: 'Föreläggande.' })],
    ['a revoked permit without diarienummer', () => ({ type: 'permit_revoked', supplierOrgNumber: ctx.orgNumber, summary: 'Återkallat.' })],
  ])('refuses %s with 422 and writes nothing', async (name, body) => {
    const before = (await t.database.pool.query('SELECT count(*)::int AS n FROM signals')).rows[0].n;
    const res = await t.request({ method: 'POST', url: '/v1/signals', as: cast.umea.id, payload: body() });
    expect(res.statusCode, res.body).toBe(422);
    expect(res.json().code).toBe(name.endsWith('without diarienummer') ? 'signals.invalid_reference' : 'signals.invalid');
    expect((await t.database.pool.query('SELECT count(*)::int AS n FROM signals')).rows[0].n).toBe(before);
  });

  it('refuses to amend a stop into hiding', async () => {
    const stop = (await t.request({ method: 'POST', url: '/v1/signals', as: cast.umea.id, payload: { type: 'call_off_stop', supplierOrgNumber: ctx.orgNumber, summary: 'Paus.' } })).json();
    const res = await t.request({ method: 'PATCH', url: `/v1/signals/${stop.id}`, as: cast.umea.id, payload: { reason: 'Dölj.', visibility: 'issuer_and_auditors' } });
    expect(res.statusCode).toBe(422);
    const status = await t.request({ method: 'GET', url: `/v1/suppliers/${ctx.orgNumber}/status`, as: cast.umea.id });
    expect(status.json().reasons.map((r: { signalId: string }) => r.signalId)).toContain(stop.id);
  });

  it('requires a purchasing centre’s termination to name its agreement', async () => {
    const res = await t.request({ method: 'POST', url: '/v1/signals', as: cast.adda.id, payload: { type: 'termination', supplierOrgNumber: ctx.orgNumber, summary: 'Hävning.' } });
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('signals.agreement_required');
  });
});
