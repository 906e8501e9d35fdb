import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './helpers/app.ts';
import { callOffStop, cast, createSupplier, postSignal, seedCast } from './helpers/factories.ts';

/**
 * Issue 15, items 3 and 4: a stop and a termination say why; a deviation can be a tip
 * to one organisation, read by it, its issuer and auditors only; a stop names the
 * signals that led to it, each reader seeing only those it may read.
 */
let t: TestApp;
let supplier: string;
beforeAll(async () => {
  t = await startTestApp();
  await seedCast(t);
  supplier = await createSupplier(t);
});
afterAll(() => t.close());

const post = (as: string, payload: Record<string, unknown>) => t.request({ method: 'POST', url: '/v1/signals', as, payload });
const get = (url: string, as: string) => t.request({ method: 'GET', url, as });
const expectProblem = (res: { statusCode: number; headers: Record<string, unknown>; json(): { code: string } }, status: number, code: string) => {
  expect(res.statusCode).toBe(status);
  expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
  expect(res.json().code).toBe(code);
};
const stop = (extra: Record<string, unknown> = {}) => callOffStop(supplier, { summary: 'Avropsstopp i väntan på utredning.', ...extra });
const tip = (recipientOrgId: string, extra: Record<string, unknown> = {}) => ({
  type: 'deviation',
  supplierOrgNumber: supplier,
  severity: 'high',
  category: 'staffing',
  summary: 'Uppgifter om att nattbemanningen saknas flera nätter i veckan.',
  recipientOrgId,
  ...extra,
});
const countSignals = async () => (await t.database.pool.query('SELECT count(*)::int AS n FROM signals')).rows[0].n as number;

describe('grounds: why a stop or termination was made', () => {
  it('a stop carries its ground, a termination its kind and ground; both read back and filter', async () => {
    const byFinances = await postSignal(t, cast.sundsvall.id, stop({ ground: 'finances' }));
    expect(byFinances).toMatchObject({ ground: 'finances', terminationKind: null, relatedSignalIds: [], recipientOrgId: null });
    const rescission = await postSignal(t, cast.sundsvall.id, {
      type: 'termination',
      supplierOrgNumber: supplier,
      summary: 'Avtalet hävs efter väsentligt avtalsbrott.',
      terminationKind: 'rescission',
      ground: 'breach_of_contract',
    });
    const notice = await postSignal(t, cast.sundsvall.id, { type: 'termination', supplierOrgNumber: supplier, summary: 'Avtalet sägs upp.', terminationKind: 'notice', ground: 'quality' });
    // Recorded without a ground, as every integration did before: accepted, reads null.
    const unsaid = await postSignal(t, cast.sundsvall.id, stop());
    expect(unsaid.ground).toBeNull();

    const ids = async (query: string) =>
      ((await get(`/v1/signals?supplier=${supplier}&${query}`, cast.umea.id)).json().items as Array<{ id: string }>).map((s) => s.id).sort();
    expect(await ids('type=termination&terminationKind=rescission')).toEqual([rescission.id]);
    expect(await ids('terminationKind=notice')).toEqual([notice.id]);
    expect(await ids('ground=finances')).toEqual([byFinances.id]);
    expect(await ids('type=call_off_stop')).toEqual([byFinances.id, unsaid.id].sort());

    // The ground is versioned: an amendment records it, the history keeps the earlier one.
    const amended = await t.request({ method: 'PATCH', url: `/v1/signals/${unsaid.id}`, as: cast.sundsvall.id, payload: { reason: 'Skälet angivet.', ground: 'under_investigation' } });
    expect(amended.statusCode, amended.body).toBe(200);
    expect(amended.json().ground).toBe('under_investigation');
    const versions = (await get(`/v1/signals/${unsaid.id}/versions`, cast.umea.id)).json().items as Array<{ ground: string | null }>;
    expect(versions.map((v) => v.ground)).toEqual([null, 'under_investigation']);
  });

  it.each([
    ['a ground on a deviation', { type: 'deviation', severity: 'low', category: 'other', ground: 'quality' }, 422, 'signals.invalid'],
    ['a terminationKind on a stop', { type: 'call_off_stop', terminationKind: 'notice' }, 422, 'signals.invalid'],
    ['a category on a stop', { type: 'call_off_stop', category: 'finances' }, 422, 'signals.invalid'],
    ['an unknown ground', { type: 'call_off_stop', ground: 'weather' }, 400, 'input.invalid'],
    ['an unknown termination kind', { type: 'termination', terminationKind: 'hävning' }, 400, 'input.invalid'],
  ])('%s is refused, nothing written', async (_name, fields, status, code) => {
    const before = await countSignals();
    expectProblem(await post(cast.sundsvall.id, { supplierOrgNumber: supplier, summary: 'Prövning.', ...fields }), status, code);
    expect(await countSignals()).toBe(before);
  });
});

