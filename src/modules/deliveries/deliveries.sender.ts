import { isIP } from 'node:net';
import { Agent, request } from 'undici';
import type { Config } from '../../config.ts';
import { guardedLookup, isForbiddenAddress } from '../../lib/ssrf.ts';
import { webhookHeaders } from '../../lib/webhook-signature.ts';

export interface SendResult {
  ok: boolean;
  statusCode: number | null;
  durationMs: number;
  error: string | null;
  /** From a Retry-After header on 429/503. */
  retryAfterMs: number | null;
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
 * Posts signed webhooks with undici: keep-alive connections, connect timeout ~5 s,
 * response timeout ~15 s, redirects never followed, and — unless private networks
 * are allowed — every connection's address checked after DNS resolution.
 */
export function createWebhookSender(config: Pick<Config, 'WEBHOOK_ALLOW_PRIVATE_NETWORKS' | 'WEBHOOK_CONNECT_TIMEOUT_MS' | 'WEBHOOK_RESPONSE_TIMEOUT_MS'>) {
  const allowPrivate = config.WEBHOOK_ALLOW_PRIVATE_NETWORKS;
  const agent = new Agent({
    connect: { timeout: config.WEBHOOK_CONNECT_TIMEOUT_MS, ...(allowPrivate ? {} : { lookup: guardedLookup }) },
    headersTimeout: config.WEBHOOK_RESPONSE_TIMEOUT_MS,
    bodyTimeout: config.WEBHOOK_RESPONSE_TIMEOUT_MS,
    connections: 16,
  });

  return {
    send: async (url: string, secrets: string[], webhookId: string, body: string): Promise<SendResult> => {
      const started = performance.now();
      const elapsed = () => Math.round(performance.now() - started);
      const parsed = new URL(url);
      const host = parsed.hostname.replace(/^\[|\]$/g, '');
      // An IP literal never goes through DNS lookup, so check it here.
      if (!allowPrivate && (parsed.protocol !== 'https:' || (isIP(host) && isForbiddenAddress(host)))) {
        return { ok: false, statusCode: null, durationMs: elapsed(), error: 'refused: not https or a private address', retryAfterMs: null };
      }
      try {
        const response = await request(url, {
          method: 'POST',
          dispatcher: agent,
          headers: { 'content-type': 'application/json', 'user-agent': 'supplier-signal-registry', ...webhookHeaders(secrets, webhookId, body) },
          body,
        });
        // Only the status matters; drain the body so the connection is reused.
        await response.body.dump({ limit: 64 * 1024 }).catch(() => {});
        const ok = response.statusCode >= 200 && response.statusCode < 300;
        const retryAfterMs = response.statusCode === 429 || response.statusCode === 503 ? parseRetryAfter(response.headers['retry-after']) : null;
        return { ok, statusCode: response.statusCode, durationMs: elapsed(), error: ok ? null : `HTTP ${response.statusCode}`, retryAfterMs };
      } catch (error) {
        const e = error as { code?: string; message?: string };
        return { ok: false, statusCode: null, durationMs: elapsed(), error: `${e.code ?? 'ERROR'}: ${e.message ?? 'request failed'}`.slice(0, 500), retryAfterMs: null };
      }
    },
    close: () => agent.close(),
  };
}

export type WebhookSender = ReturnType<typeof createWebhookSender>;
