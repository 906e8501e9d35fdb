import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './helpers/app.ts';
import { callOffStop, cast, createSupplier, deviation, newOrgNumber, postSignal, seedCast } from './helpers/factories.ts';
import { openApiSchemas } from './helpers/openapi-schemas.ts';

/*
 * The status routes write their answers as built, without the zod encode on the way out
 * (src/lib/route.ts, writtenAsBuilt). So every kind of answer they give is held here against
 * the OpenAPI document, whose objects allow no undeclared property: a field an answer should
 * not carry (a column, an internal flag) fails this test.
 */

let t: TestApp;
let validate: (operation: { path: string; method: 'get' | 'post' }, body: unknown) => string | null;

beforeAll(async () => {
  t = await startTestApp();
  await seedCast(t);
  const doc = JSON.parse(await readFile(new URL('../openapi/openapi.json', import.meta.url), 'utf8'));
  const schemas = openApiSchemas(doc);
  validate = ({ path, method }, body) => schemas.compile(doc.paths[path][method].responses['200'].content['application/json'].schema)(body);
});
afterAll(() => t?.close());

const single = { path: '/v1/suppliers/{orgNumber}/status', method: 'get' } as const;
const batch = { path: '/v1/suppliers/status', method: 'post' } as const;

describe('status answers, written as built', () => {
  it('are exactly the documented shapes: clear, with reasons, per unit, through a link, as of a past moment, with a receipt, and batches', async () => {
    // A supplier with two homes: the asker's own stop on one, another member's deviation on the supplier.
    const orgNumber = newOrgNumber();
    const made = await t.request({ method: 'PUT', url: `/v1/suppliers/${orgNumber}`, as: cast.sundsvall.id, payload: { name: 'Hemmen AB', units: [{ name: 'Hemmet Norr' }, { name: 'Hemmet Söder' }] } });
    expect(made.statusCode, made.body).toBe(201);
    const [unit] = made.json().units as Array<{ id: string }>;
    await postSignal(t, cast.umea.id, deviation(orgNumber, { severity: 'critical', summary: 'Brister i bemanningen nattetid.' }));
    await postSignal(t, cast.sundsvall.id, callOffStop(orgNumber, { unitId: unit!.id, summary: 'Avropspaus för Hemmet Norr.' }));
    const before = new Date().toISOString();
    // A parent company under a stop: the supplier reads caution through the link.
    const parent = await createSupplier(t, cast.sundsvall.id, 'Moderbolaget AB');
    const link = await t.request({ method: 'POST', url: '/v1/supplier-links', as: cast.sundsvall.id, payload: { kind: 'group', fromOrgNumber: parent, toOrgNumber: orgNumber, reason: 'Koncern enligt årsredovisningen.' } });
    expect(link.statusCode, link.body).toBe(201);
    await postSignal(t, cast.sundsvall.id, callOffStop(parent, { summary: 'Avropspaus för moderbolaget.' }));
    const clear = await createSupplier(t);

    const answers: Array<[string, typeof single | typeof batch, { statusCode: number; body: string; json(): unknown }]> = [
      ['clear', single, await t.request({ method: 'GET', url: `/v1/suppliers/${clear}/status`, as: cast.timra.id })],
      ['with reasons and a link', single, await t.request({ method: 'GET', url: `/v1/suppliers/${orgNumber}/status`, as: cast.sundsvall.id })],
      ['for a unit', single, await t.request({ method: 'GET', url: `/v1/suppliers/${orgNumber}/status?unitId=${unit!.id}`, as: cast.sundsvall.id })],
      ['as an auditor', single, await t.request({ method: 'GET', url: `/v1/suppliers/${orgNumber}/status`, as: cast.revisor.id, scope: 'registry:read audit:read' })],
      ['as of a past moment', single, await t.request({ method: 'GET', url: `/v1/suppliers/${orgNumber}/status?asOf=${encodeURIComponent(before)}`, as: cast.sundsvall.id })],
      ['with a receipt', single, await t.request({ method: 'GET', url: `/v1/suppliers/${orgNumber}/status?receipt=true&purpose=placement`, as: cast.sundsvall.id })],
      [
        'a batch',
        batch,
        await t.request({
          method: 'POST',
          url: '/v1/suppliers/status',
          as: cast.sundsvall.id,
          payload: { orgNumbers: [orgNumber, clear, { orgNumber, unitId: unit!.id }, '556000-0000', 'inte ett nummer', newOrgNumber()] },
        }),
      ],
      ['a batch as of a past moment', batch, await t.request({ method: 'POST', url: '/v1/suppliers/status', as: cast.sundsvall.id, payload: { orgNumbers: [orgNumber, clear], asOf: before } })],
      ['a batch with a receipt', batch, await t.request({ method: 'POST', url: '/v1/suppliers/status', as: cast.sundsvall.id, payload: { orgNumbers: [orgNumber, clear], receipt: { purpose: 'placement' } } })],
    ];
    for (const [what, operation, res] of answers) {
      expect(res.statusCode, `${what}: ${res.body}`).toBe(200);
      expect(validate(operation, res.json()), what).toBeNull();
    }
    // The cases are the ones meant: a reason through the link, a unit, a receipt, invalid and unknown questions.
    const [, withReasons, forUnit, , , withReceipt, inBatch] = answers.map(([, , res]) => res.json() as Record<string, any>);
    expect(withReasons!.reasons.map((r: { linkedThrough: unknown }) => r.linkedThrough !== null)).toContain(true);
    expect(forUnit!.status).toBe('blocked');
    expect(withReceipt!.receipt).toBeDefined();
    expect(inBatch!.results.map((r: { status: string }) => r.status)).toEqual(expect.arrayContaining(['invalid', 'unknown', 'clear', 'caution', 'blocked']));
  });

  it('would fail on an undeclared property (the check itself)', () => {
    const answer = { orgNumber: '556000-0000', unitId: null, status: 'clear', reasons: [], units: [], asOf: new Date().toISOString() };
    expect(validate(single, answer)).toBeNull();
    expect(validate(single, { ...answer, issuerKind: 'municipality' })).not.toBeNull();
  });
});
