import { type Cluster, type Options, startCluster } from '../lib/cluster.ts';
import { type Helper, startHelper } from '../lib/ipc.ts';
import { sleep } from '../lib/proc.ts';
import { createOrganisations, createPurchasingCentre, createSuppliersViaApi, dashed, mapLimit, members, orgNumber } from '../lib/registry.ts';
import { log, ms, ratio, type Row, summary, times } from '../lib/report.ts';
import { assertBlocked, liftStop, postStop, stopPhases, type Subscribed, subscribeMembers, waitRecorded } from '../lib/stops.ts';
import type { BenchOutcome } from '../lib/types.ts';

/**
 * Issue 11: a call-off stop must reach the healthy subscribers as fast with hostile
 * endpoints and a replay backlog in the mix as without them. One cluster, one run:
 *
 * 1. clean: 310 healthy subscriptions (290 municipalities + 20 federations, the
 *    fan-out benchmark's filters), warm-up rounds, then `rounds` measured rounds of
 *    call-off stop + lift;
 * 2. hostile: the same 310, of which 31 now answer 500 to the first attempt of every
 *    message (2xx to the retry), plus two organisations with 50 endpoints each that
 *    subscribe to everything — one whose endpoints trickle (200 headers at once, then a
 *    body byte every 5 s, never finishing), one whose endpoints accept the connection and
 *    never answer; just before the rounds those two post 50 low deviations and a third
 *    organisation queues the replay of 20,000 events (two subscriptions, 10,000 each:
 *    MAX_REPLAY_EVENTS); then the same number of measured rounds.
 *
 * A round is timed from just before the stop's POST to the moment the receiver has
 * verified it at the last steady healthy endpoint (310 clean, 279 hostile); a round
 * that takes longer than `roundTimeout` counts as failed (an infinite sample). The 31
 * flaky endpoints' retries are waited for (bounded) after the rounds. At the end the
 * database must hold every delivery to the hostile endpoints, none succeeded, each
 * pending or failed with its attempts recorded.
 */

const HEALTHY = 310;
/** Every tenth healthy endpoint answers 500 to the first attempt of each message. */
const isFlaky = (endpoint: number) => endpoint % 10 === 9;
const HOSTILE_PER_ORG = 50;
/** The parts of the hostile mix; `--mix` leaves some out, to see which one hurts (then it is not issue 11's bar). */
export const MIX_PARTS = ['trickle', 'hang', 'deviations', 'replay', 'flaky'] as const;
export type MixPart = (typeof MIX_PARTS)[number];
const HOSTILE_DEVIATIONS = 50;
const REPLAY_EVENTS = 20_000;
const REPLAY_PER_CALL = 10_000;
const TRICKLE_EVERY_MS = 5_000;
/** The registry's first retry comes 5 s (±10 %) after a failed attempt. */
const FIRST_RETRY_MS = 5_500;

const TRICKLE_ORG = { id: 'bench-hostile-trickle', kind: 'municipality', name: 'Sipprande kommun (benchmark)', municipalityCode: '9801' };
const HANG_ORG = { id: 'bench-hostile-hang', kind: 'municipality', name: 'Tysta kommun (benchmark)', municipalityCode: '9802' };
const REPLAY_ORG = { id: 'bench-replay', kind: 'municipality', name: 'Återspelande kommun (benchmark)', municipalityCode: '9803' };

interface RoundResult {
  tag: string;
  /** POST to the last steady endpoint verified, ms; null when the round timed out. */
  latencyMs: number | null;
  postMs: number;
  /** Steady endpoints that had verified the stop when the round ended. */
  seen: number;
  /** Signal created_at to the last steady delivery recorded succeeded (database clock), ms; null when not within the round. */
  recordedMs: number | null;
  /** POST of the lift to its arrival at the last steady endpoint, ms; null when not within the timeout. */
  liftMs: number | null;
  phases: Record<string, number>;
  errors: string[];
  /** hrtime of the POST, for the flaky endpoints' arrival times. */
  t0: string;
  signalId: string;
  /** Set when the phase's time budget ran out before this round. */
  notRun?: boolean;
  /** Read at the end of the run: the stop's deliveries to the steady endpoints by status, and POST → first attempt started, ms. */
  atEnd?: { succeeded: number; other: number; firstAttemptAfterMs: number | null; lastSucceededAfterMs: number | null };
  /** Filled in after the rounds: POST to each flaky endpoint's accepted (retried) delivery, ms. */
  flakyMs?: number[];
  flakyRefused?: number;
}

