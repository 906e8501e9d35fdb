import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import type { TestProject } from 'vitest/node';
import pg from 'pg';
import { migratePostgres, migrationsFolder } from '../src/db/client.ts';

/**
 * Finds the PostgreSQL and Redis the tests use: DATABASE_URL / REDIS_URL when set,
 * else the default local ports, else containers (a machine with Docker and nothing
 * else). Then builds one migrated template database that every test file copies.
 */
export default async function setup(project: TestProject) {
  const stops: Array<() => Promise<unknown>> = [];

  let pgUrl = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  if (!(await pgAnswers(pgUrl))) {
    if (process.env.DATABASE_URL) throw new Error(`DATABASE_URL ${redact(pgUrl)} does not answer`);
    const { PostgreSqlContainer } = await import('@testcontainers/postgresql');
    const container = await new PostgreSqlContainer('postgres:17-alpine').start();
    pgUrl = container.getConnectionUri();
    stops.push(() => container.stop());
  }

  let redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
  if (!(await redisAnswers(redisUrl))) {
    if (process.env.REDIS_URL) throw new Error(`REDIS_URL ${redact(redisUrl)} does not answer`);
    const { RedisContainer } = await import('@testcontainers/redis');
    const container = await new RedisContainer('redis:7-alpine').start();
    redisUrl = container.getConnectionUrl();
    stops.push(() => container.stop());
  }

  const template = await ensureTemplate(pgUrl);
  project.provide('pgAdminUrl', pgUrl);
  project.provide('pgTemplate', template);
  project.provide('redisUrl', redisUrl);

  return async () => {
    for (const stop of stops) await stop();
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    pgAdminUrl: string;
    pgTemplate: string;
    redisUrl: string;
  }
}

const redact = (url: string) => url.replace(/\/\/[^@]*@/, '//***@');

async function pgAnswers(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
  try {
    await client.connect();
    await client.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

async function redisAnswers(url: string): Promise<boolean> {
  const { Redis } = await import('ioredis');
  const redis = new Redis(url, { lazyConnect: true, connectTimeout: 2_000, maxRetriesPerRequest: 0, retryStrategy: () => null });
  redis.on('error', () => {});
  try {
    await redis.connect();
    return (await redis.ping()) === 'PONG';
  } catch {
    return false;
  } finally {
    redis.disconnect();
  }
}

/** One template per set of migrations, named by their hash, so a changed migration gets a fresh one. */
async function ensureTemplate(adminUrl: string): Promise<string> {
  const files = (await readdir(migrationsFolder)).filter((f) => f.endsWith('.sql')).sort();
  const hash = createHash('sha256');
  for (const file of files) hash.update(file).update(await readFile(`${migrationsFolder}/${file}`));
  const name = `ssr_tpl_${hash.digest('hex').slice(0, 16)}`;

  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    // Several CI runs may share one server: build under a lock.
    await admin.query('SELECT pg_advisory_lock(7420132)');
    const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (exists.rowCount === 0) {
      await admin.query(`CREATE DATABASE "${name}"`);
      try {
        await migratePostgres(withDatabase(adminUrl, name));
      } catch (error) {
        await admin.query(`DROP DATABASE IF EXISTS "${name}"`);
        throw error;
      }
    }
    await admin.query('SELECT pg_advisory_unlock(7420132)');
  } finally {
    await admin.end();
  }
  return name;
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}
