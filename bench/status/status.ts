import type autocannon from 'autocannon';
import type pg from 'pg';
import { connectPostgres, type Tx } from '../../src/db/client.ts';
import { createSignalRepository } from '../../src/modules/signals/signals.repository.ts';
import { createStatusRepository } from '../../src/modules/status/status.repository.ts';
import type { Principal } from '../../src/plugins/auth.ts';
import { type Cluster, type Options, startCluster } from '../lib/cluster.ts';
import { cpuDelta, cpuPer } from '../lib/cpu.ts';
import { type LoadResult, runLoad } from '../lib/load.ts';
import { freePort, type Service, startService, waitFor } from '../lib/proc.ts';
import { createOrganisations, createPurchasingCentre, dashed, members, PURCHASING_CENTRE } from '../lib/registry.ts';
import { log, ms, pct, perSec, ratio, type Row, summary, times } from '../lib/report.ts';
import type { BenchOutcome } from '../lib/types.ts';
import { rng, type SeedContext, seedSentinels, seedSignals, seedSuppliers } from './seed.ts';

const BATCH_SIZE = 1_000;
const BATCH_CONNECTIONS = 4;

type Expected = 'blocked' | 'clear' | 'caution';

interface SizeResult {
  signals: number;
  /** Signals that decide a status now (live), of `signals`. */
  live: number;
  /** Whether the signals added for this size were history (--growth history). */
  history: boolean;
  seedSeconds: number;
  hello: LoadResult;
  /** The bare server doing a status read's round trips (bench/status/bare.ts): the fair limit. */
  bare: LoadResult;
  status: LoadResult & { checked: number; wrong: number; sentinelReads: number };
  batch: LoadResult & { checked: number; wrong: number; connections: number };
  /** The same batches one at a time. */
  batchAlone: LoadResult & { checked: number; wrong: number; connections: number };
  /** CPU per request by part of the system, µs (bench/lib/cpu.ts). */
  cpuPerRequest: { hello: ReturnType<typeof cpuPer>; status: ReturnType<typeof cpuPer>; batch: ReturnType<typeof cpuPer>; batchAlone: ReturnType<typeof cpuPer> };
  /** The status query alone through pg, sequentially, for random suppliers (ms). */
  sqlOnly: { single: ReturnType<typeof summary>; batch: ReturnType<typeof summary> };
  explain: { typicalSupplier: string; busiestSupplier: string; expirySweep: string };
}

/**
 * Status reads: a registry of `suppliers` suppliers and 100,000 then 1,000,000
 * signals, GET /v1/suppliers/{orgNumber}/status for random suppliers at fixed
 * concurrency, beside a bare fastify hello-world run just before it; then the batch
 * endpoint with 1,000 numbers. Suppliers with a known answer are read among the
 * random ones and every answer about them is checked.
 */
