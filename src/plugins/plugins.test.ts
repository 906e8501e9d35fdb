import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config.ts';
import { authPlugin } from './auth.ts';
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
