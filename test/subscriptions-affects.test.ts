import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './helpers/app.ts';
import { cast, createSupplier, seedCast, subscribe } from './helpers/factories.ts';
import { receiverPool, verifyWebhook } from './helpers/receiver.ts';

let t: TestApp;
let orgNumber: string;
let addaAgreement: string;
const receivers = receiverPool();

beforeAll(async () => {
  t = await startTestApp({}, { workers: true });
  await seedCast(t);
  orgNumber = await createSupplier(t);
  const agreement = await t.request({
    method: 'POST',
    url: '/v1/agreements',
    as: cast.adda.id,
    payload: { name: 'HVB barn och unga 2026', category: 'hvb_children', validFrom: '2026-01-01' },
  });
  expect(agreement.statusCode, agreement.body).toBe(201);
  addaAgreement = agreement.json().id;
  const party = await t.request({ method: 'PUT', url: `/v1/agreements/${addaAgreement}/suppliers/${orgNumber}`, as: cast.adda.id });
  expect([200, 201], party.body).toContain(party.statusCode);
});
afterAll(async () => {
  await receivers.closeAll();
  await t.close();
});

const create = (as: string, filters: Record<string, unknown>) =>
  t.request({ method: 'POST', url: '/v1/subscriptions', as, payload: { url: 'http://127.0.0.1:9/hook', filters } });

describe('who may name whom in filters.affects', () => {
  it('refuses unknown organisation ids with 422 subscriptions.unknown_organisation', async () => {
    const res = await create(cast.kfv.id, { affects: { organisations: ['kfv', 'no-such-org'] } });
    expect(res.statusCode, res.body).toBe(422);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.json().code).toBe('subscriptions.unknown_organisation');
    expect(res.json().detail).toContain('no-such-org');
  });

  it('lets a municipality name only itself', async () => {
    expect((await create(cast.sundsvall.id, { affects: { organisations: ['sundsvall'] } })).statusCode).toBe(201);
    const other = await create(cast.sundsvall.id, { affects: { organisations: ['timra'] } });
    expect(other.statusCode, other.body).toBe(403);
    expect(other.json().code).toBe('subscriptions.affects_not_allowed');
    // Not its federation either: the federation's own placements are not Sundsvall's business.
    expect((await create(cast.sundsvall.id, { affects: { organisations: ['kfv'] } })).json().code).toBe('subscriptions.affects_not_allowed');
  });

  it('lets a federation name itself and its members, not an outsider', async () => {
    expect((await create(cast.kfv.id, { affects: { organisations: ['kfv', 'sundsvall', 'timra'] } })).statusCode).toBe(201);
    const outsider = await create(cast.kfv.id, { affects: { organisations: ['sundsvall', 'umea'] } });
    expect(outsider.statusCode).toBe(403);
    expect(outsider.json().detail).toContain('umea');
  });

  it('lets an auditor name anyone', async () => {
    expect((await create(cast.revisor.id, { affects: { organisations: ['umea', 'adda'] } })).statusCode).toBe(201);
  });

  it('checks a PATCH of the filters the same way', async () => {
    const created = await create(cast.timra.id, { affects: {} });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json().filters).toEqual({ affects: {} });
    const patch = await t.request({ method: 'PATCH', url: `/v1/subscriptions/${created.json().id}`, as: cast.timra.id, payload: { filters: { affects: { organisations: ['umea'] } } } });
    expect(patch.statusCode).toBe(403);
    expect(patch.json().code).toBe('subscriptions.affects_not_allowed');
  });

  it('refuses an empty list and unknown keys with 400 (omit organisations for the default set)', async () => {
    expect((await create(cast.kfv.id, { affects: { organisations: [] } })).statusCode).toBe(400);
    expect((await create(cast.kfv.id, { affects: { members: true } })).statusCode).toBe(400);
  });
});

describe('a federation subscribed by affects', () => {
  it('receives the purchasing centre’s, its own and a member’s stops, and not an outsider’s own pause', async () => {
    const receiver = await receivers.start();
    const sub = await subscribe(t, cast.kfv.id, receiver.url, { affects: {}, suppliers: [orgNumber] });
    // The README's old advice: by the members' kommunkoder. It misses both the purchasing centre and the federation.
    const byIssuer = await receivers.start();
    const issuerSub = await subscribe(t, cast.kfv.id, byIssuer.url, { municipalityCodes: ['2281', '2262'], suppliers: [orgNumber] });

    const post = async (as: string, payload: Record<string, unknown>) => {
      const res = await t.request({ method: 'POST', url: '/v1/signals', as, payload: { supplierOrgNumber: orgNumber, ...payload } });
      expect(res.statusCode, res.body).toBe(201);
      return res.json().id as string;
    };
    // Posted first, so by the time the later ones arrive it has been relayed as well.
    const outsiderPause = await post(cast.umea.id, { type: 'call_off_stop', summary: 'Avropspaus i Umeå.' });
    const addaStop = await post(cast.adda.id, { type: 'call_off_stop', agreementId: addaAgreement, summary: 'Avropsstopp på ramavtalet.' });
    const kfvStop = await post(cast.kfv.id, { type: 'call_off_stop', summary: 'Förbundets avropspaus.' });
    const memberPause = await post(cast.sundsvall.id, { type: 'call_off_stop', summary: 'Avropspaus i Sundsvall.' });

    await receiver.waitFor(3);
    await byIssuer.waitFor(1);
    const received = receiver.received.map((r) => verifyWebhook(sub.secret, r).data.signal.id);
    expect(received.sort()).toEqual([addaStop, kfvStop, memberPause].sort());
    expect(byIssuer.received.map((r) => verifyWebhook(issuerSub.secret, r).data.signal.id)).toEqual([memberPause]);

    // No delivery was ever made for the outsider's pause, not just a slow one.
    const log = await t.request({ method: 'GET', url: `/v1/subscriptions/${sub.id}/deliveries`, as: cast.kfv.id });
    expect(log.json().items).toHaveLength(3);
    expect(receiver.received.map((r) => verifyWebhook(sub.secret, r).data.signal.id)).not.toContain(outsiderPause);
  });
});
