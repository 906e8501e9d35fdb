import { createSigner } from 'fast-jwt';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.ts';
import { startTestApp, TEST_JWT_SECRET, type TestApp } from './helpers/app.ts';
import { cast, createSupplier, seedCast, subscribe } from './helpers/factories.ts';
import { receiverPool } from './helpers/receiver.ts';

/**
 * Shutting out a client or an organisation (issue 12, item 4): the operator suspends an
 * organisation or revokes one client, and it holds at once on every replica; tokens that
 * live too long, claim a future iat, or predate their organisation are refused; no two
 * organisations share a kommunkod.
 */

let t: TestApp;
let replica: FastifyInstance;
const receivers = receiverPool();
const OPERATOR = 'registry';

beforeAll(async () => {
  t = await startTestApp({}, { workers: true });
  // A second API replica on the same database: nothing about a suspension lives in one process.
  replica = await buildApp({ config: t.config, database: t.database });
  await replica.ready();
  await seedCast(t);
});
afterAll(async () => {
  await receivers.closeAll();
  await replica?.close();
  await t?.close();
});

const now = () => Math.floor(Date.now() / 1000);
/** A token with exactly the times given (no defaults), signed with the test secret. */
const signed = (claims: Record<string, unknown>, options: Record<string, unknown> = {}) =>
  createSigner({ key: TEST_JWT_SECRET, algorithm: 'HS256', iss: t.config.JWT_ISSUER, aud: t.config.JWT_AUDIENCE, ...options })(claims);
const get = (app: FastifyInstance, token: string, url = '/v1/organisations') => app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });
const operator = (method: 'GET' | 'POST', url: string, payload?: object) => t.request({ method, url, as: OPERATOR, ...(payload ? { payload } : {}) });

function expectProblem(res: LightMyRequestResponse, status: number, code: string) {
  expect(res.statusCode, res.body).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(res.json()).toMatchObject({ status, code });
}

const auditActions = async (action: string) =>
  (await t.request({ method: 'GET', url: `/v1/audit?action=${action}`, as: cast.revisor.id })).json().items as Array<{ targetId: string; actorSub: string }>;

