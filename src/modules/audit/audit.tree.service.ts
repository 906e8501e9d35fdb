import type { KeyObject } from 'node:crypto';
import type { Tx } from '../../db/client.ts';
import { GENESIS_HASH, verifyEntries } from './audit.chain.ts';
import {
  badProofSizes,
  badWitnessKey,
  chainBroken,
  checkpointNotFound,
  cosignatureFromFuture,
  cosignatureInvalid,
  cosignatureMalformed,
  emptyLog,
  entryNotInTree,
  witnessExists,
  witnessNotYours,
  witnessUnknown,
} from './audit.errors.ts';
import {
  combine,
  CompactRange,
  consistencyRanges,
  entryLeafHash,
  type Hash,
  inclusionRanges,
  type NodeRef,
  nodeKey,
  pieces,
  rangeTree,
} from './audit.merkle.ts';
import { checkpointBody, COSIGNATURE, NOTE_SIGNATURE, parseNote, rawPublicKey, publicKeyFromRaw, signCheckpoint, verifierKey, verifyCosignature } from './audit.note.ts';
import type { AuditTreeRepository } from './audit.tree.repository.ts';
import { pageOf } from '../../lib/cursor.ts';

const LEAF_BATCH = 5_000;
// A witness's clock may run a little ahead of ours.
const COSIGNATURE_SKEW_S = 300n;

type WitnessRow = Awaited<ReturnType<AuditTreeRepository['witnesses']>>[number];
const presentWitness = (w: WitnessRow) => ({
  name: w.name,
  orgId: w.orgId,
  publicKey: w.publicKey,
  verifierKey: verifierKey(w.name, COSIGNATURE, Buffer.from(w.publicKey, 'base64')),
  createdAt: w.createdAt,
});

type CheckpointRow = NonNullable<Awaited<ReturnType<AuditTreeRepository['latestCheckpoint']>>>;

/**
 * The Merkle log over the audit entries: the checkpoint signer (which extends the cached
 * tree and signs a C2SP checkpoint), proofs against signed checkpoints, and witness
 * cosignatures. Writers never call any of it: an entry's leaf is computed here, from the
 * entry, when a checkpoint first covers it.
 */
