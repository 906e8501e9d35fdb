import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import type { Db, Tx } from '../../db/client.ts';
import { type AsymmetricSigningKey, keyIdOf, newAsymmetricWebhookKey, privateKeyOfWhsk } from '../../lib/webhook-signature.ts';
import { loadSigningKey } from '../audit/audit.chain.ts';
import { keyPurposes } from '../../lib/derived-keys.ts';
import { createSecretSealer, type SecretSealer } from '../idempotency/idempotency.seal.ts';
import { rotationPending } from './webhook-keys.errors.ts';
import type { WebhookKeyRepository } from './webhook-keys.repository.ts';
import { keyStatus, publishedKeys, signingKidsAt } from './webhook-keys.rules.ts';
import type { WebhookSigningKeyRow } from './webhook-keys.table.ts';

let processKey: KeyObject | undefined;

/**
 * The key that seals the webhook keys' private parts: derived (its own HKDF label) from
 * AUDIT_SIGNING_KEY, which production requires and every replica shares, so any API or
 * worker process can open them. Without it (development) one key per process, shared by
 * the API and the in-process workers; a key sealed by an earlier process is then replaced
 * at start-up (see `ready`), as one sealed under a changed AUDIT_SIGNING_KEY is.
 */
export function webhookKeySealer(auditSigningKey: string | undefined): { sealer: SecretSealer; generated: boolean } {
  const { key, generated } = auditSigningKey ? loadSigningKey(auditSigningKey) : { key: (processKey ??= generateKeyPairSync('ed25519').privateKey), generated: true };
  return { sealer: createSecretSealer(key, keyPurposes.webhookSigningKeys), generated };
}

const sealContext = (kid: string) => ['webhook-signing-key', kid] as const;

/** Creating and rotating keys, under one lock across replicas. */
export function createWebhookKeyStore(deps: { db: Db; keys: WebhookKeyRepository; sealer: SecretSealer; clock?: () => number }) {
  const { db, keys, sealer, clock = Date.now } = deps;

  const newRow = (validFrom: Date, reason: string, createdBy: string) => {
    const { secretKey, publicKey } = newAsymmetricWebhookKey();
    const kid = keyIdOf(publicKey);
    return { kid, publicKey, sealedPrivateKey: sealer.seal(secretKey, sealContext(kid)), validFrom, reason, createdBy };
  };

  /**
   * A new key that starts signing `leadMs` from now; the unretired one is retired then and
   * keeps signing beside it for `overlapMs` more. Refused while the last rotation's key has not started.
   */
  const rotateIn = async (tx: Tx, input: { leadMs: number; overlapMs: number; reason: string; createdBy: string }) => {
    await keys.lock(tx);
    const now = clock();
    const unretired = await keys.unretired(tx);
    if (unretired && unretired.validFrom.getTime() > now) throw rotationPending(unretired.kid, unretired.validFrom);
    const validFrom = new Date(now + input.leadMs);
    // At most two keys sign at once: an earlier key still in its overlap stops when the new one starts.
    await keys.endOverlaps(tx, validFrom);
    const previous = unretired ? await keys.retire(tx, unretired.kid, validFrom, new Date(validFrom.getTime() + input.overlapMs)) : null;
    const key = await keys.insert(tx, newRow(validFrom, input.reason, input.createdBy));
    return { key, previous };
  };

  return {
    rotateIn,
    /** The first key, made at the first start; true when this call made it. */
    ensureKey: () =>
      db.transaction(async (tx) => {
        await keys.lock(tx);
        if (await keys.unretired(tx)) return false;
        await keys.insert(tx, newRow(new Date(clock()), 'the first webhook signing key', 'registry'));
        return true;
      }),
    /**
     * Replaces a current key this process cannot open (sealed by an earlier process without
     * AUDIT_SIGNING_KEY, or under a changed one), at once and without overlap: it stays published.
     */
    replace: (kid: string) =>
      db.transaction((tx) =>
        rotateIn(tx, { leadMs: 0, overlapMs: 0, createdBy: 'registry', reason: `key ${kid} cannot be opened with this process's AUDIT_SIGNING_KEY` }),
      ),
    /** The `whsk_` key of a row, or null when erased or sealed under another key. */
    openPrivate: (row: WebhookSigningKeyRow) => (row.sealedPrivateKey ? sealer.open(row.sealedPrivateKey, sealContext(row.kid)) : null),
  };
}

export type WebhookKeyStore = ReturnType<typeof createWebhookKeyStore>;

/**
 * Each process's copy of the webhook keys: read at start and every `refreshMs`, so an
 * attempt signs with a cached KeyObject and no database round trip. Which key signs is
 * chosen by time (signingKidsAt); a rotation publishes its key WEBHOOK_KEY_LEAD_TIME
 * (at least two refreshes) before it signs, so every process has it by then.
 */
