import { Redis, type RedisOptions } from 'ioredis';
import { z } from 'zod';
import { throttledWarn, type WarnLog } from '../lib/throttled-log.ts';

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

/** A job ready to queue: its name, payload, id and delay. Built by `jobs`, so its id always follows its payload. */
export interface Job<N extends JobName = JobName> {
  name: N;
  payload: JobPayload<N>;
  jobId: string;
  delayMs: number;
}

/**
 * The one way to make a job. Job ids are deterministic where a second job would be a
 * duplicate, so nothing is queued twice.
 */
export const jobs = {
  fanout: (seq: number): Job<'fanout'> => ({ name: 'fanout', payload: { seq }, jobId: `fanout-${seq}`, delayMs: 0 }),
  /**
   * Wakes an endpoint at `dueAt`, rounded up to WAKE_BUCKET_MS. The moment is part of the id:
   * an endpoint whose deliveries wait for several moments is woken at each, and at each only
   * once, however many wait.
   */
  wake: (subscriptionId: string, dueAt: Date): Job<'wake'> => {
    const at = wakeMoment(dueAt);
    return { name: 'wake', payload: { subscriptionId }, jobId: `wake-${subscriptionId}-${at}`, delayMs: Math.max(0, at - Date.now()) };
  },
  resend: (): Job<'resend'> => ({ name: 'resend', payload: {}, jobId: `resend-${Date.now()}-${Math.random().toString(36).slice(2)}`, delayMs: 0 }),
};

/** A producer (the API) gives up connecting after this long, so /readyz and a write answer rather than hang. */
const PRODUCER_CONNECT_TIMEOUT_MS = 2_000;
/** Reconnection waits this much longer after each failed try, and never longer than RECONNECT_MAX_MS. */
const RECONNECT_STEP_MS = 200;
const RECONNECT_MAX_MS = 2_000;

/**
 * Redis connections as BullMQ's production guide says: workers retry forever
 * (maxRetriesPerRequest: null); producers fail fast while Redis is away, so a
 * caller never hangs — the outbox and the overdue sweep make up for it later.
 */
export function createRedis(url: string, role: 'worker' | 'producer', log?: WarnLog): Redis {
  const options: RedisOptions =
    role === 'worker'
      ? { maxRetriesPerRequest: null, enableReadyCheck: true }
      : { maxRetriesPerRequest: 1, enableOfflineQueue: false, connectTimeout: PRODUCER_CONNECT_TIMEOUT_MS };
  const redis = new Redis(url, { ...options, retryStrategy: (times) => Math.min(times * RECONNECT_STEP_MS, RECONNECT_MAX_MS) });
  // Reconnection is automatic; an unhandled 'error' event would crash the process. While
  // Redis is away every attempt reports, hence at most one line a minute.
  redis.on('error', throttledWarn(log, `Redis connection error (${role}); reconnecting`));
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
