import type pg from 'pg';
import type { AckedWrite, Org } from './load.ts';
import { isHostile, type Receiver } from './receivers.ts';

/**
 * The checks after the drain, computed from the database and from what the
 * receivers recorded — never from the registry's own idea of what it delivered:
 *
 * - every acknowledged write (signal version) is in signal_versions and has its event;
 * - for each subscription that existed before the load began, the expected events are
 *   computed here, independently of the registry's matcher (visibility + filters), from
 *   the events table; every one must have reached the receiver (de-duplicated by
 *   webhook-id), and nothing else may have;
 * - for subscriptions created during the load the expected set is every event of a
 *   write sent after the subscription was acknowledged, plus every delivery the
 *   registry recorded for it;
 * - hostile subscriptions (trickle, hang: nothing can ever succeed) are left out of
 *   the above; for them nothing may be lost instead: every matching event has its
 *   delivery row, none says succeeded, every attempt made is recorded (one
 *   delivery_attempts row per attempt) and failed on its deadline (TIMEOUT), and every
 *   delivery is still pending — retried, or held back by the endpoint's circuit.
 */

export interface Filters {
  types?: string[];
  suppliers?: string[];
  municipalityCodes?: string[];
  minSeverity?: 'low' | 'medium' | 'high' | 'critical';
}

export interface Sub {
  id: string;
  org: string;
  filters: Filters;
  receiver: Receiver;
  /** Created before the load began: every matching event is expected. */
  fixed: boolean;
  ackAt: number;
}

export interface EventRow {
  seq: number;
  id: string;
  type: string;
  signalId: string;
  signalVersion: number;
  signalType: string;
  supplier: string;
  issuer: string;
  visibility: string;
  severity: string | null;
  createdMs: number;
  relayed: boolean;
  /** Notices (subscription.failing / .disabled): the organisation told, and the subscription it is about. */
  recipient: string | null;
  aboutSubscription: string | null;
}

export interface DeliveryRow {
  id: string;
  subscriptionId: string;
  seq: number;
  status: 'pending' | 'succeeded' | 'failed';
  attempts: number;
  lastStatusCode: number | null;
  lastError: string | null;
  nextMs: number | null;
  leasedUntilMs: number | null;
  createdMs: number;
}

/** What delivery_attempts holds for one delivery. */
export interface AttemptsRow {
  rows: number;
  maxAttempt: number;
  /** Attempts that ended on the deadline: error TIMEOUT…, no status code. */
  timeouts: number;
  /** Errors of the other attempts, for the report. */
  otherErrors: string[];
  /** The next attempt the last recorded attempt scheduled. */
  lastNextMs: number | null;
}

export interface SubscriptionHealthRow {
  status: string;
  consecutiveFailures: number;
  circuitOpenUntilMs: number | null;
  lastError: string | null;
  failingSinceMs: number | null;
}

export interface DbState {
  events: EventRow[];
  deliveries: DeliveryRow[];
  versions: Set<string>;
  signalIds: Set<string>;
  nowMs: number;
  /** Read only for the final analysis (readDb(pool, true)). */
  attempts: Map<string, AttemptsRow> | null;
  subscriptions: Map<string, SubscriptionHealthRow>;
}

