import { createSigner } from 'fast-jwt';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, TEST_JWT_SECRET, type TestApp } from './helpers/app.ts';
import { recordingStatements } from './helpers/db.ts';
import { cast, createSupplier, deviation, newOrgNumber, postSignal, seedCast } from './helpers/factories.ts';

/*
 * The single status read reads its caller's organisation, and whether the calling client is
 * revoked, in its own statement (src/plugins/auth.ts, organisationInRoute): one round trip
 * where there were two. These tests hold it to what every other route promises: the same
 * refusals in the same order, before anything about the request is answered; a revocation or
 * suspension holds on the next request; the caller's kind decides what it may read.
 */

let t: TestApp;
const OPERATOR = 'registry';
const now = () => Math.floor(Date.now() / 1000);

beforeAll(async () => {
  t = await startTestApp();
  await seedCast(t);
  const operator = (url: string, payload: object) => t.request({ method: 'POST', url, as: OPERATOR, payload });
  expect((await operator('/v1/organisations', { id: 'vilande', kind: 'municipality', name: 'Vilande kommun (test)', municipalityCode: '2999' })).statusCode).toBe(201);
  expect((await operator('/v1/organisations/vilande/suspend', { reason: 'Misstänkt läckt nyckel.' })).statusCode).toBe(200);
  expect((await operator('/v1/organisations', { id: 'vardbolaget', kind: 'supplier', name: 'Vårdbolaget (test)' })).statusCode).toBe(201);
  expect((await operator(`/v1/organisations/${cast.umea.id}/revoked-clients`, { sub: 'umea-old-client', reason: 'Klienten är avvecklad.' })).statusCode).toBe(201);
});
afterAll(() => t?.close());

const read = (token: string, query = '', orgNumber?: string) => (number: string) =>
  t.app.inject({ method: 'GET', url: `/v1/suppliers/${orgNumber ?? number}/status${query}`, headers: { authorization: `Bearer ${token}` } });

function expectRefused(res: LightMyRequestResponse, status: number, code: string, what: string) {
  expect(res.statusCode, `${what}: ${res.body}`).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  const body = res.json();
  expect(body, what).toMatchObject({ status, code });
  // Nothing of the answer: no status, no reasons, no units.
  expect(Object.keys(body).filter((key) => ['reasons', 'units', 'asOf', 'registered'].includes(key)), what).toEqual([]);
}

