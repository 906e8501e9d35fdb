import { createHmac, generateKeyPairSync } from 'node:crypto';
import { createSigner } from 'fast-jwt';
import type { LightMyRequestResponse } from 'fastify';
import { loadConfig } from '../src/config.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, TEST_JWT_SECRET, type TestApp } from './helpers/app.ts';
import { cast, seedCast } from './helpers/factories.ts';

/**
 * Authentication: every way a bearer token can be wrong answers 401 problem+json
 * with a stable code and a WWW-Authenticate challenge; the algorithm, issuer and
 * audience are pinned, and asymmetric keys (RS256, ES256) work and cannot be
 * turned into an HMAC secret.
 */

const ISS = 'supplier-signal-registry';
const AUD = 'supplier-signal-registry';
const SCOPE = 'registry:read';
const inTenMinutes = () => Math.floor(Date.now() / 1000) + 600;

const b64url = (value: unknown) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');

/** A JWT assembled by hand: header.payload.signature, signature from `sign` (empty when absent). */
function handMade(header: Record<string, unknown>, payload: Record<string, unknown>, sign?: (input: string) => string): string {
  const input = `${b64url(header)}.${b64url(payload)}`;
  return `${input}.${sign ? sign(input) : ''}`;
}

const get = (t: TestApp, token: string | undefined, url = '/v1/organisations') =>
  t.app.inject({ method: 'GET', url, headers: token === undefined ? {} : { authorization: token } });

function expectUnauthorized(res: LightMyRequestResponse, code: string) {
  expect(res.statusCode, res.body).toBe(401);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(res.headers['www-authenticate']).toMatch(/^Bearer realm=/);
  const body = res.json();
  expect(body).toMatchObject({ status: 401, code, requestId: res.headers['x-request-id'] });
  expect(body.requestId).toEqual(expect.any(String));
}

