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
 *
 * Several rounds can be armed at once (a round's stragglers are still counted after
 * the next is armed); a delivery belongs to the round whose marker stands in the
 * parentheses at the end of the signal's summary, and — when the round was armed with
 * an `event` type — whose payload type is that (a stop's `signal.created` and its
 * `signal.lifted` carry the same summary). The 100 most recent rounds are kept.
 *
 * Flaky endpoints (fanout-hostile): an endpoint listed in a `flaky` message answers
 * 500 to the first attempt of every webhook-id it sees (after verifying it) and 2xx
 * to the next. A round's `expected` counts only the other (steady) endpoints; for the
 * flaky ones the round records when each one's accepted (retried) delivery arrived.
 *
 * Messages in:  {type:'listen', count}  {type:'secrets', offset, secrets}  {type:'arm', marker, expected, library, event?}
 *               {type:'flaky', endpoints}  {type:'report', marker, event?}  {type:'stats'}
 * Messages out: {type:'listening', ports}  {type:'secrets-set'}  {type:'armed'}  {type:'done', marker, event, at, eventIds}
 *               {type:'flaky-set', count}  {type:'report', marker, event, seen, flakyRefused, flakyAt: [endpoint, hrtime][]}  {type:'stats', ...}
 */

interface Armed {
  marker: string;
  /** Only payloads of this type count, when set. */
  event: string | null;
  library: boolean;
  /** Steady endpoints that must verify the round's delivery. */
  expected: number;
  seen: Set<number>;
  eventIds: Set<string>;
  done: boolean;
  /** Flaky endpoints: first attempts refused with 500, and when each accepted delivery arrived. */
  flakyRefused: number;
  flakyAt: Map<number, bigint>;
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
const MAX_ROUNDS = 1_000;
// Insertion order is arming order; the oldest round is dropped beyond MAX_ROUNDS.
const rounds = new Map<string, Armed>();
let latest: Armed | null = null;
const roundKey = (marker: string, event: string | null | undefined) => `${event ?? '*'}|${marker}`;
/** The armed round a payload belongs to: its marker ends the summary in parentheses, and its type matches. */
function roundOf(payload: any): Armed | undefined {
  const summary: unknown = payload?.data?.signal?.summary;
  if (typeof summary !== 'string') return undefined;
  const marker = /\(([^()]+)\)\.?$/.exec(summary)?.[1];
  if (!marker) return undefined;
  return rounds.get(roundKey(marker, String(payload?.type))) ?? rounds.get(roundKey(marker, null));
}
// Flaky endpoints, and the webhook-ids each has refused once.
const flaky = new Map<number, Set<string>>();
const totals = { verified: 0, libraryVerified: 0, rejected: 0, duplicates: 0, unmatched: 0, flakyRefused: 0, rejections: [] as string[] };

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
    let round: Armed | undefined;
    try {
      payload = verify(verifier.key, headers['webhook-id'], headers['webhook-timestamp'], headers['webhook-signature'], body);
      round = roundOf(payload);
      if (round?.library) {
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
    const refused = flaky.get(endpoint);
    if (refused && !refused.has(headers['webhook-id'])) {
      // A flaky endpoint: the first attempt of each message fails.
      refused.add(headers['webhook-id']);
      totals.flakyRefused += 1;
      if (round) round.flakyRefused += 1;
      res.writeHead(500).end();
      return;
    }
    if (!round) {
      totals.unmatched += 1;
    } else if (refused) {
      if (round.flakyAt.has(endpoint)) totals.duplicates += 1;
      else {
        round.flakyAt.set(endpoint, process.hrtime.bigint());
        round.eventIds.add(String(payload?.data?.eventId));
      }
    } else if (round.seen.has(endpoint)) {
      totals.duplicates += 1;
    } else {
      round.seen.add(endpoint);
      round.eventIds.add(String(payload?.data?.eventId));
      if (!round.done && round.seen.size === round.expected) {
        round.done = true;
        const at = process.hrtime.bigint();
        send({ type: 'done', marker: round.marker, event: round.event, at: String(at), eventIds: [...round.eventIds] });
      }
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
    case 'arm': {
      const round: Armed = {
        marker: message.marker,
        event: message.event ?? null,
        library: message.library === true,
        expected: message.expected,
        seen: new Set(),
        eventIds: new Set(),
        done: false,
        flakyRefused: 0,
        flakyAt: new Map(),
      };
      rounds.set(roundKey(round.marker, round.event), round);
      if (rounds.size > MAX_ROUNDS) rounds.delete(rounds.keys().next().value!);
      latest = round;
      send({ type: 'armed', marker: message.marker });
      break;
    }
    case 'flaky':
      flaky.clear();
      for (const endpoint of message.endpoints as number[]) flaky.set(endpoint, new Set());
      send({ type: 'flaky-set', count: flaky.size });
      break;
    case 'report': {
      const round = rounds.get(roundKey(message.marker, message.event));
      send({
        type: 'report',
        marker: message.marker,
        event: message.event ?? null,
        seen: round?.seen.size ?? 0,
        flakyRefused: round?.flakyRefused ?? 0,
        flakyAt: round ? [...round.flakyAt].map(([endpoint, at]) => [endpoint, String(at)]) : [],
      });
      break;
    }
    case 'stats':
      send({ type: 'stats', ...totals, endpoints: servers.length, flaky: flaky.size, seenThisRound: latest?.seen.size ?? 0 });
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
