import { execFile } from 'node:child_process';
import { createHash, createPublicKey, generateKeyPairSync, type KeyObject, sign } from 'node:crypto';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './helpers/app.ts';
import { cast, createSupplier, personnummer, seedCast } from './helpers/factories.ts';

// Witnesses, the offline verifier, forks, tampering and who may call what. Cosignatures and
// forged checkpoints are made here with node:crypto from the C2SP texts, not with src code.

const sha = (...parts: (Buffer | string)[]) => parts.reduce((h, p) => h.update(p), createHash('sha256')).digest();
const rawKey = (key: KeyObject) => createPublicKey(key).export({ format: 'der', type: 'spki' }).subarray(-32);
const keyId = (name: string, type: number, key: KeyObject) => sha(`${name}\n`, Buffer.from([type]), rawKey(key)).subarray(0, 4);
const vkey = (name: string, type: number, key: KeyObject) => `${name}+${keyId(name, type, key).toString('hex')}+${Buffer.concat([Buffer.from([type]), rawKey(key)]).toString('base64')}`;
const bodyOf = (note: string) => note.slice(0, note.lastIndexOf('\n\n') + 1);
/** tlog-cosignature, Ed25519: key id ‖ u64 timestamp ‖ sig over "cosignature/v1\ntime T\n" ‖ body. */
const cosignLine = (key: KeyObject, name: string, note: string, timestamp = Math.floor(Date.now() / 1000)) => {
  const ts = Buffer.alloc(8);
  ts.writeBigUInt64BE(BigInt(timestamp));
  const signature = sign(null, Buffer.from(`cosignature/v1\ntime ${timestamp}\n${bodyOf(note)}`), key);
  return `— ${name} ${Buffer.concat([keyId(name, 4, key), ts, signature]).toString('base64')}`;
};
/** A checkpoint the registry's key signs over any root: what a registry showing a split view would hand out. */
const forgeCheckpoint = (key: KeyObject, origin: string, size: number, root: Buffer) => {
  const body = `${origin}\n${size}\n${root.toString('base64')}\n`;
  return `${body}\n— ${origin} ${Buffer.concat([keyId(origin, 1, key), sign(null, Buffer.from(body), key)]).toString('base64')}\n`;
};

const ORIGIN = 'registry.test/audit-log';
const signingKey = generateKeyPairSync('ed25519').privateKey;
const witnessKey = generateKeyPairSync('ed25519').privateKey;
const WITNESS = 'revision.test/witness';
const cli = fileURLToPath(new URL('../src/cli/audit-verify.ts', import.meta.url));
const run = promisify(execFile);

let t: TestApp;
let dir: string;
beforeAll(async () => {
  t = await startTestApp({ AUDIT_SIGNING_KEY: signingKey.export({ type: 'pkcs8', format: 'pem' }).toString(), AUDIT_LOG_ORIGIN: ORIGIN });
  await seedCast(t);
  const res = await t.request({ method: 'POST', url: '/v1/organisations', as: t.config.OPERATOR_ORG_ID, payload: { id: 'revisor2', kind: 'auditor', name: 'Andra revisionen (test)' } });
  expect(res.statusCode, res.body).toBe(201);
  dir = await mkdtemp(join(tmpdir(), 'merkle-'));
});
afterAll(() => t.close());

const call = (method: 'GET' | 'POST', url: string, as: string, payload?: object, scope?: string) =>
  t.request({ method, url, as, ...(payload === undefined ? {} : { payload }), ...(scope ? { scope } : {}) });
const file = async (name: string, text: string) => {
  await writeFile(join(dir, name), text);
  return join(dir, name);
};
const verifyCli = (args: string[]) =>
  run(process.execPath, [cli, '--log-key', vkey(ORIGIN, 1, signingKey), ...args]).then(
    (r) => ({ code: 0, out: r.stdout }),
    (e: { code: number; stdout: string }) => ({ code: e.code, out: e.stdout }),
  );
const checkpointNow = async () => (await call('POST', '/v1/audit/checkpoint', cast.revisor.id)).json();

