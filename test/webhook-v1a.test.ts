import { createHash, createPublicKey, generateKeyPairSync, type KeyObject, verify } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWebhookKeyRepository } from '../src/modules/webhook-keys/webhook-keys.repository.ts';
import { startTestApp, type TestApp } from './helpers/app.ts';
import { asOwner } from './helpers/db.ts';
import { callOffStop, cast, createSupplier, postSignal, seedCast } from './helpers/factories.ts';
import { type Received, receiverPool, verifyWebhook } from './helpers/receiver.ts';

// Keys refresh every second and a rotated-in key is published 2 s before it signs.
let t: TestApp;
let base: string;
const receivers = receiverPool();
beforeAll(async () => {
  t = await startTestApp({ WEBHOOK_KEY_REFRESH: '1s', WEBHOOK_KEY_LEAD_TIME: '2s' }, { workers: true });
  await seedCast(t);
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(t.app.server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await receivers.closeAll();
  await t?.close();
});

// --- What a receiver (or a third party) does, written from the specifications, not from the code under test.

interface PublishedKey { kid: string; kty: string; crv: string; x: string; publicKey: string; status: string; validFrom: string; signsUntil: string | null }

/** The published key set, fetched over HTTP without a token. */
async function fetchKeys(): Promise<PublishedKey[]> {
  const res = await fetch(`${base}/.well-known/webhook-keys`);
  expect(res.status).toBe(200);
  return ((await res.json()) as { keys: PublishedKey[] }).keys;
}

/** RFC 8410: an Ed25519 SubjectPublicKeyInfo is this prefix and the 32 raw bytes of `whpk_…`. */
const publicKeyOf = (whpk: string): KeyObject =>
  createPublicKey({ key: Buffer.concat([Buffer.from('302a300506032b6570032100', 'hex'), Buffer.from(whpk.replace(/^whpk_/, ''), 'base64')]), format: 'der', type: 'spki' });

/** RFC 7638 thumbprint of an OKP key: SHA-256 of {"crv","kty","x"} in that order, base64url. */
const thumbprint = (k: PublishedKey) => createHash('sha256').update(`{"crv":"${k.crv}","kty":"${k.kty}","x":"${k.x}"}`).digest('base64url');

/** The v1a signatures of a delivery with the key id the registry names for each (Standard Webhooks: space-separated `v1a,<base64>`). */
function v1aSignatures(received: Received): Array<{ kid: string; signature: Buffer }> {
  const signatures = String(received.headers['webhook-signature']).split(' ').filter((s) => s.startsWith('v1a,'));
  const kids = String(received.headers['webhook-key-id'] ?? '').split(' ');
  expect(kids).toHaveLength(signatures.length);
  return signatures.map((s, i) => ({ kid: kids[i]!, signature: Buffer.from(s.slice('v1a,'.length), 'base64') }));
}

/** `{webhook-id}.{webhook-timestamp}.{body}`, the signed content. */
const signedContent = (r: Received) => Buffer.from(`${String(r.headers['webhook-id'])}.${String(r.headers['webhook-timestamp'])}.${r.body}`, 'utf8');

/** Whether the delivery carries a v1a signature by `kid` that verifies against the published key, within its validity. */
function verifiesWith(received: Received, keys: PublishedKey[], kid: string, content = signedContent(received)): boolean {
  const key = keys.find((k) => k.kid === kid);
  const entry = v1aSignatures(received).find((s) => s.kid === kid);
  if (!key || !entry) return false;
  const timestamp = Number(received.headers['webhook-timestamp']) * 1000;
  const inPeriod = timestamp >= Math.floor(Date.parse(key.validFrom) / 1000) * 1000 && (key.signsUntil === null || timestamp <= Date.parse(key.signsUntil));
  return inPeriod && verify(null, content, publicKeyOf(key.publicKey), entry.signature);
}

// --- Helpers to drive the registry.

const subscribeTo = async (url: string, v1aSignatures?: boolean, as: string = cast.sundsvall.id) => {
  const res = await t.request({ method: 'POST', url: '/v1/subscriptions', as, payload: { url, ...(v1aSignatures === undefined ? {} : { v1aSignatures }) } });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; secret: string; v1aSignatures: boolean };
};

const postStop = async () => {
  await postSignal(t, cast.umea.id, callOffStop(await createSupplier(t)));
};

const rotate = (payload: Record<string, unknown>, as = t.config.OPERATOR_ORG_ID, scope?: string) =>
  t.request({ method: 'POST', url: '/v1/webhook-keys/rotate', as, ...(scope ? { scope } : {}), payload });

const waitUntil = async (iso: string) => {
  // Past the moment, and past one more key refresh of the workers.
  const ms = Date.parse(iso) - Date.now() + 300;
  if (ms > 0) await new Promise((resolve) => setTimeout(resolve, ms));
};