describe('tips: a deviation addressed to one organisation', () => {
  it('is read by its issuer, its recipient and auditors, and by no one else, on every route', async () => {
    const sent = await postSignal(t, cast.timra.id, tip(cast.adda.id));
    expect(sent).toMatchObject({ recipientOrgId: cast.adda.id, visibility: 'issuer_and_auditors' });

    for (const reader of [cast.timra.id, cast.adda.id, cast.revisor.id]) expect((await get(`/v1/signals/${sent.id}`, reader)).statusCode, reader).toBe(200);
    for (const reader of [cast.sundsvall.id, cast.umea.id, cast.kfv.id]) expectProblem(await get(`/v1/signals/${sent.id}`, reader), 404, 'signals.not_found');
    expect((await get(`/v1/signals/${sent.id}/versions`, cast.adda.id)).json().items).toHaveLength(1);
    expectProblem(await get(`/v1/signals/${sent.id}/versions`, cast.umea.id), 404, 'signals.not_found');

    // The recipient lists the tips addressed to it; another organisation asking the same finds none.
    const listed = (as: string) => get(`/v1/signals?recipient=${cast.adda.id}`, as).then((r) => (r.json().items as Array<{ id: string }>).map((s) => s.id));
    expect(await listed(cast.adda.id)).toContain(sent.id);
    expect(await listed(cast.umea.id)).not.toContain(sent.id);

    // The event feed follows the same rule.
    const feed = async (as: string) => ((await get('/v1/events?after=0&limit=1000', as)).json().items as Array<{ signalId?: string }>).some((e) => e.signalId === sent.id);
    expect(await feed(cast.adda.id)).toBe(true);
    expect(await feed(cast.revisor.id)).toBe(true);
    expect(await feed(cast.umea.id)).toBe(false);

    // The recipient's read of restricted data is logged, as any read of an issuer_and_auditors signal.
    const logged = await t.database.pool.query(`SELECT count(*)::int AS n FROM read_log WHERE org_id = $1 AND target_ids ? $2`, [cast.adda.id, sent.id]);
    expect(logged.rows[0].n).toBeGreaterThan(0);
  });

  it('counts in the status of those who may read it, and only theirs', async () => {
    const own = await createSupplier(t, cast.timra.id, 'Tipsgården AB');
    await postSignal(t, cast.timra.id, { ...tip(cast.adda.id), supplierOrgNumber: own });
    const status = async (as: string) => (await get(`/v1/suppliers/${own}/status`, as)).json().status as string;
    expect(await status(cast.adda.id)).toBe('caution');
    expect(await status(cast.timra.id)).toBe('caution');
    expect(await status(cast.umea.id)).toBe('clear');
  });

  it.each([
    ['addressed to itself', () => tip(cast.timra.id), 'signals.invalid_recipient'],
    ['addressed to an auditor', () => tip(cast.revisor.id), 'signals.invalid_recipient'],
    ['addressed to the operator', () => tip(t.config.OPERATOR_ORG_ID), 'signals.invalid_recipient'],
    ['addressed to an unknown organisation', () => tip('finns-inte'), 'signals.invalid_recipient'],
    ['a stop with a recipient', () => stop({ recipientOrgId: cast.adda.id }), 'signals.invalid'],
    ['a tip made public', () => tip(cast.adda.id, { visibility: 'members' }), 'signals.invalid'],
  ])('%s is refused with 422, nothing written', async (_name, payload, code) => {
    const before = await countSignals();
    expectProblem(await post(cast.timra.id, payload()), 422, code);
    expect(await countSignals()).toBe(before);
  });

  it('stays restricted: its visibility cannot be amended to members', async () => {
    const sent = await postSignal(t, cast.timra.id, tip(cast.adda.id));
    const res = await t.request({ method: 'PATCH', url: `/v1/signals/${sent.id}`, as: cast.timra.id, payload: { reason: 'Till alla.', visibility: 'members' } });
    expectProblem(res, 422, 'signals.invalid');
    expectProblem(await get(`/v1/signals/${sent.id}`, cast.umea.id), 404, 'signals.not_found');
  });

  it('a retracted tip disappears for its recipient too', async () => {
    const sent = await postSignal(t, cast.timra.id, tip(cast.adda.id));
    expect((await t.request({ method: 'POST', url: `/v1/signals/${sent.id}/retract`, as: cast.timra.id, payload: { reason: 'Fel leverantör.' } })).statusCode).toBe(200);
    expectProblem(await get(`/v1/signals/${sent.id}`, cast.adda.id), 404, 'signals.not_found');
    expect((await get(`/v1/signals/${sent.id}`, cast.revisor.id)).statusCode).toBe(200);
  });
});

