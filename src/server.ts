import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { buildApp } from './app.ts';
import { type Config, ConfigError, loadConfig } from './config.ts';
import { openDatabase } from './db/open.ts';
import { demoOrganisations, demoTokens, seedDemoIfEmpty } from './demo/seed.ts';
import { DataDirError, embeddedDefaults } from './embedded.ts';
import { createLogger } from './logger.ts';
import { createOrganisationRepository } from './modules/organisations/organisations.repository.ts';
import { createOrganisationService } from './modules/organisations/organisations.service.ts';
import { startWorkers } from './workers.ts';

async function main() {
  let config: Config;
  try {
    config = loadConfig({ ...process.env, ...(await embeddedDefaults(process.env)) });
  } catch (error) {
    // 78 is EX_CONFIG: what to fix is in the environment, so the message is enough, no stack.
    if (error instanceof ConfigError || error instanceof DataDirError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(78);
    }
    throw error;
  }
  const log = createLogger(config);
  const database = await openDatabase(config, log);
  await createOrganisationService({ db: database.db, organisations: createOrganisationRepository(database.db) }).ensureOperator(config);

  // Without Redis the in-process dispatcher is the only way notifications go out, so it always runs.
  const workers = !config.REDIS_URL || config.RUN_WORKERS ? await startWorkers({ config, database, log }) : null;
  const app = await buildApp({ config, database, logger: log, ...(workers ? { requeue: workers.requeue } : {}) });
  log.info(
    { database: database.mode, queue: config.REDIS_URL ? 'redis (BullMQ)' : 'in-process dispatcher', workers: workers ? 'in this process' : 'separate worker process' },
    'mode',
  );

  let closing = false;
  const shutdown = async (signal: string) => {
    if (closing) return;
    closing = true;
    app.log.info({ signal }, 'shutting down');
    setTimeout(() => process.exit(1), 15_000).unref();
    await app.close();
    await workers?.close(8_000);
    await database.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
  await app.listen({ host: config.HOST, port: config.PORT });

  // loadConfig already refuses production without DATABASE_URL; the demo and its token file
  // (signed with the real secret) must never come from a production start even so.
  if (database.mode === 'embedded' && config.NODE_ENV !== 'production') await introduceDemo(app, config);
}

/** First run on the embedded database: seed the demo registry and print how to use it. */
async function introduceDemo(app: Awaited<ReturnType<typeof buildApp>>, config: Config) {
  if (!config.JWT_SECRET) return;
  const seeded = await seedDemoIfEmpty(app, config);
  const tokens = demoTokens(config);
  await writeFile(join(config.DATA_DIR, 'demo-tokens.json'), JSON.stringify(tokens, null, 2), { mode: 0o600 });
  const address = `http://localhost:${(app.server.address() as { port: number }).port}`;
  const lines = [
    '',
    `Supplier Signal Registry — embedded demo${seeded ? ' (seeded a fictional registry just now)' : ''}`,
    `  API and Swagger UI: ${address}/docs   (paste a token under "Authorize")`,
    `  Data: ${config.DATA_DIR} (delete it to start over)`,
    `  Development tokens, valid ${formatHours(config.MAX_TOKEN_LIFETIME)} (MAX_TOKEN_LIFETIME; new ones at every start; also in demo-tokens.json):`,
    ...[config.OPERATOR_ORG_ID, ...demoOrganisations.map((o) => o.id)].map((id) => {
      const kind = demoOrganisations.find((o) => o.id === id)?.kind ?? 'operator';
      return `    ${id.padEnd(15)} ${kind.padEnd(18)} ${tokens[id]}`;
    }),
    '',
  ];
  process.stdout.write(`${lines.join('\n')}\n`);
}

const formatHours = (ms: number) => (ms % 3_600_000 === 0 ? `${ms / 3_600_000} h` : `${Math.round(ms / 60_000)} min`);

await main();
