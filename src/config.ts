import { createPublicKey } from 'node:crypto';
import { z } from 'zod';

const bool = z
  .enum(['true', 'false', '1', '0'])
  .transform((v) => v === 'true' || v === '1');

const DURATION = /^(\d{1,9})([smhd]?)$/;
const unitMs = { '': 1_000, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

/** Milliseconds in a duration like `30m`, `8h`, `7d` or `90` (seconds); undefined when it is not one. */
export function parseDuration(value: string): number | undefined {
  const match = DURATION.exec(value);
  return match ? Number(match[1]) * unitMs[match[2] as keyof typeof unitMs] : undefined;
}

/** A duration variable, read as milliseconds; `fallback` is parsed like a given value. */
const duration = (fallback: string) =>
  z
    .string()
    .regex(DURATION, 'must be a duration like 30m, 8h or 1d (or seconds)')
    .prefault(fallback)
    .transform((v) => parseDuration(v)!);

const configShape = z
  .object({
    NODE_ENV: z
      .enum(['development', 'test', 'production'])
      .default('development')
      .describe(
        'Runtime environment; `production` refuses the development shortcuts: the embedded database and its demo, a generated AUDIT_SIGNING_KEY.',
      ),
    HOST: z
      .string()
      .min(1)
      .default('127.0.0.1')
      .describe(
        'Address the API listens on: 127.0.0.1 (this machine only) unless set; the `Dockerfile` and `docker-compose.yml` set `0.0.0.0` (a container, or behind a load balancer).',
      ),
    PORT: z.coerce.number().int().min(0).max(65535).default(3000).describe('Port the API listens on.'),
    LOG_LEVEL: z
      .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])
      .default('info')
      .describe('pino log level (`silent` to mute).'),
    DATABASE_URL: z
      .url({ protocol: /^postgres(ql)?$/ })
      .optional()
      .describe(
        'PostgreSQL connection string, e.g. `postgres://registry@db:5432/registry`; without it the embedded PGlite database in DATA_DIR is used (never in production).',
      )
      .meta({ required: 'in production' }),
    DATA_DIR: z
      .string()
      .min(1)
      .default('./data')
      .describe(
        'Where the embedded database (PGlite), its development secrets and the demo tokens are kept when DATABASE_URL is not set; one the process cannot create or write stops start-up with one line (exit 78).',
      ),
    DATABASE_APP_ROLE: z
      .string()
      .regex(/^[a-z_][a-z0-9_]{0,62}$/, 'must be a plain lower-case PostgreSQL role name (letters, digits, underscores)')
      // role=none would silently mean "stay the connecting user".
      .refine((v) => v !== 'none', 'must name a role, not none')
      .optional()
      .describe(
        'Role every pool connection takes at session start (`registry_app`, made by the migrations, as in `docker-compose.yml`); migrations still run as the DATABASE_URL user, and without it the app runs as that user. A plain lower-case role name; needs DATABASE_URL (README, Audit trail).',
      ),
    DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(200).default(10).describe('Connections in the pg pool.'),
    MIGRATE_ON_START: bool.default(true).describe('Apply pending migrations at start-up, under an advisory lock, so replicas may start together.'),
    JWT_SECRET: z
      .string()
      .min(32, 'must be at least 32 characters')
      .optional()
      .describe(
        'HS256 shared secret, at least 32 characters, for development and tests; the embedded mode generates one into DATA_DIR. Set exactly one of JWT_SECRET and JWT_PUBLIC_KEY (the worker needs neither).',
      )
      .meta({ required: 'this or JWT_PUBLIC_KEY', shownDefault: 'embedded: generated' }),
    JWT_PUBLIC_KEY: z
      .string()
      .optional()
      .describe(
        'PEM public key for production token verification: RSA → RS256, EC P-256 → ES256. Set exactly one of JWT_SECRET and JWT_PUBLIC_KEY.',
      )
      .meta({ required: 'this or JWT_SECRET' }),
    JWT_ISSUER: z.string().min(1).default('supplier-signal-registry').describe('Required `iss` claim of every token.'),
    JWT_AUDIENCE: z.string().min(1).default('supplier-signal-registry').describe('Required `aud` claim of every token.'),
    MAX_TOKEN_LIFETIME: duration('24h')
      .pipe(z.number().min(60_000, 'must be at least 1m'))
      .describe(
        'Longest token lifetime (exp − iat) accepted, like 30m, 8h or 1d (or seconds); longer-lived tokens get 401 auth.token_lifetime_too_long. Development tokens (`npm run token`, the demo\'s) live at most this long. Read as milliseconds.',
      ),
    OPERATOR_ORG_ID: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]{1,62}$/)
      .default('registry')
      .describe('Id of the operator organisation created at start-up.'),
    REDIS_URL: z
      .url({ protocol: /^rediss?$/ })
      .optional()
      .describe(
        'Redis for the BullMQ delivery queues, e.g. `redis://redis:6379`; the worker needs it. Needs DATABASE_URL too: no worker could reach the embedded database, so start-up fails without it.',
      )
      .meta({ required: 'by the worker' }),
    REDIS_PREFIX: z
      .string()
      .regex(/^[A-Za-z0-9:_-]{1,64}$/)
      .default('ssr')
      .describe('Key prefix of every queue key, so several registries (or test files) can share one Redis.'),
    RUN_WORKERS: bool.default(false).describe('Run the outbox relay, the delivery workers and the background jobs inside the API process (small setups); without REDIS_URL they always run there.'),
    WEBHOOK_ALLOW_PRIVATE_NETWORKS: bool
      .default(false)
      .describe('Allow `http` and private, loopback and link-local webhook addresses (development and tests only).'),
    WEBHOOK_CONNECT_TIMEOUT_MS: z.coerce
      .number()
      .int()
      .min(100)
      .max(60_000)
      .default(5_000)
      .describe('Webhook connect timeout, within WEBHOOK_TIMEOUT_MS.'),
    WEBHOOK_TIMEOUT_MS: z.coerce
      .number()
      .int()
      .min(100)
      .max(120_000)
      .default(10_000)
      .describe(
        'Total deadline of one webhook attempt: connect, headers and the whole body; the request is aborted when it passes.',
      ),
    WEBHOOK_KEY_REFRESH: duration('30s')
      .pipe(z.number().min(1_000, 'must be at least 1s').max(3_600_000, 'must be at most 1h'))
      .describe(
        'How often each API and worker process reads the webhook signing keys (v1a) again; like 30s. Read as milliseconds.',
      ),
    WEBHOOK_KEY_LEAD_TIME: duration('5m')
      .pipe(z.number().max(7 * 86_400_000, 'must be at most 7d'))
      .describe(
        'How long a rotated-in webhook key is published before it signs; at least twice WEBHOOK_KEY_REFRESH, so every process has it when it starts signing. Read as milliseconds.',
      ),
    RELAY_POLL_MS: z.coerce
      .number()
      .int()
      .min(50)
      .max(60_000)
      .default(2_000)
      .describe(
        'How often the outbox relay polls when no NOTIFY arrives (NOTIFY normally wakes it at once), and how often the workers sweep for overdue deliveries and expired signals.',
      ),
    WORKER_HEARTBEAT_FILE: z
      .string()
      .min(1)
      .optional()
      .describe(
        'A file the workers rewrite after every sweep that reached the database (every RELAY_POLL_MS), for a health check to read its age.',
      ),
    WORKER_CONCURRENCY: z.coerce
      .number()
      .int()
      .min(1)
      .max(1000)
      .default(50)
      .describe('First-attempt fan-out jobs of ordinary events (deviations, injunctions …) one worker runs at once.'),
    WORKER_URGENT_CONCURRENCY: z.coerce
      .number()
      .int()
      .min(1)
      .max(1000)
      .default(16)
      .describe(
        'First-attempt fan-out jobs of events that change whether a supplier is blocked (stops, terminations, revoked permits) one worker runs at once: capacity no other work can take.',
      ),
    WORKER_RETRY_CONCURRENCY: z.coerce.number().int().min(1).max(1000).default(32).describe('Retry jobs (one delivery each) one worker runs at once.'),
    WORKER_RESEND_CONCURRENCY: z.coerce
      .number()
      .int()
      .min(1)
      .max(1000)
      .default(8)
      .describe('Redeliveries and replays one worker sends at once, shared fairly between organisations.'),
    WORKER_SEND_CONCURRENCY: z.coerce
      .number()
      .int()
      .min(1)
      .max(10_000)
      .default(400)
      .describe(
        'Attempts one job (a fan-out, a wake-up, the resend lane) has in flight at once; the rest start as those finish. Bounds the connections and bodies one job holds at thousands of subscribers (the worker\'s heap itself is capped by `npm run worker`, README "Running the worker"); the default sends a stop to every municipality and federation in one wave.',
      ),
    WORKER_LOCK_MS: z.coerce
      .number()
      .int()
      .min(1_000)
      .max(600_000)
      .default(30_000)
      .describe('BullMQ job lock; a job whose worker died is taken up again after about this long.'),
    SHUTDOWN_TIMEOUT: duration('15s')
      .pipe(z.number().min(1_000, 'must be at least 1s').max(600_000, 'must be at most 10m'))
      .describe(
        'How long the API and the worker take to stop on SIGTERM or SIGINT: they stop taking requests and jobs, let those in flight finish and close their connections; past it the process exits with 1, and deliveries it had leased are taken up again by another worker. Keep it under the orchestrator\'s grace period (docker-compose.yml gives 20s). Like 15s; read as milliseconds.',
      ),
    AUDIT_SIGNING_KEY: z
      .string()
      .optional()
      .describe(
        'Ed25519 private key (PKCS#8 PEM) that signs the audit log\'s checkpoints, status receipts and, on request, chain heads. Keys are derived from it for sealing subscription secrets in the idempotency store and the webhook signing keys\' private parts, and for the pseudonyms of personnummer subjects: changing it makes stored secrets unreadable (such a retry gets 403), replaces the webhook signing key at the next start without overlap, and gives such subjects new pseudonyms. Generated at start-up when absent (development only); a worker process without it signs no checkpoints.',
      )
      .meta({ required: 'in production', shownDefault: 'development: generated' }),
    AUDIT_LOG_ORIGIN: z
      .string()
      .regex(/^[^\s+]{1,200}$/, 'a schema-less URL without spaces or +')
      .default('supplier-signal-registry.local/audit-log')
      .describe(
        'The origin line of the audit log\'s checkpoints (C2SP tlog-checkpoint), also the key name of their signature: a schema-less URL naming this registry\'s log, e.g. `registry.example.se/audit-log`. Set it once; checkpoints signed under another origin are another log to a verifier (README, The Merkle log).',
      ),
    READ_LOG_RETENTION_DAYS: z.coerce.number().int().min(1).max(36_500).default(365).describe('Days the read log is kept.'),
    DELIVERY_LOG_RETENTION_DAYS: z.coerce.number().int().min(1).max(36_500).default(90).describe('Days delivery attempts are kept.'),
    RATE_LIMIT_READS_PER_MINUTE: z.coerce.number().int().min(1).default(1200).describe('Reads per organisation per minute, shared by all API replicas through Redis.'),
    RATE_LIMIT_WRITES_PER_MINUTE: z.coerce.number().int().min(1).default(120).describe('Writes per organisation per minute, shared by all API replicas through Redis.'),
    SENSITIVE_FLOW_PER_HOUR: z.coerce
      .number()
      .int()
      .min(1)
      .default(10)
      .describe(
        'The flap limit: changes to what blocks a supplier, per organisation, supplier and hour. Stops, terminations and revoked permits are counted but never refused; lifts and retractions past it are refused.',
      ),
    BODY_LIMIT_BYTES: z.coerce.number().int().min(1024).max(10_485_760).default(262_144).describe('Largest accepted request body; a larger one gets 413.'),
    // Deadlines on every connection, so a client that trickles its request cannot hold a socket
    // (and the memory behind it) for as long as it likes.
    HTTP_REQUEST_TIMEOUT_MS: z.coerce
      .number()
      .int()
      .min(100)
      .max(600_000)
      .default(30_000)
      .describe(
        'Time a client has to send one whole request, headers and body; past it the server answers 408 input.request_timeout and closes the connection, so a client trickling its body cannot hold a socket.',
      ),
    HTTP_HEADERS_TIMEOUT_MS: z.coerce
      .number()
      .int()
      .min(100)
      .max(600_000)
      .default(10_000)
      .describe(
        'Time a client has to send the request line and headers (at most HTTP_REQUEST_TIMEOUT_MS); past it the server answers 408 and closes the connection.',
      ),
    HTTP_KEEP_ALIVE_TIMEOUT_MS: z.coerce
      .number()
      .int()
      .min(100)
      .max(600_000)
      .default(5_000)
      .describe(
        'How long an idle keep-alive connection waits for its next request. Behind a load balancer that reuses connections, set it above the balancer\'s idle timeout (e.g. 65000 behind a 60 s one), or the balancer may send on a connection just closed.',
      ),
    HTTP_IDLE_TIMEOUT_MS: z.coerce
      .number()
      .int()
      .min(1_000)
      .max(3_600_000)
      .default(60_000)
      .describe(
        'A connection with no traffic either way for this long is destroyed (a client that stops reading its answer).',
      ),
    HTTP_CONNECTIONS_PER_ADDRESS: z.coerce
      .number()
      .int()
      .min(0)
      .max(100_000)
      .default(100)
      .describe(
        'Open connections one client address may hold; one more is closed at once, before a byte is read. 0 turns the cap off: behind a reverse proxy every client has the proxy\'s address, so cap there instead.',
      ),
  });

