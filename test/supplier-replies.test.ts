import { beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from './helpers/app.ts';
import { deliveryTestApp } from './helpers/delivery-app.ts';
import { cast, createAgreement, createSupplier, newOrgNumber, personnummer, subscribe } from './helpers/factories.ts';
import { verifyWebhook } from './helpers/receiver.ts';

/**
 * The supplier's reply (issue 15, item 1): the operator links a supplier organisation to
 * the organisation numbers it answers for; it reads the members-visible signals about them
 * and nothing else, and replies — versioned, checked for personal data, optionally
 * disputing. The reply travels with the signal: reads, status reasons (live and as of a
 * past moment), the supplier's history and a `signal.replied` event. The adversaries: a
 * supplier reaching for a restricted signal, a retracted one or another supplier's; a
 * member replying in the supplier's name; a personnummer in the reply; a representation
 * ended while its tokens live.
 */

const OPERATOR = 'registry';
const VARD = 'vardhemmet';
const OTHER = 'annat-bolag';
let t: TestApp;
let own: string;
let other: string;
let addaAgreement: string;
const receivers = deliveryTestApp((app) => (t = app));

const call = async (as: string, method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, payload?: object, expected = method === 'GET' ? 200 : 201) => {
  const res = await t.request({ method, url, as, ...(payload ? { payload } : {}) });
  expect(res.statusCode, `${method} ${url}: ${res.body}`).toBe(expected);
  return res.json();
};
const post = (as: string, payload: Record<string, unknown>) =>
  call(as, 'POST', '/v1/signals', { severity: 'high', category: 'staffing', summary: 'Bemanningen understeg avtalad nivå.', ...payload });
const reply = (as: string, signalId: string, payload: Record<string, unknown>) => t.request({ method: 'POST', url: `/v1/signals/${signalId}/replies`, as, payload });
const represent = (supplierOrgId: string, orgNumber: string) =>
  call(OPERATOR, 'POST', `/v1/organisations/${supplierOrgId}/represented-numbers`, { orgNumber, reason: 'Firmatecknare kontrollerad mot Bolagsverket.' });

beforeAll(async () => {
  own = await createSupplier(t, cast.sundsvall.id, 'Vårdhemmet Björken AB');
  other = await createSupplier(t, cast.sundsvall.id, 'Grannens Omsorg AB');
  addaAgreement = await createAgreement(t, cast.adda.id);
  await call(cast.adda.id, 'PUT', `/v1/agreements/${addaAgreement}/suppliers/${own}`);
  for (const [id, name] of [
    [VARD, 'Vårdhemmet Björken AB (leverantör)'],
    [OTHER, 'Grannens Omsorg AB (leverantör)'],
  ] as const) {
    await call(OPERATOR, 'POST', '/v1/organisations', { id, kind: 'supplier', name });
  }
  await represent(VARD, own);
  await represent(OTHER, other);
});

describe('what a supplier organisation reads', () => {
  it('the members-visible signals about its own numbers; never a restricted one, a tip, a retracted one or another supplier’s', async () => {
    const visible = await post(cast.sundsvall.id, { type: 'deviation', supplierOrgNumber: own });
    const restricted = await post(cast.sundsvall.id, { type: 'deviation', supplierOrgNumber: own, visibility: 'issuer_and_auditors' });
    const tip = await post(cast.umea.id, { type: 'deviation', supplierOrgNumber: own, recipientOrgId: cast.adda.id });
    const retracted = await post(cast.timra.id, { type: 'deviation', supplierOrgNumber: own });
    await call(cast.timra.id, 'POST', `/v1/signals/${retracted.id}/retract`, { reason: 'Fel leverantör.' }, 200);
    const neighbours = await post(cast.sundsvall.id, { type: 'deviation', supplierOrgNumber: other });

    const listed = (await call(VARD, 'GET', '/v1/signals?limit=200')).items.map((s: { id: string }) => s.id);
    expect(listed).toContain(visible.id);
    for (const hidden of [restricted.id, tip.id, retracted.id, neighbours.id]) expect(listed).not.toContain(hidden);
    expect((await call(VARD, 'GET', `/v1/signals?supplier=${other}`)).items).toEqual([]);
    for (const hidden of [restricted.id, tip.id, retracted.id, neighbours.id]) {
      for (const url of [`/v1/signals/${hidden}`, `/v1/signals/${hidden}/versions`, `/v1/signals/${hidden}/replies`]) {
        const res = await t.request({ method: 'GET', url, as: VARD });
        expect(res.statusCode, url).toBe(404);
        expect(res.json().code).toBe('signals.not_found');
      }
    }
    await call(VARD, 'GET', `/v1/signals/${visible.id}/versions`);
    // Its own supplier record, not the neighbour's; and no status, no feed, no reach (who else would hear).
    expect((await call(VARD, 'GET', `/v1/suppliers/${own}`)).orgNumber).toBe(own);
    expect((await t.request({ method: 'GET', url: `/v1/suppliers/${other}`, as: VARD })).json().code).toBe('suppliers.not_represented');
    for (const url of [`/v1/suppliers/${own}/status`, '/v1/events', `/v1/signals/${visible.id}/reach`, '/v1/follow-ups', '/v1/suppliers?q=Björken']) {
      const res = await t.request({ method: 'GET', url, as: VARD });
      expect(res.statusCode, url).toBe(403);
      expect(res.json().code).toBe('auth.forbidden');
    }
  });

  it('counts only what it reads', async () => {
    const counts = await call(VARD, 'GET', '/v1/signals/counts');
    const listed = (await call(VARD, 'GET', '/v1/signals?limit=200')).items;
    expect(counts.total).toBe(listed.length);
  });
});

describe('a reply', () => {
  it('is versioned, travels with the signal in reads, status reasons, history and a signal.replied event, and changes no status', async () => {
    const receiver = await receivers.start();
    const sub = await subscribe(t, cast.umea.id, receiver.url, { suppliers: [own] });
    const stop = await call(cast.adda.id, 'POST', '/v1/signals', { type: 'call_off_stop', supplierOrgNumber: own, agreementId: addaAgreement, summary: 'Avropsstopp i väntan på utredning.' });
    await receiver.waitFor(1);
    const before = await call(cast.umea.id, 'GET', `/v1/suppliers/${own}/status`);
    expect(before.status).toBe('blocked');
    expect(before.reasons.find((r: { signalId: string }) => r.signalId === stop.id).reply).toBeNull();
    const beforeReply = before.asOf as string;

    const first = await reply(VARD, stop.id, { text: 'Vi har anställt två nya behandlingsassistenter.' });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.headers.location).toBe(`/v1/signals/${stop.id}/replies`);
    expect(first.json()).toMatchObject({ version: 1, supplierOrgId: VARD, disputed: false, text: 'Vi har anställt två nya behandlingsassistenter.' });
    const between = (await call(cast.umea.id, 'GET', `/v1/suppliers/${own}/status`)).asOf as string;
    const second = await reply(VARD, stop.id, { text: 'Vi bestrider att bemanningen understeg avtalet.', disputed: true });
    expect(second.json()).toMatchObject({ version: 2, disputed: true });

    // Reads: the reply in force, for every reader of the signal.
    for (const as of [cast.umea.id, cast.adda.id, cast.revisor.id, VARD]) {
      expect((await call(as, 'GET', `/v1/signals/${stop.id}`)).reply, as).toMatchObject({ version: 2, supplierOrgId: VARD, disputed: true, text: 'Vi bestrider att bemanningen understeg avtalet.' });
    }
    const listedReply = (await call(cast.umea.id, 'GET', `/v1/signals?supplier=${own}`)).items.find((s: { id: string }) => s.id === stop.id).reply;
    expect(listedReply).toMatchObject({ version: 2 });
    expect((await call(cast.umea.id, 'GET', `/v1/signals/${stop.id}/replies`)).items.map((r: { version: number; disputed: boolean }) => [r.version, r.disputed])).toEqual([
      [1, false],
      [2, true],
    ]);
    // The signal is unchanged: no new version, same status.
    expect((await call(cast.umea.id, 'GET', `/v1/signals/${stop.id}`)).version).toBe(1);
    const after = await call(cast.umea.id, 'GET', `/v1/suppliers/${own}/status`);
    expect(after.status).toBe('blocked');
    expect(after.reasons.find((r: { signalId: string }) => r.signalId === stop.id).reply).toMatchObject({ version: 2, disputed: true });
    const batch = await call(cast.umea.id, 'POST', '/v1/suppliers/status', { orgNumbers: [own] }, 200);
    expect(batch.results[0].reasons.find((r: { signalId: string }) => r.signalId === stop.id).reply).toMatchObject({ version: 2 });

    // A receipt signs the answer with the reply in it, and still verifies.
    const asked = await call(cast.umea.id, 'GET', `/v1/suppliers/${own}/status?receipt=true&purpose=placement`);
    const signedReason = asked.receipt.receipt.answer.reasons.find((r: { signalId: string }) => r.signalId === stop.id);
    expect(signedReason.reply).toMatchObject({ version: 2, disputed: true, supplierOrgId: VARD, text: 'Vi bestrider att bemanningen understeg avtalet.' });
    expect(await call(cast.umea.id, 'POST', '/v1/receipts/verify', asked.receipt, 200)).toMatchObject({ valid: true });

    // As of a past moment: the reply in force then.
    const asOf = async (moment: string) =>
      (await call(cast.umea.id, 'GET', `/v1/suppliers/${own}/status?asOf=${encodeURIComponent(moment)}`)).reasons.find((r: { signalId: string }) => r.signalId === stop.id).reply;
    expect(await asOf(beforeReply)).toBeNull();
    expect(await asOf(between)).toMatchObject({ version: 1, disputed: false });

    // History: every version with the client that made it.
    const history = await call(cast.revisor.id, 'GET', `/v1/suppliers/${own}/history`);
    const entry = history.signals.find((s: { signal: { id: string } }) => s.signal.id === stop.id);
    expect(entry.replies.map((r: { version: number; actorSub: string }) => [r.version, r.actorSub])).toEqual([
      [1, `${VARD}-client`],
      [2, `${VARD}-client`],
    ]);

    // Events: signal.replied, carrying the reply, to the subscriber that may read the signal.
    await receiver.waitFor(3);
    const bodies = receiver.received.map((r) => verifyWebhook(sub.secret, r));
    expect(bodies.map((b) => b.type)).toEqual(['signal.created', 'signal.replied', 'signal.replied']);
    expect(bodies[2]!.data).toMatchObject({ signalId: stop.id, signalVersion: 1, signal: { id: stop.id, reply: { version: 2, disputed: true, supplierOrgId: VARD } } });
    const audited = await t.database.pool.query(`SELECT action FROM audit_log WHERE target_type = 'signal' AND target_id = $1 ORDER BY position`, [stop.id]);
    expect(audited.rows.map((r) => r.action)).toEqual(['signal.created', 'signal.replied', 'signal.replied']);

    // An amendment's event carries the reply in force too.
    await call(cast.adda.id, 'PATCH', `/v1/signals/${stop.id}`, { reason: 'Förtydligat.', summary: 'Avropsstopp i väntan på IVO:s utredning.' }, 200);
    await receiver.waitFor(4);
    expect(verifyWebhook(sub.secret, receiver.received[3]!).data.signal.reply).toMatchObject({ version: 2 });
  });

  it('is refused with a personnummer in it and writes nothing', async () => {
    const signal = await post(cast.sundsvall.id, { type: 'deviation', supplierOrgNumber: own });
    const pnr = personnummer('100101');
    // Written the way people write it: hyphen, none, a space, an en dash, twelve digits, a non-breaking space.
    for (const written of [pnr, pnr.replace('-', ''), pnr.replace('-', ' '), pnr.replace('-', '\u2013'), `20${pnr}`, pnr.replace('-', '\u00a0')]) {
      const text = `Gäller boende ${written}.`;
      const res = await reply(VARD, signal.id, { text });
      expect(res.statusCode, res.body).toBe(422);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().code).toBe('input.personal_data');
    }
    for (const payload of [{}, { text: '' }, { text: 'ok', disputed: 'ja' }, { text: 'ok', extra: 1 }, { text: 'x'.repeat(4001) }]) {
      const res = await reply(VARD, signal.id, payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
    }
    expect((await call(VARD, 'GET', `/v1/signals/${signal.id}/replies`)).items).toEqual([]);
  });

  it('is written by the supplier organisation only, and only on what it reads', async () => {
    const signal = await post(cast.sundsvall.id, { type: 'deviation', supplierOrgNumber: own });
    for (const as of [cast.sundsvall.id, cast.adda.id, cast.revisor.id]) {
      const res = await reply(as, signal.id, { text: 'Vi svarar åt leverantören.' });
      expect(res.statusCode, as).toBe(403);
      expect(res.json().code).toBe('auth.forbidden');
    }
    // Another supplier organisation: the signal is not about its numbers.
    expect((await reply(OTHER, signal.id, { text: 'Inte vårt.' })).statusCode).toBe(404);
    // A supplier cannot be addressed a tip (it reads no restricted signal).
    const tip = await t.request({
      method: 'POST',
      url: '/v1/signals',
      as: cast.umea.id,
      payload: { type: 'deviation', supplierOrgNumber: own, severity: 'low', category: 'other', summary: 'Tips.', recipientOrgId: VARD },
    });
    expect(tip.statusCode).toBe(422);
    expect(tip.json().code).toBe('signals.invalid_recipient');
    expect((await call(VARD, 'GET', `/v1/signals/${signal.id}/replies`)).items).toEqual([]);
  });
});

