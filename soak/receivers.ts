import { createHash } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';

/**
 * Webhook receivers for the soak: real HTTP servers on loopback, one per
 * subscription, each with a behaviour. Failing behaviours fail only for a short
 * while, so that every event can arrive within the soak's drain period given the
 * retry schedule (the 2nd attempt ~5 s after the 1st, the 3rd 5 min later):
 *
 * - healthy       204 at once;
 * - slow          200 after a random 50–600 ms (keeps fan-outs in flight when the worker is killed);
 * - flaky-first   500 to the first attempt of ~`fraction` of the events (by a hash of webhook-id), 204 to the retry;
 * - windows       503 during `downMs` every `everyMs` (downMs < 4.5 s, the shortest retry delay);
 * - down-first    500 during its first `downMs` (from t0), then 204: an endpoint that was down when the soak
 *                 began (by time, not by a number of requests: the registry's circuit breaker decides how many
 *                 requests a failing endpoint gets);
 * - hang-first    on the first attempt of ~`fraction` of the events, answers only after `hangMs`,
 *                 longer than the registry's attempt deadline (WEBHOOK_TIMEOUT_MS), so the registry
 *                 retries (a duplicate).
 *
 * And two hostile ones, whose deliveries can never succeed (the soak checks that they
 * are kept, retried or held back by the circuit, and cost the others nothing):
 *
 * - trickle       answers 200 headers at once, then one body byte every `everyMs`, never finishing;
 * - hang          reads the whole request and never answers.
 *
 * Every request is verified with the standardwebhooks library and recorded by
 * webhook-id; nothing is de-duplicated on arrival, so duplicates can be counted.
 * A hostile receiver never accepts anything: it counts its requests by webhook-id.
 */
export type Behaviour =
  | { kind: 'healthy' }
  | { kind: 'slow'; minMs: number; maxMs: number }
  | { kind: 'flaky-first'; fraction: number }
  | { kind: 'windows'; everyMs: number; downMs: number }
  | { kind: 'down-first'; downMs: number }
  | { kind: 'hang-first'; fraction: number; hangMs: number }
  | { kind: 'trickle'; everyMs: number }
  | { kind: 'hang' };

/** Behaviours under which no delivery can ever succeed. */
export function isHostile(b: Behaviour): boolean {
  return b.kind === 'trickle' || b.kind === 'hang';
}

export interface Receipt {
  /** When the receiver accepted it (ms since the epoch). */
  at: number;
  type: string;
  seq: number;
}

export interface ReceiverStats {
  requests: number;
  /** Answers the receiver failed on purpose (its behaviour), by status. */
  injectedFailures: number;
  /** Accepted (answered, or about to answer, 2xx) and verified. */
  accepted: number;
  invalidSignature: number;
  /** webhook-id differing from data.eventId. */
  idMismatch: number;
  /** Requests that had no webhook-id at all. */
  missingId: number;
  /** Requests held past the registry's attempt deadline on purpose (hang-first). */
  heldPastTimeout: number;
  /** Requests held open and never finished on purpose (trickle, hang). */
  heldForever: number;
  /** Most requests open at once (hostile receivers: how many attempts the registry had in flight to it). */
  maxOpen: number;
}

export function describeBehaviour(b: Behaviour): string {
  switch (b.kind) {
    case 'healthy':
      return 'healthy (204)';
    case 'slow':
      return `slow (200 after ${b.minMs}–${b.maxMs} ms)`;
    case 'flaky-first':
      return `500 on the 1st attempt of ~${Math.round(b.fraction * 100)} % of events`;
    case 'windows':
      return `503 for ${b.downMs / 1000} s every ${b.everyMs / 1000} s`;
    case 'down-first':
      return `500 for its first ${b.downMs / 1000} s`;
    case 'hang-first':
      return `hangs ${b.hangMs / 1000} s (past the deadline) on the 1st attempt of ~${Math.round(b.fraction * 100)} %`;
    case 'trickle':
      return `200 at once, then 1 body byte every ${b.everyMs / 1000} s, never ends`;
    case 'hang':
      return 'reads the request, never answers';
  }
}

