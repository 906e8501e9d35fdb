import { createHash } from 'node:crypto';
import { canonicalJson } from '../../lib/canonical-json.ts';
import type { StoredEntry } from './audit.chain.ts';

/**
 * The audit log as a Merkle tree with RFC 9162 hashing (section 2.1), as pure functions
 * so the service, the checkpoint signer and the offline verifier share them.
 *
 * Leaf index = position − 1: the entry at position 1 is leaf 0, and a tree of size n
 * holds positions 1..n. A leaf's bytes are the UTF-8 of the canonical JSON of the whole
 * entry as GET /v1/audit and the export serve it, chain hashes included (`leafBytes`):
 * whoever holds an entry can recompute its leaf, and a checkpoint of size n also pins
 * the chain hash of entry n, which bridges the signed chain heads of before.
 *
 * Tree nodes are addressed as perfect subtrees (level, index): the node covering leaves
 * [index·2^level, (index+1)·2^level). Every range RFC 9162's MTH needs, for a root or a
 * proof, splits into such nodes (`pieces`), which the tree table caches.
 */

export type Hash = Buffer;

export const leafHash = (bytes: Buffer | string): Hash => createHash('sha256').update(Buffer.from([0x00])).update(bytes).digest();
export const nodeHash = (left: Hash, right: Hash): Hash => createHash('sha256').update(Buffer.from([0x01])).update(left).update(right).digest();
/** MTH of the empty tree: SHA-256 of the empty string. */
export const EMPTY_ROOT: Hash = createHash('sha256').digest();

const AUDIT_ENTRY_FIELDS = ['position', 'recordedAt', 'actorSub', 'orgId', 'action', 'targetType', 'targetId', 'requestId', 'digest', 'prevHash', 'hash'] as const;

/** The bytes of an entry's leaf: the canonical JSON of its served fields, nothing else. */
export function leafBytes(entry: StoredEntry): Buffer {
  return Buffer.from(canonicalJson(Object.fromEntries(AUDIT_ENTRY_FIELDS.map((k) => [k, entry[k]]))), 'utf8');
}
export const entryLeafHash = (entry: StoredEntry): Hash => leafHash(leafBytes(entry));

/** The largest power of two smaller than n (n ≥ 2): RFC 9162's k. */
export function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

const isPowerOfTwo = (n: number) => n > 0 && 2 ** Math.round(Math.log2(n)) === n;

export interface NodeRef {
  level: number;
  index: number;
}
export const nodeKey = (n: NodeRef) => `${n.level}:${n.index}`;

/** A range [start, end) of leaves as a tree of perfect nodes, the way MTH splits it. */
export type RangeTree = { node: NodeRef } | { left: RangeTree; right: RangeTree };

export function rangeTree(start: number, end: number): RangeTree {
  const n = end - start;
  if (n < 1) throw new RangeError(`empty range ${start}..${end}`);
  if (isPowerOfTwo(n) && start % n === 0) return { node: { level: Math.log2(n), index: start / n } };
  const k = splitPoint(n);
  return { left: rangeTree(start, start + k), right: rangeTree(start + k, end) };
}

/** The perfect nodes a range's MTH is made of. */
export function pieces(tree: RangeTree, out: NodeRef[] = []): NodeRef[] {
  if ('node' in tree) out.push(tree.node);
  else {
    pieces(tree.left, out);
    pieces(tree.right, out);
  }
  return out;
}

export function combine(tree: RangeTree, lookup: (n: NodeRef) => Hash): Hash {
  return 'node' in tree ? lookup(tree.node) : nodeHash(combine(tree.left, lookup), combine(tree.right, lookup));
}

/** The ranges whose MTH make up PATH(m, D[start:end]) (RFC 9162 2.1.3.1), leaf-side first. */
export function inclusionRanges(m: number, start: number, end: number): [number, number][] {
  const n = end - start;
  if (n === 1) return [];
  const k = splitPoint(n);
  return m < k
    ? [...inclusionRanges(m, start, start + k), [start + k, end]]
    : [...inclusionRanges(m - k, start + k, end), [start, start + k]];
}

