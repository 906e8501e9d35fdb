import { createHash } from 'node:crypto';

// RFC 9162 section 2.1 written from the RFC itself, for tests that check the registry's
// Merkle log without importing any of its code.

export const sha = (...parts: (Buffer | string)[]) => {
  const h = createHash('sha256');
  for (const p of parts) h.update(p);
  return h.digest();
};
export const H_LEAF = Buffer.from([0]);
export const H_NODE = Buffer.from([1]);
export const rfcNode = (l: Buffer, r: Buffer) => sha(H_NODE, l, r);
/** The leaf bytes as the README documents them: the entry's JSON with keys sorted, no spaces. */
export const rfcLeaf = (e: Record<string, unknown>) => {
  const fields = ['position', 'recordedAt', 'actorSub', 'orgId', 'action', 'targetType', 'targetId', 'requestId', 'digest', 'prevHash', 'hash'].sort();
  return sha(H_LEAF, `{${fields.map((k) => `${JSON.stringify(k)}:${JSON.stringify(e[k])}`).join(',')}}`);
};
export const k = (n: number) => 2 ** Math.ceil(Math.log2(n) - 1);
/** MTH(D[n]) exactly as RFC 9162 2.1.1 defines it. */
export const mth = (d: Buffer[]): Buffer => (d.length === 0 ? sha('') : d.length === 1 ? d[0]! : rfcNode(mth(d.slice(0, k(d.length))), mth(d.slice(k(d.length)))));
/** PATH(m, D[n]), 2.1.3.1. */
export const path = (m: number, d: Buffer[]): Buffer[] => {
  if (d.length === 1) return [];
  const s = k(d.length);
  return m < s ? [...path(m, d.slice(0, s)), mth(d.slice(s))] : [...path(m - s, d.slice(s)), mth(d.slice(0, s))];
};
/** PROOF(m, D[n]) = SUBPROOF(m, D[n], true), 2.1.4.1. */
export const subproof = (m: number, d: Buffer[], b: boolean): Buffer[] => {
  if (m === d.length) return b ? [] : [mth(d)];
  const s = k(d.length);
  return m <= s ? [...subproof(m, d.slice(0, s), b), mth(d.slice(s))] : [...subproof(m - s, d.slice(s), false), mth(d.slice(0, s))];
};
/** The root a PATH leads to, read back through the definition (the last element is the top sibling). */
export const rootFromPath = (m: number, n: number, leaf: Buffer, p: Buffer[]): Buffer => {
  if (n === 1) {
    if (p.length !== 0) throw new Error('path too long');
    return leaf;
  }
  const s = k(n);
  const top = p.at(-1);
  if (!top) throw new Error('path too short');
  return m < s ? rfcNode(rootFromPath(m, s, leaf, p.slice(0, -1)), top) : rfcNode(top, rootFromPath(m - s, n - s, leaf, p.slice(0, -1)));
};
/** The (old root, new root) a consistency proof yields, read back through SUBPROOF's definition. */
export const rootsFromProof = (m: number, n: number, oldRoot: Buffer, p: Buffer[], b = true): [Buffer, Buffer] => {
  if (m === n) {
    if (b) {
      if (p.length) throw new Error('proof too long');
      return [oldRoot, oldRoot];
    }
    if (p.length !== 1) throw new Error('bad proof length');
    return [p[0]!, p[0]!];
  }
  const s = k(n);
  const top = p.at(-1);
  if (!top) throw new Error('proof too short');
  if (m <= s) {
    const [o, nn] = rootsFromProof(m, s, oldRoot, p.slice(0, -1), b);
    return [o, rfcNode(nn, top)];
  }
  const [o, nn] = rootsFromProof(m - s, n - s, oldRoot, p.slice(0, -1), false);
  return [rfcNode(top, o), rfcNode(top, nn)];
};
export const b64 = (list: string[]) => list.map((h) => Buffer.from(h, 'base64'));
