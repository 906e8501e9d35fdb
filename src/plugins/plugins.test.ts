import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config.ts';
import { createSigner } from 'fast-jwt';
import { authPlugin, callerOf } from './auth.ts';
import type { TokenOrganisation } from '../modules/organisations/organisations.repository.ts';
import { errorsPlugin } from './errors.ts';
import { idempotencyPlugin } from './idempotency.ts';
import { rateLimitPlugin } from './rate-limit.ts';

const config = loadConfig({ JWT_SECRET: 'a-shared-secret-of-at-least-32-chars!' });
const auth = { config, findOrganisation: async () => null, pseudonymise: (value: string) => value } as unknown as Parameters<typeof authPlugin>[1];
const idempotency = { keys: {}, sealer: {} } as unknown as Parameters<typeof idempotencyPlugin>[1];

// The order of the shared plugins is checked by fastify, from their declared dependencies.
describe('shared plugins', () => {
  it('refuse to start before what they depend on', async () => {
    await expect(Fastify().register(authPlugin, auth).ready()).rejects.toThrow(/dependency 'errors'/);
    const noLimit = Fastify();
    await noLimit.register(errorsPlugin);
    await noLimit.register(authPlugin, auth);
    await expect(noLimit.register(idempotencyPlugin, idempotency).ready()).rejects.toThrow(/dependency 'rate-limit'/);
  });

  it('start in the order src/app.ts registers them', async () => {
    const app = Fastify();
    await app.register(errorsPlugin);
    await app.register(authPlugin, auth);
    await app.register(rateLimitPlugin, { config, redis: null });
    await app.register(idempotencyPlugin, idempotency);
    await expect(app.ready()).resolves.toBeDefined();
    await app.close();
  });
});

describe('a route that reads its caller in its own statement (organisationInRoute)', () => {
  it('answers 500, never its success, when it answers without admitting the caller; admitted, as it answered', async () => {
    const organisation: TokenOrganisation = { id: 'kommun', kind: 'municipality', name: 'Kommun', municipalityCode: null, federationId: null, createdAt: new Date(0), suspendedAt: null, clientRevoked: false, represents: [] };
    const app = Fastify();
    await app.register(errorsPlugin);
    await app.register(authPlugin, { ...auth, findOrganisation: async () => organisation });
    const rule = app.authorize({ scope: 'registry:read', organisationInRoute: true });
    app.get('/forgets', { onRequest: rule }, async () => ({ secret: 'read before the caller was admitted' }));
    app.get('/admits', { onRequest: rule }, async (request) => ({ org: callerOf(request).admit(organisation).org.id }));
    // An error answer sent without the error handler, before the caller was admitted.
    app.get('/gone', { onRequest: rule }, async (_request, reply) => reply.code(404).type('application/problem+json').send({ code: 'x.gone' }));
    const token = createSigner({ key: 'a-shared-secret-of-at-least-32-chars!', iss: config.JWT_ISSUER, aud: config.JWT_AUDIENCE, expiresIn: 60_000 })({ sub: 'c', org: 'kommun', scope: 'registry:read' });
    const get = (url: string) => app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });
    const forgot = await get('/forgets');
    expect(forgot.statusCode).toBe(500);
    expect(forgot.body).not.toContain('secret');
    expect(forgot.json()).toMatchObject({ code: 'internal.error' });
    const admitted = await get('/admits');
    expect([admitted.statusCode, admitted.json()]).toEqual([200, { org: 'kommun' }]);
    // Sent around the error handler: the caller is read first; admitted, the answer stands; refused, the refusal replaces it.
    expect((await get('/gone')).json()).toEqual({ code: 'x.gone' });
    organisation.suspendedAt = new Date();
    expect((await get('/gone')).json()).toMatchObject({ status: 403, code: 'auth.organisation_suspended' });
    await app.close();
  });
});

describe('verifying a token', () => {
  it('happens once per token while it lives: a hit skips the signature, the claims and the pseudonym; never past exp; long headers every time', async () => {
    const organisation: TokenOrganisation = { id: 'kommun', kind: 'municipality', name: 'Kommun', municipalityCode: null, federationId: null, createdAt: new Date(0), suspendedAt: null, clientRevoked: false, represents: [] };
    let verified = 0;
    const app = Fastify();
    await app.register(errorsPlugin);
    await app.register(authPlugin, { ...auth, findOrganisation: async () => organisation, pseudonymise: (sub: string) => ((verified += 1), sub) });
    app.get('/who', { onRequest: app.authorize({ scope: 'registry:read' }) }, async (request) => ({ sub: request.principal?.sub }));
    const sign = (expiresIn: number) => createSigner({ key: 'a-shared-secret-of-at-least-32-chars!', iss: config.JWT_ISSUER, aud: config.JWT_AUDIENCE, expiresIn });
    const get = (token: string) => app.inject({ method: 'GET', url: '/who', headers: { authorization: `Bearer ${token}` } });
    const one = sign(60_000)({ sub: 'a', org: 'kommun', scope: 'registry:read' });
    const other = sign(60_000)({ sub: 'b', org: 'kommun', scope: 'registry:read' });
    for (let i = 0; i < 5; i++) expect((await get(one)).json()).toEqual({ sub: 'a' });
    expect((await get(other)).json()).toEqual({ sub: 'b' });
    expect(verified).toBe(2);
    // A token refused is not kept: refused each time.
    const forged = `${one.slice(0, -4)}AAAA`;
    for (let i = 0; i < 2; i++) expect((await get(forged)).json()).toMatchObject({ code: 'auth.invalid_token' });
    // Kept no longer than its exp.
    const brief = sign(1_500)({ sub: 'c', org: 'kommun', scope: 'registry:read' });
    expect((await get(brief)).statusCode).toBe(200);
    expect((await get(brief)).statusCode).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 1_700));
    expect((await get(brief)).json()).toMatchObject({ code: 'auth.token_expired' });
    // An Authorization header over 2,048 characters is verified on every request.
    const long = sign(60_000)({ sub: 'd', org: 'kommun', scope: 'registry:read', note: 'x'.repeat(2_000) });
    const before = verified;
    for (let i = 0; i < 3; i++) expect((await get(long)).json()).toEqual({ sub: 'd' });
    expect(verified - before).toBe(3);
    await app.close();
  });
});
