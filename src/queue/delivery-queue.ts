import { Queue, type QueueOptions } from 'bullmq';
import type { Redis } from 'ioredis';
import { type JobName, type JobPayload, jobSchemas, type Lane, lanes } from './queues.ts';

// BullMQ's queue, apart from the lanes and job schemas (queues.ts), so that a process that
// only names jobs or talks to Redis does not load BullMQ: the API loads this file when it
// first wakes the resend lane (src/app.ts), and BullMQ with it (about 1.3 MB of modules).

export function createDeliveryQueue(connection: Redis, prefix: string, lane: Lane) {
  const options: QueueOptions = {
    connection,
    prefix,
    // A job id blocks a second job only while the first is waiting, delayed or running:
    // completed jobs are removed at once, because a job that found its delivery leased
    // by a dead worker must not stop the sweep from queueing that delivery again. What
    // was done is recorded in PostgreSQL, not in Redis.
    defaultJobOptions: { removeOnComplete: true, removeOnFail: { age: 86_400 }, attempts: 3, backoff: { type: 'exponential', delay: 1_000 } },
  };
  const queue = new Queue(lanes[lane], options);
  queue.on('error', () => {});
  return {
    queue,
    add: <N extends JobName>(name: N, payload: JobPayload<N>, jobId: string, delayMs = 0) =>
      queue.add(name, jobSchemas[name].parse(payload), { jobId, delay: delayMs }),
    addBulk: <N extends JobName>(name: N, jobs: Array<{ payload: JobPayload<N>; jobId: string; delayMs?: number }>) =>
      queue.addBulk(jobs.map((j) => ({ name, data: jobSchemas[name].parse(j.payload), opts: { jobId: j.jobId, delay: j.delayMs ?? 0 } }))),
    close: () => queue.close(),
  };
}

export type DeliveryQueue = ReturnType<typeof createDeliveryQueue>;
