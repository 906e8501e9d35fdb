import { generateKeyPairSync } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signReceipt } from '../src/modules/receipts/receipts.signature.ts';
import { startTestApp, type TestApp } from './helpers/app.ts';
import { cast, newOrgNumber, seedCast } from './helpers/factories.ts';
import { b64, rfcLeaf, rootFromPath } from './helpers/rfc9162.ts';
import { auditCount, auditEntryAt, flipByte, isJson, jcs, receiptFiles, type Signed, sha256Hex, verifyFromReadme } from './helpers/receipts.ts';

// The registry's key is known to the test, so it can forge what only the registry could sign.
const registryKey = generateKeyPairSync('ed25519').privateKey;
const otherKey = generateKeyPairSync('ed25519');

let t: TestApp;
let files: Awaited<ReturnType<typeof receiptFiles>>;
let keyFile: string;
let otherKeyFile: string;
let orgNumber: string;
let stopId: string;

beforeAll(async () => {
  t = await startTestApp({ AUDIT_SIGNING_KEY: registryKey.export({ type: 'pkcs8', format: 'pem' }).toString() });
  await seedCast(t);
  files = await receiptFiles();
  orgNumber = newOrgNumber();
  const supplier = await t.request({ method: 'PUT', url: `/v1/suppliers/${orgNumber}`, as: cast.sundsvall.id, payload: { name: 'Solgläntan HVB AB', units: [{ name: 'Solgläntan Norr' }] } });
  expect(supplier.statusCode, supplier.body).toBe(201);
  const agreement = await t.request({ method: 'POST', url: '/v1/agreements', as: cast.adda.id, payload: { name: 'HVB barn 2026', category: 'hvb_children', validFrom: '2026-01-01' } });
  const agreementId = agreement.json().id;
  await t.request({ method: 'PUT', url: `/v1/agreements/${agreementId}/suppliers/${orgNumber}`, as: cast.adda.id });
  const stop = await t.request({
    method: 'POST',
    url: '/v1/signals',
    as: cast.adda.id,
    payload: { type: 'call_off_stop', supplierOrgNumber: orgNumber, agreementId, summary: 'Avropsstopp i väntan på utredning av bemanningen.' },
  });
  expect(stop.statusCode, stop.body).toBe(201);
  stopId = stop.json().id;
  // Amended once, so the deciding version is 2.
  const amended = await t.request({ method: 'PATCH', url: `/v1/signals/${stopId}`, as: cast.adda.id, payload: { reason: 'Förtydligande.', summary: 'Avropsstopp: bemanningen nattetid utreds.' } });
  expect(amended.statusCode, amended.body).toBe(200);
  const keys = await t.app.inject({ method: 'GET', url: '/.well-known/receipt-keys' });
  keyFile = await files.write(keys.json().keys[0].publicKey);
  otherKeyFile = await files.write(otherKey.publicKey.export({ type: 'spki', format: 'pem' }).toString());
});
afterAll(() => t.close());

const ask = (as: string, query = 'receipt=true&purpose=placement&caseReference=IFO%202026%2F1234') =>
  t.request({ method: 'GET', url: `/v1/suppliers/${orgNumber}/status?${query}`, as });

const verifyOnline = (body: unknown, as: string = cast.umea.id) =>
  t.request({ method: 'POST', url: '/v1/receipts/verify', as, ...(typeof body === 'string' ? { body, headers: { 'content-type': 'application/json' } } : { payload: body as object }) });

async function placementReceipt(): Promise<Signed> {
  const res = await ask(cast.sundsvall.id);
  expect(res.statusCode, res.body).toBe(200);
  return res.json().receipt;
}

