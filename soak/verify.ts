import type pg from 'pg';
import type { AckedWrite, Org } from './load.ts';
import type { Receiver } from './receivers.ts';

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
 *   registry recorded for it.
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
}

export interface DeliveryRow {
  subscriptionId: string;
  seq: number;
  status: 'pending' | 'succeeded' | 'failed';
  attempts: number;
  lastStatusCode: number | null;
  lastError: string | null;
  nextMs: number | null;
  leasedUntilMs: number | null;
}

export interface DbState {
  events: EventRow[];
  deliveries: DeliveryRow[];
  versions: Set<string>;
  signalIds: Set<string>;
  nowMs: number;
}

export async function readDb(pool: pg.Pool): Promise<DbState> {
  const [ev, dl, vs, sg, now] = await Promise.all([
    pool.query(`SELECT seq::int AS seq, id, type, signal_id, signal_version, signal_type, supplier_org_number, issuer_org_id, visibility, severity,
                       (extract(epoch FROM created_at) * 1000)::float8 AS created_ms, relayed_at IS NOT NULL AS relayed
                FROM events ORDER BY seq`),
    pool.query(`SELECT subscription_id, event_seq::int AS seq, status, attempts, last_status_code, last_error,
                       (extract(epoch FROM next_attempt_at) * 1000)::float8 AS next_ms, (extract(epoch FROM leased_until) * 1000)::float8 AS leased_ms
                FROM deliveries`),
    pool.query(`SELECT signal_id, version FROM signal_versions`),
    pool.query(`SELECT id FROM signals`),
    pool.query(`SELECT (extract(epoch FROM now()) * 1000)::float8 AS now_ms`),
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
    })),
    deliveries: dl.rows.map((r) => ({
      subscriptionId: r.subscription_id,
      seq: r.seq,
      status: r.status,
      attempts: r.attempts,
      lastStatusCode: r.last_status_code,
      lastError: r.last_error,
      nextMs: r.next_ms,
      leasedUntilMs: r.leased_ms,
    })),
    versions: new Set(vs.rows.map((r) => `${r.signal_id}:${r.version}`)),
    signalIds: new Set(sg.rows.map((r) => r.id as string)),
    nowMs: now.rows[0].now_ms,
  };
}

const severityRank = { low: 0, medium: 1, high: 2, critical: 3 } as const;

/** Whether `event` must reach a subscription of `owner` with `filters` — written from the README, not from src/. */
export function shouldReceive(event: EventRow, owner: Org, filters: Filters, orgs: Map<string, Org>): boolean {
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
  | 'given up (failed)';

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
}

export interface Analysis {
  subs: SubResult[];
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
  worstLag: { ms: number; seq: number; sub: string; createdMs: number } | null;
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
  let worstLag: Analysis['worstLag'] = null;
  for (const sub of subs) {
    const owner = orgs.get(sub.org)!;
    const rows = rowsBySub.get(sub.id) ?? new Map<number, DeliveryRow>();
    const expected = new Set<number>();
    let rowsNotExpected = 0;
    if (sub.fixed) {
      for (const e of db.events) if (shouldReceive(e, owner, sub.filters, orgs)) expected.add(e.seq);
      for (const seq of rows.keys()) if (!expected.has(seq)) rowsNotExpected += 1;
      for (const seq of expected) if (!rows.has(seq) && eventBySeq.get(seq)!.relayed) rowsNotExpected += 1;
    } else {
      for (const a of acked) {
        if (a.sentAt <= sub.ackAt) continue;
        const e = eventBySignalVersion.get(`${a.signalId}:${a.version}`);
        if (e && shouldReceive(e, owner, sub.filters, orgs)) expected.add(e.seq);
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
        const legit = !sub.fixed && shouldReceive(e, owner, sub.filters, orgs);
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
    for (const seq of expected) {
      const e = eventBySeq.get(seq)!;
      const at = receivedSeqs.get(seq);
      if (at !== undefined) {
        const lag = Math.max(0, at - e.createdMs);
        lagsMs.push(lag);
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
      else if (row.attempts > 0 && row.nextMs !== null && row.nextMs > db.nowMs) reason = 'receiver still failing (waiting for the next retry)';
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
    });
  }

  const sum = (f: (r: SubResult) => number) => results.reduce((s, r) => s + f(r), 0);
  const failingReason: MissingReason = 'receiver still failing (waiting for the next retry)';
  const eventsByType = new Map<string, number>();
  for (const e of db.events) eventsByType.set(e.type, (eventsByType.get(e.type) ?? 0) + 1);
  return {
    subs: results,
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
    missingReceiverFailing: sum((r) => r.missing.get(failingReason) ?? 0),
    missingLost: sum((r) => [...r.missing].filter(([k]) => k !== failingReason).reduce((s, [, n]) => s + n, 0)),
    unexpectedTotal: sum((r) => r.unexpected),
    lagsMs: results.flatMap((r) => r.lagsMs),
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