describe('witnesses', () => {
  it('lets an auditor register its key and cosign; the cosigned checkpoint is served and verifies offline', async () => {
    const registered = await call('POST', '/v1/audit/witnesses', cast.revisor.id, { name: WITNESS, publicKey: rawKey(witnessKey).toString('base64') });
    expect(registered.statusCode, registered.body).toBe(201);
    expect(registered.json().verifierKey).toBe(vkey(WITNESS, 4, witnessKey));
    const checkpoint = await checkpointNow();
    expect(checkpoint.verifierKey).toBe(vkey(ORIGIN, 1, signingKey));
    const line = cosignLine(witnessKey, WITNESS, checkpoint.checkpoint);
    const posted = await call('POST', `/v1/audit/checkpoints/${checkpoint.size}/cosignatures`, cast.revisor.id, { cosignature: line });
    expect(posted.statusCode, posted.body).toBe(201);
    expect((await call('POST', `/v1/audit/checkpoints/${checkpoint.size}/cosignatures`, cast.revisor.id, { cosignature: line })).statusCode).toBe(200);
    const served = (await call('GET', `/v1/audit/checkpoints/${checkpoint.size}`, cast.sundsvall.id)).json();
    expect(served.checkpoint).toBe(`${checkpoint.checkpoint}${line}\n`);
    expect(served.cosignatures).toMatchObject([{ witness: WITNESS, line }]);
    const cp = await file('cosigned.txt', served.checkpoint);
    expect(await verifyCli(['--checkpoint', cp, '--witness-key', vkey(WITNESS, 4, witnessKey)])).toMatchObject({
      code: 0,
      out: expect.stringContaining(`cosigned by 1 of 1 witnesses (${WITNESS})`),
    });
    // A cosignature line altered after the fact is caught offline.
    const altered = await file('bad-cosig.txt', `${checkpoint.checkpoint}${cosignLine(witnessKey, WITNESS, checkpoint.checkpoint).slice(0, -8)}AAAAAAA=\n`);
    expect(await verifyCli(['--checkpoint', altered, '--witness-key', vkey(WITNESS, 4, witnessKey)])).toMatchObject({ code: 1, out: expect.stringMatching(/cosignature by a witness you named does not verify/) });
    // The audit log records the registration and the cosignature.
    const actions = (await call('GET', '/v1/audit?action=audit.checkpoint_cosigned', cast.revisor.id)).json().items;
    expect(actions).toHaveLength(1);
  }, 180_000);

  it('refuses cosignatures that do not verify, from the future, with another’s witness, and registrations by non-auditors', async () => {
    const checkpoint = await checkpointNow();
    const url = `/v1/audit/checkpoints/${checkpoint.size}/cosignatures`;
    const other = generateKeyPairSync('ed25519').privateKey;
    const cases: [string, object, number, string][] = [
      [cast.revisor.id, { cosignature: cosignLine(other, WITNESS, checkpoint.checkpoint) }, 422, 'audit.cosignature_invalid'],
      [cast.revisor.id, { cosignature: cosignLine(witnessKey, WITNESS, `other\n1\n${'A'.repeat(43)}=\n\n`) }, 422, 'audit.cosignature_invalid'],
      [cast.revisor.id, { cosignature: cosignLine(witnessKey, WITNESS, checkpoint.checkpoint, Math.floor(Date.now() / 1000) + 3_600) }, 422, 'audit.cosignature_future'],
      [cast.revisor.id, { cosignature: 'not a line' }, 422, 'audit.cosignature_malformed'],
      [cast.revisor.id, { cosignature: cosignLine(other, 'nobody.test/w', checkpoint.checkpoint) }, 422, 'audit.witness_unknown'],
      ['revisor2', { cosignature: cosignLine(witnessKey, WITNESS, checkpoint.checkpoint) }, 403, 'audit.witness_not_yours'],
      [cast.sundsvall.id, { cosignature: cosignLine(witnessKey, WITNESS, checkpoint.checkpoint) }, 403, 'auth.forbidden'],
      [t.config.OPERATOR_ORG_ID, { cosignature: cosignLine(witnessKey, WITNESS, checkpoint.checkpoint) }, 403, 'auth.forbidden'],
      [cast.revisor.id, { cosignature: 'x', extra: 1 }, 400, 'input.invalid'],
    ];
    for (const [as, payload, status, code] of cases) {
      const res = await call('POST', url, as, payload);
      expect(res.statusCode, `${as} ${JSON.stringify(payload)} ${res.body}`).toBe(status);
      expect(res.headers['content-type']).toMatch(/problem\+json/);
      if (code !== 'input.invalid') expect(res.json().code).toBe(code);
    }
    expect((await call('POST', '/v1/audit/checkpoints/999999/cosignatures', cast.revisor.id, { cosignature: cosignLine(witnessKey, WITNESS, checkpoint.checkpoint) })).statusCode).toBe(404);
    const key = rawKey(generateKeyPairSync('ed25519').privateKey).toString('base64');
    for (const [as, payload, status] of [
      [cast.sundsvall.id, { name: 'sundsvall.test/w', publicKey: key }, 403],
      [t.config.OPERATOR_ORG_ID, { name: 'op.test/w', publicKey: key }, 403],
      [cast.revisor.id, { name: WITNESS, publicKey: key }, 409],
      [cast.revisor.id, { name: 'x.test/w2', publicKey: rawKey(witnessKey).toString('base64') }, 409],
      [cast.revisor.id, { name: 'has space', publicKey: key }, 400],
      [cast.revisor.id, { name: `revision.test/${personnummer('850101')}`, publicKey: key }, 422],
      [cast.revisor.id, { name: 'x.test/short', publicKey: 'AAAA' }, 422],
    ] as const) {
      const res = await call('POST', '/v1/audit/witnesses', as, payload);
      expect(res.statusCode, `${as} ${JSON.stringify(payload)} ${res.body}`).toBe(status);
    }
    expect((await call('GET', '/v1/audit/witnesses', cast.sundsvall.id)).json().items.map((w: { name: string }) => w.name)).toEqual([WITNESS]);
  });
});

