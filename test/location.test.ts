import { createHash, createPublicKey, generateKeyPairSync, type KeyObject, sign } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LightMyRequestResponse } from 'fastify';
import { generateOpenApiDocument } from '../src/openapi-document.ts';
import { startTestApp, type TestApp } from './helpers/app.ts';
import { cast, createSupplier, newOrgNumber, seedCast } from './helpers/factories.ts';

// A witness cosignature (C2SP tlog-cosignature), made here from the spec as test/audit-merkle-witness.test.ts does.
const rawKey = (key: KeyObject) => createPublicKey(key).export({ format: 'der', type: 'spki' }).subarray(-32);
const keyId = (name: string, key: KeyObject) => createHash('sha256').update(`${name}\n`).update(Buffer.from([4])).update(rawKey(key)).digest().subarray(0, 4);
const cosignLine = (key: KeyObject, name: string, note: string) => {
  const timestamp = Math.floor(Date.now() / 1000);
  const ts = Buffer.alloc(8);
  ts.writeBigUInt64BE(BigInt(timestamp));
  const body = note.slice(0, note.lastIndexOf('\n\n') + 1);
  return `— ${name} ${Buffer.concat([keyId(name, key), ts, sign(null, Buffer.from(`cosignature/v1\ntime ${timestamp}\n${body}`), key)]).toString('base64')}`;
};
const witnessKey = generateKeyPairSync('ed25519').privateKey;
const WITNESS = 'location.test/witness';

let t: TestApp;
let operator: string;
beforeAll(async () => {
  t = await startTestApp({ WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'true' });
  operator = t.config.OPERATOR_ORG_ID;
  await seedCast(t);
});
afterAll(() => t.close());

interface Creation {
  method: 'POST' | 'PUT';
  url: string;
  as: string;
  payload?: Record<string, unknown>;
  /** Who reads what Location points to (none: a public route). */
  readAs: string | null;
}

let agreementId = '';
let supplierOrg = '';
let stopId = '';
let checkpoint: { size: number; checkpoint: string } | undefined;

/** One request per operation that answers 201, in an order that makes each possible. */
const creations: [operationId: string, make: () => Promise<Creation>][] = [
  ['createOrganisation', async () => ({ method: 'POST', url: '/v1/organisations', as: operator, payload: { id: 'loc-supplier', kind: 'supplier', name: 'Leverantörsorganisation (test)' }, readAs: operator })],
  ['putSupplier', async () => ({ method: 'PUT', url: `/v1/suppliers/${(supplierOrg = newOrgNumber())}`, as: cast.sundsvall.id, payload: { name: 'Platsgården AB' }, readAs: cast.umea.id })],
  ['createAgreement', async () => ({ method: 'POST', url: '/v1/agreements', as: cast.adda.id, payload: { name: 'HVB barn (location)', category: 'hvb_children', validFrom: '2026-01-01' }, readAs: cast.umea.id })],
  ['addAgreementSupplier', async () => ({ method: 'PUT', url: `/v1/agreements/${agreementId}/suppliers/${supplierOrg}`, as: cast.adda.id, readAs: cast.umea.id })],
  ['createSignal', async () => ({ method: 'POST', url: '/v1/signals', as: cast.adda.id, payload: { type: 'call_off_stop', supplierOrgNumber: supplierOrg, agreementId, summary: 'Avropsstopp (test).' }, readAs: cast.umea.id })],
  ['addRepresentedNumber', async () => ({ method: 'POST', url: '/v1/organisations/loc-supplier/represented-numbers', as: operator, payload: { orgNumber: supplierOrg, reason: 'Identiteten kontrollerad.' }, readAs: operator })],
  ['replyToSignal', async () => ({ method: 'POST', url: `/v1/signals/${stopId}/replies`, as: 'loc-supplier', payload: { text: 'Vi har åtgärdat bristerna.' }, readAs: cast.umea.id })],
  ['recordFollowUp', async () => ({ method: 'POST', url: '/v1/follow-ups', as: cast.sundsvall.id, payload: { supplierOrgNumber: supplierOrg, kind: 'credit_check', checkedOn: '2026-01-15', outcome: 'no_remarks' }, readAs: cast.sundsvall.id })],
  ['createSupplierLink', async () => ({ method: 'POST', url: '/v1/supplier-links', as: cast.sundsvall.id, payload: { kind: 'group', fromOrgNumber: await createSupplier(t), toOrgNumber: supplierOrg, reason: 'Enligt Bolagsverket.' }, readAs: cast.umea.id })],
  ['createSubscription', async () => ({ method: 'POST', url: '/v1/subscriptions', as: cast.umea.id, payload: { url: 'http://127.0.0.1:9/hook', filters: {} }, readAs: cast.umea.id })],
  ['revokeClient', async () => ({ method: 'POST', url: `/v1/organisations/${cast.timra.id}/revoked-clients`, as: operator, payload: { sub: 'timra-old-client', reason: 'Hemligheten läckte.' }, readAs: operator })],
  ['rotateWebhookKey', async () => ({ method: 'POST', url: '/v1/webhook-keys/rotate', as: operator, payload: { reason: 'Årlig byte.' }, readAs: null })],
  ['signAuditHead', async () => ({ method: 'POST', url: '/v1/audit/head', as: cast.revisor.id, readAs: cast.revisor.id })],
  ['signAuditCheckpoint', async () => ({ method: 'POST', url: '/v1/audit/checkpoint', as: cast.revisor.id, readAs: cast.revisor.id })],
  ['registerAuditWitness', async () => ({ method: 'POST', url: '/v1/audit/witnesses', as: cast.revisor.id, payload: { name: WITNESS, publicKey: rawKey(witnessKey).toString('base64') }, readAs: cast.revisor.id })],
  ['cosignAuditCheckpoint', async () => ({ method: 'POST', url: `/v1/audit/checkpoints/${checkpoint!.size}/cosignatures`, as: cast.revisor.id, payload: { cosignature: cosignLine(witnessKey, WITNESS, checkpoint!.checkpoint) }, readAs: cast.revisor.id })],
];

