import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './helpers/app.ts';
import { cast, createSupplier, newOrgNumber, seedCast } from './helpers/factories.ts';

/**
 * The answer as of a past moment (issue 14, item 2). A supplier goes through stops, lifts,
 * amendments (of content, visibility and period), retractions, a scheduled start, an
 * expiry and a deviation ageing out of the 12-month window, on the real clock. After each
 * change every asker's live answers — single (supplier, each unit) and batch — are
 * recorded with the `asOf` they carry; at the end each recorded moment is asked again with
 * `?asOf=`, by the asker itself and by the auditor on its behalf, and must answer the same.
 * On PostgreSQL run as the application's role, under the database's history guard
 * (migrations/0009); also on the embedded database (the pglite project), which has one role.
 */

let t: TestApp;
let agreement: string;
let supplier: string;
let unitA: string;
let unitB: string;
let other: string;
let registry: string;

beforeAll(async () => {
  t = await startTestApp(process.env.REGISTRY_TEST_DB === 'pglite' ? {} : { DATABASE_APP_ROLE: 'registry_app' });
  await seedCast(t);
  registry = t.config.OPERATOR_ORG_ID;
  const created = await t.request({
    method: 'POST',
    url: '/v1/agreements',
    as: cast.adda.id,
    payload: { name: 'HVB barn och unga 2026', category: 'hvb_children', validFrom: '2026-01-01' },
  });
  expect(created.statusCode, created.body).toBe(201);
  agreement = created.json().id;
  supplier = newOrgNumber();
  const registered = await t.request({ method: 'PUT', url: `/v1/suppliers/${supplier}`, as: cast.sundsvall.id, payload: { name: 'Tidslinjen Omsorg AB', units: [{ name: 'Hem A' }, { name: 'Hem B' }] } });
  expect(registered.statusCode, registered.body).toBe(201);
  [unitA, unitB] = registered.json().units.map((u: { id: string }) => u.id);
  other = await createSupplier(t, cast.umea.id, 'Bredvid Omsorg AB');
  for (const party of [supplier, other]) {
    const res = await t.request({ method: 'PUT', url: `/v1/agreements/${agreement}/suppliers/${party}`, as: cast.adda.id });
    expect([200, 201], res.body).toContain(res.statusCode);
  }
});
afterAll(async () => {
  await t?.close();
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const inMs = (ms: number) => new Date(Date.now() + ms).toISOString();
/** Twelve months back by the calendar, as the status rule's `interval '12 months'`, plus `ms`. */
const twelveMonthsAgoPlus = (ms: number) => {
  const d = new Date(Date.now() + ms);
  d.setUTCMonth(d.getUTCMonth() - 12);
  return d.toISOString();
};

const ok = async (as: string, method: 'GET' | 'POST' | 'PATCH' | 'PUT', url: string, payload?: object) => {
  const res = await t.request({ method, url, as, ...(payload ? { payload } : {}) });
  expect(res.statusCode, `${as} ${method} ${url}: ${res.body}`).toBeLessThan(300);
  return res.json();
};
const post = (as: string, payload: object) => ok(as, 'POST', '/v1/signals', { supplierOrgNumber: supplier, ...payload }) as Promise<{ id: string }>;

type Asker = 'adda' | 'kfv' | 'sundsvall' | 'timra' | 'umea' | 'revisor' | 'registry';
const ASKERS: Asker[] = ['adda', 'kfv', 'sundsvall', 'timra', 'umea', 'revisor', 'registry'];
const orgOf = (asker: Asker) => (asker === 'registry' ? registry : cast[asker].id);

interface Recorded {
  step: string;
  asker: Asker;
  /** The path and query the live answer was read with (without asOf). */
  url: string;
  answer: Record<string, unknown> & { asOf: string };
}
const recorded: Recorded[] = [];
const recordedBatches: Array<{ step: string; asker: Asker; answer: Record<string, unknown> & { asOf: string } }> = [];
const batchQuestions = () => [supplier, { orgNumber: supplier, unitId: unitA }, { orgNumber: supplier, unitId: unitB }, other];

/** Every asker's live answers now: the supplier as a whole, each unit, and a batch. */
async function record(step: string) {
  for (const asker of ASKERS) {
    for (const url of [`/v1/suppliers/${supplier}/status`, `/v1/suppliers/${supplier}/status?unitId=${unitA}`, `/v1/suppliers/${supplier}/status?unitId=${unitB}`]) {
      recorded.push({ step, asker, url, answer: await ok(orgOf(asker), 'GET', url) });
    }
    recordedBatches.push({ step, asker, answer: await ok(orgOf(asker), 'POST', '/v1/suppliers/status', { orgNumbers: batchQuestions() }) });
  }
}
const live = (step: string, asker: Asker, url = `/v1/suppliers/${supplier}/status`) => recorded.find((r) => r.step === step && r.asker === asker && r.url === url)!.answer;
const reasonIds = (answer: Record<string, unknown>) => (answer.reasons as Array<{ signalId: string }>).map((r) => r.signalId);

const withAsOf = (url: string, asOf: string, asOrganisation?: string) =>
  `${url}${url.includes('?') ? '&' : '?'}asOf=${encodeURIComponent(asOf)}${asOrganisation ? `&asOrganisation=${asOrganisation}` : ''}`;

describe('the answer as of a past moment', () => {
  // Signal ids, for the checks that the timeline did what it says.
  const ids: Record<string, string> = {};

  it('goes through a timeline of changes, recording every live answer', async () => {
    await record('nothing yet');

    // Adda's call-off stop blocks everyone.
    ids.stop = (await post(cast.adda.id, { type: 'call_off_stop', agreementId: agreement, summary: 'Avropsstopp i väntan på utredning.' })).id;
    await record('stop');

    // Sundsvall's own high deviation on Hem A, visible only to Sundsvall and auditors.
    ids.deviation = (await post(cast.sundsvall.id, { type: 'deviation', unitId: unitA, severity: 'high', category: 'staffing', summary: 'Bemanningsbrist nattetid.', visibility: 'issuer_and_auditors' })).id;
    // Umeå's own pause, starting in 2.5 s; KFV's termination, ending in 5 s; a critical deviation that leaves the 12-month window in 7 s.
    ids.pause = (await post(cast.umea.id, { type: 'call_off_stop', summary: 'Avropspaus från snart.', effectiveFrom: inMs(2_500) })).id;
    ids.termination = (await post(cast.kfv.id, { type: 'termination', summary: 'Uppsägning med kort löptid.', effectiveUntil: inMs(5_000) })).id;
    ids.ageing = (await post(cast.timra.id, { type: 'deviation', severity: 'critical', category: 'safety', summary: 'Brandlarm ur funktion.', effectiveFrom: twelveMonthsAgoPlus(7_000) })).id;
    await record('restricted deviation, scheduled pause, ending termination, ageing deviation');

    // The deviation made public and critical: now every member sees it.
    await ok(cast.sundsvall.id, 'PATCH', `/v1/signals/${ids.deviation}`, { reason: 'Bekräftad, delas med alla.', visibility: 'members', severity: 'critical' });
    await record('deviation public');

    await ok(cast.adda.id, 'POST', `/v1/signals/${ids.stop}/lift`, { reason: 'Utredningen klar.' });
    await record('stop lifted');

    // Sundsvall's own pause, then moved 2 s ahead: scheduled again until then.
    ids.ownPause = (await post(cast.sundsvall.id, { type: 'call_off_stop', summary: 'Egen avropspaus.' })).id;
    await record('own pause');
    await ok(cast.sundsvall.id, 'PATCH', `/v1/signals/${ids.ownPause}`, { reason: 'Gäller först från i morgon bitti.', effectiveFrom: inMs(2_000) });
    await record('own pause postponed');

    await expect.poll(async () => reasonIds(await ok(cast.umea.id, 'GET', `/v1/suppliers/${supplier}/status`)), { timeout: 10_000, interval: 200 }).toContain(ids.pause);
    await record('pause began, own pause began');

    // Back to issuer-only: the earlier public version stays what others were told then.
    await ok(cast.sundsvall.id, 'PATCH', `/v1/signals/${ids.deviation}`, { reason: 'Begränsas igen.', visibility: 'issuer_and_auditors' });
    await record('deviation restricted again');

    await expect.poll(async () => reasonIds(await ok(cast.kfv.id, 'GET', `/v1/suppliers/${supplier}/status`)), { timeout: 10_000, interval: 200 }).not.toContain(ids.termination);
    await record('termination expired');

    await ok(cast.umea.id, 'POST', `/v1/signals/${ids.pause}/retract`, { reason: 'Fel leverantör.' });
    await record('pause retracted');

    await expect.poll(async () => reasonIds(await ok(cast.timra.id, 'GET', `/v1/suppliers/${supplier}/status`)), { timeout: 15_000, interval: 200 }).not.toContain(ids.ageing);
    await record('ageing deviation out of the window');

    await ok(cast.sundsvall.id, 'POST', `/v1/signals/${ids.deviation}/retract`, { reason: 'Felregistrerad.' });
    await ok(cast.sundsvall.id, 'PATCH', `/v1/signals/${ids.ownPause}`, { reason: 'Avslutas.', effectiveUntil: inMs(300) });
    await sleep(600);
    await record('deviation retracted, own pause ended');

    // A subsidiary under Adda's stop: the supplier reads caution through the group link, until the link ends.
    ids.subsidiary = await createSupplier(t, cast.umea.id, 'Dotterbolaget Omsorg AB');
    await ok(cast.adda.id, 'PUT', `/v1/agreements/${agreement}/suppliers/${ids.subsidiary}`);
    ids.subsidiaryStop = (await ok(cast.adda.id, 'POST', '/v1/signals', { supplierOrgNumber: ids.subsidiary, type: 'call_off_stop', agreementId: agreement, summary: 'Avropsstopp för dotterbolaget.' })).id;
    await record('subsidiary stopped, not linked yet');
    ids.link = (await ok(cast.sundsvall.id, 'POST', '/v1/supplier-links', { kind: 'group', fromOrgNumber: supplier, toOrgNumber: ids.subsidiary, reason: 'Koncernen enligt årsredovisningen.' })).id;
    await record('linked to a stopped subsidiary');
    await ok(cast.sundsvall.id, 'POST', `/v1/supplier-links/${ids.link}/end`, { reason: 'Dotterbolaget såldes.' });
    await record('link ended');

    // A sister company under the stop, through two links (the parent's to each): the answer
    // counts it while both links are in force, and not once the sister's link has ended.
    ids.parent = await createSupplier(t, cast.umea.id, 'Moderbolaget Omsorg AB');
    for (const [child, reason] of [[supplier, 'Koncernen.'], [ids.subsidiary, 'Koncernen, syster.']] as const) {
      const link = (await ok(cast.sundsvall.id, 'POST', '/v1/supplier-links', { kind: 'group', fromOrgNumber: ids.parent, toOrgNumber: child, reason })).id;
      ids[child === supplier ? 'toSupplier' : 'toSister'] = link;
    }
    await record('sister under a stop');
    await ok(cast.sundsvall.id, 'POST', `/v1/supplier-links/${ids.toSister}/end`, { reason: 'Systerbolaget såldes.' });
    await record('sister link ended');
  }, 120_000);

  it('recorded a timeline that changes the answers (so the comparison below means something)', () => {
    expect(live('nothing yet', 'umea')).toMatchObject({ status: 'clear', reasons: [] });
    expect(live('stop', 'umea')).toMatchObject({ status: 'blocked', reasons: [{ signalId: ids.stop, effect: 'blocked', signalVersion: 1 }] });
    // Issuer-only: Sundsvall and the auditor see the deviation, Umeå does not.
    const restricted = 'restricted deviation, scheduled pause, ending termination, ageing deviation';
    expect(reasonIds(live(restricted, 'sundsvall'))).toContain(ids.deviation);
    expect(reasonIds(live(restricted, 'revisor'))).toContain(ids.deviation);
    expect(reasonIds(live(restricted, 'umea'))).not.toContain(ids.deviation);
    expect(reasonIds(live(restricted, 'umea'))).not.toContain(ids.pause);
    expect(reasonIds(live(restricted, 'timra'))).toEqual(expect.arrayContaining([ids.termination, ids.ageing]));
    expect(reasonIds(live('deviation public', 'umea'))).toContain(ids.deviation);
    expect(live('deviation public', 'sundsvall').reasons).toContainEqual(expect.objectContaining({ signalId: ids.deviation, signalVersion: 2, severity: 'critical' }));
    expect(live('stop lifted', 'adda').status).not.toBe('blocked');
    expect(live('own pause', 'sundsvall').status).toBe('blocked');
    expect(reasonIds(live('own pause postponed', 'sundsvall'))).not.toContain(ids.ownPause);
    expect(live('pause began, own pause began', 'umea').status).toBe('blocked');
    expect(reasonIds(live('deviation restricted again', 'umea'))).not.toContain(ids.deviation);
    expect(reasonIds(live('deviation restricted again', 'sundsvall'))).toContain(ids.deviation);
    expect(reasonIds(live('pause retracted', 'umea'))).not.toContain(ids.pause);
    expect(live('deviation retracted, own pause ended', 'sundsvall')).toMatchObject({ status: 'clear', reasons: [] });
    expect(live('subsidiary stopped, not linked yet', 'umea')).toMatchObject({ status: 'clear', reasons: [] });
    expect(live('linked to a stopped subsidiary', 'umea')).toMatchObject({
      status: 'caution',
      reasons: [expect.objectContaining({ signalId: ids.subsidiaryStop, linkedThrough: { linkIds: [ids.link], kind: 'group', relation: 'subsidiary', orgNumber: ids.subsidiary } })],
    });
    expect(live('link ended', 'umea')).toMatchObject({ status: 'clear', reasons: [] });
    expect(live('sister under a stop', 'umea')).toMatchObject({
      status: 'caution',
      reasons: [expect.objectContaining({ signalId: ids.subsidiaryStop, linkedThrough: { linkIds: [ids.toSupplier, ids.toSister], kind: 'group', relation: 'sister', orgNumber: ids.subsidiary } })],
    });
    expect(live('sister link ended', 'umea')).toMatchObject({ status: 'clear', reasons: [] });
  });

  it('answers every recorded moment as the live read did, asked by the organisation itself', async () => {
    for (const r of recorded) {
      const res = await t.request({ method: 'GET', url: withAsOf(r.url, r.answer.asOf), as: orgOf(r.asker) });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.headers['cache-control']).toBe('no-store');
      expect(res.json(), `${r.step}, ${r.asker}, ${r.url}`).toEqual({ ...r.answer, asOrganisation: orgOf(r.asker) });
    }
  });

  it('answers every recorded moment as the live read did, asked by an auditor on the organisation’s behalf', async () => {
    for (const r of recorded) {
      const res = await t.request({ method: 'GET', url: withAsOf(r.url, r.answer.asOf, orgOf(r.asker)), as: cast.revisor.id });
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json(), `${r.step}, ${r.asker}, ${r.url}`).toEqual({ ...r.answer, asOrganisation: orgOf(r.asker) });
    }
  });

  it('answers every recorded batch as the live batch did', async () => {
    for (const r of recordedBatches) {
      const mine = await ok(orgOf(r.asker), 'POST', '/v1/suppliers/status', { orgNumbers: batchQuestions(), asOf: r.answer.asOf });
      expect(mine, `${r.step}, ${r.asker}`).toEqual({ ...r.answer, asOrganisation: orgOf(r.asker) });
      const audited = await ok(cast.revisor.id, 'POST', '/v1/suppliers/status', { orgNumbers: batchQuestions(), asOf: r.answer.asOf, asOrganisation: orgOf(r.asker) });
      expect(audited, `${r.step}, ${r.asker} (auditor)`).toEqual({ ...r.answer, asOrganisation: orgOf(r.asker) });
    }
  });

  it('answers a moment between two recorded ones as the earlier one, and a moment before the supplier was registered 404', async () => {
    const before = live('stop', 'umea');
    const after = live('restricted deviation, scheduled pause, ending termination, ageing deviation', 'umea');
    const between = new Date((Date.parse(before.asOf) + Date.parse(after.asOf)) / 2);
    // The stop was in force from before `before` until its lift, well after `after`.
    const answer = await ok(cast.umea.id, 'GET', withAsOf(`/v1/suppliers/${supplier}/status`, between.toISOString()));
    expect(reasonIds(answer)).toContain(ids.stop);

    const registered = (await ok(cast.umea.id, 'GET', `/v1/suppliers/${supplier}`)).createdAt as string;
    const early = await t.request({ method: 'GET', url: withAsOf(`/v1/suppliers/${supplier}/status`, new Date(Date.parse(registered) - 1).toISOString()), as: cast.umea.id });
    expect(early.statusCode, early.body).toBe(404);
    expect(early.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(early.json().code).toBe('suppliers.not_found');
    const batch = await ok(cast.umea.id, 'POST', '/v1/suppliers/status', { orgNumbers: [supplier], asOf: new Date(Date.parse(registered) - 1).toISOString() });
    expect(batch.results).toEqual([expect.objectContaining({ registered: false, status: 'unknown' })]);
  });

  it('logs a read of an issuer-only signal in an as-of answer under the one who asked, as the live read does', async () => {
    const restricted = live('restricted deviation, scheduled pause, ending termination, ageing deviation', 'sundsvall');
    const readsOf = async (res: { headers: Record<string, unknown> }) =>
      (await t.database.pool.query('SELECT org_id, action, target_ids FROM read_log WHERE request_id = $1', [res.headers['x-request-id']])).rows.map((r) => [r.org_id, r.action, r.target_ids]);
    const ask = (as: string, asOrganisation?: string) => t.request({ method: 'GET', url: withAsOf(`/v1/suppliers/${supplier}/status`, restricted.asOf, asOrganisation), as });
    expect(await readsOf(await ask(cast.revisor.id, cast.sundsvall.id))).toEqual([['revisor', 'signal.read_restricted', [ids.deviation]]]);
    expect(await readsOf(await ask(cast.sundsvall.id))).toEqual([['sundsvall', 'signal.read_restricted', [ids.deviation]]]);
    // Umeå was not shown it then, so nothing restricted was read.
    expect(await readsOf(await ask(cast.revisor.id, cast.umea.id))).toEqual([]);
  });
});

describe('who may ask as of a past moment', () => {
  const url = () => `/v1/suppliers/${supplier}/status`;
  const asOf = () => new Date(Date.now() - 1_000).toISOString();
  const problem = async (as: string, path: string, status: number, code: string, method: 'GET' | 'POST' = 'GET', payload?: object) => {
    const res = await t.request({ method, url: path, as, ...(payload ? { payload } : {}) });
    expect(res.statusCode, res.body).toBe(status);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.json().code).toBe(code);
    return res.json();
  };

  it('lets an auditor ask for any organisation, and every organisation for itself', async () => {
    for (const org of [cast.sundsvall.id, cast.adda.id, registry]) {
      expect((await ok(cast.revisor.id, 'GET', withAsOf(url(), asOf(), org))).asOrganisation).toBe(org);
      expect((await ok(org, 'GET', withAsOf(url(), asOf(), org))).asOrganisation).toBe(org);
      expect((await ok(org, 'GET', withAsOf(url(), asOf()))).asOrganisation).toBe(org);
    }
  });

  it('refuses any other organisation naming another organisation: 403, single and batch', async () => {
    for (const [as, target] of [
      [cast.umea.id, cast.sundsvall.id],
      [cast.kfv.id, cast.sundsvall.id], // not even a federation for its member
      [cast.sundsvall.id, cast.revisor.id],
      [registry, cast.sundsvall.id], // the operator reads no one's restricted view
      [cast.sundsvall.id, 'no-such-org'], // nor learns which organisations exist
    ] as const) {
      await problem(as, withAsOf(url(), asOf(), target), 403, 'status.as_organisation_forbidden');
      await problem(as, '/v1/suppliers/status', 403, 'status.as_organisation_forbidden', 'POST', { orgNumbers: [supplier], asOf: asOf(), asOrganisation: target });
    }
  });

  it('answers an unknown organisation 422 to an auditor, an unknown supplier 404, a unit registered later 422', async () => {
    await problem(cast.revisor.id, withAsOf(url(), asOf(), 'no-such-org'), 422, 'status.unknown_organisation');
    await problem(cast.umea.id, withAsOf(`/v1/suppliers/${newOrgNumber()}/status`, asOf()), 404, 'suppliers.not_found');
    const moment = new Date().toISOString();
    await sleep(5);
    const grown = await ok(cast.sundsvall.id, 'PUT', `/v1/suppliers/${supplier}`, { name: 'Tidslinjen Omsorg AB', reason: 'Nytt hem.', units: [{ name: 'Hem C' }] });
    const unitC = grown.units.find((u: { name: string }) => u.name === 'Hem C').id as string;
    await problem(cast.umea.id, withAsOf(`${url()}?unitId=${unitC}`, moment), 422, 'suppliers.unit_not_found');
    expect((await ok(cast.umea.id, 'GET', `${url()}?unitId=${unitC}`)).unitId).toBe(unitC);
    // Another supplier's unit, as in the live read.
    await problem(cast.umea.id, withAsOf(`/v1/suppliers/${other}/status?unitId=${unitA}`, asOf()), 422, 'suppliers.unit_not_found');
  });

  it('refuses asOrganisation without asOf, and an asOf ahead of the registry’s clock', async () => {
    await problem(cast.revisor.id, `${url()}?asOrganisation=${cast.sundsvall.id}`, 400, 'status.as_organisation_without_as_of');
    await problem(cast.revisor.id, '/v1/suppliers/status', 400, 'status.as_organisation_without_as_of', 'POST', { orgNumbers: [supplier], asOrganisation: cast.sundsvall.id });
    const future = new Date(Date.now() + 60_000).toISOString();
    await problem(cast.umea.id, withAsOf(url(), future), 422, 'status.as_of_in_future');
    await problem(cast.revisor.id, withAsOf(url(), future, cast.umea.id), 422, 'status.as_of_in_future');
    await problem(cast.umea.id, '/v1/suppliers/status', 422, 'status.as_of_in_future', 'POST', { orgNumbers: [supplier], asOf: future });
  });

  it('refuses a malformed asOf or asOrganisation with 400 problem+json', async () => {
    for (const bad of ['yesterday', '2026-12-01', '2026-12-01T10:00:00', '2026-13-01T00:00:00Z', '0000-01-01T00:00:00Z', '2026-12-01T10:00:00 01:00', '']) {
      const body = await problem(cast.umea.id, `${url()}?asOf=${encodeURIComponent(bad)}`, 400, 'input.invalid');
      expect(body.errors, bad).toEqual(expect.arrayContaining([expect.objectContaining({ path: 'querystring.asOf' })]));
      await problem(cast.umea.id, '/v1/suppliers/status', 400, 'input.invalid', 'POST', { orgNumbers: [supplier], asOf: bad });
    }
    await problem(cast.umea.id, '/v1/suppliers/status', 400, 'input.invalid', 'POST', { orgNumbers: [supplier], asOf: 1_700_000_000_000 });
    for (const bad of ['Sundsvall!', 'x', "sundsvall' OR 1=1"]) {
      await problem(cast.revisor.id, withAsOf(url(), asOf(), encodeURIComponent(bad)), 400, 'input.invalid');
    }
  });

  it('asks for a token and the registry:read scope', async () => {
    const anonymous = await t.app.inject({ method: 'GET', url: withAsOf(url(), asOf()) });
    expect(anonymous.statusCode).toBe(401);
    const res = await t.request({ method: 'GET', url: withAsOf(url(), asOf()), as: cast.umea.id, scope: 'signals:write' });
    expect(res.statusCode, res.body).toBe(403);
  });
});
