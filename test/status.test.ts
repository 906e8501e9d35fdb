import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.ts';
import { startTestApp, type TestApp } from './helpers/app.ts';
import { cast, createSupplier, newOrgNumber, seedCast, withCheckDigit } from './helpers/factories.ts';
import { withLuhnDigit } from '../src/lib/identity-numbers.ts';

let t: TestApp;
// A second API instance on the same database: "every status read, on any instance" (invariant 2).
let replica: FastifyInstance;
let addaAgreement: string;

beforeAll(async () => {
  t = await startTestApp();
  replica = await buildApp({ config: t.config, database: t.database });
  await replica.ready();
  await seedCast(t);
  const agreement = await t.request({
    method: 'POST',
    url: '/v1/agreements',
    as: cast.adda.id,
    payload: { name: 'HVB barn och unga 2026', category: 'hvb_children', validFrom: '2026-01-01' },
  });
  expect(agreement.statusCode, agreement.body).toBe(201);
  addaAgreement = agreement.json().id;
});
afterAll(async () => {
  await replica?.close();
  await t.close();
});

type Org = keyof typeof cast;
type Status = 'blocked' | 'caution' | 'clear';

const DAY = 86_400_000;
const daysFromNow = (days: number) => new Date(Date.now() + days * DAY).toISOString();
const monthsAgo = (months: number) => {
  const d = new Date();
  d.setUTCMonth(d.getUTCMonth() - months);
  return d.toISOString();
};

const statusOf = (orgNumber: string, as: Org, app: FastifyInstance = t.app, unitId?: string) =>
  app.inject({
    method: 'GET',
    url: `/v1/suppliers/${orgNumber}/status${unitId ? `?unitId=${unitId}` : ''}`,
    headers: { authorization: `Bearer ${t.token(cast[as].id)}` },
  });

async function addParty(orgNumber: string) {
  const res = await t.request({ method: 'PUT', url: `/v1/agreements/${addaAgreement}/suppliers/${orgNumber}`, as: cast.adda.id });
  expect([200, 201], res.body).toContain(res.statusCode);
}

async function supplierWithUnit(): Promise<{ orgNumber: string; unitId: string; otherUnitId: string }> {
  const orgNumber = newOrgNumber();
  const res = await t.request({
    method: 'PUT',
    url: `/v1/suppliers/${orgNumber}`,
    as: cast.sundsvall.id,
    payload: { name: 'Hemmen AB', units: [{ name: 'Hemmet Norr' }, { name: 'Hemmet Söder' }] },
  });
  expect(res.statusCode, res.body).toBe(201);
  const [first, second] = res.json().units;
  return { orgNumber, unitId: first.id, otherUnitId: second.id };
}

/** One signal in a rules-table row: who issues it, what it says, and what happens to it after. */
interface RowSignal {
  by: Org;
  type: 'deviation' | 'call_off_stop' | 'termination' | 'ivo_injunction' | 'permit_revoked' | 'financial_warning';
  severity?: 'low' | 'medium' | 'high' | 'critical';
  effectiveFrom?: string;
  effectiveUntil?: string;
  visibility?: 'members' | 'issuer_and_auditors';
  /** Name the supplier's first unit. */
  onUnit?: boolean;
  then?: 'lift' | 'retract';
}

interface Expectation {
  as: Org;
  status: Status;
  /** Indexes into the row's signals with the effect each has, newest first. */
  reasons?: Array<[number, 'blocked' | 'caution']>;
  /** The status of the unit named by a signal, when there is one. */
  unit?: Status;
  /**
   * The answer asked with ?unitId= of the supplier's first unit (the one `onUnit` names);
   * the top-level status when absent. Asked for the second unit it is always the top-level status.
   */
  inUnit?: Status;
}

interface Row {
  rule: string;
  signals: RowSignal[];
  expect: Expectation[];
}

