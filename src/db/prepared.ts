import { Column, is, SQL } from 'drizzle-orm';
import type { Query } from 'drizzle-orm';
import type { Db, Tx } from './client.ts';

/** The flat selections prepareRows maps: each key a column or an SQL expression (with its decoder). */
export type FlatSelection = Record<string, Column | SQL | SQL.Aliased>;

interface Decoder {
  mapFromDriverValue(value: unknown): unknown;
}

// An expression's decoder (what `.mapWith()` set) is drizzle's own, read where its mapping reads it;
// test/prepared-rows.test.ts holds the rows to drizzle's, so a change there fails a test.
const decoderOfSql = (expression: SQL) => (expression as unknown as { decoder: Decoder }).decoder;

const decoderOf = (key: string, field: unknown): Decoder => {
  if (is(field, Column)) return field;
  if (is(field, SQL)) return decoderOfSql(field);
  if (is(field, SQL.Aliased)) return decoderOfSql(field.sql);
  throw new TypeError(`prepareRows: ${key} is not a column or an SQL expression (a nested selection is not flat)`);
};

/**
 * A named prepared statement, built by drizzle as `.prepare(name)` builds it, whose rows are
 * mapped by a mapper made once for the statement instead of drizzle's per-row mapping.
 *
 * drizzle maps every cell of every row anew: it asks each field what kind it is (`is()`,
 * which walks the prototype chain), walks the field's path and allocates as it goes. For a
 * 1,000-supplier status batch (a thousand registrations and some 850 signals of seventeen
 * columns) that was 22% of the API's time in the profile, 10% mapped here. Here the decoders are looked up once, from the same selection the statement
 * selects, and each row becomes one object with its keys in the selection's order. The
 * values are drizzle's own (each column's `mapFromDriverValue`, each expression's decoder),
 * so the rows equal what `.prepare(name).execute()` returns (test/prepared-rows.test.ts).
 * Only for flat selections: a nested one is refused when the statement is built.
 *
 * `execute(values, tx)` runs it inside a transaction: the statement's text and parameters
 * were built once, so only the placeholders' values are encoded per call (a write's
 * columns, with each column's own encoder).
 */
export function prepareRows<S extends FlatSelection, B extends { toSQL(): Query; execute(): PromiseLike<unknown[]> }>(
  db: Db,
  name: string,
  selection: S,
  build: (selection: S) => B,
): { execute(values?: Record<string, unknown>, tx?: Tx): Promise<Awaited<ReturnType<B['execute']>>> } {
  const keys = Object.keys(selection);
  const decoders = keys.map((key) => decoderOf(key, selection[key]));
  const width = keys.length;
  const mapRows = (rows: unknown[][]) => {
    const mapped = new Array<Record<string, unknown>>(rows.length);
    for (let i = 0; i < rows.length; i++) {
      const row = rows[i]!;
      const out: Record<string, unknown> = {};
      for (let j = 0; j < width; j++) {
        const value = row[j];
        out[keys[j]!] = value === null || value === undefined ? null : decoders[j]!.mapFromDriverValue(value);
      }
      mapped[i] = out;
    }
    return mapped;
  };
  const query = build(selection).toSQL();
  const prepared = db._.session.prepareQuery(query, undefined, name, true, mapRows);
  return {
    execute: (values = {}, tx?: Tx) =>
      (tx ? tx._.session.prepareQuery(query, undefined, name, true, mapRows) : prepared).execute(values) as Promise<Awaited<ReturnType<B['execute']>>>,
  };
}
