import { asc, sql } from 'drizzle-orm';
import { bigint, boolean, date, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../src/db/client.ts';
import { insertsOf, rowWrite, withInserts } from '../src/db/row-writes.ts';
import { signalType } from '../src/modules/signals/signals.table.ts';
import { openDatabaseWith } from './helpers/db.ts';

/*
 * insertsOf (src/db/row-writes.ts) writes rows as one JSON array per table, read into the
 * table's types by jsonb_populate_recordset, where drizzle's insert sends a parameter per
 * cell. What it stores must be exactly what drizzle's insert stores, for every kind of value
 * the registry writes — text that JSON and array literals escape, times, dates, numbers at
 * the edge of exactness, JSON documents of every shape, arrays, enums, NULLs and columns left
 * to their defaults — on both drivers.
 */

const probe = (name: string) =>
  pgTable(name, {
    seq: bigint({ mode: 'number' }).primaryKey().generatedAlwaysAsIdentity(),
    id: uuid().notNull(),
    kind: signalType().notNull(),
    label: text(),
    count: integer(),
    big: bigint({ mode: 'number' }),
    flag: boolean().notNull().default(false),
    at: timestamp({ withTimezone: true }),
    day: date(),
    doc: jsonb(),
    ids: uuid().array().notNull().default(sql`'{}'`),
    words: text().array(),
    note: text().notNull().default('none'),
    createdAt: timestamp({ withTimezone: true }).notNull().defaultNow(),
  });
const byDrizzle = probe('row_writes_drizzle');
const byJson = probe('row_writes_json');

const createProbe = (name: string) => `CREATE TABLE ${name} (
  seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, id uuid NOT NULL, kind signal_type NOT NULL, label text, count integer, big bigint,
  flag boolean NOT NULL DEFAULT false, "at" timestamptz, day date, doc jsonb, ids uuid[] NOT NULL DEFAULT '{}', words text[],
  note text NOT NULL DEFAULT 'none', created_at timestamptz NOT NULL DEFAULT now())`;

const hostile = 'Citat "så här", \\ bakstreck, {klamrar}, komma, tab\t, ny\nrad, emoji 👩‍👩‍👧, NULL, \u2028, å ä ö';
const rows: Array<typeof byDrizzle.$inferInsert> = [
  {
    id: '0194b334-3b78-7ad4-acb1-1afe31653174',
    kind: 'call_off_stop',
    label: hostile,
    count: -2_147_483_648,
    big: Number.MAX_SAFE_INTEGER,
    flag: true,
    at: new Date('2024-03-01T08:00:00.123Z'),
    day: '2024-02-29',
    doc: { summary: hostile, nested: [1, 2.5, -0.000001, 1e21, null, { deep: true }], empty: {}, none: null },
    ids: ['0194b334-3b78-7ad4-acb1-1afe31653175', '0194b334-3b78-7ad4-acb1-1afe31653176'],
    words: [hostile, '', 'NULL', '"', '\\', '{}', 'a,b'],
    note: hostile,
    createdAt: new Date('2001-01-01T00:00:00.000Z'),
  },
  // Left to their defaults (undefined) beside set to NULL.
  { id: '0194b334-3b78-7ad4-acb1-1afe31653177', kind: 'deviation', label: null, count: null, big: null, at: null, day: null, doc: null, words: null },
  // JSON documents that are not objects.
  { id: '0194b334-3b78-7ad4-acb1-1afe31653178', kind: 'termination', doc: 'bara en sträng "med citat"', words: [] },
  { id: '0194b334-3b78-7ad4-acb1-1afe31653179', kind: 'termination', doc: [hostile, 0, false] },
  { id: '0194b334-3b78-7ad4-acb1-1afe3165317a', kind: 'ivo_injunction', doc: 0, ids: [] },
];

function sameAsDrizzle(open: (statements: string[]) => Promise<{ db: Db; close(): Promise<void> }>) {
  let database: { db: Db; close(): Promise<void> };
  beforeAll(async () => {
    database = await open([createProbe('row_writes_drizzle'), createProbe('row_writes_json')]);
  });
  afterAll(() => database?.close());

  const stored = async (db: Db, name: string) =>
    ((await db.execute(sql.raw(`SELECT to_jsonb(t) - 'seq' - 'created_at' AS row, created_at FROM ${name} t ORDER BY seq`))) as unknown as { rows: Array<{ row: unknown; created_at: unknown }> })
      .rows;

  it('stores exactly what drizzle’s insert stores, values, NULLs and defaults', async () => {
    const { db } = database;
    for (const row of rows) await db.insert(byDrizzle).values(row);
    for (const insert of insertsOf(rows.map((row) => rowWrite(byJson, row)))) await db.execute(insert);
    const theirs = await stored(db, 'row_writes_drizzle');
    const ours = await stored(db, 'row_writes_json');
    expect(ours.map((r) => r.row)).toEqual(theirs.map((r) => r.row));
    // And what was written, not merely equally wrong.
    const [first, second] = await db.select().from(byJson).orderBy(asc(byJson.seq));
    expect(first).toMatchObject({ label: hostile, big: Number.MAX_SAFE_INTEGER, at: new Date('2024-03-01T08:00:00.123Z'), day: '2024-02-29', words: rows[0]!.words, note: hostile });
    expect(first!.doc).toEqual(rows[0]!.doc);
    expect(first!.createdAt.toISOString()).toBe('2001-01-01T00:00:00.000Z');
    expect(second).toMatchObject({ flag: false, ids: [], note: 'none', doc: null, words: null, label: null });
    expect(second!.createdAt.getTime()).toBeGreaterThan(Date.parse('2020-01-01'));
  });

  it('writes one insert per table and set of columns given, its rows in the order given', async () => {
    const { db } = database;
    const many = Array.from({ length: 40 }, (_, i) => ({ id: `0194b334-3b78-7ad4-acb1-${String(i).padStart(12, '0')}`, kind: 'deviation' as const, count: i, ...(i % 3 === 0 ? { note: `n${i}` } : {}) }));
    const writes = many.map((row, i) => rowWrite(i % 2 ? byJson : byDrizzle, row));
    const inserts = insertsOf(writes);
    // Two tables, each with rows that give a note and rows that leave it to its default.
    expect(inserts).toHaveLength(4);
    await db.execute(withInserts(writes.slice(1), sql`SELECT 1`));
    await db.execute(sql`DELETE FROM row_writes_json`);
    await db.execute(withInserts(writes.filter((_, i) => i % 2 === 1 && i % 3 !== 0), sql`SELECT 1`));
    const counts = (await db.select({ count: byJson.count }).from(byJson).orderBy(asc(byJson.seq))).map((r) => r.count);
    expect(counts).toEqual(many.map((r) => r.count).filter((i) => i % 2 === 1 && i % 3 !== 0));
  });

  it('refuses an SQL expression where a row has a value', () => {
    expect(() => insertsOf([rowWrite(byJson, { id: '0194b334-3b78-7ad4-acb1-1afe31653174', kind: 'deviation', createdAt: sql`now()` as unknown as Date })])).toThrow(/SQL expression/);
  });
}

describe('row writes, on PostgreSQL', () => {
  sameAsDrizzle((statements) => openDatabaseWith('postgres', statements));
});

describe('row writes, on the embedded PGlite', () => {
  sameAsDrizzle((statements) => openDatabaseWith('pglite', statements));
});
