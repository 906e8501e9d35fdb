import type { FastifyBaseLogger } from 'fastify';
import type { Config } from '../config.ts';
import { connectPostgres, type Database, migratePostgres } from './client.ts';
import { openPglite } from './pglite.ts';

/**
 * PostgreSQL from DATABASE_URL when set (production); otherwise the embedded
 * PGlite database under DATA_DIR. Nothing above this layer knows which.
 */
export async function openDatabase(config: Config, log: Pick<FastifyBaseLogger, 'info' | 'warn'>): Promise<Database & { mode: 'postgresql' | 'embedded' }> {
  if (config.DATABASE_URL) {
    if (config.MIGRATE_ON_START) await migratePostgres(config.DATABASE_URL, log);
    // Migrations ran as the DATABASE_URL user (the owner); the app's queries run as DATABASE_APP_ROLE.
    log.info({ role: config.DATABASE_APP_ROLE ?? 'the DATABASE_URL user' }, 'database: PostgreSQL server (DATABASE_URL)');
    return { ...connectPostgres(config.DATABASE_URL, config.DATABASE_POOL_SIZE, { role: config.DATABASE_APP_ROLE, log }), mode: 'postgresql' };
  }
  log.info({ dataDir: config.DATA_DIR }, 'database: embedded PGlite (no DATABASE_URL); for trial and development');
  return { ...(await openPglite(config.DATA_DIR)), mode: 'embedded' };
}
