/**
 * `npm run soak`: mixed load against the API and worker as real processes, with the
 * worker and a private Redis killed and restarted in the middle; then a drain and
 * the checks of design.md invariants 1 and 3. See docs/reliability.md.
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, rm } from 'node:fs/promises';
import { cpus, hostname, loadavg, release, tmpdir, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { registryFlags } from '../bench/lib/proc.ts';
import { signDevToken } from '../src/lib/dev-token.ts';
import { withLuhnDigit } from '../src/lib/identity-numbers.ts';
import { type Child, freePort, killAllStarted, newLogStats, PrivateRedis, sleep, startChild, waitUntil } from './children.ts';
import { Load, type Org } from './load.ts';
import { CpuSampler } from './resources.ts';
import { type Behaviour, isHostile, Receiver, startSink } from './receivers.ts';
import { type FaultRecord, historyRow, renderReport, type RunInfo, type TimelineRow, writeReliabilityDoc } from './report.ts';
import { analyse, type Filters, readDb, type Sub } from './verify.ts';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const ALL_FAULTS = ['worker-kill', 'redis-crash', 'redis-wipe', 'worker-term'] as const;
type Fault = (typeof ALL_FAULTS)[number];

const { values: args } = parseArgs({
  options: {
    duration: { type: 'string' },
    rate: { type: 'string' },
    drain: { type: 'string' },
    'max-in-flight': { type: 'string' },
    faults: { type: 'string' },
    keep: { type: 'boolean', default: false },
    'no-write': { type: 'boolean', default: false },
    'no-hostile': { type: 'boolean', default: false },
    report: { type: 'string' },
    help: { type: 'boolean', default: false },
  },
});
if (args.help) {
  process.stdout.write(
    'npm run soak -- [--duration <s>] [--rate <ops/s>] [--drain <s>] [--max-in-flight <n>] [--faults a,b|none] [--keep] [--no-write] [--no-hostile] [--report <file>]\n',
  );
  process.exit(0);
}
const num = (v: string | undefined, fallback: number, name: string) => {
  if (v === undefined || v === '') return fallback;
  const n = Number(v);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`--${name} must be a positive number`);
  return n;
};
const durationS = num(args.duration ?? process.env.SOAK_DURATION, 150, 'duration');
const rate = num(args.rate ?? process.env.SOAK_RATE, 30, 'rate');
const drainS = num(args.drain ?? process.env.SOAK_DRAIN, 120, 'drain');
const maxInFlight = num(args['max-in-flight'], 48, 'max-in-flight');
if (durationS > 24 * 3600 || drainS > 3600) throw new Error('--duration is at most a day and --drain an hour');
const faultNames: Fault[] =
  args.faults === undefined
    ? [...ALL_FAULTS]
    : args.faults === 'none'
      ? []
      : args.faults.split(',').map((f) => {
          if (!(ALL_FAULTS as readonly string[]).includes(f)) throw new Error(`unknown fault ${f}; one of ${ALL_FAULTS.join(', ')}`);
          return f as Fault;
        });
const reportPath = resolve(root, args.report ?? 'docs/reliability.md');

const runId = `${Date.now().toString(36)}${randomBytes(3).toString('hex')}`;
const workDir = join(tmpdir(), `ssr-soak-${runId}`);
const adminUrl = process.env.SOAK_PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const dbName = `soak_${runId}`;
const databaseUrl = (() => {
  const u = new URL(adminUrl);
  u.pathname = `/${dbName}`;
  return u.toString();
})();

const log = (msg: string) => process.stdout.write(`[soak ${new Date().toISOString().slice(11, 19)}] ${msg}\n`);

// ---- cleanup, however the run ends ----------------------------------------
let dbCreated = false;
const dropDatabase = async () => {
  if (!dbCreated || args.keep) return;
  const admin = new pg.Client({ connectionString: adminUrl });
  try {
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS "${dbName}" WITH (FORCE)`);
    dbCreated = false;
  } catch (error) {
    log(`could not drop ${dbName}: ${(error as Error).message}`);
  } finally {
    await admin.end().catch(() => {});
  }
};
process.on('exit', killAllStarted);
/** Set once the soak itself stops the processes, so their exits are not reported as crashes. */
let stopping = false;
let interrupted = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (interrupted) process.exit(130);
    interrupted = true;
    stopping = true;
    log(`${signal}: stopping the processes this soak started and dropping ${dbName}`);
    killAllStarted();
    void dropDatabase().finally(() => process.exit(130));
  });
}

