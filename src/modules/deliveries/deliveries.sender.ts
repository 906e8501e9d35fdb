import { isIP } from 'node:net';
import type { Client } from 'undici';
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

// Of an answer's body, read at most this much (and dropped): only the status counts.
const RESPONSE_READ_LIMIT = 64 * 1024;
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
  // undici (about 1.2 MB of modules) is loaded at the first send: an API process sends only
  // the pings owners ask for, and most never do.
  let undici: Promise<typeof import('undici')> | null = null;
  let ClientClass: typeof Client | null = null;
  const loadUndici = async () => (ClientClass ??= (await (undici ??= import('undici'))).Client);
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
  const take = (origin: string, Client: NonNullable<typeof ClientClass>): Client => {
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

  /**
   * One POST on `client`: its status once the whole answer is in (the body read and dropped,
   * 64 KiB at most), its error, or 'timeout' when the deadline passes first — then the
   * request is aborted wherever it is (queued, connecting, waiting for headers, or in a
   * trickling body). A bare dispatch handler rather than undici's request(): no response
   * stream, no abort signal and no promise per attempt, which a fan-out to thousands of
   * endpoints makes by the thousand.
   */
  const post = (client: Client, url: URL, headers: Record<string, string>, body: string) =>
    new Promise<{ statusCode: number; retryAfter: string | string[] | undefined } | { error: unknown } | 'timeout'>((resolve) => {
      let abort: ((reason: Error) => void) | null = null;
      let settled = false;
      let statusCode = 0;
      let retryAfter: string | string[] | undefined;
      let received = 0;
      const settle = (answer: { statusCode: number; retryAfter: string | string[] | undefined } | { error: unknown } | 'timeout') => {
        if (settled) return false;
        settled = true;
        clearTimeout(timer);
        resolve(answer);
        return true;
      };
      const timer = setTimeout(() => {
        if (settle('timeout')) abort?.(new Error(`no complete answer within ${deadlineMs} ms`));
      }, deadlineMs);
      try {
        client.dispatch(
          { origin: url.origin, path: `${url.pathname}${url.search}`, method: 'POST', headers, body },
          {
            onRequestStart: (controller) => {
              abort = (reason) => controller.abort(reason);
              // The deadline passed while it waited for its connection.
              if (settled) controller.abort(new Error(`no complete answer within ${deadlineMs} ms`));
            },
            onResponseStart: (_controller, code, responseHeaders) => {
              if (code < 200) return;
              statusCode = code;
              retryAfter = responseHeaders['retry-after'];
            },
            onResponseData: (controller, chunk) => {
              received += chunk.length;
              // Only the status counts: a longer answer is not read further (the connection goes).
              if (received > RESPONSE_READ_LIMIT && settle({ statusCode, retryAfter })) controller.abort(new Error('answer too long; not read further'));
            },
            onResponseEnd: () => {
              settle({ statusCode, retryAfter });
            },
            onResponseError: (_controller, error) => {
              settle({ error });
            },
          },
        );
      } catch (error) {
        settle({ error });
      }
    });

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
      const client = take(origin, await loadUndici());
      try {
        const headers = { 'content-type': 'application/json', 'user-agent': 'supplier-signal-registry', ...webhookHeaders(secrets, webhookId, body, Date.now(), asymmetric) };
        const answer = await post(client, parsed, headers, body);
        if (answer === 'timeout') return timedOut(elapsed());
        if ('error' in answer) {
          const e = answer.error as { code?: string; message?: string };
          return { ok: false, statusCode: null, durationMs: elapsed(), error: `${e.code ?? 'ERROR'}: ${e.message ?? 'request failed'}`.slice(0, 500), retryAfterMs: null };
        }
        const { statusCode } = answer;
        const ok = statusCode >= 200 && statusCode < 300;
        const retryAfterMs = statusCode === 429 || statusCode === 503 ? parseRetryAfter(answer.retryAfter) : null;
        return { ok, statusCode, durationMs: elapsed(), error: ok ? null : `HTTP ${statusCode}`, retryAfterMs };
      } finally {
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
