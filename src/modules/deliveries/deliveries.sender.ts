import { isIP } from 'node:net';
import { Client, request } from 'undici';
import type { Config } from '../../config.ts';
import { guardedLookup, isForbiddenAddress } from '../../lib/ssrf.ts';
import { type AsymmetricSigningKey, webhookHeaders } from '../../lib/webhook-signature.ts';

export interface SendResult {
  ok: boolean;
  statusCode: number | null;
  durationMs: number;
  error: string | null;
  /** From a Retry-After header on 429/503. */
  retryAfterMs: number | null;
  /** The attempt ran out of its deadline. */
  timedOut?: boolean;
}

/** Retry-After as seconds or an HTTP date; null when absent or unreadable. */
export function parseRetryAfter(value: string | string[] | undefined, now = Date.now()): number | null {
  const raw = Array.isArray(value) ? value[0] : value;
  if (!raw) return null;
  if (/^\d+$/.test(raw.trim())) return Number(raw.trim()) * 1000;
  const date = Date.parse(raw);
  return Number.isNaN(date) ? null : Math.max(0, date - now);
}

// Connections to one origin at most (several subscriptions can share a receiver's host).
const CONNECTIONS_PER_ORIGIN = 16;

/**
 * Posts signed webhooks with undici: keep-alive connections, redirects never followed,
 * and — unless private networks are allowed — every connection's address checked after
 * DNS resolution. Each attempt has one total deadline (WEBHOOK_TIMEOUT_MS) over connect,
 * headers and the whole body, enforced by aborting the request: undici's own body
 * timeout measures idle time between chunks, so a receiver that trickles one byte every
 * few seconds would otherwise hold the attempt for ever.
 *
 * Connections are plain undici Clients, up to CONNECTIONS_PER_ORIGIN per origin, a new
 * one only when every open one is busy. A connection that closes with nothing in flight
 * (the receiver's or undici's keep-alive timeout) is dropped with its origin's entry, so
 * what stays between fan-outs is what was used within the keep-alive time. undici's
 * Agent keeps a Pool per origin instead, with a 2,048-slot request queue each: at 3,000
 * subscribers, some 30 KB an origin, all alive at once (about 90 MB of the worker's heap).
 */