export function createAuditTree({ tree, signingKey, origin, now = () => Date.now() }: { tree: AuditTreeRepository; signingKey: KeyObject; origin: string; now?: () => number }) {
  /** Hashes for perfect nodes: level 0 from the entries themselves, the rest from the cache. */
  const lookupFor = async (refs: NodeRef[], ex?: Tx): Promise<(n: NodeRef) => Hash> => {
    const leaves = refs.filter((r) => r.level === 0);
    const [cached, entries] = await Promise.all([tree.nodes(refs.filter((r) => r.level > 0), ex), tree.entriesAt(leaves.map((r) => r.index + 1), ex)]);
    const found = new Map<string, Hash>([...cached].map(([k, hex]) => [k, Buffer.from(hex, 'hex')]));
    for (const e of entries) found.set(nodeKey({ level: 0, index: e.position - 1 }), entryLeafHash(e));
    return (n) => {
      const hash = found.get(nodeKey(n));
      if (!hash) throw new Error(`tree node ${nodeKey(n)} is missing`);
      return hash;
    };
  };

  /** MTH of each range, in one round trip for the cache and one for the leaves. */
  const hashesOf = async (ranges: [number, number][]): Promise<Hash[]> => {
    const trees = ranges.map(([s, e]) => rangeTree(s, e));
    const lookup = await lookupFor(trees.flatMap((t) => pieces(t)));
    return trees.map((t) => combine(t, lookup));
  };

  /**
   * Extends the cached tree to the newest entry and signs a checkpoint over it, unless
   * the newest checkpoint already covers every entry. The chain is checked over the new
   * entries on the way: the registry never signs a tree over a broken chain.
   */
  const signNew = () =>
    tree.transaction(async (tx) => {
      await tree.lockSigner(tx);
      const latest = await tree.latestCheckpoint(tx);
      const from = latest?.size ?? 0;
      const size = await tree.lastPosition(tx);
      if (size === 0 || size <= from) return null;
      const frontierRefs = CompactRange.frontierNodes(from);
      const lookup = await lookupFor(frontierRefs, tx);
      const range = new CompactRange(from, frontierRefs.map(lookup));
      let prev = from === 0 ? GENESIS_HASH : ((await tree.entriesAt([from], tx))[0]?.hash ?? '');
      for (let start = from + 1; start <= size; start += LEAF_BATCH) {
        const end = Math.min(start + LEAF_BATCH - 1, size);
        const batch = await tree.entries(start, end, tx);
        const chain = verifyEntries(batch, start, prev);
        if (!chain.ok) throw chainBroken(chain.reason ?? `at ${chain.brokenAt}`);
        if (batch.length !== end - start + 1) throw chainBroken(`entry ${start + batch.length} is missing`);
        const completed: { level: number; idx: number; hash: string }[] = [];
        for (const entry of batch) range.append(entryLeafHash(entry), (n, h) => completed.push({ level: n.level, idx: n.index, hash: h.toString('hex') }));
        await tree.insertNodes(tx, completed);
        prev = batch.at(-1)!.hash;
      }
      const root = range.root();
      const note = signCheckpoint(signingKey, origin, checkpointBody(origin, size, root));
      const [row] = await tree.insertCheckpoint(tx, { size, rootHash: root.toString('hex'), note });
      return row!;
    });

  const mustCheckpoint = async (size: number) => {
    const row = await tree.checkpoint(size);
    if (!row) throw checkpointNotFound(size);
    return row;
  };

  const registryKey = verifierKey(origin, NOTE_SIGNATURE, rawPublicKey(signingKey));
  /** A checkpoint as served: the registry's note with every cosignature line added. */
  const present = async (rows: CheckpointRow[]) => {
    const cosignatures = await tree.cosignatures(rows.map((r) => r.size));
    return rows.map((row) => {
      const own = cosignatures.filter((c) => c.size === row.size);
      return {
        size: row.size,
        rootHash: Buffer.from(row.rootHash, 'hex').toString('base64'),
        signedAt: row.signedAt,
        verifierKey: registryKey,
        checkpoint: own.length ? `${row.note}${own.map((c) => `${c.line}\n`).join('')}` : row.note,
        cosignatures: own.map((c) => ({ witness: c.witnessName, timestamp: c.timestamp, line: c.line, receivedAt: c.createdAt })),
      };
    });
  };

  return {
    origin,
    signNew,
    /** Signs if the log grew; for the periodic timer. */
    signIfGrown: async () => void (await signNew()),

    /** The newest checkpoint, signing one first when `fresh` is asked for and the log grew. */
    latest: async (fresh = false) => {
      if (fresh) await signNew();
      let row = await tree.latestCheckpoint();
      if (!row) row = (await signNew()) ?? undefined;
      if (!row) throw emptyLog();
      return (await present([row]))[0]!;
    },
    one: async (size: number) => (await present([await mustCheckpoint(size)]))[0]!,
    /** Newest first: one page of checkpoints smaller than `below` (every one when undefined), and the next cursor. */
    list: async (below: number | undefined, limit: number) => {
      const page = pageOf(await tree.checkpoints(below, limit + 1), limit, (row) => String(row.size));
      const items = await present(page.items);
      return { items, nextCursor: page.nextCursor, nextBefore: page.nextCursor ? items.at(-1)!.size : null };
    },

    /** RFC 9162 inclusion proof of the entry at `position` against the checkpoint of `size` (default: the newest). */
    inclusion: async (position: number, size?: number) => {
      const checkpoint = size === undefined ? await tree.latestCheckpoint() : await mustCheckpoint(size);
      if (!checkpoint) throw emptyLog();
      if (position > checkpoint.size) throw entryNotInTree(position, checkpoint.size);
      const index = position - 1;
      const [entry] = await tree.entriesAt([position]);
      if (!entry) throw entryNotInTree(position, checkpoint.size);
      const proof = await hashesOf(inclusionRanges(index, 0, checkpoint.size));
      return {
        position,
        leafIndex: index,
        treeSize: checkpoint.size,
        leafHash: entryLeafHash(entry).toString('base64'),
        entry,
        proof: proof.map((h) => h.toString('base64')),
        checkpoint: (await present([checkpoint]))[0]!.checkpoint,
      };
    },

    /** RFC 9162 consistency proof between the checkpoints of sizes `from` and `to`. */
    consistency: async (from: number, to: number) => {
      if (from > to) throw badProofSizes();
      const [first, second] = await Promise.all([mustCheckpoint(from), mustCheckpoint(to)]);
      const proof = from === to ? [] : await hashesOf(consistencyRanges(from, to));
      const [a, b] = await present([first, second]);
      return { from, to, proof: proof.map((h) => h.toString('base64')), fromCheckpoint: a!.checkpoint, toCheckpoint: b!.checkpoint };
    },

    /**
     * Checks a witness's cosignature line of the checkpoint of `size` and keeps it, with
     * `audited` (the audit entry) in the same transaction. The witness must be the
     * caller's own organisation's. `created` is false when it had cosigned this one before.
     */
    cosign: async (orgId: string, size: number, line: string, audited: (tx: Tx) => Promise<unknown>) => {
      const checkpoint = await mustCheckpoint(size);
      const parsed = parseNote(`x\n\n${line.trim()}\n`);
      if (!parsed || parsed.signatures.length !== 1) throw cosignatureMalformed();
      const signature = parsed.signatures[0]!;
      const witness = await tree.witness(signature.name);
      if (!witness) throw witnessUnknown(signature.name);
      if (witness.orgId !== orgId) throw witnessNotYours();
      const body = parseNote(checkpoint.note)!.body;
      const timestamp = verifyCosignature(signature, body, witness.name, Buffer.from(witness.publicKey, 'base64'));
      if (timestamp === null) throw cosignatureInvalid();
      if (timestamp > BigInt(Math.floor(now() / 1000)) + COSIGNATURE_SKEW_S) throw cosignatureFromFuture();
      const created = await tree.transaction(async (tx) => {
        const inserted = await tree.insertCosignature(tx, { size, witnessName: witness.name, timestamp: Number(timestamp), line: signature.line });
        if (inserted) await audited(tx);
        return inserted !== undefined;
      });
      return { created, checkpoint: (await present([checkpoint]))[0]! };
    },

    /** Registers an auditor organisation's witness key (raw Ed25519, 32 bytes). */
    registerWitness: async (orgId: string, sub: string, name: string, raw: Buffer, audited: (tx: Tx) => Promise<unknown>) => {
      if (raw.length !== 32) throw badWitnessKey();
      try {
        publicKeyFromRaw(raw);
      } catch {
        throw badWitnessKey();
      }
      const row = await tree.transaction(async (tx) => {
        const inserted = await tree.insertWitness(tx, { name, orgId, publicKey: raw.toString('base64'), createdBy: sub });
        if (!inserted) throw witnessExists();
        await audited(tx);
        return inserted;
      });
      return presentWitness(row);
    },
    witnesses: async () => (await tree.witnesses()).map(presentWitness),
  };
}

export type AuditTree = ReturnType<typeof createAuditTree>;
