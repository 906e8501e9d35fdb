import { beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from './helpers/app.ts';
import { deliveryTestApp } from './helpers/delivery-app.ts';
import { cast, createAgreement, newOrgNumber, subscribe } from './helpers/factories.ts';
import { verifyWebhook } from './helpers/receiver.ts';

/**
 * Supplier records have owners (issue 12, item 1): the registrant, the owner of an
 * agreement the supplier is party to, and the operator change its name and units;
 * every change is a version with who and why, and a supplier.updated event; search
 * finds former names. The adversary is a member renaming someone else's supplier.
 */

const OPERATOR = 'registry';
let t: TestApp;
let addaAgreement: string;
const receivers = deliveryTestApp((app) => (t = app));
beforeAll(async () => {
  addaAgreement = await createAgreement(t, cast.adda.id);
});

const put = (as: string, orgNumber: string, payload: Record<string, unknown>) => t.request({ method: 'PUT', url: `/v1/suppliers/${orgNumber}`, as, payload });
const get = async (orgNumber: string) => (await t.request({ method: 'GET', url: `/v1/suppliers/${orgNumber}`, as: cast.umea.id })).json();
const history = async (orgNumber: string, as: string = cast.revisor.id) => t.request({ method: 'GET', url: `/v1/suppliers/${orgNumber}/history`, as });
const search = async (q: string) =>
  (await t.request({ method: 'GET', url: `/v1/suppliers?q=${encodeURIComponent(q)}`, as: cast.timra.id })).json().items as Array<{ orgNumber: string; name: string }>;
const supplierEvents = async (as: string, orgNumber: string) => {
  const found: Array<Record<string, any>> = [];
  for (let after = 0; ; ) {
    const page = (await t.request({ method: 'GET', url: `/v1/events?after=${after}&limit=1000`, as })).json();
    found.push(...page.items.filter((e: { type: string; supplierOrgNumber?: string }) => e.type === 'supplier.updated' && e.supplierOrgNumber === orgNumber));
    if (page.items.length < 1000) return found;
    after = page.nextAfter;
  }
};

async function registered(as: string, name: string, units: Array<{ name: string; kind?: string }> = []) {
  const orgNumber = newOrgNumber();
  const res = await put(as, orgNumber, { name, units });
  expect(res.statusCode, res.body).toBe(201);
  return { orgNumber, body: res.json() };
}

describe('who may change a supplier record', () => {
  it('refuses another member’s rename with 403 suppliers.not_owner and changes nothing', async () => {
    // The attack from the issue: swap the names of a stopped and a clear supplier.
    const stopped = await registered(cast.sundsvall.id, 'Stoppade Hemmet AB');
    const clear = await registered(cast.sundsvall.id, 'Fria Hemmet AB');
    for (const [orgNumber, name] of [
      [stopped.orgNumber, 'Fria Hemmet AB'],
      [clear.orgNumber, 'Stoppade Hemmet AB'],
    ] as const) {
      for (const as of [cast.umea.id, cast.timra.id, cast.kfv.id, cast.adda.id]) {
        const res = await put(as, orgNumber, { name, reason: 'Byter namn.' });
        expect(res.statusCode, `${as}: ${res.body}`).toBe(403);
        expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
        expect(res.json().code).toBe('suppliers.not_owner');
      }
    }
    expect(await get(stopped.orgNumber)).toMatchObject({ name: 'Stoppade Hemmet AB', version: 1, formerNames: [] });
    expect(await get(clear.orgNumber)).toMatchObject({ name: 'Fria Hemmet AB', version: 1, formerNames: [] });
    expect((await history(stopped.orgNumber)).json().versions.map((v: { version: number }) => v.version)).toEqual([1]);
    expect(await supplierEvents(cast.revisor.id, stopped.orgNumber)).toEqual([]);
    // …and search still finds each first under its own name.
    expect((await search('Stoppade Hemmet AB'))[0]!.orgNumber).toBe(stopped.orgNumber);
    expect((await search('Fria Hemmet AB'))[0]!.orgNumber).toBe(clear.orgNumber);
  });

  it('refuses another member’s unit rename (by id) and unit addition, and changes nothing', async () => {
    const { orgNumber, body } = await registered(cast.sundsvall.id, 'Enhetshemmen AB', [{ name: 'Pausade Hemmet', kind: 'hvb' }, { name: 'Andra Hemmet' }]);
    const paused = body.units.find((u: { name: string }) => u.name === 'Pausade Hemmet');
    const rename = await put(cast.umea.id, orgNumber, { name: 'Enhetshemmen AB', units: [{ id: paused.id, name: 'Andra Hemmet 2' }], reason: 'Nytt namn.' });
    expect(rename.statusCode, rename.body).toBe(403);
    expect(rename.json().code).toBe('suppliers.not_owner');
    const add = await put(cast.umea.id, orgNumber, { name: 'Enhetshemmen AB', units: [{ name: 'Nytt Hem' }], reason: 'Nytt hem.' });
    expect(add.statusCode, add.body).toBe(403);
    const after = await get(orgNumber);
    expect(after.units.map((u: { id: string; name: string; kind: string | null }) => [u.id, u.name, u.kind]).sort()).toEqual(
      body.units.map((u: { id: string; name: string; kind: string | null }) => [u.id, u.name, u.kind]).sort(),
    );
    expect(after.version).toBe(1);
  });

  it('answers a PUT that changes nothing with 200 for any member, without a version or an event', async () => {
    const { orgNumber } = await registered(cast.sundsvall.id, 'Oförändrat AB', [{ name: 'Hemmet', kind: 'hvb' }]);
    const res = await put(cast.umea.id, orgNumber, { name: 'Oförändrat AB', units: [{ name: 'Hemmet' }] });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ name: 'Oförändrat AB', version: 1 });
    expect(await supplierEvents(cast.revisor.id, orgNumber)).toEqual([]);
  });

  it('lets the registrant, the owner of an agreement it is party to and the operator change it, each with a reason', async () => {
    const { orgNumber } = await registered(cast.sundsvall.id, 'Ägda Omsorg AB');
    const party = await t.request({ method: 'PUT', url: `/v1/agreements/${addaAgreement}/suppliers/${orgNumber}`, as: cast.adda.id });
    expect(party.statusCode, party.body).toBe(201);

    const noReason = await put(cast.sundsvall.id, orgNumber, { name: 'Ägda Omsorg i Norr AB' });
    expect(noReason.statusCode, noReason.body).toBe(422);
    expect(noReason.json().code).toBe('suppliers.reason_required');
    expect((await get(orgNumber)).name).toBe('Ägda Omsorg AB');

    const steps = [
      { as: cast.sundsvall.id, name: 'Ägda Omsorg i Norr AB', reason: 'Bolaget bytte namn enligt Bolagsverket.' },
      { as: cast.adda.id, name: 'Ägda Omsorg Norr AB', reason: 'Rättat enligt avtalet.' },
      { as: OPERATOR, name: 'Ägda Omsorg Norrland AB', reason: 'Supportärende 42.' },
    ];
    for (const [i, step] of steps.entries()) {
      const res = await put(step.as, orgNumber, { name: step.name, reason: step.reason });
      expect(res.statusCode, `${step.as}: ${res.body}`).toBe(200);
      expect(res.json()).toMatchObject({ name: step.name, version: i + 2, registeredByOrgId: cast.sundsvall.id });
    }
    const versions = (await history(orgNumber)).json().versions;
    expect(versions.map((v: Record<string, unknown>) => [v.version, v.change, v.name, v.orgId, v.actorSub, v.reason])).toEqual([
      [1, 'created', 'Ägda Omsorg AB', cast.sundsvall.id, `${cast.sundsvall.id}-client`, null],
      ...steps.map((s, i) => [i + 2, 'updated', s.name, s.as, `${s.as}-client`, s.reason]),
    ]);
    expect((await get(orgNumber)).formerNames).toEqual(['Ägda Omsorg AB', 'Ägda Omsorg i Norr AB', 'Ägda Omsorg Norr AB']);
  });

  it('does not let the operator register a supplier', async () => {
    const orgNumber = newOrgNumber();
    const res = await put(OPERATOR, orgNumber, { name: 'Operatörens AB' });
    expect(res.statusCode, res.body).toBe(403);
    expect(res.json().code).toBe('suppliers.operator_cannot_register');
    expect((await t.request({ method: 'GET', url: `/v1/suppliers/${orgNumber}`, as: cast.umea.id })).statusCode).toBe(404);
  });
});