describe('the single status read, with its caller read in its own statement', () => {
  it('answers in one statement: the caller’s organisation, the client’s revocation and the supplier’s live signals', async () => {
    const orgNumber = await createSupplier(t);
    await postSignal(t, cast.adda.id, deviation(orgNumber, { severity: 'high' }));
    const token = t.token(cast.umea.id);
    await read(token)(orgNumber); // the statement prepared on its connection
    const { sent, result } = await recordingStatements(() => read(token)(orgNumber));
    expect(result.statusCode, result.body).toBe(200);
    expect(result.json()).toMatchObject({ status: 'caution', reasons: [expect.objectContaining({ type: 'deviation' })] });
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatch(/from "organisations" "caller"/);
    expect(sent[0]).toMatch(/revoked_clients/);
  });

  const signed = (claims: Record<string, unknown>) => createSigner({ key: TEST_JWT_SECRET, algorithm: 'HS256', iss: t.config.JWT_ISSUER, aud: t.config.JWT_AUDIENCE })(claims);
  const refusals: Array<[string, () => string, number, string]> = [
    ['a token for an organisation the registry does not know', () => t.token('finns-inte'), 401, 'auth.unknown_organisation'],
    ['a revoked client', () => t.token(cast.umea.id, undefined, { sub: 'umea-old-client' }), 401, 'auth.client_revoked'],
    ['a suspended organisation', () => t.token('vilande'), 403, 'auth.organisation_suspended'],
    ['a supplier organisation', () => t.token('vardbolaget', 'registry:read'), 403, 'auth.forbidden'],
    ['a token without registry:read', () => t.token(cast.umea.id, 'signals:write'), 403, 'auth.missing_scope'],
    ['a revoked client without registry:read', () => t.token(cast.umea.id, 'signals:write', { sub: 'umea-old-client' }), 401, 'auth.client_revoked'],
    ['a token issued before its organisation', () => signed({ sub: 'x', org: cast.umea.id, scope: 'registry:read', iat: now() - 7_200, exp: now() + 600 }), 401, 'auth.token_issued_before_organisation'],
  ];

  it.each(refusals)('refuses %s before it answers anything about the request', async (what, token, status, code) => {
    const orgNumber = await createSupplier(t);
    const unit = '0190f3c2-7b7e-7c4a-9d2e-4f6b1c8a9e01';
    const asks: Array<[string, (n: string) => Promise<LightMyRequestResponse>]> = [
      ['a registered supplier', read(token())],
      ['an unregistered supplier (404 to an admitted caller)', read(token(), '', newOrgNumber())],
      ['a malformed organisation number (400)', read(token(), '', '123')],
      ['an unknown query parameter (400)', read(token(), '?colour=red')],
      ['a unit of no supplier (422)', read(token(), `?unitId=${unit}`)],
      ['a unit id that is not one (400)', read(token(), '?unitId=hemmet')],
      ['as of a past moment', read(token(), `?asOf=${encodeURIComponent(new Date(Date.now() - 60_000).toISOString())}`)],
      ['a receipt', read(token(), '?receipt=true&purpose=placement')],
      ['a receipt without its purpose (400)', read(token(), '?receipt=true')],
      ['a receipt as of a past moment (400)', read(token(), `?receipt=true&purpose=placement&asOf=${encodeURIComponent(new Date().toISOString())}`)],
    ];
    for (const [asked, ask] of asks) expectRefused(await ask(orgNumber), status, code, `${what}, ${asked}`);
  });

  it('refuses a client on its next read once the operator has revoked it, with the token it read with', async () => {
    const orgNumber = await createSupplier(t);
    const token = t.token(cast.timra.id, undefined, { sub: 'timra-case-system' });
    expect((await read(token)(orgNumber)).statusCode).toBe(200);
    const revoked = await t.request({ method: 'POST', url: `/v1/organisations/${cast.timra.id}/revoked-clients`, as: OPERATOR, payload: { sub: 'timra-case-system', reason: 'Nyckeln kan ha läckt.' } });
    expect(revoked.statusCode, revoked.body).toBe(201);
    expectRefused(await read(token)(orgNumber), 401, 'auth.client_revoked', 'after the revocation');
    expect((await read(t.token(cast.timra.id))(orgNumber)).statusCode).toBe(200);
  });

  it('shows a signal for its issuer and auditors to them only: the caller’s kind is read in the statement', async () => {
    const orgNumber = await createSupplier(t);
    const tip = await postSignal(t, cast.sundsvall.id, deviation(orgNumber, { severity: 'critical', visibility: 'issuer_and_auditors' }));
    const reasons = async (org: string) => ((await read(t.token(org))(orgNumber)).json().reasons as Array<{ signalId: string }>).map((r) => r.signalId);
    expect(await reasons(cast.revisor.id)).toEqual([tip.id]);
    expect(await reasons(cast.sundsvall.id)).toEqual([tip.id]);
    expect(await reasons(cast.umea.id)).toEqual([]);
    expect(await reasons(cast.adda.id)).toEqual([]);
  });
});

describe('the rate limit of the single status read', () => {
  let limited: TestApp;
  beforeAll(async () => {
    limited = await startTestApp({ RATE_LIMIT_READS_PER_MINUTE: '3' });
    await seedCast(limited);
    await limited.request({ method: 'POST', url: `/v1/organisations/${cast.umea.id}/revoked-clients`, as: OPERATOR, payload: { sub: 'umea-old-client', reason: 'Klienten är avvecklad.' } });
  });
  afterAll(() => limited?.close());

  it('counts the reads of the token’s organisation; a revoked client over the limit is refused as revoked, not limited', async () => {
    const orgNumber = await createSupplier(limited);
    const get = (token: string) => limited.app.inject({ method: 'GET', url: `/v1/suppliers/${orgNumber}/status`, headers: { authorization: `Bearer ${token}` } });
    const answers = [];
    for (let i = 0; i < 4; i++) answers.push((await get(limited.token(cast.sundsvall.id))).statusCode);
    expect(answers).toEqual([200, 200, 200, 429]);
    // Another organisation has its own budget.
    expect((await get(limited.token(cast.timra.id))).statusCode).toBe(200);
    for (let i = 0; i < 4; i++) await get(limited.token(cast.umea.id));
    expectRefused(await get(limited.token(cast.umea.id, undefined, { sub: 'umea-old-client' })), 401, 'auth.client_revoked', 'over the limit');
  });
});
