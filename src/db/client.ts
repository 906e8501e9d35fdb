import { fileURLToPath } from 'node:url';
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import pg from 'pg';
import { throttledWarn, type WarnLog } from '../lib/throttled-log.ts';
import * as schema from './schema.ts';

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;
/** A transaction has the same query surface as the database. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];

export interface Database {
  db: Db;
  /** Cheap round trip for /readyz. */
  ping(): Promise<void>;
  /**
   * Connections of their own for the delivery priority lane (the relay and the first
   * attempts of blocking events), so that a pool busy with deviations, retries and
   * replays never makes a stop wait for a connection. Absent where there is one
   * connection anyway (PGlite).
   */
  priority?: Db;
  /** Calls `onNotify` for each NOTIFY on `channel` until the returned function is called. */
  listen(channel: string, onNotify: () => void, onError: (error: Error) => void): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

/** How drizzle names the tables' columns in SQL (every database this process opens). */
export const casing = 'snake_case';

export const migrationsFolder = fileURLToPath(new URL('../../migrations', import.meta.url));

// The relay and two or three priority-lane claims or records at once.
const PRIORITY_POOL_SIZE = 4;

// Any fixed number works; it only has to be the same for every replica.
const MIGRATION_LOCK = 7_420_131;

/**
 * The pool the app queries through. With `role`, every connection takes that role
 * at session start (see `withSessionRole`), so the app runs with the role's grants
 * while migrations, run separately, keep the owner's.
 */
export function connectPostgres(url: string, poolSize = 10, { role, log }: { role?: string | undefined; log?: WarnLog } = {}): Database & { pool: pg.Pool } {
  const pool = new pg.Pool({ connectionString: role ? withSessionRole(url, role) : url, max: poolSize });
  // A dropped idle connection must not crash the process; the pool replaces it.
  pool.on('error', throttledWarn(log, 'idle PostgreSQL connection lost; the pool replaces it'));
  const db = drizzle(pool, { schema, casing }) as unknown as Db;
  const unlistenFailed = throttledWarn(log, 'UNLISTEN failed; the connection is closed anyway');
  // Opens connections only when used: the API never uses it.
  const priorityPool = new pg.Pool({ connectionString: role ? withSessionRole(url, role) : url, max: PRIORITY_POOL_SIZE });
  priorityPool.on('error', throttledWarn(log, 'idle PostgreSQL connection of the priority lane lost; the pool replaces it'));
  return {
    db,
    pool,
    priority: drizzle(priorityPool, { schema, casing }) as unknown as Db,
    ping: async () => {
      await pool.query('SELECT 1');
    },
    listen: async (channel, onNotify, onError) => {
      const client = await pool.connect();
      client.on('notification', onNotify);
      client.on('error', onError);
      await client.query(`LISTEN "${channel}"`);
      return async () => {
        // The connection is released destroyed (true) either way; a failed UNLISTEN changes nothing.
        await client.query(`UNLISTEN "${channel}"`).catch(unlistenFailed);
        client.release(true);
      };
    },
    close: async () => {
      await Promise.all([pool.end(), priorityPool.end()]);
    },
  };
}

/**
 * Adds `-c role=<role>` to the connection's startup options. PostgreSQL applies it
 * before the session runs any query, and a connection whose role cannot be taken
 * fails to open. A `SET ROLE` from pg's 'connect' event would not do: pg does not
 * wait for work started there, and if it failed the connection would carry on as
 * the owner. The role also becomes the session default, so `RESET ROLE` or
 * `DISCARD ALL` keeps it. The role name is checked by the config schema; options
 * already in the URL are kept (pg lets the URL's options override the pool's own).
 */
export function withSessionRole(url: string, role: string): string {
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(role)) throw new Error(`not a plain role name: ${role}`);
  const parsed = new URL(url);
  const options = [parsed.searchParams.get('options'), `-c role=${role}`].filter(Boolean).join(' ');
  parsed.searchParams.set('options', options);
  return parsed.toString();
}

/**
 * Applies pending migrations under an advisory lock, so replicas starting at the
 * same moment do not run them twice.
 */
export async function migratePostgres(url: string, log?: WarnLog): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
    await migrate(drizzle(client, { casing }), { migrationsFolder });
  } finally {
    // Closing the session releases the lock too; a failed unlock only delays the next replica until then.
    await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch((error: unknown) => log?.warn({ err: error }, 'could not release the migration lock; it goes with the session'));
    await client.end();
  }
}