describe('the offline verifier', () => {
  it('verifies inclusion and consistency proofs, and flags a fork and a tampered entry', async () => {
    const older = await checkpointNow();
    await createSupplier(t);
    const newer = await checkpointNow();
    expect(newer.size).toBeGreaterThan(older.size);
    const inclusion = (await call('GET', `/v1/audit/proofs/inclusion?position=${older.size}&treeSize=${newer.size}`, cast.revisor.id)).json();
    const consistency = (await call('GET', `/v1/audit/proofs/consistency?from=${older.size}&to=${newer.size}`, cast.revisor.id)).json();
    const files = {
      older: await file('older.txt', older.checkpoint),
      newer: await file('newer.txt', newer.checkpoint),
      inclusion: await file('inclusion.json', JSON.stringify(inclusion)),
      consistency: await file('consistency.json', JSON.stringify(consistency)),
      export: await file('export.jsonl', (await call('GET', '/v1/audit/export', cast.revisor.id)).body),
    };
    const good = await verifyCli(['--checkpoint', files.older, '--checkpoint', files.newer, '--proof', files.inclusion, '--proof', files.consistency, '--file', files.export]);
    expect(good.code, good.out).toBe(0);
    expect(good.out).toContain(`is in the log of size ${newer.size}`);
    expect(good.out).toContain(`the log of size ${newer.size} extends the log of size ${older.size}`);
    expect(good.out).toContain(`the export's first ${newer.size} entries make the root of`);

    // Split view: the same key signs another root of the same size for someone else.
    const forged = await file('forged.txt', forgeCheckpoint(signingKey, ORIGIN, newer.size, sha('another history')));
    expect(await verifyCli(['--checkpoint', files.newer, '--checkpoint', forged])).toMatchObject({ code: 1, out: expect.stringMatching(/FAILED: fork: .* both signed checkpoints of size \d+ with different roots/) });
    // A later checkpoint inconsistent with an earlier one.
    const later = forgeCheckpoint(signingKey, ORIGIN, newer.size + 5, sha('rewritten'));
    const inconsistent = await file('inconsistent.json', JSON.stringify({ ...consistency, to: newer.size + 5, toCheckpoint: later }));
    expect(await verifyCli(['--proof', inconsistent])).toMatchObject({ code: 1, out: expect.stringMatching(/FAILED: fork: .* is not consistent with/) });
    // An entry altered after it was proven: its leaf no longer leads to the root.
    const tampered = await file('tampered.json', JSON.stringify({ ...inclusion, entry: { ...inclusion.entry, action: 'organisation.deleted' } }));
    expect(await verifyCli(['--proof', tampered])).toMatchObject({ code: 1, out: expect.stringMatching(/does not lead to the root/) });
    const lines = (await call('GET', '/v1/audit/export', cast.revisor.id)).body.trim().split('\n');
    const edited = lines.map((l, i) => (i === 2 ? l.replace('"organisation.created"', '"organisation.deleted"') : l));
    expect(await verifyCli(['--checkpoint', files.newer, '--file', await file('edited.jsonl', `${edited.join('\n')}\n`)])).toMatchObject({ code: 1, out: expect.stringMatching(/do not make the root/) });
    expect(await verifyCli(['--checkpoint', files.newer, '--file', await file('cut.jsonl', `${lines.slice(0, newer.size - 1).join('\n')}\n`)])).toMatchObject({ code: 1, out: expect.stringMatching(/entries were removed/) });
    // A checkpoint signed by another key, and one of another log.
    const stranger = generateKeyPairSync('ed25519').privateKey;
    expect(await verifyCli(['--checkpoint', await file('stranger.txt', forgeCheckpoint(stranger, ORIGIN, 3, sha('x')))])).toMatchObject({ code: 1, out: expect.stringMatching(/does not verify with the log key/) });
    expect(await verifyCli(['--checkpoint', await file('otherlog.txt', forgeCheckpoint(signingKey, 'other.test/log', 3, sha('x')))])).toMatchObject({ code: 1, out: expect.stringMatching(/another log/) });
  }, 180_000);

});