describe('representation', () => {
  it('ends from the next request on: the supplier then reads nothing of the number and cannot reply; its replies stay', async () => {
    const number = await createSupplier(t, cast.sundsvall.id, 'Tillfälliga Hemmet AB');
    await represent(VARD, number);
    const signal = await post(cast.sundsvall.id, { type: 'deviation', supplierOrgNumber: number });
    expect((await reply(VARD, signal.id, { text: 'Åtgärdat.' })).statusCode).toBe(201);
    const taken = await t.request({ method: 'POST', url: `/v1/organisations/${OTHER}/represented-numbers`, as: OPERATOR, payload: { orgNumber: number, reason: 'Försök.' } });
    expect(taken.statusCode).toBe(409);
    expect(taken.json().code).toBe('representations.taken');

    const ended = await call(OPERATOR, 'POST', `/v1/organisations/${VARD}/represented-numbers/${number}/end`, { reason: 'Verksamheten såld.' }, 200);
    expect(ended).toMatchObject({ orgNumber: number, endReason: 'Verksamheten såld.', endedAt: expect.any(String) });
    expect((await t.request({ method: 'GET', url: `/v1/signals/${signal.id}`, as: VARD })).statusCode).toBe(404);
    expect((await reply(VARD, signal.id, { text: 'Igen.' })).statusCode).toBe(404);
    expect((await call(cast.umea.id, 'GET', `/v1/signals/${signal.id}`)).reply).toMatchObject({ version: 1, supplierOrgId: VARD });
    const listed = (await call(VARD, 'GET', `/v1/organisations/${VARD}/represented-numbers`)).items;
    expect(listed.map((r: { orgNumber: string; endedAt: string | null }) => [r.orgNumber, r.endedAt === null])).toEqual([
      [own, true],
      [number, false],
    ]);
    // The next organisation may take the number over.
    await represent(OTHER, number);
    const refused = await t.request({ method: 'GET', url: `/v1/organisations/${VARD}/represented-numbers`, as: OTHER });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('representations.not_yours');
  });

  it('needs a supplier organisation and a registered number', async () => {
    const notSupplier = await t.request({ method: 'POST', url: `/v1/organisations/${cast.umea.id}/represented-numbers`, as: OPERATOR, payload: { orgNumber: own, reason: 'Fel.' } });
    expect([notSupplier.statusCode, notSupplier.json().code]).toEqual([422, 'representations.not_a_supplier']);
    const unknown = await t.request({ method: 'POST', url: `/v1/organisations/${VARD}/represented-numbers`, as: OPERATOR, payload: { orgNumber: newOrgNumber(), reason: 'Okänd.' } });
    expect([unknown.statusCode, unknown.json().code]).toEqual([422, 'representations.unknown_supplier']);
    const missing = await t.request({ method: 'POST', url: '/v1/organisations/finns-inte/represented-numbers', as: OPERATOR, payload: { orgNumber: own, reason: 'Okänd.' } });
    expect([missing.statusCode, missing.json().code]).toEqual([404, 'organisations.not_found']);
    const audited = await t.database.pool.query(`SELECT action FROM audit_log WHERE target_type = 'organisation' AND target_id = $1 ORDER BY position`, [VARD]);
    expect(audited.rows.map((r) => r.action)).toEqual(expect.arrayContaining(['organisation.created', 'supplier.represented', 'supplier.representation_ended']));
  });
});
