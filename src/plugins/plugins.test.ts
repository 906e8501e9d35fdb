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
    const token = createSigner({ key: 'a-shared-secret-of-at-least-32-chars!', iss: config.JWT_ISSUER, aud: config.JWT_AUDIENCE, expiresIn: 60_000 })({ sub: 'c', org: 'kommun', scope: 'registry:read' });
    const get = (url: string) => app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });
    const forgot = await get('/forgets');
    expect(forgot.statusCode).toBe(500);
    expect(forgot.body).not.toContain('secret');
    expect(forgot.json()).toMatchObject({ code: 'internal.error' });
    const admitted = await get('/admits');
    expect([admitted.statusCode, admitted.json()]).toEqual([200, { org: 'kommun' }]);
    await app.close();
  });
});
