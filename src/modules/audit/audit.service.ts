import type { KeyObject } from 'node:crypto';
import { Readable } from 'node:stream';
import type { Tx } from '../../db/client.ts';
import type { RowWrite } from '../../db/row-writes.ts';
import type { Principal } from '../../plugins/auth.ts';
import { canonicalJson, sha256 } from '../../lib/canonical-json.ts';
import { GENESIS_HASH, signHead, type SignedHead, type VerifyResult, verifyEntries } from './audit.chain.ts';
import type { AuditFilter, AuditRepository } from './audit.repository.ts';
import { CompactRange, entryLeafHash } from './audit.merkle.ts';
import { SIGNING_INTERVAL_MS } from './audit.timings.ts';
import { decodeCursor, pageOf } from '../../lib/cursor.ts';

// A read log key: its time at microsecond precision, and its id.
const READ_KEY = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z\|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const decodeReadCursor = (cursor: string) => {
  const [at, id] = decodeCursor(cursor, READ_KEY).split('|') as [string, string];
  return { at, id };
};

export interface AuditedChange {
  action: string;
  targetType: string;
  targetId: string;
  /** What changed; only its digest enters the chain. */
  change: unknown;
}

const VERIFY_BATCH = 5_000;
// verify checks every signal and lists at most this many whose row differs from its history.
const SIGNAL_DRIFT_SHOWN = 100;

