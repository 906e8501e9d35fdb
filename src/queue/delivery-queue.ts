import { Queue, type QueueOptions } from 'bullmq';
import type { Redis } from 'ioredis';
import { throttledWarn, type WarnLog } from '../lib/throttled-log.ts';
import { type Job, jobSchemas, jobs, type Lane, lanes } from './queues.ts';

// BullMQ's queue, apart from the lanes and job schemas (queues.ts), so that a process that
// only names jobs or talks to Redis does not load BullMQ: the API loads this file when it
// first wakes the resend lane (src/app.ts), and BullMQ with it (about 1.3 MB of modules).

/** A failed job is kept this long (seconds, as BullMQ counts) for someone to look at; what it did is in PostgreSQL. */
const FAILED_JOB_KEPT_S = 86_400;
/** A job whose processor threw is tried three times in all, after 1 s and 2 s. */
const JOB_ATTEMPTS = 3;
const JOB_RETRY_DELAY_MS = 1_000;

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