export function createWebhookSender(config: Pick<Config, 'WEBHOOK_ALLOW_PRIVATE_NETWORKS' | 'WEBHOOK_CONNECT_TIMEOUT_MS' | 'WEBHOOK_TIMEOUT_MS'>) {
  const allowPrivate = config.WEBHOOK_ALLOW_PRIVATE_NETWORKS;
  const deadlineMs = config.WEBHOOK_TIMEOUT_MS;
  const options = {
    connect: { timeout: Math.min(config.WEBHOOK_CONNECT_TIMEOUT_MS, deadlineMs), ...(allowPrivate ? {} : { lookup: guardedLookup }) },
    headersTimeout: deadlineMs,
    bodyTimeout: deadlineMs,
  };
  // Per origin, its connections: the requests each has in flight, and whether its socket is open.
  const origins = new Map<string, Map<Client, { running: number; open: boolean }>>();
  let closed = false;

  const drop = (origin: string, clients: Map<Client, unknown>, client: Client) => {
    clients.delete(client);
    if (clients.size === 0 && origins.get(origin) === clients) origins.delete(origin);
    // Fire-and-forget: nothing is in flight on it, so closing it cannot fail anything.
    void client.close().catch(() => {});
  };

  /** A connection to `origin` with nothing in flight, a new one, or (at the limit) the least busy. */
  const take = (origin: string): Client => {
    let clients = origins.get(origin);
    if (!clients) origins.set(origin, (clients = new Map()));
    let chosen: Client | undefined;
    let least = Number.POSITIVE_INFINITY;
    for (const [client, { running }] of clients) {
      if (running < least) [chosen, least] = [client, running];
      if (running === 0) break;
    }
    if (!chosen || (least > 0 && clients.size < CONNECTIONS_PER_ORIGIN)) {
      const client = new Client(origin, options);
      const own = clients;
      const state = { running: 0, open: false };
      const closedSocket = () => {
        state.open = false;
        if (state.running === 0 && own.get(client) === state) drop(origin, own, client);
      };
      client
        .on('connect', () => {
          state.open = true;
        })
        .on('disconnect', closedSocket)
        .on('connectionError', closedSocket);
      own.set(client, state);
      chosen = client;
    }
    clients.get(chosen)!.running += 1;
    return chosen;
  };
  /** The attempt on `client` is over; a connection whose socket closed meanwhile goes when it is idle. */
  const give = (origin: string, client: Client) => {
    const clients = origins.get(origin);
    const state = clients?.get(client);
    if (!clients || !state) return;
    state.running -= 1;
    if (state.running === 0 && !state.open) drop(origin, clients, client);
  };

  const timedOut = (durationMs: number): SendResult => ({
    ok: false,
    statusCode: null,
    durationMs,
    error: `TIMEOUT: no complete answer within ${deadlineMs} ms`,
    retryAfterMs: null,
    timedOut: true,
  });

  return {
    /** `asymmetric`: the registry's keys that add v1a signatures (subscriptions that asked for them). */
    send: async (url: string, secrets: string[], webhookId: string, body: string, asymmetric: readonly AsymmetricSigningKey[] = []): Promise<SendResult> => {
      const started = performance.now();
      const elapsed = () => Math.round(performance.now() - started);
      const parsed = new URL(url);
      const host = parsed.hostname.replace(/^\[|\]$/g, '');
      // An IP literal never goes through DNS lookup, so check it here.
      if (!allowPrivate && (parsed.protocol !== 'https:' || (isIP(host) && isForbiddenAddress(host)))) {
        return { ok: false, statusCode: null, durationMs: elapsed(), error: 'refused: not https or a private address', retryAfterMs: null };
      }
      if (closed) return { ok: false, statusCode: null, durationMs: elapsed(), error: 'the sender is closed', retryAfterMs: null };
      const origin = parsed.origin;
      const client = take(origin);
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(), deadlineMs);
      const deadline = controller.signal;
      try {
        const response = await request(url, {
          method: 'POST',
          dispatcher: client,
          headers: { 'content-type': 'application/json', 'user-agent': 'supplier-signal-registry', ...webhookHeaders(secrets, webhookId, body, Date.now(), asymmetric) },
          body,
          signal: deadline,
        });
        // Only the status counts, and only once the whole answer is in within the deadline:
        // drain the body (so the connection is reused), aborted with the rest when time is up.
        try {
          await response.body.dump({ limit: 64 * 1024, signal: deadline });
        } catch {
          if (deadline.aborted) return timedOut(elapsed());
        }
        if (deadline.aborted) return timedOut(elapsed());
        const ok = response.statusCode >= 200 && response.statusCode < 300;
        const retryAfterMs = response.statusCode === 429 || response.statusCode === 503 ? parseRetryAfter(response.headers['retry-after']) : null;
        return { ok, statusCode: response.statusCode, durationMs: elapsed(), error: ok ? null : `HTTP ${response.statusCode}`, retryAfterMs };
      } catch (error) {
        if (deadline.aborted) return timedOut(elapsed());
        const e = error as { code?: string; message?: string };
        return { ok: false, statusCode: null, durationMs: elapsed(), error: `${e.code ?? 'ERROR'}: ${e.message ?? 'request failed'}`.slice(0, 500), retryAfterMs: null };
      } finally {
        clearTimeout(timer);
        give(origin, client);
      }
    },
    /** Connections open now, over how many origins (for tests and diagnosis). */
    connections: () => ({ origins: origins.size, connections: [...origins.values()].reduce((n, clients) => n + clients.size, 0) }),
    close: async () => {
      closed = true;
      const clients = [...origins.values()].flatMap((c) => [...c.keys()]);
      origins.clear();
      await Promise.all(clients.map((client) => client.destroy()));
    },
  };
}

export type WebhookSender = ReturnType<typeof createWebhookSender>;