describe('related signals: what led to a stop', () => {
  it('a stop names the tip that led to it; each reader sees only what it may read', async () => {
    const led = await postSignal(t, cast.timra.id, tip(cast.sundsvall.id));
    const open = await postSignal(t, cast.umea.id, { type: 'deviation', supplierOrgNumber: supplier, severity: 'medium', category: 'premises', summary: 'Brister i lokalerna.' });
    const decided = await postSignal(t, cast.sundsvall.id, stop({ ground: 'staffing', relatedSignalIds: [led.id, open.id] }));
    expect(decided.relatedSignalIds).toEqual([led.id, open.id]);

    const relatedAs = async (as: string) => (await get(`/v1/signals/${decided.id}`, as)).json().relatedSignalIds;
    expect(await relatedAs(cast.sundsvall.id)).toEqual([led.id, open.id]);
    expect(await relatedAs(cast.timra.id)).toEqual([led.id, open.id]);
    expect(await relatedAs(cast.revisor.id)).toEqual([led.id, open.id]);
    // A third municipality learns of the public deviation, not that a tip exists.
    expect(await relatedAs(cast.umea.id)).toEqual([open.id]);
    const listed = (await get(`/v1/signals?supplier=${supplier}&type=call_off_stop`, cast.umea.id)).json().items.find((s: { id: string }) => s.id === decided.id);
    expect(listed.relatedSignalIds).toEqual([open.id]);
    const versions = (await get(`/v1/signals/${decided.id}/versions`, cast.umea.id)).json().items;
    expect(versions[0].relatedSignalIds).toEqual([open.id]);

    // One payload goes to every subscriber: it names only what every member may read.
    const event = (await get('/v1/events?after=0&limit=1000', cast.sundsvall.id)).json().items.find((e: { signalId?: string }) => e.signalId === decided.id);
    expect(event.signal.relatedSignalIds).toEqual([open.id]);
  });

  it('names only signals its issuer may read, never itself, and only on stops and terminations', async () => {
    const hidden = await postSignal(t, cast.timra.id, tip(cast.adda.id));
    const before = await countSignals();
    expectProblem(await post(cast.umea.id, stop({ relatedSignalIds: [hidden.id] })), 422, 'signals.unknown_related_signal');
    expectProblem(await post(cast.umea.id, stop({ relatedSignalIds: ['01890000-0000-7000-8000-000000000000'] })), 422, 'signals.unknown_related_signal');
    expectProblem(
      await post(cast.umea.id, { type: 'deviation', supplierOrgNumber: supplier, severity: 'low', category: 'other', summary: 'x', relatedSignalIds: [hidden.id] }),
      422,
      'signals.invalid',
    );
    expect(await countSignals()).toBe(before);
    const own = await postSignal(t, cast.umea.id, stop());
    expectProblem(
      await t.request({ method: 'PATCH', url: `/v1/signals/${own.id}`, as: cast.umea.id, payload: { reason: 'Själv.', relatedSignalIds: [own.id] } }),
      422,
      'signals.invalid',
    );
  });
});
