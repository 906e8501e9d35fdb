import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { createSigner } from 'fast-jwt';
import { Redis } from 'ioredis';
import pg from 'pg';
import { Agent, request } from 'undici';
import { cpuSnapshot } from './cpu.ts';
import { assertRunning, freePort, registryEntry, type Service, startService, waitFor } from './proc.ts';

/** Where fresh benchmark databases are created, and the Redis they use. */
export const serverUrl = process.env.BENCH_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';

export const ISSUER = 'supplier-signal-registry';
export const OPERATOR = 'registry';
export const MEMBER_SCOPES = 'registry:read signals:write subscriptions:manage';

export interface Options {
  /** Concurrent clients for the throughput benchmarks. */
  connections: number;
  /** Seconds each measured throughput run lasts. */
  duration: number;
  /** Seconds of warm-up before each measured run. */
  warmup: number;
  /** Fan-out rounds measured per size, after `fanoutWarmup` unmeasured ones. */
  rounds: number;
  fanoutWarmup: number;
  /** fanout-hostile: seconds a stop round may take before it counts as failed. */
  roundTimeout: number;
  /** fanout-hostile: seconds each phase's rounds may start in; later rounds are not run and count as failed. */
  phaseBudget: number;
  /** fanout-hostile: the parts of the hostile mix (all of them for issue 11's bar). */
  mix: string[];
  /** fanout-hostile: seconds to wait at the end for every hostile delivery to have an attempt recorded. */
  settle: number;
  /** Subscriber counts for the fan-out benchmark. */
  sizes: number[];
  /** Registry sizes (signals) for the status benchmark; suppliers stay at `suppliers`. */
  signals: number[];
  suppliers: number;
  /**
   * status: what the signals beyond the first size are. `history`: signals that no longer
   * decide (ended, lifted, deviations older than 12 months), so the live set stays the first
   * size's — the registry grows older. `mixed`: the first size's mix again, live ones included.
   */
  growth: 'history' | 'mixed';
  /** search-flood: seconds of each status run (quiet, then under the flood; the hostile run is half). */
  floodSeconds: number;
  /** Log level of the API (the worker logs at info, one line per event). */
  apiLogLevel: string;
  /** Extra node flags for the API and the worker, e.g. --cpu-prof; after package.json's own. */
  nodeArgs: { api: string[]; worker: string[] };
  /** ingest: a git ref whose build is measured beside the current code, runs alternating. */
  baseline?: string | undefined;
  /** ingest with a baseline: measured runs of each build. */
  baselineRounds: number;
}

