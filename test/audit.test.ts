import { execFile } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { GENESIS_HASH, hashEntry, signHead, type StoredEntry, verifyEntries } from '../src/modules/audit/audit.chain.ts';
import { startTestApp, type TestApp } from './helpers/app.ts';
import { cast, createSupplier, newOrgNumber, seedCast } from './helpers/factories.ts';

const run = promisify(execFile);
const apps: TestApp[] = [];
afterEach(async () => {
  while (apps.length) await apps.pop()!.close();
});

/** A registry with the cast and a few audited writes: organisations, a supplier, signals. */
async function registryWithHistory() {
  const t = await startTestApp();
  apps.push(t);
  await seedCast(t);
  const orgNumber = await createSupplier(t, cast.sundsvall.id, 'Granhyddan HVB AB');
  for (const summary of ['Brister i bemanningen.', 'Genomförandeplaner saknas.']) {
    const res = await t.request({
      method: 'POST',
      url: '/v1/signals',
      as: cast.sundsvall.id,
      payload: { type: 'deviation', supplierOrgNumber: orgNumber, severity: 'high', category: 'staffing', summary },
    });
    expect(res.statusCode, res.body).toBe(201);
  }
  return { t, orgNumber };
}

/** Runs SQL as a superuser with the append-only triggers switched off: the attacker's view. */
async function tamper(t: TestApp, sql: string) {
  const client = new pg.Client({ connectionString: t.testDb.url });
  await client.connect();
  try {
    await client.query('SET session_replication_role = replica');
    await client.query(sql);
  } finally {
    await client.end();
  }
}

const verify = async (t: TestApp) => (await t.request({ method: 'GET', url: '/v1/audit/verify', as: cast.revisor.id })).json();

