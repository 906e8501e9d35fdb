import { randomUUID } from 'node:crypto';
import type { Server } from 'node:http';
import type { Socket } from 'node:net';
import type { FastifyHttpOptions } from 'fastify';
import type { Config } from '../config.ts';
import { problemTypeUri } from '../lib/problem-catalogue.ts';

type ConnectionConfig = Pick<
  Config,
  'HTTP_REQUEST_TIMEOUT_MS' | 'HTTP_HEADERS_TIMEOUT_MS' | 'HTTP_KEEP_ALIVE_TIMEOUT_MS' | 'HTTP_IDLE_TIMEOUT_MS' | 'HTTP_CONNECTIONS_PER_ADDRESS'
>;

/**
 * The deadlines on every connection: the whole request and its headers (Node answers 408
 * and closes), an idle keep-alive connection, and a socket with no traffic either way.
 * Fastify leaves the request deadline off by default, so a client sending a body byte every
 * few seconds kept its socket for as long as it liked.
 */
export function connectionOptions(
  config: ConnectionConfig,
): Pick<FastifyHttpOptions<Server>, 'requestTimeout' | 'keepAliveTimeout' | 'connectionTimeout' | 'clientErrorHandler' | 'http'> {
  return {
    requestTimeout: config.HTTP_REQUEST_TIMEOUT_MS,
    keepAliveTimeout: config.HTTP_KEEP_ALIVE_TIMEOUT_MS,
    connectionTimeout: config.HTTP_IDLE_TIMEOUT_MS,
    clientErrorHandler,
    // Fastify has no option for the headers deadline; Node's server takes it at creation
    // (with the request deadline, which it must not exceed).
    http: {
      requestTimeout: config.HTTP_REQUEST_TIMEOUT_MS,
      headersTimeout: config.HTTP_HEADERS_TIMEOUT_MS,
      // Node checks both deadlines on a timer, every 30 s by default, so a 10 s headers
      // deadline could take 40 s to fire. Check at least every second.
      connectionsCheckingInterval: Math.min(1_000, Math.ceil(Math.min(config.HTTP_HEADERS_TIMEOUT_MS, config.HTTP_REQUEST_TIMEOUT_MS) / 2)),
    },
  };
}

// Errors Node raises before there is a request (a missed deadline, unparsable bytes).
const clientErrors: Record<string, [number, string, string, string]> = {
  ERR_HTTP_REQUEST_TIMEOUT: [408, 'input.request_timeout', 'Request Timeout', 'The request was not received in time.'],
  HPE_HEADER_OVERFLOW: [431, 'input.headers_too_large', 'Request Header Fields Too Large', 'The request headers are too large.'],
};

/**
 * Fastify answers these with its own application/json body; this answers them as
 * problem+json like every other 4xx, then closes the connection.
 */
function clientErrorHandler(error: Error & { code?: string }, socket: Socket): void {
  if (error.code === 'ECONNRESET' || socket.destroyed || !socket.writable) {
    socket.destroy();
    return;
  }
  const [status, code, title, detail] = clientErrors[error.code ?? ''] ?? [400, 'input.malformed_request', 'Bad Request', 'The request could not be parsed.'];
  const requestId = randomUUID();
  const body = JSON.stringify({ type: problemTypeUri(code), title, status, detail, code, requestId });
  socket.write(
    `HTTP/1.1 ${status} ${title}\r\nContent-Type: application/problem+json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n` +
      `X-Request-Id: ${requestId}\r\nConnection: close\r\n\r\n${body}`,
  );
  // Not end(): Node's HTTP sockets are half-open, so a client that never closes its side
  // would keep the connection after all.
  socket.destroy();
}

/** The per-address connection cap (HTTP_CONNECTIONS_PER_ADDRESS), on fastify's server before it listens. */
export function guardConnections(server: Server, config: ConnectionConfig): void {
  if (config.HTTP_CONNECTIONS_PER_ADDRESS > 0) capConnectionsPerAddress(server, config.HTTP_CONNECTIONS_PER_ADDRESS);
}

/**
 * Node's `maxConnections` caps the whole server, so one client could take every slot; this
 * counts open sockets per remote address and closes one past the cap before any byte is read.
 */
function capConnectionsPerAddress(server: Server, max: number): void {
  const open = new Map<string, number>();
  server.on('connection', (socket: Socket) => {
    // An IPv4 client on a dual-stack listener arrives as ::ffff:a.b.c.d; count it once.
    const address = (socket.remoteAddress ?? 'unknown').replace(/^::ffff:/, '');
    const count = open.get(address) ?? 0;
    if (count >= max) {
      socket.destroy();
      return;
    }
    open.set(address, count + 1);
    socket.once('close', () => {
      const left = (open.get(address) ?? 1) - 1;
      if (left > 0) open.set(address, left);
      else open.delete(address);
    });
  });
}
