import { randomUUID } from 'node:crypto';
import { sleep } from './children.ts';

/**
 * The mixed load: status reads (single and batch), signal and event-feed reads,
 * deviation writes, call-off stops and their lifts, retractions, amendments,
 * throw-away subscriptions, and idempotent replays. Requests are dispatched at a
 * fixed rate (an open loop, so a stalled API does not slow the load down) with a
 * cap on requests in flight; what would exceed the cap is counted as shed.
 */

export interface Org {
  id: string;
  kind: 'municipality' | 'federation' | 'purchasing_centre' | 'auditor';
  name: string;
  municipalityCode?: string;
  federationId?: string;
}

export interface World {
  api: string;
  token: (org: string) => string;
  orgs: Org[];
  suppliers: string[];
  agreementId: string;
  sinkUrl: string;
}

/** A write the API acknowledged (2xx): the signal version it created must be in the database. */
export interface AckedWrite {
  kind: 'create' | 'lift' | 'retract' | 'amend';
  signalId: string;
  version: number;
  type: string;
  org: string;
  sentAt: number;
  ackAt: number;
}

/** status 0: no answer (error says why). */
type Result = { status: number; json: any; headers: Headers | null; error: string | null };

const REQUEST_TIMEOUT_MS = 10_000;

export class Stats {
  /** kind → status (or "network:<code>") → count */
  readonly byKind = new Map<string, Map<string, number>>();
  readonly latency = new Map<string, number[]>();
  readonly serverErrors: Array<{ kind: string; status: number; at: number; body: string }> = [];
  readonly networkErrors: Array<{ kind: string; at: number; error: string }> = [];
  /** Unexpected 4xx answers (the load only sends valid requests), with a sample body. */
  readonly unexpected4xx: Array<{ kind: string; status: number; body: string }> = [];
  shed = 0;
  total = 0;

  record(kind: string, result: Result, ms: number, at: number) {
    this.total += 1;
    const key = result.status === 0 ? `no answer: ${result.error}` : String(result.status);
    const m = this.byKind.get(kind) ?? new Map<string, number>();
    m.set(key, (m.get(key) ?? 0) + 1);
    this.byKind.set(kind, m);
    if (result.status !== 0) {
      const l = this.latency.get(kind) ?? [];
      l.push(ms);
      this.latency.set(kind, l);
    }
    if (result.status >= 500) this.serverErrors.push({ kind, status: result.status, at, body: JSON.stringify(result.json).slice(0, 500) });
    if (result.status === 0) this.networkErrors.push({ kind, at, error: result.error ?? 'error' });
  }
}

export interface LoadCounters {
  idempotentRetries: number;
  replays: number;
  replayMismatches: Array<string>;
  stopReadChecks: number;
  stopReadNotBlocked: Array<string>;
  tempSubscriptions: number;
  /** Writes without an idempotency key whose response was lost: they may or may not be stored. */
  unknownOutcome: number;
}

interface KeyedWrite {
  kind: string;
  method: string;
  path: string;
  org: string;
  body: unknown;
  key: string;
  status: number;
  id: string;
  version: number;
}

const severities = ['low', 'medium', 'high', 'critical'] as const;
const categories = ['staffing', 'premises', 'care_plan', 'reporting', 'whistleblower_freedom', 'substances', 'safety', 'finances', 'other'] as const;
const pick = <T>(xs: readonly T[]): T => xs[Math.floor(Math.random() * xs.length)]!;
const takeRandom = <T>(xs: T[]): T | undefined => (xs.length === 0 ? undefined : xs.splice(Math.floor(Math.random() * xs.length), 1)[0]);

export class Load {
  readonly stats = new Stats();
  readonly acked: AckedWrite[] = [];
  readonly counters: LoadCounters = {
    idempotentRetries: 0,
    replays: 0,
    replayMismatches: [],
    stopReadChecks: 0,
    stopReadNotBlocked: [],
    tempSubscriptions: 0,
    unknownOutcome: 0,
  };
  private readonly world: World;
  private readonly writers: Org[];
  private readonly readers: Org[];
  private readonly members: Org[];
  private readonly activeStops: Array<{ id: string; org: string }> = [];
  private readonly activeOwn: Array<{ id: string; org: string }> = [];
  private readonly recent: Array<{ id: string; org: string }> = [];
  private readonly keyed: KeyedWrite[] = [];
  private inFlight = 0;
  private serial = 0;
  private readonly ops: Array<{ weight: number; run: () => Promise<void> }>;

