import type { FastifyBaseLogger } from 'fastify';
import { type Config, ConfigError } from '../config.ts';
import { connectPostgres, type Database, migratePostgres } from './client.ts';

/** The package the embedded mode runs on: an optional dependency (`npm ci --omit=optional` leaves it out). */
const pglitePackage = '@electric-sql/pglite';

/** What the server says, on one line with exit 78, when the embedded mode is asked for and PGlite is not installed. */
export const embeddedMissingProblem = `DATABASE_URL: not set, and the embedded database (${pglitePackage}, an optional dependency) is not installed; set DATABASE_URL to a PostgreSQL server, or install the optional dependencies (npm ci, without --omit=optional) for the embedded mode`;

/** True when PGlite can be loaded; resolves the package without loading it. */
export function embeddedAvailable(): boolean {
  try {
    import.meta.resolve(pglitePackage);
    return true;
  } catch {
    return false;
  }
}

/**
 * src/db/pglite.ts, loaded only when the embedded mode is used: a server on PostgreSQL never
 * reads PGlite's modules (nor needs them installed). Without the package, a ConfigError.
 */
export async function loadPglite(): Promise<typeof import('./pglite.ts')> {
  try {
    return await import('./pglite.ts');
  } catch (error) {
    const { code, message } = error as NodeJS.ErrnoException;
    if (code === 'ERR_MODULE_NOT_FOUND' && message.includes(pglitePackage)) throw new ConfigError([embeddedMissingProblem]);
    throw error;
  }
}

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
  const { openPglite } = await loadPglite();
  log.info({ dataDir: config.DATA_DIR }, 'database: embedded PGlite (no DATABASE_URL); for trial and development');
  return { ...(await openPglite(config.DATA_DIR)), mode: 'embedded' };
}