describe('a status read with a receipt', () => {
  it('answers with a receipt that is the answer, signed, and logged at the position it cites', async () => {
    const before = await auditCount(t);
    const res = await ask(cast.sundsvall.id);
    expect(res.statusCode, res.body).toBe(200);
    const { receipt: signed, ...answer } = res.json();
    const { receipt } = signed as Signed;

    expect(receipt).toMatchObject({
      type: 'supplier-status-receipt',
      version: 1,
      question: { orgNumber, unitId: null, askedBy: 'sundsvall', purpose: 'placement', caseReference: 'IFO 2026/1234' },
      answer: { status: answer.status, reasons: answer.reasons, units: answer.units },
      asOf: answer.asOf,
    });
    expect(receipt.answer).toEqual({ status: 'blocked', reasons: answer.reasons, units: [] });
    expect(receipt.answer.reasons).toEqual([expect.objectContaining({ signalId: stopId, signalVersion: 2, effect: 'blocked' })]);
    expect(Date.parse(receipt.issuedAt)).toBeGreaterThanOrEqual(Date.parse(receipt.asOf) - 1000);

    // Issuing it appended exactly one entry, the receipt's, at the position it cites.
    expect(await auditCount(t)).toBe(before + 1);
    const entry = await auditEntryAt(t, receipt.log.position);
    expect(entry).toMatchObject({ org_id: 'sundsvall', action: 'status.receipt_issued', target_type: 'status_receipt', target_id: receipt.id });
    const { log: _log, ...unlogged } = receipt;
    expect(entry!.digest).toBe(sha256Hex(jcs(unlogged)));
    expect(receipt.log.digest).toBe(entry!.digest);

    // A verifier written from the README (node:crypto, the published JWK) accepts it.
    expect(await verifyFromReadme(t, signed)).toBe(true);
  });

  it('is asked for one unit too, and then names the unit', async () => {
    const units = await t.request({ method: 'GET', url: `/v1/suppliers/${orgNumber}`, as: cast.sundsvall.id });
    const unitId = units.json().units[0].id;
    const res = await ask(cast.timra.id, `unitId=${unitId}&receipt=true&purpose=follow_up`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().receipt.receipt.question).toEqual({ orgNumber, unitId, askedBy: 'timra', purpose: 'follow_up', caseReference: null });
    expect((await verifyOnline(res.json().receipt)).json()).toMatchObject({ valid: true });
  });

  it('gives no receipt, and logs nothing, when none is asked for', async () => {
    const before = await auditCount(t);
    const res = await ask(cast.sundsvall.id, '');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).not.toHaveProperty('receipt');
    expect(await auditCount(t)).toBe(before);
  });

  it('publishes the key without a token', async () => {
    const signed = await placementReceipt();
    const res = await t.app.inject({ method: 'GET', url: '/.well-known/receipt-keys' });
    expect(res.statusCode).toBe(200);
    expect(res.json().keys).toEqual([expect.objectContaining({ keyId: signed.signature.keyId, alg: 'Ed25519', jwk: expect.objectContaining({ kty: 'OKP', crv: 'Ed25519' }) })]);
  });
});