describe('the audit chain', () => {
  it('records every write with actor, organisation, action, target and request id, and verifies', async () => {
    const { t, orgNumber } = await registryWithHistory();
    const res = await t.request({ method: 'GET', url: '/v1/audit?limit=1000', as: cast.revisor.id });
    expect(res.statusCode, res.body).toBe(200);
    const entries = res.json().items;
    expect(entries.map((e: { action: string }) => e.action)).toEqual([
      ...Object.values(cast).map(() => 'organisation.created'),
      'supplier.created',
      'signal.created',
      'signal.created',
    ]);
    expect(entries.at(-1)).toMatchObject({ actorSub: 'sundsvall-client', orgId: 'sundsvall', targetType: 'signal' });
    expect(entries.find((e: { action: string }) => e.action === 'supplier.created').targetId).toBe(orgNumber.replace('-', ''));
    expect(entries.at(-1).recordedAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/);
    expect(await verify(t)).toMatchObject({ ok: true, checked: entries.length });
  });

  it('lets a member see only its own organisation’s entries', async () => {
    const { t } = await registryWithHistory();
    const res = await t.request({ method: 'GET', url: '/v1/audit?organisation=registry', as: cast.sundsvall.id });
    expect(res.statusCode).toBe(200);
    const orgs = new Set(res.json().items.map((e: { orgId: string }) => e.orgId));
    expect([...orgs]).toEqual(['sundsvall']);
    expect((await t.request({ method: 'GET', url: '/v1/audit/verify', as: cast.sundsvall.id })).statusCode).toBe(403);
  });

  it('reports the first broken position when an entry is edited in the database', async () => {
    const { t } = await registryWithHistory();
    await tamper(t, `UPDATE audit_log SET action = 'organisation.deleted' WHERE position = 3`);
    expect(await verify(t)).toMatchObject({ ok: false, brokenAt: 3 });
  });

  it('detects a middle entry deleted', async () => {
    const { t } = await registryWithHistory();
    await tamper(t, 'DELETE FROM audit_log WHERE position = 4');
    expect(await verify(t)).toMatchObject({ ok: false, brokenAt: 4 });
  });

  it('detects the newest entries deleted, against an earlier signed head', async () => {
    const { t } = await registryWithHistory();
    const head = (await t.request({ method: 'POST', url: '/v1/audit/head', as: cast.revisor.id })).json();
    await tamper(t, `DELETE FROM audit_log WHERE position > ${head.length - 2}`);
    // The rest of the chain still links up; only the head shows what is gone.
    expect(await verify(t)).toMatchObject({ ok: false, brokenAt: head.length - 1 });
  });

  it('keeps one unbroken chain under 50 concurrent writes from 5 organisations', async () => {
    const t = await startTestApp();
    apps.push(t);
    await seedCast(t);
    const writers = [cast.adda.id, cast.kfv.id, cast.sundsvall.id, cast.timra.id, cast.umea.id];
    const results = await Promise.all(
      Array.from({ length: 50 }, (_, i) =>
        t.request({ method: 'PUT', url: `/v1/suppliers/${newOrgNumber()}`, as: writers[i % 5]!, payload: { name: `Samtidig Omsorg ${i} AB` } }),
      ),
    );
    expect(results.map((r) => r.statusCode)).toEqual(Array(50).fill(201));
    const rows = await t.database.pool.query('SELECT position, prev_hash FROM audit_log ORDER BY position');
    expect(rows.rows.map((r) => Number(r.position))).toEqual(Array.from({ length: rows.rowCount! }, (_, i) => i + 1));
    expect(new Set(rows.rows.map((r) => r.prev_hash)).size).toBe(rows.rowCount);
    expect(await verify(t)).toMatchObject({ ok: true, checked: 56 });
  });

  it('refuses UPDATE and DELETE on the audit table to the application role', async () => {
    const { t } = await registryWithHistory();
    const client = new pg.Client({ connectionString: t.testDb.url });
    await client.connect();
    try {
      await client.query('SET ROLE registry_app');
      await expect(client.query(`UPDATE audit_log SET action = 'x' WHERE position = 1`)).rejects.toThrow(/permission denied for table audit_log/);
      await expect(client.query('DELETE FROM audit_log WHERE position = 1')).rejects.toThrow(/permission denied for table audit_log/);
      await expect(client.query('TRUNCATE audit_log')).rejects.toThrow(/permission denied for table audit_log/);
      await expect(client.query(`UPDATE signal_versions SET reason = 'x'`)).rejects.toThrow(/permission denied/);
      // What the application needs still works.
      await expect(client.query('SELECT count(*) FROM audit_log')).resolves.toBeTruthy();
    } finally {
      await client.end();
    }
    // The triggers stop even the table's owner.
    await expect(t.database.pool.query(`UPDATE audit_log SET action = 'x' WHERE position = 1`)).rejects.toThrow(/append-only/);
  });

  it('logs a read of restricted data, and not an ordinary read', async () => {
    const { t, orgNumber } = await registryWithHistory();
    const restricted = await t.request({
      method: 'POST',
      url: '/v1/signals',
      as: cast.umea.id,
      payload: { type: 'deviation', supplierOrgNumber: orgNumber, severity: 'low', category: 'other', summary: 'Intern notering.', visibility: 'issuer_and_auditors' },
    });
    const open = await t.request({ method: 'GET', url: '/v1/signals?limit=1', as: cast.timra.id });
    expect(open.statusCode).toBe(200);
    const reads = async () => (await t.request({ method: 'GET', url: '/v1/audit/reads', as: cast.revisor.id })).json().items;
    expect(await reads()).toEqual([]);

    const read = await t.request({ method: 'GET', url: `/v1/signals/${restricted.json().id}`, as: cast.revisor.id });
    expect(read.statusCode).toBe(200);
    const after = await reads();
    expect(after).toHaveLength(1);
    expect(after[0]).toMatchObject({ orgId: 'revisor', action: 'signal.read_restricted', targetIds: [restricted.json().id] });
    expect(after[0].requestId).toBe(read.headers['x-request-id']);
  });

  it('gives auditors the full history of a supplier, retracted signals included', async () => {
    const { t, orgNumber } = await registryWithHistory();
    const list = (await t.request({ method: 'GET', url: `/v1/signals?supplier=${orgNumber}`, as: cast.sundsvall.id })).json().items;
    await t.request({ method: 'POST', url: `/v1/signals/${list[0].id}/retract`, as: cast.sundsvall.id, payload: { reason: 'Felregistrerad.' } });
    const history = await t.request({ method: 'GET', url: `/v1/suppliers/${orgNumber}/history`, as: cast.revisor.id });
    expect(history.statusCode, history.body).toBe(200);
    expect(history.json().signals).toHaveLength(2);
    const retracted = history.json().signals.find((s: { signal: { id: string } }) => s.signal.id === list[0].id);
    expect(retracted.signal.status).toBe('retracted');
    expect(retracted.versions.map((v: { change: string }) => v.change)).toEqual(['created', 'retracted']);
    expect((await t.request({ method: 'GET', url: `/v1/suppliers/${orgNumber}/history`, as: cast.sundsvall.id })).statusCode).toBe(403);
  });
});

