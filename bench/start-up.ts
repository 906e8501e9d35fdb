import { type ChildProcess, spawn } from 'node:child_process';
import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { createSigner } from 'fast-jwt';
import { type Api, clearRedisPrefix, createDatabase, ISSUER, MEMBER_SCOPES, OPERATOR, redisUrl } from './lib/cluster.ts';
import { freePort, registryFlags, repoRoot, sleep } from './lib/proc.ts';
import { createPurchasingCentre, PURCHASING_CENTRE } from './lib/registry.ts';
import { seedSuppliers } from './status/seed.ts';

/**
 * Start-up and memory of the API, one process at a time (take the machine quiet first):
 *   node bench/start-up.ts [--runs 5] [--entry dist/server.js] [--entry src/server.ts] [--requests 10000] [--cwd <checkout>]
 * Each run starts the API as `npm start` does (NODE_ENV=production, its node flags) on one
 * migrated database and Redis, times spawn → first 200 from /readyz, waits `--idle` ms and
 * reads its resident set (VmRSS) and peak (VmHWM) from /proc. The entries alternate run by
 * run, after one unmeasured start each (the first applies the migrations). With --requests,
 * one more start per entry serves that many GET /v1/suppliers/{n}/status (autocannon, 10
 * connections, random suppliers of 1,000) and its resident set and peak are read after.
 * `--load-runs` repeats that. `--cwd` measures another checkout (e.g. a `git archive` of an older commit) on this one's
 * node_modules; `--node-arg` adds node flags (e.g. --import=<a file that writes a heap snapshot>).
 */
const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '5' },
    entry: { type: 'string', multiple: true, default: ['src/server.ts'] },
    requests: { type: 'string', default: '0' },
    'load-runs': { type: 'string', default: '1' },
    idle: { type: 'string', default: '2000' },
    'node-arg': { type: 'string', multiple: true, default: [] },
    cwd: { type: 'string' },
  },
});
const runs = Number(values.runs);
const requests = Number(values.requests);

const status = (pid: number) => {
  const text = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (field: string) => Number(new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(text)?.[1] ?? Number.NaN);
  return { rss: Math.round(kb('VmRSS') / 102.4) / 10, hwm: Math.round(kb('VmHWM') / 102.4) / 10 };
};

const db = await createDatabase('startup');
const jwtSecret = randomBytes(32).toString('hex');
const env = {
  PATH: process.env.PATH ?? '',
  HOME: process.env.HOME ?? '',
  NODE_ENV: 'production',
  HOST: '127.0.0.1',
  DATABASE_URL: db.url,
  REDIS_URL: redisUrl,
  REDIS_PREFIX: `bench-startup-${randomBytes(3).toString('hex')}`,
  JWT_SECRET: jwtSecret,
  AUDIT_SIGNING_KEY: generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
  LOG_LEVEL: 'warn',
  RATE_LIMIT_READS_PER_MINUTE: '100000000',
  RATE_LIMIT_WRITES_PER_MINUTE: '100000000',
};