/** The database URL for `name` on the benchmark server. */
export function databaseUrl(name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** A fresh database; drop() removes it again (with any connections still open). */
export async function createDatabase(label: string): Promise<{ name: string; url: string; drop(): Promise<void> }> {
  const name = `bench_${label}_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  return {
    name,
    url: databaseUrl(name),
    drop: async () => {
      const client = new pg.Client({ connectionString: serverUrl });
      await client.connect();
      try {
        await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      } finally {
        await client.end();
      }
    },
  };
}

/** Removes every key under `prefix` (bounded: at most 1,000 SCAN pages). */
export async function clearRedisPrefix(prefix: string): Promise<void> {
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 1, lazyConnect: true });
  try {
    await redis.connect();
    let cursor = '0';
    for (let page = 0; page < 1_000; page++) {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1_000);
      if (keys.length > 0) await redis.del(...keys);
      cursor = next;
      if (cursor === '0') break;
    }
  } finally {
    redis.disconnect();
  }
}

export interface Api {
  base: string;
  /** JSON request with a bearer token for `as`; returns status and parsed body. */
  call<T = any>(method: string, path: string, as: string | null, body?: unknown): Promise<{ status: number; body: T }>;
  /** Like call(), but throws unless the status is one of `ok`. */
  must<T = any>(method: string, path: string, as: string | null, body: unknown, ok: number[]): Promise<T>;
}

export interface Cluster {
  label: string;
  db: { name: string; url: string };
  pool: pg.Pool;
  api: Api;
  apiService: Service;
  workerService: Service | null;
  redisPrefix: string;
  /** The environment the API was started with (secrets included), for companion servers of the benchmarks. */
  env: Record<string, string>;
  token(org: string, scope?: string): string;
  /** CPU used so far by the API, the worker, their PostgreSQL backends, this process and `extra` processes, ms. */
  cpu(extra?: Record<string, number | undefined>): Promise<Record<string, number>>;
  /** Peak RSS so far of the API and worker processes, MB. */
  memory(): { api: number | null; worker: number | null };
  stop(): Promise<{ api: number | null; worker: number | null }>;
}

/**
 * A fresh database and Redis key prefix, the API (`npm start`'s `node dist/server.js`) and the
 * worker (`node dist/worker.js`) as real processes, and a token signer for the
 * HS256 secret they share. The API applies the migrations at start-up.
 */
export async function startCluster(label: string, options: Options, extraEnv: Record<string, string> = {}, withWorker = true, root?: string): Promise<Cluster> {
  const db = await createDatabase(label);
  const redisPrefix = `bench-${label}-${randomBytes(3).toString('hex')}`;
  const jwtSecret = randomBytes(32).toString('hex');
  const auditKey = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  const port = await freePort();
  const env: Record<string, string> = {
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PORT: String(port),
    // application_name tells the API's and the worker's PostgreSQL backends apart (bench/lib/cpu.ts).
    DATABASE_URL: `${db.url}?application_name=bench-api`,
    REDIS_URL: redisUrl,
    REDIS_PREFIX: redisPrefix,
    JWT_SECRET: jwtSecret,
    AUDIT_SIGNING_KEY: auditKey,
    // Loopback receivers, plain http.
    WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'true',
    // The benchmarks measure throughput, not the per-organisation quotas: the limiter
    // still runs (and still costs its Redis round trip) but never says no.
    RATE_LIMIT_READS_PER_MINUTE: '100000000',
    RATE_LIMIT_WRITES_PER_MINUTE: '100000000',
    SENSITIVE_FLOW_PER_HOUR: '100000',
    ...extraEnv,
  };
  const apiService = await startService(`${label}-api`, registryEntry('server', root), { ...env, LOG_LEVEL: options.apiLogLevel }, options.nodeArgs.api, root);
  const agent = new Agent({ connections: 32, keepAliveTimeout: 30_000 });
  const base = `http://127.0.0.1:${port}`;
  const sign = createSigner({ key: jwtSecret, algorithm: 'HS256', iss: ISSUER, aud: ISSUER, expiresIn: 12 * 3_600_000 });
  const tokens = new Map<string, string>();
  const token = (org: string, scope = org === OPERATOR ? 'admin registry:read' : MEMBER_SCOPES) => {
    const key = `${org} ${scope}`;
    let t = tokens.get(key);
    if (!t) {
      t = sign({ sub: `${org}-bench`, org, scope });
      tokens.set(key, t);
    }
    return t;
  };
  const call: Api['call'] = async (method, path, as, body) => {
    const res = await request(`${base}${path}`, {
      method: method as 'GET',
      dispatcher: agent,
      headers: {
        ...(as ? { authorization: `Bearer ${token(as)}` } : {}),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.body.text();
    return { status: res.statusCode, body: text ? JSON.parse(text) : null };
  };
  const api: Api = {
    base,
    call,
    must: async (method, path, as, body, ok) => {
      const res = await call(method, path, as, body);
      if (!ok.includes(res.status)) throw new Error(`${method} ${path} as ${as}: ${res.status} ${JSON.stringify(res.body).slice(0, 500)}`);
      return res.body;
    },
  };

  let workerService: Service | null = null;
  const pool = new pg.Pool({ connectionString: db.url, max: 4 });
  pool.on('error', () => {});
  const stopAll = async () => {
    const memory = { api: apiService.peakRssMb(), worker: workerService?.peakRssMb() ?? null };
    await apiService.stop();
    await workerService?.stop();
    await agent.close();
    await pool.end().catch(() => {});
    await db.drop().catch((error) => process.stderr.write(`could not drop ${db.name}: ${error}\n`));
    await clearRedisPrefix(redisPrefix).catch(() => {});
    return memory;
  };
  try {
    await waitFor(
      'the API to answer /readyz',
      async () => {
        assertRunning(apiService);
        try {
          return (await call('GET', '/readyz', null)).status === 200;
        } catch {
          return false;
        }
      },
      90_000,
      200,
    );
    if (withWorker) {
      // After the API, so the migrations have been applied.
      workerService = await startService(
        `${label}-worker`,
        registryEntry('worker', root),
        { ...env, DATABASE_URL: `${db.url}?application_name=bench-worker`, LOG_LEVEL: 'info' },
        options.nodeArgs.worker,
        root,
      );
      const worker = workerService;
      await waitFor('the worker to start', () => {
        assertRunning(worker);
        return worker.log().includes('delivery workers started');
      }, 60_000, 200);
    }
  } catch (error) {
    await stopAll();
    throw error;
  }
  return {
    label,
    db,
    pool,
    api,
    apiService,
    workerService,
    redisPrefix,
    env,
    token,
    cpu: (extra = {}) => cpuSnapshot(pool, { API: apiService.child.pid, worker: workerService?.child.pid, ...extra }),
    memory: () => ({ api: apiService.peakRssMb(), worker: workerService?.peakRssMb() ?? null }),
    stop: stopAll,
  };
}