export async function readDb(pool: pg.Pool, withAttempts = false): Promise<DbState> {
  const [ev, dl, vs, sg, now, sb, at] = await Promise.all([
    pool.query(`SELECT seq::int AS seq, id, type, signal_id, signal_version, signal_type, supplier_org_number, issuer_org_id, visibility, severity,
                       (extract(epoch FROM created_at) * 1000)::float8 AS created_ms, relayed_at IS NOT NULL AS relayed, recipient_org_id, subscription_id
                FROM events ORDER BY seq`),
    pool.query(`SELECT id, subscription_id, event_seq::int AS seq, status, attempts, last_status_code, last_error,
                       (extract(epoch FROM next_attempt_at) * 1000)::float8 AS next_ms, (extract(epoch FROM leased_until) * 1000)::float8 AS leased_ms,
                       (extract(epoch FROM created_at) * 1000)::float8 AS created_ms
                FROM deliveries`),
    pool.query(`SELECT signal_id, version FROM signal_versions`),
    pool.query(`SELECT id FROM signals`),
    pool.query(`SELECT (extract(epoch FROM now()) * 1000)::float8 AS now_ms`),
    pool.query(`SELECT id, status, consecutive_failures, (extract(epoch FROM circuit_open_until) * 1000)::float8 AS open_ms, last_error,
                       (extract(epoch FROM failing_since) * 1000)::float8 AS failing_ms
                FROM subscriptions`),
    withAttempts
      ? pool.query(`SELECT delivery_id, count(*)::int AS n, max(attempt)::int AS max_attempt,
                           count(*) FILTER (WHERE error LIKE 'TIMEOUT%' AND status_code IS NULL)::int AS timeouts,
                           (array_agg(DISTINCT coalesce(error, 'HTTP ' || status_code::text)) FILTER (WHERE NOT (error LIKE 'TIMEOUT%' AND status_code IS NULL)))[1:3] AS other_errors,
                           (extract(epoch FROM (array_agg(next_attempt_at ORDER BY attempt DESC))[1]) * 1000)::float8 AS last_next_ms
                    FROM delivery_attempts GROUP BY delivery_id`)
      : Promise.resolve(null),
  ]);
  return {
    events: ev.rows.map((r) => ({
      seq: r.seq,
      id: r.id,
      type: r.type,
      signalId: r.signal_id,
      signalVersion: r.signal_version,
      signalType: r.signal_type,
      supplier: r.supplier_org_number,
      issuer: r.issuer_org_id,
      visibility: r.visibility,
      severity: r.severity,
      createdMs: r.created_ms,
      relayed: r.relayed,
      recipient: r.recipient_org_id,
      aboutSubscription: r.subscription_id,
    })),
    deliveries: dl.rows.map((r) => ({
      id: r.id,
      subscriptionId: r.subscription_id,
      seq: r.seq,
      status: r.status,
      attempts: r.attempts,
      lastStatusCode: r.last_status_code,
      lastError: r.last_error,
      nextMs: r.next_ms,
      leasedUntilMs: r.leased_ms,
      createdMs: r.created_ms,
    })),
    versions: new Set(vs.rows.map((r) => `${r.signal_id}:${r.version}`)),
    signalIds: new Set(sg.rows.map((r) => r.id as string)),
    nowMs: now.rows[0].now_ms,
    attempts: at
      ? new Map(
          at.rows.map((r) => [
            r.delivery_id as string,
            { rows: r.n, maxAttempt: r.max_attempt, timeouts: r.timeouts, otherErrors: r.other_errors ?? [], lastNextMs: r.last_next_ms },
          ]),
        )
      : null,
    subscriptions: new Map(
      sb.rows.map((r) => [
        r.id as string,
        { status: r.status, consecutiveFailures: r.consecutive_failures, circuitOpenUntilMs: r.open_ms, lastError: r.last_error, failingSinceMs: r.failing_ms },
      ]),
    ),
  };
}

const severityRank = { low: 0, medium: 1, high: 2, critical: 3 } as const;

/** Whether `event` must reach subscription `subId` of `owner` with `filters` — written from the README, not from src/. */
export function shouldReceive(event: EventRow, owner: Org, filters: Filters, orgs: Map<string, Org>, subId: string): boolean {
  // A notice about a subscription goes to its organisation's other active subscriptions, whatever their filters.
  if (event.type.startsWith('subscription.')) return event.recipient === owner.id && event.aboutSubscription !== subId;
  if (owner.kind !== 'auditor' && event.issuer !== owner.id && event.visibility !== 'members') return false;
  if (filters.types?.length && !filters.types.includes(event.signalType)) return false;
  // Organisation numbers compare as digits: NNNNNN-NNNN and NNNNNNNNNN are the same number.
  if (filters.suppliers?.length && !filters.suppliers.some((s) => s.replace('-', '') === event.supplier.replace('-', ''))) return false;
  if (filters.municipalityCodes?.length) {
    const code = orgs.get(event.issuer)?.municipalityCode;
    if (!code || !filters.municipalityCodes.includes(code)) return false;
  }
  if (filters.minSeverity && event.severity && severityRank[event.severity as keyof typeof severityRank] < severityRank[filters.minSeverity]) return false;
  return true;
}

