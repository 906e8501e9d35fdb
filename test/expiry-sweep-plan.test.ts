import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectPostgres } from '../src/db/client.ts';
import { uuidv7 } from '../src/lib/ids.ts';
import { createEventRepository } from '../src/modules/events/events.repository.ts';
import { createExpirySweep } from '../src/modules/signals/signals.expiry.ts';
import { createSignalRepository } from '../src/modules/signals/signals.repository.ts';
import { planRegistry, type TestDatabase } from './helpers/db.ts';

/*
 * The worker's expiry sweep runs every RELAY_POLL_MS. Its cost must be that of the few
 * signals whose end is still to announce, not of the registry's history: the partial
 * index signals_expiry_idx holds only those and the active signals with an end ahead.
 * PostgreSQL used to take `expired_version <> version` for a third of the table and
 * scan every signal for the 500 it expected to find at once (364 ms at 1M signals in
 * the status benchmark, a fifth of a core while the worker ran). This registry is mostly
 * history whose ends were announced long ago; the test asks the server for the sweep's
 * plan and runs the sweep.
 */

let database: TestDatabase;
let connection: ReturnType<typeof connectPostgres>;

beforeAll(async () => {
  ({ database } = await planRegistry(100, async (client, suppliers) => {
    // 40,000 signals whose period ended and was announced (expired_version = version), 500 with an
    // end ahead, and 3 that ended without an announcement yet: what the sweep is for.
    const insert = (count: number, until: string, announced: boolean, summary: string) =>
      client.query(
        `INSERT INTO signals (id, type, supplier_org_number, issuer_org_id, status, visibility, summary, effective_from, effective_until, version, expired_version, created_by, created_at, updated_at)
         SELECT gen_random_uuid(), (ARRAY['call_off_stop','termination','ivo_injunction','financial_warning'])[1 + i % 4]::signal_type,
                ($1::text[])[1 + i % 100], 'inkop', 'active', 'members', $2, now() - interval '3 years', ${until}, 1 + i % 3,
                ${announced ? '1 + i % 3' : 'NULL'}, 'seed', now(), now()
           FROM generate_series(1, $3::int) AS i`,
        [suppliers, summary, count],
      );
    await insert(40_000, `now() - interval '3 years' + (1 + i % 700) * interval '1 day'`, true, 'Historia');
    await insert(500, `now() + (1 + i % 300) * interval '1 day'`, false, 'Pågår');
    await insert(3, `now() - i * interval '1 hour'`, false, 'Nyss avslutad');
  }));
  connection = connectPostgres(database.url, 2);
});

afterAll(async () => {
  await connection?.close();
  await database?.drop();
});

describe('the expiry sweep', () => {
  it('reads the partial index of signals still to announce, not the history', async () => {
    const statement = createSignalRepository(connection.db).lockNewlyExpired(connection.db as never, 500) as unknown as { toSQL(): { sql: string; params: unknown[] } };
    const { sql, params } = statement.toSQL();
    const { rows } = await connection.pool.query(`EXPLAIN (ANALYZE, BUFFERS, FORMAT JSON) ${sql}`, params);
    const plan = JSON.stringify(rows[0]['QUERY PLAN']);
    expect(plan).not.toContain('Seq Scan');
    expect(plan).toContain('signals_expiry_idx');
    // A few pages, not the table's hundreds.
    const buffers = (rows[0]['QUERY PLAN'] as Array<{ Plan: { 'Shared Hit Blocks': number; 'Shared Read Blocks': number } }>)[0]!.Plan;
    expect(buffers['Shared Hit Blocks'] + buffers['Shared Read Blocks']).toBeLessThan(50);
  });

  it('announces exactly the signals whose end has passed unannounced, longest ended first, and then none', async () => {
    const sweep = createExpirySweep({ db: connection.db, signals: createSignalRepository(connection.db), events: createEventRepository(connection.db), newId: uuidv7 });
    expect(await sweep()).toBe(3);
    const { rows } = await connection.pool.query(
      `SELECT s.summary, s.effective_until FROM events e JOIN signals s ON s.id = e.signal_id WHERE e.type = 'signal.expired' ORDER BY e.seq`,
    );
    expect(rows.map((r) => r.summary)).toEqual(['Nyss avslutad', 'Nyss avslutad', 'Nyss avslutad']);
    const ends = rows.map((r) => (r.effective_until as Date).getTime());
    expect(ends).toEqual([...ends].sort((a, b) => a - b));
    expect(await sweep()).toBe(0);
  });
});
