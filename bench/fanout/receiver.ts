import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { Webhook } from 'standardwebhooks';

/**
 * The subscribers' side of the fan-out benchmark, in its own process: one HTTP server
 * per subscription, each on its own loopback port with its own secret. Every request
 * is verified per Standard Webhooks before it counts: HMAC-SHA256 over
 * "id.timestamp.body" with node:crypto, a constant-time comparison against each
 * `v1,` signature, and a timestamp within five minutes. In rounds armed with
 * `library: true` (the warm-up rounds) every delivery is verified by the
 * `standardwebhooks` library as well, to show the two agree; the library's pure-JS
 * HMAC costs ~160 µs a delivery here against ~25 µs, which would otherwise be
 * counted in both the registry's time and the limit. The parent arms a round with a marker and the number of
 * endpoints that must receive it; the moment the last of them has verified its
 * delivery, this process reports the monotonic clock (process.hrtime, shared by every
 * process on the machine) back over IPC.
 *
 * Messages in:  {type:'listen', count}  {type:'secrets', offset, secrets}  {type:'arm', marker, expected, library}  {type:'stats'}
 * Messages out: {type:'listening', ports}  {type:'secrets-set'}  {type:'armed'}  {type:'done', marker, at, eventIds}  {type:'stats', ...}
 */

interface Armed {
  marker: string;
  library: boolean;
  expected: number;
  seen: Set<number>;
  eventIds: Set<string>;
  done: boolean;
}

const servers: Server[] = [];
// Set once the subscription (and so its secret) exists, after its port was known.
const verifiers: Array<{ key: Buffer; library: Webhook } | undefined> = [];
const TOLERANCE_S = 5 * 60;

/** Standard Webhooks verification; returns the parsed payload or throws. */
function verify(key: Buffer, id: string, timestamp: string, signatures: string, body: string): unknown {
  const ts = Number(timestamp);
  if (!id || !Number.isInteger(ts)) throw new Error('missing webhook-id or webhook-timestamp');
  if (Math.abs(Date.now() / 1000 - ts) > TOLERANCE_S) throw new Error('timestamp outside the tolerance');
  const expected = createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest();
  const ok = signatures.split(' ').some((s) => {
    const [version, b64] = s.split(',');
    if (version !== 'v1' || !b64) return false;
    const given = Buffer.from(b64, 'base64');
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
  if (!ok) throw new Error('no matching signature');
  return JSON.parse(body);
}
let armed: Armed | null = null;
const totals = { verified: 0, libraryVerified: 0, rejected: 0, duplicates: 0, unmatched: 0, rejections: [] as string[] };

const send = (message: unknown) => process.send?.(message);

function handle(endpoint: number, req: IncomingMessage, res: ServerResponse) {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    const body = Buffer.concat(chunks).toString('utf8');
    let payload: any;
    const verifier = verifiers[endpoint];
    if (!verifier) {
      res.writeHead(503).end();
      return;
    }
    const headers = {
      'webhook-id': String(req.headers['webhook-id'] ?? ''),
      'webhook-timestamp': String(req.headers['webhook-timestamp'] ?? ''),
      'webhook-signature': String(req.headers['webhook-signature'] ?? ''),
    };
    try {
      payload = verify(verifier.key, headers['webhook-id'], headers['webhook-timestamp'], headers['webhook-signature'], body);
      if (armed?.library) {
        verifier.library.verify(body, headers);
        totals.libraryVerified += 1;
      }
    } catch (error) {
      totals.rejected += 1;
      if (totals.rejections.length < 10) totals.rejections.push(`endpoint ${endpoint}: ${(error as Error).message}`);
      res.writeHead(401).end();
      return;
    }
    totals.verified += 1;
    const summary: unknown = payload?.data?.signal?.summary;
    const round = armed;
    if (round && typeof summary === 'string' && summary.includes(round.marker)) {
      if (round.seen.has(endpoint)) {
        totals.duplicates += 1;
      } else {
        round.seen.add(endpoint);
        round.eventIds.add(String(payload?.data?.eventId));
        if (!round.done && round.seen.size === round.expected) {
          round.done = true;
          const at = process.hrtime.bigint();
          send({ type: 'done', marker: round.marker, at: String(at), eventIds: [...round.eventIds] });
        }
      }
    } else {
      totals.unmatched += 1;
    }
    res.writeHead(204).end();
  });
}

async function listen(count: number): Promise<number[]> {
  const ports: number[] = [];
  for (let i = 0; i < count; i++) {
    const endpoint = servers.length;
    const server = createServer((req, res) => handle(endpoint, req, res));
    // Like a typical reverse proxy in front of a case system: connections stay open a while.
    server.keepAliveTimeout = 30_000;
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', () => resolve());
    });
    servers.push(server);
    ports.push((server.address() as { port: number }).port);
  }
  return ports;
}

process.on('message', (message: any) => {
  switch (message.type) {
    case 'listen':
      listen(message.count).then(
        (ports) => send({ type: 'listening', ports }),
        (error) => send({ type: 'error', message: String(error) }),
      );
      break;
    case 'secrets':
      message.secrets.forEach((secret: string, i: number) => {
        verifiers[message.offset + i] = { key: Buffer.from(secret.replace(/^whsec_/, ''), 'base64'), library: new Webhook(secret) };
      });
      send({ type: 'secrets-set' });
      break;
    case 'arm':
      armed = { marker: message.marker, library: message.library === true, expected: message.expected, seen: new Set(), eventIds: new Set(), done: false };
      send({ type: 'armed', marker: message.marker });
      break;
    case 'stats':
      send({ type: 'stats', ...totals, endpoints: servers.length, seenThisRound: armed?.seen.size ?? 0 });
      break;
    case 'close':
      for (const s of servers) s.closeAllConnections();
      for (const s of servers) s.close();
      process.disconnect?.();
      break;
  }
});

// The parent going away ends this process too.
process.on('disconnect', () => process.exit(0));
