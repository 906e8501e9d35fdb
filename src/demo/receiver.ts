import { createHmac, timingSafeEqual } from 'node:crypto';
import { createServer } from 'node:http';
import { parseArgs } from 'node:util';

// A demo subscriber: `npm run demo:receiver -- --secret whsec_…` listens on :4000 and
// prints every delivery whose Standard Webhooks signature verifies. Subscribe it with
// POST /v1/subscriptions {"url": "http://127.0.0.1:4000/hook"} (the embedded demo allows loopback).
const { values } = parseArgs({ options: { secret: { type: 'string', multiple: true }, port: { type: 'string', default: '4000' } } });
const secrets = values.secret ?? [];
if (secrets.length === 0) {
  process.stderr.write('usage: npm run demo:receiver -- --secret whsec_… [--secret whsec_…] [--port 4000]\n');
  process.exit(2);
}

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
}).listen(Number(values.port), '127.0.0.1', () => process.stdout.write(`demo receiver on http://127.0.0.1:${values.port}/hook\n`));
