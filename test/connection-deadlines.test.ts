import { connect, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './helpers/app.ts';
import { cast, seedCast } from './helpers/factories.ts';

// Deadlines on every connection (issue 13, item 3), against slow senders on raw sockets:
// the server listens for real, since app.inject has no socket to trickle on.
const REQUEST_TIMEOUT_MS = 2_000;
const HEADERS_TIMEOUT_MS = 800;
const PER_ADDRESS = 5;
// Node checks deadlines on a timer (at most every second here), and the machine is shared.
const SLACK_MS = 1_500;

let t: TestApp;
let port: number;
const sockets: Socket[] = [];
beforeAll(async () => {
  t = await startTestApp({
    HTTP_REQUEST_TIMEOUT_MS: String(REQUEST_TIMEOUT_MS),
    HTTP_HEADERS_TIMEOUT_MS: String(HEADERS_TIMEOUT_MS),
    HTTP_CONNECTIONS_PER_ADDRESS: String(PER_ADDRESS),
  });
  await seedCast(t);
  await t.app.listen({ port: 0, host: '127.0.0.1' });
  port = (t.app.server.address() as { port: number }).port;
});
afterAll(async () => {
  for (const socket of sockets) socket.destroy();
  await t.close();
});

/** A raw connection that records what the server sent and when it closed. */
function open() {
  const socket = connect(port, '127.0.0.1');
  sockets.push(socket);
  const state = { received: '', closedAfterMs: -1 };
  const started = Date.now();
  socket.setEncoding('utf8');
  socket.on('data', (d: string) => (state.received += d));
  socket.on('error', () => {});
  const closed = new Promise<void>((resolve) =>
    socket.once('close', () => {
      state.closedAfterMs = Date.now() - started;
      resolve();
    }),
  );
  const connected = new Promise<void>((resolve) => socket.once('connect', () => resolve()));
  return { socket, state, closed, connected };
}

/** Writes `text` one character every `everyMs` until the socket closes or the text runs out. */
function trickle(socket: Socket, text: string, everyMs: number) {
  let i = 0;
  const timer = setInterval(() => {
    if (socket.destroyed || i >= text.length) return clearInterval(timer);
    socket.write(text[i++]!);
  }, everyMs);
  socket.once('close', () => clearInterval(timer));
}

describe('deadlines on every connection', () => {
  it('cuts a client that sends valid headers, then a body byte every 500 ms: 408 problem+json, connection closed', async () => {
    const body = JSON.stringify({ type: 'deviation', supplierOrgNumber: '556677-8899', severity: 'low', category: 'other', summary: 'x'.repeat(200) });
    const client = open();
    await client.connected;
    client.socket.write(
      `POST /v1/signals HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${t.token(cast.sundsvall.id)}\r\n` +
        `Content-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n`,
    );
    // Far more body than the deadline lets through: without it this would run 2 minutes.
    trickle(client.socket, body, 500);
    await client.closed;

    expect(client.state.closedAfterMs).toBeGreaterThanOrEqual(REQUEST_TIMEOUT_MS - 100);
    expect(client.state.closedAfterMs).toBeLessThan(REQUEST_TIMEOUT_MS + SLACK_MS);
    expect(client.state.received).toMatch(/^HTTP\/1\.1 408 /);
    expect(client.state.received).toMatch(/content-type: application\/problem\+json/i);
    expect(JSON.parse(client.state.received.split('\r\n\r\n')[1]!)).toMatchObject({ status: 408, code: 'input.request_timeout' });
  });

  it('cuts a client that sends its request line and headers slowly, by the shorter headers deadline', async () => {
    const client = open();
    await client.connected;
    client.socket.write('GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n');
    // A header that never ends, a byte every 200 ms (no token: an outsider can do this).
    trickle(client.socket, `X-Slow: ${'a'.repeat(500)}`, 200);
    await client.closed;

    expect(client.state.closedAfterMs).toBeGreaterThanOrEqual(HEADERS_TIMEOUT_MS - 100);
    expect(client.state.closedAfterMs).toBeLessThan(Math.min(REQUEST_TIMEOUT_MS, HEADERS_TIMEOUT_MS + SLACK_MS));
    expect(client.state.received).toMatch(/^HTTP\/1\.1 408 /);
  });

  it('answers bytes that are not HTTP with 400 problem+json, and closes', async () => {
    const client = open();
    client.socket.write('\x16\x03\x01 not http at all\r\n\r\n');
    await client.closed;
    expect(client.state.received).toMatch(/^HTTP\/1\.1 400 /);
    expect(JSON.parse(client.state.received.split('\r\n\r\n')[1]!)).toMatchObject({ status: 400, code: 'input.malformed_request' });
  });

  it('still serves a client that sends at a normal pace', async () => {
    // A raw socket, not fetch: fetch would keep an idle connection that the cap test counts.
    const client = open();
    client.socket.write('GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n');
    await client.closed;
    expect(client.state.received).toMatch(/^HTTP\/1\.1 200 /);
  });

  it(`closes a client address's connection number ${PER_ADDRESS + 1} at once, and takes a new one when one is freed`, async () => {
    // fetch keeps idle connections of its own; this test counts only its own sockets.
    const held = Array.from({ length: PER_ADDRESS }, () => open());
    await Promise.all(held.map((c) => c.connected));
    // A request on each proves the server accepted and counts them.
    for (const c of held) c.socket.write('GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n');
    await expect.poll(() => held.every((c) => c.state.received.startsWith('HTTP/1.1 200'))).toBe(true);

    const extra = open();
    extra.socket.write('GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n');
    await extra.closed;
    expect(extra.state.received).toBe('');
    expect(extra.state.closedAfterMs).toBeLessThan(1_000);

    // The cap counts open connections, not connections ever made.
    held[0]!.socket.destroy();
    await held[0]!.closed;
    await expect
      .poll(async () => {
        const next = open();
        next.socket.write('GET /healthz HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n');
        await next.closed;
        return next.state.received.split('\r\n')[0];
      })
      .toBe('HTTP/1.1 200 OK');
    for (const c of held) c.socket.destroy();
  });
});
