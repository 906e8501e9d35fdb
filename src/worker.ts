import { exitCodes, exitWith, parseCommandLine, processHelp } from './cli/command.ts';
import { ConfigError, configDescriptions, loadConfig } from './config.ts';
import { connectPostgres } from './db/client.ts';
import { closeOnSignals } from './lib/shutdown.ts';
import { createLogger } from './logger.ts';
import { startWorkers } from './workers.ts';

// The delivery worker process: `npm run worker`. Scale out by running more of them.
parseCommandLine(
  {
    name: 'npm run worker',
    help: processHelp(
      'npm run worker',
      'The outbox relay and the webhook delivery workers, for a registry on a PostgreSQL server (DATABASE_URL) with Redis (REDIS_URL); run more of them to deliver faster. It reads the API\'s variables: the same DATABASE_URL, REDIS_URL, REDIS_PREFIX and AUDIT_SIGNING_KEY (it needs no JWT_SECRET), and WEBHOOK_ALLOW_PRIVATE_NETWORKS=true to deliver to a receiver on this machine (the demo receiver). SIGTERM or Ctrl-C drains it.',
      configDescriptions,
    ),
  },
  {},
);
let config;
try {
  // It verifies no token: no JWT_SECRET or JWT_PUBLIC_KEY needed.
  config = loadConfig(process.env, { tokens: false });
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  process.stderr.write(`${error.message}\n`);
  process.exit(78);
}
if (!config.DATABASE_URL || !config.REDIS_URL) {
  exitWith(exitCodes.config, `npm run worker: needs DATABASE_URL and REDIS_URL (not set: ${[config.DATABASE_URL ? '' : 'DATABASE_URL', config.REDIS_URL ? '' : 'REDIS_URL'].filter(Boolean).join(', ')}); the embedded demo delivers inside the API process and needs no worker`);
}
const log = createLogger(config);
const database = connectPostgres(config.DATABASE_URL, config.DATABASE_POOL_SIZE, { role: config.DATABASE_APP_ROLE, log });
const workers = await startWorkers({ config, database, log });

// Stop taking jobs, let the ones in flight finish, then close the connections.
closeOnSignals({
  log,
  deadlineMs: config.SHUTDOWN_TIMEOUT,
  steps: [
    { name: 'workers', close: (budgetMs) => workers.close(budgetMs) },
    { name: 'database', close: () => database.close() },
  ],
});