describe('suspending an organisation', () => {
  it('refuses its next request, with a token issued before, on every replica; others go on; resuming lets it back', async () => {
    const earlier = t.token(cast.timra.id);
    const other = t.token(cast.umea.id);
    expect((await get(t.app, earlier)).statusCode).toBe(200);
    // Read on the replica first, so a process that kept the organisation would have it now.
    expect((await get(replica, earlier)).statusCode).toBe(200);

    const suspended = await operator('POST', `/v1/organisations/${cast.timra.id}/suspend`, { reason: 'Misstänkt läckt nyckel.' });
    expect(suspended.statusCode, suspended.body).toBe(200);
    expect(suspended.json()).toMatchObject({ id: cast.timra.id, suspendedAt: expect.any(String) });

    for (const app of [t.app, replica]) expectProblem(await get(app, earlier), 403, 'auth.organisation_suspended');
    // A write, and a token minted after the suspension, are refused alike.
    const write = await t.request({ method: 'PUT', url: '/v1/suppliers/556677-8899', as: cast.timra.id, payload: { name: 'Smugglad AB' } });
    expectProblem(write, 403, 'auth.organisation_suspended');
    expect((await get(replica, other)).statusCode).toBe(200);
    expect((await get(t.app, other, `/v1/organisations/${cast.timra.id}`)).json().suspendedAt).toEqual(expect.any(String));

    expectProblem(await operator('POST', `/v1/organisations/${cast.timra.id}/suspend`, { reason: 'Igen.' }), 409, 'organisations.already_suspended');

    const resumed = await operator('POST', `/v1/organisations/${cast.timra.id}/resume`, { reason: 'Nyckeln bytt.' });
    expect(resumed.statusCode, resumed.body).toBe(200);
    expect(resumed.json().suspendedAt).toBeNull();
    for (const app of [t.app, replica]) expect((await get(app, earlier)).statusCode).toBe(200);
    expectProblem(await operator('POST', `/v1/organisations/${cast.timra.id}/resume`, { reason: 'Igen.' }), 409, 'organisations.not_suspended');

    // Audited like other operator writes, by the operator's client.
    expect(await auditActions('organisation.suspended')).toMatchObject([{ targetId: cast.timra.id, actorSub: `${OPERATOR}-client` }]);
    expect(await auditActions('organisation.resumed')).toMatchObject([{ targetId: cast.timra.id }]);
  });

  it('pauses its subscriptions: nothing is delivered to it while suspended, new events are after resuming', async () => {
    const orgNumber = await createSupplier(t, cast.umea.id);
    const paused = await receivers.start();
    const control = await receivers.start();
    await subscribe(t, cast.sundsvall.id, paused.url, { suppliers: [orgNumber] });
    await subscribe(t, cast.kfv.id, control.url, { suppliers: [orgNumber] });
    const deviation = (summary: string) =>
      t.request({ method: 'POST', url: '/v1/signals', as: cast.umea.id, payload: { type: 'deviation', supplierOrgNumber: orgNumber, severity: 'high', category: 'staffing', summary } });

    expect((await operator('POST', `/v1/organisations/${cast.sundsvall.id}/suspend`, { reason: 'Felaktig mottagare.' })).statusCode).toBe(200);
    const during = await deviation('Under avstängningen.');
    expect(during.statusCode).toBe(201);
    // The control subscriber got it: the relay has matched this event against every subscription.
    await control.waitFor(1);
    await new Promise((r) => setTimeout(r, 1_000));
    expect(paused.received).toHaveLength(0);
    const rows = await t.database.pool.query(
      `SELECT count(*)::int AS n FROM deliveries d JOIN subscriptions s ON s.id = d.subscription_id WHERE s.org_id = $1`,
      [cast.sundsvall.id],
    );
    expect(rows.rows[0].n).toBe(0);

    expect((await operator('POST', `/v1/organisations/${cast.sundsvall.id}/resume`, { reason: 'Rättat.' })).statusCode).toBe(200);
    const after = await deviation('Efter avstängningen.');
    await paused.waitFor(1);
    await control.waitFor(2);
    await new Promise((r) => setTimeout(r, 500));
    expect(paused.received).toHaveLength(1);
    expect(JSON.parse(paused.received[0]!.body).data.signalId).toBe(after.json().id);
  });

  it('refuses to suspend the operator (no one could resume it) or an unknown organisation', async () => {
    expectProblem(await operator('POST', `/v1/organisations/${OPERATOR}/suspend`, { reason: 'Prov.' }), 422, 'organisations.operator_not_suspendable');
    expectProblem(await operator('POST', '/v1/organisations/finns-inte/suspend', { reason: 'Prov.' }), 404, 'organisations.not_found');
    expectProblem(await operator('POST', `/v1/organisations/${cast.adda.id}/suspend`, {}), 400, 'input.invalid');
  });
});

describe('revoking one client', () => {
  it('refuses the revoked client at once, on every replica, while another client of the organisation works', async () => {
    const caseSystem = t.token(cast.adda.id, undefined, { sub: 'adda-case-system' });
    const other = t.token(cast.adda.id, undefined, { sub: 'adda-intranet' });
    // The same client id in another organisation is another client.
    const namesake = t.token(cast.umea.id, undefined, { sub: 'adda-case-system' });
    expect((await get(replica, caseSystem)).statusCode).toBe(200);

    const revoked = await operator('POST', `/v1/organisations/${cast.adda.id}/revoked-clients`, { sub: 'adda-case-system', reason: 'Hemligheten har läckt.' });
    expect(revoked.statusCode, revoked.body).toBe(201);
    expect(revoked.json()).toMatchObject({ orgId: cast.adda.id, sub: 'adda-case-system', revokedBy: `${OPERATOR}-client`, revokedAt: expect.any(String) });

    for (const app of [t.app, replica]) {
      const res = await get(app, caseSystem);
      expectProblem(res, 401, 'auth.client_revoked');
      expect(res.headers['www-authenticate']).toMatch(/^Bearer/);
      expect((await get(app, other)).statusCode).toBe(200);
      expect((await get(app, namesake)).statusCode).toBe(200);
    }
    // A new token for the revoked client is refused too: revocation is of the client, not of one token.
    expectProblem(await get(t.app, t.token(cast.adda.id, undefined, { sub: 'adda-case-system' })), 401, 'auth.client_revoked');

    // Revoking again answers the earlier revocation.
    const again = await operator('POST', `/v1/organisations/${cast.adda.id}/revoked-clients`, { sub: 'adda-case-system', reason: 'Igen.' });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual(revoked.json());
    const list = await operator('GET', `/v1/organisations/${cast.adda.id}/revoked-clients`);
    expect(list.json().items).toEqual([revoked.json()]);
    expect(await auditActions('organisation.client_revoked')).toMatchObject([{ targetId: cast.adda.id }]);
  });

  it('answers 404 for an unknown organisation and 400 for a client id with control characters', async () => {
    expectProblem(await operator('POST', '/v1/organisations/finns-inte/revoked-clients', { sub: 'x', reason: 'Prov.' }), 404, 'organisations.not_found');
    expectProblem(await operator('GET', '/v1/organisations/finns-inte/revoked-clients'), 404, 'organisations.not_found');
    expectProblem(await operator('POST', `/v1/organisations/${cast.adda.id}/revoked-clients`, { sub: 'a\u0000b', reason: 'Prov.' }), 400, 'input.invalid');
  });
});

