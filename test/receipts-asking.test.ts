import { generateKeyPairSync } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAuditRepository } from '../src/modules/audit/audit.repository.ts';
import { createAuditService } from '../src/modules/audit/audit.service.ts';
import type { Organisation } from '../src/modules/organisations/organisations.table.ts';
import { createReceiptService } from '../src/modules/receipts/receipts.service.ts';
import { uuidv7 } from '../src/lib/ids.ts';
import type { Principal } from '../src/plugins/auth.ts';
import { startTestApp, type TestApp } from './helpers/app.ts';
import { cast, newOrgNumber, personnummer, seedCast } from './helpers/factories.ts';
import { auditCount, auditEntryAt, receiptFiles, type Signed, verifyFromReadme } from './helpers/receipts.ts';

let t: TestApp;
let orgNumber: string;
let unitId: string;
let restrictedId: string;

beforeAll(async () => {
  t = await startTestApp();
  await seedCast(t);
  orgNumber = newOrgNumber();
  const supplier = await t.request({ method: 'PUT', url: `/v1/suppliers/${orgNumber}`, as: cast.sundsvall.id, payload: { name: 'Björkhagen Omsorg AB', units: [{ name: 'Björkhagen' }] } });
  expect(supplier.statusCode, supplier.body).toBe(201);
  unitId = supplier.json().units[0].id;
  const post = (as: string, payload: object) => t.request({ method: 'POST', url: '/v1/signals', as, payload: { supplierOrgNumber: orgNumber, ...payload } });
  // Seen by every member: a caution for all.
  expect((await post(cast.umea.id, { type: 'deviation', severity: 'high', category: 'staffing', summary: 'Bemanningen understeg avtalad nivå i mars.' })).statusCode).toBe(201);
  // Seen only by Sundsvall (its issuer) and auditors.
  const restricted = await post(cast.sundsvall.id, {
    type: 'deviation',
    severity: 'critical',
    category: 'safety',
    unitId,
    summary: 'Intern notering: larmrutinen följdes inte.',
    visibility: 'issuer_and_auditors',
  });
  expect(restricted.statusCode, restricted.body).toBe(201);
  restrictedId = restricted.json().id;
});
afterAll(() => t.close());

const get = (as: string, query: string) => t.request({ method: 'GET', url: `/v1/suppliers/${orgNumber}/status?${query}`, as });
const batch = (as: string, payload: object) => t.request({ method: 'POST', url: '/v1/suppliers/status', as, payload });
const verifyOnline = (body: unknown, as: string = cast.revisor.id) => t.request({ method: 'POST', url: '/v1/receipts/verify', as, payload: body as object });