export type MissingReason =
  | 'receiver still failing (waiting for the next retry)'
  | 'in flight (leased by a worker)'
  | 'event not relayed yet'
  | 'no delivery row'
  | 'overdue: due, but not sent by the end of the drain'
  | 'registry says succeeded, receiver never accepted it'
  | 'given up (failed)'
  | "held back: its endpoint's circuit is open (the receiver failed)"
  | 'held back: waiting for its endpoint (in-flight limit)';

export interface SubResult {
  sub: Sub;
  expected: number;
  received: number;
  /** Accepted receipts beyond the first per webhook-id. */
  duplicates: number;
  missing: Map<MissingReason, number>;
  missingSamples: string[];
  /** Received but not expected (e.g. a signal the owner may not read). */
  unexpected: number;
  unexpectedSamples: string[];
  /** Expected per our matcher but the registry made no delivery row, or the reverse (fixed subscriptions). */
  rowsNotExpected: number;
  lagsMs: number[];
  /** Lags of the events that can change whether a supplier is blocked (first attempts in the urgent lane). */
  blockingLagsMs: number[];
}

/** A hostile subscription (trickle, hang): nothing can succeed, nothing may be lost. */
export interface HostileResult {
  sub: Sub;
  /** Events that match it (the soak's matcher). */
  expected: number;
  /** Its delivery rows. */
  deliveries: number;
  /** Matching, relayed events without a delivery row. */
  missingRows: number;
  /** Delivery rows for events that do not match it. */
  rowsNotExpected: number;
  succeeded: number;
  /** Given up (status failed). */
  failed: number;
  /** Deliveries with at least one attempt, and the attempts they count. */
  attempted: number;
  attempts: number;
  /** delivery_attempts rows of its deliveries. */
  attemptRows: number;
  /** Deliveries whose delivery_attempts rows are not exactly attempts 1…attempts. */
  unrecorded: number;
  /** Attempts that did not end on the deadline (not TIMEOUT), and a few of their errors. */
  notTimeout: number;
  notTimeoutSamples: string[];
  /** Pending deliveries by what they wait for, at the end. */
  neverAttempted: number;
  /** Attempted, next attempt as the retry schedule set it. */
  retryScheduled: number;
  /**
   * Due time moved since its last attempt (or its creation) by something other than an
   * attempt: the circuit breaker, the endpoint's in-flight limit (or the overdue sweep's hold).
   */
  heldBack: number;
  /** Pending and not leased while the endpoint's circuit is open, at the end. */
  waitingForOpenCircuit: number;
  leased: number;
  /** Pending, not leased, and due more than 35 s ago (the overdue sweep wakes what is 2 s overdue: nothing should wait that long). */
  overdue: number;
  maxAttempts: number;
  /** Requests the receiver saw (attempts, as seen from the other side), distinct webhook-ids, most at once. */
  receiverRequests: number;
  receiverDistinct: number;
  maxOpen: number;
  health: SubscriptionHealthRow | null;
}

export interface Analysis {
  subs: SubResult[];
  hostile: HostileResult[];
  /** Healthy subscriptions' deliveries whose delivery_attempts rows are not exactly attempts 1…attempts (final analysis only). */
  healthyUnrecorded: number;
  ackedMissingVersion: AckedWrite[];
  ackedMissingEvent: AckedWrite[];
  createsAcked: number;
  changesAcked: number;
  signalsStored: number;
  versionsStored: number;
  storedNotAcked: number;
  events: number;
  eventsByType: Map<string, number>;
  unrelayed: number;
  expectedTotal: number;
  receivedTotal: number;
  duplicatesTotal: number;
  /** Missing because the receiver was still failing at the end (reported apart). */
  missingReceiverFailing: number;
  /** Missing for any other reason: not delivered by the end of the drain (a loss, or a backlog too slow to clear). */
  missingLost: number;
  unexpectedTotal: number;
  lagsMs: number[];
  blockingLagsMs: number[];
  worstLag: { ms: number; seq: number; sub: string; createdMs: number } | null;
}

