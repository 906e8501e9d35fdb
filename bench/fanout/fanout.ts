import { type Cluster, type Options, startCluster } from '../lib/cluster.ts';
import { cpuDelta, cpuPer } from '../lib/cpu.ts';
import { type Helper, startHelper } from '../lib/ipc.ts';
import { sleep } from '../lib/proc.ts';
import { createPurchasingCentre, createSuppliersViaApi, members, orgNumber } from '../lib/registry.ts';
import { log, ms, ratio, type Row, summary, times } from '../lib/report.ts';
import { assertBlocked, postStop, stopPhases, subscribeMembers, waitRecorded } from '../lib/stops.ts';
import type { BenchOutcome } from '../lib/types.ts';

interface SizeResult {
  subscribers: number;
  /** POST to the last verified delivery at the receiver, ms. */
  registry: ReturnType<typeof summary>;
  /** The bare script to the last verified delivery, ms. */
  bare: ReturnType<typeof summary>;
  /** The POST alone (until the API answered 201), ms. */
  post: ReturnType<typeof summary>;
  /** Signal created_at to the last delivery recorded as succeeded, by the database clock, ms. */
  recorded: ReturnType<typeof summary>;
  /**
   * Median of each phase, ms: toRelay (the POST's transaction began → the relay's began),
   * relayToFirstSend (relay → first webhook attempt starts in the worker), sendSpread
   * (first → last attempt started), sendMedianMs / sendMaxMs (one attempt's duration).
   */
  phasesP50: Record<string, number>;
  /** CPU per delivered webhook by part of the system, µs (bench/lib/cpu.ts); the registry's includes recording the attempts. */
  cpuPerDelivery: { registry: ReturnType<typeof cpuPer>; bare: ReturnType<typeof cpuPer> };
  ratioP50: number;
  ratioP99: number;
  samples: { registry: number[]; bare: number[] };
}

/**
 * Fan-out: the purchasing centre posts a call-off stop (avropsstopp) and every
 * subscriber endpoint — each on its own port in a receiver process that verifies
 * every signature — must have it. Timed from just before the POST to the receiver's
 * last verification; beside it the bare script posting the same number of signed
 * payloads to the same receiver. Rounds alternate between the two.
 */
