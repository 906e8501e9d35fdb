import { execFile } from 'node:child_process';
import { mkdtemp, realpath, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type autocannon from 'autocannon';
import pg from 'pg';
import { uuidv7 } from '../../src/lib/ids.ts';
import { canonicalJson, sha256 } from '../../src/lib/canonical-json.ts';
import { GENESIS_HASH, hashEntry } from '../../src/modules/audit/audit.chain.ts';
import { type Cluster, type Options, startCluster } from '../lib/cluster.ts';
import { cpuDelta, cpuPer } from '../lib/cpu.ts';
import { type LoadResult, runLoad } from '../lib/load.ts';
import { logsDir, repoRoot } from '../lib/proc.ts';
import { createOrganisations, createPurchasingCentre, dashed, members } from '../lib/registry.ts';
import { log, ms, pct, perSec, ratio, type Row, summary, times } from '../lib/report.ts';
import type { BenchOutcome } from '../lib/types.ts';
import { rng, seedSignals, seedSuppliers } from '../status/seed.ts';

const BASELINE_SIGNALS = 100_000;
const severities = ['low', 'medium', 'high', 'critical'] as const;
const categories = ['staffing', 'premises', 'care_plan', 'reporting', 'safety', 'other'] as const;
const MARK = 'benchmark-ingest';

interface RawResult {
  inserts: number;
  perSecond: number;
  latency: ReturnType<typeof summary>;
  /** CPU per insert (or transaction), µs: this process and the PostgreSQL backends. */
  cpuPerWrite: ReturnType<typeof cpuPer>;
}

/**
 * Signal writes: POST /v1/signals with deviations (valid JWT, full validation, the
 * signal, its first version, the outbox event and the audit entry in one
 * transaction) at fixed concurrency; beside it, through `pg` with the same number of
 * concurrent clients, raw INSERTs of the same signal rows — the limit — and, to show
 * where the difference goes, the signal, version and event in one transaction (the
 * event's insert takes the journal lock by trigger, as in the registry), then every row
 * the registry writes (plus the audit entry, after registry_journal_head()) with no API;
 * and pgbench inserting the same rows when it is installed.
 */
export async function ingestBench(options: Options): Promise<BenchOutcome> {
  if (options.baseline) return ingestAgainstBaseline(options, options.baseline);
  log(`ingest: ${options.connections} concurrent writers, ${options.duration} s runs, over a registry of ${BASELINE_SIGNALS.toLocaleString('en-US')} signals`);
  const cluster = await startCluster('ingest', options);
  let memory: { api: number | null; worker: number | null } = { api: null, worker: null };
  let api!: LoadResult & { rowsWritten: Record<string, number>; cpuPerSignal: ReturnType<typeof cpuPer> };
  let raw!: RawResult;
  let rawTx!: RawResult;
  let rawTxLocked!: RawResult;
  let pgbench: { tps: number; latencyAvgMs: number } | { skipped: string };
  try {
    const { suppliers, writers } = await seedRegistry(cluster, options);

    api = await runApiWrites(cluster, options, suppliers, writers);
    log(`ingest: API ${perSec(api.perSecond)} p50 ${ms(api.latency.p50)} p99 ${ms(api.latency.p99)}; CPU per signal, µs: ${JSON.stringify(api.cpuPerSignal)}`);
    memory = cluster.memory();

    raw = await runRaw(cluster, options, suppliers, writers, 'insert');
    log(`ingest: raw INSERT ${perSec(raw.perSecond)} p99 ${ms(raw.latency.p99)}`);
    rawTx = await runRaw(cluster, options, suppliers, writers, 'transaction');
    log(`ingest: raw transaction (signal, version, event) ${perSec(rawTx.perSecond)} p99 ${ms(rawTx.latency.p99)}`);
    rawTxLocked = await runRaw(cluster, options, suppliers, writers, 'locked');
    log(`ingest: raw transaction with the audit entry too ${perSec(rawTxLocked.perSecond)} p99 ${ms(rawTxLocked.latency.p99)}`);
    pgbench = await runPgbench(cluster, options, suppliers, writers);
    log(`ingest: pgbench ${'tps' in pgbench ? perSec(pgbench.tps) : pgbench.skipped}`);
  } finally {
    const final = await cluster.stop();
    memory = { api: memory.api ?? final.api, worker: memory.worker ?? final.worker };
  }

  const share = ratio(api.perSecond, raw.perSecond);
  const rows: Row[] = [
    { what: 'ingest, POST /v1/signals (signals/s)', ours: perSec(api.perSecond), limit: perSec(raw.perSecond), ratio: pct(share), bar: '≥ 30% of raw INSERT', met: share >= 0.3 },
    { what: 'ingest, POST /v1/signals (p50)', ours: ms(api.latency.p50), limit: ms(raw.latency.p50), ratio: times(ratio(api.latency.p50, raw.latency.p50)), bar: '', met: null },
    { what: 'ingest, POST /v1/signals (p99)', ours: ms(api.latency.p99), limit: ms(raw.latency.p99), ratio: times(ratio(api.latency.p99, raw.latency.p99)), bar: '', met: null },
    { what: '  raw tx: signal + version + event, journal lock by trigger (rows/s)', ours: perSec(rawTx.perSecond), limit: perSec(raw.perSecond), ratio: pct(ratio(rawTx.perSecond, raw.perSecond)), bar: '', met: null },
    { what: '  raw tx: all the registry writes (+ audit entry) (rows/s)', ours: perSec(rawTxLocked.perSecond), limit: perSec(raw.perSecond), ratio: pct(ratio(rawTxLocked.perSecond, raw.perSecond)), bar: '', met: null },
  ];
  // Issue 17: beside the raw transaction that writes every row the registry writes, and the API's own CPU.
  const ofAllWrites = ratio(api.perSecond, rawTxLocked.perSecond);
  rows.push({
    what: 'ingest beside the raw transaction writing every row the registry writes (signals/s)',
    ours: perSec(api.perSecond),
    limit: perSec(rawTxLocked.perSecond),
    ratio: pct(ofAllWrites),
    bar: '≥ 80% (issue 17)',
    met: ofAllWrites >= 0.8,
  });
  const apiCpu = api.cpuPerSignal.API;
  rows.push({ what: '  CPU per signal, the API process', ours: `${apiCpu} µs`, limit: '400 µs', ratio: '', bar: '≤ 400 µs (issue 17)', met: apiCpu === undefined ? null : apiCpu <= 400 });
  rows.push({
    what: '  CPU per signal, all processes',
    ours: `${api.cpuPerSignal.total} µs`,
    limit: `${raw.cpuPerWrite.total} µs`,
    ratio: times(ratio(api.cpuPerSignal.total, raw.cpuPerWrite.total)),
    bar: '',
    met: null,
  });
  if ('tps' in pgbench) rows.push({ what: '  pgbench, same INSERT (tps)', ours: perSec(pgbench.tps), limit: perSec(raw.perSecond), ratio: pct(ratio(pgbench.tps, raw.perSecond)), bar: '', met: null });
  return {
    name: 'ingest',
    rows,
    memory,
    result: {
      api,
      rawInsert: raw,
      rawTransaction: rawTx,
      rawTransactionWithLocks: rawTxLocked,
      pgbench,
      settings: { connections: options.connections, durationS: options.duration, warmupS: options.warmup, baselineSignals: BASELINE_SIGNALS, apiLogLevel: options.apiLogLevel },
    },
  };
}

/** A registry of BASELINE_SIGNALS signals on `cluster`, and the municipalities that write. */
async function seedRegistry(cluster: Cluster, options: Options) {
  const agreementId = await createPurchasingCentre(cluster.api);
  const cast = members(310);
  await createOrganisations(cluster.api, cast);
  const suppliers = await seedSuppliers(cluster.db.url, options.suppliers, agreementId);
  await seedSignals(cluster.db.url, { now: Date.now(), suppliers, issuers: cast.map((m) => m.id), agreementId }, 0, BASELINE_SIGNALS);
  return { suppliers, writers: cast.filter((m) => m.kind === 'municipality').slice(0, 10).map((m) => m.id) };
}

/**
 * Issue 14: "writing must not get slower: the ingest figure stays within 5 % of today's,
 * measured in the same run". The baseline commit is checked out in a temporary git
 * worktree (node_modules linked to this one's), and each build gets its own database,
 * Redis prefix, API and worker, seeded alike; then measured runs alternate (current,
 * baseline, baseline, current, …, so neither always goes first) and the medians are compared.
 */
async function ingestAgainstBaseline(options: Options, ref: string): Promise<BenchOutcome> {
  const exec = promisify(execFile);
  const commit = (await exec('git', ['rev-parse', '--short', `${ref}^{commit}`], { cwd: repoRoot })).stdout.trim();
  const current = (await exec('git', ['rev-parse', '--short', 'HEAD'], { cwd: repoRoot })).stdout.trim();
  const dirty = (await exec('git', ['status', '--porcelain', '--untracked-files=no'], { cwd: repoRoot })).stdout.trim() !== '';
  const tree = await mkdtemp(join(tmpdir(), `bench-baseline-${commit}-`));
  await exec('git', ['worktree', 'add', '--detach', tree, commit], { cwd: repoRoot });
  log(`ingest: baseline ${ref} (${commit}) checked out in ${tree}; current ${current}${dirty ? ' with uncommitted changes' : ''}`);
  const clusters: Cluster[] = [];
  try {
    await symlink(await realpath(join(repoRoot, 'node_modules')), join(tree, 'node_modules'));
    const now = await startCluster('ingest-current', options);
    clusters.push(now);
    const before = await startCluster('ingest-baseline', options, {}, true, tree);
    clusters.push(before);
    const builds = [
      { name: 'current', cluster: now, ...(await seedRegistry(now, options)), runs: [] as number[], p99: [] as number[], cpu: [] as Record<string, number>[] },
      { name: 'baseline', cluster: before, ...(await seedRegistry(before, options)), runs: [] as number[], p99: [] as number[], cpu: [] as Record<string, number>[] },
    ];
    for (let round = 0; round < options.baselineRounds; round++) {
      for (const build of round % 2 === 0 ? builds : [...builds].reverse()) {
        const result = await runApiWrites(build.cluster, options, build.suppliers, build.writers);
        build.runs.push(result.perSecond);
        build.p99.push(result.latency.p99);
        build.cpu.push(result.cpuPerSignal);
        log(`ingest: round ${round + 1}, ${build.name}: ${perSec(result.perSecond)} p99 ${ms(result.latency.p99)}; CPU per signal, µs: ${JSON.stringify(result.cpuPerSignal)}`);
      }
    }
    const median = (xs: number[]) => {
      const sorted = [...xs].sort((a, b) => a - b);
      const mid = Math.floor(sorted.length / 2);
      return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
    };
    const [cur, base] = builds as [(typeof builds)[0], (typeof builds)[0]];
    const share = ratio(median(cur.runs), median(base.runs));
    const rows: Row[] = [
      {
        what: `ingest, POST /v1/signals, median of ${options.baselineRounds} runs (signals/s): ${current} vs ${commit}`,
        ours: perSec(median(cur.runs)),
        limit: `${perSec(median(base.runs))} (${commit})`,
        ratio: pct(share),
        bar: '≥ 95% of the baseline',
        met: share >= 0.95,
      },
      { what: '  each run, current', ours: cur.runs.map(perSec).join(', '), limit: base.runs.map(perSec).join(', '), ratio: '', bar: '', met: null },
      { what: '  p99, median', ours: ms(median(cur.p99)), limit: ms(median(base.p99)), ratio: times(ratio(median(cur.p99), median(base.p99))), bar: '', met: null },
      // Where each build's time goes: CPU per signal of each part, median over the rounds.
      ...[...new Set([...cur.cpu, ...base.cpu].flatMap((c) => Object.keys(c)))].map((part) => {
        const of = (build: typeof cur) => median(build.cpu.map((c) => c[part] ?? 0));
        return { what: `  CPU per signal, ${part}, median`, ours: `${of(cur)} µs`, limit: `${of(base)} µs`, ratio: times(ratio(of(cur), of(base))), bar: '', met: null };
      }),
    ];
    return {
      name: 'ingest',
      rows,
      memory: now.memory(),
      result: {
        baseline: { ref, commit, runs: base.runs, p99: base.p99, cpuPerSignal: base.cpu },
        current: { commit: current, dirty, runs: cur.runs, p99: cur.p99, cpuPerSignal: cur.cpu },
        settings: { connections: options.connections, durationS: options.duration, warmupS: options.warmup, rounds: options.baselineRounds, baselineSignals: BASELINE_SIGNALS },
      },
    };
  } finally {
    for (const c of clusters) await c.stop();
    await exec('git', ['worktree', 'remove', '--force', tree], { cwd: repoRoot }).catch((error) => log(`ingest: could not remove ${tree}: ${error}`));
  }
}

/** How many of `ids` have their signal, first version, outbox event and audit entry. */
async function written(pool: pg.Pool, ids: string[]) {
  const { rows } = await pool.query(
    `SELECT
      (SELECT count(*) FROM signals WHERE id = ANY($1::uuid[]))::int AS signals,
      (SELECT count(*) FROM signal_versions WHERE signal_id = ANY($1::uuid[]) AND version = 1)::int AS versions,
      (SELECT count(*) FROM events WHERE signal_id = ANY($1::uuid[]) AND type = 'signal.created')::int AS events,
      (SELECT count(*) FROM audit_log WHERE target_id = ANY($1::text[]) AND action = 'signal.created')::int AS audit`,
    [ids],
  );
  return rows[0] as Record<string, number>;
}

async function runApiWrites(cluster: Cluster, options: Options, suppliers: string[], writers: string[]) {
  const random = rng(3);
  const tokens = writers.map((w) => `Bearer ${cluster.token(w)}`);
  const numbers = suppliers.map(dashed);
  const request: autocannon.Request = {
    method: 'POST',
    path: '/v1/signals',
    setupRequest: (req: any) => {
      req.body = JSON.stringify({
        type: 'deviation',
        supplierOrgNumber: numbers[Math.floor(random() * numbers.length)],
        severity: severities[Math.floor(random() * severities.length)],
        category: categories[Math.floor(random() * categories.length)],
        summary: `Bemanningen understeg avtalad nivå vid uppföljning (${MARK}).`,
        details: 'Vid uppföljningsbesöket var två av fem tjänster obemannade under kvällspasset.',
      });
      req.headers = { 'content-type': 'application/json', authorization: tokens[Math.floor(random() * tokens.length)] };
      return req;
    },
    onResponse: (statusCode: number, body: string) => {
      if (statusCode === 201) ids.push(/"id":"([0-9a-f-]{36})"/.exec(body)?.[1] ?? 'missing');
    },
  } as autocannon.Request;
  let ids: string[] = [];
  const url = `${cluster.api.base}/v1/signals`;
  await runLoad({ url, connections: options.connections, durationS: options.warmup, requests: [request] });
  ids = [];
  const before = await cluster.cpu();
  const result = await runLoad({ url, connections: options.connections, durationS: options.duration, requests: [request] });
  const cpu = cpuDelta(before, await cluster.cpu());
  // The work was really done: every signal acknowledged with 201 has its row, first
  // version, outbox event and audit entry.
  const rows = await written(cluster.pool, ids.filter((id) => id !== 'missing'));
  const created = result.statusCodes['201'] ?? 0;
  if (result.non2xx || result.errors || ids.length < created || Object.values(rows).some((n) => n !== ids.length)) {
    throw new Error(`ingest: ${created} answered 201 (${ids.length} ids) but found ${JSON.stringify(rows)}; ${JSON.stringify(result.statusCodes)}, ${result.errors} errors`);
  }
  return { ...result, rowsWritten: rows, cpuPerSignal: cpuPer(cpu, result.requests) };
}

/**
 * `connections` pg clients, each writing in a loop until the time is up (and at most
 * a million times): one INSERT of the signal row, or the rows the registry writes
 * (signal, first version, outbox event) in a transaction; 'locked' adds the audit
 * entry as the registry writes it: the chain head read under the journal lock
 * (registry_journal_head(), migrations/0006) and the hashed entry.
 */
async function runRaw(cluster: Cluster, options: Options, suppliers: string[], writers: string[], mode: 'insert' | 'transaction' | 'locked'): Promise<RawResult> {
  const clients = await Promise.all(
    Array.from({ length: options.connections }, async () => {
      const c = new pg.Client({ connectionString: cluster.db.url, application_name: 'bench-raw' });
      await c.connect();
      return c;
    }),
  );
  const random = rng(11);
  const write = async (c: pg.Client) => {
    const id = uuidv7();
    const writer = writers[Math.floor(random() * writers.length)]!;
    const supplier = suppliers[Math.floor(random() * suppliers.length)]!;
    const severity = severities[Math.floor(random() * severities.length)]!;
    const category = categories[Math.floor(random() * categories.length)]!;
    const summaryText = `Bemanningen understeg avtalad nivå vid uppföljning (${MARK}).`;
    const details = 'Vid uppföljningsbesöket var två av fem tjänster obemannade under kvällspasset.';
    const insertSignal = () =>
      c.query(
        `INSERT INTO signals (id, type, supplier_org_number, issuer_org_id, status, visibility, severity, category, summary, details,
                              effective_from, version, created_by, created_at, updated_at)
         VALUES ($1, 'deviation', $2, $3, 'active', 'members', $4, $5, $6, $7, now(), 1, $8, now(), now())`,
        [id, supplier, writer, severity, category, summaryText, details, `${writer}-raw`],
      );
    if (mode === 'insert') {
      await insertSignal();
      return;
    }
    await c.query('BEGIN');
    try {
      await insertSignal();
      await c.query(
        `INSERT INTO signal_versions (signal_id, version, change, status, visibility, severity, category, summary, details,
                                      effective_from, actor_sub, actor_org_id, created_at)
         VALUES ($1, 1, 'created', 'active', 'members', $2, $3, $4, $5, now(), $6, $7, now())`,
        [id, severity, category, summaryText, details, `${writer}-raw`, writer],
      );
      await c.query(
        `INSERT INTO events (id, type, signal_id, signal_version, signal_type, supplier_org_number, issuer_org_id, visibility, severity, signal)
         VALUES ($1, 'signal.created', $2, 1, 'deviation', $3, $4, 'members', $5, $6)`,
        [uuidv7(), id, supplier, writer, severity, JSON.stringify({ id, type: 'deviation', supplierOrgNumber: dashed(supplier), summary: summaryText, details, severity, category })],
      );
      if (mode === 'locked') {
        const { rows } = await c.query('SELECT head_position, head_hash, recorded_at FROM registry_journal_head()');
        const head = rows[0];
        const entry = {
          position: Number(head.head_position ?? 0) + 1,
          recordedAt: head.recorded_at as string,
          actorSub: `${writer}-raw`,
          orgId: writer,
          action: 'signal.created',
          targetType: 'signal',
          targetId: id,
          requestId: id,
          digest: sha256(canonicalJson({ supplier, severity, category, summary: summaryText, details })),
        };
        const prevHash = (head.head_hash as string | null) ?? GENESIS_HASH;
        await c.query(
          `INSERT INTO audit_log (position, recorded_at, actor_sub, org_id, action, target_type, target_id, request_id, digest, prev_hash, hash)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)`,
          [entry.position, entry.recordedAt, entry.actorSub, entry.orgId, entry.action, entry.targetType, entry.targetId, entry.requestId, entry.digest, prevHash, hashEntry(prevHash, entry)],
        );
      }
      await c.query('COMMIT');
    } catch (error) {
      await c.query('ROLLBACK');
      throw error;
    }
  };
  const latencies: number[] = [];
  const runFor = async (seconds: number, record: boolean) => {
    const deadline = performance.now() + seconds * 1000;
    let n = 0;
    await Promise.all(
      clients.map(async (c) => {
        for (let i = 0; i < 1_000_000 && performance.now() < deadline; i++) {
          const t = performance.now();
          await write(c);
          if (record) latencies.push(performance.now() - t);
          n += 1;
        }
      }),
    );
    return n;
  };
  try {
    await runFor(options.warmup, false);
    const before = await cluster.cpu();
    const started = performance.now();
    const inserts = await runFor(options.duration, true);
    const seconds = (performance.now() - started) / 1000;
    const cpu = cpuDelta(before, await cluster.cpu());
    // The API and worker are idle here; count only what did the writing.
    const own = Object.fromEntries(Object.entries(cpu).filter(([k]) => k === 'postgres for raw' || k.startsWith('load generator')));
    return { inserts, perSecond: Math.round((inserts / seconds) * 10) / 10, latency: summary(latencies), cpuPerWrite: cpuPer(own, inserts) };
  } finally {
    await Promise.all(clients.map((c) => c.end()));
  }
}

/** pgbench with a script inserting the same signal row; a lookup table maps a random index to a supplier. */
async function runPgbench(cluster: Cluster, options: Options, suppliers: string[], writers: string[]) {
  const exec = promisify(execFile);
  try {
    await exec('pgbench', ['--version']);
  } catch {
    return { skipped: 'pgbench is not installed' };
  }
  await cluster.pool.query(`CREATE TABLE bench_supplier_ix (ix int PRIMARY KEY, org_number text NOT NULL)`);
  await cluster.pool.query(`INSERT INTO bench_supplier_ix SELECT row_number() OVER (ORDER BY n) - 1, n FROM unnest($1::text[]) AS n`, [suppliers]);
  const script = join(logsDir, 'ingest-pgbench.sql');
  await writeFile(
    script,
    `\\set s random(0, ${suppliers.length - 1})
INSERT INTO signals (id, type, supplier_org_number, issuer_org_id, status, visibility, severity, category, summary, details, effective_from, version, created_by, created_at, updated_at)
  SELECT gen_random_uuid(), 'deviation', org_number, '${writers[0]}', 'active', 'members', 'medium', 'staffing',
         'Bemanningen understeg avtalad nivå vid uppföljning (${MARK}).', 'Vid uppföljningsbesöket var två av fem tjänster obemannade under kvällspasset.',
         now(), 1, '${writers[0]}-pgbench', now(), now()
    FROM bench_supplier_ix WHERE ix = :s;
`,
  );
  const url = new URL(cluster.db.url);
  const { stdout } = await exec(
    'pgbench',
    ['-n', '-M', 'prepared', '-c', String(options.connections), '-j', '2', '-T', String(options.duration), '-f', script, '-h', url.hostname, '-p', url.port || '5432', '-U', decodeURIComponent(url.username) || 'postgres', cluster.db.name],
    { timeout: (options.duration + 60) * 1000, env: { ...process.env, ...(url.password ? { PGPASSWORD: decodeURIComponent(url.password) } : {}) } },
  );
  const tps = /tps = ([\d.]+) \(without initial connection time\)/.exec(stdout)?.[1];
  const latency = /latency average = ([\d.]+) ms/.exec(stdout)?.[1];
  if (!tps) return { skipped: `could not read pgbench output: ${stdout.slice(-300)}` };
  return { tps: Number(tps), latencyAvgMs: Number(latency) };
}