function circuitOpen(db: DbState, subscriptionId: string): boolean {
  const open = db.subscriptions.get(subscriptionId)?.circuitOpenUntilMs ?? null;
  return open !== null && open > db.nowMs;
}

const BLOCKING_TYPES = new Set(['call_off_stop', 'termination', 'permit_revoked']);
const OVERDUE_MS = 35_000;

/** Whether delivery_attempts holds exactly attempts 1…attempts for this delivery. */
function recorded(d: DeliveryRow, attempts: Map<string, AttemptsRow>): boolean {
  const a = attempts.get(d.id);
  if (d.attempts === 0) return a === undefined;
  return a !== undefined && a.rows === d.attempts && a.maxAttempt === d.attempts;
}

function analyseHostile(sub: Sub, owner: Org, db: DbState, orgs: Map<string, Org>, rows: Map<number, DeliveryRow>): HostileResult {
  const expected = new Set<number>();
  for (const e of db.events) if (shouldReceive(e, owner, sub.filters, orgs, sub.id)) expected.add(e.seq);
  const relayed = new Set(db.events.filter((e) => e.relayed).map((e) => e.seq));
  const health = db.subscriptions.get(sub.id) ?? null;
  const r: HostileResult = {
    sub,
    expected: expected.size,
    deliveries: rows.size,
    missingRows: [...expected].filter((seq) => relayed.has(seq) && !rows.has(seq)).length,
    rowsNotExpected: [...rows.keys()].filter((seq) => !expected.has(seq)).length,
    succeeded: 0,
    failed: 0,
    attempted: 0,
    attempts: 0,
    attemptRows: 0,
    unrecorded: 0,
    notTimeout: 0,
    notTimeoutSamples: [],
    neverAttempted: 0,
    retryScheduled: 0,
    heldBack: 0,
    waitingForOpenCircuit: 0,
    leased: 0,
    overdue: 0,
    maxAttempts: 0,
    receiverRequests: sub.receiver.stats.requests,
    receiverDistinct: sub.receiver.seen.size,
    maxOpen: sub.receiver.stats.maxOpen,
    health,
  };
  const openUntil = health?.circuitOpenUntilMs ?? null;
  for (const d of rows.values()) {
    if (d.status === 'succeeded') r.succeeded += 1;
    if (d.status === 'failed') r.failed += 1;
    if (d.attempts > 0) r.attempted += 1;
    r.attempts += d.attempts;
    r.maxAttempts = Math.max(r.maxAttempts, d.attempts);
    const a = db.attempts?.get(d.id);
    if (a) {
      r.attemptRows += a.rows;
      r.notTimeout += a.rows - a.timeouts;
      for (const e of a.otherErrors) if (r.notTimeoutSamples.length < 5 && !r.notTimeoutSamples.includes(e)) r.notTimeoutSamples.push(e);
    }
    if (db.attempts && !recorded(d, db.attempts)) r.unrecorded += 1;
    if (d.status !== 'pending') continue;
    const leased = d.leasedUntilMs !== null && d.leasedUntilMs > db.nowMs;
    if (leased) r.leased += 1;
    else if (d.nextMs !== null && d.nextMs < db.nowMs - OVERDUE_MS) r.overdue += 1;
    if (d.attempts === 0) r.neverAttempted += 1;
    // The due time the last attempt set (or creation, before any) vs the one it has: the gate moved it.
    const scheduled = d.attempts === 0 ? d.createdMs : (a?.lastNextMs ?? null);
    const moved = d.nextMs !== null && scheduled !== null && Math.abs(d.nextMs - scheduled) > 1_000;
    if (moved) r.heldBack += 1;
    else if (d.attempts > 0) r.retryScheduled += 1;
    // Nothing goes to the endpoint until its circuit closes.
    if (!leased && openUntil !== null && openUntil > db.nowMs) r.waitingForOpenCircuit += 1;
  }
  return r;
}

