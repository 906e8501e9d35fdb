import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGroupCommit } from '../src/db/group-commit.ts';
import { startTestApp, type TestApp } from './helpers/app.ts';
import { recordingStatements } from './helpers/db.ts';
import { cast, createSupplier, newOrgNumber, seedCast } from './helpers/factories.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
  await seedCast(t);
  await t.database.pool.query('CREATE TABLE group_commit_probe (n int PRIMARY KEY, txid bigint NOT NULL)');
});
afterAll(async () => t.close());

describe('group commit', () => {
  it('runs writes that arrive together in one transaction; a failing write rolls back alone', async () => {
    const group = createGroupCommit(t.database.db);
    const outcomes = await Promise.allSettled(
      Array.from({ length: 30 }, (_, n) =>
        group.run(async (tx) => {
          await tx.execute(sql`INSERT INTO group_commit_probe (n, txid) VALUES (${n}, txid_current())`);
          // Every fifth write fails after it has written: its row must not survive.
          if (n % 5 === 4) await tx.execute(sql`SELECT 1 / 0`);
          return n;
        }),
      ),
    );
    const failed = outcomes.flatMap((o, n) => (o.status === 'rejected' ? [n] : []));
    expect(failed).toEqual([4, 9, 14, 19, 24, 29]);
    expect(outcomes.flatMap((o) => (o.status === 'fulfilled' ? [o.value] : []))).toHaveLength(24);
    const { rows } = await t.database.pool.query('SELECT n, txid FROM group_commit_probe ORDER BY n');
    expect(rows.map((r) => r.n)).toEqual([...Array(30).keys()].filter((n) => n % 5 !== 4));
    // The first write runs alone; the ones that queued behind it share transactions.
    const transactions = new Set(rows.map((r) => String(r.txid)));
    expect(transactions.size).toBeLessThan(rows.length);
    expect(transactions.size).toBeGreaterThan(1);
  });

  it('runs a batch in which nothing fails without savepoints: its rows are written by the transaction itself', async () => {
    const group = createGroupCommit(t.database.db);
    await t.database.pool.query('CREATE TABLE group_commit_plain (n int PRIMARY KEY, txid bigint NOT NULL)');
    await Promise.all(Array.from({ length: 12 }, (_, n) => group.run((tx) => tx.execute(sql`INSERT INTO group_commit_plain (n, txid) VALUES (${n}, txid_current())`))));
    // A row written inside a savepoint carries the subtransaction's own id in xmin, not the transaction's.
    const { rows } = await t.database.pool.query(`SELECT txid, xmin::text::bigint AS xmin FROM group_commit_plain`);
    const shared = rows.filter((r) => rows.filter((o) => o.txid === r.txid).length > 1);
    expect(shared.length).toBeGreaterThan(1);
    for (const row of shared) expect(Number(row.xmin)).toBe(Number(BigInt(row.txid) % 2n ** 32n));
  });

  it('runs what the writes left to the end once per batch, and runs the batch again with savepoints, without it, when it fails', async () => {
    await t.database.pool.query('CREATE TABLE group_commit_end (n int PRIMARY KEY, txid bigint NOT NULL)');
    const finished: number[] = [];
    let fail = true;
    const group = createGroupCommit(t.database.db, {
      end: {
        begin: () => undefined,
        finish: async (tx) => {
          const { rows } = (await tx.execute(sql`SELECT count(*)::int AS n FROM group_commit_end`)) as unknown as { rows: Array<{ n: number }> };
          finished.push(rows[0]!.n);
          if (fail) {
            fail = false;
            await tx.execute(sql`SELECT 1 / 0`);
          }
        },
      },
    });
    const outcomes = await Promise.allSettled(Array.from({ length: 8 }, (_, n) => group.run((tx) => tx.execute(sql`INSERT INTO group_commit_end VALUES (${n}, txid_current())`))));
    // 0 ran alone (no batch end); 1–7 queued behind it: their end failed, and they ran again with savepoints.
    expect(outcomes.map((o) => o.status)).toEqual(Array(8).fill('fulfilled'));
    expect(finished).toEqual([8]);
    const { rows } = await t.database.pool.query('SELECT n, txid, xmin::text::bigint AS xmin FROM group_commit_end ORDER BY n');
    expect(rows.map((r) => r.n)).toEqual([...Array(8).keys()]);
    const rerun = rows.filter((r) => r.n > 0);
    expect(new Set(rerun.map((r) => String(r.txid))).size).toBe(1);
    for (const row of rerun) expect(Number(row.xmin)).not.toBe(Number(BigInt(row.txid) % 2n ** 32n));
  });

  it('fails every write of a transaction whose commit fails, and writes none of them', async () => {
    const group = createGroupCommit(t.database.db);
    await t.database.pool.query('CREATE TABLE group_commit_deferred (n int PRIMARY KEY, ok boolean NOT NULL)');
    await t.database.pool.query(
      `CREATE FUNCTION group_commit_check() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF NOT NEW.ok THEN RAISE EXCEPTION 'not ok'; END IF; RETURN NULL; END $$`,
    );
    // A deferred constraint trigger fails at COMMIT, after every savepoint was released.
    await t.database.pool.query(
      'CREATE CONSTRAINT TRIGGER group_commit_at_commit AFTER INSERT ON group_commit_deferred DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION group_commit_check()',
    );
    const outcomes = await Promise.allSettled(
      [0, 1, 2, 3].map((n) => group.run((tx) => tx.execute(sql`INSERT INTO group_commit_deferred VALUES (${n}, ${n !== 2})`))),
    );
    // 0 ran alone; 1, 2 and 3 queued behind it and shared a transaction that 2 made fail at commit.
    expect(outcomes.map((o) => o.status)).toEqual(['fulfilled', 'rejected', 'rejected', 'rejected']);
    const { rows } = await t.database.pool.query('SELECT n FROM group_commit_deferred ORDER BY n');
    expect(rows.map((r) => r.n)).toEqual([0]);
  });

  it('acknowledges concurrent signals only with their version, event and audit entry, and answers 422 for a bad one', async () => {
    const orgNumber = await createSupplier(t);
    const post = (i: number) =>
      t.request({
        method: 'POST',
        url: '/v1/signals',
        as: cast.sundsvall.id,
        payload: {
          type: 'deviation',
          supplierOrgNumber: orgNumber,
          severity: 'medium',
          category: 'staffing',
          summary: `Bemanning under avtalad nivå, uppföljning ${i}.`,
          // Every seventh ends before it starts by the database clock: the table's CHECK fails inside the batch.
          ...(i % 7 === 6 ? { effectiveUntil: '2001-01-01T00:00:00Z' } : {}),
        },
      });
    const answers = await Promise.all(Array.from({ length: 28 }, (_, i) => post(i)));
    const created = answers.filter((a) => a.statusCode === 201).map((a) => a.json().id as string);
    expect(answers.filter((a) => a.statusCode !== 201).map((a) => [a.statusCode, a.json().code])).toEqual(Array(4).fill([422, 'signals.invalid_period']));
    expect(created).toHaveLength(24);
    const q = (text: string) => t.database.pool.query(text, [created]).then((r) => Number(r.rows[0].n));
    expect(await q('SELECT count(*) AS n FROM signals WHERE id = ANY($1::uuid[])')).toBe(24);
    expect(await q('SELECT count(*) AS n FROM signals WHERE supplier_org_number = (SELECT supplier_org_number FROM signals WHERE id = ($1::uuid[])[1])')).toBe(24);
    expect(await q("SELECT count(*) AS n FROM signal_versions WHERE signal_id = ANY($1::uuid[]) AND version = 1")).toBe(24);
    expect(await q("SELECT count(*) AS n FROM events WHERE signal_id = ANY($1::uuid[]) AND type = 'signal.created'")).toBe(24);
    expect(await q("SELECT count(*) AS n FROM audit_log WHERE target_id = ANY($1::text[]) AND action = 'signal.created'")).toBe(24);
    const verify = await t.request({ method: 'GET', url: '/v1/audit/verify', as: cast.revisor.id });
    expect(verify.json()).toMatchObject({ ok: true });
  });

  it('answers 422 for a signal about an unregistered supplier inside a batch without running the batch again, and writes nothing of it', async () => {
    const orgNumber = await createSupplier(t);
    const unregistered = newOrgNumber();
    const { sent, result: answers } = await recordingStatements(() =>
      Promise.all(
        Array.from({ length: 16 }, (_, i) =>
          t.request({
            method: 'POST',
            url: '/v1/signals',
            as: cast.sundsvall.id,
            payload: { type: 'deviation', supplierOrgNumber: i % 4 === 3 ? unregistered : orgNumber, severity: 'low', category: 'reporting', summary: `Rapport ${i + 1} inkom sent.` },
          }),
        ),
      ),
    );
    expect(answers.map((a) => (a.statusCode === 201 ? 201 : [a.statusCode, a.json().code]))).toEqual(
      Array.from({ length: 16 }, (_, i) => (i % 4 === 3 ? [422, 'signals.unknown_supplier'] : 201)),
    );
    // No batch failed: none ran again with savepoints, and no look-up of the supplier went ahead of the insert.
    expect(sent.filter((text) => /^savepoint/i.test(text))).toEqual([]);
    expect(sent.filter((text) => /from "suppliers" where "suppliers"."org_number" = \$1 limit/i.test(text))).toEqual([]);
    const count = async (number: string) =>
      (await t.database.pool.query('SELECT count(*)::int AS n FROM signals WHERE supplier_org_number = $1', [number.replace('-', '')])).rows[0].n;
    expect(await count(unregistered)).toBe(0);
    expect(await count(orgNumber)).toBe(12);
    const created = answers.filter((a) => a.statusCode === 201).map((a) => a.json().id as string);
    const audited = await t.database.pool.query("SELECT count(*)::int AS n FROM audit_log WHERE target_id = ANY($1::text[]) AND action = 'signal.created'", [created]);
    expect(audited.rows[0].n).toBe(12);
    const verify = await t.request({ method: 'GET', url: '/v1/audit/verify', as: cast.revisor.id });
    expect(verify.json()).toMatchObject({ ok: true });
  });

  it('writes a batch’s audit entries in one statement after one read of the chain’s head, in the writers’ order', async () => {
    const orgNumber = await createSupplier(t);
    const { sent, result: answers } = await recordingStatements(() =>
      Promise.all(
        Array.from({ length: 24 }, (_, i) =>
          t.request({
            method: 'POST',
            url: '/v1/signals',
            as: cast.sundsvall.id,
            payload: { type: 'deviation', supplierOrgNumber: orgNumber, severity: 'low', category: 'reporting', summary: `Rapport inkom sent, vecka ${i + 1}.` },
          }),
        ),
      ),
    );
    expect(answers.map((a) => a.statusCode)).toEqual(Array(24).fill(201));
    const created = answers.map((a) => a.json().id as string);
    const { rows } = await t.database.pool.query(
      `SELECT a.position, a.target_id, e.seq, a.xmin::text AS xid FROM audit_log a JOIN events e ON e.signal_id = a.target_id::uuid AND e.type = 'signal.created'
       WHERE a.target_id = ANY($1::text[]) ORDER BY a.position`,
      [created],
    );
    expect(rows).toHaveLength(24);
    const batches = new Set(rows.map((r) => r.xid)).size;
    // The first ran alone; the rest queued behind it and shared transactions.
    expect(batches).toBeLessThan(24);
    const heads = sent.filter((text) => text.includes('registry_journal_head()')).length;
    const entryInserts = sent.filter((text) => /insert into "audit_log"/i.test(text)).length;
    expect(heads).toBe(batches);
    expect(entryInserts).toBe(batches);
    // Audit order is event order: the events' sequence follows the chain inside a batch as across them.
    const seqs = rows.map((r) => Number(r.seq));
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    const verify = await t.request({ method: 'GET', url: '/v1/audit/verify', as: cast.revisor.id });
    expect(verify.json()).toMatchObject({ ok: true });
  });
});