async function start(entry: string): Promise<{ child: ChildProcess; base: string; readyMs: number }> {
  const port = await freePort();
  const t0 = performance.now();
  const child = spawn(process.execPath, [...registryFlags('server'), ...values['node-arg'], entry], {
    cwd: values.cwd ?? repoRoot,
    env: { ...env, PORT: String(port) },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const base = `http://127.0.0.1:${port}`;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${entry} exited ${child.exitCode}`);
    const ok = await fetch(`${base}/readyz`).then((r) => r.status === 200, () => false);
    if (ok) return { child, base, readyMs: Math.round(performance.now() - t0) };
    if (performance.now() - t0 > 60_000) throw new Error(`${entry}: not ready after 60 s`);
    await sleep(10);
  }
}

const stop = (child: ChildProcess) =>
  new Promise<void>((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const results: Record<string, { readyMs: number[]; idleRss: number[]; idleHwm: number[]; load?: { rss: number[]; hwm: number[]; perSecond: number[]; non2xx: number } }> = {};
try {
  for (const entry of values.entry) {
    // Unmeasured: applies the migrations (first entry) and warms the file cache.
    const { child } = await start(entry);
    await stop(child);
    results[entry] = { readyMs: [], idleRss: [], idleHwm: [] };
  }
  for (let run = 0; run < runs; run++) {
    for (const entry of values.entry) {
      const { child, readyMs } = await start(entry);
      await sleep(Number(values.idle));
      const { rss, hwm } = status(child.pid!);
      await stop(child);
      const r = results[entry]!;
      r.readyMs.push(readyMs);
      r.idleRss.push(rss);
      r.idleHwm.push(hwm);
      process.stderr.write(`${entry}: ready ${readyMs} ms, idle RSS ${rss} MB (peak ${hwm} MB)\n`);
    }
  }
  if (requests > 0) {
    const sign = createSigner({ key: jwtSecret, algorithm: 'HS256', iss: ISSUER, aud: ISSUER, expiresIn: 3_600_000 });
    let suppliers: string[] = [];
    for (let loadRun = 0; loadRun < Number(values['load-runs']); loadRun++) for (const entry of values.entry) {
      const { child, base } = await start(entry);
      if (suppliers.length === 0) {
        const call: Api['call'] = async (method, path, as, body) => {
          const res = await fetch(`${base}${path}`, {
            method,
            headers: {
              ...(as ? { authorization: `Bearer ${sign({ sub: `${as}-bench`, org: as, scope: as === OPERATOR ? 'admin registry:read' : MEMBER_SCOPES })}` } : {}),
              ...(body === undefined ? {} : { 'content-type': 'application/json' }),
            },
            ...(body === undefined ? {} : { body: JSON.stringify(body) }),
          });
          const text = await res.text();
          return { status: res.status, body: text ? JSON.parse(text) : null };
        };
        const api: Api = {
          base,
          call,
          must: async (method, path, as, body, ok) => {
            const res = await call(method, path, as, body);
            if (!ok.includes(res.status)) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(res.body)}`);
            return res.body;
          },
        };
        suppliers = await seedSuppliers(db.url, 1_000, await createPurchasingCentre(api));
      }
      const token = sign({ sub: `${PURCHASING_CENTRE}-bench`, org: PURCHASING_CENTRE, scope: MEMBER_SCOPES });
      const result = await autocannon({
        url: base,
        connections: 10,
        amount: requests,
        headers: { authorization: `Bearer ${token}` },
        requests: [{ setupRequest: (req) => ({ ...req, path: `/v1/suppliers/${suppliers[Math.floor(Math.random() * suppliers.length)]}/status` }) }],
      });
      await sleep(Number(values.idle));
      const { rss, hwm } = status(child.pid!);
      await stop(child);
      const load = (results[entry]!.load ??= { rss: [], hwm: [], perSecond: [], non2xx: 0 });
      load.rss.push(rss);
      load.hwm.push(hwm);
      load.perSecond.push(Math.round(result.requests.total / result.duration));
      load.non2xx += result.non2xx;
      process.stderr.write(`${entry}: after ${requests} status reads RSS ${rss} MB, peak ${hwm} MB (${Math.round(result.requests.total / result.duration)}/s, non-2xx ${result.non2xx})\n`);
    }
  }
} finally {
  await db.drop();
  await clearRedisPrefix(env.REDIS_PREFIX);
}

for (const [entry, r] of Object.entries(results)) {
  process.stdout.write(
    `${entry}: ready median ${median(r.readyMs)} ms [${r.readyMs.join(', ')}]; idle RSS median ${median(r.idleRss)} MB [${r.idleRss.join(', ')}]; idle peak median ${median(r.idleHwm)} MB${
      r.load
        ? `; after ${requests} status reads RSS median ${median(r.load.rss)} MB [${r.load.rss.join(', ')}], peak median ${median(r.load.hwm)} MB [${r.load.hwm.join(', ')}], ${median(r.load.perSecond)}/s [${r.load.perSecond.join(', ')}], non-2xx ${r.load.non2xx}`
        : ''
    }\n`,
  );
}
