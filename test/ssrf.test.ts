import { createServer, type Server } from 'node:net';
import type { AddressInfo } from 'node:net';
import type { LookupAddress } from 'node:dns';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkHostAllowed, createGuardedLookup, forbiddenRule, guardedLookup, isForbiddenAddress, type ResolveAll } from '../src/lib/ssrf.ts';
import { createWebhookSender } from '../src/modules/deliveries/deliveries.sender.ts';
import { startTestApp, type TestApp } from './helpers/app.ts';
import { cast, seedCast } from './helpers/factories.ts';
import { startReceiver } from './helpers/receiver.ts';

// The guard is on: what production runs with.
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp({ WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'false' });
  await seedCast(t);
});
afterAll(() => t.close());

const register = (url: string) => t.request({ method: 'POST', url: '/v1/subscriptions', as: cast.sundsvall.id, payload: { url } });
const countOwn = async () => (await t.request({ method: 'GET', url: '/v1/subscriptions', as: cast.sundsvall.id })).json().items.length;

describe('registration refuses webhook URLs that reach inside', () => {
  it('refuses http', async () => {
    const res = await register('http://hooks.example.com/registry');
    expect(res.statusCode, res.body).toBe(422);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.json().code).toBe('subscriptions.unsafe_url');
    expect(res.json().detail).toMatch(/https/);
  });

  it.each([
    ['loopback', 'https://127.0.0.1/hook'],
    ['loopback, elsewhere in 127/8', 'https://127.10.0.1/hook'],
    ['loopback in hexadecimal', 'https://0x7f000001/hook'],
    ['private 10/8', 'https://10.0.0.1/hook'],
    ['private 172.16/12', 'https://172.16.0.1/hook'],
    ['private 192.168/16', 'https://192.168.1.1/hook'],
    ['cloud metadata (link-local)', 'https://169.254.169.254/latest/meta-data/'],
    ['carrier-grade NAT', 'https://100.64.0.1/hook'],
    ['the unspecified address', 'https://0.0.0.0/hook'],
    ['IPv6 loopback', 'https://[::1]/hook'],
    ['IPv6 unique local', 'https://[fc00::1]/hook'],
    ['IPv6 link-local', 'https://[fe80::1]/hook'],
    ['IPv6 site-local (deprecated fec0::/10)', 'https://[fec0::1]/hook'],
    ['IPv6 site-local, top of fec0::/10', 'https://[feff:ffff::1]/hook'],
    ['local-use NAT64 (64:ff9b:1::/48)', 'https://[64:ff9b:1::a00:1]/hook'],
    ['IPv4-mapped IPv6 loopback', 'https://[::ffff:127.0.0.1]/hook'],
    ['IPv4-mapped IPv6 loopback in hex', 'https://[::ffff:7f00:1]/hook'],
    ['IPv4-mapped IPv6 private', 'https://[::ffff:10.0.0.1]/hook'],
    ['a hostname that resolves to loopback', 'https://localhost/hook'],
    ['a port on a hostname that resolves to loopback', 'https://localhost:6379/'],
  ])('refuses %s: %s', async (_what, url) => {
    const before = await countOwn();
    const res = await register(url);
    expect(res.statusCode, res.body).toBe(422);
    expect(res.json().code).toBe('subscriptions.unsafe_url');
    expect(await countOwn()).toBe(before);
  });

  it('names the rule in a refusal, never the address a name resolves to', async () => {
    const res = await register('https://localhost/hook');
    expect(res.statusCode).toBe(422);
    expect(res.json().detail).toMatch(/localhost resolves to a private or reserved address \(loopback\)/);
    expect(res.json().detail).not.toMatch(/127\.0\.0\.1|::1/);
  });

  it('refuses credentials in the URL', async () => {
    const res = await register('https://user:pass@8.8.8.8/hook');
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('subscriptions.unsafe_url');
  });

  it('accepts https to a public address', async () => {
    const res = await register('https://8.8.8.8/hook');
    expect(res.statusCode, res.body).toBe(201);
  });

  it('refuses a private URL on PATCH too, keeping the old one', async () => {
    const created = (await register('https://8.8.4.4/hook')).json();
    const res = await t.request({ method: 'PATCH', url: `/v1/subscriptions/${created.id}`, as: cast.sundsvall.id, payload: { url: 'https://169.254.169.254/' } });
    expect(res.statusCode, res.body).toBe(422);
    expect(res.json().code).toBe('subscriptions.unsafe_url');
    const read = await t.request({ method: 'GET', url: `/v1/subscriptions/${created.id}`, as: cast.sundsvall.id });
    expect(read.json().url).toBe('https://8.8.4.4/hook');
  });
});

