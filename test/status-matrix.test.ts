import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './helpers/app.ts';
import { newOrgNumber, seedCast } from './helpers/factories.ts';

/**
 * The whole status table (issue 12, "what must be shown"): issuers × types × scope
 * (supplier, unit, agreement) × period (scheduled, active, ended, lifted, retracted,
 * old) × asker, each answered single and batch, for the supplier as a whole, for the
 * unit a signal names and for another unit. Every answer is written to
 * __snapshots__/status-matrix.txt, one line per signal, so the test fails when any cell
 * changes; the rules themselves, with their reasons, are spelled out in status.test.ts,
 * and the invariants below hold whatever the snapshot says. Postgres only: the rows of
 * status.test.ts already run on the embedded database.
 */

const ISSUERS = ['adda', 'kfv', 'sundsvall', 'umea'] as const;
const TYPES = ['call_off_stop', 'termination', 'permit_revoked', 'ivo_injunction', 'financial_warning', 'deviation'] as const;
const SCOPES = ['supplier', 'unit', 'agreement'] as const;
const PERIODS = ['scheduled', 'active', 'ended', 'lifted', 'retracted', 'old'] as const;
const ASKERS = ['adda', 'kfv', 'sundsvall', 'timra', 'umea', 'revisor', 'registry'] as const;

type Issuer = (typeof ISSUERS)[number];
type SignalType = (typeof TYPES)[number];
type Scope = (typeof SCOPES)[number];
type Period = (typeof PERIODS)[number];
type Asker = (typeof ASKERS)[number];
type Answer = { status: string; reasons: Array<{ signalId: string; effect: string }>; units: unknown[] };

interface Cell {
  issuer: Issuer;
  type: SignalType;
  scope: Scope;
  period: Period;
  orgNumber: string;
  unitId: string;
  otherUnitId: string;
}

const DAY = 86_400_000;
const daysFromNow = (days: number) => new Date(Date.now() + days * DAY).toISOString();
const monthsAgo = (months: number) => {
  const d = new Date();
  d.setUTCMonth(d.getUTCMonth() - months);
  return d.toISOString();
};

// A purchasing centre's stops and terminations always act under one of its agreements.
const needsAgreement = (issuer: Issuer, type: SignalType) => issuer === 'adda' && (type === 'call_off_stop' || type === 'termination');

const cells: Array<Omit<Cell, 'orgNumber' | 'unitId' | 'otherUnitId'>> = ISSUERS.flatMap((issuer) =>
  TYPES.flatMap((type) =>
    SCOPES.flatMap((scope) =>
      PERIODS.flatMap((period) => {
        if (period === 'lifted' && type !== 'call_off_stop') return []; // only a stop is lifted
        if (scope === 'supplier' && needsAgreement(issuer, type)) return [];
        return [{ issuer, type, scope, period }];
      }),
    ),
  ),
);

let t: TestApp;
const agreements: Partial<Record<Issuer, string>> = {};
const tokens = {} as Record<Asker | Issuer, string>;
const built: Cell[] = [];
// answers[asker][cellIndex] = [whole, named unit, other unit], single and batch
const single = new Map<Asker, Answer[][]>();
const batch = new Map<Asker, Answer[][]>();

async function call(as: string, method: 'GET' | 'POST' | 'PUT', url: string, payload?: object) {
  const res = await t.app.inject({ method, url, headers: { authorization: `Bearer ${tokens[as as Asker]}` }, ...(payload ? { payload } : {}) });
  if (res.statusCode >= 300) throw new Error(`${as} ${method} ${url}: ${res.statusCode} ${res.body}`);
  return res.json();
}

/** Runs `work` over `items`, `width` at a time. */
async function inBatches<T, R>(items: T[], width: number, work: (item: T, i: number) => Promise<R>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < items.length; i += width) out.push(...(await Promise.all(items.slice(i, i + width).map((item, j) => work(item, i + j)))));
  return out;
}

async function build(cell: (typeof cells)[number]): Promise<Cell> {
  const { issuer, type, scope, period } = cell;
  const orgNumber = newOrgNumber();
  const supplier = await call('sundsvall', 'PUT', `/v1/suppliers/${orgNumber}`, { name: `Matris ${issuer} ${type} ${scope} ${period} AB`, units: [{ name: 'Hem A' }, { name: 'Hem B' }] });
  const [unitA, unitB] = supplier.units.map((u: { id: string }) => u.id);
  const agreementId = scope === 'agreement' || needsAgreement(issuer, type) ? agreements[issuer] : undefined;
  if (agreementId) await call(issuer, 'PUT', `/v1/agreements/${agreementId}/suppliers/${orgNumber}`);
  const periodFields =
    period === 'scheduled'
      ? { effectiveFrom: daysFromNow(2) }
      : period === 'ended'
        ? { effectiveFrom: daysFromNow(-10), effectiveUntil: daysFromNow(-1) }
        : period === 'old'
          ? { effectiveFrom: monthsAgo(13) }
          : {};
  const signal = await call(issuer, 'POST', '/v1/signals', {
    type,
    supplierOrgNumber: orgNumber,
    summary: `${type} från ${issuer}.`,
    ...(type === 'deviation' ? { severity: 'high', category: 'safety' } : {}),
    ...(type === 'ivo_injunction' || type === 'permit_revoked' ? { reference: 'IVO 3.5.1-1000/2026', decisionDate: '2026-03-02' } : {}),
    ...(agreementId ? { agreementId } : {}),
    ...(scope === 'unit' ? { unitId: unitA } : {}),
    ...periodFields,
  });
  if (period === 'lifted') await call(issuer, 'POST', `/v1/signals/${signal.id}/lift`, { reason: 'Hävt.' });
  if (period === 'retracted') await call(issuer, 'POST', `/v1/signals/${signal.id}/retract`, { reason: 'Återtaget.' });
  return { ...cell, orgNumber, unitId: unitA, otherUnitId: unitB };
}

