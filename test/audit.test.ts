import { execFile } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
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
  it('passes on a real export and fails on one with a forged entry', async () => {
    const { t } = await registryWithHistory();
    const exported = await t.request({ method: 'GET', url: '/v1/audit/export', as: cast.revisor.id });
    expect(exported.statusCode).toBe(200);
    expect(exported.headers['content-type']).toMatch(/jsonl/);
    const head = (await t.request({ method: 'POST', url: '/v1/audit/head', as: cast.revisor.id })).json();
    const dir = await mkdtemp(join(tmpdir(), 'audit-'));
    await writeFile(join(dir, 'export.jsonl'), exported.body);
    await writeFile(join(dir, 'head.json'), JSON.stringify(head));
    await writeFile(join(dir, 'key.pem'), head.publicKey);
    const cli = fileURLToPath(new URL('../src/cli/audit-verify.ts', import.meta.url));
    const verifyFiles = (file: string) =>
      run(process.execPath, [cli, '--file', join(dir, file), '--head', join(dir, 'head.json'), '--public-key', join(dir, 'key.pem')]).then(
        (r) => ({ code: 0, out: r.stdout }),
        (e: { code: number; stdout: string }) => ({ code: e.code, out: e.stdout }),
      );

    expect(await verifyFiles('export.jsonl')).toMatchObject({ code: 0, out: expect.stringMatching(/^OK/) });

    const lines = (await readFile(join(dir, 'export.jsonl'), 'utf8')).trim().split('\n');
    const forged = JSON.parse(lines[4]!);
    forged.orgId = 'adda';
    lines[4] = JSON.stringify(forged);
    await writeFile(join(dir, 'forged.jsonl'), `${lines.join('\n')}\n`);
    expect(await verifyFiles('forged.jsonl')).toMatchObject({ code: 1, out: expect.stringMatching(/position 5/) });

    // A head signed by another key is refused too.
    const other = { ...head, length: head.length - 1 };
    await writeFile(join(dir, 'head.json'), JSON.stringify(other));
    expect((await verifyFiles('export.jsonl')).out).toMatch(/signature/);
  });
});
