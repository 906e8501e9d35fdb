import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { orgNumber, PURCHASING_CENTRE } from '../lib/registry.ts';
import { rng } from '../status/seed.ts';

/**
 * Suppliers with names as people type them, for the search benchmark: a first part and a
 * second part (Lärk + gården), a place (Härnösand, Örnsköldsvik …) and a kind (Familjehem
 * AB, HVB AB …) — so common words (AB, Omsorg, a place name) are shared by hundreds,
 * as in the real registry — most with one to three units (Lärkgården Norra) and one in
 * ten with a former name. Written with COPY into suppliers, supplier_units and
 * supplier_names (whose name_folded PostgreSQL computes). Deterministic for a count.
 */

const FIRST = ['Lärk', 'Björk', 'Sol', 'Ek', 'Gran', 'Lind', 'Rosen', 'Fjäll', 'Älv', 'Sjö', 'Berg', 'Dal', 'Ängs', 'Hav', 'Skogs', 'Rönn', 'Asp', 'Hägg', 'Vide', 'Ljung', 'Tall', 'Måne', 'Stjärn', 'Vind', 'Källe'];
const SECOND = ['gården', 'hemmet', 'backen', 'ängen', 'viken', 'udden', 'lunden', 'bo', 'gläntan', 'stugan', 'torpet', 'hagen'];
const PLACES = ['Härnösand', 'Sundsvall', 'Timrå', 'Umeå', 'Örnsköldsvik', 'Kramfors', 'Sollefteå', 'Östersund', 'Gävle', 'Västerås', 'Malmö', 'Göteborg', 'Lund', 'Jönköping', 'Växjö', 'Kalmar', 'Skellefteå', 'Luleå', 'Kiruna', 'Borås', 'Ånge', 'Sävsjö', 'Älmhult', 'Håbo'];
const KINDS = ['Familjehem AB', 'HVB AB', 'Omsorg AB', 'Stödboende AB', 'Behandlingshem AB', 'Ungdomshem AB', 'Vård och Omsorg AB', 'Familjehemsförening'];
const UNIT = ['Norra', 'Södra', 'Östra', 'Västra', 'Lilla', 'Stora'];

export interface SeededSupplier {
  orgNumber: string;
  name: string;
  units: string[];
  formerName: string | null;
}

export function supplierNames(count: number): SeededSupplier[] {
  const random = rng(13);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]!;
  return Array.from({ length: count }, (_, i) => {
    const first = `${pick(FIRST)}${pick(SECOND)}`;
    const name = `${first} ${pick(PLACES)} ${pick(KINDS)}`;
    const unitCount = Math.floor(random() * 4);
    const units = [...new Set(Array.from({ length: unitCount }, () => `${first} ${pick(UNIT)}`))];
    const formerName = random() < 0.1 ? `${pick(FIRST)}${pick(SECOND)} ${pick(PLACES)} ${pick(KINDS)}` : null;
    return { orgNumber: orgNumber(i, 56), name, units, formerName };
  });
}

async function copy(client: pg.Client, sql: string, rows: string[]) {
  await pipeline(Readable.from(rows.length ? [`${rows.join('\n')}\n`] : []), client.query(copyFrom(sql)));
}

export async function seedSearchSuppliers(url: string, count: number): Promise<SeededSupplier[]> {
  const seeded = supplierNames(count);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await copy(client, 'COPY suppliers (org_number, name, sole_trader, created_by_org_id) FROM STDIN', seeded.map((s) => `${s.orgNumber}\t${s.name}\tf\t${PURCHASING_CENTRE}`));
    const units = seeded.flatMap((s) => s.units.map((u) => ({ id: randomUUID(), orgNumber: s.orgNumber, name: u })));
    await copy(client, 'COPY supplier_units (id, supplier_org_number, name) FROM STDIN', units.map((u) => `${u.id}\t${u.orgNumber}\t${u.name}`));
    const names = [
      ...seeded.flatMap((s) => [`${s.orgNumber}\t\\N\t${s.name}`, ...(s.formerName ? [`${s.orgNumber}\t\\N\t${s.formerName}`] : [])]),
      ...units.map((u) => `${u.orgNumber}\t${u.id}\t${u.name}`),
    ];
    await copy(client, 'COPY supplier_names (supplier_org_number, unit_id, name) FROM STDIN', names);
    await client.query('VACUUM ANALYZE suppliers, supplier_units, supplier_names');
  } finally {
    await client.end();
  }
  return seeded;
}