/** The rules between variables; `tokens: false` for a process that verifies no token (the worker). */
const configRules = ({ tokens }: { tokens: boolean }) => configShape
  .superRefine((c, ctx) => {
    if (tokens && !c.JWT_SECRET === !c.JWT_PUBLIC_KEY) {
      ctx.addIssue({
        code: 'custom',
        path: ['JWT_SECRET'],
        message: 'set exactly one of JWT_SECRET (HS256) and JWT_PUBLIC_KEY (RS256/ES256)',
      });
    }
    // Only the process that opened the embedded database can reach it, and src/worker.ts
    // needs DATABASE_URL: with Redis but no server, queued deliveries would never be sent.
    // (A REDIS_URL that is itself invalid is reported once, for that.)
    if (c.REDIS_URL && !c.DATABASE_URL && !ctx.issues.some((i) => i.path?.[0] === 'REDIS_URL')) {
      ctx.addIssue({
        code: 'custom',
        path: ['REDIS_URL'],
        message:
          'needs DATABASE_URL too: the embedded database (no DATABASE_URL) lives inside the API process, where no worker can reach it; ' +
          'unset REDIS_URL to use the in-process dispatcher, or set DATABASE_URL to a PostgreSQL server',
      });
    }
    if (c.DATABASE_APP_ROLE && !c.DATABASE_URL) {
      ctx.addIssue({ code: 'custom', path: ['DATABASE_APP_ROLE'], message: 'applies to a PostgreSQL server only; set DATABASE_URL too (the embedded database has no roles)' });
    }
    // Without DATABASE_URL the server runs the embedded demo: a PGlite file, seeded fictional
    // data and a token file signed with the real secret. None of that may come from production.
    if (c.NODE_ENV === 'production' && !c.DATABASE_URL && !ctx.issues.some((i) => i.path?.[0] === 'DATABASE_URL')) {
      ctx.addIssue({
        code: 'custom',
        path: ['DATABASE_URL'],
        message: 'required in production: set DATABASE_URL to a PostgreSQL server (postgres://user@host:5432/registry); the embedded demo database never runs in production',
      });
    }
    const timeoutsValid = !ctx.issues.some((i) => i.path?.[0] === 'HTTP_HEADERS_TIMEOUT_MS' || i.path?.[0] === 'HTTP_REQUEST_TIMEOUT_MS');
    if (timeoutsValid && c.HTTP_HEADERS_TIMEOUT_MS > c.HTTP_REQUEST_TIMEOUT_MS) {
      ctx.addIssue({ code: 'custom', path: ['HTTP_HEADERS_TIMEOUT_MS'], message: 'must not be longer than HTTP_REQUEST_TIMEOUT_MS (the headers are part of the request)' });
    }
    const keyTimesValid = !ctx.issues.some((i) => i.path?.[0] === 'WEBHOOK_KEY_REFRESH' || i.path?.[0] === 'WEBHOOK_KEY_LEAD_TIME');
    if (keyTimesValid && c.WEBHOOK_KEY_LEAD_TIME < 2 * c.WEBHOOK_KEY_REFRESH) {
      ctx.addIssue({
        code: 'custom',
        path: ['WEBHOOK_KEY_LEAD_TIME'],
        message: 'must be at least twice WEBHOOK_KEY_REFRESH, so every process has read a new key before it signs',
      });
    }
    if (c.NODE_ENV === 'production' && !c.AUDIT_SIGNING_KEY) {
      ctx.addIssue({ code: 'custom', path: ['AUDIT_SIGNING_KEY'], message: 'required in production, so signed audit heads stay verifiable across restarts' });
    }
    if (c.JWT_PUBLIC_KEY) {
      try {
        jwtAlgorithmForKey(c.JWT_PUBLIC_KEY);
      } catch (error) {
        ctx.addIssue({ code: 'custom', path: ['JWT_PUBLIC_KEY'], message: (error as Error).message });
      }
    }
    // zod skips object refinements once any variable failed, so PORT=abc hid a missing
    // JWT_SECRET until the next start; run them anyway so every problem is listed at once.
  }, { when: (payload) => typeof payload.value === 'object' && payload.value !== null });
