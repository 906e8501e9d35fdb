import { drizzle } from 'drizzle-orm/node-postgres';
import type pg from 'pg';
import { Agent, request } from 'undici';
import { SEARCH_SETTINGS_SQL, searchQuery } from '../../src/modules/suppliers/suppliers.repository.ts';
import { READ_COSTS } from '../../src/plugins/rate-limit.ts';
import { type Cluster, type Options, startCluster } from '../lib/cluster.ts';
import { sleep } from '../lib/proc.ts';
import { createOrganisations, createPurchasingCentre, dashed, members } from '../lib/registry.ts';
import { log, ms, ratio, type Row, summary, times } from '../lib/report.ts';
import type { BenchOutcome } from '../lib/types.ts';
import { rng, seedSignals } from '../status/seed.ts';
import { type SeededSupplier, seedSearchSuppliers } from './seed.ts';

/**
 * Issue 13's bar: another organisation's status p99 while one organisation floods name
 * searches at its read limit, beside the same status run without the flood, in one run;
 * bar ≤ 2× the quiet p99. The registry runs with its real read limit (the default,
 * RATE_LIMIT_READS_PER_MINUTE = 1,200) and the weights (a search counts READ_COSTS.nameSearch).
 *
 * - Status reads: open loop, `STATUS_RATE` a second for `phase` seconds, each from one of 20
 *   municipalities in turn (each well inside its own limit), random suppliers; a read's
 *   latency is from when it was due, so queueing behind a search counts.
 * - Quiet: status reads alone. Flood: the same, while one organisation keeps 10 searches in
 *   flight and, on a 429, waits the Retry-After it was given (a client that obeys the limit):
 *   it spends its minute's budget in a burst, then waits for the next window.
 * - Hostile: the same status reads while another organisation keeps 10 searches in flight
 *   and ignores every 429 (not the bar: it shows what refusing costs).
 * - Searches are what people type: a name without its å/ä/ö, a name with a typo, a place
 *   and kind, and queries of the longest length allowed (64). A search whose query is a
 *   supplier's name must find that supplier.
 * - The search alone: sequential over HTTP (organisations in turn, inside their limits), and
 *   its SQL alone, with the EXPLAIN of a typical and a longest query.
 */

const STATUS_RATE = 25;
const READERS = 20;
const FLOOD_IN_FLIGHT = 10;

interface Sample {
  at: number;
  ms: number;
  code: number;
}

interface FloodResult {
  ok: number;
  limited: number;
  errors: number;
  wrong: number;
  latencies: number[];
  /** When the searches were in flight: [start, end] of each burst, ms since the phase began. */
  bursts: Array<[number, number]>;
}

const plain = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '');

function typo(s: string, random: () => number): string {
  const i = 1 + Math.floor(random() * (s.length - 3));
  return `${s.slice(0, i)}${s[i + 1]}${s[i]}${s.slice(i + 2)}`;
}

/** Queries as people type them, each with the supplier it must find (or null). */
function searchQueries(seeded: SeededSupplier[]): Array<{ q: string; finds: string | null }> {
  const random = rng(21);
  const pick = () => seeded[Math.floor(random() * seeded.length)]!;
  return Array.from({ length: 2_000 }, (_, i) => {
    const s = pick();
    switch (i % 4) {
      case 0:
        return { q: plain(s.name), finds: s.orgNumber };
      case 1:
        return { q: typo(s.name, random), finds: s.orgNumber };
      case 2:
        return { q: s.name.split(' ').slice(1, 3).join(' '), finds: null };
      default:
        return { q: `${s.name} ${s.units.join(' ')} ${pick().name}`.slice(0, 64).trim(), finds: null };
    }
  });
}

