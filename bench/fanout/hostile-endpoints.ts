import { createServer as createHttpServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createTcpServer, type Server as TcpServer, type Socket } from 'node:net';

/**
 * The hostile side of `fanout-hostile`, in its own process (so its sockets cost the
 * registry's receivers nothing), every endpoint on its own loopback port:
 *
 * - trickle: reads the request, answers `200` with its headers at once, then writes one
 *   body byte every `trickleEveryMs` (5 s) and never finishes the body;
 * - hang: a bare TCP listener that accepts the connection, reads and drops whatever
 *   arrives and never writes a byte, until the registry gives up;
 * - replay: a healthy endpoint for the organisation replaying its backlog — reads the
 *   body, answers 204 at once, counts each webhook-id (no signature check: it is load,
 *   not a measurement).
 *
 * Nothing here ends by itself: `close` (or the parent going away) destroys every socket,
 * clears every timer and closes the listeners.
 *
 * Messages in:  {type:'listen', trickle, hang, replay, trickleEveryMs}  {type:'stats'}  {type:'close'}
 * Messages out: {type:'listening', trickle: ports[], hang: ports[], replay: ports[]}  {type:'stats', ...}
 */

const httpServers: Server[] = [];
const tcpServers: TcpServer[] = [];
const sockets = new Set<Socket>();
const timers = new Set<NodeJS.Timeout>();
const replayIds = new Set<string>();
const stats = {
  trickleRequests: 0,
  trickleOpen: 0,
  trickleBytes: 0,
  hangConnections: 0,
  hangOpen: 0,
  hangBytesReceived: 0,
  replayRequests: 0,
  /** Requests to the replay endpoints that were not replays (stops, lifts, deviations). */
  replayOther: 0,
  replayFirstAt: null as string | null,
  replayLastAt: null as string | null,
};
const send = (message: unknown) => process.send?.(message);

function track(socket: Socket) {
  sockets.add(socket);
  socket.once('close', () => sockets.delete(socket));
}

function trickle(everyMs: number) {
  return (req: IncomingMessage, res: ServerResponse) => {
    req.resume();
    req.once('end', () => {
      stats.trickleRequests += 1;
      stats.trickleOpen += 1;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.flushHeaders();
      const timer = setInterval(() => {
        stats.trickleBytes += 1;
        res.write(' ');
      }, everyMs);
      timers.add(timer);
      res.once('close', () => {
        clearInterval(timer);
        timers.delete(timer);
        stats.trickleOpen -= 1;
      });
    });
  };
}

function replay(req: IncomingMessage, res: ServerResponse) {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    stats.replayRequests += 1;
    const now = new Date().toISOString();
    stats.replayFirstAt ??= now;
    stats.replayLastAt = now;
    try {
      const payload = JSON.parse(Buffer.concat(chunks).toString('utf8'));
      // The seeded backlog is of deviations whose summary begins "Replay backlog".
      if (String(payload?.data?.signal?.summary ?? '').startsWith('Replay backlog')) replayIds.add(String(req.headers['webhook-id'] ?? ''));
      else stats.replayOther += 1;
    } catch {
      stats.replayOther += 1;
    }
    res.writeHead(204).end();
  });
}

async function listenHttp(handler: (req: IncomingMessage, res: ServerResponse) => void): Promise<number> {
  const server = createHttpServer(handler);
  server.keepAliveTimeout = 30_000;
  // The registry must be the one to give up, not this server.
  server.requestTimeout = 0;
  server.headersTimeout = 0;
  server.on('connection', track);
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  httpServers.push(server);
  return (server.address() as { port: number }).port;
}

async function listenHang(): Promise<number> {
  const server = createTcpServer((socket) => {
    track(socket);
    stats.hangConnections += 1;
    stats.hangOpen += 1;
    // Read and drop what arrives (so a client's close is seen); never write a byte.
    socket.on('data', (chunk: Buffer) => {
      stats.hangBytesReceived += chunk.length;
    });
    socket.once('close', () => {
      stats.hangOpen -= 1;
    });
    socket.on('error', () => {});
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  tcpServers.push(server);
  return (server.address() as { port: number }).port;
}

async function listen(message: { trickle: number; hang: number; replay: number; trickleEveryMs: number }) {
  const out = { trickle: [] as number[], hang: [] as number[], replay: [] as number[] };
  for (let i = 0; i < message.trickle; i++) out.trickle.push(await listenHttp(trickle(message.trickleEveryMs)));
  for (let i = 0; i < message.hang; i++) out.hang.push(await listenHang());
  for (let i = 0; i < message.replay; i++) out.replay.push(await listenHttp(replay));
  return out;
}

function closeAll() {
  for (const t of timers) clearInterval(t);
  timers.clear();
  for (const s of sockets) s.destroy();
  for (const s of httpServers) s.close();
  for (const s of tcpServers) s.close();
}

process.on('message', (message: any) => {
  switch (message.type) {
    case 'listen':
      listen(message).then(
        (ports) => send({ type: 'listening', ...ports }),
        (error) => send({ type: 'error', message: String(error) }),
      );
      break;
    case 'stats':
      send({ type: 'stats', ...stats, replayDistinct: replayIds.size, openSockets: sockets.size });
      break;
    case 'close':
      closeAll();
      process.disconnect?.();
      break;
  }
});

// The parent going away ends this process too.
process.on('disconnect', () => {
  closeAll();
  process.exit(0);
});