describe('asking for a receipt', () => {
  it('refuses a case reference with a personnummer, however it is written, and logs nothing', async () => {
    const before = await auditCount(t);
    for (const reference of [`Barn ${personnummer('150101')}`, `akt ${personnummer('120304').replace('-', '')}`, `20${personnummer('150101')}`]) {
      const res = await get(cast.sundsvall.id, `receipt=true&purpose=placement&caseReference=${encodeURIComponent(reference)}`);
      expect(res.statusCode, res.body).toBe(422);
      expect(res.json()).toMatchObject({ code: 'input.personal_data', fields: ['caseReference'] });
      const inBatch = await batch(cast.sundsvall.id, { orgNumbers: [orgNumber], receipt: { purpose: 'placement', caseReference: reference } });
      expect(inBatch.statusCode, inBatch.body).toBe(422);
      expect(inBatch.json()).toMatchObject({ code: 'input.personal_data', fields: ['receipt.caseReference'] });
    }
    expect(await auditCount(t)).toBe(before);
  });

  it('asks for a purpose from the list, and takes receipt options only with a receipt', async () => {
    const before = await auditCount(t);
    const cases: Array<[string, number, string]> = [
      ['receipt=true', 400, 'receipts.purpose_required'],
      ['purpose=placement', 400, 'receipts.not_asked'],
      ['caseReference=IFO%201', 400, 'receipts.not_asked'],
      ['receipt=false&purpose=placement', 400, 'receipts.not_asked'],
      ['receipt=true&purpose=gossip', 400, 'input.invalid'],
      ['receipt=yes&purpose=placement', 400, 'input.invalid'],
      ['receipt=true&purpose=placement&caseReference=', 400, 'input.invalid'],
    ];
    for (const [query, status, code] of cases) {
      const res = await get(cast.sundsvall.id, query);
      expect(res.statusCode, `${query}: ${res.body}`).toBe(status);
      expect(res.json().code, query).toBe(code);
    }
    expect((await batch(cast.sundsvall.id, { orgNumbers: [orgNumber], receipt: {} })).statusCode).toBe(400);
    expect((await batch(cast.sundsvall.id, { orgNumbers: [orgNumber], receipt: { purpose: 'placement', extra: 1 } })).statusCode).toBe(400);
    expect(await auditCount(t)).toBe(before);
  });

  it('gives a member no receipt showing what it could not read', async () => {
    const receiptOf = async (as: string, query = 'receipt=true&purpose=placement') => {
      const res = await get(as, query);
      expect(res.statusCode, res.body).toBe(200);
      const { receipt, ...answer } = res.json();
      // The receipt is the answer the asker was given, nothing more.
      expect(receipt.receipt.answer).toEqual({ status: answer.status, reasons: answer.reasons, units: answer.units });
      return receipt as Signed;
    };
    const umea = await receiptOf(cast.umea.id);
    expect(JSON.stringify(umea)).not.toContain(restrictedId);
    expect(JSON.stringify(umea)).not.toContain('larmrutinen');
    expect(umea.receipt.answer.units).toEqual([]);
    // Its issuer and an auditor read it, so their receipts show it.
    for (const as of [cast.sundsvall.id, cast.revisor.id]) {
      expect((await receiptOf(as)).receipt.answer.reasons.map((r: { signalId: string }) => r.signalId)).toContain(restrictedId);
    }
    // Umeå cannot make its receipt say more: adding Sundsvall's reason breaks the signature.
    const sundsvall = await receiptOf(cast.sundsvall.id);
    const added = structuredClone(umea);
    added.receipt.answer.reasons.push(sundsvall.receipt.answer.reasons.find((r: { signalId: string }) => r.signalId === restrictedId));
    expect((await verifyOnline(added)).json()).toMatchObject({ valid: false, reason: 'signature_invalid' });
    // Nor get one about a unit of another supplier.
    const other = newOrgNumber();
    await t.request({ method: 'PUT', url: `/v1/suppliers/${other}`, as: cast.umea.id, payload: { name: 'Annan AB' } });
    const before = await auditCount(t);
    const wrongUnit = await t.request({ method: 'GET', url: `/v1/suppliers/${other}/status?unitId=${unitId}&receipt=true&purpose=placement`, as: cast.umea.id });
    expect(wrongUnit.statusCode).toBe(422);
    expect(await auditCount(t)).toBe(before);
  });

  it('gives one receipt over a batch, covering every question answered and leaving out the invalid ones', async () => {
    const unregistered = newOrgNumber();
    const before = await auditCount(t);
    const res = await batch(cast.umea.id, {
      orgNumbers: [orgNumber, { orgNumber, unitId }, unregistered, 'not-a-number', { orgNumber, unitId: 'nope' }],
      receipt: { purpose: 'follow_up', caseReference: 'Uppföljning Q2' },
    });
    expect(res.statusCode, res.body).toBe(200);
    const { results, asOf, receipt: signed } = res.json();
    expect(results.map((r: { status: string }) => r.status)).toEqual(['caution', 'caution', 'unknown', 'invalid', 'invalid']);
    const answered = results.filter((r: { status: string }) => r.status !== 'invalid');
    expect(signed.receipt).toMatchObject({
      type: 'supplier-status-batch-receipt',
      question: { items: answered.map((r: { orgNumber: string; unitId: string | null }) => ({ orgNumber: r.orgNumber, unitId: r.unitId })), askedBy: 'umea', purpose: 'follow_up', caseReference: 'Uppföljning Q2' },
      answer: { results: answered.map(({ problem: _problem, ...r }: Record<string, unknown>) => r) },
      asOf,
    });
    expect(JSON.stringify(signed)).not.toContain('not-a-number');
    // One log entry for the whole batch.
    expect(await auditCount(t)).toBe(before + 1);
    expect(await auditEntryAt(t, signed.receipt.log.position)).toMatchObject({ action: 'status.receipt_issued', target_id: signed.receipt.id, org_id: 'umea' });
    expect((await verifyOnline(signed)).json()).toMatchObject({ valid: true });
    expect(await verifyFromReadme(t, signed)).toBe(true);
    const files = await receiptFiles();
    const keys = await t.app.inject({ method: 'GET', url: '/.well-known/receipt-keys' });
    const offline = await files.cli(await files.write(JSON.stringify(signed)), await files.write(keys.json().keys[0].publicKey));
    expect(offline.code, offline.stdout).toBe(0);
    expect(offline.stdout).toContain('3 suppliers');
  }, 60_000);

  it('logs each receipt at its own position when many are asked at once', async () => {
    const answers = await Promise.all(Array.from({ length: 8 }, (_, i) => get([cast.sundsvall.id, cast.timra.id][i % 2]!, 'receipt=true&purpose=audit')));
    const positions = answers.map((r) => r.json().receipt.receipt.log.position);
    expect(new Set(positions).size).toBe(8);
    for (const r of answers) expect((await verifyOnline(r.json().receipt)).json()).toMatchObject({ valid: true });
  });
});

