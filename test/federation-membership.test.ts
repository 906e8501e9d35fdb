import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './helpers/app.ts';
import { cast, createSupplier, personnummer, seedCast, subscribe } from './helpers/factories.ts';
import { receiverPool, verifyWebhook } from './helpers/receiver.ts';

/**
 * Federation membership changed by the operator, with history (issue 15, item 7). The
 * operator joins, moves and takes municipalities out of federations; the history keeps
 * every period; the rules that read "the caller's federation" — status, the as-of status,
 * the affects filter of subscriptions and reach — follow the change from the next request.
 * The adversaries: a municipality changing its own membership, a federation reading
 * another's members, organisations outside a municipality's history reading it, and bad input.
 * Run as the application's role, under the history guard of migrations/0021.
 */

const OPERATOR = 'registry';
let t: TestApp;
const receivers = receiverPool();

// Beside the standard cast (kfv with sundsvall and timra, umea outside): a second
// federation, a third one no municipality ever joins, and two more kfv members.
const botnia = { id: 'botnia', kind: 'federation', name: 'Botniaförbundet (test)' };
const fjarran = { id: 'fjarran', kind: 'federation', name: 'Fjärranförbundet (test)' };
const harnosand = { id: 'harnosand', kind: 'municipality', name: 'Härnösands kommun (test)', municipalityCode: '2280', federationId: 'kfv' };
const kramfors = { id: 'kramfors', kind: 'municipality', name: 'Kramfors kommun (test)', municipalityCode: '2282', federationId: 'kfv' };

beforeAll(async () => {
  t = await startTestApp({ DATABASE_APP_ROLE: 'registry_app' }, { workers: true });
  await seedCast(t);
  for (const org of [botnia, fjarran, harnosand, kramfors]) {
    const res = await t.request({ method: 'POST', url: '/v1/organisations', as: OPERATOR, payload: org });
    expect(res.statusCode, res.body).toBe(201);
  }
});
afterAll(async () => {
  await receivers.closeAll();
  await t?.close();
});

const change = (id: string, federationId: string | null, as = OPERATOR, reason = 'Beslut i kommunfullmäktige.', scope?: string) =>
  t.request({ method: 'POST', url: `/v1/organisations/${id}/federation`, as, ...(scope ? { scope } : {}), payload: { federationId, reason } });
async function changed(id: string, federationId: string | null, reason?: string) {
  const res = await change(id, federationId, OPERATOR, reason);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}
const historyOf = (id: string, as: string = OPERATOR) => t.request({ method: 'GET', url: `/v1/organisations/${id}/federation-history`, as });
const membersOf = (id: string, as: string = OPERATOR) => t.request({ method: 'GET', url: `/v1/organisations/${id}/members`, as });
const memberIds = async (id: string) => {
  const res = await membersOf(id);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().items.map((m: { municipalityId: string }) => m.municipalityId);
};
function expectProblem(res: Awaited<ReturnType<TestApp['request']>>, status: number, code: string) {
  expect(res.statusCode, res.body).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(res.json().code).toBe(code);
}
async function signal(as: string, payload: Record<string, unknown>): Promise<string> {
  const res = await t.request({ method: 'POST', url: '/v1/signals', as, payload: { type: 'call_off_stop', summary: 'Avropspaus.', ...payload } });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().id;
}

describe('the membership recorded at registration', () => {
  it('is the first period, from the moment the municipality was registered', async () => {
    const org = (await t.request({ method: 'GET', url: '/v1/organisations/harnosand', as: OPERATOR })).json();
    const res = await historyOf('harnosand');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({
      municipalityId: 'harnosand',
      federationId: 'kfv',
      items: [
        {
          id: expect.any(String),
          municipalityId: 'harnosand',
          federationId: 'kfv',
          from: org.createdAt,
          until: null,
          changedBy: `${OPERATOR}-client`,
          reason: 'Registered as a member.',
          endedBy: null,
          endReason: null,
        },
      ],
    });
    // A municipality registered without a federation has no period.
    expect((await historyOf(cast.umea.id)).json()).toMatchObject({ federationId: null, items: [] });
    expect(await memberIds('kfv')).toEqual(['harnosand', 'kramfors', 'sundsvall', 'timra']);
  });
});