interface PhaseContext {
  cluster: Cluster;
  receiver: Helper;
  agreementId: string;
  steadyExpected: number;
  /** Subscriptions whose stop deliveries must be recorded succeeded within the round. */
  steadySubscriptionIds: string[];
  readers: string[];
  timeoutMs: number;
}

const finite = (xs: Array<number | null>) => xs.map((x) => (x === null ? Number.POSITIVE_INFINITY : x));
const fmt = (x: number) => (Number.isNaN(x) ? 'none' : Number.isFinite(x) ? ms(x) : 'timed out');

async function stopRound(ctx: PhaseContext, tag: string, supplier: string, reader: string, library: boolean): Promise<RoundResult> {
  const { cluster, receiver } = ctx;
  const marker = `bench ${tag}`;
  const errors: string[] = [];
  await receiver.ask({ type: 'arm', marker, event: 'signal.created', expected: ctx.steadyExpected, library }, 'armed', 5_000);
  const started = Date.now();
  const deadline = started + ctx.timeoutMs;
  const done = receiver.next<{ at: string; eventIds: string[] }>('done', ctx.timeoutMs, (m) => m.marker === marker && m.event === 'signal.created');
  done.catch(() => {});
  const { t0, postMs, signalId } = await postStop(cluster.api, supplier, ctx.agreementId, marker);
  let latencyMs: number | null = null;
  try {
    const { at, eventIds } = await done;
    latencyMs = Number(BigInt(at) - t0) / 1e6;
    if (eventIds.length !== 1) errors.push(`${eventIds.length} different events delivered`);
  } catch {
    errors.push(`the stop did not reach every steady endpoint within ${ctx.timeoutMs} ms`);
  }
  const report = await receiver.ask<{ seen: number }>({ type: 'report', marker, event: 'signal.created' }, 'report', 5_000);
  let recordedMs: number | null = null;
  let phases: Record<string, number> = {};
  if (latencyMs !== null) {
    try {
      recordedMs = await waitRecorded(cluster, signalId, ctx.steadySubscriptionIds.length, Math.max(1_000, deadline - Date.now()), `round ${tag}: steady deliveries recorded`, ctx.steadySubscriptionIds);
    } catch (error) {
      errors.push((error as Error).message);
    }
    phases = await stopPhases(cluster, signalId, ctx.steadySubscriptionIds);
  }
  try {
    await assertBlocked(cluster.api, supplier, reader, signalId, tag);
  } catch (error) {
    errors.push((error as Error).message);
  }
  // Lift it again, and let the lift reach the steady endpoints before the next round
  // (bounded; not part of the figure).
  let liftMs: number | null = null;
  await receiver.ask({ type: 'arm', marker, event: 'signal.lifted', expected: ctx.steadyExpected, library: false }, 'armed', 5_000);
  const lifted = receiver.next<{ at: string }>('done', latencyMs === null ? 1_000 : ctx.timeoutMs, (m) => m.marker === marker && m.event === 'signal.lifted');
  lifted.catch(() => {});
  const l0 = process.hrtime.bigint();
  await liftStop(cluster.api, signalId);
  try {
    liftMs = Number(BigInt((await lifted).at) - l0) / 1e6;
  } catch {
    if (latencyMs !== null) errors.push(`the lift did not reach every steady endpoint within ${ctx.timeoutMs} ms`);
  }
  return { tag, latencyMs, postMs, seen: report.seen, recordedMs, liftMs, phases, errors, t0: String(t0), signalId };
}

/**
 * Runs warm-up + `count` rounds. Bounded in time as well as count: a round not started
 * within `budgetMs` of the phase's start is not run and counts as failed (timed out).
 */
