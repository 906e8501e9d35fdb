import { generateKeyPairSync } from 'node:crypto';
import { createSigner } from 'fast-jwt';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, TEST_JWT_SECRET, type TestApp } from './helpers/app.ts';
import { seedCast } from './helpers/factories.ts';

const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
const ISS = 'supplier-signal-registry';
const claims = (extra: object = {}) => ({ sub: 'client', org: 'umea', scope: 'registry:read', ...extra });
const hs = (key: string, opts: object = {}) => createSigner({ key, algorithm: 'HS256', iss: ISS, aud: ISS, expiresIn: 60_000, ...opts });

describe('JWT verification (HS256 configuration)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
    await seedCast(t);
  });
  afterAll(() => t.close());
  const get = (authorization?: string) => t.app.inject({ method: 'GET', url: '/v1/organisations', headers: authorization ? { authorization } : {} });

  it('accepts a valid token', async () => {
    expect((await get(`Bearer ${hs(TEST_JWT_SECRET)(claims())}`)).statusCode).toBe(200);
  });

  const now = Math.floor(Date.now() / 1000);
  it.each([
    ['no Authorization header', undefined, 'auth.missing_token'],
    ['not a bearer token', 'Basic dXNlcjpwYXNz', 'auth.invalid_token'],
    ['garbage', 'Bearer not.a.jwt', 'auth.invalid_token'],
    ['alg: none', `Bearer ${b64({ alg: 'none', typ: 'JWT' })}.${b64({ ...claims(), iss: ISS, aud: ISS, exp: now + 60 })}.`, 'auth.invalid_token'],
    ['wrong issuer', `Bearer ${hs(TEST_JWT_SECRET, { iss: 'someone-else' })(claims())}`, 'auth.invalid_token'],
    ['wrong audience', `Bearer ${hs(TEST_JWT_SECRET, { aud: 'another-api' })(claims())}`, 'auth.invalid_token'],
    ['expired', `Bearer ${hs(TEST_JWT_SECRET, { expiresIn: undefined })({ ...claims(), exp: now - 10 })}`, 'auth.token_expired'],
    ['no exp claim', `Bearer ${hs(TEST_JWT_SECRET, { expiresIn: undefined })(claims())}`, 'auth.invalid_token'],
    ['no org claim', `Bearer ${hs(TEST_JWT_SECRET)({ sub: 'client', scope: 'registry:read' })}`, 'auth.invalid_token'],
    ['another secret', `Bearer ${hs('another-secret-that-is-long-enough-xxxxxxxx')(claims())}`, 'auth.invalid_token'],
    ['unknown organisation', `Bearer ${hs(TEST_JWT_SECRET)(claims({ org: 'nowhere' }))}`, 'auth.unknown_organisation'],
  ])('rejects %s with 401', async (_name, authorization, code) => {
    const res = await get(authorization);
    expect(res.statusCode).toBe(401);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.headers['www-authenticate']).toMatch(/^Bearer/);
    expect(res.json()).toMatchObject({ status: 401, code });
  });
});

describe.each([
  ['RS256', () => generateKeyPairSync('rsa', { modulusLength: 2048 }), 'RS256'],
  ['ES256', () => generateKeyPairSync('ec', { namedCurve: 'P-256' }), 'ES256'],
] as const)('JWT verification with a %s public key', (_name, makeKeys, algorithm) => {
  const keys = makeKeys();
  const publicPem = keys.publicKey.export({ type: 'spki', format: 'pem' }).toString();
  const privatePem = keys.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp({ JWT_PUBLIC_KEY: publicPem }, { omitSecret: true });
    await t.database.pool.query(`INSERT INTO organisations (id, kind, name, municipality_code) VALUES ('umea', 'municipality', 'Umeå', '2480')`);
  });
  afterAll(() => t.close());
  const get = (token: string) => t.app.inject({ method: 'GET', url: '/v1/organisations', headers: { authorization: `Bearer ${token}` } });

  it('accepts a token signed with the private key', async () => {
    const sign = createSigner({ key: privatePem, algorithm, iss: ISS, aud: ISS, expiresIn: 60_000 });
    expect((await get(sign(claims()))).statusCode).toBe(200);
  });

  it('rejects HS256 signed with the public key as the HMAC secret (algorithm confusion)', async () => {
    const forged = `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64({ ...claims(), iss: ISS, aud: ISS, exp: Math.floor(Date.now() / 1000) + 60 })}`;
    const { createHmac } = await import('node:crypto');
    const signature = createHmac('sha256', publicPem).update(forged).digest('base64url');
    const res = await get(`${forged}.${signature}`);
    expect(res.statusCode).toBe(401);
    expect(res.json().code).toBe('auth.invalid_token');
  });

  it('rejects a token signed with another key pair', async () => {
    const other = makeKeys().privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const sign = createSigner({ key: other, algorithm, iss: ISS, aud: ISS, expiresIn: 60_000 });
    expect((await get(sign(claims()))).statusCode).toBe(401);
  });
});