describe('offline verification (npm run audit:verify)', () => {
  const cli = fileURLToPath(new URL('../src/cli/audit-verify.ts', import.meta.url));

  /** Writes `files` into a fresh directory and returns a runner for the CLI over them. */
  async function offline(files: Record<string, string>) {
    const dir = await mkdtemp(join(tmpdir(), 'audit-'));
    const write = (name: string, text: string) => writeFile(join(dir, name), text);
    for (const [name, text] of Object.entries(files)) await write(name, text);
    const check = (file: string, head = 'head.json') =>
      run(process.execPath, [cli, '--file', join(dir, file), '--head', join(dir, head), '--public-key', join(dir, 'key.pem')]).then(
        (r) => ({ code: 0, out: r.stdout }),
        (e: { code: number; stdout: string }) => ({ code: e.code, out: e.stdout }),
      );
    return { write, check };
  }
  const exportOf = async (t: TestApp) => {
    const res = await t.request({ method: 'GET', url: '/v1/audit/export', as: cast.revisor.id });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/jsonl/);
    return res.body.trim().split('\n');
  };
  const signHeadNow = async (t: TestApp) => (await t.request({ method: 'POST', url: '/v1/audit/head', as: cast.revisor.id })).json();
  const jsonl = (lines: string[]) => `${lines.join('\n')}\n`;

  it('passes on a real export and fails on one with a forged entry', async () => {
    const { t } = await registryWithHistory();
    const lines = await exportOf(t);
    const head = await signHeadNow(t);
    const { write, check } = await offline({ 'export.jsonl': jsonl(lines), 'head.json': JSON.stringify(head), 'key.pem': head.publicKey });

    expect(await check('export.jsonl')).toMatchObject({ code: 0, out: expect.stringMatching(/^OK/) });

    const forged = JSON.parse(lines[4]!);
    forged.orgId = 'adda';
    await write('forged.jsonl', jsonl(lines.with(4, JSON.stringify(forged))));
    expect(await check('forged.jsonl')).toMatchObject({ code: 1, out: expect.stringMatching(/position 5/) });
  }, 120_000);

  it('detects the newest entries cut from the export, against a head kept earlier', async () => {
    const { t, orgNumber } = await registryWithHistory();
    const kept = await signHeadNow(t);
    // The chain grows after the auditor kept the head; the export is fetched later still.
    await t.request({ method: 'PUT', url: `/v1/suppliers/${orgNumber}`, as: cast.sundsvall.id, payload: { name: 'Granhyddan HVB och Omsorg AB', reason: 'Namnbyte.' } });
    const lines = await exportOf(t);
    expect(lines).toHaveLength(kept.length + 1);
    const { check } = await offline({
      'export.jsonl': jsonl(lines),
      'truncated.jsonl': jsonl(lines.slice(0, -2)),
      'truncated-more.jsonl': jsonl(lines.slice(0, -3)),
      'head.json': JSON.stringify(kept),
      'key.pem': kept.publicKey,
    });

    // Entries after the kept head are fine; the export covers it.
    expect(await check('export.jsonl')).toMatchObject({ code: 0, out: expect.stringMatching(/^OK/) });
    // Two lines cut: what is left still links up, but no longer reaches the kept head.
    expect(await check('truncated.jsonl')).toEqual({
      code: 1,
      out: `FAILED: the signed head covers ${kept.length} entries but the export has only ${kept.length - 1}: entry ${kept.length} was removed\n`,
    });
    expect(await check('truncated-more.jsonl')).toMatchObject({ code: 1, out: expect.stringContaining(`entries ${kept.length - 1}–${kept.length} were removed`) });
  }, 120_000);

  it('detects a forged entry whose every following hash was recomputed, against the signed head', async () => {
    const { t } = await registryWithHistory();
    const lines = await exportOf(t);
    const head = await signHeadNow(t);
    const entries: StoredEntry[] = lines.map((line) => JSON.parse(line));
    // The attacker rewrites entry 5 and re-links the rest of the chain.
    let prev = entries[3]!.hash;
    const rewritten = entries.map((entry, i) => {
      if (i < 4) return entry;
      const changed = i === 4 ? { ...entry, orgId: 'adda', actorSub: 'adda-client' } : entry;
      const relinked = { ...changed, prevHash: prev, hash: hashEntry(prev, changed) };
      prev = relinked.hash;
      return relinked;
    });
    expect(verifyEntries(rewritten, 1, GENESIS_HASH)).toMatchObject({ ok: true });
    const { check } = await offline({ 'rewritten.jsonl': jsonl(rewritten.map((e) => JSON.stringify(e))), 'head.json': JSON.stringify(head), 'key.pem': head.publicKey });

    expect(await check('rewritten.jsonl')).toEqual({
      code: 1,
      out: `FAILED: entry ${head.length} has a different hash from the signed head: the chain up to it was rewritten\n`,
    });
  }, 120_000);

  it('refuses a head that was altered, one signed by another key, and a file that is no head', async () => {
    const { t } = await registryWithHistory();
    const lines = await exportOf(t);
    const head = await signHeadNow(t);
    // A head the attacker signed for a rewritten chain, with a key of their own.
    const foreign = signHead(generateKeyPairSync('ed25519').privateKey, { length: head.length, headHash: 'f'.repeat(64), signedAt: head.signedAt });
    const { check } = await offline({
      'export.jsonl': jsonl(lines),
      'head.json': JSON.stringify(head),
      'shortened.json': JSON.stringify({ ...head, length: head.length - 1 }),
      'foreign.json': JSON.stringify(foreign),
      'empty.json': JSON.stringify({ ...head, length: 0 }),
      'key.pem': head.publicKey,
    });

    const signatureRefused = { code: 1, out: 'FAILED: the head signature does not verify with this public key\n' };
    // Its length changed after signing.
    expect(await check('export.jsonl', 'shortened.json')).toEqual(signatureRefused);
    // Signed, but not by the registry's key (the public key the auditor was given).
    expect(await check('export.jsonl', 'foreign.json')).toEqual(signatureRefused);
    expect(await check('export.jsonl', 'empty.json')).toMatchObject({ code: 1, out: expect.stringMatching(/not a signed head/) });
    expect(await check('export.jsonl')).toMatchObject({ code: 0 });
  }, 120_000);
});
