import { writeFile } from 'node:fs/promises';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { fanoutBench } from './fanout/fanout.ts';
import { fanoutHostileBench, MIX_PARTS } from './fanout/fanout-hostile.ts';
import { ingestBench } from './ingest/ingest.ts';
import type { Options } from './lib/cluster.ts';
import { resultsDir, sleep } from './lib/proc.ts';
import { log, machineLabel, printTable, type Row, writeResult } from './lib/report.ts';
import type { BenchOutcome } from './lib/types.ts';
import { memoryOutcome } from './memory.ts';
import { searchFloodBench } from './search/search-flood.ts';
import { statusBench } from './status/status.ts';

// npm run bench                      every benchmark, full size
// npm run bench -- fanout status     some of them
// npm run bench -- --quick           small sizes, short runs (a smoke test, not a measurement)
const usage = `usage: npm run bench -- [fanout] [fanout-hostile] [status] [search-flood] [ingest] [memory] [options]
  --sizes 310,1000,3000      fan-out subscriber counts
  --rounds 50                measured fan-out rounds per size (after --warmup-rounds 5);
                             fanout-hostile: clean rounds, and as many hostile rounds
  --round-timeout 15         fanout-hostile: seconds before a stop round counts as failed
  --phase-budget 180         fanout-hostile: seconds in which each phase's rounds must start;
                             rounds left over are not run and count as failed
  --mix trickle,hang,deviations,replay,flaky
                             fanout-hostile: the parts of the hostile mix (default all; fewer
                             is a diagnosis of which part hurts, not the issue's bar)
  --settle 30                fanout-hostile: seconds to wait at the end for every hostile
                             delivery to have an attempt recorded
  --signals 100000,1000000   registry sizes for the status benchmark
  --suppliers 10000          suppliers in the status registry
  --growth history           status: what the signals beyond the first registry size are —
                             history (the registry grows older: ended, lifted and old
                             signals, the live set stays that of the first size) or mixed
                             (the first size's mix again: ten times the live signals too)
  --flood-seconds 65         search-flood: seconds of the quiet and of the flooded status run
                             (the hostile run is half as long)
  --connections 10           concurrent clients for status and ingest
  --duration 15              seconds per measured throughput run (after --warmup 3)
  --api-log-level warn       LOG_LEVEL of the API (the worker logs at info)
  --cpu-prof                 write V8 CPU profiles of the API and worker to bench/results/profiles
  --api-node-arg <flag>      another node flag for the API, after npm start's (repeatable), e.g.
                             --api-node-arg=--max-old-space-size=128
  --worker-node-arg <flag>   the same for the worker, after npm run worker's
  --quiet-wait 600           before each benchmark, wait up to this many seconds for the
                             1-minute load average to fall below the core count (0: don't)
  --baseline <git-ref>       ingest: also measure that commit's build (a temporary git worktree,
                             its own database and processes) beside the current code, runs
                             alternating, and report the ratio (issue 14: within 5 %)
  --baseline-rounds 4        ingest with --baseline: measured runs of each build
  --quick                    sizes 310, 10 rounds, 100,000 signals, 5 s runs, 20 s flood runs`;

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    sizes: { type: 'string' },
    rounds: { type: 'string' },
    'warmup-rounds': { type: 'string' },
    'round-timeout': { type: 'string' },
    settle: { type: 'string' },
    'phase-budget': { type: 'string' },
    mix: { type: 'string' },
    signals: { type: 'string' },
    suppliers: { type: 'string' },
    growth: { type: 'string' },
    'flood-seconds': { type: 'string' },
    connections: { type: 'string' },
    duration: { type: 'string' },
    warmup: { type: 'string' },
    'api-log-level': { type: 'string' },
    'cpu-prof': { type: 'boolean', default: false },
    'api-node-arg': { type: 'string', multiple: true, default: [] },
    'worker-node-arg': { type: 'string', multiple: true, default: [] },
    'quiet-wait': { type: 'string' },
    quick: { type: 'boolean', default: false },
    baseline: { type: 'string' },
    'baseline-rounds': { type: 'string' },
    help: { type: 'boolean', default: false },
  },
});
if (values.help) {
  process.stdout.write(`${usage}\n`);
  process.exit(0);
}
const list = (s: string | undefined, fallback: number[]) => (s ? s.split(',').map((x) => Number(x.trim())) : fallback);
const num = (s: string | undefined, fallback: number) => (s === undefined ? fallback : Number(s));
const quick = values.quick;
const options: Options = {
  sizes: list(values.sizes, quick ? [310] : [310, 1000, 3000]),
  rounds: num(values.rounds, quick ? 10 : 50),
  fanoutWarmup: num(values['warmup-rounds'], quick ? 2 : 5),
  roundTimeout: num(values['round-timeout'], 15),
  settle: num(values.settle, 30),
  phaseBudget: num(values['phase-budget'], 180),
  mix: values.mix === undefined ? [...MIX_PARTS] : values.mix.split(',').map((x) => x.trim()).filter(Boolean),
  signals: list(values.signals, quick ? [100_000] : [100_000, 1_000_000]),
  suppliers: num(values.suppliers, 10_000),
  growth: values.growth === 'mixed' ? 'mixed' : 'history',
  floodSeconds: num(values['flood-seconds'], quick ? 20 : 65),
  connections: num(values.connections, 10),
  duration: num(values.duration, quick ? 5 : 15),
  warmup: num(values.warmup, quick ? 1 : 3),
  apiLogLevel: values['api-log-level'] ?? 'warn',
  nodeArgs: (() => {
    const profile = values['cpu-prof'] ? ['--cpu-prof', `--cpu-prof-dir=${join(resultsDir, 'profiles')}`] : [];
    return { api: [...profile, ...values['api-node-arg']], worker: [...profile, ...values['worker-node-arg']] };
  })(),
  baseline: values.baseline,
  baselineRounds: num(values['baseline-rounds'], 4),
};
const bad = [...options.sizes, ...options.signals, options.rounds, options.baselineRounds, options.suppliers, options.floodSeconds, options.connections, options.duration, options.roundTimeout, options.phaseBudget].filter((x) => !Number.isFinite(x) || x <= 0);
if (values.growth !== undefined && !['history', 'mixed'].includes(values.growth)) {
  process.stderr.write(`--growth must be history or mixed, not ${values.growth}\n`);
  process.exit(2);
}
const badMix = options.mix.filter((p) => !(MIX_PARTS as readonly string[]).includes(p));
if (badMix.length > 0) {
  process.stderr.write(`unknown part of the hostile mix: ${badMix.join(', ')} (known: ${MIX_PARTS.join(', ')})\n`);
  process.exit(2);
}
if (bad.length > 0) {
  process.stderr.write(`bad number in the options\n${usage}\n`);
  process.exit(2);
}

