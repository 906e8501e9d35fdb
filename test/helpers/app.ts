import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { createSigner } from 'fast-jwt';
import { buildApp } from '../../src/app.ts';
import { type Config, loadConfig } from '../../src/config.ts';
import { connectPostgres, type Database } from '../../src/db/client.ts';
import { loadPglite } from '../../src/db/open.ts';
import { createOrganisationRepository } from '../../src/modules/organisations/organisations.repository.ts';
import { createOrganisationService } from '../../src/modules/organisations/organisations.service.ts';
import { pino } from 'pino';
import { inject } from 'vitest';
import { startWorkers } from '../../src/workers.ts';
import { createTestDatabase, testRedisPrefix, type TestDatabase } from './db.ts';

export const TEST_JWT_SECRET = 'test-secret-that-is-long-enough-0123456789';
export const ALL_MEMBER_SCOPES = 'registry:read signals:write subscriptions:manage';

export interface TestApp {
  app: FastifyInstance;
  config: Config;
  /** `pool.query` runs SQL directly (on the PostgreSQL server, or on PGlite in the pglite project). */
  database: Database & { pool: { query: (sql: string, params?: unknown[]) => Promise<{ rows: any[]; rowCount: number | null }> } };
  testDb: TestDatabase;
  /** A signed HS256 token for `org` with `scope` (default: every member scope). */
  token(org: string, scope?: string, claims?: Record<string, unknown>): string;
  /** app.inject with a bearer token for `as` (an organisation id) when given. */
  request(options: InjectOptions & { as?: string; scope?: string }): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

/** Settings for a test app that delivers webhooks without Redis: the in-process dispatcher. */
function inProcessEnv(): Record<string, string> {
  const { REDIS_URL: _url, REDIS_PREFIX: _prefix, ...rest } = notificationEnv();
  return rest;
}

/** Settings for a test app that delivers webhooks: real Redis under a key prefix of its own. */
export function notificationEnv(): Record<string, string> {
  return {
    REDIS_URL: inject('redisUrl'),
    REDIS_PREFIX: testRedisPrefix(),
    WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'true',
    RELAY_POLL_MS: '200',
    WEBHOOK_CONNECT_TIMEOUT_MS: '1000',
    WEBHOOK_TIMEOUT_MS: '2000',
  };
}

/**
 * A real app on its own migrated database; call close() in afterAll. With
 * `workers: true` the relay and delivery workers run in-process on real Redis.
 */
export async function startTestApp(
  env: Record<string, string> = {},
  options: { workers?: boolean | 'in-process' } = {},
): Promise<TestApp> {
  const pglite = process.env.REGISTRY_TEST_DB === 'pglite';
  const testDb: TestDatabase = pglite ? { url: '', name: 'pglite-memory', drop: async () => {} } : await createTestDatabase();
  const config = loadConfig({
    // A test that verifies with JWT_PUBLIC_KEY only passes JWT_SECRET: '' (test/auth.test.ts).
    JWT_SECRET: TEST_JWT_SECRET,
    ...(pglite ? {} : { DATABASE_URL: testDb.url }),
    LOG_LEVEL: 'silent',
    // Tests make many requests as one organisation; the rate-limit test sets its own limits.
    RATE_LIMIT_READS_PER_MINUTE: '1000000',
    RATE_LIMIT_WRITES_PER_MINUTE: '1000000',
    SENSITIVE_FLOW_PER_HOUR: '1000000',
    ...(options.workers === true ? notificationEnv() : {}),
    ...(options.workers === 'in-process' ? inProcessEnv() : {}),
    ...env,
  });
  const database = pglite
    ? await (async () => {
        // Loaded only here, as the server loads it only in the embedded mode.
        const embedded = await (await loadPglite()).openPglite('memory');
        return { ...embedded, pool: { query: embedded.query } };
      })()
    : connectPostgres(testDb.url, 5, { role: config.DATABASE_APP_ROLE });
  await createOrganisationService({ db: database.db, organisations: createOrganisationRepository(database.db) }).ensureOperator(config);
  // In-process workers start first and hand the app their wake-up, as src/server.ts does in embedded mode.
  const inProcess = options.workers === 'in-process' ? await startWorkers({ config, database, log: pino({ level: 'silent' }) }) : null;
  const app = await buildApp({ config, database, ...(inProcess ? { requeue: inProcess.requeue } : {}) });
  await app.ready();
  const workers = inProcess ?? (options.workers ? await startWorkers({ config, database, log: app.log }) : null);

  const sign = createSigner({ key: TEST_JWT_SECRET, algorithm: 'HS256', iss: config.JWT_ISSUER, aud: config.JWT_AUDIENCE, expiresIn: 600_000 });
  const token = (org: string, scope = defaultScope(org, config), claims: Record<string, unknown> = {}) =>
    sign({ sub: `${org}-client`, org, scope, ...claims });

  return {
    app,
    config,
    database,
    testDb,
    token,
    request: ({ as, scope, headers, ...options }) =>
      app.inject({
        ...options,
        headers: { ...(as ? { authorization: `Bearer ${token(as, scope)}` } : {}), ...headers },
      }),
    close: async () => {
      await workers?.close(2_000);
      await app.close();
      await database.close();
      await testDb.drop();
    },
  };
}

function defaultScope(org: string, config: Config): string {
  if (org === config.OPERATOR_ORG_ID) return 'registry:read admin audit:read';
  return `${ALL_MEMBER_SCOPES} audit:read`;
}