  constructor(world: World) {
    this.world = world;
    this.writers = world.orgs.filter((o) => o.kind !== 'auditor');
    this.readers = world.orgs;
    this.members = world.orgs.filter((o) => o.kind === 'municipality');
    this.ops = [
      { weight: 38, run: () => this.statusRead() },
      { weight: 5, run: () => this.statusBatch() },
      { weight: 5, run: () => this.signalGet() },
      { weight: 4, run: () => this.signalList() },
      { weight: 3, run: () => this.eventFeed() },
      { weight: 2, run: () => this.subscriptionList() },
      { weight: 20, run: () => this.deviation() },
      { weight: 8, run: () => this.stop() },
      { weight: 5, run: () => this.lift() },
      { weight: 2, run: () => this.retract() },
      { weight: 3, run: () => this.amend() },
      { weight: 2, run: () => this.tempSubscription() },
      { weight: 3, run: () => this.replay() },
    ];
  }

  /** Runs the load for `durationMs` at `rate` operations a second; `tick` is called about every 100 ms. */
  async run(durationMs: number, rate: number, maxInFlight: number, tick?: (elapsedMs: number) => void): Promise<void> {
    const start = Date.now();
    let dispatched = 0;
    const running = new Set<Promise<void>>();
    const totalWeight = this.ops.reduce((s, o) => s + o.weight, 0);
    let lastTick = 0;
    while (Date.now() - start < durationMs) {
      const elapsed = Date.now() - start;
      const due = Math.floor((elapsed / 1000) * rate);
      while (dispatched < due) {
        dispatched += 1;
        if (this.inFlight >= maxInFlight) {
          this.stats.shed += 1;
          continue;
        }
        let r = Math.random() * totalWeight;
        const op = this.ops.find((o) => (r -= o.weight) < 0) ?? this.ops[0]!;
        this.inFlight += 1;
        const p = op
          .run()
          .catch((error) => {
            this.stats.networkErrors.push({ kind: 'soak-internal', at: Date.now(), error: String(error) });
          })
          .finally(() => {
            this.inFlight -= 1;
            running.delete(p);
          });
        running.add(p);
      }
      if (tick && elapsed - lastTick >= 100) {
        lastTick = elapsed;
        tick(elapsed);
      }
      await sleep(10);
    }
    // Every request has its own timeout, so this wait is bounded.
    await Promise.allSettled([...running]);
  }

  // ---- HTTP ---------------------------------------------------------------

