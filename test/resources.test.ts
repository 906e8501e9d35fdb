import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './helpers/app.ts';
import { cast, createSupplier, newOrgNumber, seedCast } from './helpers/factories.ts';

let t: TestApp;
let operator: string;
beforeAll(async () => {
  t = await startTestApp();
  operator = t.config.OPERATOR_ORG_ID;
  await seedCast(t);
});
afterAll(() => t.close());

const digits = (orgNumber: string) => orgNumber.replace('-', '');

interface Unit {
  id: string;
  name: string;
  kind: string | null;
  formerNames?: string[];
}
const byName = (units: Unit[]) => [...units].sort((a, b) => a.name.localeCompare(b.name));

describe('organisations', () => {
  const kinds = [
    { id: 'ny-kommun', kind: 'municipality', name: 'Nya kommunen', municipalityCode: '2283', federationId: 'kfv' },
    { id: 'ny-inkop', kind: 'purchasing_centre', name: 'Nya inköpscentralen' },
    { id: 'nytt-forbund', kind: 'federation', name: 'Nya kommunförbundet' },
    { id: 'ny-revision', kind: 'auditor', name: 'Nya revisionen' },
    { id: 'ny-operator', kind: 'operator', name: 'Nya operatören' },
  ];

  it.each(kinds)('the operator creates a $kind, and anyone can read it back', async (org) => {
    const created = await t.request({ method: 'POST', url: '/v1/organisations', as: operator, payload: org });
    expect(created.statusCode, created.body).toBe(201);
    const expected = { municipalityCode: null, federationId: null, ...org };
    expect(created.json()).toMatchObject(expected);

    const got = await t.request({ method: 'GET', url: `/v1/organisations/${org.id}`, as: cast.umea.id });
    expect(got.statusCode, got.body).toBe(200);
    expect(got.json()).toMatchObject(expected);
  });

  it('lists every organisation, ordered by id', async () => {
    const res = await t.request({ method: 'GET', url: '/v1/organisations', as: cast.sundsvall.id });
    expect(res.statusCode, res.body).toBe(200);
    const ids: string[] = res.json().items.map((o: { id: string }) => o.id);
    for (const id of [...Object.keys(cast), ...kinds.map((k) => k.id), operator]) expect(ids).toContain(id);
    expect(ids).toEqual([...ids].sort());
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('answers 404 for an unknown organisation', async () => {
    const res = await t.request({ method: 'GET', url: '/v1/organisations/finns-inte', as: cast.umea.id });
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('organisations.not_found');
  });

  it('refuses a second organisation with the same id (409) and keeps the first', async () => {
    const res = await t.request({
      method: 'POST',
      url: '/v1/organisations',
      as: operator,
      payload: { id: 'sundsvall', kind: 'purchasing_centre', name: 'Imposter' },
    });
    expect(res.statusCode, res.body).toBe(409);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.json().code).toBe('organisations.exists');
    const kept = await t.request({ method: 'GET', url: '/v1/organisations/sundsvall', as: operator });
    expect(kept.json()).toMatchObject({ kind: 'municipality', name: cast.sundsvall.name });
  });

  it('refuses a municipality without its municipalityCode (422)', async () => {
    const res = await t.request({ method: 'POST', url: '/v1/organisations', as: operator, payload: { id: 'utan-kod', kind: 'municipality', name: 'Utan kod' } });
    expect(res.statusCode, res.body).toBe(422);
    expect(res.json().code).toBe('organisations.invalid');
    expect((await t.request({ method: 'GET', url: '/v1/organisations/utan-kod', as: operator })).statusCode).toBe(404);
  });

  it.each([
    ['a municipality', 'umea'],
    ['a purchasing centre', 'adda'],
    ['an organisation that does not exist', 'finns-inte'],
  ])('refuses a federationId that points at %s (422)', async (_what, federationId) => {
    const id = `fel-forbund-${federationId}`;
    const res = await t.request({
      method: 'POST',
      url: '/v1/organisations',
      as: operator,
      payload: { id, kind: 'municipality', name: 'Fel förbund', municipalityCode: '2284', federationId },
    });
    expect(res.statusCode, res.body).toBe(422);
    expect(res.json().code).toBe('organisations.federation_not_found');
    expect((await t.request({ method: 'GET', url: `/v1/organisations/${id}`, as: operator })).statusCode).toBe(404);
  });

  it('lets only the operator create organisations', async () => {
    const res = await t.request({ method: 'POST', url: '/v1/organisations', as: cast.sundsvall.id, payload: { id: 'egen', kind: 'auditor', name: 'Egen' } });
    expect(res.statusCode).toBe(403);
  });
});

describe('suppliers', () => {
  it('PUT creates (201), then the same body again updates (200) without duplicating units', async () => {
    const orgNumber = newOrgNumber();
    const body = { name: 'Björkhagen Omsorg AB', units: [{ name: 'Björkhagen HVB', kind: 'hvb' }, { name: 'Björkhagen Stödboende' }] };
    const first = await t.request({ method: 'PUT', url: `/v1/suppliers/${orgNumber}`, as: cast.sundsvall.id, payload: body });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({ orgNumber, name: body.name, soleTrader: false });
    expect(first.json().units).toHaveLength(2);

    const second = await t.request({ method: 'PUT', url: `/v1/suppliers/${orgNumber}`, as: cast.sundsvall.id, payload: body });
    expect(second.statusCode, second.body).toBe(200);
    expect(byName(second.json().units)).toEqual(byName(first.json().units));

    const { rows } = await t.database.pool.query('SELECT count(*)::int AS n FROM supplier_units WHERE supplier_org_number = $1', [digits(orgNumber)]);
    expect(rows[0].n).toBe(2);
  });

  it('accepts the number with or without the hyphen as the same supplier', async () => {
    const orgNumber = newOrgNumber();
    const first = await t.request({ method: 'PUT', url: `/v1/suppliers/${digits(orgNumber)}`, as: cast.umea.id, payload: { name: 'Utan Bindestreck AB' } });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json().orgNumber).toBe(orgNumber);
    const second = await t.request({ method: 'PUT', url: `/v1/suppliers/${orgNumber}`, as: cast.umea.id, payload: { name: 'Med Bindestreck AB', reason: 'Rättat namn.' } });
    expect(second.statusCode, second.body).toBe(200);
    expect(second.json().name).toBe('Med Bindestreck AB');
  });

  it('adds units by name (case-insensitively matched), updates them by id, and keeps unlisted ones', async () => {
    const orgNumber = newOrgNumber();
    const created = await t.request({
      method: 'PUT',
      url: `/v1/suppliers/${orgNumber}`,
      as: cast.kfv.id,
      payload: { name: 'Ekbacken AB', units: [{ name: 'Ekbacken', kind: 'hvb' }] },
    });
    expect(created.statusCode, created.body).toBe(201);
    const ekbacken: Unit = created.json().units[0];

    // The same name in another case is the same unit; a new name is a new unit.
    const added = await t.request({
      method: 'PUT',
      url: `/v1/suppliers/${orgNumber}`,
      as: cast.kfv.id,
      payload: { name: 'Ekbacken AB', units: [{ name: 'EKBACKEN' }, { name: 'Ekbacken Familjehem', kind: 'family_home' }], reason: 'Nytt familjehem.' },
    });
    expect(added.statusCode, added.body).toBe(200);
    expect(added.json().units).toHaveLength(2);
    const sameUnit = added.json().units.find((u: Unit) => u.id === ekbacken.id);
    expect(sameUnit).toEqual({ id: ekbacken.id, name: 'EKBACKEN', kind: 'hvb', formerNames: [] });
    const familjehem: Unit = added.json().units.find((u: Unit) => u.id !== ekbacken.id);
    expect(familjehem).toMatchObject({ name: 'Ekbacken Familjehem', kind: 'family_home' });

    const renamed = await t.request({
      method: 'PUT',
      url: `/v1/suppliers/${orgNumber}`,
      as: cast.kfv.id,
      payload: { name: 'Ekbacken AB', units: [{ id: ekbacken.id, name: 'Ekbacken Ungdomshem', kind: 'hvb_youth' }], reason: 'Hemmet bytte inriktning.' },
    });
    expect(renamed.statusCode, renamed.body).toBe(200);
    expect(byName(renamed.json().units)).toEqual(
      byName([{ id: ekbacken.id, name: 'Ekbacken Ungdomshem', kind: 'hvb_youth', formerNames: ['Ekbacken'] }, familjehem]),
    );
  });

  it('refuses an unknown unit id with 422 suppliers.unit_not_found and writes nothing', async () => {
    const orgNumber = newOrgNumber();
    const created = await t.request({
      method: 'PUT',
      url: `/v1/suppliers/${orgNumber}`,
      as: cast.timra.id,
      payload: { name: 'Granliden AB', units: [{ name: 'Granliden' }] },
    });
    expect(created.statusCode, created.body).toBe(201);
    // A unit of another supplier is not a unit of this one either.
    const other = await t.request({ method: 'PUT', url: `/v1/suppliers/${newOrgNumber()}`, as: cast.timra.id, payload: { name: 'Annan AB', units: [{ name: 'Annan' }] } });
    const foreignUnitId: string = other.json().units[0].id;

    for (const unknownId of ['0190a1b2-0000-7000-8000-000000000000', foreignUnitId]) {
      const res = await t.request({
        method: 'PUT',
        url: `/v1/suppliers/${orgNumber}`,
        as: cast.timra.id,
        payload: { name: 'Granliden Nytt Namn AB', units: [{ name: 'Granliden Nytt Hem' }, { id: unknownId, name: 'Spökhemmet' }] },
      });
      expect(res.statusCode, res.body).toBe(422);
      expect(res.json().code).toBe('suppliers.unit_not_found');
    }

    const after = await t.request({ method: 'GET', url: `/v1/suppliers/${orgNumber}`, as: cast.timra.id });
    expect(after.statusCode).toBe(200);
    expect(after.json().name).toBe('Granliden AB');
    expect(after.json().units).toEqual(created.json().units);
    expect(after.json().updatedAt).toBe(created.json().updatedAt);
  });

  it('answers 409, not 500, when a unit is renamed to the name of another of its units', async () => {
    const orgNumber = newOrgNumber();
    const created = await t.request({
      method: 'PUT',
      url: `/v1/suppliers/${orgNumber}`,
      as: cast.umea.id,
      payload: { name: 'Tvillinghemmen AB', units: [{ name: 'Hem Ett' }, { name: 'Hem Två' }] },
    });
    const hemEtt: Unit = created.json().units.find((u: Unit) => u.name === 'Hem Ett');
    const res = await t.request({
      method: 'PUT',
      url: `/v1/suppliers/${orgNumber}`,
      as: cast.umea.id,
      payload: { name: 'Tvillinghemmen AB', units: [{ id: hemEtt.id, name: 'hem två' }], reason: 'Namnbyte.' },
    });
    expect(res.statusCode, res.body).toBe(409);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.json().code).toBe('resource.conflict');
    const after = await t.request({ method: 'GET', url: `/v1/suppliers/${orgNumber}`, as: cast.umea.id });
    expect(byName(after.json().units)).toEqual(byName(created.json().units));
  });

  it('GET returns one supplier with its units, and 404 for an unregistered number', async () => {
    const orgNumber = newOrgNumber();
    await t.request({ method: 'PUT', url: `/v1/suppliers/${orgNumber}`, as: cast.adda.id, payload: { name: 'Lindgården AB', units: [{ name: 'Lindgården', kind: 'hvb' }] } });
    const res = await t.request({ method: 'GET', url: `/v1/suppliers/${orgNumber}`, as: cast.revisor.id });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ orgNumber, name: 'Lindgården AB', soleTrader: false, units: [{ name: 'Lindgården', kind: 'hvb' }] });

    const missing = await t.request({ method: 'GET', url: `/v1/suppliers/${newOrgNumber()}`, as: cast.revisor.id });
    expect(missing.statusCode).toBe(404);
    expect(missing.json().code).toBe('suppliers.not_found');
  });

  it('refuses an invalid organisation number with 400', async () => {
    const res = await t.request({ method: 'PUT', url: '/v1/suppliers/556677-8890', as: cast.umea.id, payload: { name: 'Fel Nummer AB' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('input.invalid');
  });

  it('searches by name tolerating case and a one-letter typo', async () => {
    const solbacka = await createSupplier(t, cast.sundsvall.id, 'Solbacka HVB AB');
    const other = await createSupplier(t, cast.sundsvall.id, 'Fjällrosen Familjehem AB');
    for (const q of ['solbaka', 'SOLBACKA', 'Solbacka hvb', 'solbscka']) {
      const res = await t.request({ method: 'GET', url: `/v1/suppliers?q=${encodeURIComponent(q)}`, as: cast.umea.id });
      expect(res.statusCode, res.body).toBe(200);
      const found: string[] = res.json().items.map((s: { orgNumber: string }) => s.orgNumber);
      expect(found, q).toContain(solbacka);
      expect(found, q).not.toContain(other);
      expect(res.json().items[0].name, q).toBe('Solbacka HVB AB');
    }
    const none = await t.request({ method: 'GET', url: `/v1/suppliers?q=${encodeURIComponent('Zyxwvut')}`, as: cast.umea.id });
    expect(none.json().items).toEqual([]);
  });

  it('lists every supplier once, by number, across cursor pages', async () => {
    for (let i = 0; i < 5; i++) await createSupplier(t, cast.timra.id, `Sidbläddring ${i} AB`);
    const all = await t.database.pool.query('SELECT org_number FROM suppliers ORDER BY org_number');
    const expected: string[] = all.rows.map((r) => `${r.org_number.slice(0, 6)}-${r.org_number.slice(6)}`);
    expect(expected.length).toBeGreaterThan(6);

    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const url: string = `/v1/suppliers?limit=3${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      const res = await t.request({ method: 'GET', url, as: cast.umea.id });
      expect(res.statusCode, res.body).toBe(200);
      const page = res.json();
      expect(page.items.length).toBeLessThanOrEqual(3);
      seen.push(...page.items.map((s: { orgNumber: string }) => s.orgNumber));
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor && pages < 100);
    expect(seen).toEqual(expected);
    expect(pages).toBe(Math.ceil(expected.length / 3));
  });

  it('refuses a cursor it did not issue with 400', async () => {
    const res = await t.request({ method: 'GET', url: '/v1/suppliers?cursor=bm90LWEtY3Vyc29y', as: cast.umea.id });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('input.invalid_cursor');
  });
});

describe('agreements', () => {
  const createAgreement = (as: string, payload: Record<string, unknown>) => t.request({ method: 'POST', url: '/v1/agreements', as, payload });

  it('creates an agreement owned by the caller', async () => {
    const res = await createAgreement(cast.adda.id, { name: 'HVB barn 2026', category: 'hvb_children', validFrom: '2026-01-01', validUntil: '2029-12-31' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      ownerOrgId: 'adda',
      name: 'HVB barn 2026',
      category: 'hvb_children',
      validFrom: '2026-01-01',
      validUntil: '2029-12-31',
      suppliers: [],
    });
  });

  it('refuses a period that ends before it starts (422) and creates nothing', async () => {
    const res = await createAgreement(cast.kfv.id, { name: 'Baklänges', category: 'protected_housing', validFrom: '2026-06-01', validUntil: '2026-05-31' });
    expect(res.statusCode, res.body).toBe(422);
    expect(res.json().code).toBe('agreements.invalid_period');
    const { rows } = await t.database.pool.query(`SELECT count(*)::int AS n FROM agreements WHERE name = 'Baklänges'`);
    expect(rows[0].n).toBe(0);
  });

  it('adds a supplier party (201), again is a no-op (200), and the agreement lists it', async () => {
    const agreement = (await createAgreement(cast.adda.id, { name: 'Familjehem 2026', category: 'family_home_agency', validFrom: '2026-01-01' })).json();
    const orgNumber = await createSupplier(t, cast.adda.id, 'Familjehemsbolaget AB');
    const first = await t.request({ method: 'PUT', url: `/v1/agreements/${agreement.id}/suppliers/${orgNumber}`, as: cast.adda.id });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({ agreementId: agreement.id, supplierOrgNumber: orgNumber });
    const again = await t.request({ method: 'PUT', url: `/v1/agreements/${agreement.id}/suppliers/${orgNumber}`, as: cast.adda.id });
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json()).toEqual(first.json());

    const got = await t.request({ method: 'GET', url: `/v1/agreements/${agreement.id}`, as: cast.umea.id });
    expect(got.statusCode, got.body).toBe(200);
    expect(got.json()).toMatchObject({ id: agreement.id, ownerOrgId: 'adda', suppliers: [orgNumber] });
  });

  it('answers 404 for a party that is not a registered supplier, and for an unknown agreement', async () => {
    const agreement = (await createAgreement(cast.adda.id, { name: 'Stödboende 2026', category: 'supported_housing_youth', validFrom: '2026-01-01' })).json();
    const unknownSupplier = await t.request({ method: 'PUT', url: `/v1/agreements/${agreement.id}/suppliers/${newOrgNumber()}`, as: cast.adda.id });
    expect(unknownSupplier.statusCode, unknownSupplier.body).toBe(404);
    expect(unknownSupplier.json().code).toBe('suppliers.not_found');
    expect((await t.request({ method: 'GET', url: `/v1/agreements/${agreement.id}`, as: cast.adda.id })).json().suppliers).toEqual([]);

    const orgNumber = await createSupplier(t, cast.adda.id);
    const unknownAgreement = await t.request({ method: 'PUT', url: `/v1/agreements/0190a1b2-0000-7000-8000-000000000000/suppliers/${orgNumber}`, as: cast.adda.id });
    expect(unknownAgreement.statusCode).toBe(404);
    expect(unknownAgreement.json().code).toBe('agreements.not_found');
    const get = await t.request({ method: 'GET', url: '/v1/agreements/0190a1b2-0000-7000-8000-000000000000', as: cast.adda.id });
    expect(get.statusCode).toBe(404);
  });

  it('lets only the owner add parties (403)', async () => {
    const agreement = (await createAgreement(cast.adda.id, { name: 'Skyddat boende 2026', category: 'protected_housing', validFrom: '2026-01-01' })).json();
    const orgNumber = await createSupplier(t, cast.sundsvall.id);
    const res = await t.request({ method: 'PUT', url: `/v1/agreements/${agreement.id}/suppliers/${orgNumber}`, as: cast.sundsvall.id });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('agreements.not_owner');
  });

  it('lists agreements filtered by owner, category and supplier', async () => {
    const supplier = await createSupplier(t, cast.umea.id, 'Filtergården AB');
    const ids: Record<string, string> = {};
    for (const [key, as, category] of [
      ['umeaHvb', cast.umea.id, 'hvb_adults_substance'],
      ['umeaGambling', cast.umea.id, 'gambling_addiction'],
      ['timraHvb', cast.timra.id, 'hvb_adults_substance'],
    ] as const) {
      const res = await createAgreement(as, { name: `Filter ${key}`, category, validFrom: '2026-01-01' });
      expect(res.statusCode, res.body).toBe(201);
      ids[key] = res.json().id;
    }
    const party = await t.request({ method: 'PUT', url: `/v1/agreements/${ids.umeaGambling}/suppliers/${supplier}`, as: cast.umea.id });
    expect(party.statusCode).toBe(201);
    const party2 = await t.request({ method: 'PUT', url: `/v1/agreements/${ids.timraHvb}/suppliers/${supplier}`, as: cast.timra.id });
    expect(party2.statusCode).toBe(201);

    const list = async (query: string) => {
      const res = await t.request({ method: 'GET', url: `/v1/agreements?${query}`, as: cast.revisor.id });
      expect(res.statusCode, res.body).toBe(200);
      return res.json().items as Array<{ id: string; ownerOrgId: string; category: string; suppliers: string[] }>;
    };

    const byOwner = await list('owner=umea');
    expect(byOwner.map((a) => a.id).sort()).toEqual([ids.umeaHvb, ids.umeaGambling].sort());

    const byCategory = await list('category=hvb_adults_substance');
    expect(byCategory.map((a) => a.id).sort()).toEqual([ids.umeaHvb, ids.timraHvb].sort());

    const bySupplier = await list(`supplier=${supplier}`);
    expect(bySupplier.map((a) => a.id).sort()).toEqual([ids.umeaGambling, ids.timraHvb].sort());
    for (const a of bySupplier) expect(a.suppliers).toEqual([supplier]);

    expect((await list('owner=umea&category=hvb_adults_substance')).map((a) => a.id)).toEqual([ids.umeaHvb]);
    expect((await list(`owner=timra&supplier=${supplier}`)).map((a) => a.id)).toEqual([ids.timraHvb]);
  });

  it('pages through agreements, newest first, each exactly once', async () => {
    const all = await t.database.pool.query('SELECT id FROM agreements ORDER BY id DESC');
    const expected: string[] = all.rows.map((r) => r.id);
    expect(expected.length).toBeGreaterThan(4);
    const seen: string[] = [];
    let cursor: string | null = null;
    do {
      const url: string = `/v1/agreements?limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      const page = (await t.request({ method: 'GET', url, as: cast.umea.id })).json();
      seen.push(...page.items.map((a: { id: string }) => a.id));
      cursor = page.nextCursor;
    } while (cursor && seen.length <= expected.length);
    expect(seen).toEqual(expected);
  });
});