/** Deterministic "random" fraction of an id, so the same event is chosen on every run of the rule. */
function hashFraction(id: string): number {
  return createHash('sha256').update(id).digest().readUInt32BE(0) / 0x1_0000_0000;
}

export class Receiver {
  readonly name: string;
  readonly behaviour: Behaviour;
  readonly t0: number;
  secret: string | null = null;
  url = '';
  server: Server | null = null;
  /** Every accepted receipt, by webhook-id, in arrival order. */
  readonly receipts = new Map<string, Receipt[]>();
  readonly stats: ReceiverStats = {
    requests: 0,
    injectedFailures: 0,
    accepted: 0,
    invalidSignature: 0,
    idMismatch: 0,
    missingId: 0,
    heldPastTimeout: 0,
    heldForever: 0,
    maxOpen: 0,
  };
  /** Hostile receivers: requests per webhook-id (attempts the registry made, as seen from here). */
  readonly seen = new Map<string, number>();
  /** webhook-ids whose first attempt was already failed on purpose. */
  private readonly failedOnce = new Set<string>();
  private readonly sockets = new Set<import('node:net').Socket>();
  /** The trickles' timers, cleared when their connection closes and at close(). */
  private readonly timers = new Set<NodeJS.Timeout>();
  private open = 0;

  constructor(name: string, behaviour: Behaviour, t0: number) {
    this.name = name;
    this.behaviour = behaviour;
    this.t0 = t0;
  }