export async function statusBench(options: Options): Promise<BenchOutcome> {
  const sizes = [...options.signals].sort((a, b) => a - b);
  log(`status: ${options.suppliers} suppliers; registries of ${sizes.join(', ')} signals; ${options.connections} connections, ${options.duration} s runs`);
  const cluster = await startCluster('status', options);
  const results: SizeResult[] = [];
  let memory: { api: number | null; worker: number | null } = { api: null, worker: null };
  try {
    const { api } = cluster;
    const agreementId = await createPurchasingCentre(api);
    const cast = members(310);
    await createOrganisations(api, cast);
    const started = Date.now();
    const suppliers = await seedSuppliers(cluster.db.url, options.suppliers, agreementId);
    const ctx: SeedContext = { now: Date.now(), suppliers, issuers: cast.map((m) => m.id), agreementId };
    const sentinels = await seedSentinels(cluster.db.url, ctx);
    log(`status: ${suppliers.length} suppliers and the known-answer suppliers written in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    const readers = cast.filter((m) => m.kind === 'municipality').slice(0, 20).map((m) => m.id);

    // Before: the seeded answers; then a call-off stop through the API must turn `planted` blocked.
    const expected: Array<[string, Expected]> = [
      [sentinels.blocked, 'blocked'],
      [sentinels.clear, 'clear'],
      [sentinels.caution, 'caution'],
      [sentinels.planted, 'clear'],
    ];
    for (const [n, want] of expected) await expectStatus(cluster, n, readers[0]!, want);
    const stop = await api.must(
      'POST',
      '/v1/signals',
      PURCHASING_CENTRE,
      { type: 'call_off_stop', supplierOrgNumber: dashed(sentinels.planted), agreementId, summary: 'Avropsstopp i väntan på utredning (benchmark).' },
      [201],
    );
    expected[3] = [sentinels.planted, 'blocked'];
    for (const reader of readers) await expectStatus(cluster, sentinels.planted, reader, 'blocked', stop.id);

    let seeded = 0;
    for (const size of sizes) {
      const t0 = Date.now();
      // Beyond the first size, --growth says what the new signals are (bench/lib/cluster.ts).
      const history = seeded > 0 && options.growth === 'history';
      await seedSignals(cluster.db.url, ctx, seeded, size, { history });
      seeded = size;
      const seedSeconds = (Date.now() - t0) / 1000;
      const { rows } = await cluster.pool.query('SELECT count(*)::int AS n FROM signals');
      const { rows: liveRows } = await cluster.pool.query(
        `SELECT count(*)::int AS n FROM signals s WHERE ${liveSignalsWhere}`,
      );
      log(
        `status: registry now holds ${rows[0].n} signals, ${liveRows[0].n} of them live (${size - (sizes[sizes.indexOf(size) - 1] ?? 0)}${history ? ' of history' : ''} written in ${seedSeconds.toFixed(1)} s)`,
      );
      for (const [n, want] of expected) await expectStatus(cluster, n, readers[0]!, want);

      const hello = await runHello(cluster, options);
      log(`status ${size}: hello-world ${perSec(hello.perSecond)} p99 ${ms(hello.latency.p99)}`);
      const bare = await runBare(cluster, options, suppliers, readers);
      log(`status ${size}: bare same-round-trips server ${perSec(bare.perSecond)} p50 ${ms(bare.latency.p50)} p99 ${ms(bare.latency.p99)}`);
      const status = await runStatusReads(cluster, options, suppliers, readers, expected);
      log(`status ${size}: ${perSec(status.perSecond)} p50 ${ms(status.latency.p50)} p99 ${ms(status.latency.p99)}; ${status.checked} known answers checked, ${status.wrong} wrong`);
      const batch = await runBatchReads(cluster, options, suppliers, readers, expected);
      log(`status ${size}: batch of ${BATCH_SIZE}, ${batch.connections} at once: ${perSec(batch.perSecond)} p50 ${ms(batch.latency.p50)} p99 ${ms(batch.latency.p99)}`);
      const batchAlone = await runBatchReads(cluster, options, suppliers, readers, expected, 1);
      log(`status ${size}: batch of ${BATCH_SIZE}, one at a time: ${perSec(batchAlone.perSecond)} p50 ${ms(batchAlone.latency.p50)} p99 ${ms(batchAlone.latency.p99)}`);
      const sqlOnly = await sqlTimings(cluster.db.url, suppliers, readers[0]!);
      const explain = await explainPlans(cluster.pool, cluster.db.url, suppliers, readers[0]!);
      if ([status, batch, batchAlone].some((run) => run.non2xx || run.errors || run.wrong)) {
        throw new Error(`status ${size}: wrong answers under load: ${JSON.stringify({ status: pick(status), batch: pick(batch), batchAlone: pick(batchAlone) })}`);
      }
      const cpuPerRequest = { hello: cpuPer(hello.cpu, hello.requests), status: cpuPer(status.cpu, status.requests), batch: cpuPer(batch.cpu, batch.requests), batchAlone: cpuPer(batchAlone.cpu, batchAlone.requests) };
      log(`status ${size}: CPU per request, µs: hello ${cpuPerRequest.hello.total}, status ${JSON.stringify(cpuPerRequest.status)}`);
      results.push({ signals: rows[0].n, live: liveRows[0].n, history, seedSeconds, hello, bare, status, batch, batchAlone, cpuPerRequest, sqlOnly, explain });
    }
    memory = cluster.memory();
  } finally {
    const final = await cluster.stop();
    memory = { api: memory.api ?? final.api, worker: memory.worker ?? final.worker };
  }

  const rows: Row[] = [];
  const size = (n: number) => (n >= 1_000_000 ? `${(n / 1_000_000).toFixed(n % 1_000_000 ? 1 : 0)}M` : `${Math.round(n / 1000)}k`);
  const byLabel = new Map(results.map((r) => [r.signals, r.history ? `${size(r.signals)} (history; ${r.live.toLocaleString('en')} live)` : `${size(r.signals)} (${r.live.toLocaleString('en')} live)`]));
  const label = (n: number) => byLabel.get(n) ?? size(n);
  for (const r of results) {
    const rate = ratio(r.status.perSecond, r.hello.perSecond);
    rows.push({ what: `status reads, ${label(r.signals)} signals (req/s)`, ours: perSec(r.status.perSecond), limit: perSec(r.hello.perSecond), ratio: pct(rate), bar: '≥ 40% of hello-world', met: rate >= 0.4 });
    const fair = ratio(r.status.perSecond, r.bare.perSecond);
    rows.push({ what: `status reads, ${label(r.signals)} signals, beside the bare same-round-trips server (req/s)`, ours: perSec(r.status.perSecond), limit: perSec(r.bare.perSecond), ratio: pct(fair), bar: '≥ 50% of the bare server (issue 17)', met: fair >= 0.5 });
    rows.push({ what: `status reads, ${label(r.signals)} signals (p50)`, ours: ms(r.status.latency.p50), limit: ms(r.hello.latency.p50), ratio: times(ratio(r.status.latency.p50, r.hello.latency.p50)), bar: '', met: null });
    rows.push({ what: `status reads, ${label(r.signals)} signals (p99)`, ours: ms(r.status.latency.p99), limit: ms(r.hello.latency.p99), ratio: times(ratio(r.status.latency.p99, r.hello.latency.p99)), bar: '< 20 ms', met: r.status.latency.p99 < 20 });
    rows.push({ what: `  status statements alone, from the benchmark (p50 / p99)`, ours: `${ms(r.sqlOnly.single.p50)} / ${ms(r.sqlOnly.single.p99)}`, limit: '', ratio: '', bar: '', met: null });
    rows.push({
      what: `  CPU per request, all processes`,
      ours: `${r.cpuPerRequest.status.total} µs`,
      limit: `${r.cpuPerRequest.hello.total} µs`,
      ratio: times(ratio(r.cpuPerRequest.status.total, r.cpuPerRequest.hello.total)),
      bar: '',
      met: null,
    });
    // Issue 17's bar is for the 1M registry: the batch under load (BATCH_CONNECTIONS at once), beside its statements alone.
    const batchRatio = ratio(r.batch.latency.p50, r.sqlOnly.batch.p50);
    const barred = r.signals >= 1_000_000;
    rows.push({
      what: `batch status, ${BATCH_SIZE} numbers, ${label(r.signals)} signals, ${r.batch.connections} at once (p50)`,
      ours: ms(r.batch.latency.p50),
      limit: `${ms(r.sqlOnly.batch.p50)} SQL`,
      ratio: times(batchRatio),
      bar: barred ? '≤ 2× its SQL alone (issue 17)' : '',
      met: barred ? batchRatio <= 2 : null,
    });
    // The same batch one at a time: what the answer costs beyond its SQL when it does not wait for the others' CPU.
    rows.push({
      what: `  the same batch one at a time (p50; API CPU per batch)`,
      ours: `${ms(r.batchAlone.latency.p50)}; ${(r.cpuPerRequest.batchAlone.API! / 1000).toFixed(1)} ms`,
      limit: `${ms(r.sqlOnly.batch.p50)} SQL`,
      ratio: times(ratio(r.batchAlone.latency.p50, r.sqlOnly.batch.p50)),
      bar: '',
      met: null,
    });
    rows.push({
      what: `batch status, ${BATCH_SIZE} numbers, ${label(r.signals)} signals (req/s, p99)`,
      ours: `${r.batch.perSecond}/s, ${ms(r.batch.latency.p99)}`,
      limit: '',
      ratio: '',
      bar: '',
      met: null,
    });
  }
  const small = results[0];
  const large = results.at(-1);
  if (small && large && large !== small) {
    const flatRate = ratio(large.status.perSecond, small.status.perSecond);
    rows.push({
      what: `status flatness ${label(small.signals)}→${label(large.signals)} (req/s)`,
      ours: perSec(large.status.perSecond),
      limit: perSec(small.status.perSecond),
      ratio: pct(flatRate),
      bar: '≥ 90% (issue 17)',
      met: flatRate >= 0.9,
    });
    const flatP99 = ratio(large.status.latency.p99, small.status.latency.p99);
    rows.push({
      what: `status flatness ${label(small.signals)}→${label(large.signals)} (p99)`,
      ours: ms(large.status.latency.p99),
      limit: ms(small.status.latency.p99),
      ratio: times(flatP99),
      bar: 'flat (≤ 1.25×)',
      met: flatP99 <= 1.25,
    });
  }
  return {
    name: 'status',
    rows,
    memory,
    result: {
      suppliers: options.suppliers,
      sizes: results,
      settings: { connections: options.connections, batchConnections: BATCH_CONNECTIONS, durationS: options.duration, warmupS: options.warmup, apiLogLevel: options.apiLogLevel },
    },
  };
}

const pick = (r: LoadResult & { wrong?: number }) => ({ non2xx: r.non2xx, errors: r.errors, timeouts: r.timeouts, wrong: r.wrong, statusCodes: r.statusCodes });

async function expectStatus(cluster: Cluster, orgNumber: string, reader: string, want: Expected, becauseOf?: string) {
  const res = await cluster.api.must('GET', `/v1/suppliers/${dashed(orgNumber)}/status`, reader, undefined, [200]);
  if (res.status !== want || (becauseOf && !res.reasons.some((r: { signalId: string }) => r.signalId === becauseOf))) {
    throw new Error(`${orgNumber} reads ${res.status} for ${reader}, expected ${want}${becauseOf ? ` because of ${becauseOf}` : ''}`);
  }
}

/**
 * A comparison server as its own process (`script`, listening on PORT): started, waited for
 * until `probe` answers 2xx, warmed up, then loaded at the status reads' concurrency with
 * its CPU counted beside the cluster's; stopped afterwards.
 */
async function runCompanion(
  cluster: Cluster,
  options: Options,
  companion: { name: string; script: string; env?: Record<string, string>; probe: (base: string) => Promise<Response>; path?: string; requests?: autocannon.Request[] },
): Promise<LoadResult & { cpu: Record<string, number> }> {
  const port = await freePort();
  const server: Service = await startService(`status-${companion.name}`, companion.script, { ...companion.env, PORT: String(port) });
  try {
    const base = `http://127.0.0.1:${port}`;
    const url = `${base}${companion.path ?? ''}`;
    await waitFor(companion.name, async () => {
      try {
        return (await companion.probe(base)).ok;
      } catch {
        return false;
      }
    }, 20_000);
    const load = { url, connections: options.connections, ...(companion.requests ? { requests: companion.requests } : {}) };
    await runLoad({ ...load, durationS: options.warmup });
    const before = await cluster.cpu({ [companion.name]: server.child.pid });
    const result = await runLoad({ ...load, durationS: options.duration });
    const cpu = cpuDelta(before, await cluster.cpu({ [companion.name]: server.child.pid }));
    if (result.non2xx || result.errors) throw new Error(`${companion.name}: ${JSON.stringify(pick(result))}`);
    return { ...result, cpu };
  } finally {
    await server.stop(5_000);
  }
}

/** The bare fastify hello-world (bench/status/hello.ts). */
const runHello = (cluster: Cluster, options: Options) =>
  runCompanion(cluster, options, { name: 'hello-world', script: 'bench/status/hello.ts', path: '/hello', probe: (base) => fetch(`${base}/hello`) });

/**
 * The bare server (bench/status/bare.ts) on the same database, Redis and token secret, read
 * at the same concurrency with the same tokens and supplier numbers as the status reads.
 */
function runBare(cluster: Cluster, options: Options, suppliers: string[], readers: string[]) {
  const { DATABASE_URL, REDIS_URL, REDIS_PREFIX, JWT_SECRET } = cluster.env as Record<string, string>;
  const random = rng(7);
  const tokens = readers.map((r) => `Bearer ${cluster.token(r, 'registry:read')}`);
  const paths = suppliers.map((n) => `/v1/suppliers/${dashed(n)}/status`);
  const request = {
    method: 'GET',
    setupRequest: (req: any) => {
      req.path = paths[Math.floor(random() * paths.length)];
      req.headers = { authorization: tokens[Math.floor(random() * tokens.length)] };
      return req;
    },
  } as autocannon.Request;
  return runCompanion(cluster, options, {
    name: 'bare server',
    script: 'bench/status/bare.ts',
    env: {
      DATABASE_URL: DATABASE_URL!.replace('application_name=bench-api', 'application_name=bench-bare'),
      REDIS_URL: REDIS_URL!,
      REDIS_PREFIX: REDIS_PREFIX!,
      JWT_SECRET: JWT_SECRET!,
    },
    probe: (base) => fetch(`${base}${paths[0]}`, { headers: { authorization: tokens[0]! } }),
    requests: [request],
  });
}

/** Random suppliers, random reading municipalities; 2% of the reads are of the known-answer suppliers. */
async function runStatusReads(cluster: Cluster, options: Options, suppliers: string[], readers: string[], expected: Array<[string, Expected]>) {
  const random = rng(42);
  const tokens = readers.map((r) => `Bearer ${cluster.token(r, 'registry:read')}`);
  const paths = suppliers.map((n) => `/v1/suppliers/${dashed(n)}/status`);
  const counts = { checked: 0, wrong: 0, sentinelReads: 0, wrongSamples: [] as string[] };
  const request: autocannon.Request = {
    method: 'GET',
    setupRequest: (req: any, context: any) => {
      const k = random();
      if (k < 0.02) {
        const [n, want] = expected[Math.floor(random() * expected.length)]!;
        context.expect = want;
        req.path = `/v1/suppliers/${dashed(n)}/status`;
      } else {
        context.expect = null;
        req.path = paths[Math.floor(random() * paths.length)];
      }
      req.headers = { authorization: tokens[Math.floor(random() * tokens.length)] };
      return req;
    },
    onResponse: (statusCode: number, body: string, context: any) => {
      if (statusCode !== 200) return;
      if (context.expect) {
        counts.sentinelReads += 1;
        const got = JSON.parse(body).status;
        counts.checked += 1;
        if (got !== context.expect) {
          counts.wrong += 1;
          if (counts.wrongSamples.length < 5) counts.wrongSamples.push(`${got} ≠ ${context.expect}`);
        }
      } else if (!body.includes('"status":"')) {
        counts.wrong += 1;
      }
    },
  } as autocannon.Request;
  const url = `${cluster.api.base}/v1/suppliers/${dashed(suppliers[0]!)}/status`;
  await runLoad({ url, connections: options.connections, durationS: options.warmup, requests: [request] });
  Object.assign(counts, { checked: 0, wrong: 0, sentinelReads: 0 });
  const before = await cluster.cpu();
  const result = await runLoad({ url, connections: options.connections, durationS: options.duration, requests: [request] });
  const cpu = cpuDelta(before, await cluster.cpu());
  return { ...result, ...counts, cpu };
}

async function runBatchReads(
  cluster: Cluster,
  options: Options,
  suppliers: string[],
  readers: string[],
  expected: Array<[string, Expected]>,
  connections = Math.min(BATCH_CONNECTIONS, options.connections),
) {
  const random = rng(7);
  const bodies = Array.from({ length: 16 }, () => {
    const numbers = new Set<string>(expected.map(([n]) => dashed(n)));
    while (numbers.size < BATCH_SIZE) numbers.add(dashed(suppliers[Math.floor(random() * suppliers.length)]!));
    return JSON.stringify({ orgNumbers: [...numbers] });
  });
  const want = new Map(expected.map(([n, s]) => [dashed(n), s]));
  const tokens = readers.map((r) => `Bearer ${cluster.token(r, 'registry:read')}`);
  const counts = { checked: 0, wrong: 0 };
  const request: autocannon.Request = {
    method: 'POST',
    path: '/v1/suppliers/status',
    setupRequest: (req: any) => {
      req.body = bodies[Math.floor(random() * bodies.length)];
      req.headers = { 'content-type': 'application/json', authorization: tokens[Math.floor(random() * tokens.length)] };
      return req;
    },
    onResponse: (statusCode: number, body: string) => {
      if (statusCode !== 200) return;
      const { results } = JSON.parse(body) as { results: Array<{ orgNumber: string; status: string }> };
      counts.checked += 1;
      const sentinelsRight = results.filter((r) => want.has(r.orgNumber)).every((r) => r.status === want.get(r.orgNumber));
      if (results.length !== BATCH_SIZE || !sentinelsRight) counts.wrong += 1;
    },
  } as autocannon.Request;
  const url = `${cluster.api.base}/v1/suppliers/status`;
  await runLoad({ url, connections, durationS: options.warmup, requests: [request] });
  Object.assign(counts, { checked: 0, wrong: 0 });
  const before = await cluster.cpu();
  const result = await runLoad({ url, connections, durationS: options.duration, requests: [request] });
  const cpu = cpuDelta(before, await cluster.cpu());
  return { ...result, ...counts, cpu, connections };
}

/** Live: the signals that decide a status now (status.repository.ts, `live`), over `s`. */
const liveSignalsWhere = `s.status = 'active' AND s.effective_from <= now()
     AND (s.effective_until IS NULL OR s.effective_until > now())
     AND (s.type <> 'deviation' OR (s.severity IN ('high', 'critical') AND s.effective_from > now() - interval '12 months'))`;

/** The repository's status query (status.repository.ts) for a municipality caller, as plain SQL. */
const liveSignalsSql = (where: string) => `
  SELECT s.id, s.type, s.supplier_org_number, s.unit_id, s.agreement_id, s.issuer_org_id, o.kind, s.severity, s.summary,
         s.effective_from, s.effective_until, now()
    FROM signals s JOIN organisations o ON o.id = s.issuer_org_id
   WHERE ${where} AND ${liveSignalsWhere}
     AND (s.issuer_org_id = $2 OR (s.visibility = 'members' AND s.status <> 'retracted'))
   ORDER BY s.effective_from DESC, s.id DESC`;

/**
 * The status statements alone: the repository's own prepared statements (status.repository.ts),
 * run from this process over a pool of their own — for a single read the supplier's with the
 * caller's organisation (and, for a linked supplier, the linked one after it), for a batch the three it runs at once — so that
 * the HTTP answer is set beside exactly the SQL it waits for.
 */
async function sqlTimings(url: string, suppliers: string[], reader: string) {
  const database = connectPostgres(url, 4);
  const repo = createStatusRepository(database.db);
  const principal = { org: { id: reader, kind: 'municipality', federationId: null }, represents: [] } as unknown as Principal;
  const random = rng(99);
  try {
    const single: number[] = [];
    for (let i = 0; i < 300; i++) {
      const n = suppliers[Math.floor(random() * suppliers.length)]!;
      const t = performance.now();
      // The route's statement: the caller's organisation read with the supplier (auth.ts, organisationInRoute).
      const { found } = await repo.supplierWithLiveSignalsFor({ orgId: reader, sub: 'bench-client' }, n);
      if (found?.hasLinks) await repo.linkedSignals(principal, [n]);
      single.push(performance.now() - t);
    }
    const batch: number[] = [];
    for (let i = 0; i < 20; i++) {
      const numbers = Array.from({ length: BATCH_SIZE }, () => suppliers[Math.floor(random() * suppliers.length)]!);
      const t = performance.now();
      await Promise.all([repo.registered(numbers), repo.liveSignals(principal, numbers), repo.linkedSignals(principal, numbers)]);
      batch.push(performance.now() - t);
    }
    return { single: summary(single), batch: summary(batch) };
  } finally {
    await database.close();
  }
}

async function explainPlans(pool: pg.Pool, url: string, suppliers: string[], reader: string) {
  const plan = async (sql: string, params: unknown[]) =>
    (await pool.query(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, params)).rows.map((r) => r['QUERY PLAN']).join('\n');
  const { rows } = await pool.query(`SELECT supplier_org_number AS n FROM signals GROUP BY 1 ORDER BY count(*) DESC LIMIT 1`);
  // The worker's expiry sweep, every RELAY_POLL_MS: the repository's own statement (signals.repository.ts lockNewlyExpired).
  const database = connectPostgres(url, 1);
  const sweep = createSignalRepository(database.db).lockNewlyExpired(database.db as unknown as Tx, 500) as unknown as { toSQL(): { sql: string; params: unknown[] } };
  await database.close();
  const client = await pool.connect();
  let expirySweep: string;
  try {
    await client.query('BEGIN');
    const { sql, params } = sweep.toSQL();
    expirySweep = (await client.query(`EXPLAIN (ANALYZE, BUFFERS) ${sql}`, params)).rows.map((r) => r['QUERY PLAN']).join('\n');
  } finally {
    await client.query('ROLLBACK');
    client.release();
  }
  return {
    typicalSupplier: await plan(liveSignalsSql('s.supplier_org_number = $1'), [suppliers[Math.floor(suppliers.length / 2)], reader]),
    busiestSupplier: await plan(liveSignalsSql('s.supplier_org_number = $1'), [rows[0].n, reader]),
    expirySweep,
  };
}