describe('v1a signatures, verified with node:crypto against the published key', () => {
  let optedIn: Awaited<ReturnType<typeof receivers.start>>;
  let optedOut: Awaited<ReturnType<typeof receivers.start>>;
  let optedInSecret: string;
  let optedOutSecret: string;
  let first: Received;

  beforeAll(async () => {
    optedIn = await receivers.start();
    optedOut = await receivers.start();
    optedInSecret = (await subscribeTo(optedIn.url, true)).secret;
    optedOutSecret = (await subscribeTo(optedOut.url)).secret;
    await postStop();
    await optedIn.waitFor(1);
    await optedOut.waitFor(1);
    first = optedIn.received[0]!;
  });

  it('publishes the key with an id anyone can recompute, without a token', async () => {
    const keys = await fetchKeys();
    expect(keys).toHaveLength(1);
    const [key] = keys;
    expect(key).toMatchObject({ kty: 'OKP', crv: 'Ed25519', alg: 'EdDSA', use: 'sig', status: 'current', retiredAt: null, signsUntil: null });
    expect(key!.kid).toBe(thumbprint(key!));
    expect(key!.publicKey).toMatch(/^whpk_[A-Za-z0-9+/]{43}=$/);
    // The JWK and the whpk_ form are the same key.
    expect(createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: key!.x }, format: 'jwk' }).equals(publicKeyOf(key!.publicKey))).toBe(true);
    const res = await fetch(`${base}/.well-known/webhook-keys`);
    expect(res.headers.get('cache-control')).toBe('public, max-age=60');
  });

  it('an opted-in delivery carries v1 and v1a; both verify', async () => {
    const keys = await fetchKeys();
    const parts = String(first.headers['webhook-signature']).split(' ');
    expect(parts.map((p) => p.split(',')[0])).toEqual(['v1', 'v1a']);
    expect(first.headers['webhook-key-id']).toBe(keys[0]!.kid);
    expect(verifiesWith(first, keys, keys[0]!.kid)).toBe(true);
    // The HMAC still verifies with the subscription's secret, as the Standard Webhooks library does it (it skips v1a).
    expect(verifyWebhook(optedInSecret, first).type).toBe('signal.created');
  });

  it('fails against another key, and when any byte of the id, timestamp, body or signature changes', async () => {
    const keys = await fetchKeys();
    const kid = keys[0]!.kid;
    const { signature } = v1aSignatures(first)[0]!;
    const content = signedContent(first);
    const stranger = generateKeyPairSync('ed25519').publicKey;
    expect(verify(null, content, stranger, signature)).toBe(false);
    for (let i = 0; i < content.length; i++) {
      const changed = Buffer.from(content);
      changed[i] = changed[i]! ^ 0x01;
      expect(verifiesWith(first, keys, kid, changed), `content byte ${i}`).toBe(false);
    }
    for (let i = 0; i < signature.length; i++) {
      const changed = Buffer.from(signature);
      changed[i] = changed[i]! ^ 0x01;
      expect(verify(null, content, publicKeyOf(keys[0]!.publicKey), changed), `signature byte ${i}`).toBe(false);
    }
  });

  it('an opted-out subscription gets v1 only, as before', () => {
    const received = optedOut.received[0]!;
    expect(String(received.headers['webhook-signature'])).toMatch(/^v1,[A-Za-z0-9+/]+=*$/);
    expect(received.headers['webhook-key-id']).toBeUndefined();
    expect(verifyWebhook(optedOutSecret, received).type).toBe('signal.created');
    expect(received.body).toBe(optedIn.received[0]!.body);
  });

  it('rotation: the new key is published before it signs, signs new deliveries, and old keys stay published and keep verifying', async () => {
    const [k1] = await fetchKeys();

    const rotated = await rotate({ reason: 'Årligt nyckelbyte.', overlapHours: 1 });
    expect(rotated.statusCode, rotated.body).toBe(201);
    const { key: k2, previous } = rotated.json();
    expect(previous).toMatchObject({ kid: k1!.kid, status: 'current', retiredAt: k2.validFrom });
    expect(k2.status).toBe('next');
    // Published at once, before it signs anything.
    expect((await fetchKeys()).map((k) => [k.kid, k.status])).toEqual([[k2.kid, 'next'], [k1!.kid, 'current']]);
    // A second rotation before the first one's key has started is refused.
    const pending = await rotate({ reason: 'För tidigt.' });
    expect(pending.statusCode).toBe(409);
    expect(pending.json().code).toBe('webhook_keys.rotation_pending');

    // After it starts: the new key first, the old one beside it during the overlap.
    await waitUntil(k2.validFrom);
    await postStop();
    await optedIn.waitFor(2);
    const second = optedIn.received[1]!;
    expect(second.headers['webhook-key-id']).toBe(`${k2.kid} ${k1!.kid}`);
    let keys = await fetchKeys();
    expect(keys.map((k) => k.status)).toEqual(['current', 'previous']);
    expect(verifiesWith(second, keys, k2.kid)).toBe(true);
    expect(verifiesWith(second, keys, k1!.kid)).toBe(true);

    // A rotation without overlap (a compromised key): the earlier overlap ends too, so only the newest key signs.
    const again = await rotate({ reason: 'Nyckeln kan ha läckt.', overlapHours: 0 });
    expect(again.statusCode, again.body).toBe(201);
    const k3 = again.json().key;
    await waitUntil(k3.validFrom);
    await postStop();
    await optedIn.waitFor(3);
    const third = optedIn.received[2]!;
    expect(third.headers['webhook-key-id']).toBe(k3.kid);
    keys = await fetchKeys();
    expect(keys.map((k) => [k.kid, k.status])).toEqual([[k3.kid, 'current'], [k2.kid, 'retired'], [k1!.kid, 'retired']]);
    expect(verifiesWith(third, keys, k3.kid)).toBe(true);
    expect(verifiesWith(third, keys, k2.kid)).toBe(false);

    // The first delivery, kept as evidence, still verifies against the document as published now.
    expect(verifiesWith(first, keys, k1!.kid)).toBe(true);
    expect(verifiesWith(second, keys, k2.kid)).toBe(true);
    // ...and not as if a later key had signed it.
    expect(verifiesWith(first, keys, k3.kid)).toBe(false);
  });

  it('a redelivery is signed with the key current when it is sent', async () => {
    const keys = await fetchKeys();
    const current = keys.find((k) => k.status === 'current')!;
    const sub = (await t.request({ method: 'GET', url: '/v1/subscriptions', as: cast.sundsvall.id })).json().items.find((s: { url: string }) => s.url === optedIn.url);
    const deliveries = (await t.request({ method: 'GET', url: `/v1/subscriptions/${sub.id}/deliveries`, as: cast.sundsvall.id })).json().items;
    const oldest = deliveries.find((d: { eventId: string }) => d.eventId === String(first.headers['webhook-id']));
    const before = optedIn.received.length;
    const res = await t.request({ method: 'POST', url: `/v1/deliveries/${oldest.id}/redeliver`, as: cast.sundsvall.id });
    expect(res.statusCode, res.body).toBeLessThan(300);
    await optedIn.waitFor(before + 1);
    const again = optedIn.received[before]!;
    expect(again.headers['webhook-id']).toBe(first.headers['webhook-id']);
    expect(again.body).toBe(first.body);
    expect(again.headers['webhook-key-id']).toBe(current.kid);
    expect(verifiesWith(again, keys, current.kid)).toBe(true);
  });

  it('the ping of an opted-in subscription is signed v1a too', async () => {
    const receiver = await receivers.start();
    const sub = await subscribeTo(receiver.url, true, cast.umea.id);
    const res = await t.request({ method: 'POST', url: `/v1/subscriptions/${sub.id}/test`, as: cast.umea.id });
    expect(res.json().delivered).toBe(true);
    const keys = await fetchKeys();
    const current = keys.find((k) => k.status === 'current')!;
    expect(verifiesWith(receiver.received[0]!, keys, current.kid)).toBe(true);
  });

  it('erases private parts that can sign no more; the public parts stay', async () => {
    const erased = await createWebhookKeyRepository(t.database.db).erasePrivateKeys(new Date());
    expect(erased).toBe(2);
    const rows = (await t.database.pool.query('SELECT kid, sealed_private_key IS NULL AS erased FROM webhook_signing_keys ORDER BY valid_from')).rows;
    expect(rows.map((r) => r.erased)).toEqual([true, true, false]);
    expect(await fetchKeys()).toHaveLength(3);
  });
});