describe('verifying a receipt', () => {
  it('verifies online for any organisation, and offline with the published key', { timeout: 60_000 }, async () => {
    const signed = await placementReceipt();
    for (const as of [cast.sundsvall.id, cast.umea.id, cast.revisor.id, cast.adda.id]) {
      const res = await verifyOnline(signed, as);
      expect(res.statusCode, res.body).toBe(200);
      expect(res.json()).toEqual({ valid: true, receiptId: signed.receipt.id, keyId: signed.signature.keyId, logPosition: signed.receipt.log.position });
    }
    // Pretty-printed, as a case system might file it: the signature is over the value, not the layout.
    const offline = await files.cli(await files.write(JSON.stringify(signed, null, 2)), keyFile);
    expect(offline.code, offline.stdout).toBe(0);
    expect(offline.stdout).toMatch(new RegExp(`^OK: receipt ${signed.receipt.id} signed by key ${signed.signature.keyId}; sundsvall asked \\(placement\\) about ${orgNumber}: blocked`));
  });

  it('asks for a token online', async () => {
    const signed = await placementReceipt();
    const res = await t.app.inject({ method: 'POST', url: '/v1/receipts/verify', payload: signed });
    expect(res.statusCode).toBe(401);
  });

  it('fails online when any byte of it changes: field values, keys, the signature', async () => {
    const signed = await placementReceipt();
    const text = JSON.stringify(signed);
    const signatureAt = text.indexOf(signed.signature.value);
    const length = Buffer.byteLength(text);
    // Every byte of the signature and every third byte elsewhere (the unit test flips them all offline).
    const positions = [...Array(length).keys()].filter((i) => i % 3 === 0 || (i >= signatureAt && i < signatureAt + 88));
    const outcomes = new Map<string, number>();
    for (const i of positions) {
      const flipped = flipByte(text, i);
      const res = await verifyOnline(flipped);
      expect(res.statusCode, `byte ${i}: ${res.body}`).toBeLessThan(500);
      if (res.statusCode === 200) expect(res.json().valid, `byte ${i} of ${text}`).toBe(false);
      else expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      const key = res.statusCode === 200 ? res.json().reason : String(res.statusCode);
      outcomes.set(key, (outcomes.get(key) ?? 0) + 1);
      if (isJson(flipped) && res.statusCode === 200) expect(['signature_invalid', 'key_unknown']).toContain(res.json().reason);
    }
    // Most flips keep it a well-formed receipt and are caught by the signature.
    expect(outcomes.get('signature_invalid')).toBeGreaterThan(positions.length / 3);
    expect((await verifyOnline(signed)).json().valid).toBe(true);
  });

  it('fails offline when a byte changes in a field value or in the signature, and against another key', async () => {
    const signed = await placementReceipt();
    const text = JSON.stringify(signed);
    const at = (needle: string, offset = 0) => Buffer.byteLength(text.slice(0, text.indexOf(needle))) + offset;
    const cases = [
      flipByte(text, at('IFO 2026/1234', 4)), // the case reference: 2026 → 3026
      flipByte(text, at('"blocked"', 1), 0x20), // the status: blocked → Blocked
      flipByte(text, at(`"position":${signed.receipt.log.position}`, 11)), // the log position
      flipByte(text, at(signed.signature.value, 10)), // the signature
    ];
    const results = await Promise.all([
      ...cases.map(async (c) => files.cli(await files.write(c), keyFile)),
      files.cli(await files.write(text), otherKeyFile),
    ]);
    for (const [i, r] of results.entries()) {
      expect(r.code, `case ${i}: ${r.stdout}`).toBe(1);
      expect(r.stdout).toMatch(/^FAILED: /);
    }
    expect(results[4]!.stdout).toMatch(/names key [0-9a-f]{32}, which is not this registry's receipt key \(the public key given is [0-9a-f]{32}\)/);
    // Spawning five verifiers takes a while on a busy machine.
  }, 120_000);

  it('fails against another key online, whatever key id the receipt names', async () => {
    const { receipt, signature } = await placementReceipt();
    const byOther = signReceipt(otherKey.privateKey, receipt as never);
    expect((await verifyOnline(byOther)).json()).toMatchObject({ valid: false, reason: 'key_unknown' });
    const relabelled = { ...byOther, signature: { ...byOther.signature, keyId: signature.keyId } };
    expect((await verifyOnline(relabelled)).json()).toMatchObject({ valid: false, reason: 'signature_invalid' });
  });

  it('checks the log: a receipt signed with the registry key but not logged where it says is invalid', async () => {
    const { receipt } = await placementReceipt();
    // Only someone holding the registry's key could make these; the log still gives them away.
    const elsewhere = signReceipt(registryKey, { ...receipt, log: { ...receipt.log, position: 1 } } as never);
    expect((await verifyOnline(elsewhere)).json()).toMatchObject({ valid: false, reason: 'log_entry_differs' });
    const beyond = signReceipt(registryKey, { ...receipt, log: { ...receipt.log, position: 9_000_000_000 } } as never);
    expect((await verifyOnline(beyond)).json()).toMatchObject({ valid: false, reason: 'log_entry_missing' });
    // Another organisation's name on Sundsvall's logged receipt.
    const question = { ...receipt.question, askedBy: 'umea' };
    const unlogged = { ...receipt, question } as Record<string, unknown>;
    delete unlogged.log;
    const renamed = signReceipt(registryKey, { ...unlogged, log: { position: receipt.log.position, digest: sha256Hex(jcs(unlogged)) } } as never);
    expect((await verifyOnline(renamed)).json()).toMatchObject({ valid: false, reason: 'log_entry_differs' });
  });

  it('answers garbage with a 4xx problem, never a 5xx', async () => {
    const { receipt, signature } = await placementReceipt();
    const bodies: unknown[] = [
      '{',
      'null',
      '[]',
      '"receipt"',
      '{}',
      { receipt: 1, signature: 2 },
      { receipt, signature: { ...signature, alg: 'RS256' } },
      { receipt, signature: { ...signature, value: 'not base64' } },
      { receipt: { ...receipt, log: { ...receipt.log, position: 1e300 } }, signature },
      { receipt: { ...receipt, log: { ...receipt.log, position: -1 } }, signature },
      { receipt: { ...receipt, version: 2 }, signature },
      { receipt: { ...receipt, type: 'something-else' }, signature },
      { receipt: { ...receipt, question: { ...receipt.question, orgNumber: '\u0000' } }, signature },
      { receipt: { ...receipt, answer: { ...receipt.answer, reasons: [{}] } }, signature },
      JSON.stringify({ receipt, signature }).replace('{"type":', '{"__proto__":{"x":1},"type":'),
      { receipt, signature, extra: true },
      { receipt: JSON.parse(JSON.stringify(receipt).replace('"asOf":', '"asOf":{"$gt":""},"x":')), signature },
      'x'.repeat(10_000),
    ];
    for (const body of bodies) {
      const res = await verifyOnline(body);
      expect(res.statusCode, `${JSON.stringify(body).slice(0, 200)} → ${res.body}`).toBeGreaterThanOrEqual(400);
      expect(res.statusCode, res.body).toBeLessThan(500);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    }
  });
});

describe("a receipt's log entry in the Merkle log", () => {
  it('has an inclusion proof against a later checkpoint, checked by RFC 9162 written in the test', async () => {
    const { receipt } = await placementReceipt();
    // Later entries, then a checkpoint over all of them.
    await ask(cast.umea.id);
    const signed = await t.request({ method: 'POST', url: '/v1/audit/checkpoint', as: cast.revisor.id });
    expect(signed.statusCode, signed.body).toBe(201);
    const treeSize = signed.json().size as number;
    expect(treeSize).toBeGreaterThan(receipt.log.position);

    // The asker proves its own entry; the proof is against the checkpoint's signed root.
    const res = await t.request({ method: 'GET', url: `/v1/audit/proofs/inclusion?position=${receipt.log.position}&treeSize=${treeSize}`, as: cast.sundsvall.id });
    expect(res.statusCode, res.body).toBe(200);
    const proof = res.json();
    expect(proof.entry).toMatchObject({ position: receipt.log.position, digest: receipt.log.digest, action: 'status.receipt_issued', targetId: receipt.id });
    const [, size, root] = (proof.checkpoint as string).split('\n');
    expect(Number(size)).toBe(treeSize);
    const leaf = rfcLeaf(proof.entry);
    expect(rootFromPath(receipt.log.position - 1, treeSize, leaf, b64(proof.proof)).toString('base64')).toBe(root);
    // A receipt that cites another entry's position does not fold to the root with its own digest.
    const forged = rfcLeaf({ ...proof.entry, digest: sha256Hex('another receipt') });
    expect(rootFromPath(receipt.log.position - 1, treeSize, forged, b64(proof.proof)).toString('base64')).not.toBe(root);
    // Another member cannot fetch the proof of Sundsvall's check.
    expect((await t.request({ method: 'GET', url: `/v1/audit/proofs/inclusion?position=${receipt.log.position}&treeSize=${treeSize}`, as: cast.umea.id })).statusCode).toBe(404);
  });
});
