import { Worker } from 'bullmq';
import type { FastifyBaseLogger } from 'fastify';
import type { Config } from '../config.ts';
import type { DeliveryProcessor } from '../modules/deliveries/deliveries.processor.ts';
import { checkEvictionPolicy, createDeliveryQueue, createRedis, DELIVERY_QUEUE, jobIds, jobSchemas } from './queues.ts';

/**
 * When deliveries run. The database says what is due (deliveries.next_attempt_at
 * and leases); a scheduler only wakes the processor at the right moment, so the
 * BullMQ one and the in-process one behave the same and lose nothing on a crash.
 */
export interface Scheduler {
  mode: 'bullmq' | 'in-process';
  /** Inside the relay's transaction: queue the first attempt of each event's deliveries. */
  fanoutInTransaction(seqs: number[]): Promise<unknown>;
  /** After the relay's transaction committed. */
  afterRelay(seqs: number[]): void;
  /** Runs these deliveries' next attempt after `delayMs`; a delivery already scheduled is not scheduled twice. */
  deliver(due: Array<{ id: string; attempts: number }>, delayMs?: number): Promise<void>;
  start(processor: DeliveryProcessor): Promise<void>;
  close(deadlineMs: number): Promise<void>;
}

export async function createBullScheduler(config: Config & { REDIS_URL: string }, log: FastifyBaseLogger): Promise<Scheduler> {
  const producer = createRedis(config.REDIS_URL, 'producer');
  const consumer = createRedis(config.REDIS_URL, 'worker');
  await checkEvictionPolicy(consumer, (msg) => log.warn(msg));
  const queue = createDeliveryQueue(producer, config.REDIS_PREFIX);
  let worker: Worker | null = null;
  return {
    mode: 'bullmq',
    fanoutInTransaction: (seqs) => queue.addBulk('fanout', seqs.map((seq) => ({ payload: { seq }, jobId: jobIds.fanout(seq) }))),
    afterRelay: () => {},
    deliver: async (due, delayMs = 0) => {
      await queue.queue.addBulk(
        due.map((d) => ({
          name: 'deliver',
          data: jobSchemas.deliver.parse({ deliveryId: d.id }),
          opts: { jobId: jobIds.deliver(d.id, d.attempts + 1), delay: delayMs },
        })),
      );
    },
    start: async (processor) => {
      worker = new Worker(
        DELIVERY_QUEUE,
        async (job) => {
          if (job.name === 'fanout') return processor.processEvent(jobSchemas.fanout.parse(job.data).seq);
          if (job.name === 'deliver') return processor.processDelivery(jobSchemas.deliver.parse(job.data).deliveryId);
          throw new Error(`unknown job ${job.name}`);
        },
        {
          connection: consumer,
          prefix: config.REDIS_PREFIX,
          concurrency: config.WORKER_CONCURRENCY,
          // A dead worker's jobs go back to the queue one lock period after it stopped
          // renewing them; until then their job ids keep the sweep from re-queueing them.
          lockDuration: config.WORKER_LOCK_MS,
          stalledInterval: config.WORKER_LOCK_MS,
        },
      );
      worker.on('error', (error) => log.warn({ err: error }, 'queue worker error'));
      worker.on('failed', (job, error) => log.warn({ err: error, jobId: job?.id }, 'job failed'));
    },
    close: async (deadlineMs) => {
      if (worker) {
        // close() waits for the jobs in flight; past the deadline, force it — their
        // deliveries are leased in the database and will be picked up again.
        const graceful = worker.close();
        const timedOut = await Promise.race([graceful.then(() => false), new Promise<boolean>((r) => setTimeout(() => r(true), deadlineMs).unref())]);
        if (timedOut) await worker.close(true);
      }
      await queue.close();
      producer.disconnect();
      consumer.disconnect();
    },
  };
}

/** Without Redis: timers in this process. State stays in the database, so a restart resumes. */
export function createInProcessScheduler(log: FastifyBaseLogger): Scheduler {
  let processor: DeliveryProcessor | null = null;
  const timers = new Map<string, NodeJS.Timeout>();
  const running = new Set<Promise<unknown>>();
  let closed = false;
  const track = (work: () => Promise<unknown>) => {
    if (closed || !processor) return;
    const p = work()
      .catch((error) => log.warn({ err: error }, 'in-process delivery failed; the sweep will retry'))
      .finally(() => running.delete(p));
    running.add(p);
  };
  return {
    mode: 'in-process',
    fanoutInTransaction: async () => {},
    afterRelay: (seqs) => {
      for (const seq of seqs) track(() => processor!.processEvent(seq));
    },
    deliver: async (due, delayMs = 0) => {
      for (const d of due) {
        if (timers.has(d.id)) continue;
        const timer = setTimeout(() => {
          timers.delete(d.id);
          track(() => processor!.processDelivery(d.id));
        }, delayMs);
        timers.set(d.id, timer);
      }
    },
    start: async (p) => {
      processor = p;
    },
    close: async (deadlineMs) => {
      closed = true;
      for (const timer of timers.values()) clearTimeout(timer);
      timers.clear();
      await Promise.race([Promise.allSettled([...running]), new Promise((r) => setTimeout(r, deadlineMs).unref())]);
    },
  };
}