describe('the published keys cannot be taken back', () => {
  it('a key is never deleted, its public part never changes, and an erased private part never comes back', async () => {
    const attempts = [
      'DELETE FROM webhook_signing_keys',
      "UPDATE webhook_signing_keys SET public_key = 'whpk_AAAA'",
      "UPDATE webhook_signing_keys SET valid_from = now() - interval '1 year'",
      "UPDATE webhook_signing_keys SET signs_until = signs_until + interval '1 day' WHERE retired_at IS NOT NULL",
      "UPDATE webhook_signing_keys SET sealed_private_key = 'sealed:v1:AAAA' WHERE sealed_private_key IS NULL",
      'TRUNCATE webhook_signing_keys',
    ];
    for (const sql of attempts) {
      await expect(asOwner(t.testDb.url, (client) => client.query(sql)), sql).rejects.toThrow();
    }
    expect(await fetchKeys()).toHaveLength(3);
  });
});

describe('authorisation', () => {
  it('only the operator, with the admin scope, rotates', async () => {
    const anonymous = await t.app.inject({ method: 'POST', url: '/v1/webhook-keys/rotate', payload: { reason: 'x' } });
    expect(anonymous.statusCode).toBe(401);
    const member = await rotate({ reason: 'Vi vill byta.' }, cast.sundsvall.id);
    expect(member.statusCode).toBe(403);
    expect(member.json().code).toBe('auth.missing_scope');
    const memberWithAdmin = await rotate({ reason: 'Vi vill byta.' }, cast.adda.id, 'admin registry:read');
    expect(memberWithAdmin.statusCode).toBe(403);
    expect(memberWithAdmin.json().code).toBe('auth.forbidden');
    const auditor = await rotate({ reason: 'Vi vill byta.' }, cast.revisor.id, 'admin audit:read');
    expect(auditor.statusCode).toBe(403);
    const operatorWithoutAdmin = await rotate({ reason: 'Byte.' }, t.config.OPERATOR_ORG_ID, 'registry:read');
    expect(operatorWithoutAdmin.statusCode).toBe(403);
    expect((await fetchKeys()).length).toBe(3);
  });

  it('bad rotation input is a 4xx problem and changes nothing', async () => {
    const cases: Array<[Record<string, unknown>, number]> = [
      [{}, 400],
      [{ reason: 'Byte.', overlapHours: -1 }, 400],
      [{ reason: 'Byte.', overlapHours: 1.5 }, 400],
      [{ reason: 'Byte.', extra: true }, 400],
      [{ reason: 'Byte för 19121212-1212.' }, 422],
    ];
    for (const [payload, status] of cases) {
      const res = await rotate(payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(status);
      expect(String(res.headers['content-type'])).toMatch(/application\/problem\+json/);
    }
    expect((await fetchKeys()).length).toBe(3);
  });

  it('v1aSignatures is off by default, shown in reads, and only the owner can change it', async () => {
    const sub = await subscribeTo('http://127.0.0.1:9/hook/v1a-owner');
    expect(sub.v1aSignatures).toBe(false);
    const read = await t.request({ method: 'GET', url: `/v1/subscriptions/${sub.id}`, as: cast.sundsvall.id });
    expect(read.json().v1aSignatures).toBe(false);

    const other = await t.request({ method: 'PATCH', url: `/v1/subscriptions/${sub.id}`, as: cast.timra.id, payload: { v1aSignatures: true } });
    expect(other.statusCode).toBe(404);
    const federation = await t.request({ method: 'PATCH', url: `/v1/subscriptions/${sub.id}`, as: cast.kfv.id, payload: { v1aSignatures: true } });
    expect(federation.statusCode).toBe(404);
    const notBoolean = await t.request({ method: 'PATCH', url: `/v1/subscriptions/${sub.id}`, as: cast.sundsvall.id, payload: { v1aSignatures: 'yes' } });
    expect(notBoolean.statusCode).toBe(400);
    expect((await t.request({ method: 'GET', url: `/v1/subscriptions/${sub.id}`, as: cast.sundsvall.id })).json().v1aSignatures).toBe(false);

    const owner = await t.request({ method: 'PATCH', url: `/v1/subscriptions/${sub.id}`, as: cast.sundsvall.id, payload: { v1aSignatures: true } });
    expect(owner.statusCode, owner.body).toBe(200);
    expect(owner.json().v1aSignatures).toBe(true);
    const list = (await t.request({ method: 'GET', url: '/v1/subscriptions', as: cast.sundsvall.id })).json().items;
    expect(list.find((s: { id: string }) => s.id === sub.id).v1aSignatures).toBe(true);
  });
});

describe('a key no process can open', () => {
  it('is replaced at start-up, at once and without overlap, and stays published (a changed AUDIT_SIGNING_KEY)', async () => {
    const { buildApp } = await import('../src/app.ts');
    const before = await fetchKeys();
    const pem = generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const replica = await buildApp({ config: { ...t.config, AUDIT_SIGNING_KEY: pem }, database: t.database });
    try {
      const res = await replica.inject({ method: 'GET', url: '/.well-known/webhook-keys' });
      const keys = res.json().keys as PublishedKey[];
      expect(keys).toHaveLength(before.length + 1);
      expect(keys.slice(1).map((k) => k.kid)).toEqual(before.map((k) => k.kid));
      expect(keys[0]!.status).toBe('current');
      expect(keys[1]).toMatchObject({ status: 'retired', signsUntil: keys[0]!.validFrom });
    } finally {
      await replica.close();
    }
  });
});
