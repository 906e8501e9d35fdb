import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_CSP, DOCS_CSP } from '../src/plugins/security-headers.ts';
import { startTestApp, type TestApp } from './helpers/app.ts';
import { cast, seedCast } from './helpers/factories.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
  await seedCast(t);
});
afterAll(() => t.close());

const expectCommon = (headers: Record<string, unknown>) => {
  expect(headers['x-content-type-options']).toBe('nosniff');
  expect(headers['referrer-policy']).toBe('no-referrer');
};

describe('security headers', () => {
  it('a JSON API answer carries nosniff, no-referrer and a CSP that lets nothing run or frame it', async () => {
    const res = await t.request({ method: 'GET', url: '/v1/subscriptions', as: cast.sundsvall.id });
    expect(res.statusCode).toBe(200);
    expectCommon(res.headers);
    expect(res.headers['content-security-policy']).toBe(API_CSP);
    expect(API_CSP).toBe("default-src 'none'; frame-ancestors 'none'");
  });

  it.each([
    ['no token (401)', { method: 'GET' as const, url: '/v1/subscriptions' }],
    ['an unknown route (404)', { method: 'GET' as const, url: '/v1/no-such-thing' }],
    ['a malformed body (400)', { method: 'POST' as const, url: '/v1/subscriptions', as: cast.sundsvall.id, payload: '{', headers: { 'content-type': 'application/json' } }],
  ])('a problem+json error carries them too: %s', async (_what, request) => {
    const res = await t.request(request);
    expect(res.statusCode).toBeGreaterThanOrEqual(400);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expectCommon(res.headers);
    expect(res.headers['content-security-policy']).toBe(API_CSP);
  });

  it('so does a health answer and the OpenAPI document', async () => {
    for (const url of ['/healthz', '/openapi.json']) {
      const res = await t.app.inject({ method: 'GET', url });
      expectCommon(res.headers);
      expect(res.headers['content-security-policy'], url).toBe(API_CSP);
    }
  });

  it('/docs gets a CSP under which Swagger UI still loads: its own files, no inline script, no framing', async () => {
    const page = await t.app.inject({ method: 'GET', url: '/docs/' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/text\/html/);
    expectCommon(page.headers);
    const csp = page.headers['content-security-policy'] as string;
    expect(csp).toBe(DOCS_CSP);
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe/);

    // Every script the page loads is a file of its own, which script-src 'self' allows; none is inline.
    const scripts = [...page.body.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attributes, inline] of scripts) {
      expect(attributes).toMatch(/src="\.\/static\//);
      expect(inline!.trim()).toBe('');
    }
    expect(page.body).not.toMatch(/\son[a-z]+=/i);

    // The files it names are served from the same origin, under the same policy.
    const files = [...page.body.matchAll(/(?:src|href)="\.\/(static\/[^"]+)"/g)].map((m) => m[1]);
    expect(files).toEqual(expect.arrayContaining(['static/swagger-ui.css', 'static/swagger-ui-bundle.js', 'static/swagger-initializer.js']));
    for (const src of files) {
      const file = await t.app.inject({ method: 'GET', url: `/docs/${src}` });
      expect(file.statusCode, src).toBe(200);
      expect(file.headers['content-security-policy'], src).toBe(DOCS_CSP);
    }
    const spec = await t.app.inject({ method: 'GET', url: '/docs/json' });
    expect(spec.statusCode).toBe(200);
    expect(spec.headers['content-security-policy']).toBe(DOCS_CSP);
  });
});