export async function searchFloodBench(options: Options): Promise<BenchOutcome> {
  const phase = options.floodSeconds;
  log(`search-flood: ${options.suppliers} suppliers; status reads ${STATUS_RATE}/s from ${READERS} organisations; phases of ${phase} s`);
  const cluster = await startCluster('search-flood', options, { RATE_LIMIT_READS_PER_MINUTE: '1200' });
  let memory: { api: number | null; worker: number | null } = { api: null, worker: null };
  try {
    const { api } = cluster;
    const agreementId = await createPurchasingCentre(api);
    const cast = members(310);
    await createOrganisations(api, cast);
    const municipalities = cast.filter((m) => m.kind === 'municipality').map((m) => m.id);
    const readers = municipalities.slice(0, READERS);
    const flooder = municipalities[READERS]!;
    const hostile = municipalities[READERS + 1]!;
    const timers = municipalities.slice(READERS + 2, READERS + 102);
    const t0 = Date.now();
    const seeded = await seedSearchSuppliers(cluster.db.url, options.suppliers);
    await seedSignals(cluster.db.url, { now: Date.now(), suppliers: seeded.map((s) => s.orgNumber), issuers: municipalities, agreementId }, 0, 100_000);
    const nameCount: number = (await cluster.pool.query('SELECT count(*)::int AS n FROM supplier_names')).rows[0].n;
    log(`search-flood: ${seeded.length} suppliers, ${nameCount} names and 100,000 signals written in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
    const queries = searchQueries(seeded);

    // The search alone: over HTTP one at a time, then its SQL, then its plan.
    const alone = await searchAlone(cluster, timers, queries);
    log(`search-flood: a search alone over HTTP p50 ${ms(alone.http.p50)} p99 ${ms(alone.http.p99)}; its SQL p50 ${ms(alone.sql.p50)} p99 ${ms(alone.sql.p99)}`);

    await statusReads(cluster, seeded, readers, options.warmup);
    const quiet = await statusReads(cluster, seeded, readers, phase);
    log(`search-flood: quiet status p50 ${ms(quiet.summary.p50)} p99 ${ms(quiet.summary.p99)} (${quiet.summary.n} reads)`);

    const [flooded, flood] = await Promise.all([statusReads(cluster, seeded, readers, phase), searchFlood(cluster, flooder, queries, phase, true)]);
    const duringBursts = summary(flooded.samples.filter((s) => flood.bursts.some(([a, b]) => s.at >= a && s.at <= b)).map((s) => s.ms));
    log(`search-flood: flooded status p50 ${ms(flooded.summary.p50)} p99 ${ms(flooded.summary.p99)}; searches ${flood.ok} × 200, ${flood.limited} × 429, p99 ${ms(summary(flood.latencies).p99)}`);

    const hostilePhase = Math.max(10, Math.round(phase / 2));
    const [underHostile, hostileFlood] = await Promise.all([statusReads(cluster, seeded, readers, hostilePhase), searchFlood(cluster, hostile, queries, hostilePhase, false)]);
    log(`search-flood: hostile flooder: status p99 ${ms(underHostile.summary.p99)}; searches ${hostileFlood.ok} × 200, ${hostileFlood.limited} × 429`);

    for (const [label, r] of [['quiet', quiet], ['flood', flooded], ['hostile', underHostile]] as const) {
      if (r.bad > 0) throw new Error(`search-flood: ${r.bad} status reads in the ${label} run were not a 200 status: ${JSON.stringify(r.codes)}`);
    }
    for (const [label, f] of [['flood', flood], ['hostile', hostileFlood]] as const) {
      if (f.wrong > 0 || f.errors > 0) throw new Error(`search-flood: ${label}: ${f.wrong} searches missed the supplier named, ${f.errors} failed`);
    }
    const expectedOk = Math.floor(1200 / READ_COSTS.nameSearch);
    const plans = await explainSearch(cluster.pool, queries);
    memory = cluster.memory();
    log(`search-flood: plan of a typical search:\n${plans.typical.plan}`);

    const barRatio = ratio(flooded.summary.p99, quiet.summary.p99);
    const searchP99 = summary(flood.latencies);
    const hostileRate = Math.round(hostileFlood.limited / hostilePhase);
    const rows: Row[] = [
      { what: 'status p99, another org flooding searches at its limit', ours: ms(flooded.summary.p99), limit: `${ms(quiet.summary.p99)} quiet`, ratio: times(barRatio), bar: '≤ 2× the quiet p99', met: barRatio <= 2 },
      { what: '  status p50, flood / quiet', ours: ms(flooded.summary.p50), limit: ms(quiet.summary.p50), ratio: times(ratio(flooded.summary.p50, quiet.summary.p50)), bar: '', met: null },
      { what: '  status p99 while the flood’s searches were in flight', ours: ms(duringBursts.p99), limit: `${duringBursts.n} reads`, ratio: '', bar: '', met: null },
      { what: '  flood: searches answered 200 / 429', ours: `${flood.ok} / ${flood.limited}`, limit: `${expectedOk} a minute allowed`, ratio: '', bar: '', met: null },
      { what: '  flood: its searches p50 / p99', ours: `${ms(searchP99.p50)} / ${ms(searchP99.p99)}`, limit: '', ratio: '', bar: '', met: null },
      {
        what: 'hostile flooder (ignores 429, 10 in flight): status p99',
        ours: ms(underHostile.summary.p99),
        limit: `${ms(quiet.summary.p99)} quiet`,
        ratio: times(ratio(underHostile.summary.p99, quiet.summary.p99)),
        bar: '',
        met: null,
      },
      { what: '  hostile: searches 200 / 429 (429 a second)', ours: `${hostileFlood.ok} / ${hostileFlood.limited}`, limit: `${hostileRate}/s`, ratio: '', bar: '', met: null },
      { what: `search alone, ${options.suppliers.toLocaleString('en-US')} suppliers, HTTP (p50 / p99)`, ours: `${ms(alone.http.p50)} / ${ms(alone.http.p99)}`, limit: `${ms(alone.sql.p50)} / ${ms(alone.sql.p99)} SQL`, ratio: '', bar: '', met: null },
    ];
    return {
      name: 'search-flood',
      rows,
      memory,
      result: {
        suppliers: options.suppliers,
        names: nameCount,
        settings: { statusRate: STATUS_RATE, readers: READERS, phaseS: phase, hostilePhaseS: hostilePhase, floodInFlight: FLOOD_IN_FLIGHT, readLimitPerMinute: 1200, searchCost: READ_COSTS.nameSearch },
        quiet: quiet.summary,
        flood: { status: flooded.summary, statusDuringBursts: duringBursts, searches: { ok: flood.ok, limited: flood.limited, latency: searchP99, bursts: flood.bursts } },
        hostile: { status: underHostile.summary, searches: { ok: hostileFlood.ok, limited: hostileFlood.limited, latency: summary(hostileFlood.latencies.length ? hostileFlood.latencies : [Number.NaN]) } },
        searchAlone: alone,
        plans,
      },
    };
  } finally {
    const final = await cluster.stop();
    memory = { api: memory.api ?? final.api, worker: memory.worker ?? final.worker };
  }
}

/** Open-loop status reads: one due every 1000/STATUS_RATE ms, latency from when it was due. */
async function statusReads(cluster: Cluster, seeded: SeededSupplier[], readers: string[], seconds: number) {
  const agent = new Agent({ connections: 16, keepAliveTimeout: 30_000 });
  const random = rng(seconds * 7 + 1);
  const tokens = readers.map((r) => `Bearer ${cluster.token(r, 'registry:read')}`);
  const samples: Sample[] = [];
  const codes: Record<number, number> = {};
  let bad = 0;
  const start = performance.now();
  const total = Math.round(seconds * STATUS_RATE);
  const inFlight: Array<Promise<void>> = [];
  for (let i = 0; i < total; i++) {
    const due = start + (i * 1000) / STATUS_RATE;
    const wait = due - performance.now();
    if (wait > 0) await sleep(wait);
    const supplier = seeded[Math.floor(random() * seeded.length)]!;
    const authorization = tokens[i % tokens.length]!;
    inFlight.push(
      (async () => {
        try {
          const res = await request(`${cluster.api.base}/v1/suppliers/${dashed(supplier.orgNumber)}/status`, { dispatcher: agent, headers: { authorization } });
          const body = await res.body.text();
          codes[res.statusCode] = (codes[res.statusCode] ?? 0) + 1;
          if (res.statusCode !== 200 || !body.includes('"status":"')) bad += 1;
          else samples.push({ at: due - start, ms: performance.now() - due, code: res.statusCode });
        } catch {
          bad += 1;
        }
      })(),
    );
  }
  await Promise.all(inFlight);
  await agent.close();
  return { samples, summary: summary(samples.map((s) => s.ms)), codes, bad };
}

/** One organisation keeps FLOOD_IN_FLIGHT searches going for `seconds`; obeying: on a 429 it waits its Retry-After. */
async function searchFlood(cluster: Cluster, org: string, queries: Array<{ q: string; finds: string | null }>, seconds: number, obey: boolean): Promise<FloodResult> {
  const agent = new Agent({ connections: FLOOD_IN_FLIGHT, keepAliveTimeout: 30_000 });
  const authorization = `Bearer ${cluster.token(org, 'registry:read')}`;
  const result: FloodResult = { ok: 0, limited: 0, errors: 0, wrong: 0, latencies: [], bursts: [] };
  const start = performance.now();
  const end = start + seconds * 1000;
  let next = 0;
  let inFlight = 0;
  let burstStart: number | null = null;
  const worker = async () => {
    while (performance.now() < end) {
      const { q, finds } = queries[next++ % queries.length]!;
      const t = performance.now();
      if (inFlight++ === 0 && burstStart === null) burstStart = t - start;
      try {
        const res = await request(`${cluster.api.base}/v1/suppliers?q=${encodeURIComponent(q)}`, { dispatcher: agent, headers: { authorization } });
        const body = await res.body.text();
        if (res.statusCode === 200) {
          result.ok += 1;
          result.latencies.push(performance.now() - t);
          if (finds && !(JSON.parse(body).items as Array<{ orgNumber: string }>).some((s) => s.orgNumber === dashed(finds))) result.wrong += 1;
        } else if (res.statusCode === 429) {
          result.limited += 1;
          if (obey) {
            const waitS = Number(res.headers['retry-after']);
            if (--inFlight === 0 && burstStart !== null) {
              result.bursts.push([burstStart, performance.now() - start]);
              burstStart = null;
            }
            await sleep(Math.min(Math.max(1, waitS) * 1000, Math.max(0, end - performance.now())));
            continue;
          }
        } else result.errors += 1;
      } catch {
        result.errors += 1;
      }
      if (--inFlight === 0 && burstStart !== null) {
        result.bursts.push([burstStart, performance.now() - start]);
        burstStart = null;
      }
    }
  };
  await Promise.all(Array.from({ length: FLOOD_IN_FLIGHT }, worker));
  if (burstStart !== null) result.bursts.push([burstStart, performance.now() - start]);
  await agent.close();
  return result;
}

/** The search on its own: HTTP one at a time (organisations in turn, inside their limits), then its SQL alone. */
async function searchAlone(cluster: Cluster, orgs: string[], queries: Array<{ q: string; finds: string | null }>) {
  const http: number[] = [];
  for (let i = 0; i < 300; i++) {
    const t = performance.now();
    const res = await cluster.api.call('GET', `/v1/suppliers?q=${encodeURIComponent(queries[i]!.q)}`, orgs[i % orgs.length]!);
    if (res.status !== 200) throw new Error(`search alone: ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`);
    http.push(performance.now() - t);
  }
  const db = drizzle(cluster.pool, { casing: 'snake_case' });
  const client = await cluster.pool.connect();
  const sql: number[] = [];
  try {
    for (let i = 0; i < 300; i++) {
      const query = searchQuery(db as never, queries[i]!.q, 50).toSQL();
      const t = performance.now();
      await client.query('BEGIN');
      await client.query(SEARCH_SETTINGS_SQL);
      await client.query(query.sql, query.params);
      await client.query('COMMIT');
      sql.push(performance.now() - t);
    }
  } finally {
    client.release();
  }
  return { http: summary(http), sql: summary(sql) };
}

async function explainSearch(pool: pg.Pool, queries: Array<{ q: string }>) {
  const db = drizzle(pool, { casing: 'snake_case' });
  const client = await pool.connect();
  const plan = async (q: string) => {
    const query = searchQuery(db as never, q, 50).toSQL();
    await client.query('BEGIN');
    try {
      await client.query(SEARCH_SETTINGS_SQL);
      return { q, plan: (await client.query(`EXPLAIN (ANALYZE, BUFFERS) ${query.sql}`, query.params)).rows.map((r) => r['QUERY PLAN']).join('\n') };
    } finally {
      await client.query('ROLLBACK');
    }
  };
  try {
    return { typical: await plan(queries[0]!.q), typo: await plan(queries[1]!.q), longest: await plan(queries[3]!.q) };
  } finally {
    client.release();
  }
}
