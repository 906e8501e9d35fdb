import { type Column, getTableColumns, getTableName, SQL, sql } from 'drizzle-orm';
import { CasingCache } from 'drizzle-orm/casing';
import type { PgTable } from 'drizzle-orm/pg-core';
import { casing } from './client.ts';

/**
 * A row to insert, kept as data until it is written: a writer hands its rows to the audit
 * chain (audit.repository.ts), which sends them with its own in one statement, and in a group
 * commit's batch sends every signal's rows together at the end.
 */
export interface RowWrite {
  readonly table: PgTable;
  readonly row: Readonly<Record<string, unknown>>;
}

export const rowWrite = <T extends PgTable>(table: T, row: T['$inferInsert']): RowWrite => ({ table, row });

interface TableShape {
  name: string;
  keys: string[];
  columns: Column[];
  /** Each column's name in SQL. */
  names: string[];
  /** Per column: a JSON value as it is (a json or jsonb column), or what its driver is sent. */
  asIs: boolean[];
}

const shapes = new WeakMap<PgTable, TableShape>();
const columnNames = new CasingCache(casing);

const shapeOf = (table: PgTable): TableShape => {
  let shape = shapes.get(table);
  if (!shape) {
    const columns = getTableColumns(table);
    const keys = Object.keys(columns);
    const list = keys.map((key) => columns[key]!);
    shape = { name: getTableName(table), keys, columns: list, names: list.map((c) => columnNames.getColumnCasing(c)), asIs: list.map((c) => c.columnType === 'PgJsonb' || c.columnType === 'PgJson') };
    shapes.set(table, shape);
  }
  return shape;
};

const quoted = (identifier: string) => `"${identifier.replaceAll('"', '""')}"`;

// The statement text of each (table, columns given): built once.
const texts = new Map<string, { head: string; tail: string }>();

/**
 * `writes` as inserts, one per table and set of columns given, in the order each first
 * appears, its rows in the order given. Each is `INSERT … SELECT … FROM
 * jsonb_populate_recordset(NULL::table, $n)`: the rows go as one JSON array, which PostgreSQL
 * reads into the table's own column types (a column a row leaves undefined takes its default,
 * as in drizzle's insert; the rows then form an insert of their own). Its text is the same for
 * every batch, and the rows cost one JSON.stringify, where drizzle would build SQL with a
 * parameter per cell.
 *
 * Each value is what drizzle would send for its column (`mapToDriverValue`: a Date as ISO
 * text, an array as its literal), except in json and jsonb columns, whose values stay JSON.
 * test/row-writes.test.ts holds the rows written here to drizzle's own insert.
 */
export function insertsOf(writes: readonly RowWrite[]): SQL[] {
  const groups = new Map<string, { shape: TableShape; present: number[]; rows: Array<Record<string, unknown>> }>();
  for (const { table, row } of writes) {
    const shape = shapeOf(table);
    const present: number[] = [];
    for (let i = 0; i < shape.keys.length; i++) if (row[shape.keys[i]!] !== undefined) present.push(i);
    const key = `${shape.name}:${present.join(',')}`;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { shape, present, rows: [] }));
    const out: Record<string, unknown> = {};
    for (const i of present) {
      const column = shape.columns[i]!;
      const value = row[shape.keys[i]!];
      if (value instanceof SQL) throw new TypeError(`insertsOf: ${shape.name}.${shape.names[i]} is an SQL expression; only values go as rows`);
      out[shape.names[i]!] = value === null || shape.asIs[i] ? value : column.mapToDriverValue(value);
    }
    group.rows.push(out);
  }
  return [...groups].map(([key, { shape, present, rows }]) => {
    let text = texts.get(key);
    if (!text) {
      const names = present.map((i) => quoted(shape.names[i]!)).join(', ');
      text = {
        head: `INSERT INTO ${quoted(shape.name)} (${names}) SELECT ${names} FROM jsonb_populate_recordset(NULL::${quoted(shape.name)}, `,
        tail: '::jsonb)',
      };
      texts.set(key, text);
    }
    return sql.join([sql.raw(text.head), sql.param(JSON.stringify(rows)), sql.raw(text.tail)]);
  });
}

/**
 * `main` with `writes` before it, each as a data-modifying WITH query: one statement. The
 * writes of one table go in one insert, so the order PostgreSQL runs the WITH queries in does
 * not matter (events draw their sequence numbers in the order of their rows).
 */
export const withInserts = (writes: readonly RowWrite[], main: SQL): SQL => {
  if (writes.length === 0) return main;
  const parts = insertsOf(writes).map((insert, i) => sql.join([sql.raw(`w${i} AS (`), insert, sql.raw(')')]));
  return sql.join([sql.raw('WITH '), sql.join(parts, sql.raw(', ')), sql.raw(' '), main]);
};
