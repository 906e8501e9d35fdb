import { createPublicKey, verify } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { keyIdOf, newAsymmetricWebhookKey, privateKeyOfWhsk, publicKeyOfWhpk, signWebhookAsymmetric, webhookHeaders } from '../../lib/webhook-signature.ts';
import { keyStatus, publishedKey, signingKidsAt } from './webhook-keys.rules.ts';

const at = (s: number) => new Date(s * 1000);
const key = (kid: string, from: number, retired: number | null = null, until: number | null = null) => ({
  kid,
  publicKey: newAsymmetricWebhookKey().publicKey,
  validFrom: at(from),
  retiredAt: retired === null ? null : at(retired),
  signsUntil: until === null ? null : at(until),
});

describe('which keys sign when', () => {
  // k1 signs from 0; a rotation at 50 publishes k2, which takes over at 100; k1 co-signs until 200.
  const keys = [key('k1', 0, 100, 200), key('k2', 100)];

  it('the current key alone before its successor starts, though the successor is published', () => {
    expect(signingKidsAt(keys, 99_000)).toEqual(['k1']);
    expect(keys.map((k) => keyStatus(k, 99_000))).toEqual(['current', 'next']);
  });
  it('the new key first, and the old one beside it during the overlap', () => {
    expect(signingKidsAt(keys, 100_000)).toEqual(['k2', 'k1']);
    expect(keys.map((k) => keyStatus(k, 150_000))).toEqual(['previous', 'current']);
  });
  it('the new key alone once the overlap ends; the old one is retired, not gone', () => {
    expect(signingKidsAt(keys, 200_000)).toEqual(['k2']);
    expect(keyStatus(keys[0]!, 200_000)).toBe('retired');
  });
  it('nothing before the first key starts', () => {
    expect(signingKidsAt([key('k1', 10)], 0)).toEqual([]);
  });
});

describe('key formats', () => {
  it('whsk_ and whpk_ are base64 of the 32-byte seed and public key, and sign and verify as a pair', () => {
    const { secretKey, publicKey } = newAsymmetricWebhookKey();
    expect(Buffer.from(secretKey.slice(5), 'base64')).toHaveLength(32);
    expect(Buffer.from(publicKey.slice(5), 'base64')).toHaveLength(32);
    expect(createPublicKey(privateKeyOfWhsk(secretKey)).export({ format: 'jwk' }).x).toBe(Buffer.from(publicKey.slice(5), 'base64').toString('base64url'));
    const signature = signWebhookAsymmetric(privateKeyOfWhsk(secretKey), 'msg_1', 1_700_000_000, '{"a":1}');
    expect(signature).toMatch(/^v1a,[A-Za-z0-9+/]{86}==$/);
    expect(verify(null, Buffer.from('msg_1.1700000000.{"a":1}'), publicKeyOfWhpk(publicKey), Buffer.from(signature.slice(4), 'base64'))).toBe(true);
  });

  it('the published key is a JWK node:crypto imports as it is, with its RFC 7638 thumbprint as kid', () => {
    const row = key(keyIdOf(newAsymmetricWebhookKey().publicKey), 0);
    row.kid = keyIdOf(row.publicKey);
    const published = publishedKey(row, 1);
    const imported = createPublicKey({ key: { kty: published.kty, crv: published.crv, x: published.x }, format: 'jwk' });
    expect(imported.equals(publicKeyOfWhpk(row.publicKey))).toBe(true);
    expect(published.kid).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('headers carry v1 then v1a signatures and name the v1a keys in the same order', () => {
    const a = newAsymmetricWebhookKey();
    const b = newAsymmetricWebhookKey();
    const headers = webhookHeaders([`whsec_${Buffer.alloc(32, 1).toString('base64')}`], 'msg_2', '{}', 1_700_000_000_000, [
      { kid: 'ka', privateKey: privateKeyOfWhsk(a.secretKey) },
      { kid: 'kb', privateKey: privateKeyOfWhsk(b.secretKey) },
    ]);
    const parts = headers['webhook-signature']!.split(' ');
    expect(parts.map((p) => p.split(',')[0])).toEqual(['v1', 'v1a', 'v1a']);
    expect(headers['webhook-key-id']).toBe('ka kb');
    expect(verify(null, Buffer.from('msg_2.1700000000.{}'), publicKeyOfWhpk(b.publicKey), Buffer.from(parts[2]!.slice(4), 'base64'))).toBe(true);
    expect(webhookHeaders([], 'msg_3', '{}')).not.toHaveProperty('webhook-key-id');
  });
});

describe('signing a fan-out', () => {
  it('reuses a signature only for the same key, id, second and body', () => {
    const a = newAsymmetricWebhookKey();
    const b = newAsymmetricWebhookKey();
    const ka = { kid: 'ka', privateKey: privateKeyOfWhsk(a.secretKey) };
    const kb = { kid: 'kb', privateKey: privateKeyOfWhsk(b.secretKey) };
    const v1a = (key: typeof ka, id: string, at: number, body: string) => webhookHeaders([], id, body, at, [key])['webhook-signature']!;
    const check = (key: string, id: string, at: number, body: string, signature: string) =>
      verify(null, Buffer.from(`${id}.${Math.floor(at / 1000)}.${body}`), publicKeyOfWhpk(key), Buffer.from(signature.slice(4), 'base64'));
    const first = v1a(ka, 'e1', 1_700_000_000_100, '{"x":1}');
    expect(v1a(ka, 'e1', 1_700_000_000_900, '{"x":1}')).toBe(first);
    const cases: Array<[typeof ka, string, string, number, string]> = [
      [kb, b.publicKey, 'e1', 1_700_000_000_100, '{"x":1}'],
      [ka, a.publicKey, 'e2', 1_700_000_000_100, '{"x":1}'],
      [ka, a.publicKey, 'e1', 1_700_000_001_000, '{"x":1}'],
      [ka, a.publicKey, 'e1', 1_700_000_000_100, '{"x":2}'],
    ];
    for (const [signer, publicKey, id, when, body] of cases) {
      const signature = v1a(signer, id, when, body);
      expect(signature).not.toBe(first);
      expect(check(publicKey, id, when, body, signature)).toBe(true);
    }
  });
});
