import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './helpers/app.ts';
import { asOwner as asOwnerOf } from './helpers/db.ts';
import { cast, createSupplier, seedCast } from './helpers/factories.ts';

// No status change without its history (issue 12, item 5). The app as production runs it:
// every query as registry_app. The attacker has the application's database connection.
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ DATABASE_APP_ROLE: 'registry_app' });
  await seedCast(t);
});
afterAll(() => t.close());

/** SQL as the owner of the test database: the attacker's or the test's view. */
const asOwner = <T>(run: (client: pg.Client) => Promise<T>) => asOwnerOf(t.testDb.url, run);

/** Runs `statements` in one transaction on the app's own pool (as registry_app) and commits. */
async function asAppInTransaction(statements: Array<[string, unknown[]?]>) {
  const client = await (t.database.pool as unknown as pg.Pool).connect();
  try {
    await client.query('BEGIN');
    for (const [text, params] of statements) await client.query(text, params);
    await client.query('COMMIT');
  } catch (error) {
    await client.query('ROLLBACK').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}

const statusOf = async (orgNumber: string) => (await t.request({ method: 'GET', url: `/v1/suppliers/${orgNumber}/status`, as: cast.umea.id })).json().status;
const verify = async () => (await t.request({ method: 'GET', url: '/v1/audit/verify', as: cast.revisor.id })).json();

/** Umeå's own call-off stop, which blocks Umeå. */
async function blockedSupplier() {
  const orgNumber = await createSupplier(t);
  const res = await t.request({ method: 'POST', url: '/v1/signals', as: cast.umea.id, payload: { type: 'call_off_stop', supplierOrgNumber: orgNumber, summary: 'Avropspaus.' } });
  expect(res.statusCode, res.body).toBe(201);
  expect(await statusOf(orgNumber)).toBe('blocked');
  return { orgNumber, id: res.json().id as string };
}

// The lifted version a forger would append: the current row with status lifted, version + 1.
const forgedVersion = `INSERT INTO signal_versions (signal_id, version, change, reason, status, visibility, severity, category, summary, details, reference,
    decision_date, unit_id, agreement_id, effective_from, effective_until, actor_sub, actor_org_id, created_at)
  SELECT id, version, 'lifted', 'tyst', status, visibility, severity, category, summary, details, reference, decision_date, unit_id, agreement_id,
    effective_from, effective_until, 'umea-client', issuer_org_id, now() FROM signals WHERE id = $1`;
const forgedEvent = `INSERT INTO events (id, type, signal_id, signal_version, signal_type, supplier_org_number, issuer_org_id, visibility, signal)
  SELECT gen_random_uuid(), 'signal.lifted', id, version, type, supplier_org_number, issuer_org_id, visibility, '{}'::jsonb FROM signals WHERE id = $1`;
const liftAndBump = [`UPDATE signals SET status = 'lifted', version = version + 1 WHERE id = $1`];

describe('the application’s role cannot change what a status read answers without its history', () => {
  it('refuses the direct UPDATE signals SET status = lifted, and the supplier stays blocked', async () => {
    const { orgNumber, id } = await blockedSupplier();
    await expect(t.database.pool.query(`UPDATE signals SET status = 'lifted' WHERE id = $1`, [id])).rejects.toThrow(/a change is a new version/);
    expect(await statusOf(orgNumber)).toBe('blocked');
  });

  it.each([
    ['a new version number alone', [liftAndBump]],
    ['a new version without its event', [liftAndBump, [forgedVersion]]],
    ['a new version and an event, without an audit entry', [liftAndBump, [forgedVersion], [forgedEvent]]],
  ])('fails the transaction at commit for %s', async (_name, statements) => {
    const { orgNumber, id } = await blockedSupplier();
    const withId = (statements as string[][]).map(([text]) => [text!, [id]] as [string, unknown[]]);
    await expect(asAppInTransaction(withId)).rejects.toThrow(/signal [0-9a-f-]+: (the row differs from its latest version|version \d+ has no (event|audit entry))/);
    expect(await statusOf(orgNumber)).toBe('blocked');
    const row = await asOwner((c) => c.query('SELECT status, version FROM signals WHERE id = $1', [id]));
    expect(row.rows).toEqual([{ status: 'active', version: 1 }]);
  });

  it.each([
    ['marks an open-ended stop as announced expired (the status read leaves such a row out)', `UPDATE signals SET expired_version = version WHERE id = $1`, /only a period that has ended/],
    ['turns the stop into a deviation', `UPDATE signals SET type = 'deviation', severity = 'low', category = 'other' WHERE id = $1`, /never change/],
    ['moves the stop to another supplier', `UPDATE signals SET supplier_org_number = (SELECT org_number FROM suppliers WHERE org_number <> signals.supplier_org_number LIMIT 1) WHERE id = $1`, /never change/],
    ['ends the period without a version', `UPDATE signals SET effective_until = now() WHERE id = $1`, /a change is a new version/],
  ])('refuses an UPDATE that %s', async (_name, statement, error) => {
    const { orgNumber, id } = await blockedSupplier();
    await expect(t.database.pool.query(statement, [id])).rejects.toThrow(error);
    expect(await statusOf(orgNumber)).toBe('blocked');
  });

  it('refuses a signal inserted without its version, event and audit entry', async () => {
    const orgNumber = await createSupplier(t);
    await expect(
      asAppInTransaction([
        [
          `INSERT INTO signals (id, type, supplier_org_number, issuer_org_id, status, visibility, summary, effective_from, version, created_by, created_at, updated_at)
           VALUES (gen_random_uuid(), 'permit_revoked', $1, 'umea', 'active', 'members', 'Falskt.', now(), 1, 'x', now(), now())`,
          [orgNumber.replace('-', '')],
        ],
      ]),
    ).rejects.toThrow(/differs from its latest version in no_version/);
    expect(await statusOf(orgNumber)).toBe('clear');
  });

  it('still lets every change through the API, and verify finds nothing', async () => {
    const { orgNumber, id } = await blockedSupplier();
    const amend = await t.request({ method: 'PATCH', url: `/v1/signals/${id}`, as: cast.umea.id, payload: { reason: 'Förtydligat.', summary: 'Avropspaus, utredning pågår.' } });
    expect(amend.statusCode, amend.body).toBe(200);
    expect((await t.request({ method: 'POST', url: `/v1/signals/${id}/lift`, as: cast.umea.id, payload: { reason: 'Klart.' } })).statusCode).toBe(200);
    expect(await statusOf(orgNumber)).toBe('clear');
    const deviation = await t.request({
      method: 'POST',
      url: '/v1/signals',
      as: cast.sundsvall.id,
      payload: { type: 'deviation', supplierOrgNumber: orgNumber, severity: 'high', category: 'staffing', summary: 'Brist.' },
    });
    expect((await t.request({ method: 'POST', url: `/v1/signals/${deviation.json().id}/retract`, as: cast.sundsvall.id, payload: { reason: 'Fel.' } })).statusCode).toBe(200);
    expect(await verify()).toMatchObject({ ok: true, signalsDiffering: [] });
  });
});

describe('audit verify reports a signal changed behind the app’s back', () => {
  const cli = fileURLToPath(new URL('../src/cli/audit-verify.ts', import.meta.url));
  const offline = () =>
    promisify(execFile)(process.execPath, [cli, '--database', t.testDb.url]).then(
      (r) => ({ code: 0, out: r.stdout }),
      (e: { code: number; stdout: string }) => ({ code: e.code, out: e.stdout }),
    );

  it('lists a stop the owner role set to lifted, in the API and offline, until the row is restored', async () => {
    const { orgNumber, id } = await blockedSupplier();
    const clean = await verify();
    expect(clean).toMatchObject({ ok: true, signalsDiffering: [] });
    expect(clean.signalsChecked).toBeGreaterThan(0);
    expect(await offline()).toMatchObject({ code: 0, out: expect.stringMatching(/^OK: \d+ signals match their version history/) });

    // The owner is not held by the triggers (it could disable them anyway): the chain still verifies, the signal does not.
    await asOwner((c) => c.query(`UPDATE signals SET status = 'lifted' WHERE id = $1`, [id]));
    expect(await statusOf(orgNumber)).toBe('clear');
    const report = await verify();
    expect(report).toMatchObject({ ok: false, signalsDiffering: [{ signalId: id, version: 1, latestVersion: 1, fields: ['status'] }] });
    expect(report.reason).toContain(id);
    expect(report.brokenAt).toBeUndefined();
    const offlineReport = await offline();
    expect(offlineReport.code).toBe(1);
    expect(offlineReport.out).toContain(`signal ${id}: row at version 1, latest version 1; differs in status`);
    expect(offlineReport.out).toMatch(/FAILED: 1 of \d+ signals differ/);

    // Other changes behind the app's back are named too.
    await asOwner((c) => c.query(`UPDATE signals SET status = 'active', type = 'deviation', expired_version = version WHERE id = $1`, [id]));
    expect((await verify()).signalsDiffering).toEqual([{ signalId: id, version: 1, latestVersion: 1, fields: ['expired_version', 'type'] }]);

    await asOwner((c) => c.query(`UPDATE signals SET type = 'call_off_stop', expired_version = NULL WHERE id = $1`, [id]));
    expect(await verify()).toMatchObject({ ok: true, signalsDiffering: [] });
    expect(await statusOf(orgNumber)).toBe('blocked');
  });
});