export function analyse(db: DbState, subs: Sub[], orgs: Map<string, Org>, acked: AckedWrite[]): Analysis {
  const eventBySignalVersion = new Map(db.events.map((e) => [`${e.signalId}:${e.signalVersion}`, e]));
  const eventById = new Map(db.events.map((e) => [e.id, e]));
  const eventBySeq = new Map(db.events.map((e) => [e.seq, e]));
  const rowsBySub = new Map<string, Map<number, DeliveryRow>>();
  for (const d of db.deliveries) {
    const m = rowsBySub.get(d.subscriptionId) ?? new Map<number, DeliveryRow>();
    m.set(d.seq, d);
    rowsBySub.set(d.subscriptionId, m);
  }

  const ackedMissingVersion = acked.filter((a) => !db.versions.has(`${a.signalId}:${a.version}`));
  const ackedMissingEvent = acked.filter((a) => !eventBySignalVersion.has(`${a.signalId}:${a.version}`));
  const ackedCreates = new Set(acked.filter((a) => a.kind === 'create').map((a) => a.signalId));

  const results: SubResult[] = [];
  const hostile: HostileResult[] = [];
  let healthyUnrecorded = 0;
  let worstLag: Analysis['worstLag'] = null;
  for (const sub of subs) {
    const owner = orgs.get(sub.org)!;
    const rows = rowsBySub.get(sub.id) ?? new Map<number, DeliveryRow>();
    if (isHostile(sub.receiver.behaviour)) {
      hostile.push(analyseHostile(sub, owner, db, orgs, rows));
      continue;
    }
    if (db.attempts) for (const d of rows.values()) if (!recorded(d, db.attempts)) healthyUnrecorded += 1;
    const expected = new Set<number>();
    let rowsNotExpected = 0;
    if (sub.fixed) {
      for (const e of db.events) if (shouldReceive(e, owner, sub.filters, orgs, sub.id)) expected.add(e.seq);
      for (const seq of rows.keys()) if (!expected.has(seq)) rowsNotExpected += 1;
      for (const seq of expected) if (!rows.has(seq) && eventBySeq.get(seq)!.relayed) rowsNotExpected += 1;
    } else {
      for (const a of acked) {
        if (a.sentAt <= sub.ackAt) continue;
        const e = eventBySignalVersion.get(`${a.signalId}:${a.version}`);
        if (e && shouldReceive(e, owner, sub.filters, orgs, sub.id)) expected.add(e.seq);
      }
      for (const seq of rows.keys()) expected.add(seq);
    }

    const receivedSeqs = new Map<number, number>();
    const unexpectedSamples: string[] = [];
    let unexpected = 0;
    for (const [id, receipts] of sub.receiver.receipts) {
      const e = eventById.get(id);
      if (!e) {
        unexpected += 1;
        if (unexpectedSamples.length < 5) unexpectedSamples.push(`unknown webhook-id ${id}`);
        continue;
      }
      if (!expected.has(e.seq)) {
        // A late subscription may legitimately get an event committed just before it was created.
        const legit = !sub.fixed && shouldReceive(e, owner, sub.filters, orgs, sub.id);
        if (!legit) {
          unexpected += 1;
          if (unexpectedSamples.length < 5) unexpectedSamples.push(`seq ${e.seq} (${e.type}, ${e.visibility}, issuer ${e.issuer})`);
        }
        continue;
      }
      receivedSeqs.set(e.seq, Math.min(...receipts.map((r) => r.at)));
    }

    const missing = new Map<MissingReason, number>();
    const missingSamples: string[] = [];
    const lagsMs: number[] = [];
    const blockingLagsMs: number[] = [];
    for (const seq of expected) {
      const e = eventBySeq.get(seq)!;
      const at = receivedSeqs.get(seq);
      if (at !== undefined) {
        const lag = Math.max(0, at - e.createdMs);
        lagsMs.push(lag);
        if (BLOCKING_TYPES.has(e.signalType)) blockingLagsMs.push(lag);
        if (!worstLag || lag > worstLag.ms) worstLag = { ms: lag, seq, sub: sub.receiver.name, createdMs: e.createdMs };
        continue;
      }
      const row = rows.get(seq);
      let reason: MissingReason;
      if (!e.relayed) reason = 'event not relayed yet';
      else if (!row) reason = 'no delivery row';
      else if (row.status === 'succeeded') reason = 'registry says succeeded, receiver never accepted it';
      else if (row.status === 'failed') reason = 'given up (failed)';
      else if (row.leasedUntilMs !== null && row.leasedUntilMs > db.nowMs) reason = 'in flight (leased by a worker)';
      else if (circuitOpen(db, sub.id)) reason = "held back: its endpoint's circuit is open (the receiver failed)";
      else if (row.attempts > 0 && row.nextMs !== null && row.nextMs > db.nowMs) reason = 'receiver still failing (waiting for the next retry)';
      else if (row.nextMs !== null && row.nextMs > db.nowMs) reason = 'held back: waiting for its endpoint (in-flight limit)';
      else reason = 'overdue: due, but not sent by the end of the drain';
      missing.set(reason, (missing.get(reason) ?? 0) + 1);
      if (missingSamples.length < 5) {
        missingSamples.push(
          `seq ${seq} ${e.type}: ${reason}${row ? ` [status ${row.status}, attempts ${row.attempts}, last ${row.lastStatusCode ?? row.lastError ?? '-'}]` : ''}`,
        );
      }
    }
    results.push({
      sub,
      expected: expected.size,
      received: receivedSeqs.size,
      duplicates: sub.receiver.duplicates(),
      missing,
      missingSamples,
      unexpected,
      unexpectedSamples,
      rowsNotExpected,
      lagsMs,
      blockingLagsMs,
    });
  }

  const sum = (f: (r: SubResult) => number) => results.reduce((s, r) => s + f(r), 0);
  // Waiting because the receiver itself failed: reported apart from losses.
  const receiverReasons = new Set<MissingReason>(['receiver still failing (waiting for the next retry)', "held back: its endpoint's circuit is open (the receiver failed)"]);
  const eventsByType = new Map<string, number>();
  for (const e of db.events) eventsByType.set(e.type, (eventsByType.get(e.type) ?? 0) + 1);
  return {
    subs: results,
    hostile,
    healthyUnrecorded,
    ackedMissingVersion,
    ackedMissingEvent,
    createsAcked: ackedCreates.size,
    changesAcked: acked.length - acked.filter((a) => a.kind === 'create').length,
    signalsStored: db.signalIds.size,
    versionsStored: db.versions.size,
    storedNotAcked: [...db.signalIds].filter((id) => !ackedCreates.has(id)).length,
    events: db.events.length,
    eventsByType,
    unrelayed: db.events.filter((e) => !e.relayed).length,
    expectedTotal: sum((r) => r.expected),
    receivedTotal: sum((r) => r.received),
    duplicatesTotal: sum((r) => r.duplicates),
    missingReceiverFailing: sum((r) => [...r.missing].filter(([k]) => receiverReasons.has(k)).reduce((s, [, n]) => s + n, 0)),
    missingLost: sum((r) => [...r.missing].filter(([k]) => !receiverReasons.has(k)).reduce((s, [, n]) => s + n, 0)),
    unexpectedTotal: sum((r) => r.unexpected),
    lagsMs: results.flatMap((r) => r.lagsMs),
    blockingLagsMs: results.flatMap((r) => r.blockingLagsMs),
    worstLag,
  };
}

/** The largest value (0 for none), without spreading a large array into arguments. */
export function maxOf(xs: number[]): number {
  let m = 0;
  for (const x of xs) if (x > m) m = x;
  return m;
}

export function percentile(xs: number[], p: number): number {
  if (xs.length === 0) return 0;
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}