describe('isForbiddenAddress', () => {
  it.each([
    ['127.0.0.1', true],
    ['127.255.255.254', true],
    ['10.1.2.3', true],
    ['172.16.0.1', true],
    ['172.31.255.255', true],
    ['192.168.0.1', true],
    ['169.254.169.254', true],
    ['100.64.0.1', true],
    ['0.0.0.0', true],
    ['224.0.0.1', true],
    ['255.255.255.255', true],
    ['::', true],
    ['::1', true],
    ['fc00::1', true],
    ['fd12:3456::1', true],
    ['fe80::1', true],
    ['ff02::1', true],
    ['::ffff:127.0.0.1', true],
    ['::ffff:7f00:1', true],
    ['::ffff:10.0.0.1', true],
    ['::ffff:a9fe:a9fe', true],
    ['64:ff9b::7f00:1', true],
    ['::127.0.0.1', true],
    ['::7f00:1', true],
    ['2002:7f00:1::', true],
    ['2001:0:4136:e378::1', true],
    ['fec0::1', true],
    ['fed0:1234::1', true],
    ['feff:ffff:ffff:ffff::1', true],
    ['64:ff9b:1::1', true],
    ['64:ff9b:1:ffff:ffff:ffff:ffff:ffff', true],
    ['not-an-address', true],
    ['8.8.8.8', false],
    ['1.1.1.1', false],
    ['172.32.0.1', false],
    ['193.180.19.1', false],
    ['2001:4860::8888', false],
    ['2a00:1450:4001::200e', false],
    ['::ffff:8.8.8.8', false],
  ])('%s → forbidden %s', (address, forbidden) => {
    expect(isForbiddenAddress(address)).toBe(forbidden);
  });
});

describe('the rule a refusal names', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['::1', 'loopback'],
    ['::ffff:7f00:1', 'loopback'],
    ['::', 'unspecified'],
    ['10.1.2.3', 'private'],
    ['fd00::1', 'private'],
    ['fec0::1', 'private'],
    ['169.254.169.254', 'link-local'],
    ['100.64.0.1', 'carrier-grade NAT'],
    ['ff02::1', 'multicast'],
    ['64:ff9b::a00:1', 'NAT64'],
    ['64:ff9b:1::a00:1', 'NAT64'],
    ['2002:7f00:1::', 'IPv4 tunnel'],
    ['240.0.0.1', 'reserved'],
    ['8.8.8.8', null],
  ])('%s → %s', (address, rule) => {
    expect(forbiddenRule(address)).toBe(rule);
  });
});

/** A resolver with fixed answers, so names can point anywhere without the outside network. */
const fixedResolver = (answers: Record<string, string[]>): ResolveAll => (hostname, _options, callback) => {
  const list = answers[hostname];
  if (!list) return callback(Object.assign(new Error(`getaddrinfo ENOTFOUND ${hostname}`), { code: 'ENOTFOUND' }), []);
  callback(null, list.map((address) => ({ address, family: address.includes(':') ? 6 : 4 })));
};

describe('names that resolve into the refused IPv6 ranges', () => {
  const resolver = fixedResolver({
    'site.example.com': ['2001:4860::8888', 'fec0::17'],
    'nat64.example.com': ['64:ff9b:1::c0a8:101'],
    'intranet.example.com': ['10.20.30.40'],
    'public.example.com': ['2001:4860::8888'],
  });

  it.each([
    ['site.example.com', 'private', 'fec0::17'],
    ['nat64.example.com', 'NAT64', '64:ff9b:1::c0a8:101'],
    ['intranet.example.com', 'private', '10.20.30.40'],
  ])('refuses %s at registration (%s), without saying where it points', async (host, rule, address) => {
    const result = await checkHostAllowed(host, resolver);
    expect(result).toEqual({ ok: false, reason: `${host} resolves to a private or reserved address (${rule})` });
    expect(JSON.stringify(result)).not.toContain(address);
  });

  it.each([
    ['site.example.com', 'fec0::17'],
    ['nat64.example.com', '64:ff9b:1::c0a8:101'],
  ])('refuses %s at connect time, without saying where it points', async (host, address) => {
    const lookup = createGuardedLookup(resolver);
    const error = await new Promise<(Error & { code?: string }) | null>((resolve) => lookup(host, {}, (e) => resolve(e)));
    expect(error?.code).toBe('EFORBIDDENADDRESS');
    expect(error?.message).not.toContain(address);
  });

  it('lets a public name through', async () => {
    expect(await checkHostAllowed('public.example.com', resolver)).toEqual({ ok: true });
  });
});