export function createWebhookKeyring(deps: {
  keys: WebhookKeyRepository;
  store: WebhookKeyStore;
  refreshMs: number;
  /** The sealing key is this process's own (no AUDIT_SIGNING_KEY): replacing an unopenable key is expected, not an error. */
  sealKeyGenerated: boolean;
  log: FastifyBaseLogger;
  clock?: () => number;
}) {
  const { keys, store, refreshMs, sealKeyGenerated, log, clock = Date.now } = deps;
  let rows: WebhookSigningKeyRow[] = [];
  const privates = new Map<string, KeyObject>();
  let timer: NodeJS.Timeout | undefined;
  let warned = false;

  const load = async () => {
    rows = await keys.list();
    const now = clock();
    const live = new Set(rows.filter((r) => keyStatus(r, now) !== 'retired').map((r) => r.kid));
    for (const kid of privates.keys()) if (!live.has(kid)) privates.delete(kid);
    for (const row of rows) {
      if (!live.has(row.kid) || privates.has(row.kid)) continue;
      const secretKey = store.openPrivate(row);
      if (secretKey) privates.set(row.kid, privateKeyOfWhsk(secretKey));
    }
    const current = signingKidsAt(rows, now)[0];
    if (current && !privates.has(current) && !warned) {
      warned = true;
      // Why, as far as this process can tell: the sealed key opens only with the AUDIT_SIGNING_KEY it was sealed under.
      const why = sealKeyGenerated
        ? 'this process has no AUDIT_SIGNING_KEY, so it cannot open a key another process sealed: give every API and worker process the same AUDIT_SIGNING_KEY'
        : 'its private key was erased, or sealed under another AUDIT_SIGNING_KEY than this process has: give every API and worker process the same one';
      log.error({ kid: current, why }, 'the current webhook signing key cannot be opened here; v1a signatures are left out');
    }
  };

  const signingKeys = (now = clock()): AsymmetricSigningKey[] =>
    signingKidsAt(rows, now).flatMap((kid) => {
      const privateKey = privates.get(kid);
      return privateKey ? [{ kid, privateKey }] : [];
    });

  let started: Promise<void> | null = null;
  let closed = false;
  const startOnce = async () => {
    await store.ensureKey();
    await load();
    const current = signingKidsAt(rows, clock())[0];
    if (current && !privates.has(current)) {
      // Deliveries must never wait for this: a stop still goes out (v1) whatever happens here.
      if (sealKeyGenerated) log.warn({ kid: current }, 'AUDIT_SIGNING_KEY is not set: replacing a webhook signing key sealed by an earlier process');
      else log.error({ kid: current }, 'the current webhook signing key was sealed under another AUDIT_SIGNING_KEY: replacing it at once, without overlap');
      try {
        await store.replace(current);
        warned = false;
        await load();
      } catch (error) {
        log.error({ err: error }, 'could not replace the webhook signing key; v1a signatures are left out until the next rotation');
      }
    }
    if (closed) return;
    timer = setInterval(() => void load().catch((error: unknown) => log.warn({ err: error }, 'could not refresh the webhook signing keys')), refreshMs);
    timer.unref();
  };

  return {
    /**
     * Makes the first key if there is none and reads the keys; resolves once they are
     * here. A failed start (no database yet) is tried again at the next call.
     */
    ready: (): Promise<void> =>
      (started ??= startOnce().catch((error: unknown) => {
        started = null;
        throw error;
      })),
    /** The keys that sign an attempt made now: the current one, and the previous one during an overlap. */
    signingKeys,
    /** The published document's keys, newest first. */
    published: (now = clock()) => publishedKeys(rows, now),
    /** Reads the keys again now (after a rotation in this process). */
    refresh: load,
    close: () => {
      closed = true;
      clearInterval(timer);
    },
  };
}

export type WebhookKeyring = ReturnType<typeof createWebhookKeyring>;

/**
 * The keyring of an API or worker process, with its store. A worker waits for it
 * (`await keyring.ready()`) before it sends anything; the API starts it in the
 * background, so it starts, and answers /readyz, while the database is still away.
 */
export function createProcessKeyring(deps: {
  db: Db;
  config: { AUDIT_SIGNING_KEY?: string | undefined; WEBHOOK_KEY_REFRESH: number };
  keys: WebhookKeyRepository;
  log: FastifyBaseLogger;
}) {
  const { sealer, generated } = webhookKeySealer(deps.config.AUDIT_SIGNING_KEY);
  const store = createWebhookKeyStore({ db: deps.db, keys: deps.keys, sealer });
  const keyring = createWebhookKeyring({ keys: deps.keys, store, refreshMs: deps.config.WEBHOOK_KEY_REFRESH, sealKeyGenerated: generated, log: deps.log });
  return { keyring, store };
}
