import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAuditRepository } from '../src/modules/audit/audit.repository.ts';
import { createDeliveryRepository } from '../src/modules/deliveries/deliveries.repository.ts';
import { createIdempotencyRepository } from '../src/modules/idempotency/idempotency.repository.ts';
import { startTestApp, type TestApp } from './helpers/app.ts';
import { asOwner as asOwnerOf } from './helpers/db.ts';
import { cast, createSupplier, seedCast, subscribe } from './helpers/factories.ts';
import { startReceiver } from './helpers/receiver.ts';

// The app as production runs it: migrated as the owner, every query as registry_app,
// with the relay and delivery workers in-process so their queries run as the role too.
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ DATABASE_APP_ROLE: 'registry_app' }, { workers: true });
  await seedCast(t);
});
afterAll(() => t.close());

/** SQL as the owner of the test database: the attacker's or the test's view. */
const asOwner = <T>(run: (client: pg.Client) => Promise<T>) => asOwnerOf(t.testDb.url, run);

const ok = (res: { statusCode: number; body: string }, status: number) => expect(res.statusCode, res.body).toBe(status);

describe('DATABASE_APP_ROLE', () => {
  it('makes every pool connection registry_app, and RESET ROLE does not undo it', async () => {
    const connections = await Promise.all(Array.from({ length: 5 }, () => t.database.pool.query('SELECT current_user AS role')));
    expect(connections.map((r) => r.rows[0].role)).toEqual(Array(5).fill('registry_app'));
    const client = await (t.database.pool as unknown as pg.Pool).connect();
    try {
      await client.query('RESET ROLE');
      expect((await client.query('SELECT current_user AS role')).rows[0].role).toBe('registry_app');
    } finally {
      client.release();
    }
  });

  it('refuses UPDATE, DELETE and TRUNCATE of the audit chain through the app’s own pool', async () => {
    await createSupplier(t);
    for (const statement of [
      `UPDATE audit_log SET action = 'x' WHERE position = 1`,
      'DELETE FROM audit_log WHERE position = 1',
      'TRUNCATE audit_log',
      `UPDATE audit_heads SET head_hash = 'x'`,
      'DELETE FROM signal_versions',
    ]) {
      await expect(t.database.pool.query(statement), statement).rejects.toThrow(/permission denied for table/);
    }
    const verify = await t.request({ method: 'GET', url: '/v1/audit/verify', as: cast.revisor.id });
    expect(verify.json()).toMatchObject({ ok: true });
  });

  it('still lets every ordinary write through the API, and the workers deliver', async () => {
    const orgNumber = await createSupplier(t, cast.sundsvall.id);
    ok(await t.request({ method: 'PUT', url: `/v1/suppliers/${orgNumber}`, as: cast.sundsvall.id, payload: { name: 'Nytt namn AB', units: [{ name: 'Enhet 1', kind: 'hvb' }], reason: 'Namnbyte.' } }), 200);
    const agreement = await t.request({ method: 'POST', url: '/v1/agreements', as: cast.adda.id, payload: { name: 'HVB 2026', category: 'hvb_children', validFrom: '2026-01-01' } });
    ok(agreement, 201);
    ok(await t.request({ method: 'PUT', url: `/v1/agreements/${agreement.json().id}/suppliers/${orgNumber}`, as: cast.adda.id }), 201);

    const receiver = await startReceiver();
    const sub = await subscribe(t, cast.umea.id, receiver.url, { suppliers: [orgNumber] });
    const stop = await t.request({
      method: 'POST',
      url: '/v1/signals',
      as: cast.adda.id,
      headers: { 'idempotency-key': 'role-test-stop' },
      payload: { type: 'call_off_stop', supplierOrgNumber: orgNumber, agreementId: agreement.json().id, summary: 'Avropsstopp.' },
    });
    ok(stop, 201);
    const id = stop.json().id;
    ok(await t.request({ method: 'PATCH', url: `/v1/signals/${id}`, as: cast.adda.id, payload: { summary: 'Avropsstopp, utredning pågår.', reason: 'Förtydligat.' } }), 200);
    ok(await t.request({ method: 'POST', url: `/v1/signals/${id}/lift`, as: cast.adda.id, payload: { reason: 'Klart.' } }), 200);
    const deviation = await t.request({
      method: 'POST',
      url: '/v1/signals',
      as: cast.sundsvall.id,
      payload: { type: 'deviation', supplierOrgNumber: orgNumber, severity: 'low', category: 'other', summary: 'Notering.' },
    });
    ok(deviation, 201);
    ok(await t.request({ method: 'POST', url: `/v1/signals/${deviation.json().id}/retract`, as: cast.sundsvall.id, payload: { reason: 'Fel leverantör.' } }), 200);

    // The relay (LISTEN, events FOR UPDATE) and the delivery worker run as the role as well:
    // five events (the stop created, amended, lifted; the deviation created, retracted).
    await receiver.waitFor(5);
    await expect
      .poll(async () => (await t.request({ method: 'GET', url: `/v1/subscriptions/${sub.id}/deliveries`, as: cast.umea.id })).json().items.length, { timeout: 10_000 })
      .toBe(5);
    const [delivery] = (await t.request({ method: 'GET', url: `/v1/subscriptions/${sub.id}/deliveries`, as: cast.umea.id })).json().items;
    ok(await t.request({ method: 'POST', url: `/v1/deliveries/${delivery.id}/redeliver`, as: cast.umea.id }), 202);
    ok(await t.request({ method: 'POST', url: `/v1/subscriptions/${sub.id}/replay`, as: cast.umea.id, payload: { since: '2020-01-01T00:00:00Z' } }), 202);
    ok(await t.request({ method: 'PATCH', url: `/v1/subscriptions/${sub.id}`, as: cast.umea.id, payload: { status: 'disabled' } }), 200);
    ok(await t.request({ method: 'POST', url: `/v1/subscriptions/${sub.id}/rotate-secret`, as: cast.umea.id }), 200);
    ok(await t.request({ method: 'DELETE', url: `/v1/subscriptions/${sub.id}`, as: cast.umea.id }), 204);
    ok(await t.request({ method: 'POST', url: '/v1/audit/head', as: cast.revisor.id }), 201);
    await receiver.close();

    // The hourly retention sweep, as the role: delivery attempts, idempotency keys, read log.
    await createDeliveryRepository(t.database.db).pruneAttempts(90);
    await createIdempotencyRepository(t.database.db).prune();
    await createAuditRepository(t.database.db).pruneReads(365);
    expect((await t.request({ method: 'GET', url: '/v1/audit/verify', as: cast.revisor.id })).json()).toMatchObject({ ok: true });
  });
});

