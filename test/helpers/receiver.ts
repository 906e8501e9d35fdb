import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';

export interface Received {
  headers: IncomingHttpHeaders;
  body: string;
  at: number;
}

/**
 * A real subscriber: an HTTP server on loopback that records what it receives and
 * answers as told. `respond` may vary the answer per call (e.g. 500 then 200).
 */
export async function startReceiver(
  respond: (n: number, req: Received) => { status: number; headers?: Record<string, string>; delayMs?: number } = () => ({ status: 204 }),
) {
  const received: Received[] = [];
  const waiters: Array<{ count: number; resolve: () => void }> = [];
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const entry = { headers: req.headers, body: Buffer.concat(chunks).toString('utf8'), at: Date.now() };
      received.push(entry);
      const answer = respond(received.length, entry);
      setTimeout(() => {
        res.writeHead(answer.status, answer.headers ?? {});
        res.end();
      }, answer.delayMs ?? 0);
      for (const w of waiters.filter((w) => received.length >= w.count)) w.resolve();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    received,
    /** Resolves once `count` requests have arrived; rejects after `timeoutMs`. */
    waitFor: (count: number, timeoutMs = 15_000) =>
      new Promise<void>((resolve, reject) => {
        if (received.length >= count) return resolve();
        const timer = setTimeout(() => reject(new Error(`received ${received.length} of ${count} webhooks`)), timeoutMs);
        waiters.push({ count, resolve: () => (clearTimeout(timer), resolve()) });
      }),
    // Senders keep connections alive; drop them so close() does not wait for their timeout.
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** Verifies a received webhook with the standardwebhooks library; returns the parsed payload. */
export function verifyWebhook(secret: string, received: Received): { type: string; timestamp: string; data: Record<string, any> } {
  const headers = {
    'webhook-id': String(received.headers['webhook-id']),
    'webhook-timestamp': String(received.headers['webhook-timestamp']),
    'webhook-signature': String(received.headers['webhook-signature']),
  };
  return new Webhook(secret).verify(received.body, headers) as { type: string; timestamp: string; data: Record<string, any> };
}

/** Receivers a test file starts as it goes, all closed by `closeAll` in afterAll. */
export function receiverPool() {
  const started: Array<Awaited<ReturnType<typeof startReceiver>>> = [];
  return {
    start: async (...args: Parameters<typeof startReceiver>) => {
      const r = await startReceiver(...args);
      started.push(r);
      return r;
    },
    closeAll: () => Promise.all(started.map((r) => r.close())),
  };
}

/**
 * A hostile subscriber: `trickle` answers 200 at once and then sends one body byte
 * every `everyMs`, never finishing; `hang` reads the request and never answers.
 * Counts the requests that reached it and the connections still open.
 */
export async function startHostileReceiver(mode: 'trickle' | 'hang', everyMs = 1_000) {
  let requests = 0;
  const timers = new Set<NodeJS.Timeout>();
  const server: Server = createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      requests += 1;
      if (mode === 'hang') return;
      res.writeHead(200, { 'content-type': 'text/plain' });
      const timer = setInterval(() => res.write('.'), everyMs);
      timers.add(timer);
      res.on('close', () => {
        clearInterval(timer);
        timers.delete(timer);
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/hook`,
    requests: () => requests,
    close: () =>
      new Promise<void>((resolve) => {
        for (const timer of timers) clearInterval(timer);
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
