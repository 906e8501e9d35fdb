import { generateKeyPairSync } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ConfigError, configDescriptions, configReference, jwtAlgorithmForKey, loadConfig, loadConfigOf } from './config.ts';
import { configTable, TABLE_END, TABLE_START } from './config-table.ts';

const SECRET = 'a-shared-secret-of-at-least-32-chars!';
const ecPublicKey = generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey.export({ type: 'spki', format: 'pem' }).toString();
const rsaPublicKey = generateKeyPairSync('rsa', { modulusLength: 2048 }).publicKey.export({ type: 'spki', format: 'pem' }).toString();
const ed25519PublicKey = generateKeyPairSync('ed25519').publicKey.export({ type: 'spki', format: 'pem' }).toString();

/** The ConfigError loadConfig throws for `source`; fails the test when it does not throw one. */
function problemsOf(source: Record<string, string | undefined>): string[] {
  try {
    loadConfig(source);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).message).toMatch(/^invalid configuration:/);
    return (error as ConfigError).problems;
  }
  throw new Error(`loadConfig accepted ${JSON.stringify(source)}`);
}

/** The variables named by a list of problems ("PORT: …" → "PORT"). */
const variables = (problems: string[]) => problems.map((p) => p.split(':')[0]);

describe('loadConfig', () => {
  it('fills every default from a minimal environment (only JWT_SECRET)', () => {
    const config = loadConfig({ JWT_SECRET: SECRET });
    expect(config).toMatchObject({
      NODE_ENV: 'development',
      HOST: '127.0.0.1',
      PORT: 3000,
      LOG_LEVEL: 'info',
      DATA_DIR: './data',
      DATABASE_POOL_SIZE: 10,
      MIGRATE_ON_START: true,
      JWT_SECRET: SECRET,
      JWT_ISSUER: 'supplier-signal-registry',
      JWT_AUDIENCE: 'supplier-signal-registry',
      OPERATOR_ORG_ID: 'registry',
      REDIS_PREFIX: 'ssr',
      RUN_WORKERS: false,
      WEBHOOK_ALLOW_PRIVATE_NETWORKS: false,
      WEBHOOK_CONNECT_TIMEOUT_MS: 5_000,
      WEBHOOK_TIMEOUT_MS: 10_000,
      WORKER_URGENT_CONCURRENCY: 16,
      WORKER_RETRY_CONCURRENCY: 32,
      WORKER_RESEND_CONCURRENCY: 8,
      WORKER_SEND_CONCURRENCY: 400,
      RELAY_POLL_MS: 2_000,
      WORKER_CONCURRENCY: 50,
      WORKER_LOCK_MS: 30_000,
      READ_LOG_RETENTION_DAYS: 365,
      DELIVERY_LOG_RETENTION_DAYS: 90,
      RATE_LIMIT_READS_PER_MINUTE: 1200,
      RATE_LIMIT_WRITES_PER_MINUTE: 120,
      SENSITIVE_FLOW_PER_HOUR: 10,
      BODY_LIMIT_BYTES: 262_144,
      MAX_TOKEN_LIFETIME: 86_400_000,
    });
    // No DATABASE_URL and no REDIS_URL: the embedded default (design.md, architecture).
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.REDIS_URL).toBeUndefined();
    expect(config.JWT_PUBLIC_KEY).toBeUndefined();
    expect(config.AUDIT_SIGNING_KEY).toBeUndefined();
  });

  it('parses numbers and booleans from their string form', () => {
    const config = loadConfig({
      JWT_SECRET: SECRET,
      PORT: '8080',
      MIGRATE_ON_START: 'false',
      RUN_WORKERS: '1',
      WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'true',
      BODY_LIMIT_BYTES: '2048',
      DATABASE_URL: 'postgresql://registry@db:5432/registry',
      REDIS_URL: 'rediss://redis:6380',
    });
    expect(config).toMatchObject({
      PORT: 8080,
      MIGRATE_ON_START: false,
      RUN_WORKERS: true,
      WEBHOOK_ALLOW_PRIVATE_NETWORKS: true,
      BODY_LIMIT_BYTES: 2048,
      DATABASE_URL: 'postgresql://registry@db:5432/registry',
      REDIS_URL: 'rediss://redis:6380',
    });
  });

  it('reads MAX_TOKEN_LIFETIME as a duration in milliseconds, and refuses what is not one', () => {
    expect(loadConfig({ JWT_SECRET: SECRET, MAX_TOKEN_LIFETIME: '8h' }).MAX_TOKEN_LIFETIME).toBe(8 * 3_600_000);
    expect(loadConfig({ JWT_SECRET: SECRET, MAX_TOKEN_LIFETIME: '90m' }).MAX_TOKEN_LIFETIME).toBe(90 * 60_000);
    expect(loadConfig({ JWT_SECRET: SECRET, MAX_TOKEN_LIFETIME: '3600' }).MAX_TOKEN_LIFETIME).toBe(3_600_000);
    expect(variables(problemsOf({ JWT_SECRET: SECRET, MAX_TOKEN_LIFETIME: '24 hours' }))).toEqual(['MAX_TOKEN_LIFETIME']);
    expect(variables(problemsOf({ JWT_SECRET: SECRET, MAX_TOKEN_LIFETIME: '10s' }))).toEqual(['MAX_TOKEN_LIFETIME']);
  });

  it('accepts JWT_PUBLIC_KEY alone, EC P-256 or RSA', () => {
    expect(loadConfig({ JWT_PUBLIC_KEY: ecPublicKey }).JWT_PUBLIC_KEY).toBe(ecPublicKey);
    expect(loadConfig({ JWT_PUBLIC_KEY: rsaPublicKey }).JWT_SECRET).toBeUndefined();
    expect(jwtAlgorithmForKey(ecPublicKey)).toBe('ES256');
    expect(jwtAlgorithmForKey(rsaPublicKey)).toBe('RS256');
  });

  it('refuses both JWT_SECRET and JWT_PUBLIC_KEY', () => {
    const problems = problemsOf({ JWT_SECRET: SECRET, JWT_PUBLIC_KEY: ecPublicKey });
    expect(problems).toEqual(['JWT_SECRET: set exactly one of JWT_SECRET (HS256) and JWT_PUBLIC_KEY (RS256/ES256)']);
  });

  it('refuses neither JWT_SECRET nor JWT_PUBLIC_KEY', () => {
    expect(problemsOf({})).toEqual(['JWT_SECRET: set exactly one of JWT_SECRET (HS256) and JWT_PUBLIC_KEY (RS256/ES256)']);
  });

  it('refuses a public key that is not RSA or EC P-256, and one that is not a key at all', () => {
    expect(problemsOf({ JWT_PUBLIC_KEY: ed25519PublicKey })).toEqual([expect.stringMatching(/^JWT_PUBLIC_KEY: unsupported key type ed25519/)]);
    expect(variables(problemsOf({ JWT_PUBLIC_KEY: 'not a pem' }))).toEqual(['JWT_PUBLIC_KEY']);
  });

  it('lists every bad variable in one ConfigError', () => {
    const problems = problemsOf({ PORT: 'abc', LOG_LEVEL: 'loud', DATABASE_URL: 'mysql://x', JWT_SECRET: 'too-short' });
    expect(variables(problems).sort()).toEqual(['DATABASE_URL', 'JWT_SECRET', 'LOG_LEVEL', 'PORT']);
    expect(problems).toContain('JWT_SECRET: must be at least 32 characters');
    expect(problems.find((p) => p.startsWith('LOG_LEVEL'))).toMatch(/fatal.*silent/);
  });

  it('lists a missing JWT setting together with bad variables, not only after they are fixed', () => {
    const problems = problemsOf({ PORT: 'abc', REDIS_URL: 'http://redis', BODY_LIMIT_BYTES: '10' });
    expect(variables(problems).sort()).toEqual(['BODY_LIMIT_BYTES', 'JWT_SECRET', 'PORT', 'REDIS_URL']);
    expect(problems).toContain('JWT_SECRET: set exactly one of JWT_SECRET (HS256) and JWT_PUBLIC_KEY (RS256/ES256)');
  });

  it('lists the production-only requirement together with bad variables', () => {
    // An out-of-range number is a soft failure in zod; a wrong type or enum value is a hard one.
    const problems = problemsOf({ NODE_ENV: 'production', JWT_SECRET: SECRET, WORKER_CONCURRENCY: '0', LOG_LEVEL: 'loud' });
    expect(variables(problems).sort()).toEqual(['AUDIT_SIGNING_KEY', 'DATABASE_URL', 'LOG_LEVEL', 'WORKER_CONCURRENCY']);
  });

  it('refuses production without DATABASE_URL, saying what to set: production never runs the embedded demo', () => {
    const production = { NODE_ENV: 'production', JWT_SECRET: SECRET, AUDIT_SIGNING_KEY: 'pem' };
    expect(problemsOf(production)).toEqual([expect.stringMatching(/^DATABASE_URL: required in production: set DATABASE_URL to a PostgreSQL server/)]);
    // Empty means unset here too; an invalid URL is reported once, for being invalid.
    expect(variables(problemsOf({ ...production, DATABASE_URL: '' }))).toEqual(['DATABASE_URL']);
    expect(problemsOf({ ...production, DATABASE_URL: 'mysql://db/registry' })).toEqual([expect.not.stringMatching(/required in production/)]);
    expect(loadConfig({ ...production, DATABASE_URL: 'postgres://registry@db:5432/registry' }).NODE_ENV).toBe('production');
    // Development and tests keep the embedded default.
    expect(loadConfig({ JWT_SECRET: SECRET, NODE_ENV: 'test' }).DATABASE_URL).toBeUndefined();
  });

  it('sets deadlines on every connection by default, and refuses a headers deadline past the request deadline', () => {
    expect(loadConfig({ JWT_SECRET: SECRET })).toMatchObject({
      HTTP_REQUEST_TIMEOUT_MS: 30_000,
      HTTP_HEADERS_TIMEOUT_MS: 10_000,
      HTTP_KEEP_ALIVE_TIMEOUT_MS: 5_000,
      HTTP_IDLE_TIMEOUT_MS: 60_000,
      HTTP_CONNECTIONS_PER_ADDRESS: 100,
    });
    expect(loadConfig({ JWT_SECRET: SECRET, HTTP_CONNECTIONS_PER_ADDRESS: '0' }).HTTP_CONNECTIONS_PER_ADDRESS).toBe(0);
    expect(problemsOf({ JWT_SECRET: SECRET, HTTP_REQUEST_TIMEOUT_MS: '5000', HTTP_HEADERS_TIMEOUT_MS: '6000' })).toEqual([
      expect.stringMatching(/^HTTP_HEADERS_TIMEOUT_MS: must not be longer than HTTP_REQUEST_TIMEOUT_MS/),
    ]);
    // A request deadline that is itself bad is reported once, for that.
    expect(variables(problemsOf({ JWT_SECRET: SECRET, HTTP_REQUEST_TIMEOUT_MS: '5' }))).toEqual(['HTTP_REQUEST_TIMEOUT_MS']);
    for (const name of ['HTTP_REQUEST_TIMEOUT_MS', 'HTTP_KEEP_ALIVE_TIMEOUT_MS', 'HTTP_IDLE_TIMEOUT_MS', 'HTTP_CONNECTIONS_PER_ADDRESS']) {
      expect(variables(problemsOf({ JWT_SECRET: SECRET, [name]: '-1' })), name).toEqual([name]);
    }
  });

  it.each([
    ['PORT', '70000'],
    ['PORT', '80.5'],
    ['NODE_ENV', 'staging'],
    ['MIGRATE_ON_START', 'yes'],
    ['DATABASE_URL', 'not a url'],
    ['DATABASE_POOL_SIZE', '0'],
    ['OPERATOR_ORG_ID', 'Registry Operator'],
    ['REDIS_PREFIX', 'has spaces'],
    ['BODY_LIMIT_BYTES', '20000000'],
  ])('refuses %s=%s, naming the variable', (name, value) => {
    expect(variables(problemsOf({ JWT_SECRET: SECRET, [name]: value }))).toEqual([name]);
  });

  it('takes DATABASE_APP_ROLE only as a plain role name, and only with DATABASE_URL', () => {
    const url = 'postgres://registry@db:5432/registry';
    expect(loadConfig({ JWT_SECRET: SECRET, DATABASE_URL: url, DATABASE_APP_ROLE: 'registry_app' }).DATABASE_APP_ROLE).toBe('registry_app');
    expect(loadConfig({ JWT_SECRET: SECRET, DATABASE_URL: url }).DATABASE_APP_ROLE).toBeUndefined();
    for (const role of ['registry_app -c role=postgres', 'registry_app;', '"registry_app"', 'Registry_App', '1app', 'none', 'a'.repeat(64)]) {
      expect(variables(problemsOf({ JWT_SECRET: SECRET, DATABASE_URL: url, DATABASE_APP_ROLE: role })), role).toEqual(['DATABASE_APP_ROLE']);
    }
    expect(problemsOf({ JWT_SECRET: SECRET, DATABASE_APP_ROLE: 'registry_app' })).toEqual([expect.stringMatching(/^DATABASE_APP_ROLE: .*DATABASE_URL/)]);
  });

  it('refuses REDIS_URL without DATABASE_URL: no worker can reach the embedded database, so nothing would be delivered', () => {
    const problems = problemsOf({ JWT_SECRET: SECRET, REDIS_URL: 'redis://127.0.0.1:6379' });
    expect(problems).toEqual([expect.stringMatching(/^REDIS_URL: needs DATABASE_URL too: .*embedded database.*unset REDIS_URL.*set DATABASE_URL/)]);
    // Listed with the other problems at once; an invalid REDIS_URL is reported once, for being invalid.
    expect(variables(problemsOf({ REDIS_URL: 'redis://127.0.0.1:6379', PORT: 'abc' })).sort()).toEqual(['JWT_SECRET', 'PORT', 'REDIS_URL']);
    expect(problemsOf({ JWT_SECRET: SECRET, REDIS_URL: 'http://redis' })).toEqual([expect.not.stringMatching(/DATABASE_URL/)]);
    // Either alone, both, or neither is fine.
    const url = 'postgres://registry@db:5432/registry';
    expect(loadConfig({ JWT_SECRET: SECRET, DATABASE_URL: url, REDIS_URL: 'redis://redis:6379' }).REDIS_URL).toBe('redis://redis:6379');
    expect(loadConfig({ JWT_SECRET: SECRET, DATABASE_URL: url }).REDIS_URL).toBeUndefined();
    expect(loadConfig({ JWT_SECRET: SECRET, REDIS_URL: '' }).REDIS_URL).toBeUndefined();
  });

  it('takes WORKER_HEARTBEAT_FILE as an optional path', () => {
    expect(loadConfig({ JWT_SECRET: SECRET }).WORKER_HEARTBEAT_FILE).toBeUndefined();
    expect(loadConfig({ JWT_SECRET: SECRET, WORKER_HEARTBEAT_FILE: '/tmp/worker-heartbeat' }).WORKER_HEARTBEAT_FILE).toBe('/tmp/worker-heartbeat');
  });

  it('treats empty strings as unset: defaults apply and an empty key does not count as set', () => {
    const config = loadConfig({
      JWT_SECRET: SECRET,
      JWT_PUBLIC_KEY: '',
      PORT: '',
      LOG_LEVEL: '',
      DATABASE_URL: '',
      REDIS_URL: '',
      AUDIT_SIGNING_KEY: '',
      UNRELATED: undefined,
    });
    expect(config.PORT).toBe(3000);
    expect(config.LOG_LEVEL).toBe('info');
    expect(config.DATABASE_URL).toBeUndefined();
    expect(config.REDIS_URL).toBeUndefined();
    expect(config.JWT_PUBLIC_KEY).toBeUndefined();
    // An empty secret is no secret: with nothing else set, the JWT rule still fails.
    expect(problemsOf({ JWT_SECRET: '', JWT_PUBLIC_KEY: '' })).toEqual([
      'JWT_SECRET: set exactly one of JWT_SECRET (HS256) and JWT_PUBLIC_KEY (RS256/ES256)',
    ]);
  });

  it('documents every variable', () => {
    for (const [name, description] of Object.entries(configDescriptions)) expect(description, name).not.toBe('');
  });
});