/** The audit trail: chain appends inside write transactions, the read log, signed heads, verification. */
export function createAuditService({
  audit,
  signingKey,
  checkpoints = async () => [],
}: {
  audit: AuditRepository;
  signingKey: KeyObject;
  /** The signed checkpoints' sizes and roots (hex), which verify checks against the entries. */
  checkpoints?: () => Promise<{ size: number; rootHash: string }[]>;
}) {
  /** One row of the read log for these ids (none when there are none). */
  const logRead = async (principal: Principal, action: string, targetType: string, ids: string[], newId: () => string) => {
    if (ids.length === 0) return;
    await audit.logRead({
      id: newId(),
      actorSub: principal.sub,
      orgId: principal.org.id,
      action,
      targetType,
      targetIds: ids,
      requestId: principal.requestId,
    });
  };

  const signNow = async (): Promise<SignedHead | null> => {
    const last = await audit.last();
    if (!last) return null;
    const head = signHead(signingKey, { length: last.position, headHash: last.hash, signedAt: new Date().toISOString() });
    await audit.insertHead(head);
    return head;
  };

  /**
   * Recomputes the chain over positions from..to, and checks every stored signed
   * head against it, so removing the newest entries is caught too.
   */
  const verifyChain = async (from = 1, to?: number): Promise<VerifyResult & { headsChecked: number; checkpointsChecked: number }> => {
    const last = await audit.last();
    // From position 1 the Merkle tree is rebuilt on the way and every checkpoint's root checked.
    const signed = from === 1 ? await checkpoints() : [];
    const tree = new CompactRange(0, []);
    let checkpointsChecked = 0;
    let next = 0;
    const end = Math.min(to ?? Number.MAX_SAFE_INTEGER, last?.position ?? 0);
    let prev = GENESIS_HASH;
    if (from > 1) prev = (await audit.at(from - 1))?.hash ?? '';
    let checked = 0;
    for (let start = from; start <= end; start += VERIFY_BATCH) {
      const batch = await audit.range(start, Math.min(start + VERIFY_BATCH - 1, end));
      const result = verifyEntries(batch, start, prev);
      checked += result.checked;
      if (!result.ok) return { ...result, checked, headsChecked: 0, checkpointsChecked };
      if (batch.length < Math.min(VERIFY_BATCH, end - start + 1)) {
        return { ok: false, checked, brokenAt: start + batch.length, reason: `entry ${start + batch.length} is missing`, headsChecked: 0, checkpointsChecked };
      }
      if (from === 1) {
        for (const entry of batch) {
          tree.append(entryLeafHash(entry), () => {});
          while (next < signed.length && signed[next]!.size === tree.size) {
            checkpointsChecked += 1;
            if (tree.root().toString('hex') !== signed[next]!.rootHash) {
              return { ok: false, checked, brokenAt: tree.size, reason: `the tree of size ${tree.size} differs from its signed checkpoint`, headsChecked: 0, checkpointsChecked };
            }
            next += 1;
          }
        }
      }
      prev = batch.at(-1)!.hash;
    }
    if (from === 1 && to === undefined && next < signed.length) {
      const cut = signed[next]!.size;
      return { ok: false, checked, brokenAt: (last?.position ?? 0) + 1, reason: `a signed checkpoint covers ${cut} entries; the log has only ${last?.position ?? 0}`, headsChecked: 0, checkpointsChecked };
    }
    let headsChecked = 0;
    for (const head of await audit.heads()) {
      headsChecked += 1;
      if (head.length > (last?.position ?? 0)) {
        return { ok: false, checked, brokenAt: (last?.position ?? 0) + 1, reason: `a signed head covers ${head.length} entries; the chain has only ${last?.position ?? 0}`, headsChecked, checkpointsChecked };
      }
      if (head.length >= from && head.length <= end) {
        const entry = await audit.at(head.length);
        if (entry?.hash !== head.headHash) {
          return { ok: false, checked, brokenAt: head.length, reason: `entry ${head.length} differs from the signed head`, headsChecked, checkpointsChecked };
        }
      }
    }
    return { ok: true, checked, headsChecked, checkpointsChecked };
  };

  return {
    /**
     * Appends the entry for a write; call inside the write's own transaction. `writes`:
     * the change's other rows, not yet written, sent in the same statement (one round
     * trip for all of them; audit.repository.ts).
     */
    record: (tx: Tx, principal: Principal, entry: AuditedChange, writes: readonly RowWrite[] = []) =>
      audit.append(
        tx,
        {
          actorSub: principal.sub,
          orgId: principal.org.id,
          action: entry.action,
          targetType: entry.targetType,
          targetId: entry.targetId,
          requestId: principal.requestId,
          digest: sha256(canonicalJson(entry.change)),
        },
        writes,
      ),

    /** Logs a read of restricted data (nothing when `ids` is empty). */
    logRead,

    /**
     * A sole trader's organisation number is the owner's personnummer: every answer that shows
     * one is a logged read, once per number (supplier reads, links, status reasons, the feed).
     */
    logSoleTraderReads: (principal: Principal, orgNumbers: Iterable<string>, newId: () => string) =>
      logRead(principal, 'supplier.read_sole_trader', 'supplier', [...new Set(orgNumbers)], newId),

    list: (filter: AuditFilter, limit: number) => audit.list(filter, limit),
    /** One page of the read log, newest first, and the opaque cursor of the next. */
    reads: async (filter: { orgId?: string | undefined; before?: Date | undefined; cursor?: string | undefined }, limit: number) => {
      const after = filter.cursor ? decodeReadCursor(filter.cursor) : undefined;
      const rows = await audit.reads({ orgId: filter.orgId, beforeAt: filter.before, after }, limit + 1);
      const page = pageOf(rows, limit, (r) => `${r.keyAt}|${r.id}`);
      return { items: page.items.map(({ keyAt: _, ...read }) => read), nextCursor: page.nextCursor };
    },

    /**
     * The latest signed head; a new one is signed when the chain has grown and
     * the last head is SIGNING_INTERVAL_MS old, or at once when `fresh` is asked for.
     */
    head: async (fresh = false): Promise<SignedHead | null> => {
      const latest = await audit.latestHead();
      if (fresh || !latest) return (await signNow()) ?? latest ?? null;
      const last = await audit.last();
      const stale = Date.now() - Date.parse(latest.signedAt) >= SIGNING_INTERVAL_MS;
      if (last && last.position !== latest.length && stale) return signNow();
      return latest;
    },

    /**
     * The chain (verifyChain), and every signal's row against its history: a row that
     * differs from its latest version was changed behind the application's back (the
     * app role cannot commit such a change: migrations/0009_signal_integrity.sql).
     */
    verify: async (from = 1, to?: number) => {
      const [chain, signals] = await Promise.all([verifyChain(from, to), audit.signalDrift(SIGNAL_DRIFT_SHOWN)]);
      const first = signals.differing[0];
      const signalReason = first
        ? `signal ${first.signalId} (version ${first.version}) differs from its latest version${first.latestVersion === null ? '' : ` ${first.latestVersion}`} in ${first.fields.join(', ')}`
        : undefined;
      return {
        ...chain,
        ok: chain.ok && !first,
        ...(chain.ok && signalReason ? { reason: signalReason } : {}),
        signalsChecked: signals.checked,
        signalsDiffering: signals.differing,
      };
    },

    /** The whole chain as JSON Lines, streamed in batches. */
    exportStream: () =>
      Readable.from(
        (async function* () {
          let after = 0;
          for (;;) {
            const batch = await audit.list({ afterPosition: after }, VERIFY_BATCH);
            for (const entry of batch) yield `${JSON.stringify(entry)}\n`;
            if (batch.length < VERIFY_BATCH) return;
            after = batch.at(-1)!.position;
          }
        })(),
      ),
  };
}

export type AuditService = ReturnType<typeof createAuditService>;
