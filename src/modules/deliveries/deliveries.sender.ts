import { isIP } from 'node:net';
import type { Agent, request as undiciRequest } from 'undici';
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

/**
 * Posts signed webhooks with undici: keep-alive connections, redirects never followed,
 * and — unless private networks are allowed — every connection's address checked after
 * DNS resolution. Each attempt has one total deadline (WEBHOOK_TIMEOUT_MS) over connect,
 * headers and the whole body, enforced by aborting the request: undici's own body
 * timeout measures idle time between chunks, so a receiver that trickles one byte every
 * few seconds would otherwise hold the attempt for ever.
 */
export function createWebhookSender(config: Pick<Config, 'WEBHOOK_ALLOW_PRIVATE_NETWORKS' | 'WEBHOOK_CONNECT_TIMEOUT_MS' | 'WEBHOOK_TIMEOUT_MS'>) {
  const allowPrivate = config.WEBHOOK_ALLOW_PRIVATE_NETWORKS;
  const deadlineMs = config.WEBHOOK_TIMEOUT_MS;
  // undici (about 1.2 MB of modules) is loaded at the first send: an API process sends only
  // the pings owners ask for, and most never do.
  let client: Promise<{ agent: Agent; request: typeof undiciRequest }> | null = null;
  const undici = () =>
    (client ??= import('undici').then(({ Agent, request }) => ({
      agent: new Agent({
        connect: { timeout: Math.min(config.WEBHOOK_CONNECT_TIMEOUT_MS, deadlineMs), ...(allowPrivate ? {} : { lookup: guardedLookup }) },
        headersTimeout: deadlineMs,
        bodyTimeout: deadlineMs,
        connections: 16,
      }),
      request,
    })));

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
      const { agent, request } = await undici();
      const started = performance.now();
      const elapsed = () => Math.round(performance.now() - started);
      const parsed = new URL(url);
      const host = parsed.hostname.replace(/^\[|\]$/g, '');
      // An IP literal never goes through DNS lookup, so check it here.
      if (!allowPrivate && (parsed.protocol !== 'https:' || (isIP(host) && isForbiddenAddress(host)))) {
        return { ok: false, statusCode: null, durationMs: elapsed(), error: 'refused: not https or a private address', retryAfterMs: null };
      }
      const deadline = AbortSignal.timeout(deadlineMs);
      try {
        const response = await request(url, {
          method: 'POST',
          dispatcher: agent,
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
      }
    },
    close: async () => {
      const loaded = await client;
      await loaded?.agent.destroy();
    },
  };
}

export type WebhookSender = ReturnType<typeof createWebhookSender>;