describe('name search over former names', () => {
  it('finds the owner’s renamed supplier under its old name, and a home under its unit’s old name', async () => {
    const { orgNumber, body } = await registered(cast.kfv.id, 'Lärkängens Behandlingshem AB', [{ name: 'Lärkängen Västra', kind: 'hvb' }]);
    const rename = await put(cast.kfv.id, orgNumber, {
      name: 'Norrskensgruppen Omsorg AB',
      units: [{ id: body.units[0].id, name: 'Norrskenet Västra' }],
      reason: 'Nytt firmanamn efter ägarbyte.',
    });
    expect(rename.statusCode, rename.body).toBe(200);
    for (const q of ['Lärkängens Behandlingshem', 'lärkängens behandlingshem', 'Larkängens Behandlingshem', 'Norrskensgruppen', 'Lärkängen Västra', 'Norrskenet Västra']) {
      expect((await search(q)).map((s) => s.orgNumber), q).toContain(orgNumber);
    }
    const found = (await search('Lärkängens Behandlingshem')).find((s) => s.orgNumber === orgNumber)!;
    expect(found).toMatchObject({ name: 'Norrskensgruppen Omsorg AB', formerNames: ['Lärkängens Behandlingshem AB'] });
    expect((found as unknown as { units: Array<{ formerNames: string[] }> }).units[0]!.formerNames).toEqual(['Lärkängen Västra']);
  });
});