describe('the backfill of migration 0021', () => {
  it('gives a municipality registered with a federation before the history was kept one period from its registration', async () => {
    // As the rows were before 0021: a municipality with a federation_id and no period.
    await t.database.pool.query(
      `INSERT INTO organisations (id, kind, name, municipality_code, federation_id, created_at) VALUES ('solleftea', 'municipality', 'Sollefteå kommun (test)', '2283', 'kfv', now() - interval '400 days')`,
    );
    const migration = readFileSync(new URL('../migrations/0021_federation_memberships.sql', import.meta.url), 'utf8');
    const backfill = migration.split('--> statement-breakpoint').map((s) => s.replace(/^\s*(--.*\n)*/, '').trim()).find((s) => s.startsWith('INSERT INTO "federation_memberships"'));
    expect(backfill).toBeDefined();
    await t.database.pool.query(backfill!);
    // Again: it adds nothing to a municipality that has its periods.
    await t.database.pool.query(backfill!);
    const org = (await t.request({ method: 'GET', url: '/v1/organisations/solleftea', as: OPERATOR })).json();
    const history = (await historyOf('solleftea')).json();
    expect(history.items).toEqual([expect.objectContaining({ federationId: 'kfv', from: org.createdAt, until: null, changedBy: 'migration:0021' })]);
    expect((await historyOf('harnosand')).json().items).toHaveLength(1);
    // The first change ends the backfilled period like any other.
    const left = await changed('solleftea', null, 'Utträde efter backfill.');
    expect(left.ended).toMatchObject({ id: history.items[0].id, changedBy: 'migration:0021', endReason: 'Utträde efter backfill.' });
  });
});

describe('who may change a federation membership', () => {
  it('refuses the municipality itself, its federation, an auditor and the purchasing centre, whatever their scope', async () => {
    expectProblem(await change(cast.sundsvall.id, null, cast.sundsvall.id), 403, 'auth.missing_scope');
    expectProblem(await change(cast.sundsvall.id, null, cast.sundsvall.id, 'Vi går ur.', 'admin registry:read'), 403, 'auth.forbidden');
    expectProblem(await change(cast.sundsvall.id, 'botnia', cast.sundsvall.id, 'Vi byter.', 'admin'), 403, 'auth.forbidden');
    expectProblem(await change(cast.sundsvall.id, null, cast.kfv.id, 'Utesluten.', 'admin registry:read'), 403, 'auth.forbidden');
    expectProblem(await change(cast.sundsvall.id, null, cast.revisor.id, 'Granskning.', 'admin audit:read'), 403, 'auth.forbidden');
    expectProblem(await change(cast.sundsvall.id, 'botnia', cast.adda.id, 'Avtal.', 'admin'), 403, 'auth.forbidden');
    // The operator needs its admin scope.
    expectProblem(await change(cast.sundsvall.id, null, OPERATOR, 'Utan admin.', 'registry:read audit:read'), 403, 'auth.missing_scope');
    // Nothing changed.
    expect((await historyOf(cast.sundsvall.id)).json().items).toHaveLength(1);
    expect((await t.request({ method: 'GET', url: '/v1/organisations/sundsvall', as: cast.umea.id })).json().federationId).toBe('kfv');
  });

  it('answers 404 for an unknown organisation, 422 for a non-municipality or a target that is not a federation, 409 for no change', async () => {
    expectProblem(await change('ingen-kommun', 'kfv'), 404, 'organisations.not_found');
    expectProblem(await change(cast.kfv.id, 'botnia'), 422, 'organisations.not_municipality');
    expectProblem(await change(cast.adda.id, null), 422, 'organisations.not_municipality');
    expectProblem(await change(cast.sundsvall.id, cast.adda.id), 422, 'organisations.federation_not_found');
    expectProblem(await change(cast.sundsvall.id, cast.timra.id), 422, 'organisations.federation_not_found');
    expectProblem(await change(cast.sundsvall.id, 'inget-forbund'), 422, 'organisations.federation_not_found');
    expectProblem(await change(cast.sundsvall.id, 'kfv'), 409, 'organisations.federation_unchanged');
    expectProblem(await change(cast.umea.id, null), 409, 'organisations.federation_unchanged');
    expect((await historyOf(cast.sundsvall.id)).json().items).toHaveLength(1);
  });

  it('takes concurrent changes one after the other: the same change twice is one 200 and one 409, two municipalities naming each other never deadlock', async () => {
    const ange = { id: 'ange', kind: 'municipality', name: 'Ånge kommun (test)', municipalityCode: '2260', federationId: 'kfv' };
    expect((await t.request({ method: 'POST', url: '/v1/organisations', as: OPERATOR, payload: ange })).statusCode).toBe(201);
    const both = await Promise.all([change('ange', 'botnia', OPERATOR, 'Första.'), change('ange', 'botnia', OPERATOR, 'Andra.')]);
    expect(both.map((r) => r.statusCode).sort()).toEqual([200, 409]);
    const periods = (await historyOf('ange')).json().items;
    expect(periods.map((p: { federationId: string; until: string | null }) => [p.federationId, p.until === null])).toEqual([['kfv', false], ['botnia', true]]);
    expect(periods[1].from).toBe(periods[0].until);
    // A move back and a move on at once: both go through, in some order, and the periods stay a chain.
    const racing = await Promise.all([change('ange', 'kfv', OPERATOR, 'Tillbaka.'), change('ange', 'fjarran', OPERATOR, 'Vidare.')]);
    expect(racing.map((r) => r.statusCode)).toEqual([200, 200]);
    const chain = (await historyOf('ange')).json().items;
    expect(chain).toHaveLength(4);
    for (let i = 1; i < chain.length; i++) expect(chain[i].from).toBe(chain[i - 1].until);
    expect(chain.filter((p: { until: string | null }) => p.until === null)).toHaveLength(1);
    // Each names the other as its federation at once: both refused (the target is read, not locked, so two such changes cannot deadlock).
    const crossed = await Promise.all([change('ange', 'harnosand'), change('harnosand', 'ange')]);
    expect(crossed.map((r) => [r.statusCode, r.json().code])).toEqual([
      [422, 'organisations.federation_not_found'],
      [422, 'organisations.federation_not_found'],
    ]);
    await changed('ange', null, 'Lämnar försöket.');
  });

  it('answers 400 for a missing reason or federationId and unknown fields, 422 for a personnummer in the reason', async () => {
    const post = (payload: unknown) => t.request({ method: 'POST', url: '/v1/organisations/sundsvall/federation', as: OPERATOR, payload: payload as object });
    expectProblem(await post({ federationId: 'botnia' }), 400, 'input.invalid');
    expectProblem(await post({ reason: 'Byte.' }), 400, 'input.invalid');
    expectProblem(await post({ federationId: 'botnia', reason: '' }), 400, 'input.invalid');
    expectProblem(await post({ federationId: 'botnia', reason: 'Byte.', since: '2026-01-01' }), 400, 'input.invalid');
    expectProblem(await post({ federationId: 'Botnia Förbund', reason: 'Byte.' }), 400, 'input.invalid');
    expectProblem(await post({ federationId: 'botnia', reason: `Begärt av ${personnummer('800101')}.` }), 422, 'input.personal_data');
    expect((await historyOf(cast.sundsvall.id)).json().items).toHaveLength(1);
  });
});