const rows: Row[] = [
  {
    rule: 'a revoked permit blocks every caller, whoever issued it',
    signals: [{ by: 'umea', type: 'permit_revoked' }],
    expect: [
      { as: 'sundsvall', status: 'blocked', reasons: [[0, 'blocked']] },
      { as: 'umea', status: 'blocked', reasons: [[0, 'blocked']] },
      { as: 'adda', status: 'blocked', reasons: [[0, 'blocked']] },
      { as: 'revisor', status: 'blocked', reasons: [[0, 'blocked']] },
    ],
  },
  {
    rule: 'a purchasing centre’s call-off stop blocks every member, in a federation or not',
    signals: [{ by: 'adda', type: 'call_off_stop' }],
    expect: [
      { as: 'umea', status: 'blocked', reasons: [[0, 'blocked']] },
      { as: 'sundsvall', status: 'blocked', reasons: [[0, 'blocked']] },
      { as: 'timra', status: 'blocked', reasons: [[0, 'blocked']] },
      { as: 'kfv', status: 'blocked', reasons: [[0, 'blocked']] },
    ],
  },
  {
    rule: 'a purchasing centre’s termination blocks every member',
    signals: [{ by: 'adda', type: 'termination' }],
    expect: [
      { as: 'umea', status: 'blocked', reasons: [[0, 'blocked']] },
      { as: 'timra', status: 'blocked', reasons: [[0, 'blocked']] },
    ],
  },
  {
    rule: 'a federation’s call-off stop blocks its members and itself, and is a caution for others',
    signals: [{ by: 'kfv', type: 'call_off_stop' }],
    expect: [
      { as: 'sundsvall', status: 'blocked', reasons: [[0, 'blocked']] },
      { as: 'timra', status: 'blocked', reasons: [[0, 'blocked']] },
      { as: 'kfv', status: 'blocked', reasons: [[0, 'blocked']] },
      { as: 'umea', status: 'caution', reasons: [[0, 'caution']] },
      { as: 'adda', status: 'caution', reasons: [[0, 'caution']] },
    ],
  },
  {
    rule: 'a federation’s termination blocks its members and is a caution for others',
    signals: [{ by: 'kfv', type: 'termination' }],
    expect: [
      { as: 'timra', status: 'blocked', reasons: [[0, 'blocked']] },
      { as: 'umea', status: 'caution', reasons: [[0, 'caution']] },
    ],
  },
  {
    rule: 'a municipality’s own stop blocks itself, and is a caution even for its federation and neighbours',
    signals: [{ by: 'sundsvall', type: 'call_off_stop' }],
    expect: [
      { as: 'sundsvall', status: 'blocked', reasons: [[0, 'blocked']] },
      { as: 'timra', status: 'caution', reasons: [[0, 'caution']] },
      { as: 'kfv', status: 'caution', reasons: [[0, 'caution']] },
      { as: 'umea', status: 'caution', reasons: [[0, 'caution']] },
    ],
  },
  {
    rule: 'another municipality’s stop (umea’s, seen by sundsvall) is a caution',
    signals: [{ by: 'umea', type: 'call_off_stop' }],
    expect: [
      { as: 'sundsvall', status: 'caution', reasons: [[0, 'caution']] },
      { as: 'umea', status: 'blocked', reasons: [[0, 'blocked']] },
    ],
  },
  {
    rule: 'another municipality’s termination is a caution; its own blocks',
    signals: [{ by: 'umea', type: 'termination' }],
    expect: [
      { as: 'sundsvall', status: 'caution', reasons: [[0, 'caution']] },
      { as: 'umea', status: 'blocked', reasons: [[0, 'blocked']] },
    ],
  },
  {
    rule: 'an active IVO injunction is a caution, for the issuer too',
    signals: [{ by: 'timra', type: 'ivo_injunction' }],
    expect: [
      { as: 'sundsvall', status: 'caution', reasons: [[0, 'caution']] },
      { as: 'timra', status: 'caution', reasons: [[0, 'caution']] },
    ],
  },
  {
    rule: 'a financial warning is a caution, even from a purchasing centre',
    signals: [{ by: 'adda', type: 'financial_warning' }],
    expect: [{ as: 'umea', status: 'caution', reasons: [[0, 'caution']] }],
  },
  {
    rule: 'a high deviation from today is a caution',
    signals: [{ by: 'sundsvall', type: 'deviation', severity: 'high' }],
    expect: [
      { as: 'umea', status: 'caution', reasons: [[0, 'caution']] },
      { as: 'sundsvall', status: 'caution', reasons: [[0, 'caution']] },
    ],
  },
  {
    rule: 'a critical deviation is a caution',
    signals: [{ by: 'umea', type: 'deviation', severity: 'critical' }],
    expect: [{ as: 'sundsvall', status: 'caution', reasons: [[0, 'caution']] }],
  },
  {
    rule: 'a high deviation 11 months old is still a caution',
    signals: [{ by: 'umea', type: 'deviation', severity: 'high', effectiveFrom: monthsAgo(11) }],
    expect: [{ as: 'sundsvall', status: 'caution', reasons: [[0, 'caution']] }],
  },
  {
    rule: 'low and medium deviations are not reasons',
    signals: [
      { by: 'umea', type: 'deviation', severity: 'low' },
      { by: 'sundsvall', type: 'deviation', severity: 'medium' },
    ],
    expect: [
      { as: 'sundsvall', status: 'clear' },
      { as: 'timra', status: 'clear' },
    ],
  },
  {
    rule: 'high and critical deviations 13 months old are not reasons',
    signals: [
      { by: 'umea', type: 'deviation', severity: 'high', effectiveFrom: monthsAgo(13) },
      { by: 'timra', type: 'deviation', severity: 'critical', effectiveFrom: monthsAgo(13) },
    ],
    expect: [{ as: 'sundsvall', status: 'clear' }],
  },
  {
    rule: 'a lifted stop is not a reason',
    signals: [{ by: 'adda', type: 'call_off_stop', then: 'lift' }],
    expect: [
      { as: 'umea', status: 'clear' },
      { as: 'adda', status: 'clear' },
    ],
  },
  {
    rule: 'a retracted revoked permit is not a reason, for its issuer either',
    signals: [{ by: 'umea', type: 'permit_revoked', then: 'retract' }],
    expect: [
      { as: 'sundsvall', status: 'clear' },
      { as: 'umea', status: 'clear' },
      { as: 'revisor', status: 'clear' },
    ],
  },
  {
    rule: 'a retracted federation stop is not a reason',
    signals: [{ by: 'kfv', type: 'call_off_stop', then: 'retract' }],
    expect: [{ as: 'sundsvall', status: 'clear' }],
  },
  {
    rule: 'an expired stop (effectiveUntil in the past) is not a reason',
    signals: [{ by: 'adda', type: 'call_off_stop', effectiveFrom: daysFromNow(-10), effectiveUntil: daysFromNow(-1) }],
    expect: [{ as: 'umea', status: 'clear' }],
  },
  {
    rule: 'an expired injunction is not a reason',
    signals: [{ by: 'umea', type: 'ivo_injunction', effectiveFrom: daysFromNow(-10), effectiveUntil: daysFromNow(-1) }],
    expect: [{ as: 'sundsvall', status: 'clear' }],
  },
  {
    rule: 'a stop that ends in the future is still a reason',
    signals: [{ by: 'adda', type: 'call_off_stop', effectiveFrom: daysFromNow(-10), effectiveUntil: daysFromNow(10) }],
    expect: [{ as: 'umea', status: 'blocked', reasons: [[0, 'blocked']] }],
  },
  {
    rule: 'a revoked permit not yet in effect is not a reason',
    signals: [{ by: 'umea', type: 'permit_revoked', effectiveFrom: daysFromNow(1) }],
    expect: [
      { as: 'sundsvall', status: 'clear' },
      { as: 'umea', status: 'clear' },
    ],
  },
  {
    rule: 'a stop not yet in effect is not a reason',
    signals: [{ by: 'adda', type: 'call_off_stop', effectiveFrom: daysFromNow(2) }],
    expect: [{ as: 'timra', status: 'clear' }],
  },
  {
    rule: 'a signal only its issuer and auditors may see decides nothing for anyone else',
    signals: [{ by: 'umea', type: 'deviation', severity: 'critical', visibility: 'issuer_and_auditors' }],
    expect: [
      { as: 'sundsvall', status: 'clear' },
      { as: 'adda', status: 'clear' },
      { as: 'umea', status: 'caution', reasons: [[0, 'caution']] },
      { as: 'revisor', status: 'caution', reasons: [[0, 'caution']] },
    ],
  },
  {
    rule: 'a financial warning its members may not see is a caution for the issuer only',
    signals: [{ by: 'kfv', type: 'financial_warning', visibility: 'issuer_and_auditors' }],
    expect: [
      { as: 'sundsvall', status: 'clear' },
      { as: 'kfv', status: 'caution', reasons: [[0, 'caution']] },
    ],
  },
  {
    rule: 'a revoked permit naming a unit blocks the unit and makes the supplier a caution',
    signals: [{ by: 'umea', type: 'permit_revoked', onUnit: true }],
    expect: [
      { as: 'sundsvall', status: 'caution', reasons: [[0, 'blocked']], unit: 'blocked', inUnit: 'blocked' },
      { as: 'umea', status: 'caution', reasons: [[0, 'blocked']], unit: 'blocked', inUnit: 'blocked' },
    ],
  },
  {
    rule: 'a purchasing centre’s stop naming a unit blocks the unit and makes the supplier a caution',
    signals: [{ by: 'adda', type: 'call_off_stop', onUnit: true }],
    expect: [
      { as: 'timra', status: 'caution', reasons: [[0, 'blocked']], unit: 'blocked', inUnit: 'blocked' },
      { as: 'revisor', status: 'caution', reasons: [[0, 'blocked']], unit: 'blocked', inUnit: 'blocked' },
    ],
  },
  {
    rule: 'another municipality’s stop naming a unit is a caution on the unit',
    signals: [{ by: 'umea', type: 'call_off_stop', onUnit: true }],
    expect: [
      { as: 'sundsvall', status: 'caution', reasons: [[0, 'caution']], unit: 'caution', inUnit: 'caution' },
      { as: 'umea', status: 'caution', reasons: [[0, 'blocked']], unit: 'blocked', inUnit: 'blocked' },
    ],
  },
  {
    rule: 'a supplier-wide stop still blocks the supplier and the unit when a unit has a caution of its own',
    signals: [
      { by: 'sundsvall', type: 'deviation', severity: 'high', onUnit: true, effectiveFrom: daysFromNow(-2) },
      { by: 'adda', type: 'call_off_stop', effectiveFrom: daysFromNow(-1) },
    ],
    expect: [{ as: 'umea', status: 'blocked', reasons: [[1, 'blocked'], [0, 'caution']], unit: 'blocked' }],
  },
  {
    rule: 'reasons are newest first (by effectiveFrom), whatever order they were posted in',
    signals: [
      { by: 'adda', type: 'call_off_stop', effectiveFrom: daysFromNow(-3) },
      { by: 'umea', type: 'financial_warning', effectiveFrom: daysFromNow(-1) },
      { by: 'timra', type: 'ivo_injunction', effectiveFrom: daysFromNow(-2) },
      { by: 'umea', type: 'deviation', severity: 'low' },
      { by: 'sundsvall', type: 'deviation', severity: 'critical', effectiveFrom: daysFromNow(-5) },
    ],
    expect: [
      {
        as: 'sundsvall',
        status: 'blocked',
        reasons: [
          [1, 'caution'],
          [2, 'caution'],
          [0, 'blocked'],
          [4, 'caution'],
        ],
      },
    ],
  },
];

