import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer } from 'node:http';
import { type Command, exitCodes, exitWith, parseCommandLine, usageError } from '../cli/command.ts';

// A demo subscriber: `npm run demo:receiver -- --secret whsec_…` listens on :4000 and
// prints every delivery whose Standard Webhooks signature verifies. Subscribe it with
// POST /v1/subscriptions {"url": "http://127.0.0.1:4000/hook"} (the embedded demo allows loopback).
const command: Command = {
  name: 'npm run demo:receiver',
  help: `
usage: npm run demo:receiver -- --secret whsec_… [--secret whsec_…] [--port 4000]

A demo webhook subscriber: listens on http://127.0.0.1:<port>/hook and prints every delivery
whose Standard Webhooks signature verifies with one of the secrets (REJECTED otherwise).
Subscribe it with POST /v1/subscriptions {"url": "http://127.0.0.1:4000/hook"}; the secret
is in that answer. Stop it with Ctrl-C (or kill, when started with &).

  --secret <whsec_…>  a subscription's signing secret; repeat it for several subscriptions
  --port <port>       where to listen (default 4000)
  -h, --help          this text

Exit codes: 0 stopped, 1 the port is taken, 2 bad command line.
`,
};

const values = parseCommandLine(command, { secret: { type: 'string', multiple: true }, port: { type: 'string', default: '4000' } });
const secrets = values.secret ?? [];
if (secrets.length === 0) usageError(command, 'give at least one --secret whsec_… (the subscription\'s secret)');
const port = Number(values.port);
if (!Number.isInteger(port) || port < 1 || port > 65535) usageError(command, `--port ${values.port}: a port number, 1–65535`);

const TOLERANCE_S = 5 * 60;

function verified(id: string, timestamp: string, signatures: string, body: string): boolean {
  if (Math.abs(Date.now() / 1000 - Number(timestamp)) > TOLERANCE_S) return false;
  return secrets.some((secret) => {
    const key = Buffer.from(secret.replace(/^whsec_/, ''), 'base64');
    const expected = Buffer.from(createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest('base64'));
    return signatures.split(' ').some((s) => {
      const given = Buffer.from(s.replace(/^v1,/, ''));
      return given.length === expected.length && timingSafeEqual(given, expected);
    });
  });
}

createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c));
  req.on('end', () => {
    const body = Buffer.concat(chunks).toString('utf8');
    const h = (name: string) => String(req.headers[name] ?? '');
    const ok = verified(h('webhook-id'), h('webhook-timestamp'), h('webhook-signature'), body);
    res.writeHead(ok ? 204 : 401).end();
    if (!ok) {
      process.stdout.write(`REJECTED ${h('webhook-id')}: signature does not verify\n`);
      return;
    }
    const event = JSON.parse(body) as { type: string; data: { seq?: number; signal?: { type: string; supplierOrgNumber: string; summary: string; issuerOrgId: string } } };
    const s = event.data.signal;
    process.stdout.write(`verified ${event.type} #${event.data.seq ?? '-'} ${s ? `${s.type} ${s.supplierOrgNumber} by ${s.issuerOrgId}: ${s.summary}` : ''}\n`);
  });
})
  // A second tour while the first receiver still runs: say so, not an EADDRINUSE stack.
  .on('error', (error: NodeJS.ErrnoException) =>
    exitWith(
      exitCodes.failed,
      error.code === 'EADDRINUSE'
        ? `${command.name}: port ${port} is already in use, most likely by a receiver from an earlier tour: stop it (kill %1 in its terminal, or Ctrl-C), or pass --port`
        : `${command.name}: cannot listen on 127.0.0.1:${port}: ${error.message}`,
    ),
  )
  .listen(port, '127.0.0.1', () => process.stdout.write(`demo receiver on http://127.0.0.1:${port}/hook\n`));

