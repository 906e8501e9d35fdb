import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectPostgres } from '../src/db/client.ts';
import type { Principal } from '../src/plugins/auth.ts';
import { createStatusRepository } from '../src/modules/status/status.repository.ts';
import { planRegistry, type TestDatabase } from './helpers/db.ts';

/*
 * The status statements are prepared once per connection, and PostgreSQL then either
 * plans each execution for its values (a custom plan: replanning the statement cost more
 * than running it, three times over at 100k signals) or reuses one generic plan. It
 * reuses the generic plan only when that plan is as cheap as the custom ones, which
 * needs every predicate the partial indexes are defined by written as a literal (a
 * parameter cannot prove `status = 'active'`). This test runs each hot statement on one
 * connection, over a registry with enough signals that the difference shows, and asks
 * the server which kind of plan each execution used.
 */

let database: TestDatabase;
let connection: ReturnType<typeof connectPostgres>;
let suppliers: string[];

beforeAll(async () => {
  ({ database, suppliers } = await planRegistry(200, async (client, suppliers) => {
    // 20,000 signals: every type and status, most of them history.
    await client.query(
      `INSERT INTO signals (id, type, supplier_org_number, issuer_org_id, status, visibility, severity, summary, effective_from, effective_until, version, created_by, created_at, updated_at)
       SELECT gen_random_uuid(),
              (ARRAY['deviation','deviation','deviation','deviation','call_off_stop','termination','ivo_injunction','financial_warning'])[1 + i % 8]::signal_type,
              ($1::text[])[1 + i % 200], CASE WHEN i % 3 = 0 THEN 'inkop' ELSE 'kommun-a' END,
              (ARRAY['active','active','lifted','retracted'])[1 + i % 4]::signal_status,
              CASE WHEN i % 13 = 0 THEN 'issuer_and_auditors' ELSE 'members' END::signal_visibility,
              CASE WHEN i % 8 < 4 THEN (ARRAY['low','medium','high','critical'])[1 + i % 4]::severity END,
              'Sammanfattning', now() - (i % 2000) * interval '1 day', CASE WHEN i % 5 = 0 THEN now() - (i % 2000) * interval '1 day' + (1 + i % 300) * interval '1 day' END,
              1, 'seed', now(), now()
         FROM generate_series(1, 20000) AS i`,
      [suppliers],
    );
  }));
  connection = connectPostgres(database.url, 1);
});

afterAll(async () => {
  await connection?.close();
  await database?.drop();
});

const member = { org: { id: 'kommun-a', kind: 'municipality', federationId: null }, represents: [] } as unknown as Principal;
const auditor = { org: { id: 'granskare', kind: 'auditor', federationId: null }, represents: [] } as unknown as Principal;

describe('the status statements', () => {
  it('of a single read are planned once and reused (generic plans) after the first executions, for members and auditors', async () => {
    const repo = createStatusRepository(connection.db);
    for (let i = 0; i < 12; i++) {
      const n = suppliers[(i * 17) % suppliers.length]!;
      for (const who of [member, auditor]) {
        // The single read's statement, with the caller read in it (auth.ts, organisationInRoute).
        await repo.supplierWithLiveSignalsFor({ orgId: who.org.id, sub: 'client' }, n);
        await repo.liveSignals(who, [n, suppliers[(i * 7) % suppliers.length]!]);
        await repo.linkedSignals(who, [n]);
      }
    }
    // One connection in the pool: this query runs in the session that prepared them.
    const { rows } = await connection.pool.query<{ name: string; generic_plans: string; custom_plans: string }>(
      `SELECT name, generic_plans, custom_plans FROM pg_prepared_statements WHERE name LIKE 'status_%' ORDER BY name`,
    );
    const plans = Object.fromEntries(rows.map((r) => [r.name, { generic: Number(r.generic_plans), custom: Number(r.custom_plans) }]));
    // The batch statements stay planned for their values: a plan for 1,000 numbers is not one
    // for 2, and planning once per batch is nothing beside reading it.
    for (const name of ['status_supplier_with_caller', 'status_linked', 'status_linked_auditor']) {
      expect(plans[name], name).toBeDefined();
      // PostgreSQL plans the first five executions for their values, then compares.
      expect(plans[name]!.custom, `${name}: custom plans`).toBeLessThanOrEqual(5);
      expect(plans[name]!.generic, `${name}: generic plans`).toBeGreaterThanOrEqual(name === 'status_supplier_with_caller' ? 19 : 7);
    }
  });
});
