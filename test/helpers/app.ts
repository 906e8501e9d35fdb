import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { createSigner } from 'fast-jwt';
import { buildApp } from '../../src/app.ts';
import { type Config, loadConfig } from '../../src/config.ts';
import { connectPostgres, type Database } from '../../src/db/client.ts';
import { createOrganisationRepository } from '../../src/modules/organisations/organisations.repository.ts';
import { createOrganisationService } from '../../src/modules/organisations/organisations.service.ts';
import { createTestDatabase, type TestDatabase } from './db.ts';

export const TEST_JWT_SECRET = 'test-secret-that-is-long-enough-0123456789';
export const ALL_MEMBER_SCOPES = 'registry:read signals:write subscriptions:manage';

export interface TestApp {
  app: FastifyInstance;
  config: Config;
  database: Database & { pool: import('pg').Pool };
  testDb: TestDatabase;
  /** A signed HS256 token for `org` with `scope` (default: every member scope). */
  token(org: string, scope?: string, claims?: Record<string, unknown>): string;
  /** app.inject with a bearer token for `as` (an organisation id) when given. */
  request(options: InjectOptions & { as?: string; scope?: string }): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

/** A real app on its own migrated database; call close() in afterAll. */
export async function startTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const testDb = await createTestDatabase();
  const config = loadConfig({ JWT_SECRET: TEST_JWT_SECRET, DATABASE_URL: testDb.url, LOG_LEVEL: 'silent', ...env });
  const database = connectPostgres(testDb.url, 5);
  await createOrganisationService({ organisations: createOrganisationRepository(database.db) }).ensureOperator(config);
  const app = await buildApp({ config, database });
  await app.ready();

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