describe('a move changes what the municipality is told, now and as of each moment', () => {
  const moments: Array<{ step: string; asOf: string; answers: Record<string, Record<string, unknown>> }> = [];
  let kfvSupplier: string;
  let botniaSupplier: string;
  let kfvStop: string;
  let botniaStop: string;
  // One token for the whole timeline: the municipality's record is read on every request, not from the token.
  let token: string;
  const liveStatus = async (orgNumber: string) => {
    const res = await t.app.inject({ method: 'GET', url: `/v1/suppliers/${orgNumber}/status`, headers: { authorization: `Bearer ${token}` } });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };
  const record = async (step: string) => {
    const a = await liveStatus(kfvSupplier);
    const b = await liveStatus(botniaSupplier);
    moments.push({ step, asOf: a.asOf, answers: { [kfvSupplier]: a, [botniaSupplier]: b } });
    return { kfv: a, botnia: b };
  };
  const effects = (answer: Record<string, any>) => answer.reasons.map((r: { signalId: string; effect: string }) => [r.signalId, r.effect]);

  beforeAll(async () => {
    token = t.token(cast.sundsvall.id);
    kfvSupplier = await createSupplier(t, cast.umea.id, 'Förbundsstoppet AB');
    botniaSupplier = await createSupplier(t, cast.umea.id, 'Botniastoppet AB');
    kfvStop = await signal(cast.kfv.id, { supplierOrgNumber: kfvSupplier, summary: 'Förbundets avropspaus.' });
    botniaStop = await signal('botnia', { supplierOrgNumber: botniaSupplier, summary: 'Botniaförbundets avropspaus.' });
  });

  it('blocks by the federation it belongs to, from the next request after each change', async () => {
    const inKfv = await record('in kfv');
    expect(inKfv.kfv).toMatchObject({ status: 'blocked' });
    expect(effects(inKfv.kfv)).toEqual([[kfvStop, 'blocked']]);
    expect(inKfv.botnia).toMatchObject({ status: 'caution' });
    expect(effects(inKfv.botnia)).toEqual([[botniaStop, 'caution']]);

    const moved = await changed(cast.sundsvall.id, 'botnia', 'Sundsvall går över till Botniaförbundet.');
    expect(moved.organisation).toMatchObject({ id: 'sundsvall', federationId: 'botnia' });
    expect(moved.ended).toMatchObject({ federationId: 'kfv', until: expect.any(String), endedBy: `${OPERATOR}-client`, endReason: 'Sundsvall går över till Botniaförbundet.' });
    expect(moved.began).toMatchObject({ federationId: 'botnia', from: moved.ended.until, until: null, reason: 'Sundsvall går över till Botniaförbundet.' });

    const inBotnia = await record('in botnia');
    expect(inBotnia.kfv).toMatchObject({ status: 'caution' });
    expect(effects(inBotnia.kfv)).toEqual([[kfvStop, 'caution']]);
    expect(inBotnia.botnia).toMatchObject({ status: 'blocked' });
    expect(effects(inBotnia.botnia)).toEqual([[botniaStop, 'blocked']]);

    const left = await changed(cast.sundsvall.id, null, 'Sundsvall lämnar förbundssamarbetet.');
    expect(left).toMatchObject({ organisation: { federationId: null }, ended: { federationId: 'botnia' }, began: null });
    const inNone = await record('in none');
    expect(inNone.kfv.status).toBe('caution');
    expect(inNone.botnia.status).toBe('caution');

    // Timrå, still in kfv, was blocked by kfv's stop throughout.
    const timra = await t.request({ method: 'GET', url: `/v1/suppliers/${kfvSupplier}/status`, as: cast.timra.id });
    expect(timra.json().status).toBe('blocked');
  });

  it('answers as of each recorded moment with the federation it belonged to then, asked by itself and by an auditor', async () => {
    expect(moments.map((m) => m.step)).toEqual(['in kfv', 'in botnia', 'in none']);
    for (const { step, asOf, answers } of moments) {
      for (const [orgNumber, answer] of Object.entries(answers)) {
        const url = `/v1/suppliers/${orgNumber}/status?asOf=${encodeURIComponent(String(answer.asOf))}`;
        const mine = await t.request({ method: 'GET', url, as: cast.sundsvall.id });
        expect(mine.statusCode, mine.body).toBe(200);
        expect(mine.json(), `${step} ${orgNumber}`).toEqual({ ...answer, asOrganisation: 'sundsvall' });
        const audited = await t.request({ method: 'GET', url: `${url}&asOrganisation=sundsvall`, as: cast.revisor.id });
        expect(audited.json(), `${step} ${orgNumber} (auditor)`).toEqual({ ...answer, asOrganisation: 'sundsvall' });
      }
      const batch = await t.request({ method: 'POST', url: '/v1/suppliers/status', as: cast.sundsvall.id, payload: { orgNumbers: [kfvSupplier, botniaSupplier], asOf } });
      expect(batch.json().results.map((r: { status: string }) => r.status), step).toEqual([answers[kfvSupplier]!.status, answers[botniaSupplier]!.status]);
    }
  });

  it('keeps every period in the history, readable by the municipality, its federations then and now, the operator and auditors', async () => {
    const res = await historyOf(cast.sundsvall.id);
    expect(res.statusCode, res.body).toBe(200);
    const { federationId, items } = res.json();
    expect(federationId).toBeNull();
    expect(items.map((p: { federationId: string; reason: string; endReason: string | null }) => [p.federationId, p.reason, p.endReason])).toEqual([
      ['kfv', 'Registered as a member.', 'Sundsvall går över till Botniaförbundet.'],
      ['botnia', 'Sundsvall går över till Botniaförbundet.', 'Sundsvall lämnar förbundssamarbetet.'],
    ]);
    // Each period begins where the one before ended; the last one is closed.
    expect(items[1].from).toBe(items[0].until);
    expect(items[1].until).not.toBeNull();
    for (const as of [cast.sundsvall.id, cast.kfv.id, 'botnia', cast.revisor.id, OPERATOR]) {
      const read = await historyOf(cast.sundsvall.id, as);
      expect(read.statusCode, `${as}: ${read.body}`).toBe(200);
      expect(read.json().items).toEqual(items);
    }
  });

  it('refuses the history to others: another municipality, an unconcerned federation, the purchasing centre', async () => {
    for (const as of [cast.timra.id, cast.umea.id, 'fjarran', cast.adda.id]) {
      expectProblem(await historyOf(cast.sundsvall.id, as), 403, 'organisations.membership_history_forbidden');
    }
    // botnia was never Timrå's federation.
    expectProblem(await historyOf(cast.timra.id, 'botnia'), 403, 'organisations.membership_history_forbidden');
    expectProblem(await historyOf('ingen-kommun'), 404, 'organisations.not_found');
    expectProblem(await historyOf(cast.kfv.id), 422, 'organisations.not_municipality');
    // Without registry:read.
    const noRead = await t.request({ method: 'GET', url: '/v1/organisations/sundsvall/federation-history', as: cast.sundsvall.id, scope: 'signals:write' });
    expectProblem(noRead, 403, 'auth.missing_scope');
  });

  it('writes one audit entry per change, by the operator, about the municipality', async () => {
    const res = await t.request({ method: 'GET', url: '/v1/audit?action=organisation.federation_changed&target=sundsvall', as: cast.revisor.id });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().items.map((e: Record<string, string>) => [e.orgId, e.actorSub, e.targetType, e.targetId])).toEqual([
      [OPERATOR, `${OPERATOR}-client`, 'organisation', 'sundsvall'],
      [OPERATOR, `${OPERATOR}-client`, 'organisation', 'sundsvall'],
    ]);
  });
});