/** The document's GET paths as patterns, to tell whether a Location can be read. */
async function getPaths(): Promise<RegExp[]> {
  const doc = JSON.parse(await generateOpenApiDocument());
  return Object.entries<Record<string, unknown>>(doc.paths)
    .filter(([, item]) => 'get' in item)
    .map(([path]) => new RegExp(`^${path.replace(/\{[^}]+\}/g, '[^/]+')}$`));
}

describe('Location on every 201', () => {
  it('has a request for every operation that answers 201', async () => {
    const doc = JSON.parse(await generateOpenApiDocument());
    const created = Object.values<Record<string, { operationId: string; responses: Record<string, { headers?: Record<string, unknown> }> }>>(doc.paths)
      .flatMap((item) => Object.values(item))
      .filter((op) => '201' in op.responses);
    expect(created.map((op) => op.operationId).sort()).toEqual(creations.map(([id]) => id).sort());
    for (const op of created) expect(Object.keys(op.responses['201']!.headers ?? {}), op.operationId).toContain('Location');
  });

  it('points to what was made, readable where the registry has a GET for it, and is the same on an idempotent replay', async () => {
    const readable = await getPaths();
    let read = 0;
    for (const [operationId, make] of creations) {
      const creation = await make();
      const key = `location-${operationId}`;
      const send = () =>
        t.request({
          method: creation.method,
          url: creation.url,
          as: creation.as,
          ...(creation.payload ? { payload: creation.payload } : {}),
          ...(creation.method === 'POST' ? { headers: { 'idempotency-key': key } } : {}),
        });
      const res: LightMyRequestResponse = await send();
      expect(res.statusCode, `${operationId}: ${res.body}`).toBe(201);
      const location = res.headers.location;
      expect(location, operationId).toMatch(/^\/[^?#]*$/);

      if (creation.method === 'POST') {
        const replay = await send();
        expect([replay.statusCode, replay.headers['idempotent-replayed'], replay.headers.location], operationId).toEqual([201, 'true', location]);
      }

      const path = String(location);
      if (readable.some((pattern) => pattern.test(path))) {
        const got = await t.request({ method: 'GET', url: path, ...(creation.readAs ? { as: creation.readAs } : {}) });
        expect(got.statusCode, `${operationId}: GET ${path}: ${got.body}`).toBe(200);
        read++;
      }

      // What the next requests build on.
      const body = res.json();
      if (operationId === 'createAgreement') agreementId = body.id;
      if (operationId === 'createSignal') stopId = body.id;
      if (operationId === 'signAuditCheckpoint') checkpoint = body;
    }
    // Every Location is one the registry can GET (an agreement party's is its agreement, which lists it).
    expect(read).toBe(creations.length);
  });
});