describe('read-log retention', () => {
  it('prunes read-log rows past the retention period, never the chain', async () => {
    for (let i = 0; i < 2; i++) ok(await t.request({ method: 'GET', url: '/v1/audit?limit=1', as: cast.revisor.id }), 200);
    const chainBefore = await asOwner((c) => c.query('SELECT position, hash FROM audit_log ORDER BY position'));
    const reads = await asOwner((c) => c.query(`SELECT id FROM read_log WHERE action = 'audit.read' ORDER BY at`));
    expect(reads.rowCount).toBeGreaterThanOrEqual(2);
    const [old, recent] = reads.rows.map((r) => r.id as string);
    // The role may prune the read log but not rewrite it: back-dating needs the owner.
    await expect(t.database.pool.query(`UPDATE read_log SET at = now() - interval '366 days'`)).rejects.toThrow(/permission denied/);
    await asOwner((c) => c.query(`UPDATE read_log SET at = now() - interval '366 days' WHERE id = $1`, [old]));

    await createAuditRepository(t.database.db).pruneReads(365);

    const left = await asOwner((c) => c.query('SELECT id FROM read_log WHERE id = ANY($1::uuid[])', [[old, recent]]));
    expect(left.rows.map((r) => r.id)).toEqual([recent]);
    const chainAfter = await asOwner((c) => c.query('SELECT position, hash FROM audit_log ORDER BY position'));
    expect(chainAfter.rows).toEqual(chainBefore.rows);
    expect((await t.request({ method: 'GET', url: '/v1/audit/verify', as: cast.revisor.id })).json()).toMatchObject({ ok: true, checked: chainAfter.rowCount });
  });
});