// ---- the cast ---------------------------------------------------------------
const orgs: Org[] = [
  { id: 'adda', kind: 'purchasing_centre', name: 'Adda Inköpscentral (soak)' },
  { id: 'kfv', kind: 'federation', name: 'Kommunförbundet Västernorrland (soak)' },
  { id: 'sundsvall', kind: 'municipality', name: 'Sundsvalls kommun (soak)', municipalityCode: '2281', federationId: 'kfv' },
  { id: 'timra', kind: 'municipality', name: 'Timrå kommun (soak)', municipalityCode: '2262', federationId: 'kfv' },
  { id: 'harnosand', kind: 'municipality', name: 'Härnösands kommun (soak)', municipalityCode: '2280', federationId: 'kfv' },
  { id: 'umea', kind: 'municipality', name: 'Umeå kommun (soak)', municipalityCode: '2480' },
  { id: 'revisor', kind: 'auditor', name: 'Kommunrevisionen (soak)' },
];
const orgById = new Map(orgs.map((o) => [o.id, o]));

function supplierNumbers(n: number): string[] {
  // Digits 3–4 from 20 up make it a company number, never a personnummer.
  return Array.from({ length: n }, (_, i) => {
    const full = withLuhnDigit(`55${20 + (i % 80)}${String(10_000 + i * 7).padStart(5, '0')}`);
    return `${full.slice(0, 6)}-${full.slice(6)}`;
  });
}