  async start(): Promise<void> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      this.open += 1;
      this.stats.maxOpen = Math.max(this.stats.maxOpen, this.open);
      res.on('close', () => (this.open -= 1));
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const body = Buffer.concat(chunks).toString('utf8');
        const at = Date.now();
        this.stats.requests += 1;
        const id = typeof req.headers['webhook-id'] === 'string' ? req.headers['webhook-id'] : '';
        if (!id) this.stats.missingId += 1;
        if (isHostile(this.behaviour)) {
          this.hostile(id, body, req.headers, res);
          return;
        }
        const answer = this.decide(id, at);
        if (answer.status >= 300) {
          this.stats.injectedFailures += 1;
          res.writeHead(answer.status);
          res.end();
          return;
        }
        this.accept(id, body, req.headers, at);
        const reply = () => {
          if (res.destroyed) return;
          res.writeHead(answer.status);
          res.end();
        };
        if (answer.delayMs > 0) setTimeout(reply, answer.delayMs);
        else reply();
      });
    });
    this.server.on('connection', (s) => {
      this.sockets.add(s);
      s.on('close', () => this.sockets.delete(s));
    });
    this.server.keepAliveTimeout = 30_000;
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/hooks/${this.name}`;
  }

  /** trickle and hang: verify and count the request, then hold it open for ever (until the registry gives up on it). */
  private hostile(id: string, body: string, headers: import('node:http').IncomingHttpHeaders, res: import('node:http').ServerResponse): void {
    this.seen.set(id, (this.seen.get(id) ?? 0) + 1);
    this.stats.heldForever += 1;
    this.verify(id, body, headers);
    const b = this.behaviour;
    if (b.kind !== 'trickle') return; // hang: no answer at all
    // Chunked, with no length: the body never ends.
    res.writeHead(200, { 'content-type': 'application/json' });
    res.flushHeaders();
    const timer = setInterval(() => {
      if (res.destroyed || res.writableEnded) {
        clearInterval(timer);
        this.timers.delete(timer);
        return;
      }
      res.write(' ');
    }, b.everyMs);
    this.timers.add(timer);
    res.on('close', () => {
      clearInterval(timer);
      this.timers.delete(timer);
    });
  }

  /** Verifies a hostile receiver's request; counts a bad signature or id. */
  private verify(id: string, body: string, headers: import('node:http').IncomingHttpHeaders): void {
    try {
      if (!this.secret) throw new Error('no secret');
      const payload = new Webhook(this.secret).verify(body, {
        'webhook-id': String(headers['webhook-id']),
        'webhook-timestamp': String(headers['webhook-timestamp']),
        'webhook-signature': String(headers['webhook-signature']),
      }) as { data?: { eventId?: string } };
      if (payload.data?.eventId !== id) this.stats.idMismatch += 1;
    } catch {
      this.stats.invalidSignature += 1;
    }
  }

  private decide(id: string, at: number): { status: number; delayMs: number } {
    const b = this.behaviour;
    switch (b.kind) {
      case 'healthy':
        return { status: 204, delayMs: 0 };
      case 'slow':
        return { status: 200, delayMs: b.minMs + Math.floor(Math.random() * (b.maxMs - b.minMs)) };
      case 'flaky-first':
        if (hashFraction(id) < b.fraction && !this.failedOnce.has(id)) {
          this.failedOnce.add(id);
          return { status: 500, delayMs: 0 };
        }
        return { status: 204, delayMs: 0 };
      case 'windows':
        return (at - this.t0) % b.everyMs < b.downMs ? { status: 503, delayMs: 0 } : { status: 204, delayMs: 0 };
      case 'down-first':
        return at - this.t0 < b.downMs ? { status: 500, delayMs: 0 } : { status: 204, delayMs: 0 };
      case 'hang-first':
        if (hashFraction(id) < b.fraction && !this.failedOnce.has(id)) {
          this.failedOnce.add(id);
          this.stats.heldPastTimeout += 1;
          return { status: 200, delayMs: b.hangMs };
        }
        return { status: 204, delayMs: 0 };
      case 'trickle':
      case 'hang':
        throw new Error('hostile receivers never decide');
    }
  }

  private accept(id: string, body: string, headers: import('node:http').IncomingHttpHeaders, at: number): void {
    type Payload = { type: string; data?: { seq: number; eventId: string } };
    let payload: Payload | null = null;
    if (this.secret) {
      try {
        payload = new Webhook(this.secret).verify(body, {
          'webhook-id': String(headers['webhook-id']),
          'webhook-timestamp': String(headers['webhook-timestamp']),
          'webhook-signature': String(headers['webhook-signature']),
        }) as Payload;
      } catch {
        this.stats.invalidSignature += 1;
      }
    } else {
      this.stats.invalidSignature += 1;
    }
    if (!payload) {
      try {
        payload = JSON.parse(body) as Payload;
      } catch {
        return;
      }
    }
    if (!payload?.data) return;
    if (payload.data.eventId !== id) this.stats.idMismatch += 1;
    this.stats.accepted += 1;
    const list = this.receipts.get(id);
    const receipt = { at, type: payload.type, seq: payload.data.seq };
    if (list) list.push(receipt);
    else this.receipts.set(id, [receipt]);
  }

  /** Receipts beyond the first, per webhook-id (what de-duplication removes). */
  duplicates(): number {
    let n = 0;
    for (const list of this.receipts.values()) n += list.length - 1;
    return n;
  }

  /** Stops listening, clears the trickles' timers and destroys every socket (held requests included). */
  async close(): Promise<void> {
    if (!this.server) return;
    for (const t of this.timers) clearInterval(t);
    this.timers.clear();
    const closed = new Promise<void>((resolve) => this.server!.close(() => resolve()));
    for (const s of this.sockets) s.destroy();
    this.server.closeAllConnections();
    await closed;
    this.server = null;
  }
}

/** One server for throw-away subscriptions (created and deleted during the load): it only counts. */
export async function startSink(): Promise<{ url: string; count: () => number; close: () => Promise<void> }> {
  let n = 0;
  const server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      n += 1;
      res.writeHead(204);
      res.end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/sink`,
    count: () => n,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
