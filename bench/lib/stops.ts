import type { Api, Cluster } from './cluster.ts';
import type { Helper } from './ipc.ts';
import { waitFor } from './proc.ts';
import { createOrganisations, dashed, type Member, mapLimit, PURCHASING_CENTRE } from './registry.ts';

/**
 * The pieces of a fan-out round shared by the fan-out benchmarks (bench/fanout/fanout.ts,
 * bench/fanout/fanout-hostile.ts): subscribing organisations with endpoints in the
 * receiver process, posting a call-off stop, and checking afterwards that the
 * deliveries were recorded and the supplier reads blocked.
 */

// Filters the way municipalities set them up; every one of them lets a call-off stop through.
export const filterVariants: Array<Record<string, unknown>> = [
  {},
  { types: ['call_off_stop', 'termination', 'permit_revoked'] },
  { minSeverity: 'high' },
  { types: ['call_off_stop', 'termination', 'permit_revoked', 'deviation', 'ivo_injunction'], minSeverity: 'medium' },
];

export interface Subscribed {
  id: string;
  orgId: string;
  url: string;
  secret: string;
}

/**
 * Creates `added` organisations, opens one receiver endpoint (own port) for each,
 * subscribes each organisation to its endpoint with filterVariants[(offset + i) % 4],
 * and hands the secrets to the receiver. `offset` is the number of endpoints the
 * receiver already has (its endpoint numbers continue from there).
 */
export async function subscribeMembers(api: Api, receiver: Helper, added: Member[], offset: number): Promise<Subscribed[]> {
  await createOrganisations(api, added);
  const { ports } = await receiver.ask<{ ports: number[] }>({ type: 'listen', count: added.length }, 'listening', 120_000);
  const subs = await mapLimit(added, 8, (m, i) =>
    api.must('POST', '/v1/subscriptions', m.id, { url: `http://127.0.0.1:${ports[i]}/hooks/registry`, filters: filterVariants[(offset + i) % filterVariants.length] }, [201]),
  );
  await receiver.ask({ type: 'secrets', offset, secrets: subs.map((s) => s.secret) }, 'secrets-set', 30_000);
  return subs.map((s, i) => ({ id: s.id as string, orgId: added[i]!.id, url: `http://127.0.0.1:${ports[i]}/hooks/registry`, secret: s.secret as string }));
}

/** The summary every benchmark stop carries; the receiver finds the round's marker in the parentheses. */
export const stopSummary = (marker: string) => `Avropsstopp i väntan på utredning (${marker}).`;

/** POSTs the purchasing centre's call-off stop; t0 is taken just before the request. */
export async function postStop(api: Api, supplier: string, agreementId: string, marker: string): Promise<{ t0: bigint; postMs: number; signalId: string }> {
  const t0 = process.hrtime.bigint();
  const res = await api.call('POST', '/v1/signals', PURCHASING_CENTRE, {
    type: 'call_off_stop',
    supplierOrgNumber: dashed(supplier),
    agreementId,
    summary: stopSummary(marker),
  });
  const postMs = Number(process.hrtime.bigint() - t0) / 1e6;
  if (res.status !== 201) throw new Error(`call-off stop: ${res.status} ${JSON.stringify(res.body)}`);
  return { t0, postMs, signalId: res.body.id as string };
}

/** Lifts the stop (the purchasing centre issued it). */
export async function liftStop(api: Api, signalId: string): Promise<void> {
  await api.must('POST', `/v1/signals/${signalId}/lift`, PURCHASING_CENTRE, { reason: 'Utredningen är avslutad (benchmark).' }, [200]);
}

/**
 * Waits until `expected` of the signal's `signal.created` deliveries are recorded
 * `succeeded` (only those to `subscriptionIds` when given); returns the signal's
 * created_at to the last of them by the database clock, ms. Throws after `timeoutMs`.
 */
export async function waitRecorded(cluster: Cluster, signalId: string, expected: number, timeoutMs: number, what: string, subscriptionIds?: string[]): Promise<number> {
  let recordedMs = Number.NaN;
  let last = 0;
  try {
    await waitFor(
      what,
      async () => {
        const { rows } = await cluster.pool.query(
          `SELECT count(*) FILTER (WHERE d.status = 'succeeded')::int AS ok,
                  extract(epoch FROM max(d.succeeded_at) - s.created_at) * 1000 AS ms
             FROM signals s JOIN events e ON e.signal_id = s.id AND e.type = 'signal.created' JOIN deliveries d ON d.event_seq = e.seq
            WHERE s.id = $1 AND ($2::uuid[] IS NULL OR d.subscription_id = ANY($2::uuid[])) GROUP BY s.created_at`,
          [signalId, subscriptionIds ?? null],
        );
        last = rows[0]?.ok ?? 0;
        if (last !== expected) return false;
        recordedMs = Number(rows[0].ms);
        return true;
      },
      timeoutMs,
      10,
    );
  } catch (error) {
    throw new Error(`${(error as Error).message} (${last} of ${expected} recorded succeeded)`, { cause: error });
  }
  return recordedMs;
}

/** Throws unless `reader` reads the supplier blocked by `signalId`. */
export async function assertBlocked(api: Api, supplier: string, reader: string, signalId: string, tag: string): Promise<void> {
  const status = await api.must('GET', `/v1/suppliers/${dashed(supplier)}/status`, reader, undefined, [200]);
  if (status.status !== 'blocked' || !status.reasons.some((r: { signalId: string }) => r.signalId === signalId)) {
    throw new Error(`round ${tag}: ${reader} reads ${status.status}, not blocked by ${signalId}`);
  }
}

/**
 * Where the time went, by the database's and the worker's clocks (same machine), ms:
 * toRelay (the POST's transaction began → the relay's), relayToFirstSend (relay → first
 * webhook attempt started), sendSpread (first → last attempt started), sendMedianMs /
 * sendMaxMs (one attempt's duration); over the attempts to `subscriptionIds` when given.
 */
export async function stopPhases(cluster: Cluster, signalId: string, subscriptionIds?: string[]): Promise<Record<string, number>> {
  const { rows } = await cluster.pool.query(
    `SELECT extract(epoch FROM e.relayed_at - s.created_at) * 1000 AS "toRelay",
            extract(epoch FROM min(a.started_at) - e.relayed_at) * 1000 AS "relayToFirstSend",
            extract(epoch FROM max(a.started_at) - min(a.started_at)) * 1000 AS "sendSpread",
            percentile_cont(0.5) WITHIN GROUP (ORDER BY a.duration_ms) AS "sendMedianMs",
            max(a.duration_ms) AS "sendMaxMs"
       FROM signals s JOIN events e ON e.signal_id = s.id AND e.type = 'signal.created' JOIN deliveries d ON d.event_seq = e.seq
       JOIN delivery_attempts a ON a.delivery_id = d.id
      WHERE s.id = $1 AND ($2::uuid[] IS NULL OR d.subscription_id = ANY($2::uuid[])) GROUP BY s.created_at, e.relayed_at`,
    [signalId, subscriptionIds ?? null],
  );
  return Object.fromEntries(Object.entries(rows[0] ?? {}).map(([k, v]) => [k, Math.round(Number(v) * 10) / 10]));
}
