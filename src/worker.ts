import { ConfigError, loadConfig } from './config.ts';
import { connectPostgres } from './db/client.ts';
import { createLogger } from './logger.ts';
import { startWorkers } from './workers.ts';

// The delivery worker process: `npm run worker`. Scale out by running more of them.
let config;
try {
  config = loadConfig();
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exit(78);
}
const log = createLogger(config);
if (!config.DATABASE_URL || !config.REDIS_URL) {
  log.fatal('the worker needs DATABASE_URL and REDIS_URL');
  process.exit(78);
}
const database = connectPostgres(config.DATABASE_URL, config.DATABASE_POOL_SIZE, { role: config.DATABASE_APP_ROLE });
const workers = await startWorkers({ config, database, log });

let closing = false;
const shutdown = async (signal: string) => {
  if (closing) return;
  closing = true;
  log.info({ signal }, 'worker draining');
  // Past this the process exits anyway; leased deliveries are taken up by another worker.
  setTimeout(() => process.exit(1), 20_000).unref();
  await workers.close(15_000);
  await database.close();
  process.exit(0);
};
process.on('SIGTERM', () => void shutdown('SIGTERM'));
process.on('SIGINT', () => void shutdown('SIGINT'));