describe('who may call what', () => {
  it('applies each route’s rule', async () => {
    const checkpoint = await checkpointNow();
    const own = (await call('GET', '/v1/audit?limit=1000', cast.sundsvall.id)).json().items.at(-1).position;
    const others = (await call('GET', '/v1/audit?organisation=registry&limit=1', cast.revisor.id)).json().items[0].position;
    const noAudit = 'registry:read signals:write';
    const rules: [string, 'GET' | 'POST', string, string | undefined, number][] = [
      ['member reads the newest checkpoint', 'GET', '/v1/audit/checkpoint', cast.sundsvall.id, 200],
      ['without audit:read', 'GET', '/v1/audit/checkpoint', noAudit, 403],
      ['member lists checkpoints', 'GET', '/v1/audit/checkpoints?limit=2', cast.umea.id, 200],
      ['member reads one checkpoint', 'GET', `/v1/audit/checkpoints/${checkpoint.size}`, cast.umea.id, 200],
      ['member may not sign', 'POST', '/v1/audit/checkpoint', cast.sundsvall.id, 403],
      ['operator signs', 'POST', '/v1/audit/checkpoint', t.config.OPERATOR_ORG_ID, 201],
      ['member proves its own entry', 'GET', `/v1/audit/proofs/inclusion?position=${own}`, cast.sundsvall.id, 200],
      ['member may not prove another’s entry', 'GET', `/v1/audit/proofs/inclusion?position=${others}`, cast.sundsvall.id, 404],
      ['auditor proves any entry', 'GET', `/v1/audit/proofs/inclusion?position=${others}`, cast.revisor.id, 200],
      ['member asks a consistency proof', 'GET', `/v1/audit/proofs/consistency?from=${checkpoint.size}&to=${checkpoint.size}`, cast.umea.id, 200],
      ['no token', 'GET', '/v1/audit/proofs/consistency?from=1&to=1', undefined, 401],
      ['member lists witnesses', 'GET', '/v1/audit/witnesses', cast.adda.id, 200],
    ];
    for (const [what, method, url, as, status] of rules) {
      const res = as === noAudit ? await call(method, url, cast.sundsvall.id, undefined, noAudit) : as ? await call(method, url, as) : await t.request({ method, url });
      expect(res.statusCode, `${what}: ${res.body}`).toBe(status);
    }
    for (const [url, status, code] of [
      ['/v1/audit/proofs/inclusion', 400, 'audit.lookup_required'],
      ['/v1/audit/proofs/inclusion?position=1&signalId=0190a5c0-0000-7000-8000-000000000000&version=1', 400, 'audit.lookup_required'],
      [`/v1/audit/proofs/inclusion?position=${checkpoint.size + 1000}`, 422, 'audit.entry_not_in_tree'],
      ['/v1/audit/proofs/inclusion?position=1&treeSize=999999', 404, 'audit.checkpoint_not_found'],
      ['/v1/audit/proofs/inclusion?position=0', 400, 'input.invalid'],
      [`/v1/audit/proofs/consistency?from=${checkpoint.size}&to=1`, 400, 'audit.bad_proof_sizes'],
      ['/v1/audit/proofs/consistency?from=1&to=abc', 400, 'input.invalid'],
      ['/v1/audit/checkpoints/-1', 400, 'input.invalid'],
    ] as const) {
      const res = await call('GET', url, cast.revisor.id);
      expect(res.statusCode, `${url}: ${res.body}`).toBe(status);
      expect(res.headers['content-type']).toMatch(/problem\+json/);
      if (code !== 'input.invalid') expect(res.json().code).toBe(code);
    }
  });

  it('finds the entry of a signal version, and bridges a chain head signed before to a checkpoint', async () => {
    const orgNumber = await createSupplier(t);
    const created = await call('POST', '/v1/signals', cast.sundsvall.id, { type: 'deviation', supplierOrgNumber: orgNumber, severity: 'high', category: 'staffing', summary: 'Brister i bemanningen.' });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id;
    const amended = await t.request({ method: 'PATCH', url: `/v1/signals/${id}`, as: cast.sundsvall.id, payload: { severity: 'critical', reason: 'Fler brister.' } });
    expect(amended.statusCode, amended.body).toBe(200);
    const head = (await call('POST', '/v1/audit/head', cast.revisor.id)).json();
    await checkpointNow();
    const v2 = await call('GET', `/v1/audit/proofs/inclusion?signalId=${id}&version=2`, cast.sundsvall.id);
    expect(v2.statusCode, v2.body).toBe(200);
    expect(v2.json().entry).toMatchObject({ action: 'signal.amended', targetId: id });
    expect((await call('GET', `/v1/audit/proofs/inclusion?signalId=${id}&version=1`, cast.revisor.id)).json().entry.action).toBe('signal.created');
    expect((await call('GET', `/v1/audit/proofs/inclusion?signalId=${id}&version=1`, cast.timra.id)).statusCode).toBe(404);
    expect((await call('GET', `/v1/audit/proofs/inclusion?signalId=${id}&version=9`, cast.revisor.id)).json().code).toBe('audit.no_entry_for_version');
    // The old head's entry is a leaf of the tree: its chain hash is what the head signed.
    const bridge = (await call('GET', `/v1/audit/proofs/inclusion?position=${head.length}`, cast.revisor.id)).json();
    expect(bridge.entry.hash).toBe(head.headHash);
    expect(await verifyCli(['--proof', await file('bridge.json', JSON.stringify(bridge))])).toMatchObject({ code: 0 });
  }, 180_000);
});

