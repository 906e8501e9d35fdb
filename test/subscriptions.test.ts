import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startTestApp, type TestApp } from './helpers/app.ts';
import { cast, createSupplier, newOrgNumber, seedCast, subscribe } from './helpers/factories.ts';
import { startReceiver, verifyWebhook } from './helpers/receiver.ts';

let t: TestApp;
beforeAll(async () => {
  // Workers run so that a real delivery exists for the object-level checks on deliveries.
  t = await startTestApp({}, { workers: true });
  await seedCast(t);
});
afterAll(() => t.close());

const expectProblem = (res: { statusCode: number; headers: Record<string, unknown>; body: string; json(): any }, status: number, code?: string) => {
  expect(res.statusCode, res.body).toBe(status);
  expect(String(res.headers['content-type'])).toMatch(/application\/problem\+json/);
  if (code) expect(res.json().code).toBe(code);
};

/** A loopback port that nothing listens on: bound once, then released. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('subscription CRUD', () => {
  it('creates a subscription and shows its secret only once', async () => {
    const created = await t.request({
      method: 'POST',
      url: '/v1/subscriptions',
      as: cast.sundsvall.id,
      payload: { url: 'http://127.0.0.1:9/hook/crud', description: 'Socialtjänstens larm', filters: { types: ['call_off_stop'] } },
    });
    expect(created.statusCode, created.body).toBe(201);
    const body = created.json();
    expect(body).toMatchObject({
      orgId: cast.sundsvall.id,
      url: 'http://127.0.0.1:9/hook/crud',
      description: 'Socialtjänstens larm',
      filters: { types: ['call_off_stop'] },
      status: 'active',
      disabledReason: null,
    });
    // A Standard Webhooks secret: whsec_ and base64 of at least 24 random bytes.
    expect(body.secret).toMatch(/^whsec_[A-Za-z0-9+/]+={0,2}$/);
    expect(Buffer.from(body.secret.slice('whsec_'.length), 'base64').length).toBeGreaterThanOrEqual(24);

    const read = await t.request({ method: 'GET', url: `/v1/subscriptions/${body.id}`, as: cast.sundsvall.id });
    expect(read.statusCode).toBe(200);
    expect(read.json()).not.toHaveProperty('secret');
    expect(read.json()).not.toHaveProperty('previousSecret');
    expect(read.body).not.toContain(body.secret.slice('whsec_'.length));

    const list = await t.request({ method: 'GET', url: '/v1/subscriptions', as: cast.sundsvall.id });
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((s: { id: string }) => s.id)).toContain(body.id);
    expect(list.body).not.toContain(body.secret.slice('whsec_'.length));
    for (const item of list.json().items) expect(item).not.toHaveProperty('secret');
  });

  it('shows suppliers in a filter as NNNNNN-NNNN', async () => {
    const orgNumber = newOrgNumber();
    const sub = await subscribe(t, cast.sundsvall.id, 'http://127.0.0.1:9/hook/suppliers', { suppliers: [orgNumber] });
    const read = await t.request({ method: 'GET', url: `/v1/subscriptions/${sub.id}`, as: cast.sundsvall.id });
    expect(read.json().filters.suppliers).toEqual([orgNumber]);
  });

  it('lists only your own subscriptions', async () => {
    const mine = await subscribe(t, cast.timra.id, 'http://127.0.0.1:9/hook/timra');
    const theirs = await subscribe(t, cast.umea.id, 'http://127.0.0.1:9/hook/umea');
    const list = (await t.request({ method: 'GET', url: '/v1/subscriptions', as: cast.timra.id })).json();
    const ids = list.items.map((s: { id: string }) => s.id);
    expect(ids).toContain(mine.id);
    expect(ids).not.toContain(theirs.id);
    expect(list.items.every((s: { orgId: string }) => s.orgId === cast.timra.id)).toBe(true);
  });

  it('changes the URL, the filters and the status', async () => {
    const sub = await subscribe(t, cast.kfv.id, 'http://127.0.0.1:9/hook/before', { types: ['deviation'] });
    const patch = (payload: object) => t.request({ method: 'PATCH', url: `/v1/subscriptions/${sub.id}`, as: cast.kfv.id, payload });

    const moved = await patch({ url: 'http://127.0.0.1:9/hook/after', filters: { municipalityCodes: ['2281', '2262'], minSeverity: 'high' } });
    expect(moved.statusCode, moved.body).toBe(200);
    // Filters are replaced as a whole, not merged.
    expect(moved.json()).toMatchObject({ url: 'http://127.0.0.1:9/hook/after', filters: { municipalityCodes: ['2281', '2262'], minSeverity: 'high' } });
    expect(moved.json().filters.types).toBeUndefined();

    const paused = await patch({ status: 'disabled' });
    expect(paused.statusCode).toBe(200);
    expect(paused.json()).toMatchObject({ status: 'disabled', disabledReason: expect.any(String) });
    expect(paused.json().disabledAt).not.toBeNull();

    const resumed = await patch({ status: 'active' });
    expect(resumed.json()).toMatchObject({ status: 'active', disabledReason: null, disabledAt: null });

    const read = (await t.request({ method: 'GET', url: `/v1/subscriptions/${sub.id}`, as: cast.kfv.id })).json();
    expect(read).toMatchObject({ url: 'http://127.0.0.1:9/hook/after', status: 'active', filters: { minSeverity: 'high' } });
  });

  it('deletes with 204, then the subscription is 404 and gone from the list', async () => {
    const sub = await subscribe(t, cast.umea.id, 'http://127.0.0.1:9/hook/delete-me');
    const deleted = await t.request({ method: 'DELETE', url: `/v1/subscriptions/${sub.id}`, as: cast.umea.id });
    expect(deleted.statusCode).toBe(204);
    expect(deleted.body).toBe('');
    expectProblem(await t.request({ method: 'GET', url: `/v1/subscriptions/${sub.id}`, as: cast.umea.id }), 404, 'subscriptions.not_found');
    expectProblem(await t.request({ method: 'DELETE', url: `/v1/subscriptions/${sub.id}`, as: cast.umea.id }), 404, 'subscriptions.not_found');
    const list = (await t.request({ method: 'GET', url: '/v1/subscriptions', as: cast.umea.id })).json();
    expect(list.items.map((s: { id: string }) => s.id)).not.toContain(sub.id);
  });

  it('rotates the secret: a new whsec_ secret, the old one signing for 24 hours', async () => {
    const sub = await subscribe(t, cast.umea.id, 'http://127.0.0.1:9/hook/rotate');
    const rotated = await t.request({ method: 'POST', url: `/v1/subscriptions/${sub.id}/rotate-secret`, as: cast.umea.id });
    expect(rotated.statusCode, rotated.body).toBe(200);
    expect(rotated.json().secret).toMatch(/^whsec_/);
    expect(rotated.json().secret).not.toBe(sub.secret);
    const overlap = new Date(rotated.json().previousSecretExpiresAt).getTime() - Date.now();
    expect(overlap).toBeGreaterThan(23.9 * 3_600_000);
    expect(overlap).toBeLessThanOrEqual(24 * 3_600_000);
  });
});

describe("another organisation's subscription and deliveries are 404", () => {
  let subscriptionId: string;
  let deliveryId: string;

  beforeAll(async () => {
    const receiver = await startReceiver();
    const orgNumber = await createSupplier(t);
    const sub = await subscribe(t, cast.sundsvall.id, receiver.url, { suppliers: [orgNumber] });
    subscriptionId = sub.id;
    const stop = await t.request({
      method: 'POST',
      url: '/v1/signals',
      as: cast.sundsvall.id,
      payload: { type: 'call_off_stop', supplierOrgNumber: orgNumber, summary: 'Avropspaus.' },
    });
    expect(stop.statusCode, stop.body).toBe(201);
    await receiver.waitFor(1);
    // Close the receiver only once its answer is recorded, or the attempt reads as cut off.
    const log = () => t.request({ method: 'GET', url: `/v1/subscriptions/${subscriptionId}/deliveries`, as: cast.sundsvall.id });
    await vi.waitFor(async () => expect((await log()).json().items[0]?.status).toBe('succeeded'), { timeout: 5_000, interval: 50 });
    await receiver.close();
    deliveryId = (await log()).json().items[0].id;
    expect(deliveryId).toBeTypeOf('string');
  });

  const routes: Array<[string, 'GET' | 'PATCH' | 'DELETE' | 'POST', () => string, object | undefined, string]> = [
    ['read', 'GET', () => `/v1/subscriptions/${subscriptionId}`, undefined, 'subscriptions.not_found'],
    ['change', 'PATCH', () => `/v1/subscriptions/${subscriptionId}`, { url: 'http://127.0.0.1:9/hook/stolen' }, 'subscriptions.not_found'],
    ['delete', 'DELETE', () => `/v1/subscriptions/${subscriptionId}`, undefined, 'subscriptions.not_found'],
    ['rotate the secret of', 'POST', () => `/v1/subscriptions/${subscriptionId}/rotate-secret`, undefined, 'subscriptions.not_found'],
    ['test', 'POST', () => `/v1/subscriptions/${subscriptionId}/test`, undefined, 'subscriptions.not_found'],
    ['read the delivery log of', 'GET', () => `/v1/subscriptions/${subscriptionId}/deliveries`, undefined, 'subscriptions.not_found'],
    ['replay', 'POST', () => `/v1/subscriptions/${subscriptionId}/replay`, { since: '2020-01-01T00:00:00Z' }, 'subscriptions.not_found'],
    ['read a delivery of', 'GET', () => `/v1/deliveries/${deliveryId}`, undefined, 'deliveries.not_found'],
    ['redeliver a delivery of', 'POST', () => `/v1/deliveries/${deliveryId}/redeliver`, undefined, 'deliveries.not_found'],
  ];

  it.each(routes)('another organisation cannot %s it', async (_what, method, url, payload, code) => {
    // The owner can (the route and id are right) ...
    if (method === 'GET') expect((await t.request({ method, url: url(), as: cast.sundsvall.id })).statusCode).toBe(200);
    // ... a member of the same federation, the federation and the auditor cannot.
    for (const other of [cast.timra.id, cast.kfv.id, cast.revisor.id]) {
      const res = await t.request({ method, url: url(), as: other, ...(payload ? { payload } : {}) });
      expectProblem(res, 404, code);
    }
  });

  it('and nothing was changed by those attempts', async () => {
    const read = await t.request({ method: 'GET', url: `/v1/subscriptions/${subscriptionId}`, as: cast.sundsvall.id });
    expect(read.statusCode).toBe(200);
    expect(read.json()).toMatchObject({ status: 'active', previousSecretExpiresAt: null });
    expect(read.json().url).not.toContain('stolen');
    const delivery = (await t.request({ method: 'GET', url: `/v1/deliveries/${deliveryId}`, as: cast.sundsvall.id })).json();
    expect(delivery).toMatchObject({ status: 'succeeded', attempts: 1 });
  });
});

describe('scope and input checks', () => {
  it.each([
    ['POST', '/v1/subscriptions'],
    ['GET', '/v1/subscriptions'],
  ] as const)('%s %s without subscriptions:manage is 403', async (method, url) => {
    const res = await t.request({
      method,
      url,
      as: cast.sundsvall.id,
      scope: 'registry:read signals:write audit:read',
      ...(method === 'POST' ? { payload: { url: 'http://127.0.0.1:9/hook/no-scope' } } : {}),
    });
    expectProblem(res, 403, 'auth.missing_scope');
  });

  it('each subscription route without subscriptions:manage is 403', async () => {
    const sub = await subscribe(t, cast.sundsvall.id, 'http://127.0.0.1:9/hook/scoped');
    const scope = 'registry:read signals:write';
    for (const [method, url, payload] of [
      ['GET', `/v1/subscriptions/${sub.id}`, undefined],
      ['PATCH', `/v1/subscriptions/${sub.id}`, { status: 'disabled' }],
      ['DELETE', `/v1/subscriptions/${sub.id}`, undefined],
      ['POST', `/v1/subscriptions/${sub.id}/rotate-secret`, undefined],
      ['POST', `/v1/subscriptions/${sub.id}/test`, undefined],
      ['GET', `/v1/subscriptions/${sub.id}/deliveries`, undefined],
    ] as const) {
      const res = await t.request({ method, url, as: cast.sundsvall.id, scope, ...(payload ? { payload } : {}) });
      expectProblem(res, 403, 'auth.missing_scope');
    }
    expect((await t.request({ method: 'GET', url: `/v1/subscriptions/${sub.id}`, as: cast.sundsvall.id })).json().status).toBe('active');
  });

  it.each([
    ['an unknown signal type', { types: ['rumour'] }],
    ['a bad organisation number', { suppliers: ['556677-1234'] }],
    ['a malformed organisation number', { suppliers: ['not-a-number'] }],
    ['a municipality code of three digits', { municipalityCodes: ['228'] }],
    ['a municipality code with letters', { municipalityCodes: ['22a1'] }],
    ['an agreement id that is not a uuid', { agreements: ['hvb-2026'] }],
    ['an unknown severity', { minSeverity: 'extreme' }],
    ['an unknown filter', { regions: ['Västernorrland'] }],
  ])('rejects a filter with %s: 400', async (_what, filters) => {
    const before = (await t.request({ method: 'GET', url: '/v1/subscriptions', as: cast.umea.id })).json().items.length;
    const res = await t.request({ method: 'POST', url: '/v1/subscriptions', as: cast.umea.id, payload: { url: 'http://127.0.0.1:9/hook/bad', filters } });
    expectProblem(res, 400, 'input.invalid');
    expect(res.json().errors.some((e: { path: string }) => e.path.startsWith('body.filters'))).toBe(true);
    const after = (await t.request({ method: 'GET', url: '/v1/subscriptions', as: cast.umea.id })).json().items.length;
    expect(after).toBe(before);
  });

  it('rejects bad filters on PATCH too, leaving the old ones', async () => {
    const sub = await subscribe(t, cast.umea.id, 'http://127.0.0.1:9/hook/patch-bad', { types: ['deviation'] });
    const res = await t.request({ method: 'PATCH', url: `/v1/subscriptions/${sub.id}`, as: cast.umea.id, payload: { filters: { municipalityCodes: ['99999'] } } });
    expectProblem(res, 400, 'input.invalid');
    expect((await t.request({ method: 'GET', url: `/v1/subscriptions/${sub.id}`, as: cast.umea.id })).json().filters).toEqual({ types: ['deviation'] });
  });
});

describe('POST /v1/subscriptions/{id}/test', () => {
  it('sends a signed ping that verifies with the secret', async () => {
    const receiver = await startReceiver();
    const sub = await subscribe(t, cast.timra.id, receiver.url);
    const res = await t.request({ method: 'POST', url: `/v1/subscriptions/${sub.id}/test`, as: cast.timra.id });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ delivered: true, statusCode: 204, error: null });
    expect(res.json().durationMs).toBeGreaterThanOrEqual(0);
    // Sent synchronously: it has arrived by the time the answer comes back.
    expect(receiver.received).toHaveLength(1);
    const ping = verifyWebhook(sub.secret, receiver.received[0]!);
    expect(ping).toMatchObject({ type: 'ping', data: { subscriptionId: sub.id } });
    // The wrong secret does not verify it.
    const other = await subscribe(t, cast.timra.id, receiver.url);
    expect(() => verifyWebhook(other.secret, receiver.received[0]!)).toThrow();
    await receiver.close();
  });

  it('reports what a failing endpoint answered', async () => {
    const receiver = await startReceiver(() => ({ status: 503 }));
    const sub = await subscribe(t, cast.timra.id, receiver.url);
    const res = await t.request({ method: 'POST', url: `/v1/subscriptions/${sub.id}/test`, as: cast.timra.id });
    expect(res.json()).toMatchObject({ delivered: false, statusCode: 503, error: expect.stringContaining('503') });
    await receiver.close();
  });

  it('reports delivered false with an error when nothing listens', async () => {
    const port = await closedPort();
    const sub = await subscribe(t, cast.timra.id, `http://127.0.0.1:${port}/hook`);
    const res = await t.request({ method: 'POST', url: `/v1/subscriptions/${sub.id}/test`, as: cast.timra.id });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ delivered: false, statusCode: null });
    expect(res.json().error).toMatch(/ECONNREFUSED/);
  });
});