const configSchema = configRules({ tokens: true });
const workerConfigSchema = configRules({ tokens: false });

export type Config = z.output<typeof configSchema>;

export class ConfigError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(`invalid configuration:\n  ${problems.join('\n  ')}`);
    this.name = 'ConfigError';
    this.problems = problems;
  }
}

/**
 * Parses the environment once; throws a ConfigError listing every bad variable. The worker
 * passes `{ tokens: false }`: it verifies no token, so it needs neither JWT_SECRET nor JWT_PUBLIC_KEY.
 */
export function loadConfig(source: Record<string, string | undefined> = process.env, { tokens = true }: { tokens?: boolean } = {}): Config {
  // Empty strings in an env file mean "unset", not "the empty value".
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''));
  const result = (tokens ? configSchema : workerConfigSchema).safeParse(cleaned);
  if (!result.success) {
    throw new ConfigError(result.error.issues.map((i) => `${i.path.join('.') || '(config)'}: ${i.message}`));
  }
  return result.data;
}

/** RS256 for RSA keys, ES256 for P-256 keys; anything else is refused. */
export function jwtAlgorithmForKey(pem: string): 'RS256' | 'ES256' {
  const key = createPublicKey(pem);
  if (key.asymmetricKeyType === 'rsa') return 'RS256';
  if (key.asymmetricKeyType === 'ec' && key.asymmetricKeyDetails?.namedCurve === 'prime256v1') return 'ES256';
  throw new Error(`unsupported key type ${key.asymmetricKeyType ?? 'unknown'} (use RSA or EC P-256)`);
}