describe('loadConfig for the worker (tokens: false)', () => {
  it('needs neither JWT_SECRET nor JWT_PUBLIC_KEY, and still checks everything else', () => {
    expect(() => loadConfig({})).toThrow(/JWT_SECRET: set exactly one/);
    expect(loadConfig({}, { tokens: false })).toMatchObject({ PORT: 3000 });
    expect(() => loadConfig({ PORT: 'abc' }, { tokens: false })).toThrow(/PORT/);
  });
});

describe('loadConfigOf (a command that needs a few variables)', () => {
  it('reads only the variables named: no JWT_SECRET needed, and a bad one it does not read is no problem', () => {
    expect(loadConfigOf(['DATABASE_URL'], { PORT: 'abc', NODE_ENV: 'production' })).toEqual({});
    expect(loadConfigOf(['DATABASE_URL'], { DATABASE_URL: 'postgres://registry@db:5432/registry' })).toEqual({ DATABASE_URL: 'postgres://registry@db:5432/registry' });
    expect(loadConfigOf(['JWT_ISSUER', 'MAX_TOKEN_LIFETIME'], {})).toEqual({ JWT_ISSUER: 'supplier-signal-registry', MAX_TOKEN_LIFETIME: 86_400_000 });
  });

  it('still refuses a bad value of a variable it reads, naming it', () => {
    expect(() => loadConfigOf(['DATABASE_URL'], { DATABASE_URL: 'mysql://db/x' })).toThrow(ConfigError);
    const error = (() => {
      try {
        loadConfigOf(['DATABASE_URL', 'JWT_SECRET'], { DATABASE_URL: 'mysql://db/x', JWT_SECRET: 'short' });
      } catch (thrown) {
        return thrown as ConfigError;
      }
    })();
    expect(variables(error?.problems ?? [])).toEqual(['DATABASE_URL', 'JWT_SECRET']);
  });
});

describe('the README configuration table', () => {
  it('is the table the config schema generates: run npm run docs:config after changing a variable', () => {
    const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
    const start = readme.indexOf(TABLE_START);
    const end = readme.indexOf(TABLE_END);
    expect(start, 'README.md lacks the configuration table markers').toBeGreaterThan(-1);
    expect(readme.slice(start + TABLE_START.length, end).trim()).toBe(configTable());
  });

  it('shows each default as it would be written in the environment', () => {
    const defaults = loadConfig({ JWT_SECRET: SECRET });
    const shown = configReference().filter((v) => v.default !== undefined && !v.default.includes(' '));
    expect(shown.length).toBeGreaterThan(30);
    for (const v of shown) expect(loadConfig({ JWT_SECRET: SECRET, [v.name]: v.default! })[v.name], v.name).toEqual(defaults[v.name]);
  });
});