describe('a federation’s current members', () => {
  it('follow every change, for the federation itself, the operator and auditors', async () => {
    // Sundsvall moved to botnia and left (above); Kramfors joins botnia and comes back.
    expect(await memberIds('kfv')).toEqual(['harnosand', 'kramfors', 'timra']);
    await changed('kramfors', 'botnia', 'Prövar Botniaförbundet.');
    expect(await memberIds('kfv')).toEqual(['harnosand', 'timra']);
    expect(await memberIds('botnia')).toEqual(['kramfors']);
    await changed('kramfors', 'kfv', 'Tillbaka i Kommunförbundet Västernorrland.');
    expect(await memberIds('botnia')).toEqual([]);
    await changed(cast.sundsvall.id, 'kfv', 'Sundsvall återinträder.');

    for (const as of [cast.kfv.id, cast.revisor.id, OPERATOR]) {
      const res = await membersOf(cast.kfv.id, as);
      expect(res.statusCode, `${as}: ${res.body}`).toBe(200);
      expect(res.json().federationId).toBe('kfv');
      expect(res.json().items.map((m: { municipalityId: string }) => m.municipalityId)).toEqual(['harnosand', 'kramfors', 'sundsvall', 'timra']);
    }
    const kramforsRow = (await membersOf(cast.kfv.id)).json().items.find((m: { municipalityId: string }) => m.municipalityId === 'kramfors');
    expect(kramforsRow).toMatchObject({ name: kramfors.name, municipalityCode: '2282', since: expect.any(String), changedBy: `${OPERATOR}-client`, reason: 'Tillbaka i Kommunförbundet Västernorrland.' });
    // The history has every period, the gaps between them included.
    expect((await historyOf('kramfors')).json().items.map((p: { federationId: string }) => p.federationId)).toEqual(['kfv', 'botnia', 'kfv']);
    expect((await historyOf(cast.sundsvall.id)).json().items.map((p: { federationId: string }) => p.federationId)).toEqual(['kfv', 'botnia', 'kfv']);
  });

  it('are refused to another federation, a member municipality, an outsider and the purchasing centre', async () => {
    for (const as of ['botnia', 'fjarran', cast.sundsvall.id, cast.umea.id, cast.adda.id]) {
      expectProblem(await membersOf(cast.kfv.id, as), 403, 'organisations.members_forbidden');
    }
    expectProblem(await membersOf('ingen-forbund'), 404, 'organisations.not_found');
    expectProblem(await membersOf(cast.sundsvall.id), 422, 'organisations.not_federation');
    // A municipality asking for "its own members" is told it has none to ask about.
    expectProblem(await membersOf(cast.sundsvall.id, cast.sundsvall.id), 422, 'organisations.not_federation');
  });

  it('agree with organisations.federation_id, and the history cannot be rewritten or deleted', async () => {
    const { rows } = await t.database.pool.query(
      `SELECT o.id, o.federation_id, m.federation_id AS current FROM organisations o
         LEFT JOIN federation_memberships m ON m.municipality_id = o.id AND m.valid_until IS NULL
        WHERE o.kind = 'municipality' ORDER BY o.id`,
    );
    expect(rows.length).toBeGreaterThan(4);
    for (const row of rows) expect(row.current, row.id).toBe(row.federation_id);
    // As the application's role: an ended period cannot be reopened, none can be renamed or removed.
    await expect(t.database.pool.query(`UPDATE federation_memberships SET valid_until = NULL, ended_by = NULL, end_reason = NULL WHERE valid_until IS NOT NULL`)).rejects.toThrow();
    await expect(t.database.pool.query(`UPDATE federation_memberships SET reason = 'Omskriven.' WHERE municipality_id = 'sundsvall'`)).rejects.toThrow();
    await expect(t.database.pool.query(`DELETE FROM federation_memberships WHERE municipality_id = 'kramfors'`)).rejects.toThrow();
    expect((await historyOf('kramfors')).json().items).toHaveLength(3);
  });
});