export async function fanoutBench(options: Options): Promise<BenchOutcome> {
  const sizes = [...options.sizes].sort((a, b) => a - b);
  const perSize = options.fanoutWarmup + options.rounds;
  log(`fanout: sizes ${sizes.join(', ')}; ${options.fanoutWarmup} warm-up + ${options.rounds} measured rounds each`);
  const cluster = await startCluster('fanout', options);
  const receiver = startHelper('bench/fanout/receiver.ts');
  const bare = startHelper('bench/fanout/bare-sender.ts');
  const results: SizeResult[] = [];
  let memory: { api: number | null; worker: number | null } = { api: null, worker: null };
  let receiverStats: any = null;
  try {
    const { api } = cluster;
    const agreementId = await createPurchasingCentre(api);
    const suppliers = Array.from({ length: sizes.length * perSize }, (_, i) => orgNumber(i, 56));
    await createSuppliersViaApi(api, suppliers, agreementId);
    log(`fanout: ${suppliers.length} suppliers, each a party to the agreement`);

    const targets: Array<{ url: string; secret: string }> = [];
    let supplierIndex = 0;
    for (const size of sizes) {
      const added = members(size).slice(targets.length);
      const started = Date.now();
      const subs = await subscribeMembers(api, receiver, added, targets.length);
      for (const sub of subs) targets.push({ url: sub.url, secret: sub.secret });
      await bare.ask({ type: 'targets', targets }, 'ready', 30_000);
      log(`fanout: ${size} subscriptions on ${size} ports (${added.length} added in ${Math.round((Date.now() - started) / 1000)} s)`);
      // A municipality outside any federation and one inside: a purchasing centre's stop blocks both.
      const readers = members(size).filter((m) => m.kind === 'municipality').slice(0, 3).map((m) => m.id);

      const registry: number[] = [];
      const bareSamples: number[] = [];
      const post: number[] = [];
      const recorded: number[] = [];
      const phases: Array<Record<string, number>> = [];
      const cpu = { registry: {} as Record<string, number>, bare: {} as Record<string, number> };
      const snapshot = () => cluster.cpu({ receiver: receiver.child.pid, 'bare sender': bare.child.pid });
      const add = (into: Record<string, number>, delta: Record<string, number>) => {
        for (const [k, v] of Object.entries(delta)) into[k] = (into[k] ?? 0) + v;
      };
      for (let round = 0; round < perSize; round++) {
        const measured = round >= options.fanoutWarmup;
        const supplier = suppliers[supplierIndex++]!;
        const runRegistry = async () => {
          const before = await snapshot();
          const r = await registryRound(cluster, receiver, size, `r${size}-${round}`, supplier, agreementId, readers[round % readers.length]!, !measured, snapshot);
          if (measured) {
            add(cpu.registry, cpuDelta(before, r.cpuAfter));
            registry.push(r.latencyMs);
            post.push(r.postMs);
            recorded.push(r.recordedMs);
            phases.push(r.phases);
          }
        };
        const runBare = async () => {
          const before = await snapshot();
          const latency = await bareRound(receiver, bare, size, `b${size}-${round}`, !measured);
          const after = await snapshot();
          if (measured) {
            bareSamples.push(latency);
            add(cpu.bare, cpuDelta(before, after));
          }
        };
        // Alternate which goes first, so drift on a shared machine hits both alike.
        if (round % 2 === 0) {
          await runRegistry();
          await runBare();
        } else {
          await runBare();
          await runRegistry();
        }
      }
      const result: SizeResult = {
        subscribers: size,
        registry: summary(registry),
        bare: summary(bareSamples),
        post: summary(post),
        recorded: summary(recorded),
        cpuPerDelivery: { registry: cpuPer(cpu.registry, options.rounds * size), bare: cpuPer(cpu.bare, options.rounds * size) },
        phasesP50: Object.fromEntries(Object.keys(phases[0] ?? {}).map((k) => [k, summary(phases.map((p) => p[k]!)).p50])),
        ratioP50: ratio(summary(registry).p50, summary(bareSamples).p50),
        ratioP99: ratio(summary(registry).p99, summary(bareSamples).p99),
        samples: { registry, bare: bareSamples },
      };
      results.push(result);
      log(`fanout ${size}: registry p50 ${ms(result.registry.p50)} p99 ${ms(result.registry.p99)}; bare p50 ${ms(result.bare.p50)} p99 ${ms(result.bare.p99)}`);
    }
    receiverStats = await receiver.ask({ type: 'stats' }, 'stats', 10_000);
    const expectedLibrary = 2 * options.fanoutWarmup * sizes.reduce((a, b) => a + b, 0);
    if (receiverStats.libraryVerified < expectedLibrary) throw new Error(`only ${receiverStats.libraryVerified} of ${expectedLibrary} warm-up deliveries were checked with the standardwebhooks library`);
    if (receiverStats.rejected > 0) throw new Error(`the receiver rejected ${receiverStats.rejected} deliveries: ${receiverStats.rejections.join('; ')}`);
    memory = cluster.memory();
  } finally {
    const helpers = { receiver: receiver.peakRssMb(), bare: bare.peakRssMb() };
    await receiver.close();
    await bare.close();
    const final = await cluster.stop();
    memory = { api: memory.api ?? final.api, worker: memory.worker ?? final.worker };
    receiverStats = receiverStats ? { ...receiverStats, peakRssMb: helpers.receiver, bareSenderPeakRssMb: helpers.bare } : null;
  }

  const rows: Row[] = [];
  for (const r of results) {
    const headline = r.subscribers === 310;
    rows.push({
      what: `fanout ${r.subscribers} subscribers, p50`,
      ours: ms(r.registry.p50),
      limit: ms(r.bare.p50),
      ratio: times(r.ratioP50),
      bar: headline ? '≤ 2× limit (issue 17)' : '',
      met: headline ? r.ratioP50 <= 2 : null,
    });
    rows.push({ what: `fanout ${r.subscribers} subscribers, p95`, ours: ms(r.registry.p95), limit: ms(r.bare.p95), ratio: times(ratio(r.registry.p95, r.bare.p95)), bar: '', met: null });
    rows.push({
      what: `fanout ${r.subscribers} subscribers, p99`,
      ours: ms(r.registry.p99),
      limit: ms(r.bare.p99),
      ratio: times(r.ratioP99),
      bar: headline ? '< 150 ms (issue 17)' : '',
      met: headline ? r.registry.p99 < 150 : null,
    });
    rows.push({ what: `fanout ${r.subscribers} subscribers, max`, ours: ms(r.registry.max), limit: ms(r.bare.max), ratio: times(ratio(r.registry.max, r.bare.max)), bar: '', met: null });
    rows.push({ what: `  of which the POST (p50)`, ours: ms(r.post.p50), limit: '', ratio: '', bar: '', met: null });
    rows.push({ what: `  signal tx → relay → first send (p50)`, ours: `${ms(r.phasesP50.toRelay ?? Number.NaN)} → ${ms(r.phasesP50.relayToFirstSend ?? Number.NaN)}`, limit: '', ratio: '', bar: '', met: null });
    rows.push({ what: `  first → last send started (p50)`, ours: ms(r.phasesP50.sendSpread ?? Number.NaN), limit: '', ratio: '', bar: '', met: null });
    rows.push({
      what: `  CPU per delivery, all processes`,
      ours: `${r.cpuPerDelivery.registry.total} µs`,
      limit: `${r.cpuPerDelivery.bare.total} µs`,
      ratio: times(ratio(r.cpuPerDelivery.registry.total, r.cpuPerDelivery.bare.total)),
      bar: '',
      met: null,
    });
  }
  const first = results[0];
  const last = results.at(-1);
  let growth: Record<string, number> | null = null;
  if (first && last && last !== first) {
    const subscriberFactor = last.subscribers / first.subscribers;
    const ourFactor = last.registry.p50 / first.registry.p50;
    const bareFactor = last.bare.p50 / first.bare.p50;
    growth = { subscriberFactor, registryP50Factor: ourFactor, bareP50Factor: bareFactor };
    rows.push({
      what: `fanout growth ${first.subscribers}→${last.subscribers} (p50)`,
      ours: times(ourFactor),
      limit: times(bareFactor),
      ratio: `${times(subscriberFactor)} subs`,
      bar: `≤ ~linear (${(subscriberFactor * 1.5).toFixed(1)}×)`,
      met: ourFactor <= subscriberFactor * 1.5,
    });
  }
  return {
    name: 'fanout',
    rows,
    memory,
    result: {
      sizes: results,
      growth,
      receiver: receiverStats,
      settings: { rounds: options.rounds, warmup: options.fanoutWarmup, workerConcurrency: 'default (50)', senderConnectionsPerOrigin: 16 },
      percentiles: 'nearest rank; with 50 samples p99 is the slowest round',
    },
  };
}