type ConfigName = keyof typeof configShape.shape;

/**
 * Only the named variables, for a command that needs no more (db:migrate reads DATABASE_URL
 * and nothing else): the rules between variables are the server's and do not apply.
 */
export function loadConfigOf<const Names extends readonly ConfigName[]>(names: Names, source: Record<string, string | undefined> = process.env) {
  const cleaned = Object.fromEntries(Object.entries(source).filter(([name, v]) => v !== undefined && v !== '' && (names as readonly string[]).includes(name)));
  const picked = Object.fromEntries(names.map((name) => [name, true])) as Record<ConfigName, true>;
  const result = configShape.pick(picked).safeParse(cleaned);
  if (!result.success) {
    throw new ConfigError(result.error.issues.map((i) => `${i.path.join('.') || '(config)'}: ${i.message}`));
  }
  return result.data as unknown as Pick<Config, Names[number]>;
}

export const configDescriptions = Object.fromEntries(
  Object.entries(configShape.shape).map(([name, schema]) => [name, schema.description ?? '']),
);

/** One variable as the schema describes it. */
export interface ConfigVariable {
  name: ConfigName;
  /** The default as it would be written in the environment (`24h`, `true`), or what stands in for one. */
  default: string | undefined;
  /** When the variable must be set (`in production`), or undefined when it never must. */
  required: string | undefined;
  description: string;
}

/**
 * Every variable, in the schema's order, with its default, when it is required and its
 * description: the README's configuration table is generated from this (npm run docs:config).
 * `.meta({ required, shownDefault })` says what the schema alone cannot: a rule between
 * variables, or a default filled in elsewhere (the embedded mode's generated secrets).
 */
export function configReference(): ConfigVariable[] {
  return Object.entries(configShape.shape).map(([name, schema]) => {
    const meta = (schema.meta() ?? {}) as { required?: string; shownDefault?: string };
    const fallback = inputDefault(schema);
    return {
      name: name as ConfigName,
      default: meta.shownDefault ?? (fallback === undefined ? undefined : String(fallback)),
      required: meta.required,
      description: schema.description ?? '',
    };
  });
}

/** The default a variable takes when unset, as its input: through pipes to the `.default()` or `.prefault()`. */
function inputDefault(schema: z.ZodType): unknown {
  const def = schema._zod.def as { type: string; defaultValue?: unknown; in?: z.ZodType; innerType?: z.ZodType };
  if (def.type === 'default' || def.type === 'prefault') return def.defaultValue;
  if (def.type === 'pipe' && def.in) return inputDefault(def.in);
  return undefined;
}
