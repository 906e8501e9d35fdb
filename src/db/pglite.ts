import { access, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import { NotReadyError } from '../lib/readiness.ts';
import { casing, type Database, type Db, migrationsFolder } from './client.ts';
import * as schema from './schema.ts';

/**
 * The embedded default: real PostgreSQL compiled to WASM, in this process, with
 * the same migrations and the same drizzle queries as the server. `dataDir`
 * 'memory' keeps nothing on disk (tests).
 */
// Rows of raw SQL are whatever the statement returns; callers that keep them type them.
/* eslint-disable @typescript-eslint/no-explicit-any */
export async function openPglite(dataDir: string): Promise<Database & { query: (sql: string, params?: unknown[]) => Promise<{ rows: any[]; rowCount: number }> }> {
  if (dataDir !== 'memory') await mkdir(dataDir, { recursive: true });
  const client = await PGlite.create({ ...(dataDir === 'memory' ? {} : { dataDir }), extensions: { pg_trgm } });
  const db = drizzle({ client, schema, casing });
  await migrate(db, { migrationsFolder });
  return {
    db: db as unknown as Db,
    ping: async () => {
      // PGlite keeps answering SELECT 1 after its directory is deleted, while every table read
      // fails: the control file, one stat, tells /readyz the files are still there.
      if (dataDir !== 'memory') {
        await access(join(dataDir, 'global', 'pg_control')).catch(() => {
          throw new NotReadyError(`the embedded database's files in ${dataDir} are gone (removed while the server ran); stop the server and start it again.`);
        });
      }
      await client.query('SELECT 1');
    },
    listen: async (channel, onNotify) => {
      const unlisten = await client.listen(channel, () => onNotify());
      return () => unlisten();
    },
    query: async (sql, params) => {
      const result = await client.query(sql, params);
      return { rows: result.rows as any[], rowCount: result.affectedRows ?? result.rows.length };
    },
    close: () => client.close(),
  };
}
