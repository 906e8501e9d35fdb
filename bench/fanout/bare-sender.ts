import { createHmac, randomUUID } from 'node:crypto';
import { Agent, request } from 'undici';

/**
 * The physical limit of the fan-out: a bare script, in its own process, that signs
 * one Standard Webhooks payload per endpoint and POSTs them all at once with undici
 * (keep-alive, the same per-origin connection limit as the registry's sender, every
 * endpoint in flight together as the registry's worker does). No API, no database,
 * no queue.
 *
 * Messages in:  {type:'targets', targets:[{url, secret}]}  {type:'go', marker}
 * Messages out: {type:'sent', ok, failed}
 */

let targets: Array<{ url: string; key: Buffer }> = [];
const agent = new Agent({ connect: { timeout: 5_000 }, headersTimeout: 15_000, bodyTimeout: 15_000, connections: 16 });
let seq = 0;

function sign(key: Buffer, id: string, timestamp: number, body: string): string {
  return `v1,${createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest('base64')}`;
}

async function go(marker: string) {
  seq += 1;
  const eventId = randomUUID();
  const now = new Date();
  // The same shape and about the same size as the registry's signal.created body.
  const body = JSON.stringify({
    type: 'signal.created',
    timestamp: now.toISOString(),
    data: {
      seq,
      eventId,
      signal: {
        id: randomUUID(),
        type: 'call_off_stop',
        supplierOrgNumber: '552000-0000',
        unitId: null,
        agreementId: randomUUID(),
        issuerOrgId: 'bench-inkop',
        status: 'active',
        visibility: 'members',
        severity: null,
        category: null,
        summary: `Avropsstopp i väntan på utredning (${marker}).`,
        details: null,
        reference: null,
        effectiveFrom: now.toISOString(),
        effectiveUntil: null,
        version: 1,
        createdAt: now.toISOString(),
        updatedAt: now.toISOString(),
      },
    },
  });
  const timestamp = Math.floor(Date.now() / 1000);
  const outcomes = await Promise.all(
    targets.map(async ({ url, key }) => {
      try {
        const res = await request(url, {
          method: 'POST',
          dispatcher: agent,
          headers: {
            'content-type': 'application/json',
            'webhook-id': eventId,
            'webhook-timestamp': String(timestamp),
            'webhook-signature': sign(key, eventId, timestamp, body),
          },
          body,
        });
        await res.body.dump();
        return res.statusCode >= 200 && res.statusCode < 300;
      } catch {
        return false;
      }
    }),
  );
  const ok = outcomes.filter(Boolean).length;
  process.send?.({ type: 'sent', ok, failed: outcomes.length - ok });
}

process.on('message', (message: any) => {
  if (message.type === 'targets') {
    targets = message.targets.map((t: { url: string; secret: string }) => ({ url: t.url, key: Buffer.from(t.secret.replace(/^whsec_/, ''), 'base64') }));
    process.send?.({ type: 'ready', count: targets.length });
  } else if (message.type === 'go') {
    void go(message.marker);
  }
});
process.on('disconnect', () => process.exit(0));