const all = ['fanout', 'fanout-hostile', 'status', 'search-flood', 'ingest', 'memory'] as const;
type Name = (typeof all)[number];
const wanted = (positionals.length ? positionals : [...all]) as Name[];
const unknown = wanted.filter((n) => !all.includes(n));
if (unknown.length) {
  process.stderr.write(`unknown benchmark ${unknown.join(', ')}\n${usage}\n`);
  process.exit(2);
}

const runners: Record<Exclude<Name, 'memory'>, (o: Options) => Promise<BenchOutcome>> = {
  fanout: fanoutBench,
  'fanout-hostile': fanoutHostileBench,
  status: statusBench,
  'search-flood': searchFloodBench,
  ingest: ingestBench,
};

/**
 * The machine is shared: absolute figures on a busy one are noise, and even the
 * ratios suffer when the registry's several processes wait for a core. Wait (bounded)
 * for the load to settle, and record what it was.
 */
const quietWaitS = num(values['quiet-wait'], 600);
async function waitForQuiet(name: string) {
  const threshold = cpus().length;
  const deadline = Date.now() + quietWaitS * 1000;
  let told = false;
  while (loadavg()[0]! >= threshold && Date.now() < deadline) {
    if (!told) log(`${name}: load average ${loadavg()[0]!.toFixed(2)} ≥ ${threshold}; waiting up to ${quietWaitS} s for the machine to quieten`);
    told = true;
    await sleep(5_000);
  }
  return loadavg().map((x) => Math.round(x * 100) / 100);
}

log(`machine: ${machineLabel()}; options: ${JSON.stringify({ ...options, nodeArgs: undefined })}`);
const outcomes: BenchOutcome[] = [];
let failed = false;
for (const name of wanted.filter((n): n is Exclude<Name, 'memory'> => n !== 'memory')) {
  try {
    const loadAverageAtStart = await waitForQuiet(name);
    const outcome = await runners[name](options);
    outcomes.push(outcome);
    const file = await writeResult(name, { options: { ...options, nodeArgs: options.nodeArgs }, loadAverageAtStart, rows: outcome.rows, memory: outcome.memory, ...outcome.result });
    printTable(`${name} (${file})`, outcome.rows);
  } catch (error) {
    failed = true;
    process.stderr.write(`\n${name} FAILED: ${(error as Error).stack ?? error}\n`);
  }
}
if (wanted.includes('memory')) {
  try {
    // Alone, memory runs a short version of the other three; otherwise it reads their peaks.
    const sources = outcomes.length
      ? outcomes
      : await (async () => {
          const short: Options = { ...options, sizes: [310], rounds: 10, fanoutWarmup: 2, signals: [100_000], duration: 5, warmup: 1 };
          log('memory: running short fanout, status and ingest runs to watch the processes');
          return [await fanoutBench(short), await statusBench(short), await ingestBench(short)];
        })();
    const outcome = memoryOutcome(sources);
    outcomes.push(outcome);
    const file = await writeResult('memory', { rows: outcome.rows, memory: outcome.memory, ...outcome.result });
    printTable(`memory (${file})`, outcome.rows);
  } catch (error) {
    failed = true;
    process.stderr.write(`\nmemory FAILED: ${(error as Error).stack ?? error}\n`);
  }
}

// The same rows as Markdown, ready for docs/performance.md.
const date = new Date().toISOString().slice(0, 10);
const md = [
  `| what | ours | limit | ratio | bar | met | date | machine |`,
  `|---|---|---|---|---|---|---|---|`,
  ...outcomes.flatMap((o) =>
    o.rows.map((r: Row) => `| ${r.what.trim()} | ${r.ours} | ${r.limit} | ${r.ratio} | ${r.bar} | ${r.met === null ? '' : r.met ? 'yes' : '**no**'} | ${date} | ${machineLabel()} |`),
  ),
].join('\n');
await writeFile(join(resultsDir, 'summary.md'), `${md}\n`);
process.stdout.write(`\nMarkdown table: ${join(resultsDir, 'summary.md')}\n`);
process.exit(failed ? 1 : 0);