describe('supplier.updated', () => {
  it('is delivered, signed, to a subscriber and shown on every organisation’s feed', async () => {
    const { orgNumber, body } = await registered(cast.sundsvall.id, 'Händelsernas Hem AB', [{ name: 'Hemmet Öst' }]);
    const other = newOrgNumber();
    const [all, named, elsewhere, typed] = await Promise.all([receivers.start(), receivers.start(), receivers.start(), receivers.start()]);
    const subAll = await subscribe(t, cast.umea.id, all.url);
    const subNamed = await subscribe(t, cast.timra.id, named.url, { suppliers: [orgNumber] });
    await subscribe(t, cast.kfv.id, elsewhere.url, { suppliers: [other] });
    await subscribe(t, cast.adda.id, typed.url, { types: ['call_off_stop'] });

    const res = await put(cast.sundsvall.id, orgNumber, {
      name: 'Händelsernas Hem Nya AB',
      units: [{ id: body.units[0].id, name: 'Hemmet Öster' }],
      reason: 'Namnbyte.',
    });
    expect(res.statusCode, res.body).toBe(200);

    await Promise.all([all.waitFor(1), named.waitFor(1)]);
    for (const [receiver, sub] of [
      [all, subAll],
      [named, subNamed],
    ] as const) {
      const payload = verifyWebhook(sub.secret, receiver.received[0]!);
      expect(payload.type).toBe('supplier.updated');
      expect(payload.data).toMatchObject({
        supplierOrgNumber: orgNumber,
        supplier: {
          orgNumber,
          name: 'Händelsernas Hem Nya AB',
          previousName: 'Händelsernas Hem AB',
          units: [{ id: body.units[0].id, name: 'Hemmet Öster', kind: null }],
          version: 2,
          reason: 'Namnbyte.',
          changedByOrgId: cast.sundsvall.id,
        },
      });
      expect(receiver.received[0]!.headers['webhook-id']).toBe(payload.data.eventId);
    }

    for (const as of [cast.umea.id, cast.adda.id, cast.revisor.id, OPERATOR]) {
      const events = await supplierEvents(as, orgNumber);
      expect(events, as).toHaveLength(1);
      expect(events[0]).toMatchObject({ type: 'supplier.updated', supplierOrgNumber: orgNumber, supplier: { name: 'Händelsernas Hem Nya AB', version: 2 } });
    }
    // A subscription narrowed to another supplier or to signal types is not sent it.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    expect(elsewhere.received).toHaveLength(0);
    expect(typed.received).toHaveLength(0);
  });
});

describe('the supplier history follows one visibility rule for the operator', () => {
  it('shows the operator no issuer_and_auditors or retracted signal, as GET /v1/signals/{id} does; the auditor sees all', async () => {
    const { orgNumber } = await registered(cast.sundsvall.id, 'Historikens Hem AB');
    const post = async (payload: Record<string, unknown>) => {
      const res = await t.request({
        method: 'POST',
        url: '/v1/signals',
        as: cast.sundsvall.id,
        payload: { type: 'deviation', supplierOrgNumber: orgNumber, severity: 'high', category: 'safety', ...payload },
      });
      expect(res.statusCode, res.body).toBe(201);
      return res.json().id as string;
    };
    const open = await post({ summary: 'Öppen avvikelse.' });
    const restricted = await post({ summary: 'Intern uppgift om larm.', visibility: 'issuer_and_auditors' });
    const retracted = await post({ summary: 'Fel leverantör.' });
    expect((await t.request({ method: 'POST', url: `/v1/signals/${retracted}/retract`, as: cast.sundsvall.id, payload: { reason: 'Fel.' } })).statusCode).toBe(200);
    // Made public later: its first, restricted version stays hidden from the operator.
    const published = await post({ summary: 'Först intern text.', visibility: 'issuer_and_auditors' });
    const amend = await t.request({ method: 'PATCH', url: `/v1/signals/${published}`, as: cast.sundsvall.id, payload: { reason: 'Publiceras.', visibility: 'members', summary: 'Publik text.' } });
    expect(amend.statusCode, amend.body).toBe(200);

    const ids = (body: { signals: Array<{ signal: { id: string } }> }) => body.signals.map((s) => s.signal.id);
    const auditor = (await history(orgNumber)).json();
    expect(ids(auditor)).toEqual([open, restricted, retracted, published]);
    const operatorRes = await history(orgNumber, OPERATOR);
    expect(operatorRes.statusCode, operatorRes.body).toBe(200);
    const operator = operatorRes.json();
    expect(ids(operator)).toEqual([open, published]);
    expect(JSON.stringify(operator)).not.toContain('Intern uppgift');
    expect(JSON.stringify(operator)).not.toContain('Först intern text');
    expect(operator.signals[1].versions.map((v: { version: number }) => v.version)).toEqual([2]);
    for (const id of [restricted, retracted]) {
      expect((await t.request({ method: 'GET', url: `/v1/signals/${id}`, as: OPERATOR })).statusCode).toBe(404);
    }
    expect(operator.versions.map((v: { version: number }) => v.version)).toEqual([1]);
  });

  it('answers 404 suppliers.not_found for an unregistered supplier', async () => {
    const res = await history(newOrgNumber());
    expect(res.statusCode, res.body).toBe(404);
    expect(res.json().code).toBe('suppliers.not_found');
  });
});
