import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './helpers/app.ts';
import { cast, createSupplier, seedCast } from './helpers/factories.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
  await seedCast(t);
});
afterAll(() => t.close());

describe('walk-through: agreement, stop, status', () => {
  it('a purchasing centre stop blocks every member on the very next read, and lifting clears it', async () => {
    const orgNumber = await createSupplier(t, cast.sundsvall.id, 'Solbacka HVB AB');
    const agreement = await t.request({
      method: 'POST',
      url: '/v1/agreements',
      as: cast.adda.id,
      payload: { name: 'HVB barn 2026', category: 'hvb_children', validFrom: '2026-01-01' },
    });
    expect(agreement.statusCode, agreement.body).toBe(201);
    const agreementId = agreement.json().id;
    const party = await t.request({ method: 'PUT', url: `/v1/agreements/${agreementId}/suppliers/${orgNumber}`, as: cast.adda.id });
    expect(party.statusCode, party.body).toBe(201);

    const before = await t.request({ method: 'GET', url: `/v1/suppliers/${orgNumber}/status`, as: cast.umea.id });
    expect(before.statusCode, before.body).toBe(200);
    expect(before.json().status).toBe('clear');

    const stop = await t.request({
      method: 'POST',
      url: '/v1/signals',
      as: cast.adda.id,
      payload: { type: 'call_off_stop', supplierOrgNumber: orgNumber, agreementId, summary: 'Avropsstopp i väntan på utredning.' },
    });
    expect(stop.statusCode, stop.body).toBe(201);
    expect(stop.json()).toMatchObject({ version: 1, status: 'active', issuerOrgId: 'adda' });

    for (const org of [cast.umea.id, cast.sundsvall.id, cast.kfv.id]) {
      const after = await t.request({ method: 'GET', url: `/v1/suppliers/${orgNumber}/status`, as: org });
      expect(after.json().status, org).toBe('blocked');
      expect(after.json().reasons[0].signalId).toBe(stop.json().id);
    }

    const lifted = await t.request({ method: 'POST', url: `/v1/signals/${stop.json().id}/lift`, as: cast.adda.id, payload: { reason: 'Utredningen klar.' } });
    expect(lifted.statusCode, lifted.body).toBe(200);
    expect(lifted.json()).toMatchObject({ status: 'lifted', version: 2 });
    const cleared = await t.request({ method: 'GET', url: `/v1/suppliers/${orgNumber}/status`, as: cast.umea.id });
    expect(cleared.json().status).toBe('clear');

    const versions = await t.request({ method: 'GET', url: `/v1/signals/${stop.json().id}/versions`, as: cast.adda.id });
    expect(versions.json().items.map((v: { change: string }) => v.change)).toEqual(['created', 'lifted']);
  });
});