async function main(): Promise<number> {
  await mkdir(workDir, { recursive: true });
  log(`run ${runId}: ${durationS} s of load at ${rate} ops/s, drain up to ${drainS} s, faults: ${faultNames.join(', ') || 'none'}; logs in ${workDir}`);

  // ---- database, Redis, API, worker -----------------------------------------
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  const pgVersion = (await admin.query('SHOW server_version')).rows[0].server_version as string;
  await admin.query(`CREATE DATABASE "${dbName}"`);
  dbCreated = true;
  await admin.end();

  const redis = new PrivateRedis(await freePort(), join(workDir, 'redis'), join(workDir, 'redis.log'));
  // Every pid that played a role, so CPU time is counted across restarts.
  const rolePids: Array<{ role: string; pid: number }> = [];
  const cpu = new CpuSampler(() => [...rolePids, ...(redis.child ? [{ role: 'Redis', pid: redis.child.pid }] : [])], dbName);
  cpu.start();
  await redis.start();
  const redisVersion = execFileSync('redis-server', ['--version']).toString().match(/v=(\S+)/)?.[1] ?? '?';

  const apiPort = await freePort();
  const api = `http://127.0.0.1:${apiPort}`;
  const jwtSecret = randomBytes(32).toString('hex');
  const baseEnv: Record<string, string> = {};
  const inherited = ['PATH', 'HOME', 'LANG', 'TZ', 'TMPDIR'];
  for (const k of inherited) if (process.env[k]) baseEnv[k] = process.env[k]!;
  const serviceEnv = (logLevel: string): Record<string, string> => ({
    ...baseEnv,
    NODE_ENV: 'development',
    DATABASE_URL: databaseUrl,
    DATABASE_POOL_SIZE: '10',
    REDIS_URL: redis.url,
    REDIS_PREFIX: 'soak',
    JWT_SECRET: jwtSecret,
    HOST: '127.0.0.1',
    PORT: String(apiPort),
    LOG_LEVEL: logLevel,
    RUN_WORKERS: 'false',
    WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'true',
    RELAY_POLL_MS: '500',
    WEBHOOK_CONNECT_TIMEOUT_MS: '1000',
    WEBHOOK_TIMEOUT_MS: '3000',
    WORKER_LOCK_MS: '3000',
    WORKER_CONCURRENCY: '50',
    WORKER_URGENT_CONCURRENCY: '16',
    WORKER_RETRY_CONCURRENCY: '32',
    WORKER_RESEND_CONCURRENCY: '8',
    RATE_LIMIT_READS_PER_MINUTE: '1000000',
    RATE_LIMIT_WRITES_PER_MINUTE: '1000000',
    SENSITIVE_FLOW_PER_HOUR: '1000000',
  });

  const apiLog = newLogStats();
  const apiChild = startChild({
    name: 'api',
    command: process.execPath,
    // With the flags npm start gives it (the preflight, the heap settings), on the sources.
    args: [...registryFlags('server', root), 'src/server.ts'],
    env: serviceEnv('warn'),
    cwd: root,
    logFile: join(workDir, 'api.log'),
    stats: apiLog,
  });
  rolePids.push({ role: 'API', pid: apiChild.pid });
  let apiExited = false;
  void apiChild.exited.then((how) => {
    apiExited = true;
    if (!stopping) log(`!! the API exited on its own (${how})`);
  });
  await waitUntil('the API', async () => (await fetch(`${api}/healthz`)).ok, 60_000, 200);
  log(`API up on ${api} (pid ${apiChild.pid}); PostgreSQL ${pgVersion}, Redis ${redisVersion} on ${redis.port}`);

  const workerLog = newLogStats();
  const workerExits: string[] = [];
  let workerSerial = 0;
  const startWorker = async (): Promise<Child> => {
    workerSerial += 1;
    let ready = false;
    const child = startChild({
      name: `worker-${workerSerial}`,
      command: process.execPath,
      // As npm run worker runs it (its heap capped), on the sources.
      args: [...registryFlags('worker', root), 'src/worker.ts'],
      env: serviceEnv('info'),
      cwd: root,
      logFile: join(workDir, 'worker.log'),
      stats: workerLog,
      onLine: (line) => {
        if (line.includes('"delivery workers started"')) ready = true;
      },
    });
    const n = workerSerial;
    rolePids.push({ role: 'worker', pid: child.pid });
    void child.exited.then((how) => workerExits.push(`worker-${n} ${how}`));
    await waitUntil(`worker-${n}`, () => ready, 60_000, 50);
    return child;
  };
  let worker = await startWorker();
  log(`worker-1 up (pid ${worker.pid})`);

  // ---- the registry's content -------------------------------------------
  const token = (() => {
    const cache = new Map<string, string>();
    const cfg = { JWT_SECRET: jwtSecret, JWT_ISSUER: 'supplier-signal-registry', JWT_AUDIENCE: 'supplier-signal-registry' };
    return (org: string) => {
      let t = cache.get(org);
      if (!t) {
        const scope =
          org === 'registry'
            ? 'admin registry:read'
            : orgById.get(org)?.kind === 'auditor'
              ? 'registry:read subscriptions:manage audit:read'
              : 'registry:read signals:write subscriptions:manage';
        t = signDevToken(cfg, { org, scope, sub: `${org}-soak` }, 24 * 3_600_000);
        cache.set(org, t);
      }
      return t;
    };
  })();
  const setup = async (method: string, path: string, org: string, body?: unknown): Promise<any> => {
    const res = await fetch(`${api}${path}`, {
      method,
      headers: { authorization: `Bearer ${token(org)}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`set-up ${method} ${path} as ${org}: ${res.status} ${text}`);
    return text ? JSON.parse(text) : null;
  };

  for (const org of orgs) await setup('POST', '/v1/organisations', 'registry', org);
  const suppliers = supplierNumbers(40);
  for (const [i, orgNumber] of suppliers.entries()) {
    await setup('PUT', `/v1/suppliers/${orgNumber}`, 'sundsvall', { name: `Soakgården ${i + 1} Omsorg AB`, units: [{ name: `Soakgården ${i + 1} HVB`, kind: 'hvb' }] });
  }
  const agreement = await setup('POST', '/v1/agreements', 'adda', { name: 'HVB barn och unga (soak)', category: 'hvb_children', validFrom: '2026-01-01' });
  for (const orgNumber of suppliers) await setup('PUT', `/v1/agreements/${agreement.id}/suppliers/${orgNumber}`, 'adda');

  const t0 = Date.now();
  type Planned = { org: string; name: string; behaviour: Behaviour; filters: Filters };
  const plan = ([
    { org: 'sundsvall', name: 'healthy-1', behaviour: { kind: 'healthy' }, filters: {} },
    { org: 'timra', name: 'healthy-2', behaviour: { kind: 'healthy' }, filters: {} },
    { org: 'umea', name: 'slow-1', behaviour: { kind: 'slow', minMs: 50, maxMs: 600 }, filters: {} },
    { org: 'kfv', name: 'flaky-1', behaviour: { kind: 'flaky-first', fraction: 0.3 }, filters: {} },
    { org: 'revisor', name: 'auditor-1', behaviour: { kind: 'healthy' }, filters: {} },
    { org: 'adda', name: 'windows-1', behaviour: { kind: 'windows', everyMs: 25_000, downMs: 3_000 }, filters: {} },
    { org: 'harnosand', name: 'down-first', behaviour: { kind: 'down-first', downMs: 10_000 }, filters: {} },
    { org: 'timra', name: 'hang-1', behaviour: { kind: 'hang-first', fraction: 0.05, hangMs: 4_000 }, filters: {} },
    { org: 'umea', name: 'stops-only', behaviour: { kind: 'healthy' }, filters: { types: ['call_off_stop', 'termination'] } },
    { org: 'kfv', name: 'high-only', behaviour: { kind: 'slow', minMs: 20, maxMs: 200 }, filters: { minSeverity: 'high' } },
    { org: 'revisor', name: 'ten-suppliers', behaviour: { kind: 'flaky-first', fraction: 0.3 }, filters: { suppliers: suppliers.slice(0, 10) } },
    { org: 'sundsvall', name: 'by-municipality', behaviour: { kind: 'healthy' }, filters: { municipalityCodes: ['2262', '2480'] } },
    { org: 'adda', name: 'windows-2', behaviour: { kind: 'windows', everyMs: 17_000, downMs: 2_000 }, filters: { types: ['deviation'], minSeverity: 'medium' } },
    { org: 'harnosand', name: 'healthy-3', behaviour: { kind: 'healthy' }, filters: {} },
    // Hostile: nothing sent to these can ever succeed. Two organisations own them, beside healthy subscriptions of their own.
    { org: 'sundsvall', name: 'trickle-1', behaviour: { kind: 'trickle', everyMs: 1_000 }, filters: {} },
    { org: 'sundsvall', name: 'trickle-2', behaviour: { kind: 'trickle', everyMs: 2_000 }, filters: {} },
    { org: 'sundsvall', name: 'trickle-stops', behaviour: { kind: 'trickle', everyMs: 500 }, filters: { types: ['call_off_stop', 'termination'] } },
    { org: 'timra', name: 'hang-all-1', behaviour: { kind: 'hang' }, filters: {} },
    { org: 'timra', name: 'hang-all-2', behaviour: { kind: 'hang' }, filters: {} },
    { org: 'timra', name: 'hang-stops', behaviour: { kind: 'hang' }, filters: { types: ['call_off_stop', 'termination'] } },
  ] satisfies Planned[]).filter((p: Planned) => !(args['no-hostile'] && isHostile(p.behaviour)));
  const subs: Sub[] = [];
  const subscribe = async (org: string, receiver: Receiver, filters: Filters, fixed: boolean) => {
    await receiver.start();
    const created = await setup('POST', '/v1/subscriptions', org, { url: receiver.url, description: `soak: ${receiver.name}`, filters });
    receiver.secret = created.secret;
    subs.push({ id: created.id, org, filters, receiver, fixed, ackAt: Date.now() });
  };
  for (const p of plan) await subscribe(p.org, new Receiver(p.name, p.behaviour, t0), p.filters, true);
  const sink = await startSink();
  log(`set up ${orgs.length} organisations, ${suppliers.length} suppliers, 1 agreement, ${subs.length} subscriptions`);

  // ---- load, faults and late subscriptions ------------------------------
  const load = new Load({ api, token, orgs, suppliers, agreementId: agreement.id, sinkUrl: sink.url });
  const durationMs = durationS * 1000;
  const loadStart = Date.now();
  const rel = () => (Date.now() - loadStart) / 1000;
  const faults: FaultRecord[] = [];

  const cycles = Math.max(1, Math.floor(durationS / 300));
  const cycleMs = durationMs / cycles;
  const schedule: Array<{ at: number; fault: Fault }> = [];
  const offsets: Record<Fault, number> = { 'worker-kill': 0.2, 'redis-crash': 0.4, 'redis-wipe': 0.62, 'worker-term': 0.82 };
  for (let c = 0; c < cycles; c++) for (const f of faultNames) schedule.push({ at: c * cycleMs + offsets[f] * cycleMs, fault: f });
  schedule.sort((x, y) => x.at - y.at);

  let runningFault: string | null = null;
  const runFault = async (fault: Fault) => {
    runningFault = fault;
    const at = rel();
    const t = Date.now();
    switch (fault) {
      case 'worker-kill': {
        const old = worker;
        old.kill('SIGKILL');
        await old.exited;
        await sleep(2_000);
        worker = await startWorker();
        faults.push({ name: 'worker SIGKILL', atS: at, detail: `worker pid ${old.pid} killed mid-load; a new worker (pid ${worker.pid}) was delivering again ${secs(Date.now() - t)} after the kill` });
        break;
      }
      case 'worker-term': {
        const old = worker;
        old.kill('SIGTERM');
        const how = await Promise.race([old.exited, sleep(25_000).then(() => 'still running after 25 s')]);
        const drained = Date.now() - t;
        worker = await startWorker();
        faults.push({ name: 'worker SIGTERM', atS: at, detail: `worker pid ${old.pid} drained and exited (${how}) in ${secs(drained)}; new worker (pid ${worker.pid}) up ${secs(Date.now() - t)} after the signal` });
        break;
      }
      case 'redis-crash': {
        await redis.crash();
        await sleep(8_000);
        await redis.start();
        faults.push({ name: 'Redis SIGKILL, restart from AOF', atS: at, detail: `down ${secs(Date.now() - t)}; restarted with its append-only file` });
        break;
      }
      case 'redis-wipe': {
        await redis.crash();
        await redis.wipe();
        await sleep(5_000);
        await redis.start();
        faults.push({ name: 'Redis SIGKILL, restart empty', atS: at, detail: `down ${secs(Date.now() - t)}; data deleted, so every queued job and delayed retry was gone` });
        break;
      }
    }
    runningFault = null;
    log(`fault done: ${faults.at(-1)!.name} (${faults.at(-1)!.detail})`);
  };
  const faultRunner = (async () => {
    for (const s of schedule) {
      const wait = loadStart + s.at - Date.now();
      if (wait > 0) await sleep(wait);
      if (rel() * 1000 >= durationMs) break;
      log(`fault: ${s.fault} at ${rel().toFixed(1)} s`);
      await runFault(s.fault);
    }
  })();

  const lateOwners = ['sundsvall', 'kfv', 'revisor', 'umea'];
  const lateRunner = (async () => {
    const count = Math.min(12, 4 * cycles);
    for (let i = 0; i < count; i++) {
      const wait = loadStart + ((i + 0.5) / count) * durationMs - Date.now();
      if (wait > 0) await sleep(wait);
      if (rel() * 1000 >= durationMs) break;
      try {
        await subscribe(lateOwners[i % lateOwners.length]!, new Receiver(`late-${i + 1}`, { kind: 'healthy' }, t0), {}, false);
      } catch (error) {
        // A 5xx here would also show in the API log; the load's own counts cover the rest.
        log(`late subscription ${i + 1} failed: ${(error as Error).message}`);
      }
    }
  })();

  const readiness = { probes: 0, notReady: 0, longestNotReadyS: 0 };
  let probing = true;
  const probeRunner = (async () => {
    let since: number | null = null;
    while (probing) {
      readiness.probes += 1;
      let ok = false;
      try {
        ok = (await fetch(`${api}/readyz`, { signal: AbortSignal.timeout(2_000) })).ok;
      } catch {
        ok = false;
      }
      if (!ok) {
        readiness.notReady += 1;
        since ??= Date.now();
        readiness.longestNotReadyS = Math.max(readiness.longestNotReadyS, (Date.now() - since) / 1000);
      } else since = null;
      await sleep(500);
    }
  })();

  // A row every 10 s: what the clients saw and how far behind the deliveries were.
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 3 });
  const timeline: TimelineRow[] = [];
  let sampling = true;
  let lastAccepted = 0;
  let lastRequests = 0;
  let faultsSeen = 0;
  const hostileIds = subs.filter((x) => isHostile(x.receiver.behaviour)).map((x) => x.id);
  const sampleTimeline = async () => {
    const accepted = subs.reduce((s, x) => s + x.receiver.stats.accepted, 0);
    let pending = -1;
    let unrelayed = -1;
    let hostilePending = -1;
    let circuitWaiting = -1;
    let hostileAttempts = -1;
    try {
      // Pending deliveries of the healthy subscriptions, and of the hostile ones: how many, how many
      // wait (not leased) while their endpoint's circuit is open, and the attempts made to them so far.
      const r = await pool.query(
        `SELECT count(*) FILTER (WHERE d.status = 'pending' AND d.subscription_id <> ALL($1::uuid[]))::int AS pending,
                count(*) FILTER (WHERE d.status = 'pending' AND d.subscription_id = ANY($1::uuid[]))::int AS hostile_pending,
                count(*) FILTER (WHERE d.status = 'pending' AND d.subscription_id = ANY($1::uuid[]) AND s.circuit_open_until > now()
                                   AND (d.leased_until IS NULL OR d.leased_until < now()))::int AS circuit_waiting,
                coalesce(sum(d.attempts) FILTER (WHERE d.subscription_id = ANY($1::uuid[])), 0)::int AS hostile_attempts,
                (SELECT count(*)::int FROM events WHERE relayed_at IS NULL) AS unrelayed
         FROM deliveries d JOIN subscriptions s ON s.id = d.subscription_id`,
        [hostileIds],
      );
      pending = r.rows[0].pending;
      unrelayed = r.rows[0].unrelayed;
      hostilePending = r.rows[0].hostile_pending;
      circuitWaiting = r.rows[0].circuit_waiting;
      hostileAttempts = r.rows[0].hostile_attempts;
    } catch {
      // the database is busy or gone; leave it blank
    }
    timeline.push({
      t: Math.round(rel()),
      requests: load.stats.total - lastRequests,
      fiveXX: load.stats.serverErrors.length,
      acked: load.acked.length,
      accepted: accepted - lastAccepted,
      pending,
      unrelayed,
      hostilePending,
      circuitWaiting,
      hostileAttempts,
      faults: faults.slice(faultsSeen).map((f) => f.name),
      running: runningFault,
      loadAvg: loadavg()[0] ?? 0,
    });
    faultsSeen = faults.length;
    lastAccepted = accepted;
    lastRequests = load.stats.total;
  };
  const timelineRunner = (async () => {
    while (sampling) {
      await sleep(10_000 - ((Date.now() - loadStart) % 10_000));
      if (sampling) await sampleTimeline();
    }
  })();
  let lastProgress = 0;
  await load.run(durationMs, rate, maxInFlight, (elapsed) => {
    if (elapsed - lastProgress < 10_000) return;
    lastProgress = elapsed;
    const received = subs.reduce((s, x) => s + x.receiver.stats.accepted, 0);
    log(
      `t=${(elapsed / 1000).toFixed(0)} s: ${load.stats.total} requests, ${load.stats.serverErrors.length} 5xx, ${load.stats.networkErrors.length} no answer, ` +
        `${load.acked.length} writes acknowledged, ${received} webhooks accepted`,
    );
  });
  log(`load done after ${rel().toFixed(1)} s: ${load.stats.total} requests; waiting for faults in progress`);
  await faultRunner;
  await lateRunner;

  // ---- drain ---------------------------------------------------------------
  const drainStart = Date.now();
  const drainDeadline = drainStart + drainS * 1000;
  let analysis = analyse(await readDb(pool), subs, orgById, load.acked);
  let drainComplete = false;
  let drainOutcome = `not complete after ${drainS} s`;
  while (Date.now() < drainDeadline) {
    const db = await readDb(pool);
    analysis = analyse(db, subs, orgById, load.acked);
    const missing = analysis.missingLost + analysis.missingReceiverFailing;
    if (analysis.unrelayed === 0 && missing === 0) {
      drainComplete = true;
      drainOutcome = `complete after ${((Date.now() - drainStart) / 1000).toFixed(1)} s`;
      break;
    }
    // What waits for a 5-minute retry past the deadline cannot arrive in this drain.
    if (analysis.unrelayed === 0 && analysis.missingLost === 0) {
      const hostile = new Set(hostileIds);
      const pendingBeyond = db.deliveries.filter(
        (d) => !hostile.has(d.subscriptionId) && d.status === 'pending' && d.nextMs !== null && d.nextMs > drainDeadline,
      ).length;
      if (pendingBeyond >= analysis.missingReceiverFailing) {
        drainOutcome = `ended after ${((Date.now() - drainStart) / 1000).toFixed(1)} s: everything else delivered; ${analysis.missingReceiverFailing} wait for a retry due after the drain's deadline`;
        break;
      }
    }
    if ((Date.now() - drainStart) % 10_000 < 1_000) {
      log(`draining: ${analysis.unrelayed} unrelayed, ${missing} deliveries outstanding of ${analysis.expectedTotal}`);
    }
    await sleep(1_000);
  }
  const drainNeededS = (Date.now() - drainStart) / 1000;
  analysis = analyse(await readDb(pool, true), subs, orgById, load.acked);
  log(`drain ${drainOutcome}`);
  sampling = false;
  await sampleTimeline();
  void timelineRunner;
  const deadlocks = Number((await pool.query('SELECT deadlocks FROM pg_stat_database WHERE datname = current_database()')).rows[0]?.deadlocks ?? 0);
  probing = false;
  await probeRunner;
  await pool.end();

  // ---- stop ------------------------------------------------------------------
  stopping = true;
  worker.kill('SIGTERM');
  apiChild.kill('SIGTERM');
  const [workerHow, apiHow] = await Promise.all([
    Promise.race([worker.exited, sleep(25_000).then(() => 'timeout')]),
    Promise.race([apiChild.exited, sleep(20_000).then(() => 'timeout')]),
  ]);
  await redis.stop();
  await cpu.stop();
  for (const s of subs) await s.receiver.close();
  await sink.close();
  const exitCodes = `API ${apiHow} on SIGTERM; ${workerExits.join(', ')}${workerHow === 'timeout' ? ' (last worker did not exit within 25 s)' : ''}`;

  // ---- verdict and report ------------------------------------------------
  const failures: string[] = [];
  const a = analysis;
  if (load.stats.serverErrors.length) failures.push(`${load.stats.serverErrors.length} 5xx answers`);
  if (apiExited && apiHow !== '0') failures.push('the API died during the run');
  if (a.ackedMissingVersion.length) failures.push(`${a.ackedMissingVersion.length} acknowledged writes missing`);
  if (a.ackedMissingEvent.length) failures.push(`${a.ackedMissingEvent.length} acknowledged writes without an event`);
  if (a.missingLost) failures.push(`${a.missingLost} deliveries not made by the end of the drain`);
  if (a.unexpectedTotal) failures.push(`${a.unexpectedTotal} unexpected webhooks`);
  const invalid = subs.reduce((s, x) => s + x.receiver.stats.invalidSignature + x.receiver.stats.idMismatch, 0);
  if (invalid) failures.push(`${invalid} webhooks with a bad signature or id`);
  if (load.counters.replayMismatches.length) failures.push(`${load.counters.replayMismatches.length} idempotent replays that differed`);
  if (load.counters.stopReadNotBlocked.length) failures.push(`${load.counters.stopReadNotBlocked.length} status reads not blocked after a stop`);
  const rowDisagreements = a.subs.reduce((s, x) => s + x.rowsNotExpected, 0);
  if (rowDisagreements) failures.push(`${rowDisagreements} delivery rows disagree with the expected matching`);
  if (a.healthyUnrecorded) failures.push(`${a.healthyUnrecorded} deliveries whose attempts are not all in delivery_attempts`);
  // The hostile subscriptions: nothing can succeed there, and nothing may be lost.
  const hsum = (f: (h: (typeof a.hostile)[number]) => number) => a.hostile.reduce((s, h) => s + f(h), 0);
  if (hsum((h) => h.missingRows + h.rowsNotExpected))
    failures.push(`${hsum((h) => h.missingRows)} hostile deliveries without a row, ${hsum((h) => h.rowsNotExpected)} rows not expected`);
  if (hsum((h) => h.succeeded)) failures.push(`${hsum((h) => h.succeeded)} hostile deliveries recorded as succeeded`);
  if (hsum((h) => h.failed)) failures.push(`${hsum((h) => h.failed)} hostile deliveries given up`);
  if (hsum((h) => h.unrecorded)) failures.push(`${hsum((h) => h.unrecorded)} hostile deliveries whose attempts are not all in delivery_attempts`);
  if (hsum((h) => h.notTimeout)) failures.push(`${hsum((h) => h.notTimeout)} attempts to hostile endpoints that did not end as TIMEOUT`);
  if (hsum((h) => h.sub.receiver.stats.accepted)) failures.push('a hostile receiver accepted a webhook');

  // Not a broken promise, but worth a look.
  const warnings: string[] = [];
  if (deadlocks) warnings.push(`PostgreSQL detected ${deadlocks} deadlock(s) in the soak database`);
  const failedJobs = workerLog.byMessage.get('warn: job failed') ?? 0;
  if (failedJobs) warnings.push(`${failedJobs} queue job(s) failed in the worker (see its log)`);
  if (apiLog.errors) warnings.push(`${apiLog.errors} error line(s) in the API log`);
  if (workerLog.errors) warnings.push(`${workerLog.errors} error line(s) in the worker log`);
  if (a.missingReceiverFailing) warnings.push(`${a.missingReceiverFailing} deliveries still waiting for a retry because their receiver failed`);
  if (hsum((h) => h.overdue)) warnings.push(`${hsum((h) => h.overdue)} hostile deliveries overdue by more than 35 s and not leased`);

  const cpuInfo = cpus();
  const loadAvgMax = Math.max(0, ...timeline.map((r) => r.loadAvg));
  const info: RunInfo = {
    date: new Date().toISOString(),
    machine: `${hostname()}, ${cpuInfo.length} × ${cpuInfo[0]?.model.trim() ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB RAM, Linux ${release()}`,
    versions: `Node ${process.version}, PostgreSQL ${pgVersion}, Redis ${redisVersion} (private instance, AOF everysec, noeviction)`,
    settings: `${durationS} s load at ${rate} ops/s (in-flight cap ${maxInFlight}), drain up to ${drainS} s, ${subs.length} subscriptions (${plan.length} before the load, ${hostileIds.length} of them hostile; ${subs.length - plan.length} during it), ${suppliers.length} suppliers, ${orgs.length} organisations`,
    durationS,
    drainS,
    drainNeededS,
    drainComplete,
    drainOutcome,
    timeline,
    cpu: cpu.summary(),
    loadAverage: loadAvgMax,
    faults,
    readiness,
    stats: load.stats,
    counters: load.counters,
    analysis,
    apiLog,
    workerLog,
    exitCodes,
    sinkReceived: sink.count(),
    logDir: workDir,
    failures,
    warnings,
    deadlocks,
  };
  const report = renderReport(info);
  process.stdout.write(`\n${report}\n`);
  if (!args['no-write']) {
    await mkdir(dirname(reportPath), { recursive: true });
    await writeReliabilityDoc(reportPath, report, historyRow(info));
    log(`wrote ${reportPath}`);
  }
  await dropDatabase();
  await rm(join(workDir, 'redis'), { recursive: true, force: true });
  return failures.length === 0 ? 0 : 1;
}

const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

try {
  const code = await main();
  process.exit(code);
} catch (error) {
  log(`soak aborted: ${(error as Error).stack ?? String(error)}`);
  killAllStarted();
  await dropDatabase();
  process.exit(2);
}