async function runRounds(ctx: PhaseContext, label: string, count: number, warmup: number, suppliers: string[], budgetMs: number): Promise<RoundResult[]> {
  const out: RoundResult[] = [];
  const phaseDeadline = Date.now() + budgetMs;
  for (let round = 0; round < warmup + count; round++) {
    const measured = round >= warmup;
    const tag = `${label}-${measured ? round - warmup : `w${round}`}`;
    if (Date.now() > phaseDeadline) {
      if (!measured) continue;
      const error = `not run: the ${label} rounds used up their ${budgetMs / 1000} s`;
      out.push({ tag, latencyMs: null, postMs: Number.NaN, seen: 0, recordedMs: null, liftMs: null, phases: {}, errors: [error], t0: '0', signalId: '', notRun: true });
      continue;
    }
    const r = await stopRound(ctx, tag, suppliers.shift()!, ctx.readers[round % ctx.readers.length]!, !measured);
    if (measured) out.push(r);
    const line = `${tag}: ${r.latencyMs === null ? `TIMED OUT (${r.seen}/${ctx.steadyExpected} steady endpoints)` : ms(r.latencyMs)}`;
    log(`fanout-hostile ${line}${r.errors.length ? `; ${r.errors.join('; ')}` : ''}`);
  }
  return out;
}

