import { buildApp } from './app.ts';
import { ConfigError, loadConfig } from './config.ts';
import { connectPostgres, migratePostgres } from './db/client.ts';
import { createLogger } from './logger.ts';
import { startWorkers } from './workers.ts';
import { createOrganisationRepository } from './modules/organisations/organisations.repository.ts';
import { createOrganisationService } from './modules/organisations/organisations.service.ts';

async function main() {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(78);
    }
    throw error;
  }
  const logger = createLogger(config);
  if (!config.DATABASE_URL) {
    logger.fatal('DATABASE_URL is not set: point it at PostgreSQL, e.g. postgres://postgres@127.0.0.1:5432/registry');
    process.exit(78);
  }
  if (config.MIGRATE_ON_START) await migratePostgres(config.DATABASE_URL);
  const database = connectPostgres(config.DATABASE_URL, config.DATABASE_POOL_SIZE);
  await createOrganisationService({ db: database.db, organisations: createOrganisationRepository(database.db) }).ensureOperator(config);

  const app = await buildApp({ config, database, logger });
  const workers = config.RUN_WORKERS ? await startWorkers({ config, database, log: app.log }) : null;
  app.log.info(
    { database: 'postgresql', queue: config.REDIS_URL ? 'redis' : 'none', workers: workers ? 'in-process' : 'separate process' },
    'starting',
  );
  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    const deadline = setTimeout(() => process.exit(1), 10_000);
    deadline.unref();
    await app.close();
    await workers?.close(8_000);
    await database.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
  await app.listen({ host: config.HOST, port: config.PORT });
}

await main();
