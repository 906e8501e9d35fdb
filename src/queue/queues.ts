import { Queue, type QueueOptions } from 'bullmq';
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
/** A failed job is kept this long (seconds, as BullMQ counts) for someone to look at; what it did is in PostgreSQL. */
const FAILED_JOB_KEPT_S = 86_400;
/** A job whose processor threw is tried three times in all, after 1 s and 2 s. */
const JOB_ATTEMPTS = 3;
const JOB_RETRY_DELAY_MS = 1_000;

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

export function createDeliveryQueue(connection: Redis, prefix: string, lane: Lane, log?: WarnLog) {
  const options: QueueOptions = {
    connection,
    prefix,
    // A job id blocks a second job only while the first is waiting, delayed or running:
    // completed jobs are removed at once, because a job that found its delivery leased
    // by a dead worker must not stop the sweep from queueing that delivery again. What
    // was done is recorded in PostgreSQL, not in Redis.
    defaultJobOptions: { removeOnComplete: true, removeOnFail: { age: FAILED_JOB_KEPT_S }, attempts: JOB_ATTEMPTS, backoff: { type: 'exponential', delay: JOB_RETRY_DELAY_MS } },
  };
  const queue = new Queue(lanes[lane], options);
  // The connection's own errors are logged by createRedis; these are the queue's.
  queue.on('error', throttledWarn(log, `queue ${lanes[lane]}: error`));
  return {
    queue,
    /** Queues jobs made by `jobs`, in one round trip; each payload is checked against its schema first. */
    enqueue: async (job: Job | readonly Job[]): Promise<void> => {
      const batch: readonly Job[] = 'jobId' in job ? [job] : job;
      if (batch.length === 0) return;
      await queue.addBulk(batch.map((j) => ({ name: j.name, data: jobSchemas[j.name].parse(j.payload), opts: { jobId: j.jobId, delay: j.delayMs } })));
    },
    close: () => queue.close(),
  };
}

export type DeliveryQueue = ReturnType<typeof createDeliveryQueue>;

/**
 * The API's only job: it wakes the resend lane after redeliveries or a replay were asked for
 * (the work itself is read from the database). On the API's own Redis connection.
 */
export function createResendRequeue(connection: Redis, prefix: string, log?: WarnLog) {
  const queue = createDeliveryQueue(connection, prefix, 'resend', log);
  return { requeue: () => queue.enqueue(jobs.resend()), close: () => queue.close() };
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