/** The ranges of PROOF(m, D[n]) = SUBPROOF(m, D[0:n], true) (RFC 9162 2.1.4.1), for 0 < m < n. */
export function consistencyRanges(m: number, n: number): [number, number][] {
  const sub = (m: number, start: number, end: number, b: boolean): [number, number][] => {
    const n = end - start;
    if (m === n) return b ? [] : [[start, end]];
    const k = splitPoint(n);
    return m <= k ? [...sub(m, start, start + k, b), [start + k, end]] : [...sub(m - k, start + k, end, false), [start, start + k]];
  };
  return sub(m, 0, n, true);
}

const odd = (x: number) => x % 2 === 1;
const half = (x: number) => Math.floor(x / 2);

/** RFC 9162 2.1.3.2: does `proof` take leaf `index`'s hash to `root` in a tree of `size`? */
export function verifyInclusion(index: number, size: number, leaf: Hash, proof: Hash[], root: Hash): boolean {
  if (!Number.isSafeInteger(index) || !Number.isSafeInteger(size) || index < 0 || index >= size) return false;
  let fn = index;
  let sn = size - 1;
  let r = leaf;
  for (const p of proof) {
    if (sn === 0) return false;
    if (odd(fn) || fn === sn) {
      r = nodeHash(p, r);
      while (!odd(fn) && fn !== 0) {
        fn = half(fn);
        sn = half(sn);
      }
    } else {
      r = nodeHash(r, p);
    }
    fn = half(fn);
    sn = half(sn);
  }
  return sn === 0 && r.equals(root);
}

/** RFC 9162 2.1.4.2: is the tree of size `second` with root `secondRoot` an extension of the one of size `first`? */
export function verifyConsistency(first: number, second: number, firstRoot: Hash, secondRoot: Hash, proof: Hash[]): boolean {
  if (!Number.isSafeInteger(first) || !Number.isSafeInteger(second) || first < 0 || first > second) return false;
  if (first === second) return proof.length === 0 && firstRoot.equals(secondRoot);
  if (first === 0) return proof.length === 0;
  if (proof.length === 0) return false;
  const path = isPowerOfTwo(first) ? [firstRoot, ...proof] : [...proof];
  let fn = first - 1;
  let sn = second - 1;
  while (odd(fn)) {
    fn = half(fn);
    sn = half(sn);
  }
  let fr = path[0]!;
  let sr = path[0]!;
  for (const c of path.slice(1)) {
    if (sn === 0) return false;
    if (odd(fn) || fn === sn) {
      fr = nodeHash(c, fr);
      sr = nodeHash(c, sr);
      while (!odd(fn) && fn !== 0) {
        fn = half(fn);
        sn = half(sn);
      }
    } else {
      sr = nodeHash(sr, c);
    }
    fn = half(fn);
    sn = half(sn);
  }
  return fr.equals(firstRoot) && sr.equals(secondRoot) && sn === 0;
}

/**
 * Appends leaves to a compact range [0, size): the roots of the perfect subtrees that
 * cover it, one per set bit of size, largest first. Every perfect node the appends
 * complete is reported, so the tree table can cache it.
 */
export class CompactRange {
  size: number;
  /** Roots largest first: frontier[i] covers the i-th set bit of size from the top. */
  private frontier: Hash[];

  constructor(size: number, frontier: Hash[]) {
    this.size = size;
    this.frontier = [...frontier];
  }

  /** The nodes a compact range of `size` is made of, largest first (load them to resume). */
  static frontierNodes(size: number): NodeRef[] {
    const out: NodeRef[] = [];
    let start = 0;
    for (let level = 52; level >= 0; level--) {
      const width = 2 ** level;
      if (size - start >= width) {
        out.push({ level, index: start / width });
        start += width;
      }
    }
    return out;
  }

  append(leaf: Hash, completed: (node: NodeRef, hash: Hash) => void): void {
    let hash = leaf;
    let level = 0;
    let index = this.size;
    // Merge while the lowest subtree has the same width as the new one.
    while (index % 2 === 1) {
      const left = this.frontier.pop()!;
      hash = nodeHash(left, hash);
      level += 1;
      index = half(index);
      completed({ level, index }, hash);
    }
    this.frontier.push(hash);
    this.size += 1;
  }

  /** MTH of [0, size): the frontier folded from the right, as RFC 9162's split does. */
  root(): Hash {
    if (this.frontier.length === 0) return EMPTY_ROOT;
    let r = this.frontier.at(-1)!;
    for (let i = this.frontier.length - 2; i >= 0; i--) r = nodeHash(this.frontier[i]!, r);
    return r;
  }
}