describe('supplier status rules, for the caller', () => {
  it.each(rows)('$rule', async (row) => {
    const { orgNumber, unitId, otherUnitId } = await supplierWithUnit();
    const ids: string[] = [];
    for (const signal of row.signals) {
      const { by, then, onUnit, ...fields } = signal;
      if (by === 'adda' && (fields.type === 'call_off_stop' || fields.type === 'termination')) await addParty(orgNumber);
      const created = await t.request({
        method: 'POST',
        url: '/v1/signals',
        as: cast[by].id,
        payload: {
          ...fields,
          supplierOrgNumber: orgNumber,
          summary: `${fields.type} från ${by}.`,
          ...(fields.type === 'deviation' ? { category: 'safety' } : {}),
          // IVO decisions are recorded with IVO's diarienummer.
          ...(fields.type === 'ivo_injunction' || fields.type === 'permit_revoked' ? { reference: 'IVO 3.5.1-1000/2026', decisionDate: '2026-03-02' } : {}),
          ...(by === 'adda' && (fields.type === 'call_off_stop' || fields.type === 'termination') ? { agreementId: addaAgreement } : {}),
          ...(onUnit ? { unitId } : {}),
        },
      });
      expect(created.statusCode, created.body).toBe(201);
      ids.push(created.json().id);
      if (then) {
        const changed = await t.request({ method: 'POST', url: `/v1/signals/${created.json().id}/${then}`, as: cast[by].id, payload: { reason: 'Test.' } });
        expect(changed.statusCode, changed.body).toBe(200);
      }
    }

    for (const expected of row.expect) {
      const res = await statusOf(orgNumber, expected.as);
      expect(res.statusCode, res.body).toBe(200);
      const body = res.json();
      expect(body.orgNumber).toBe(orgNumber);
      expect(body.status, `status for ${expected.as}`).toBe(expected.status);
      expect(
        body.reasons.map((r: { signalId: string; effect: string }) => [r.signalId, r.effect]),
        `reasons for ${expected.as}`,
      ).toEqual((expected.reasons ?? []).map(([i, effect]) => [ids[i], effect]));
      expect(body.units, `units for ${expected.as}`).toEqual(expected.unit ? [{ unitId, status: expected.unit }] : []);
      expect(body.unitId).toBeNull();

      // The same supplier asked for each of its units, single and batch (issue 12, item 6).
      const whole = { status: body.status, reasons: body.reasons, units: body.units };
      const asks: Array<[string, Status]> = [
        [unitId, expected.inUnit ?? expected.status],
        [otherUnitId, expected.status],
      ];
      for (const [asked, status] of asks) {
        const inUnit = await statusOf(orgNumber, expected.as, t.app, asked);
        expect(inUnit.statusCode, inUnit.body).toBe(200);
        expect(inUnit.json(), `${expected.as} asking for ${asked === unitId ? 'the named' : 'the other'} unit`).toMatchObject({ ...whole, unitId: asked, status });
      }
      const batch = await t.request({
        method: 'POST',
        url: '/v1/suppliers/status',
        as: cast[expected.as].id,
        payload: { orgNumbers: [orgNumber, ...asks.map(([asked]) => ({ orgNumber, unitId: asked }))] },
      });
      expect(batch.statusCode, batch.body).toBe(200);
      expect(batch.json().results, `batch for ${expected.as}`).toEqual([
        { orgNumber, unitId: null, registered: true, ...whole },
        ...asks.map(([asked, status]) => ({ orgNumber, unitId: asked, registered: true, ...whole, status })),
      ]);
    }
  });

  it('answers 404 suppliers.not_found for an unregistered supplier', async () => {
    const res = await statusOf(newOrgNumber(), 'sundsvall');
    expect(res.statusCode, res.body).toBe(404);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.json().code).toBe('suppliers.not_found');
  });

  it('describes each reason with the signal’s facts', async () => {
    const orgNumber = await createSupplier(t, cast.umea.id);
    await addParty(orgNumber);
    const stop = await t.request({
      method: 'POST',
      url: '/v1/signals',
      as: cast.adda.id,
      payload: { type: 'call_off_stop', supplierOrgNumber: orgNumber, agreementId: addaAgreement, summary: 'Avropsstopp.', effectiveUntil: daysFromNow(30) },
    });
    expect(stop.statusCode, stop.body).toBe(201);
    const body = (await statusOf(orgNumber, 'umea')).json();
    expect(body.reasons).toEqual([
      {
        signalId: stop.json().id,
        signalVersion: 1,
        type: 'call_off_stop',
        effect: 'blocked',
        issuerOrgId: 'adda',
        unitId: null,
        agreementId: addaAgreement,
        severity: null,
        summary: 'Avropsstopp.',
        reference: null,
        decisionDate: null,
        effectiveFrom: stop.json().effectiveFrom,
        effectiveUntil: stop.json().effectiveUntil,
        linkedThrough: null,
        reply: null,
      },
    ]);
    expect(Number.isNaN(Date.parse(body.asOf))).toBe(false);
  });
});