describe('tokens whose times cannot be trusted', () => {
  const claims = (org: string) => ({ sub: `${org}-client`, org, scope: 'registry:read' });

  it('accepts a token within the rules: issued now, living 24 hours (MAX_TOKEN_LIFETIME)', async () => {
    expect(t.config.MAX_TOKEN_LIFETIME).toBe(86_400_000);
    expect((await get(t.app, signed({ ...claims(cast.umea.id), iat: now(), exp: now() + 86_400 }))).statusCode).toBe(200);
  });

  it.each([
    ['a token living longer than MAX_TOKEN_LIFETIME', () => ({ iat: now(), exp: now() + 86_401 }), 'auth.token_lifetime_too_long'],
    ['a token good for 100 years', () => ({ iat: now(), exp: now() + 100 * 365 * 86_400 }), 'auth.token_lifetime_too_long'],
    ['a token issued an hour in the future', () => ({ iat: now() + 3_600, exp: now() + 4_200 }), 'auth.token_issued_in_future'],
  ])('refuses %s with 401', async (_name, times, code) => {
    expectProblem(await get(t.app, signed({ ...claims(cast.umea.id), ...times() })), 401, code);
  });

  it('refuses a token without iat', async () => {
    expectProblem(await get(t.app, signed({ ...claims(cast.umea.id), exp: now() + 600 }, { noTimestamp: true })), 401, 'auth.invalid_token');
  });

  it('refuses a token issued before its organisation was registered, and accepts one issued after', async () => {
    const minted = signed({ ...claims('nyborg'), iat: now() - 7_200, exp: now() + 600 });
    const created = await operator('POST', '/v1/organisations', { id: 'nyborg', kind: 'purchasing_centre', name: 'Nyborgs inköp (test)' });
    expect(created.statusCode, created.body).toBe(201);
    expectProblem(await get(t.app, minted), 401, 'auth.token_issued_before_organisation');
    expect((await get(t.app, signed({ ...claims('nyborg'), iat: now(), exp: now() + 600 }))).statusCode).toBe(200);
  });
});

describe('kommunkoder are unique', () => {
  const municipality = (id: string, municipalityCode: string) => ({ id, kind: 'municipality', name: `${id} kommun (test)`, municipalityCode });

  it('refuses a second municipality with a kommunkod already taken, creating nothing', async () => {
    const res = await operator('POST', '/v1/organisations', municipality('dubbelkommun', cast.sundsvall.municipalityCode));
    expectProblem(res, 409, 'organisations.municipality_code_taken');
    expect(res.json().detail).toContain(cast.sundsvall.municipalityCode);
    expect((await operator('GET', '/v1/organisations/dubbelkommun')).statusCode).toBe(404);
  });

  it('lets exactly one of two concurrent creates with one new kommunkod through', async () => {
    const results = await Promise.all([operator('POST', '/v1/organisations', municipality('forsta', '9911')), operator('POST', '/v1/organisations', municipality('andra', '9911'))]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    expect(results.find((r) => r.statusCode === 409)!.json().code).toBe('organisations.municipality_code_taken');
  });

  it('still answers organisations.exists for a taken id', async () => {
    expectProblem(await operator('POST', '/v1/organisations', municipality(cast.umea.id, '9912')), 409, 'organisations.exists');
  });
});
