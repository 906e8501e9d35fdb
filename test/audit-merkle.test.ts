import { createPublicKey, generateKeyPairSync, type KeyObject, verify } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAuditRepository } from '../src/modules/audit/audit.repository.ts';
import { startTestApp, type TestApp } from './helpers/app.ts';
import { cast, seedCast } from './helpers/factories.ts';

// Everything the registry's Merkle code does is checked here by an implementation written
// from RFC 9162 section 2.1 and the C2SP specs, in this file, without importing any of it.

import { b64, mth, path, rfcLeaf, rootFromPath, rootsFromProof, sha, subproof } from './helpers/rfc9162.ts';


/** The checkpoint note, parsed and its registry signature checked with node:crypto alone. */
function checkNote(text: string, origin: string, key: KeyObject) {
  const split = text.lastIndexOf('\n\n');
  const body = text.slice(0, split + 1);
  const [originLine, sizeLine, rootLine, rest] = body.split('\n');
  expect(originLine).toBe(origin);
  expect(rest).toBe('');
  const lines = text.slice(split + 2, -1).split('\n');
  const raw = createPublicKey(key).export({ format: 'der', type: 'spki' }).subarray(-32);
  const id = sha(`${origin}\n`, Buffer.from([1]), raw).subarray(0, 4);
  const own = lines.map((l) => /^— (\S+) (\S+)$/.exec(l)!).find((m) => m[1] === origin)!;
  const bytes = Buffer.from(own[2]!, 'base64');
  expect(bytes.subarray(0, 4)).toEqual(id);
  const valid = verify(null, Buffer.from(body), createPublicKey(key), bytes.subarray(4));
  return { valid, size: Number(sizeLine), root: Buffer.from(rootLine!, 'base64'), body, lines };
}

const ORIGIN = 'registry.test/audit-log';
const signingKey = generateKeyPairSync('ed25519').privateKey;

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ AUDIT_SIGNING_KEY: signingKey.export({ type: 'pkcs8', format: 'pem' }).toString(), AUDIT_LOG_ORIGIN: ORIGIN });
  await seedCast(t);
});
afterAll(() => t.close());

const get = (url: string, as: string = cast.revisor.id) => t.request({ method: 'GET', url, as });
const signCheckpoint = async () => {
  const res = await t.request({ method: 'POST', url: '/v1/audit/checkpoint', as: cast.revisor.id });
  expect(res.statusCode, res.body).toBe(201);
  return res.json();
};
const allEntries = async () => (await get('/v1/audit?limit=1000')).json().items as Record<string, unknown>[];
const repo = () => createAuditRepository(t.database.db);
/** Appends entries through the registry's own write path (what every module calls). */
const append = (n: number) =>
  t.database.db.transaction(async (tx) => {
    for (let i = 0; i < n; i++) {
      await repo().append(tx, { actorSub: 'test', orgId: 'sundsvall', action: 'test.entry', targetType: 'test', targetId: String(i), requestId: 'req', digest: 'd'.repeat(64) });
    }
  });

describe('the Merkle log, against RFC 9162 written in this test', () => {
  it('serves checkpoints signed per C2SP, proofs for every index of sizes 1..70, and consistency from every size to every third', async () => {
    // The cast's entries are there already; grow one entry at a time from there to 70.
    const start = (await allEntries()).length;
    expect(start).toBeLessThan(10);
    const roots = new Map<number, Buffer>();
    for (let size = start; size <= 70; size++) {
      if (size > start) await append(1);
      const checkpoint = await signCheckpoint();
      expect(checkpoint.size).toBe(size);
      const note = checkNote(checkpoint.checkpoint, ORIGIN, signingKey);
      expect(note.valid).toBe(true);
      roots.set(size, note.root);
    }
    const entries = await allEntries();
    const leaves = entries.map(rfcLeaf);
    for (const [size, root] of roots) expect(root.equals(mth(leaves.slice(0, size))), `root of ${size}`).toBe(true);
    for (let size = start; size <= 70; size++) {
      for (let index = 0; index < size; index++) {
        const res = await get(`/v1/audit/proofs/inclusion?position=${index + 1}&treeSize=${size}`);
        expect(res.statusCode, res.body).toBe(200);
        const proof = res.json();
        expect(proof.leafIndex).toBe(index);
        expect(Buffer.from(proof.leafHash, 'base64').equals(rfcLeaf(proof.entry))).toBe(true);
        expect(b64(proof.proof)).toEqual(path(index, leaves.slice(0, size)));
        expect(rootFromPath(index, size, rfcLeaf(proof.entry), b64(proof.proof)).equals(roots.get(size)!)).toBe(true);
      }
      // Every pair would be 2,000 requests more; every third size and the last keep each shape of split.
      for (let from = start; from <= size && (size % 3 === 0 || size === 70); from++) {
        const res = await get(`/v1/audit/proofs/consistency?from=${from}&to=${size}`, cast.sundsvall.id);
        expect(res.statusCode, res.body).toBe(200);
        const proof = b64(res.json().proof);
        expect(proof).toEqual(from === size ? [] : subproof(from, leaves.slice(0, size), true));
        const [o, n] = rootsFromProof(from, size, roots.get(from)!, proof);
        expect(o.equals(roots.get(from)!) && n.equals(roots.get(size)!), `consistency ${from} → ${size}`).toBe(true);
      }
    }
  }, 240_000);

  it('proves every index of random larger sizes, and between them, with the tree cached across checkpoints', async () => {
    const sizes: number[] = [];
    let size = (await allEntries()).length;
    for (const grow of [59, 1 + Math.floor(Math.random() * 200), 128, 1 + Math.floor(Math.random() * 300)]) {
      await append(grow);
      size += grow;
      sizes.push((await signCheckpoint()).size);
    }
    expect(sizes.at(-1)).toBe(size);
    const leaves = (await allEntries()).map(rfcLeaf);
    for (const n of sizes) {
      const root = Buffer.from((await get(`/v1/audit/checkpoints/${n}`)).json().rootHash, 'base64');
      expect(root.equals(mth(leaves.slice(0, n)))).toBe(true);
      const indices = n === sizes.at(-1) ? [...Array(n).keys()] : [0, 1, n >> 1, n - 2, n - 1];
      for (const index of indices) {
        const proof = (await get(`/v1/audit/proofs/inclusion?position=${index + 1}&treeSize=${n}`)).json();
        expect(rootFromPath(index, n, leaves[index]!, b64(proof.proof)).equals(root), `leaf ${index} of ${n}`).toBe(true);
      }
    }
    for (let i = 0; i < sizes.length; i++) {
      for (const from of [1, 7, 64, sizes[i]! - 1, ...sizes.slice(0, i)]) {
        const to = sizes[i]!;
        if (from >= to || !(await get(`/v1/audit/checkpoints/${from}`)).json().size) continue;
        const proof = b64((await get(`/v1/audit/proofs/consistency?from=${from}&to=${to}`)).json().proof);
        expect(proof).toEqual(subproof(from, leaves.slice(0, to), true));
      }
    }
  }, 240_000);
});