describe('a call-off stop is seen on the very next read (invariant 2)', () => {
  const callers: Org[] = ['umea', 'sundsvall', 'timra', 'kfv', 'adda', 'revisor'];

  it('blocks every caller on both API instances right after the 201, and clears right after the lift', async () => {
    const orgNumber = await createSupplier(t, cast.sundsvall.id, 'Nästa Läsning AB');
    await addParty(orgNumber);
    // Read first on both instances, so a cache, if there were one, would hold `clear`.
    for (const as of callers) {
      expect((await statusOf(orgNumber, as)).json().status).toBe('clear');
      expect((await statusOf(orgNumber, as, replica)).json().status).toBe('clear');
    }

    const stop = await t.request({
      method: 'POST',
      url: '/v1/signals',
      as: cast.adda.id,
      payload: { type: 'call_off_stop', supplierOrgNumber: orgNumber, agreementId: addaAgreement, summary: 'Avropsstopp.' },
    });
    expect(stop.statusCode, stop.body).toBe(201);
    for (const as of callers) {
      for (const app of [t.app, replica]) {
        const res = await statusOf(orgNumber, as, app);
        expect(res.json().status, as).toBe('blocked');
        expect(res.json().reasons.map((r: { signalId: string }) => r.signalId)).toEqual([stop.json().id]);
      }
    }

    const lift = await replica.inject({
      method: 'POST',
      url: `/v1/signals/${stop.json().id}/lift`,
      headers: { authorization: `Bearer ${t.token(cast.adda.id)}` },
      payload: { reason: 'Utredningen klar.' },
    });
    expect(lift.statusCode, lift.body).toBe(200);
    for (const as of callers) {
      for (const app of [t.app, replica]) {
        const res = await statusOf(orgNumber, as, app);
        expect(res.json().status, as).toBe('clear');
        expect(res.json().reasons).toEqual([]);
      }
    }
  });

  it('blocks in the batch answer right after the 201 too', async () => {
    const orgNumber = await createSupplier(t, cast.kfv.id);
    const batch = () =>
      replica.inject({
        method: 'POST',
        url: '/v1/suppliers/status',
        headers: { authorization: `Bearer ${t.token(cast.timra.id)}` },
        payload: { orgNumbers: [orgNumber] },
      });
    expect((await batch()).json().results[0].status).toBe('clear');
    const stop = await t.request({ method: 'POST', url: '/v1/signals', as: cast.kfv.id, payload: { type: 'call_off_stop', supplierOrgNumber: orgNumber, summary: 'Avropspaus.' } });
    expect(stop.statusCode, stop.body).toBe(201);
    expect((await batch()).json().results[0].status).toBe('blocked');
  });

  it('a stop posted at once with many status reads is never missed by a read that starts after the 201', async () => {
    const orgNumber = await createSupplier(t, cast.umea.id);
    const stop = await t.request({ method: 'POST', url: '/v1/signals', as: cast.umea.id, payload: { type: 'permit_revoked', supplierOrgNumber: orgNumber, summary: 'Tillstånd återkallat.', reference: 'IVO 3.5.1-1001/2026', decisionDate: '2026-03-02' } });
    expect(stop.statusCode, stop.body).toBe(201);
    const reads = await Promise.all(callers.flatMap((as) => [statusOf(orgNumber, as), statusOf(orgNumber, as, replica)]));
    expect(reads.map((r) => r.json().status)).toEqual(Array(reads.length).fill('blocked'));
  });
});

