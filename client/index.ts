/**
 * A typed client for the Supplier Signal Registry, generated from openapi/openapi.json
 * (`npm run openapi` writes client/schema.ts) on top of openapi-fetch, with the three
 * things every integrator writes by hand otherwise: errors as exceptions carrying the
 * problem document, walking a paged list to the end, and verifying a webhook (v1 with the
 * subscription's secret, v1a with the registry's published Ed25519 keys). See client/README.md.
 */
import { createPublicKey, verify } from 'node:crypto';
import createClient, { type Client, type ClientOptions } from 'openapi-fetch';
import { Webhook } from 'standardwebhooks';
import type { components, paths } from './schema.ts';

export type { components, paths };
export type Schemas = components['schemas'];
export type Problem = Schemas['Problem'];
export type RegistryClient = Client<paths>;

/** A client for one organisation's token. `baseUrl` is the registry's origin, e.g. https://registry.example. */
export function createRegistryClient(options: { baseUrl: string; token: string } & Omit<ClientOptions, 'baseUrl'>): RegistryClient {
  const { token, headers, ...rest } = options;
  return createClient<paths>({ ...rest, headers: { ...(headers as Record<string, string> | undefined), authorization: `Bearer ${token}` } });
}

/** An answer that was not 2xx: its status and the problem document (RFC 9457) the registry sent. */
export class RegistryError extends Error {
  readonly status: number;
  readonly problem: Partial<Problem> & Record<string, unknown>;
  constructor(status: number, problem: Partial<Problem> & Record<string, unknown>) {
    super(`${status} ${problem.code ?? 'error'}: ${problem.detail ?? problem.title ?? ''}`.trim());
    this.name = 'RegistryError';
    this.status = status;
    this.problem = problem;
  }
}

/** The data of an openapi-fetch answer, or a RegistryError with the problem document. */
export async function unwrap<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  const { data, error, response } = await call;
  if (!response.ok) throw new RegistryError(response.status, (error ?? {}) as Partial<Problem> & Record<string, unknown>);
  return data as T;
}

/**
 * As `unwrap`, for routes that can also answer text/csv (the lists): the JSON answer, typed
 * without the CSV string. The registry answers JSON unless asked for CSV with `Accept`.
 */
export async function unwrapJson<T>(call: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<Exclude<T, string>> {
  const data = await unwrap(call);
  if (typeof data === 'string') throw new TypeError('expected a JSON answer; ask without Accept: text/csv');
  return data as Exclude<T, string>;
}

/**
 * Every item of a cursor-paged list, page after page until `nextCursor` is null or absent:
 * `for await (const s of pages((cursor) => unwrapJson(client.GET('/v1/signals', { params: { query: { cursor, limit: 100 } } }))))`.
 */
export async function* pages<T>(fetchPage: (cursor: string | undefined) => Promise<{ items: T[]; nextCursor?: string | null }>): AsyncGenerator<T> {
  let cursor: string | undefined;
  for (;;) {
    const page = await fetchPage(cursor);
    yield* page.items;
    if (!page.nextCursor) return;
    cursor = page.nextCursor;
  }
}

/** All items of a paged list in an array (for lists you know are small). */
export async function all<T>(fetchPage: (cursor: string | undefined) => Promise<{ items: T[]; nextCursor?: string | null }>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of pages(fetchPage)) out.push(item);
  return out;
}

/**
 * The whole audit chain (GET /v1/audit/export, JSON Lines: one entry per line), parsed, oldest
 * first. openapi-fetch parses answers as JSON by default, which a JSON Lines body is not, so
 * the export is read as text and split here. Auditors and the operator only.
 */
export async function auditExport(client: RegistryClient): Promise<Schemas['AuditEntry'][]> {
  const text = await unwrap(client.GET('/v1/audit/export', { parseAs: 'text' }));
  return String(text)
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line) => JSON.parse(line) as Schemas['AuditEntry']);
}

type Headers = Record<string, string | string[] | undefined>;
const header = (headers: Headers, name: string) => {
  const value = headers[name] ?? headers[name.toLowerCase()];
  return Array.isArray(value) ? value.join(' ') : (value ?? '');
};

/** A webhook body as the registry sends it: `{ type, timestamp, data }` (the OpenAPI `webhooks` section). */
export interface WebhookBody {
  type: string;
  timestamp: string;
  data: Record<string, unknown>;
}

/**
 * Checks a delivery's `v1` signature with the subscription's secret (`whsec_…`) and its
 * timestamp (within 5 minutes), with the Standard Webhooks library; returns the parsed
 * body or throws. Pass the raw body exactly as received.
 */
export function verifyWebhook(secret: string, rawBody: string, headers: Headers): WebhookBody {
  return new Webhook(secret).verify(rawBody, {
    'webhook-id': header(headers, 'webhook-id'),
    'webhook-timestamp': header(headers, 'webhook-timestamp'),
    'webhook-signature': header(headers, 'webhook-signature'),
  }) as WebhookBody;
}

/** A key of the registry's `GET /.well-known/webhook-keys` document. */
export interface WebhookKey {
  kid: string;
  x: string;
  validFrom: string;
  signsUntil: string | null;
}

/**
 * Whether a delivery carries a valid `v1a` (Ed25519) signature by one of `keys` — the
 * evidence a receiver can show a third party. The key named by `webhook-key-id` must have
 * been valid at `webhook-timestamp`. Fetch the keys from the registry's own address and keep
 * them; do not take a key from a delivery.
 */
export function verifyWebhookV1a(keys: readonly WebhookKey[], rawBody: string, headers: Headers): boolean {
  const id = header(headers, 'webhook-id');
  const timestamp = header(headers, 'webhook-timestamp');
  const signed = Buffer.from(`${id}.${timestamp}.${rawBody}`, 'utf8');
  const kids = header(headers, 'webhook-key-id').split(' ');
  const at = Number(timestamp) * 1000;
  const signatures = header(headers, 'webhook-signature')
    .split(' ')
    .filter((s) => s.startsWith('v1a,'));
  return signatures.some((signature, i) => {
    const key = keys.find((k) => k.kid === kids[i]);
    if (!key || !Number.isFinite(at)) return false;
    // webhook-timestamp is whole seconds; validFrom is not.
    if (at < Math.floor(Date.parse(key.validFrom) / 1000) * 1000 || (key.signsUntil !== null && at > Date.parse(key.signsUntil))) return false;
    const publicKey = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: key.x }, format: 'jwk' });
    return verify(null, signed, publicKey, Buffer.from(signature.slice(4), 'base64'));
  });
}