describe('issuing is one transaction', () => {
  const principal = (): Principal => ({
    sub: 'sundsvall-client',
    org: { id: 'sundsvall', kind: 'municipality', federationId: 'kfv' } as Organisation,
    scopes: new Set(['registry:read']),
    represents: [],
    requestId: 'receipt-transaction-test',
  });
  const answer = () => ({ orgNumber: orgNumber.replace('-', ''), unitId: null, status: 'clear' as const, reasons: [], units: [], asOf: new Date() });

  it('leaves no log entry when the receipt cannot be signed', async () => {
    const db = t.database.db;
    const { privateKey, publicKey } = generateKeyPairSync('ed25519');
    const audit = createAuditService({ audit: createAuditRepository(db), signingKey: privateKey });
    const at = createAuditRepository(db).at;
    // A public key cannot sign: signing fails after the entry was appended in the transaction.
    const broken = createReceiptService({ db, audit, logEntryAt: at, signingKey: publicKey, newId: uuidv7 });
    const before = await auditCount(t);
    await expect(broken.forSupplier(principal(), { purpose: 'placement' }, answer())).rejects.toThrow();
    expect(await auditCount(t)).toBe(before);

    // The same with a key that signs: one entry, at the position the receipt cites.
    const working = createReceiptService({ db, audit, logEntryAt: at, signingKey: privateKey, newId: uuidv7 });
    const signed = await working.forSupplier(principal(), { purpose: 'placement' }, answer());
    expect(await auditCount(t)).toBe(before + 1);
    expect(await auditEntryAt(t, signed.receipt.log.position)).toMatchObject({ target_id: signed.receipt.id, digest: signed.receipt.log.digest });
    expect(await working.verify(signed)).toMatchObject({ valid: true });
  });
});

describe('rate limits', () => {
  let limited: TestApp;
  beforeAll(async () => {
    limited = await startTestApp({ RATE_LIMIT_WRITES_PER_MINUTE: '2', RATE_LIMIT_READS_PER_MINUTE: '100' });
    // One organisation only: the operator's registrations are writes of its own.
    const org = await limited.request({ method: 'POST', url: '/v1/organisations', as: limited.config.OPERATOR_ORG_ID, payload: cast.umea });
    expect(org.statusCode, org.body).toBe(201);
  });
  afterAll(() => limited?.close());

  it('counts a read with a receipt as a write', async () => {
    const supplier = newOrgNumber();
    // Registering the supplier is the first write of the minute.
    expect((await limited.request({ method: 'PUT', url: `/v1/suppliers/${supplier}`, as: cast.umea.id, payload: { name: 'Gränsen AB' } })).statusCode).toBe(201);
    const read = (query: string) => limited.request({ method: 'GET', url: `/v1/suppliers/${supplier}/status${query}`, as: cast.umea.id });
    expect((await read('?receipt=true&purpose=placement')).statusCode).toBe(200);
    const third = await read('?receipt=true&purpose=placement');
    expect(third.statusCode, third.body).toBe(429);
    expect(third.json().code).toBe('rate_limit.exceeded');
    // A read without a receipt still counts against the read quota only.
    expect((await read('')).statusCode).toBe(200);
  });
});
