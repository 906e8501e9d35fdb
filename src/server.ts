import { access, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { buildApp } from './app.ts';
import { parseCommandLine, processHelp } from './cli/command.ts';
import { type Config, ConfigError, configDescriptions, loadConfig } from './config.ts';
import { embeddedAvailable, embeddedMissingProblem, openDatabase } from './db/open.ts';
import { demoOrganisations, demoTokens, seedDemoIfEmpty } from './demo/seed.ts';
import { DataDirError, embeddedDefaults } from './embedded.ts';
import { NotReadyError } from './lib/readiness.ts';
import { closeOnSignals } from './lib/shutdown.ts';
import { createLogger } from './logger.ts';
import { loadSigningKey } from './modules/audit/audit.chain.ts';
import { createOrganisationRepository } from './modules/organisations/organisations.repository.ts';
import { createOrganisationService } from './modules/organisations/organisations.service.ts';
import type { HealthChecks } from './plugins/health.ts';

async function main() {
  parseCommandLine(
    {
      name: 'npm start',
      help: processHelp(
        'npm start   (npm run demo is the same)',
        'The registry API. With no DATABASE_URL it runs the embedded demo: PGlite in DATA_DIR (./data), a seeded fictional registry and data/demo-tokens.json. Listens on HOST:PORT (127.0.0.1:3000 by default). Ctrl-C stops it; rm -rf ./data resets the demo.',
        configDescriptions,
      ),
    },
    {},
  );
  let config: Config;
  try {
    // Without DATABASE_URL (and not in production, which loadConfig refuses) this is the embedded
    // mode: say so before embeddedDefaults writes the data directory, when PGlite is not installed.
    if (!process.env.DATABASE_URL && process.env.NODE_ENV !== 'production' && !embeddedAvailable()) throw new ConfigError([embeddedMissingProblem]);
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
  // One audit signing key for the API and the workers in this process, even when it is generated.
  const signing = loadSigningKey(config.AUDIT_SIGNING_KEY);
  if (signing.generated) log.warn('AUDIT_SIGNING_KEY is not set: signing audit checkpoints with a key generated for this process only');
  // Loaded only then: with Redis and a separate worker process the API needs none of the workers' modules.
  const workers =
    !config.REDIS_URL || config.RUN_WORKERS ? await (await import('./workers.ts')).startWorkers({ config, database, log, signingKey: signing.key }) : null;
  // loadConfig already refuses production without DATABASE_URL; the demo and its token file
  // (signed with the real secret) must never come from a production start even so.
  const seedsDemo = database.mode === 'embedded' && config.NODE_ENV !== 'production' && Boolean(config.JWT_SECRET);
  const demo = { introduced: false };
  const app = await buildApp({
    config,
    database,
    logger: log,
    signingKey: signing.key,
    ...(workers ? { requeue: workers.requeue } : {}),
    ...(seedsDemo ? { readiness: demoReadiness(config, demo) } : {}),
  });
  log.info(
    { database: database.mode, queue: config.REDIS_URL ? 'redis (BullMQ)' : 'in-process dispatcher', workers: workers ? 'in this process' : 'separate worker process' },
    'mode',
  );

  closeOnSignals({
    log,
    deadlineMs: config.SHUTDOWN_TIMEOUT,
    steps: [
      { name: 'api', close: () => app.close() },
      ...(workers ? [{ name: 'workers', close: (budgetMs: number) => workers.close(budgetMs) }] : []),
      { name: 'database', close: () => database.close() },
    ],
  });
  await app.listen({ host: config.HOST, port: config.PORT });

  if (seedsDemo) {
    await introduceDemo(app, config);
    demo.introduced = true;
  }
}

/**
 * The embedded demo is ready once it is seeded and its tokens are written: a scripted tour
 * reads data/demo-tokens.json the moment /readyz answers 200, and the server listens (and the
 * database answers) a second before that.
 */
function demoReadiness(config: Config, demo: { introduced: boolean }): HealthChecks {
  const tokensFile = join(config.DATA_DIR, 'demo-tokens.json');
  return {
    demo: async () => {
      if (!demo.introduced) throw new NotReadyError(`the demo is being seeded; ${tokensFile} is not written yet.`);
      await access(tokensFile).catch(() => {
        throw new NotReadyError(`${tokensFile} is gone; stop the server and start it again.`);
      });
    },
  };
}

/** First run on the embedded database: seed the demo registry and print how to use it. */
async function introduceDemo(app: Awaited<ReturnType<typeof buildApp>>, config: Config) {
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