describe('guardedLookup, the connect-time check', () => {
  const lookup = (hostname: string, options: object) =>
    new Promise<{ error: (Error & { code?: string }) | null; address: string | LookupAddress[] }>((resolve) =>
      guardedLookup(hostname, options, (error, address) => resolve({ error, address })),
    );

  it('refuses a hostname that resolves to loopback', async () => {
    const single = await lookup('localhost', {});
    expect(single.error?.code).toBe('EFORBIDDENADDRESS');
    expect(single.error?.message).toMatch(/localhost resolves to a private or reserved address \(loopback\)/);
    expect(single.error?.message).not.toMatch(/127\.0\.0\.1|::1/);
    const all = await lookup('localhost', { all: true });
    expect(all.error?.code).toBe('EFORBIDDENADDRESS');
  });

  it('passes a public address on, in the shape the caller asked for', async () => {
    expect(await lookup('8.8.8.8', {})).toEqual({ error: null, address: '8.8.8.8' });
    expect(await lookup('8.8.8.8', { all: true })).toEqual({ error: null, address: [{ address: '8.8.8.8', family: 4 }] });
  });
});

describe('the sender with the guard on', () => {
  /** A TCP server that only counts connections: proof that nothing even connected. */
  async function startTcpCounter() {
    let connections = 0;
    const server: Server = createServer((socket) => {
      connections += 1;
      socket.destroy();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    return {
      port: (server.address() as AddressInfo).port,
      get connections() {
        return connections;
      },
      close: () => new Promise<void>((resolve) => server.close(() => resolve())),
    };
  }

  const timeouts = { WEBHOOK_CONNECT_TIMEOUT_MS: 1_000, WEBHOOK_TIMEOUT_MS: 1_000 };
  const body = JSON.stringify({ type: 'ping', timestamp: new Date().toISOString(), data: {} });
  const secret = `whsec_${Buffer.alloc(32, 7).toString('base64')}`;

  it('refuses to post to a live receiver on loopback, which receives nothing', async () => {
    const receiver = await startReceiver();
    const port = new URL(receiver.url).port;
    const guarded = createWebhookSender({ WEBHOOK_ALLOW_PRIVATE_NETWORKS: false, ...timeouts });
    const open = createWebhookSender({ WEBHOOK_ALLOW_PRIVATE_NETWORKS: true, ...timeouts });
    try {
      for (const url of [receiver.url, `https://127.0.0.1:${port}/hook`, `https://[::ffff:127.0.0.1]:${port}/hook`]) {
        const result = await guarded.send(url, [secret], 'msg_guarded', body);
        expect(result, url).toMatchObject({ ok: false, statusCode: null });
        expect(result.error).toMatch(/refused/);
      }
      expect(receiver.received).toHaveLength(0);

      // The same receiver is reachable when private networks are allowed: the refusal above was the guard.
      const allowed = await open.send(receiver.url, [secret], 'msg_open', body);
      expect(allowed).toMatchObject({ ok: true, statusCode: 204 });
      expect(receiver.received).toHaveLength(1);
      expect(receiver.received[0]!.headers['webhook-id']).toBe('msg_open');
    } finally {
      await guarded.close();
      await open.close();
      await receiver.close();
    }
  });

  it('never follows a redirect, which could point anywhere', async () => {
    const target = await startReceiver();
    const redirecting = await startReceiver(() => ({ status: 307, headers: { location: target.url } }));
    // Both are on loopback, so only this sender can reach them; the point is the redirect.
    const open = createWebhookSender({ WEBHOOK_ALLOW_PRIVATE_NETWORKS: true, ...timeouts });
    try {
      const result = await open.send(redirecting.url, [secret], 'msg_redirect', body);
      expect(result).toMatchObject({ ok: false, statusCode: 307 });
      expect(redirecting.received).toHaveLength(1);
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(target.received).toHaveLength(0);
    } finally {
      await open.close();
      await target.close();
      await redirecting.close();
    }
  });

  it('refuses at connect time a hostname that resolves to loopback, without opening a connection', async () => {
    const counter = await startTcpCounter();
    const guarded = createWebhookSender({ WEBHOOK_ALLOW_PRIVATE_NETWORKS: false, ...timeouts });
    const open = createWebhookSender({ WEBHOOK_ALLOW_PRIVATE_NETWORKS: true, ...timeouts });
    try {
      const result = await guarded.send(`https://localhost:${counter.port}/hook`, [secret], 'msg_rebound', body);
      expect(result).toMatchObject({ ok: false, statusCode: null });
      expect(result.error).toMatch(/EFORBIDDENADDRESS/);
      expect(counter.connections).toBe(0);

      // Without the guard the same URL does reach the server (and fails only at TLS).
      const unguarded = await open.send(`https://localhost:${counter.port}/hook`, [secret], 'msg_open', body);
      expect(unguarded.ok).toBe(false);
      expect(counter.connections).toBe(1);
    } finally {
      await guarded.close();
      await open.close();
      await counter.close();
    }
  });
});
