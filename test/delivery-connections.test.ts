import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, describe, expect, it } from 'vitest';
import { createWebhookSender } from '../src/modules/deliveries/deliveries.sender.ts';
import { startTestApp } from './helpers/app.ts';
import { cast, createSupplier, seedCast, subscribe } from './helpers/factories.ts';

const servers: Server[] = [];
afterAll(async () => {
  for (const server of servers) server.closeAllConnections();
  await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))));
});

/** A receiver that counts the requests it holds at once. */
async function startCountingReceiver(options: { delayMs?: number; hang?: boolean } = {}) {
  const state = { inFlight: 0, peak: 0, received: 0 };
  const server = createServer((req, res) => {
    state.inFlight += 1;
    state.peak = Math.max(state.peak, state.inFlight);
    req.resume();
    req.on('end', () => {
      state.received += 1;
      if (options.hang) return;
      setTimeout(() => {
        state.inFlight -= 1;
        res.writeHead(204).end();
      }, options.delayMs ?? 0);
    });
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`, state, closeIdle: () => server.closeIdleConnections() };
}

const waitUntil = async (check: () => boolean, timeoutMs: number) => {
  const until = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > until) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};

describe('the sender’s connections', () => {
  it('opens one per origin for a fan-out, more only for attempts at once to one origin, and drops them once they close idle', async () => {
    const sender = createWebhookSender({ WEBHOOK_ALLOW_PRIVATE_NETWORKS: true, WEBHOOK_CONNECT_TIMEOUT_MS: 1_000, WEBHOOK_TIMEOUT_MS: 1_000 });
    try {
      const many = await Promise.all(Array.from({ length: 20 }, () => startCountingReceiver()));
      const results = await Promise.all(many.map((r, i) => sender.send(r.url, ['whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw'], `msg_${i}`, '{}')));
      expect(results.every((r) => r.ok)).toBe(true);
      expect(sender.connections()).toEqual({ origins: 20, connections: 20 });

      // Three attempts at once to one slow origin: three connections, each answered.
      const slow = await startCountingReceiver({ delayMs: 100 });
      const sending = Promise.all([0, 1, 2].map((i) => sender.send(slow.url, ['whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw'], `msg_slow_${i}`, '{}')));
      await waitUntil(() => slow.state.inFlight === 3, 2_000);
      expect(sender.connections().origins).toBe(21);
      expect((await sending).every((r) => r.ok)).toBe(true);

      // A receiver that never answers: the attempt times out and its connection goes with it.
      const hanging = await startCountingReceiver({ hang: true });
      const cut = await sender.send(hanging.url, ['whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw'], 'msg_hang', '{}');
      expect(cut.timedOut).toBe(true);

      // The receivers close their idle connections (as a keep-alive timeout does): nothing is kept for them.
      for (const r of [...many, slow]) r.closeIdle();
      await waitUntil(() => sender.connections().origins === 0, 3_000);
      expect(sender.connections()).toEqual({ origins: 0, connections: 0 });
    } finally {
      await sender.close();
    }
  });
});

describe('the sender’s reading of an answer', () => {
  it('takes the status of an answer with a long body without reading it all, and cuts a trickle at the deadline', async () => {
    const sender = createWebhookSender({ WEBHOOK_ALLOW_PRIVATE_NETWORKS: true, WEBHOOK_CONNECT_TIMEOUT_MS: 1_000, WEBHOOK_TIMEOUT_MS: 800 });
    try {
      const server = createServer((req, res) => {
        req.resume();
        req.on('end', () => {
          res.writeHead(req.url === '/long' ? 202 : 200, { 'content-type': 'text/plain' });
          if (req.url === '/long') return res.end(Buffer.alloc(1024 * 1024, 'a'));
          const trickle = setInterval(() => res.write('.'), 100);
          res.on('close', () => clearInterval(trickle));
        });
      });
      servers.push(server);
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const long = await sender.send(`${base}/long`, ['whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw'], 'msg_long', '{}');
      expect(long).toMatchObject({ ok: true, statusCode: 202, error: null });
      const trickle = await sender.send(`${base}/trickle`, ['whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw'], 'msg_trickle', '{}');
      expect(trickle).toMatchObject({ ok: false, timedOut: true });
      expect(trickle.durationMs).toBeLessThan(1_500);
    } finally {
      await sender.close();
    }
  });
});

describe('attempts in flight per job', () => {
  it('are at most WORKER_SEND_CONCURRENCY; the rest start as those end, and every delivery is made and recorded', async () => {
    const t = await startTestApp({ WORKER_SEND_CONCURRENCY: '2' }, { workers: true });
    try {
      await seedCast(t);
      // One endpoint, several subscriptions: its request count at once is the job's.
      const receiver = await startCountingReceiver({ delayMs: 150 });
      for (const org of [cast.sundsvall.id, cast.timra.id, cast.umea.id, cast.kfv.id, cast.revisor.id]) await subscribe(t, org, receiver.url);
      const orgNumber = await createSupplier(t);
      const stop = await t.request({ method: 'POST', url: '/v1/signals', as: cast.umea.id, payload: { type: 'call_off_stop', supplierOrgNumber: orgNumber, summary: 'Avropspaus i väntan på utredning.' } });
      expect(stop.statusCode, stop.body).toBe(201);
      await waitUntil(() => receiver.state.received >= 5, 10_000);
      expect(receiver.state.peak).toBe(2);
      await expect
        .poll(async () => (await t.database.pool.query(`SELECT count(*)::int AS n FROM deliveries WHERE status = 'succeeded'`)).rows[0].n, { timeout: 5_000 })
        .toBe(5);
      expect((await t.database.pool.query('SELECT count(*)::int AS n FROM delivery_attempts')).rows[0].n).toBe(5);
    } finally {
      await t.close();
    }
  });
});
