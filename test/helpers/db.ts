import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import { connectPostgres, type Db } from '../../src/db/client.ts';
import { withDatabase } from '../global-setup.ts';

export interface TestDatabase {
  url: string;
  name: string;
  drop(): Promise<void>;
}

/** A fresh database copied from the migrated template; drop it in afterAll. */
export async function createTestDatabase(): Promise<TestDatabase> {
  const adminUrl = inject('pgAdminUrl');
  const template = inject('pgTemplate');
  const name = `ssr_test_${randomBytes(6).toString('hex')}`;
  await adminQuery(adminUrl, `CREATE DATABASE "${name}" TEMPLATE "${template}"`);
  return {
    url: withDatabase(adminUrl, name),
    name,
    drop: () => adminQuery(adminUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`),
  };
}

async function adminQuery(url: string, sql: string) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}

/** A Redis key prefix no other test file uses. */
export const testRedisPrefix = () => `ssr-test-${randomBytes(6).toString('hex')}`;

/** SQL as the owner of a test database: a migration, a repair, or someone behind the app's back. */
export async function asOwner<T>(url: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/**
 * A fresh database for a query-plan test: a municipality (`kommun-a`), a purchasing centre
 * (`inkop`) and `count` suppliers (55NNNNNNNN), then `fill` bulk-writes its signals as the
 * owner in replica mode (no foreign-key checks), and the tables are analysed so the planner
 * sees the registry as it is.
 */
export async function planRegistry(count: number, fill: (client: pg.Client, suppliers: string[]) => Promise<void>) {
  const database = await createTestDatabase();
  const suppliers = Array.from({ length: count }, (_, i) => `55${String(i).padStart(8, '0')}`);
  await asOwner(database.url, async (client) => {
    await client.query(`SET session_replication_role = replica`);
    await client.query(`INSERT INTO organisations (id, kind, name) VALUES ('kommun-a', 'municipality', 'Kommun A'), ('inkop', 'purchasing_centre', 'Inköp'), ('granskare', 'auditor', 'Granskare')`);
    await client.query(`INSERT INTO suppliers (org_number, name, sole_trader, created_by_org_id) SELECT n, 'Gården ' || n, false, 'inkop' FROM unnest($1::text[]) AS n`, [suppliers]);
    await fill(client, suppliers);
    await client.query('ANALYZE');
  });
  return { database, suppliers };
}

/**
 * A database of its own on either driver — PostgreSQL through the app's pool, or the embedded
 * PGlite — with `statements` run first (on PostgreSQL as the owner); `close` drops it.
 */
export async function openDatabaseWith(driver: 'postgres' | 'pglite', statements: readonly string[]): Promise<{ db: Db; close(): Promise<void> }> {
  if (driver === 'pglite') {
    // Loaded only here: most test files that use these helpers never open PGlite.
    const { openPglite } = await import('../../src/db/pglite.ts');
    const embedded = await openPglite('memory');
    for (const statement of statements) await embedded.query(statement);
    return { db: embedded.db, close: () => embedded.close() };
  }
  const test = await createTestDatabase();
  await asOwner(test.url, async (client) => {
    for (const statement of statements) await client.query(statement);
  });
  const connection = connectPostgres(test.url, 2);
  return {
    db: connection.db,
    close: async () => {
      await connection.close();
      await test.drop();
    },
  };
}

/** Every statement any client of this process sends while `run` runs, and what it returned. */
export async function recordingStatements<T>(run: () => Promise<T>): Promise<{ sent: string[]; result: T }> {
  const sent: string[] = [];
  const query = pg.Client.prototype.query;
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    const first = args[0];
    sent.push(typeof first === 'string' ? first : ((first as { text?: string } | undefined)?.text ?? ''));
    return (query as (...a: unknown[]) => unknown).apply(this, args);
  } as typeof query;
  try {
    return { sent, result: await run() };
  } finally {
    pg.Client.prototype.query = query;
  }
}