// Last: it breaks the chain for good.
describe('tampering', () => {
  it('is detected: an altered entry fails its proof offline and GET /v1/audit/verify; a rewritten tree node fails the proofs through it', async () => {
    const checkpoint = await checkpointNow();
    expect((await call('GET', '/v1/audit/verify', cast.revisor.id)).json()).toMatchObject({ ok: true, checkpointsChecked: expect.any(Number) });
    const tamper = async (sql: string) => {
      const client = new pg.Client({ connectionString: t.testDb.url });
      await client.connect();
      try {
        await client.query('SET session_replication_role = replica');
        await client.query(sql);
      } finally {
        await client.end();
      }
    };
    const proofFile = async (position: number, name: string) =>
      file(name, (await call('GET', `/v1/audit/proofs/inclusion?position=${position}&treeSize=${checkpoint.size}`, cast.revisor.id)).body);
    expect(await verifyCli(['--proof', await proofFile(4, 'before.json')])).toMatchObject({ code: 0 });
    // A cached node rewritten: proofs through it no longer reach the signed root.
    await tamper(`UPDATE audit_tree_nodes SET hash = repeat('0', 64) WHERE level = 1 AND idx = 0`);
    expect(await verifyCli(['--proof', await proofFile(4, 'node.json')])).toMatchObject({ code: 1, out: expect.stringMatching(/does not lead to the root/) });
    // An entry rewritten, chain hashes and all: its proof fails, and verify finds the checkpoint's root differs.
    const entry = (await call('GET', '/v1/audit?after=4&limit=1', cast.revisor.id)).json().items[0];
    await tamper(`UPDATE audit_log SET action = 'organisation.deleted' WHERE position = ${entry.position}`);
    expect(await verifyCli(['--proof', await proofFile(entry.position, 'entry.json')])).toMatchObject({ code: 1, out: expect.stringMatching(/does not lead to the root/) });
    expect((await call('GET', '/v1/audit/verify', cast.revisor.id)).json()).toMatchObject({ ok: false, brokenAt: entry.position });
    // No checkpoint is signed over a broken chain: an entry written since the last one, altered.
    await createSupplier(t);
    await tamper(`UPDATE audit_log SET target_id = 'x' WHERE position = (SELECT max(position) FROM audit_log)`);
    const refused = await call('POST', '/v1/audit/checkpoint', cast.revisor.id);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('audit.chain_broken');
  }, 180_000);
});