  private async call(kind: string, method: string, path: string, org: string, body?: unknown, headers: Record<string, string> = {}): Promise<Result> {
    const started = performance.now();
    const at = Date.now();
    let result: Result;
    try {
      const res = await fetch(`${this.world.api}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${this.world.token(org)}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...headers,
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS),
      });
      const text = await res.text();
      let json: unknown = null;
      try {
        json = text ? JSON.parse(text) : null;
      } catch {
        json = text;
      }
      result = { status: res.status, json, headers: res.headers, error: null };
    } catch (error) {
      const e = error as { name?: string; cause?: { code?: string } };
      result = { status: 0, json: null, headers: null, error: e.name === 'TimeoutError' ? 'timeout' : (e.cause?.code ?? e.name ?? 'error') };
    }
    this.stats.record(kind, result, performance.now() - started, at);
    if (result.status >= 400 && result.status < 500 && result.status !== 429 && this.stats.unexpected4xx.length < 20) {
      this.stats.unexpected4xx.push({ kind, status: result.status, body: JSON.stringify(result.json).slice(0, 400) });
    }
    return result;
  }

  /**
   * A write as a case system makes it: half carry an Idempotency-Key and are retried
   * with the same key after a lost response (or a 409 "still running"), up to 3 tries.
   */
  private async write(kind: string, method: string, path: string, org: string, body: unknown): Promise<{ result: Result; sentAt: number }> {
    const sentAt = Date.now();
    if (Math.random() < 0.5) {
      const result = await this.call(kind, method, path, org, body);
      if (result.status === 0) this.counters.unknownOutcome += 1;
      return { result, sentAt };
    }
    const key = `soak-${randomUUID()}`;
    let result: Result = { status: 0, json: null, headers: null, error: 'not sent' };
    for (let attempt = 1; attempt <= 3; attempt++) {
      if (attempt > 1) {
        this.counters.idempotentRetries += 1;
        await sleep(500 * attempt);
      }
      result = await this.call(attempt === 1 ? kind : `${kind} (retry, same key)`, method, path, org, body, { 'idempotency-key': key });
      if (result.status !== 0 && result.status !== 409) break;
    }
    if (result.status === 0) this.counters.unknownOutcome += 1;
    if (result.status >= 200 && result.status < 300 && result.json?.id) {
      this.keyed.push({ kind, method, path, org, body, key, status: result.status, id: result.json.id, version: result.json.version });
      if (this.keyed.length > 200) this.keyed.shift();
    }
    return { result, sentAt };
  }

  private ack(kind: AckedWrite['kind'], result: Result, sentAt: number, org: string): boolean {
    if (result.status < 200 || result.status >= 300) return false;
    const json = result.json as { id: string; version: number; type: string };
    this.acked.push({ kind, signalId: json.id, version: json.version, type: json.type, org, sentAt, ackAt: Date.now() });
    return true;
  }

  private summary(what: string) {
    this.serial += 1;
    return `Soak ${what} nr ${this.serial}: uppföljning visade brister i bemanning och rapportering.`;
  }

  // ---- operations ---------------------------------------------------------

  private async statusRead() {
    await this.call('status read', 'GET', `/v1/suppliers/${pick(this.world.suppliers)}/status`, pick(this.readers).id);
  }

  private async statusBatch() {
    const orgNumbers = Array.from({ length: 10 }, () => pick(this.world.suppliers));
    await this.call('status batch', 'POST', '/v1/suppliers/status', pick(this.readers).id, { orgNumbers });
  }

  private async signalGet() {
    const s = this.recent.length ? pick(this.recent) : undefined;
    if (!s) return this.statusRead();
    await this.call('signal get', 'GET', `/v1/signals/${s.id}`, s.org);
  }

  private async signalList() {
    await this.call('signal list', 'GET', '/v1/signals?limit=20', pick(this.readers).id);
  }

  private async eventFeed() {
    const after = Math.floor(Math.random() * Math.max(1, this.acked.length));
    await this.call('event feed', 'GET', `/v1/events?after=${after}&limit=50`, pick(this.readers).id);
  }

  private async subscriptionList() {
    await this.call('subscription list', 'GET', '/v1/subscriptions', pick(this.writers).id);
  }

  private async deviation() {
    const org = pick(this.writers).id;
    const now = Date.now();
    const body: Record<string, unknown> = {
      type: 'deviation',
      supplierOrgNumber: pick(this.world.suppliers),
      severity: pick(severities),
      category: pick(categories),
      summary: this.summary('avvikelse'),
    };
    // Some are seen only by the issuer and auditors; some expire within a minute (the worker then announces signal.expired).
    if (Math.random() < 0.1) body.visibility = 'issuer_and_auditors';
    if (Math.random() < 0.08) body.effectiveUntil = new Date(now + 20_000 + Math.random() * 40_000).toISOString();
    const { result, sentAt } = await this.write('deviation write', 'POST', '/v1/signals', org, body);
    if (this.ack('create', result, sentAt, org)) {
      const id = (result as { json: { id: string } }).json.id;
      this.activeOwn.push({ id, org });
      this.remember({ id, org });
    }
  }

  private async stop() {
    const byCentre = Math.random() < 0.5;
    const org = byCentre ? 'adda' : pick(this.writers.filter((o) => o.kind !== 'purchasing_centre')).id;
    const supplier = pick(this.world.suppliers);
    const body: Record<string, unknown> = {
      type: 'call_off_stop',
      supplierOrgNumber: supplier,
      summary: this.summary(byCentre ? 'avropsstopp' : 'avropspaus'),
      ...(byCentre ? { agreementId: this.world.agreementId } : {}),
    };
    const { result, sentAt } = await this.write('call-off stop', 'POST', '/v1/signals', org, body);
    if (!this.ack('create', result, sentAt, org)) return;
    const id = (result as { json: { id: string } }).json.id;
    this.remember({ id, org });
    if (byCentre) {
      // Invariant 2: once a purchasing centre's stop is acknowledged, every member reads "blocked".
      // The stop is not yet in the pool that lifts draw from, so it is still active here.
      const reader = pick(this.members).id;
      const read = await this.call('status read (after stop)', 'GET', `/v1/suppliers/${supplier}/status`, reader);
      if (read.status === 200) {
        this.counters.stopReadChecks += 1;
        if (read.json?.status !== 'blocked') this.counters.stopReadNotBlocked.push(`${supplier} read by ${reader}: ${read.json?.status}`);
      }
    }
    this.activeStops.push({ id, org });
  }

  private async lift() {
    const s = takeRandom(this.activeStops);
    if (!s) return this.stop();
    const { result, sentAt } = await this.write('lift', 'POST', `/v1/signals/${s.id}/lift`, s.org, { reason: 'Utredningen avslutad utan anmärkning.' });
    if (!this.ack('lift', result, sentAt, s.org) && result.status === 0) this.activeStops.push(s);
  }

  private async retract() {
    const s = takeRandom(this.activeOwn);
    if (!s) return this.deviation();
    const { result, sentAt } = await this.write('retract', 'POST', `/v1/signals/${s.id}/retract`, s.org, { reason: 'Registrerad av misstag.' });
    if (!this.ack('retract', result, sentAt, s.org) && result.status === 0) this.activeOwn.push(s);
  }

  private async amend() {
    const s = takeRandom(this.activeOwn);
    if (!s) return this.deviation();
    const { result, sentAt } = await this.write('amend', 'PATCH', `/v1/signals/${s.id}`, s.org, {
      reason: 'Kompletterad efter uppföljningsmöte.',
      summary: this.summary('avvikelse (ändrad)'),
      severity: pick(severities),
    });
    this.ack('amend', result, sentAt, s.org);
    this.activeOwn.push(s);
  }

  private async tempSubscription() {
    const org = pick(this.writers).id;
    const created = await this.call('subscription create (temp)', 'POST', '/v1/subscriptions', org, { url: this.world.sinkUrl, description: 'soak: throw-away' });
    if (created.status !== 201) return;
    this.counters.tempSubscriptions += 1;
    const id = created.json.id as string;
    await this.call('subscription get (temp)', 'GET', `/v1/subscriptions/${id}`, org);
    await sleep(200 + Math.random() * 800);
    await this.call('subscription delete (temp)', 'DELETE', `/v1/subscriptions/${id}`, org);
  }

  /** Sends an earlier keyed write again with its key: the first answer must come back, nothing new written. */
  private async replay() {
    const w = this.keyed.length ? pick(this.keyed) : undefined;
    if (!w) return this.statusRead();
    const result = await this.call('idempotent replay', w.method, w.path, w.org, w.body, { 'idempotency-key': w.key });
    if (result.status === 0) return;
    this.counters.replays += 1;
    const replayed = result.headers?.get('idempotent-replayed');
    if (result.status !== w.status || result.json?.id !== w.id || result.json?.version !== w.version || replayed !== 'true') {
      this.counters.replayMismatches.push(
        `${w.kind} ${w.path}: first ${w.status} v${w.version}, replay ${result.status} v${result.json?.version} replayed=${replayed}`,
      );
    }
  }

  private remember(s: { id: string; org: string }) {
    this.recent.push(s);
    if (this.recent.length > 500) this.recent.shift();
  }
}
