import { and, desc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../src/db/client.ts';
import { prepareRows } from '../src/db/prepared.ts';
import { organisations } from '../src/modules/organisations/organisations.table.ts';
import { signals } from '../src/modules/signals/signals.table.ts';
import { suppliers } from '../src/modules/suppliers/suppliers.table.ts';
import { openDatabaseWith } from './helpers/db.ts';

/*
 * prepareRows (src/db/prepared.ts) maps a statement's rows with decoders looked up once,
 * instead of drizzle's per-cell mapping. Its rows must be exactly drizzle's own, for every
 * kind of value a hot statement reads — columns of each type, NULLs from a left join, an
 * expression with a decoder (`mapWith`), a JSON expression, an array, an aliased expression —
 * on both drivers: PostgreSQL through pg, and the embedded PGlite.
 */

const setUp = [
  `INSERT INTO organisations (id, kind, name) VALUES ('kommun-a', 'municipality', 'Kommun A'), ('inkop', 'purchasing_centre', 'Inköp')`,
  `INSERT INTO suppliers (org_number, name, sole_trader, created_by_org_id) VALUES ('5590010004', 'Gården AB', false, 'inkop'), ('5590010012', 'Tomma AB', true, 'inkop'), ('8001011234', 'Eva Enskild', true, 'inkop')`,
  `INSERT INTO signals (id, type, supplier_org_number, issuer_org_id, status, visibility, severity, summary, reference, decision_date, effective_from, effective_until, related_signal_ids, version, created_by, created_at, updated_at) VALUES
     ('0194b334-3b78-7ad4-acb1-1afe31653174', 'ivo_injunction', '5590010004', 'inkop', 'active', 'members', NULL, 'Föreläggande om bemanning', '3.5.1-12345/2023', '2024-02-29', '2024-03-01 08:00:00.123456+00', '2027-01-01 00:00:00+00', '{}', 3, 'seed', now(), now()),
     ('0194b334-3b78-7ad4-acb1-1afe31653175', 'deviation', '5590010004', 'kommun-a', 'active', 'issuer_and_auditors', 'critical', 'Avvikelse: "citat", å ä ö', NULL, NULL, now() - interval '3 days', NULL, '{0194b334-3b78-7ad4-acb1-1afe31653174}', 1, 'seed', now(), now())`,
];

// A select with every kind of value the status statements read.
const selection = () => ({
  orgNumber: suppliers.orgNumber,
  soleTrader: suppliers.soleTrader,
  asOf: sql<Date>`now()`.mapWith((v: string | Date) => new Date(v)),
  id: signals.id,
  type: signals.type,
  version: signals.version,
  severity: signals.severity,
  summary: signals.summary,
  reference: signals.reference,
  decisionDate: signals.decisionDate,
  effectiveFrom: signals.effectiveFrom,
  effectiveUntil: signals.effectiveUntil,
  relatedSignalIds: signals.relatedSignalIds,
  issuerKind: organisations.kind,
  facts: sql<{ version: number; summary: string } | null>`CASE WHEN ${signals.id} IS NULL THEN NULL ELSE json_build_object('version', ${signals.version}, 'summary', ${signals.summary}) END`,
  pair: sql<string[]>`ARRAY[${suppliers.orgNumber}, ${suppliers.name}]`.as('pair'),
});
const statement = (db: Db, s: ReturnType<typeof selection>) =>
  db
    .select(s)
    .from(suppliers)
    .leftJoin(signals, eq(signals.supplierOrgNumber, suppliers.orgNumber))
    .leftJoin(organisations, eq(organisations.id, signals.issuerOrgId))
    .where(and(sql`${suppliers.orgNumber} = ANY(${sql.placeholder('numbers')}::text[])`))
    .orderBy(suppliers.orgNumber, desc(signals.effectiveFrom));

const numbers = ['5590010004', '5590010012', '8001011234', '5590010020'];

function sameRowsAsDrizzle(open: () => Promise<{ db: Db; close(): Promise<void> }>) {
  let database: { db: Db; close(): Promise<void> };
  beforeAll(async () => {
    database = await open();
  });
  afterAll(() => database?.close());

  it('are exactly the rows drizzle maps, NULLs, dates, JSON and arrays included', async () => {
    const { db } = database;
    const ours = await prepareRows(db, 'prepared_rows_test', selection(), (s) => statement(db, s)).execute({ numbers });
    const drizzles = await statement(db, selection()).prepare('prepared_rows_drizzle').execute({ numbers });
    expect(ours).toHaveLength(4);
    // The clock differs between the two statements; everything else must be equal.
    const withoutClock = (rows: Array<{ asOf: Date }>) => rows.map(({ asOf, ...rest }) => (expect(asOf).toBeInstanceOf(Date), rest));
    expect(withoutClock(ours)).toEqual(withoutClock(drizzles));
    // And the values are what was written, not merely equally wrong.
    const injunction = ours.find((r) => r.type === 'ivo_injunction')!;
    expect(injunction.effectiveFrom!.toISOString()).toBe('2024-03-01T08:00:00.123Z');
    expect(injunction.decisionDate).toBe('2024-02-29');
    expect(injunction.facts).toEqual({ version: 3, summary: 'Föreläggande om bemanning' });
    const empty = ours.find((r) => r.orgNumber === '5590010012')!;
    expect(empty).toMatchObject({ soleTrader: true, id: null, effectiveFrom: null, relatedSignalIds: null, facts: null, pair: ['5590010012', 'Tomma AB'] });
    expect(ours.find((r) => r.type === 'deviation')).toMatchObject({ relatedSignalIds: ['0194b334-3b78-7ad4-acb1-1afe31653174'], issuerKind: 'municipality', severity: 'critical' });
  });

  it('come back in the same order, row by row and key by key, on every execution', async () => {
    const { db } = database;
    const prepared = prepareRows(db, 'prepared_rows_order', selection(), (s) => statement(db, s));
    const first = await prepared.execute({ numbers });
    const again = await prepared.execute({ numbers: ['8001011234'] });
    expect(Object.keys(first[0]!)).toEqual(Object.keys(selection()));
    expect(again.map((r) => r.orgNumber)).toEqual(['8001011234']);
  });

  it('runs in the transaction it is given, with each placeholder encoded by its column', async () => {
    const { db } = database;
    const insert = prepareRows(db, 'prepared_rows_insert', { orgNumber: suppliers.orgNumber, soleTrader: suppliers.soleTrader, createdAt: suppliers.createdAt }, (returning) =>
      db
        .insert(suppliers)
        .values({ orgNumber: sql.placeholder('orgNumber'), name: sql.placeholder('name'), soleTrader: sql.placeholder('soleTrader'), createdByOrgId: 'inkop' })
        .returning(returning),
    );
    const undone = new Error('rolled back');
    await expect(
      db.transaction(async (tx) => {
        expect(await insert.execute({ orgNumber: '5590010038', name: 'Ångersta AB', soleTrader: false }, tx)).toMatchObject([{ orgNumber: '5590010038', soleTrader: false }]);
        // Inside: the transaction sees it; outside, nobody does yet.
        expect(await tx.select({ n: suppliers.orgNumber }).from(suppliers).where(eq(suppliers.orgNumber, '5590010038'))).toHaveLength(1);
        throw undone;
      }),
    ).rejects.toBe(undone);
    expect(await db.select({ n: suppliers.orgNumber }).from(suppliers).where(eq(suppliers.orgNumber, '5590010038'))).toHaveLength(0);
    const [row] = await db.transaction((tx) => insert.execute({ orgNumber: '5590010046', name: 'Björkhaga AB', soleTrader: true }, tx));
    expect(row).toMatchObject({ orgNumber: '5590010046', soleTrader: true });
    expect(row!.createdAt).toBeInstanceOf(Date);
    expect(await db.select({ name: suppliers.name }).from(suppliers).where(eq(suppliers.orgNumber, '5590010046'))).toEqual([{ name: 'Björkhaga AB' }]);
  });
}

describe('prepareRows, on PostgreSQL', () => {
  sameRowsAsDrizzle(() => openDatabaseWith('postgres', setUp));
});

describe('prepareRows, on the embedded PGlite', () => {
  sameRowsAsDrizzle(() => openDatabaseWith('pglite', setUp));
});

describe('prepareRows', () => {
  it('refuses a nested selection when the statement is built, not on its first read', () => {
    const nested = { supplier: { orgNumber: suppliers.orgNumber } } as unknown as Record<string, typeof suppliers.orgNumber>;
    expect(() => prepareRows({} as Db, 'nested', nested, () => ({ toSQL: () => ({ sql: '', params: [] }), execute: async () => [] }))).toThrow(/supplier is not a column/);
  });
});