describe('subscriptions and reach follow the current membership', () => {
  it('delivers a member’s own stop to its federation while it is a member, and to the new federation after a move', async () => {
    const [supplierBefore, supplierAfter] = [await createSupplier(t, cast.umea.id, 'Före Flytten AB'), await createSupplier(t, cast.umea.id, 'Efter Flytten AB')];
    const suppliers = [supplierBefore, supplierAfter];
    const [kfvDefault, kfvNamed, botniaDefault] = [await receivers.start(), await receivers.start(), await receivers.start()];
    const kfvDefaultSub = await subscribe(t, cast.kfv.id, kfvDefault.url, { affects: {}, suppliers });
    const kfvNamedSub = await subscribe(t, cast.kfv.id, kfvNamed.url, { affects: { organisations: ['harnosand'] }, suppliers });
    const botniaSub = await subscribe(t, 'botnia', botniaDefault.url, { affects: {}, suppliers });

    // Härnösand's own pause blocks Härnösand only: its federation hears of it.
    const before = await signal('harnosand', { supplierOrgNumber: supplierBefore, summary: 'Härnösands avropspaus.' });
    await kfvDefault.waitFor(1);
    await kfvNamed.waitFor(1);
    expect(verifyWebhook(kfvDefaultSub.secret, kfvDefault.received[0]!).data.signal.id).toBe(before);
    expect(verifyWebhook(kfvNamedSub.secret, kfvNamed.received[0]!).data.signal.id).toBe(before);

    await changed('harnosand', 'botnia', 'Härnösand går över till Botniaförbundet.');
    // kfv may no longer name Härnösand; botnia may.
    const refused = await t.request({ method: 'POST', url: '/v1/subscriptions', as: cast.kfv.id, payload: { url: kfvNamed.url, filters: { affects: { organisations: ['harnosand'] } } } });
    expectProblem(refused, 403, 'subscriptions.affects_not_allowed');

    const after = await signal('harnosand', { supplierOrgNumber: supplierAfter, summary: 'Härnösands nya avropspaus.' });
    await botniaDefault.waitFor(1);
    expect(botniaDefault.received.map((r) => verifyWebhook(botniaSub.secret, r).data.signal.id)).toEqual([after]);
    // The relay matched all three subscriptions in one pass: kfv's got no delivery of the new pause, the named one included.
    for (const sub of [kfvDefaultSub, kfvNamedSub]) {
      const log = await t.request({ method: 'GET', url: `/v1/subscriptions/${sub.id}/deliveries`, as: cast.kfv.id });
      expect(log.json().items).toHaveLength(1);
    }

    // The reach report of the new pause: botnia reached, kfv has no matching subscription.
    const reachOf = async (signalId: string) => {
      const res = await t.request({ method: 'GET', url: `/v1/signals/${signalId}/reach`, as: 'harnosand' });
      expect(res.statusCode, res.body).toBe(200);
      return Object.fromEntries(res.json().organisations.map((o: { organisationId: string; state: string }) => [o.organisationId, o.state]));
    };
    await expect.poll(async () => (await reachOf(after)).botnia, { timeout: 10_000, interval: 100 }).toBe('delivered');
    expect((await reachOf(after)).kfv).toBe('no_subscription');
    // The earlier pause was delivered to kfv while Härnösand was its member, and stays so.
    await expect.poll(async () => (await reachOf(before)).kfv, { timeout: 10_000, interval: 100 }).toBe('delivered');
  });
});
