import { Redis, type RedisOptions } from 'ioredis';
import { z } from 'zod';

/**
 * The delivery lanes, one BullMQ queue each, so that no lane's backlog can take
 * another's workers: `urgent` carries the first attempts of events that change whether
 * a supplier is blocked (stops, terminations, revoked permits); `normal` the first
 * attempts of every other event; `retry` wakes endpoints whose deliveries are due again
 * (retries, and deliveries that waited for the endpoint); `resend` only wakes the resend lane, which reads redeliveries and
 * replays from the database and shares them fairly between organisations.
 */
export const lanes = { urgent: 'deliveries-urgent', normal: 'deliveries', retry: 'deliveries-retry', resend: 'deliveries-resend' } as const;
export type Lane = keyof typeof lanes;

/** Each job name has its payload schema. */
export const jobSchemas = {
  // First attempt of every delivery of one event.
  fanout: z.object({ seq: z.number().int().positive() }),
  // An endpoint's due deliveries: retries, and deliveries that waited for the endpoint.
  wake: z.object({ subscriptionId: z.uuid() }),
  // Wakes the resend lane.
  resend: z.object({}),
} as const;

export type JobName = keyof typeof jobSchemas;

/** Wake-ups are rounded up to this, so the deliveries of one endpoint due close together share one. */
export const WAKE_BUCKET_MS = 250;
export const wakeMoment = (dueAt: Date) => Math.ceil(dueAt.getTime() / WAKE_BUCKET_MS) * WAKE_BUCKET_MS;
export type JobPayload<N extends JobName> = z.infer<(typeof jobSchemas)[N]>;

/** Job ids are deterministic where a second job would be a duplicate, so nothing is queued twice. */
export const jobIds = {
  fanout: (seq: number) => `fanout-${seq}`,
  // The moment (to WAKE_BUCKET_MS) is part of the id: an endpoint whose deliveries wait
  // for several moments is woken at each, and at each only once, however many wait.
  wake: (subscriptionId: string, at: number) => `wake-${subscriptionId}-${at}`,
  resend: () => `resend-${Date.now()}-${Math.random().toString(36).slice(2)}`,
};

/**
 * Redis connections as BullMQ's production guide says: workers retry forever
 * (maxRetriesPerRequest: null); producers fail fast while Redis is away, so a
 * caller never hangs — the outbox and the overdue sweep make up for it later.
 */
export function createRedis(url: string, role: 'worker' | 'producer'): Redis {
  const options: RedisOptions =
    role === 'worker'
      ? { maxRetriesPerRequest: null, enableReadyCheck: true }
      : { maxRetriesPerRequest: 1, enableOfflineQueue: false, connectTimeout: 2_000 };
  const redis = new Redis(url, { ...options, retryStrategy: (times) => Math.min(times * 200, 2_000) });
  // Reconnection is automatic; an unhandled 'error' event would crash the process.
  redis.on('error', () => {});
  return redis;
}

/** Warns when Redis may evict keys: BullMQ loses jobs under any policy but noeviction. */
export async function checkEvictionPolicy(redis: Redis, warn: (msg: string) => void): Promise<void> {
  try {
    const [, policy] = (await redis.config('GET', 'maxmemory-policy')) as [string, string];
    if (policy !== 'noeviction') warn(`Redis maxmemory-policy is ${policy}; set it to noeviction so queued jobs are never evicted`);
  } catch {
    // Managed Redis may forbid CONFIG; nothing to check then.
  }
}