const pick = (a: Answer): Answer => ({ status: a.status, reasons: a.reasons.map((r) => ({ signalId: r.signalId, effect: r.effect })), units: a.units });

beforeAll(async () => {
  t = await startTestApp();
  await seedCast(t);
  for (const as of new Set<string>([...ASKERS, ...ISSUERS])) tokens[as as Asker] = t.token(as === 'registry' ? t.config.OPERATOR_ORG_ID : as);
  for (const issuer of ISSUERS) {
    agreements[issuer] = (await call(issuer, 'POST', '/v1/agreements', { name: `Avtal ${issuer}`, category: 'hvb_children', validFrom: '2026-01-01' })).id;
  }
  built.push(...(await inBatches(cells, 8, build)));

  for (const asker of ASKERS) {
    single.set(
      asker,
      await inBatches(built, 16, async (cell) =>
        Promise.all(
          [undefined, cell.unitId, cell.otherUnitId].map(async (unitId) =>
            pick(await call(asker, 'GET', `/v1/suppliers/${cell.orgNumber}/status${unitId ? `?unitId=${unitId}` : ''}`)),
          ),
        ),
      ),
    );
    const questions = built.flatMap((cell) => [cell.orgNumber, { orgNumber: cell.orgNumber, unitId: cell.unitId }, { orgNumber: cell.orgNumber, unitId: cell.otherUnitId }]);
    const results: Answer[] = [];
    for (let i = 0; i < questions.length; i += 999) results.push(...(await call(asker, 'POST', '/v1/suppliers/status', { orgNumbers: questions.slice(i, i + 999) })).results);
    batch.set(
      asker,
      built.map((_, i) => [0, 1, 2].map((k) => pick(results[i * 3 + k]!))),
    );
  }
}, 600_000);
afterAll(async () => {
  await t?.close();
});

const letter = (status: string) => ({ blocked: 'B', caution: 'C', clear: '.' })[status] ?? '?';

describe('the status matrix', () => {
  it('covers every issuer, type, scope, period and asker', () => {
    expect(built.length).toBe(cells.length);
    expect(new Set(built.map((c) => `${c.scope}/${c.period}`)).size).toBe(SCOPES.length * PERIODS.length);
  });

  it('answers the batch exactly as the single reads, for the supplier and for each unit', () => {
    for (const asker of ASKERS) expect(batch.get(asker), asker).toEqual(single.get(asker));
  });

  it('holds its invariants', () => {
    const answer = (asker: Asker, cell: Cell) => single.get(asker)![built.indexOf(cell)]!;
    for (const cell of built) {
      for (const asker of ASKERS) {
        const [whole, named, other] = answer(asker, cell).map((a) => a.status);
        const where = `${cell.issuer} ${cell.type} ${cell.scope} ${cell.period} as ${asker}`;
        // Nothing outside its period, lifted or retracted, and no deviation older than 12 months, decides anything.
        if (['scheduled', 'ended', 'lifted', 'retracted'].includes(cell.period) || (cell.period === 'old' && cell.type === 'deviation')) {
          expect([whole, named, other], where).toEqual(['clear', 'clear', 'clear']);
          continue;
        }
        if (cell.scope === 'unit') {
          // The supplier as a whole and its other unit are at most a caution; the named unit answers in full.
          expect(whole, where).not.toBe('blocked');
          expect(other, where).toBe(whole);
          // …exactly as the same signal about the whole supplier would (or under an agreement, where it must be).
          const wide = built.find((c) => c.issuer === cell.issuer && c.type === cell.type && c.period === cell.period && c.scope === (needsAgreement(cell.issuer, cell.type) ? 'agreement' : 'supplier'))!;
          expect(named, where).toBe(answer(asker, wide)[0]!.status);
        } else {
          // A supplier-wide signal answers the same for the supplier and for every unit.
          expect([named, other], where).toEqual([whole, whole]);
        }
      }
    }
  });

  it('has not changed a cell (__snapshots__/status-matrix.txt)', async () => {
    const header = [
      '# Supplier status for each asker: three letters, for the supplier as a whole / asked for the unit the signal names / for another unit.',
      '# B blocked, C caution, . clear. Single and batch answers are equal (checked separately).',
      `# ${'issuer'.padEnd(9)} ${'type'.padEnd(17)} ${'scope'.padEnd(9)} ${'period'.padEnd(9)} | ${ASKERS.join(' ')}`,
    ];
    const lines = built.map((cell, i) => {
      const answers = ASKERS.map((asker) => `${asker}=${single.get(asker)![i]!.map((a) => letter(a.status)).join('')}`);
      return `${cell.issuer.padEnd(11)} ${cell.type.padEnd(17)} ${cell.scope.padEnd(9)} ${cell.period.padEnd(9)} | ${answers.join(' ')}`;
    });
    await expect([...header, ...lines, ''].join('\n')).toMatchFileSnapshot('./__snapshots__/status-matrix.txt');
  });
});