async function registryRound(
  cluster: Cluster,
  receiver: Helper,
  size: number,
  tag: string,
  supplier: string,
  agreementId: string,
  reader: string,
  library: boolean,
  snapshot: () => Promise<Record<string, number>>,
) {
  const marker = `bench ${tag}`;
  await receiver.ask({ type: 'arm', marker, expected: size, library }, 'armed', 5_000);
  const done = receiver.next<{ at: string; eventIds: string[] }>('done', 60_000, (m) => m.marker === marker);
  const { t0, postMs, signalId } = await postStop(cluster.api, supplier, agreementId, marker);
  const { at, eventIds } = await done;
  const latencyMs = Number(BigInt(at) - t0) / 1e6;
  if (eventIds.length !== 1) throw new Error(`round ${tag}: ${eventIds.length} different events delivered`);

  // The work was really done: every delivery recorded as succeeded, and the supplier blocked.
  const recordedMs = await waitRecorded(cluster, signalId, size, 30_000, `round ${tag}: ${size} deliveries recorded`);
  const cpuAfter = await snapshot();
  await assertBlocked(cluster.api, supplier, reader, signalId, tag);
  const phases = await stopPhases(cluster, signalId);
  return { latencyMs, postMs, recordedMs, phases, cpuAfter };
}

async function bareRound(receiver: Helper, bare: Helper, size: number, tag: string, library: boolean) {
  const marker = `bench ${tag}`;
  await receiver.ask({ type: 'arm', marker, expected: size, library }, 'armed', 5_000);
  const done = receiver.next<{ at: string }>('done', 60_000, (m) => m.marker === marker);
  const sent = bare.next<{ ok: number; failed: number }>('sent', 60_000);
  const t0 = process.hrtime.bigint();
  bare.send({ type: 'go', marker });
  const { at } = await done;
  const latencyMs = Number(BigInt(at) - t0) / 1e6;
  const { ok, failed } = await sent;
  if (ok !== size || failed !== 0) throw new Error(`bare round ${tag}: ${ok} ok, ${failed} failed`);
  // Let the last responses settle before the next round starts its clock.
  await sleep(5);
  return latencyMs;
}