describe('POST /v1/suppliers/status (batch)', () => {
  it('answers a mix of blocked, caution, clear and unknown, in the order asked', async () => {
    const blocked = await createSupplier(t, cast.sundsvall.id, 'Blockerad AB');
    const caution = await createSupplier(t, cast.sundsvall.id, 'Varning AB');
    const clear = await createSupplier(t, cast.sundsvall.id, 'Klar AB');
    const unknown = newOrgNumber();
    await addParty(blocked);
    const stop = await t.request({
      method: 'POST',
      url: '/v1/signals',
      as: cast.adda.id,
      payload: { type: 'call_off_stop', supplierOrgNumber: blocked, agreementId: addaAgreement, summary: 'Avropsstopp.' },
    });
    const injunction = await t.request({ method: 'POST', url: '/v1/signals', as: cast.umea.id, payload: { type: 'ivo_injunction', supplierOrgNumber: caution, summary: 'Föreläggande.', reference: 'IVO 3.5.1-1002/2026', decisionDate: '2026-03-02' } });
    const lowDeviation = await t.request({
      method: 'POST',
      url: '/v1/signals',
      as: cast.umea.id,
      payload: { type: 'deviation', supplierOrgNumber: clear, severity: 'low', category: 'reporting', summary: 'Sen rapport.' },
    });
    for (const res of [stop, injunction, lowDeviation]) expect(res.statusCode, res.body).toBe(201);

    const res = await t.request({
      method: 'POST',
      url: '/v1/suppliers/status',
      as: cast.sundsvall.id,
      // Numbers are accepted with or without the hyphen.
      payload: { orgNumbers: [unknown, clear.replace('-', ''), caution, blocked] },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers['cache-control']).toBe('no-store');
    const results = res.json().results;
    expect(results.map((r: { orgNumber: string; registered: boolean; status: string }) => [r.orgNumber, r.registered, r.status])).toEqual([
      [unknown, false, 'unknown'],
      [clear, true, 'clear'],
      [caution, true, 'caution'],
      [blocked, true, 'blocked'],
    ]);
    expect(results[0]).toMatchObject({ reasons: [], units: [] });
    expect(results[1].reasons).toEqual([]);
    expect(results[2].reasons.map((r: { signalId: string; effect: string }) => [r.signalId, r.effect])).toEqual([[injunction.json().id, 'caution']]);
    expect(results[3].reasons.map((r: { signalId: string; effect: string }) => [r.signalId, r.effect])).toEqual([[stop.json().id, 'blocked']]);

    // The batch answer agrees with the single read for each registered supplier.
    for (const r of results.slice(1)) expect((await statusOf(r.orgNumber, 'sundsvall')).json().status).toBe(r.status);
  });

  it('answers for the caller: another municipality’s stop is blocked for it and a caution for the rest', async () => {
    const orgNumber = await createSupplier(t, cast.umea.id);
    const stop = await t.request({ method: 'POST', url: '/v1/signals', as: cast.umea.id, payload: { type: 'termination', supplierOrgNumber: orgNumber, summary: 'Hävt avtal.' } });
    expect(stop.statusCode, stop.body).toBe(201);
    const batchAs = async (as: Org) =>
      (await t.request({ method: 'POST', url: '/v1/suppliers/status', as: cast[as].id, payload: { orgNumbers: [orgNumber] } })).json().results[0].status;
    expect(await batchAs('umea')).toBe('blocked');
    expect(await batchAs('sundsvall')).toBe('caution');
  });

  it('accepts 1,000 numbers and refuses 1,001 with 400', async () => {
    const registered = [await createSupplier(t), await createSupplier(t)];
    await addParty(registered[0]!);
    const stop = await t.request({
      method: 'POST',
      url: '/v1/signals',
      as: cast.adda.id,
      payload: { type: 'call_off_stop', supplierOrgNumber: registered[0], agreementId: addaAgreement, summary: 'Avropsstopp.' },
    });
    expect(stop.statusCode, stop.body).toBe(201);
    // '56…' never collides with newOrgNumber(), which always starts with '55'.
    const unregistered = Array.from({ length: 998 }, (_, i) => {
      const full = withCheckDigit(`5690${String(i).padStart(5, '0')}`);
      return `${full.slice(0, 6)}-${full.slice(6)}`;
    });
    const orgNumbers = [...unregistered.slice(0, 500), registered[0]!, ...unregistered.slice(500), registered[1]!];
    expect(new Set(orgNumbers).size).toBe(1000);

    const res = await t.request({ method: 'POST', url: '/v1/suppliers/status', as: cast.timra.id, payload: { orgNumbers } });
    expect(res.statusCode, res.body).toBe(200);
    const results: Array<{ orgNumber: string; registered: boolean; status: string }> = res.json().results;
    expect(results.map((r) => r.orgNumber)).toEqual(orgNumbers);
    expect(results.filter((r) => r.status === 'unknown')).toHaveLength(998);
    expect(results.every((r) => r.registered === (r.status !== 'unknown'))).toBe(true);
    expect(results[500]).toMatchObject({ orgNumber: registered[0], registered: true, status: 'blocked' });
    expect(results[999]).toMatchObject({ orgNumber: registered[1], registered: true, status: 'clear' });

    const tooMany = await t.request({
      method: 'POST',
      url: '/v1/suppliers/status',
      as: cast.timra.id,
      payload: { orgNumbers: [...orgNumbers, withCheckDigit('569100000')] },
    });
    expect(tooMany.statusCode, tooMany.body).toBe(400);
    expect(tooMany.json().code).toBe('input.invalid');
  });

  it('refuses an empty list, and a list of anything but numbers and {orgNumber, unitId}, with 400', async () => {
    for (const orgNumbers of [[], [5566778899], [{ orgNumber: '556677-8899', asOf: '2020-01-01' }]]) {
      const res = await t.request({ method: 'POST', url: '/v1/suppliers/status', as: cast.timra.id, payload: { orgNumbers } });
      expect(res.statusCode, JSON.stringify(orgNumbers)).toBe(400);
      expect(res.json().code).toBe('input.invalid');
    }
  });

  it('answers a malformed number `invalid` with the reason, and every other number of a 1,000-number batch', async () => {
    const registered = await createSupplier(t);
    const unregistered = Array.from({ length: 998 }, (_, i) => {
      const full = withCheckDigit(`5692${String(i).padStart(5, '0')}`);
      return `${full.slice(0, 6)}-${full.slice(6)}`;
    });
    // A wrong check digit, in the middle of the batch.
    const orgNumbers = [...unregistered.slice(0, 400), '556677-8890', ...unregistered.slice(400), registered];
    const res = await t.request({ method: 'POST', url: '/v1/suppliers/status', as: cast.timra.id, payload: { orgNumbers } });
    expect(res.statusCode, res.body).toBe(200);
    const results: Array<{ orgNumber: string; status: string; problem?: { code: string; detail: string } }> = res.json().results;
    expect(results).toHaveLength(1000);
    expect(results[400]).toEqual({
      orgNumber: '556677-8890',
      unitId: null,
      registered: false,
      status: 'invalid',
      reasons: [],
      units: [],
      problem: { code: 'input.invalid_org_number', detail: expect.stringContaining('invalid organisation number') },
    });
    expect(results.filter((r) => r.status === 'unknown')).toHaveLength(998);
    expect(results[999]).toMatchObject({ orgNumber: registered, registered: true, status: 'clear' });
  });
});

describe('status answers are never cached', () => {
  it('sends cache-control: no-store on the single and the batch status', async () => {
    const orgNumber = await createSupplier(t);
    const single = await statusOf(orgNumber, 'umea');
    expect(single.statusCode).toBe(200);
    expect(single.headers['cache-control']).toBe('no-store');
    const batch = await t.request({ method: 'POST', url: '/v1/suppliers/status', as: cast.umea.id, payload: { orgNumbers: [orgNumber] } });
    expect(batch.statusCode).toBe(200);
    expect(batch.headers['cache-control']).toBe('no-store');
  });
});

describe('status reads of restricted data are logged', () => {
  const readsOf = async (target: string) =>
    ((await t.request({ method: 'GET', url: '/v1/audit/reads?limit=200', as: cast.revisor.id })).json().items as Array<{ orgId: string; action: string; targetIds: string[] }>).filter(
      (r) => r.targetIds.includes(target),
    );

  it('logs an issuer_and_auditors reason shown to its issuer or an auditor, and nothing for an ordinary answer', async () => {
    const orgNumber = await createSupplier(t);
    const hidden = await t.request({
      method: 'POST',
      url: '/v1/signals',
      as: cast.umea.id,
      payload: { type: 'deviation', supplierOrgNumber: orgNumber, severity: 'critical', category: 'safety', summary: 'Intern notering om larm.', visibility: 'issuer_and_auditors' },
    });
    expect(hidden.statusCode, hidden.body).toBe(201);
    const id = hidden.json().id;

    // Another member does not see it: the answer is clear and nothing restricted was read.
    const other = await statusOf(orgNumber, 'timra');
    expect(other.json()).toMatchObject({ status: 'clear', reasons: [] });
    expect(await readsOf(id)).toEqual([]);

    for (const as of ['umea', 'revisor'] as const) {
      const res = await statusOf(orgNumber, as);
      expect(res.json().reasons.map((r: { signalId: string }) => r.signalId), as).toEqual([id]);
    }
    const batch = await t.request({ method: 'POST', url: '/v1/suppliers/status', as: cast.umea.id, payload: { orgNumbers: [orgNumber] } });
    expect(batch.statusCode, batch.body).toBe(200);
    const logged = await readsOf(id);
    expect(logged.map((r) => [r.orgId, r.action]).sort()).toEqual([
      ['revisor', 'signal.read_restricted'],
      ['umea', 'signal.read_restricted'],
      ['umea', 'signal.read_restricted'],
    ]);
  });

  it("logs a status read of a sole trader (the number is the owner's personnummer)", async () => {
    const soleTrader = withLuhnDigit('780604432');
    const dashed = `${soleTrader.slice(0, 6)}-${soleTrader.slice(6)}`;
    const put = await t.request({ method: 'PUT', url: `/v1/suppliers/${dashed}`, as: cast.sundsvall.id, payload: { name: 'Omsorg i Norr (enskild firma)', soleTrader: true } });
    expect(put.statusCode, put.body).toBe(201);
    expect(await readsOf(soleTrader)).toEqual([]);
    expect((await statusOf(dashed, 'timra')).statusCode).toBe(200);
    const batch = await t.request({ method: 'POST', url: '/v1/suppliers/status', as: cast.umea.id, payload: { orgNumbers: [dashed] } });
    expect(batch.statusCode, batch.body).toBe(200);
    expect((await readsOf(soleTrader)).map((r) => [r.orgId, r.action]).sort()).toEqual([
      ['timra', 'supplier.read_sole_trader'],
      ['umea', 'supplier.read_sole_trader'],
    ]);
  });
});

describe('asking for one unit (?unitId=, and units in the batch)', () => {
  it('answers blocked for the unit a revoked permit names, and caution for the supplier as a whole and its other unit', async () => {
    const { orgNumber, unitId, otherUnitId } = await supplierWithUnit();
    const revoked = await t.request({
      method: 'POST',
      url: '/v1/signals',
      as: cast.umea.id,
      payload: { type: 'permit_revoked', supplierOrgNumber: orgNumber, unitId, summary: 'Tillståndet för hemmet återkallat.', reference: 'IVO 3.5.1-1003/2026', decisionDate: '2026-03-02' },
    });
    expect(revoked.statusCode, revoked.body).toBe(201);
    const read = async (unit?: string) => (await statusOf(orgNumber, 'sundsvall', t.app, unit)).json();
    expect(await read()).toMatchObject({ unitId: null, status: 'caution', units: [{ unitId, status: 'blocked' }] });
    expect(await read(unitId)).toMatchObject({ unitId, status: 'blocked' });
    expect(await read(otherUnitId)).toMatchObject({ unitId: otherUnitId, status: 'caution' });
    // Upper case is the same unit.
    expect(await read(unitId.toUpperCase())).toMatchObject({ unitId, status: 'blocked' });
  });

  it('refuses a unit of another supplier and an unknown unit with 422 suppliers.unit_not_found, and a malformed one with 400', async () => {
    const { orgNumber } = await supplierWithUnit();
    const other = await supplierWithUnit();
    for (const unit of [other.unitId, '0193f0c4-5a1e-7c3b-9a57-1f2d3c4b5a69']) {
      const res = await statusOf(orgNumber, 'timra', t.app, unit);
      expect(res.statusCode, res.body).toBe(422);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(res.json().code).toBe('suppliers.unit_not_found');
    }
    const malformed = await statusOf(orgNumber, 'timra', t.app, 'hemmet');
    expect(malformed.statusCode, malformed.body).toBe(400);
    expect(malformed.json().code).toBe('input.invalid');
  });

  it('answers each batch question on its own: a unit of another supplier or a malformed unit id reads invalid', async () => {
    const mine = await supplierWithUnit();
    const theirs = await supplierWithUnit();
    const unregistered = newOrgNumber();
    const res = await t.request({
      method: 'POST',
      url: '/v1/suppliers/status',
      as: cast.timra.id,
      payload: {
        orgNumbers: [
          { orgNumber: mine.orgNumber, unitId: theirs.unitId },
          { orgNumber: mine.orgNumber, unitId: 'hemmet' },
          { orgNumber: '12345', unitId: mine.unitId },
          { orgNumber: unregistered, unitId: mine.unitId },
          { orgNumber: mine.orgNumber, unitId: mine.unitId },
          { orgNumber: mine.orgNumber.replace('-', ''), unitId: mine.unitId.toUpperCase() },
          mine.orgNumber,
        ],
      },
    });
    expect(res.statusCode, res.body).toBe(200);
    const results = res.json().results as Array<{ orgNumber: string; unitId: string | null; status: string; problem?: { code: string } }>;
    expect(results.map((r) => [r.orgNumber, r.unitId, r.status, r.problem?.code])).toEqual([
      [mine.orgNumber, theirs.unitId, 'invalid', 'suppliers.unit_not_found'],
      [mine.orgNumber, 'hemmet', 'invalid', 'input.invalid_unit_id'],
      ['12345', mine.unitId, 'invalid', 'input.invalid_org_number'],
      [unregistered, mine.unitId, 'unknown', undefined],
      // The same question twice (with and without the hyphen, any case) is answered once.
      [mine.orgNumber, mine.unitId, 'clear', undefined],
      [mine.orgNumber, null, 'clear', undefined],
    ]);
  });
});