describe('HS256 (JWT_SECRET)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    await seedCast(t);
  });
  afterAll(() => t?.close());

  const hs = (options: Record<string, unknown> = {}, key: string = TEST_JWT_SECRET) =>
    createSigner({ key, algorithm: 'HS256', iss: ISS, aud: AUD, expiresIn: 600_000, ...options });

  it('accepts a valid token: 200 on GET /v1/organisations, and no challenge header', async () => {
    const res = await get(t, `Bearer ${hs()({ sub: 'umea-client', org: cast.umea.id, scope: SCOPE })}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().items.map((o: { id: string }) => o.id)).toContain(cast.umea.id);
    expect(res.headers['www-authenticate']).toBeUndefined();
  });

  it('answers auth.missing_token without an Authorization header', async () => {
    expectUnauthorized(await get(t, undefined), 'auth.missing_token');
  });

  const valid = { sub: 'umea-client', org: 'umea', scope: SCOPE };

  const rejected: Array<[string, () => string, string]> = [
    ['a garbage token', () => 'Bearer not.a-jwt.at-all', 'auth.invalid_token'],
    ['a bearer with no token', () => 'Bearer ', 'auth.invalid_token'],
    ['another auth scheme', () => `Basic ${Buffer.from('umea:secret').toString('base64')}`, 'auth.invalid_token'],
    ['an unsigned alg:none token', () => `Bearer ${handMade({ alg: 'none', typ: 'JWT' }, { ...valid, iss: ISS, aud: AUD, exp: inTenMinutes() })}`, 'auth.invalid_token'],
    ['an HS256 header with the signature stripped', () => `Bearer ${handMade({ alg: 'HS256', typ: 'JWT' }, { ...valid, iss: ISS, aud: AUD, exp: inTenMinutes() })}`, 'auth.invalid_token'],
    ['a wrong issuer', () => `Bearer ${hs({ iss: 'someone-else' })(valid)}`, 'auth.invalid_token'],
    ['no issuer', () => `Bearer ${createSigner({ key: TEST_JWT_SECRET, aud: AUD, expiresIn: 600_000 })(valid)}`, 'auth.invalid_token'],
    ['a wrong audience', () => `Bearer ${hs({ aud: 'another-service' })(valid)}`, 'auth.invalid_token'],
    ['no audience', () => `Bearer ${createSigner({ key: TEST_JWT_SECRET, iss: ISS, expiresIn: 600_000 })(valid)}`, 'auth.invalid_token'],
    ['an expired token', () => `Bearer ${hs({ expiresIn: undefined })({ ...valid, exp: Math.floor(Date.now() / 1000) - 60 })}`, 'auth.token_expired'],
    ['a token without exp', () => `Bearer ${hs({ expiresIn: undefined })(valid)}`, 'auth.invalid_token'],
    ['a token not valid before an hour from now', () => `Bearer ${hs()({ ...valid, nbf: Math.floor(Date.now() / 1000) + 3600 })}`, 'auth.invalid_token'],
    ['a token without the org claim', () => `Bearer ${hs()({ sub: 'umea-client', scope: SCOPE })}`, 'auth.invalid_token'],
    ['a token whose org claim is not a string', () => `Bearer ${hs()({ ...valid, org: 42 })}`, 'auth.invalid_token'],
    ['a token without sub', () => `Bearer ${hs()({ org: 'umea', scope: SCOPE })}`, 'auth.invalid_token'],
    ['a token signed with a different secret', () => `Bearer ${hs({}, 'another-secret-that-is-long-enough-0123456789')(valid)}`, 'auth.invalid_token'],
    ['a valid token with one signature byte flipped', () => {
      const token = hs()(valid);
      const last = token.at(-2) === 'A' ? 'B' : 'A';
      return `Bearer ${token.slice(0, -2)}${last}${token.at(-1)}`;
    }, 'auth.invalid_token'],
    // Not Unicode text: it would be kept as U+FFFD in the rows and as the surrogate in the audit chain's hash.
    ['a token whose sub holds an unpaired surrogate', () => `Bearer ${hs()({ ...valid, sub: 'umea-\udfff' })}`, 'auth.invalid_token'],
    ['a token whose org holds an unpaired surrogate', () => `Bearer ${hs()({ ...valid, org: 'umea\ud800' })}`, 'auth.invalid_token'],
    ['a token for an organisation that does not exist', () => `Bearer ${hs()({ ...valid, org: 'finns-inte' })}`, 'auth.unknown_organisation'],
  ];

  it.each(rejected)('rejects %s with 401', async (_name, token, code) => {
    expectUnauthorized(await get(t, token()), code);
  });

  it('rejects before the handler runs: a refused write creates nothing', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/v1/organisations',
      headers: { authorization: `Bearer ${hs({}, 'another-secret-that-is-long-enough-0123456789')({ sub: 'x', org: t.config.OPERATOR_ORG_ID, scope: 'admin' })}` },
      payload: { id: 'smugglad', kind: 'municipality', name: 'Smugglad kommun', municipalityCode: '9999' },
    });
    expectUnauthorized(res, 'auth.invalid_token');
    const check = await t.request({ method: 'GET', url: '/v1/organisations/smugglad', as: cast.umea.id });
    expect(check.statusCode).toBe(404);
  });

  it('authenticates before it reads the request: a bad, malformed or oversized body without a token is still a 401', async () => {
    const bad = await t.app.inject({ method: 'POST', url: '/v1/signals', payload: { type: 'no-such-type' } });
    expectUnauthorized(bad, 'auth.missing_token');
    expect(bad.json().errors).toBeUndefined();
    const malformed = await t.app.inject({ method: 'POST', url: '/v1/signals', headers: { 'content-type': 'application/json' }, payload: '{"type":' });
    expectUnauthorized(malformed, 'auth.missing_token');
    const huge = await t.app.inject({ method: 'POST', url: '/v1/signals', payload: { summary: 'x'.repeat(t.config.BODY_LIMIT_BYTES + 1) } });
    expectUnauthorized(huge, 'auth.missing_token');
    const badParams = await t.app.inject({ method: 'GET', url: '/v1/suppliers/not-a-number/status', headers: { authorization: 'Bearer garbage' } });
    expectUnauthorized(badParams, 'auth.invalid_token');
  });

  it('challenges on a 401 only: a 403 carries no WWW-Authenticate', async () => {
    const res = await get(t, `Bearer ${hs()({ ...valid, scope: 'signals:write' })}`);
    expect(res.statusCode, res.body).toBe(403);
    expect(res.json().code).toBe('auth.missing_scope');
    expect(res.headers['www-authenticate']).toBeUndefined();
  });
});

describe('the verified-token cache', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    await seedCast(t);
  });
  afterAll(() => t?.close());

  const sign = (expiresIn: number) => createSigner({ key: TEST_JWT_SECRET, algorithm: 'HS256', iss: ISS, aud: AUD, expiresIn });

  it('does not keep a token past its exp: accepted, then refused auth.token_expired once it has expired', async () => {
    const token = `Bearer ${sign(1_500)({ sub: 'umea-kort', org: cast.umea.id, scope: SCOPE })}`;
    expect((await get(t, token)).statusCode).toBe(200);
    expect((await get(t, token)).statusCode).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 1_700));
    expectUnauthorized(await get(t, token), 'auth.token_expired');
  });

  it('keeps only the signature: a client revoked after its token was verified is refused on its next request', async () => {
    const token = `Bearer ${sign(600_000)({ sub: 'umea-snart-spärrad', org: cast.umea.id, scope: SCOPE })}`;
    expect((await get(t, token)).statusCode).toBe(200);
    const revoked = await t.request({
      method: 'POST',
      url: `/v1/organisations/${cast.umea.id}/revoked-clients`,
      as: t.config.OPERATOR_ORG_ID,
      scope: 'admin',
      payload: { sub: 'umea-snart-spärrad', reason: 'Nyckeln har läckt.' },
    });
    expect(revoked.statusCode, revoked.body).toBe(201);
    expectUnauthorized(await get(t, token), 'auth.client_revoked');
  });

  it('remembers no verdict on a token with a bad signature: the same claims, rightly signed, are accepted', async () => {
    const claims = { sub: 'umea-klient', org: cast.umea.id, scope: SCOPE };
    const good = sign(600_000)(claims);
    const forged = `${good.slice(0, good.lastIndexOf('.'))}.${createHmac('sha256', 'another-secret').update(good.slice(0, good.lastIndexOf('.'))).digest('base64url')}`;
    expectUnauthorized(await get(t, `Bearer ${forged}`), 'auth.invalid_token');
    expectUnauthorized(await get(t, `Bearer ${forged}`), 'auth.invalid_token');
    expect((await get(t, `Bearer ${good}`)).statusCode).toBe(200);
  });
});

describe('RS256 (JWT_PUBLIC_KEY with an RSA key)', () => {
  const { publicKey, privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const publicPem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
  const privatePem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  let t: TestApp;
  let claims: Record<string, unknown>;
  beforeAll(async () => {
    // The helper always passes JWT_SECRET; loadConfig reads an empty value as unset,
    // so this leaves exactly one verification key, as in production.
    t = await startTestApp({ JWT_PUBLIC_KEY: publicPem, JWT_SECRET: '' });
    claims = { sub: 'operator-client', org: t.config.OPERATOR_ORG_ID, scope: SCOPE };
  });
  afterAll(() => t?.close());

  it('loads the public key as the only verification key', () => {
    expect(t.config.JWT_PUBLIC_KEY).toBe(publicPem);
    expect(t.config.JWT_SECRET).toBeUndefined();
  });

  it('accepts an RS256 token signed with the private key', async () => {
    const token = createSigner({ key: privatePem, algorithm: 'RS256', iss: ISS, aud: AUD, expiresIn: 600_000 })(claims);
    const res = await get(t, `Bearer ${token}`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().items.map((o: { id: string }) => o.id)).toContain(t.config.OPERATOR_ORG_ID);
  });

  it('rejects the algorithm-confusion attack: HS256 keyed with the PEM public key text', async () => {
    const forged = handMade({ alg: 'HS256', typ: 'JWT' }, { ...claims, iss: ISS, aud: AUD, exp: inTenMinutes() }, (input) =>
      createHmac('sha256', publicPem).update(input).digest('base64url'),
    );
    expectUnauthorized(await get(t, `Bearer ${forged}`), 'auth.invalid_token');
  });

  it('rejects an HS256 token made with the test secret', async () => {
    expectUnauthorized(await get(t, `Bearer ${t.token(t.config.OPERATOR_ORG_ID, SCOPE)}`), 'auth.invalid_token');
  });

  it('rejects an RS256 token signed by another RSA key', async () => {
    const other = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const token = createSigner({ key: other, algorithm: 'RS256', iss: ISS, aud: AUD, expiresIn: 600_000 })(claims);
    expectUnauthorized(await get(t, `Bearer ${token}`), 'auth.invalid_token');
  });

  it('rejects the right key under an algorithm that is not pinned (RS512, PS256)', async () => {
    for (const algorithm of ['RS512', 'PS256'] as const) {
      const token = createSigner({ key: privatePem, algorithm, iss: ISS, aud: AUD, expiresIn: 600_000 })(claims);
      expectUnauthorized(await get(t, `Bearer ${token}`), 'auth.invalid_token');
    }
  });

  it('rejects an unsigned alg:none token here too', async () => {
    const token = handMade({ alg: 'none', typ: 'JWT' }, { ...claims, iss: ISS, aud: AUD, exp: inTenMinutes() });
    expectUnauthorized(await get(t, `Bearer ${token}`), 'auth.invalid_token');
  });
});

describe('ES256 (JWT_PUBLIC_KEY with an EC P-256 key)', () => {
  const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
  const publicPem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
  const privatePem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  let t: TestApp;
  let claims: Record<string, unknown>;
  beforeAll(async () => {
    t = await startTestApp({ JWT_PUBLIC_KEY: publicPem, JWT_SECRET: '' });
    claims = { sub: 'operator-client', org: t.config.OPERATOR_ORG_ID, scope: SCOPE };
  });
  afterAll(() => t?.close());

  it('accepts an ES256 token signed with the private key', async () => {
    const token = createSigner({ key: privatePem, algorithm: 'ES256', iss: ISS, aud: AUD, expiresIn: 600_000 })(claims);
    const res = await get(t, `Bearer ${token}`);
    expect(res.statusCode, res.body).toBe(200);
  });

  it('rejects HS256 keyed with the PEM public key text, and ES256 from another key', async () => {
    const forged = handMade({ alg: 'HS256', typ: 'JWT' }, { ...claims, iss: ISS, aud: AUD, exp: inTenMinutes() }, (input) =>
      createHmac('sha256', publicPem).update(input).digest('base64url'),
    );
    expectUnauthorized(await get(t, `Bearer ${forged}`), 'auth.invalid_token');
    const other = generateKeyPairSync('ec', { namedCurve: 'P-256' }).privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const token = createSigner({ key: other, algorithm: 'ES256', iss: ISS, aud: AUD, expiresIn: 600_000 })(claims);
    expectUnauthorized(await get(t, `Bearer ${token}`), 'auth.invalid_token');
  });

  it('config refuses a key of an unsupported curve, both a secret and a key, and neither', () => {
    const p384 = generateKeyPairSync('ec', { namedCurve: 'P-384' }).publicKey.export({ type: 'spki', format: 'pem' }).toString();
    expect(() => loadConfig({ JWT_PUBLIC_KEY: p384 })).toThrow(/JWT_PUBLIC_KEY: unsupported key type/);
    expect(() => loadConfig({ JWT_PUBLIC_KEY: publicPem, JWT_SECRET: TEST_JWT_SECRET })).toThrow(/JWT_SECRET: set exactly one/);
    expect(() => loadConfig({})).toThrow(/JWT_SECRET: set exactly one/);
    expect(loadConfig({ JWT_PUBLIC_KEY: publicPem }).JWT_PUBLIC_KEY).toBe(publicPem);
  });
});