/** Seeds the backlog the replaying organisation will ask for: `count` low deviations it issued, their events already relayed. */
async function seedReplayBacklog(cluster: Cluster, supplier: string, count: number): Promise<Date[]> {
  const client = await cluster.pool.connect();
  try {
    await client.query('BEGIN');
    await client.query(
      `INSERT INTO signals (id, type, supplier_org_number, issuer_org_id, status, visibility, severity, category, summary, effective_from, version, created_by, created_at, updated_at)
       SELECT gen_random_uuid(), 'deviation', $1, $2, 'active', 'members', 'low', 'other', 'Replay backlog ' || g, t, 1, $2 || '-bench', t, t
         FROM (SELECT g, now() - interval '3 days' + g * interval '10 milliseconds' AS t FROM generate_series(1, $3::int) g) x`,
      [supplier, REPLAY_ORG.id, count],
    );
    await client.query(
      `INSERT INTO events (id, type, signal_id, signal_version, signal_type, supplier_org_number, agreement_id, issuer_org_id, visibility, severity, signal, created_at, relayed_at)
       SELECT gen_random_uuid(), 'signal.created', s.id, 1, 'deviation', s.supplier_org_number, NULL, s.issuer_org_id, 'members', 'low',
              jsonb_build_object('id', s.id, 'type', 'deviation', 'supplierOrgNumber', $2::text, 'unitId', NULL, 'agreementId', NULL,
                'issuerOrgId', s.issuer_org_id, 'status', 'active', 'visibility', 'members', 'severity', 'low', 'category', 'other',
                'summary', s.summary, 'details', NULL, 'reference', NULL, 'effectiveFrom', s.effective_from, 'effectiveUntil', NULL,
                'version', 1, 'createdAt', s.created_at, 'updatedAt', s.updated_at),
              s.created_at, s.created_at
         FROM signals s WHERE s.issuer_org_id = $1 AND s.summary LIKE 'Replay backlog %' ORDER BY s.created_at`,
      [REPLAY_ORG.id, dashed(supplier)],
    );
    await client.query('COMMIT');
    // Where each replay call starts: the first event, and the first one the previous call cannot reach.
    const { rows } = await client.query(
      `SELECT created_at FROM (SELECT created_at, row_number() OVER (ORDER BY seq) - 1 AS n FROM events WHERE issuer_org_id = $1) x
        WHERE n % $2 = 0 ORDER BY n`,
      [REPLAY_ORG.id, REPLAY_PER_CALL],
    );
    return rows.map((r) => r.created_at as Date);
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

/** Deliveries to the hostile endpoints, from the database. */
async function hostileState(cluster: Cluster, subscriptionIds: string[], afterSeq: number) {
  const { rows: byState } = await cluster.pool.query(
    `SELECT s.org_id AS org, d.status::text AS status, d.attempts, count(*)::int AS deliveries
       FROM deliveries d JOIN subscriptions s ON s.id = d.subscription_id
      WHERE d.subscription_id = ANY($1::uuid[]) GROUP BY 1, 2, 3 ORDER BY 1, 2, 3`,
    [subscriptionIds],
  );
  // Every signal event relayed after the hostile subscriptions existed must have a delivery to each of them.
  const { rows: [check] } = await cluster.pool.query(
    `WITH subs AS (SELECT id, org_id FROM subscriptions WHERE id = ANY($1::uuid[])),
          evs AS (SELECT seq, issuer_org_id, visibility FROM events WHERE seq > $2 AND signal_id IS NOT NULL AND relayed_at IS NOT NULL)
     SELECT (SELECT count(*) FROM subs JOIN evs ON evs.visibility = 'members' OR evs.issuer_org_id = subs.org_id)::int AS expected,
            (SELECT count(*) FROM subs JOIN evs ON evs.visibility = 'members' OR evs.issuer_org_id = subs.org_id
              WHERE NOT EXISTS (SELECT 1 FROM deliveries d WHERE d.subscription_id = subs.id AND d.event_seq = evs.seq))::int AS missing,
            (SELECT count(*) FROM events WHERE seq > $2 AND relayed_at IS NULL)::int AS "unrelayedEvents",
            (SELECT count(*) FROM deliveries WHERE subscription_id = ANY($1::uuid[]))::int AS deliveries,
            (SELECT count(*) FROM deliveries WHERE subscription_id = ANY($1::uuid[]) AND status = 'succeeded')::int AS succeeded,
            (SELECT count(*) FROM deliveries WHERE subscription_id = ANY($1::uuid[]) AND attempts = 0)::int AS "neverAttempted",
            (SELECT count(*) FROM deliveries WHERE subscription_id = ANY($1::uuid[]) AND status = 'pending' AND next_attempt_at IS NULL)::int AS "pendingWithoutDueTime",
            (SELECT coalesce(sum(attempts), 0) FROM deliveries WHERE subscription_id = ANY($1::uuid[]))::int AS "attemptsCounted",
            (SELECT count(*) FROM delivery_attempts a JOIN deliveries d ON d.id = a.delivery_id WHERE d.subscription_id = ANY($1::uuid[]))::int AS "attemptRows",
            (SELECT count(*) FROM deliveries WHERE subscription_id = ANY($1::uuid[]) AND attempts >= 2)::int AS retried`,
    [subscriptionIds, afterSeq],
  );
  const { rows: errors } = await cluster.pool.query(
    `SELECT s.org_id AS org, coalesce(a.error, 'HTTP ' || a.status_code) AS error, count(*)::int AS attempts,
            round(percentile_cont(0.5) WITHIN GROUP (ORDER BY a.duration_ms))::int AS "medianDurationMs", max(a.duration_ms) AS "maxDurationMs"
       FROM delivery_attempts a JOIN deliveries d ON d.id = a.delivery_id JOIN subscriptions s ON s.id = d.subscription_id
      WHERE d.subscription_id = ANY($1::uuid[]) GROUP BY 1, 2 ORDER BY 1, 3 DESC LIMIT 20`,
    [subscriptionIds],
  );
  return { byState, check: check as Record<string, number>, errors };
}

export async function fanoutHostileBench(options: Options): Promise<BenchOutcome> {
  const rounds = options.rounds;
  const warmup = options.fanoutWarmup;
  const timeoutMs = options.roundTimeout * 1000;
  const mix = options.mix;
  const has = (part: MixPart) => mix.includes(part);
  log(`fanout-hostile: ${HEALTHY} healthy subscribers; ${warmup} warm-up + ${rounds} clean rounds, then ${rounds} hostile rounds; round timeout ${options.roundTimeout} s`);
  if (MIX_PARTS.some((p) => !has(p))) log(`fanout-hostile: PARTIAL MIX (${mix.join(', ') || 'nothing'}): a diagnosis, not issue 11's bar`);
  // The registry's own defaults (webhook timeouts, concurrency): the bench must show that they hold.
  const cluster = await startCluster('fanout-hostile', options);
  const receiver = startHelper('bench/fanout/receiver.ts');
  const hostile = startHelper('bench/fanout/hostile-endpoints.ts');
  let memory: { api: number | null; worker: number | null } = { api: null, worker: null };
  let clean: RoundResult[] = [];
  let mixed: RoundResult[] = [];
  let receiverStats: any = null;
  let hostileStats: any = null;
  let state: Awaited<ReturnType<typeof hostileState>> | null = null;
  let replay: Record<string, unknown> = {};
  let settledWithinMs: number | null = null;
  let workerLog: Record<string, number> = {};
  const timeline: Record<string, number> = {};
  const startedAt = Date.now();
  const mark = (what: string) => {
    timeline[what] = Math.round((Date.now() - startedAt) / 100) / 10;
  };
  try {
    const { api } = cluster;
    const agreementId = await createPurchasingCentre(api);
    const suppliers = Array.from({ length: 2 * (rounds + warmup) + 2 }, (_, i) => orgNumber(i, 57));
    await createSuppliersViaApi(api, suppliers, agreementId);
    const deviationSupplier = suppliers.pop()!;
    const replaySupplier = suppliers.pop()!;
    await createOrganisations(api, [TRICKLE_ORG, HANG_ORG, REPLAY_ORG]);
    const replayStarts = has('replay') ? await seedReplayBacklog(cluster, replaySupplier, REPLAY_EVENTS) : [];
    log(`fanout-hostile: ${suppliers.length + 2} suppliers; ${replayStarts.length ? REPLAY_EVENTS : 0} events seeded for ${REPLAY_ORG.id} to replay`);

    const healthy = await subscribeMembers(api, receiver, members(HEALTHY), 0);
    const readers = members(HEALTHY).filter((m, i) => m.kind === 'municipality' && !isFlaky(i)).slice(0, 3).map((m) => m.id);
    log(`fanout-hostile: ${HEALTHY} healthy subscriptions on ${HEALTHY} ports`);
    mark('setUp');

    // 1. Clean.
    clean = await runRounds(
      { cluster, receiver, agreementId, steadyExpected: HEALTHY, steadySubscriptionIds: healthy.map((s) => s.id), readers, timeoutMs },
      'clean',
      rounds,
      warmup,
      suppliers,
      options.phaseBudget * 1000,
    );
    mark('cleanDone');

    // 2. The hostile mix.
    const ports = await hostile.ask<{ trickle: number[]; hang: number[]; replay: number[] }>(
      {
        type: 'listen',
        trickle: has('trickle') ? HOSTILE_PER_ORG : 0,
        hang: has('hang') ? HOSTILE_PER_ORG : 0,
        replay: has('replay') ? REPLAY_EVENTS / REPLAY_PER_CALL : 0,
        trickleEveryMs: TRICKLE_EVERY_MS,
      },
      'listening',
      60_000,
    );
    const subscribe = (org: string, portList: number[]) =>
      mapLimit(portList, 8, async (port) => (await api.must('POST', '/v1/subscriptions', org, { url: `http://127.0.0.1:${port}/hooks/registry`, filters: {} }, [201])).id as string);
    const trickleSubs = await subscribe(TRICKLE_ORG.id, ports.trickle);
    const hangSubs = await subscribe(HANG_ORG.id, ports.hang);
    const replaySubs = await subscribe(REPLAY_ORG.id, ports.replay);
    const hostileSubs = [...trickleSubs, ...hangSubs];
    const { rows: [{ seq: afterSeq }] } = await cluster.pool.query(`SELECT coalesce(max(seq), 0)::int AS seq FROM events`);
    const flakyEndpoints = has('flaky') ? healthy.map((_, i) => i).filter(isFlaky) : [];
    await receiver.ask({ type: 'flaky', endpoints: flakyEndpoints }, 'flaky-set', 5_000);
    const steady = healthy.filter((_, i) => !flakyEndpoints.includes(i));
    log(`fanout-hostile: ${hostileSubs.length} hostile subscriptions (${trickleSubs.length} trickling, ${hangSubs.length} hanging), ${replaySubs.length} replaying; ${flakyEndpoints.length} healthy endpoints now flaky`);
    mark('hostileSubscribed');

    // Just before the rounds: the hostile organisations' deviations, then the replay.
    await mapLimit(
      Array.from({ length: has('deviations') ? HOSTILE_DEVIATIONS : 0 }, (_, i) => i),
      4,
      async (i) => {
        await api.must(
          'POST',
          '/v1/signals',
          i % 2 === 0 ? TRICKLE_ORG.id : HANG_ORG.id,
          { type: 'deviation', supplierOrgNumber: dashed(deviationSupplier), severity: 'low', category: 'other', summary: `Brister vid uppföljningsbesök (hostile deviation ${i}).` },
          [201],
        );
      },
    );
    mark('deviationsPosted');
    const replayCalls = await Promise.all(
      replaySubs.map(async (id, i) => {
        const t = Date.now();
        const answer = await api.must('POST', `/v1/subscriptions/${id}/replay`, REPLAY_ORG.id, { since: replayStarts[i]!.toISOString() }, [202]);
        return { ...answer, ms: Date.now() - t };
      }),
    );
    replay = { calls: replayCalls, queued: replayCalls.reduce((a, c) => a + Number(c.queued), 0) };
    mark('replayQueued');
    log(`fanout-hostile: ${HOSTILE_DEVIATIONS} low deviations posted by the hostile organisations; replay queued: ${JSON.stringify(replayCalls)}`);

    const ctx: PhaseContext = { cluster, receiver, agreementId, steadyExpected: steady.length, steadySubscriptionIds: steady.map((s: Subscribed) => s.id), readers, timeoutMs };
    mixed = await runRounds(ctx, 'hostile', rounds, 0, suppliers, options.phaseBudget * 1000);
    const notRun = mixed.filter((r) => r.notRun).length;
    if (notRun > 0) log(`fanout-hostile: ${notRun} hostile rounds not run (the phase used up its ${options.phaseBudget} s); they count as failed`);
    mark('hostileRoundsDone');

    // The flaky endpoints: each stop must reach them too, on the registry's retry (5 s after the 500).
    const flakyDeadline = Date.now() + FIRST_RETRY_MS + timeoutMs;
    for (const r of mixed.filter((x) => !x.notRun)) {
      let report: { flakyAt: Array<[number, string]>; flakyRefused: number } = { flakyAt: [], flakyRefused: 0 };
      while (true) {
        report = await receiver.ask({ type: 'report', marker: `bench ${r.tag}`, event: 'signal.created' }, 'report', 5_000);
        if (report.flakyAt.length >= flakyEndpoints.length || Date.now() > flakyDeadline) break;
        await sleep(200);
      }
      r.flakyMs = report.flakyAt.map(([, at]) => Number(BigInt(at) - BigInt(r.t0)) / 1e6);
      r.flakyRefused = report.flakyRefused;
    }
    mark('flakyWaited');
    // What became of each hostile round's stop by now (a timed-out round may have been delivered later).
    for (const r of mixed.filter((x) => !x.notRun)) {
      const { rows: [x] } = await cluster.pool.query(
        `SELECT count(*) FILTER (WHERE d.status = 'succeeded')::int AS succeeded, count(*) FILTER (WHERE d.status <> 'succeeded')::int AS other,
                extract(epoch FROM min(a.started_at) - s.created_at) * 1000 AS first, extract(epoch FROM max(d.succeeded_at) - s.created_at) * 1000 AS last
           FROM signals s JOIN events e ON e.signal_id = s.id AND e.type = 'signal.created' JOIN deliveries d ON d.event_seq = e.seq
           LEFT JOIN delivery_attempts a ON a.delivery_id = d.id AND a.attempt = 1
          WHERE s.id = $1 AND d.subscription_id = ANY($2::uuid[]) GROUP BY s.created_at`,
        [r.signalId, ctx.steadySubscriptionIds],
      );
      const num = (v: unknown) => (v === null || v === undefined ? null : Math.round(Number(v)));
      r.atEnd = { succeeded: x?.succeeded ?? 0, other: x?.other ?? 0, firstAttemptAfterMs: num(x?.first), lastSucceededAfterMs: num(x?.last) };
    }

    // Every hostile delivery must get an attempt recorded (bounded wait), then the state as it is.
    const settleStarted = Date.now();
    while (Date.now() - settleStarted < options.settle * 1000) {
      const { rows: [{ n }] } = await cluster.pool.query(`SELECT count(*)::int AS n FROM deliveries WHERE subscription_id = ANY($1::uuid[]) AND attempts = 0`, [hostileSubs]);
      if (n === 0) {
        settledWithinMs = Date.now() - settleStarted;
        break;
      }
      await sleep(500);
    }
    state = await hostileState(cluster, hostileSubs, afterSeq);
    const { rows: replayRows } = await cluster.pool.query(
      `SELECT d.status::text AS status, count(*)::int AS deliveries, count(*) FILTER (WHERE d.attempts > 0)::int AS attempted
         FROM deliveries d WHERE d.subscription_id = ANY($1::uuid[]) GROUP BY 1 ORDER BY 1`,
      [replaySubs],
    );
    replay = { ...replay, deliveriesByStatus: replayRows };
    mark('stateRead');
    receiverStats = await receiver.ask({ type: 'stats' }, 'stats', 10_000);
    hostileStats = await hostile.ask({ type: 'stats' }, 'stats', 10_000);
    if (receiverStats.rejected > 0) throw new Error(`the receiver rejected ${receiverStats.rejected} deliveries: ${receiverStats.rejections.join('; ')}`);
    const expectedLibrary = warmup * HEALTHY;
    if (receiverStats.libraryVerified < expectedLibrary) throw new Error(`only ${receiverStats.libraryVerified} of ${expectedLibrary} warm-up deliveries were checked with the standardwebhooks library`);
    // The worker's own account of the overdue sweep (src/workers.ts logs each re-queue).
    const requeues = cluster.workerService
      ?.log()
      .split('\n')
      .filter((line) => line.includes('re-queued overdue deliveries'))
      .map((line) => Number(/"count":(\d+)/.exec(line)?.[1] ?? 0)) ?? [];
    workerLog = { overdueSweepsRequeueing: requeues.length, deliveriesRequeuedAsOverdue: requeues.reduce((a, b) => a + b, 0) };
    memory = cluster.memory();
  } finally {
    const helpers = { receiver: receiver.peakRssMb(), hostile: hostile.peakRssMb() };
    await receiver.close();
    await hostile.close();
    const final = await cluster.stop();
    memory = { api: memory.api ?? final.api, worker: memory.worker ?? final.worker };
    receiverStats = receiverStats ? { ...receiverStats, peakRssMb: helpers.receiver, hostilePeakRssMb: helpers.hostile } : null;
  }

  // Figures and bars.
  const cleanSummary = summary(finite(clean.map((r) => r.latencyMs)));
  const mixedSummary = summary(finite(mixed.map((r) => r.latencyMs)));
  const p50Ratio = ratio(mixedSummary.p50, cleanSummary.p50);
  const cleanOk = clean.filter((r) => r.latencyMs !== null).length;
  const mixedOk = mixed.filter((r) => r.latencyMs !== null).length;
  const flakyCount = mix.includes('flaky') ? HEALTHY / 10 : 0;
  const flakyRoundsOk = mixed.filter((r) => (r.flakyMs?.length ?? 0) >= flakyCount).length;
  const flakyArrivals = mixed.flatMap((r) => r.flakyMs ?? []);
  const flakySummary = summary(flakyArrivals.length ? flakyArrivals : [Number.NaN]);
  const recordedOk = (rs: RoundResult[]) => rs.filter((r) => r.recordedMs !== null).length;
  const errorRounds = (rs: RoundResult[]) => rs.filter((r) => r.errors.length > 0).length;
  const c = state?.check ?? {};
  const lost = (c.missing ?? Number.NaN) as number;
  const rows: Row[] = [
    { what: `fanout ${HEALTHY} clean, p50`, ours: fmt(cleanSummary.p50), limit: '', ratio: '', bar: '', met: null },
    { what: `fanout ${HEALTHY} clean, p99`, ours: fmt(cleanSummary.p99), limit: '', ratio: '', bar: '', met: null },
    { what: `fanout hostile mix, p50 (${HEALTHY - flakyCount} steady)`, ours: fmt(mixedSummary.p50), limit: fmt(cleanSummary.p50), ratio: Number.isFinite(p50Ratio) ? times(p50Ratio) : '∞', bar: '≤ 1.5× clean p50', met: p50Ratio <= 1.5 },
    { what: `fanout hostile mix, p99 (${HEALTHY - flakyCount} steady)`, ours: fmt(mixedSummary.p99), limit: fmt(cleanSummary.p99), ratio: Number.isFinite(mixedSummary.p99) ? times(ratio(mixedSummary.p99, cleanSummary.p99)) : '∞', bar: '< 500 ms', met: mixedSummary.p99 < 500 },
    { what: `fanout hostile mix, max`, ours: fmt(mixedSummary.max), limit: fmt(cleanSummary.max), ratio: '', bar: '', met: null },
    { what: `  rounds every steady endpoint verified (clean / hostile)`, ours: `${cleanOk}/${clean.length} / ${mixedOk}/${mixed.length}`, limit: '', ratio: '', bar: `all, within ${options.roundTimeout} s`, met: cleanOk === clean.length && mixedOk === mixed.length },
    { what: `  rounds all ${flakyCount} flaky endpoints reached on retry`, ours: `${flakyRoundsOk}/${mixed.length}`, limit: '', ratio: '', bar: 'all', met: flakyRoundsOk === mixed.length },
    { what: `  flaky endpoints: POST → retry verified (p50 / max)`, ours: `${fmt(flakySummary.p50)} / ${fmt(flakySummary.max)}`, limit: `${FIRST_RETRY_MS - 500} ms retry`, ratio: '', bar: '', met: null },
    { what: `  steady deliveries recorded succeeded within the round (clean / hostile)`, ours: `${recordedOk(clean)}/${clean.length} / ${recordedOk(mixed)}/${mixed.length}`, limit: '', ratio: '', bar: 'all', met: recordedOk(clean) === clean.length && recordedOk(mixed) === mixed.length },
    { what: `  rounds not run: time budget used up (clean / hostile)`, ours: `${clean.filter((r) => r.notRun).length} / ${mixed.filter((r) => r.notRun).length}`, limit: '', ratio: '', bar: '', met: null },
    { what: `  rounds with any error (clean / hostile)`, ours: `${errorRounds(clean)} / ${errorRounds(mixed)}`, limit: '', ratio: '', bar: '', met: null },
    {
      what: `  hostile stops by the end of the run: rounds fully delivered`,
      ours: `${mixed.filter((r) => r.atEnd && r.atEnd.other === 0 && r.atEnd.succeeded > 0).length}/${mixed.length}`,
      limit: '',
      ratio: '',
      bar: '',
      met: null,
    },
    { what: `  hostile stops: signal → first steady attempt started (p50)`, ours: ((x) => (Number.isFinite(x) ? ms(x) : 'never, by the end'))(summary(finite(mixed.map((r) => r.atEnd?.firstAttemptAfterMs ?? null))).p50), limit: '', ratio: '', bar: '', met: null },
    {
      what: `replay: backlog events delivered during the run`,
      ours: `${hostileStats?.replayDistinct ?? '?'} of ${REPLAY_EVENTS}`,
      limit: '',
      ratio: '',
      bar: '',
      met: null,
    },
    { what: `replay: the two POST …/replay calls took`, ours: ((replay.calls as Array<{ ms: number }> | undefined) ?? []).map((c) => ms(c.ms)).join(', '), limit: '', ratio: '', bar: '', met: null },
    { what: `hostile deliveries: none lost`, ours: `${lost} missing of ${c.expected ?? '?'}`, limit: '', ratio: '', bar: '0 missing', met: lost === 0 },
    { what: `hostile deliveries: none succeeded`, ours: `${c.succeeded ?? '?'} of ${c.deliveries ?? '?'}`, limit: '', ratio: '', bar: '0', met: c.succeeded === 0 },
    // With the circuit breaker a hostile endpoint's deliveries wait for its circuit instead of
    // each being attempted: recorded means attempted, or pending with the time it is due again.
    {
      what: `hostile deliveries: attempted, or waiting with a due time`,
      ours: `${(c.deliveries ?? 0) - (c.neverAttempted ?? 0)} attempted, ${c.pendingWithoutDueTime ?? '?'} pending without a due time, of ${c.deliveries ?? '?'}`,
      limit: '',
      ratio: '',
      bar: '0 without a due time',
      met: c.pendingWithoutDueTime === 0 && (c.deliveries ?? 0) > 0 && (c.deliveries ?? 0) > (c.neverAttempted ?? 0),
    },
    { what: `hostile deliveries: retried (≥ 2 attempts)`, ours: `${c.retried ?? '?'} of ${c.deliveries ?? '?'}`, limit: '', ratio: '', bar: '', met: null },
    { what: `hostile deliveries: attempt rows = attempts counted`, ours: `${c.attemptRows ?? '?'} = ${c.attemptsCounted ?? '?'}`, limit: '', ratio: '', bar: 'equal', met: c.attemptRows === c.attemptsCounted },
  ];
  return {
    name: 'fanout-hostile',
    rows,
    memory,
    result: {
      clean: { summary: cleanSummary, rounds: clean },
      hostile: { summary: mixedSummary, flaky: flakySummary, rounds: mixed },
      p50Ratio,
      hostileDeliveries: state,
      settledWithinMs,
      replay,
      workerLog,
      receiver: receiverStats,
      hostileEndpoints: hostileStats,
      timelineS: timeline,
      settings: {
        healthy: HEALTHY,
        flaky: flakyCount,
        hostilePerOrganisation: HOSTILE_PER_ORG,
        hostileDeviations: HOSTILE_DEVIATIONS,
        replayEvents: REPLAY_EVENTS,
        trickleEveryMs: TRICKLE_EVERY_MS,
        rounds,
        warmup,
        roundTimeoutS: options.roundTimeout,
        phaseBudgetS: options.phaseBudget,
        mix,
        settleS: options.settle,
        registry: 'default webhook timeouts and worker concurrency (nothing set)',
      },
      percentiles: 'nearest rank; a timed-out round is an infinite sample (null in the JSON)',
    },
  };
}
