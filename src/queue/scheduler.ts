import { Worker } from 'bullmq';
import type { FastifyBaseLogger } from 'fastify';
import type { Config } from '../config.ts';
import type { DeliveryProcessor } from '../modules/deliveries/deliveries.processor.ts';
import type { Wake } from '../modules/deliveries/deliveries.processor.ts';
import { createDeliveryQueue } from './delivery-queue.ts';
import { checkEvictionPolicy, createRedis, type Lane, lanes, jobs, jobSchemas } from './queues.ts';

/**
 * When deliveries run. The database says what is due (deliveries.next_attempt_at,
 * resend requests and leases); a scheduler only wakes the processor at the right
 * moment, so the BullMQ one and the in-process one behave the same and lose nothing
 * on a crash.
 */
export interface Scheduler {
  mode: 'bullmq' | 'in-process';
  /** After the relay's transaction committed: the first attempts of these events, each in its lane. */
  fanout(events: Array<{ seq: number; urgent: boolean }>): Promise<void>;
  /** Wakes these endpoints at their due time; an endpoint already woken for that moment is not woken twice. */
  wake(due: Wake[]): Promise<void>;
  /** Wakes the resend lane: redeliveries and replays were asked for. */
  resend(): Promise<void>;
  start(processor: DeliveryProcessor): Promise<void>;
  close(deadlineMs: number): Promise<void>;
}

export async function createBullScheduler(config: Config & { REDIS_URL: string }, log: FastifyBaseLogger): Promise<Scheduler> {
  const producer = createRedis(config.REDIS_URL, 'producer', log);
  const consumer = createRedis(config.REDIS_URL, 'worker', log);
  await checkEvictionPolicy(consumer, (msg) => log.warn(msg));
  const queues = {
    urgent: createDeliveryQueue(producer, config.REDIS_PREFIX, 'urgent', log),
    normal: createDeliveryQueue(producer, config.REDIS_PREFIX, 'normal', log),
    retry: createDeliveryQueue(producer, config.REDIS_PREFIX, 'retry', log),
    resend: createDeliveryQueue(producer, config.REDIS_PREFIX, 'resend', log),
  } satisfies Record<Lane, unknown>;
  const concurrency: Record<Lane, number> = {
    urgent: config.WORKER_URGENT_CONCURRENCY,
    normal: config.WORKER_CONCURRENCY,
    retry: config.WORKER_RETRY_CONCURRENCY,
    // Only wakes the pump, which has WORKER_RESEND_CONCURRENCY of its own.
    resend: 1,
  };
  const workers: Worker[] = [];
  return {
    mode: 'bullmq',
    fanout: async (events) => {
      for (const lane of ['urgent', 'normal'] as const) {
        await queues[lane].enqueue(events.filter((e) => e.urgent === (lane === 'urgent')).map((e) => jobs.fanout(e.seq)));
      }
    },
    wake: async (due) => {
      for (const lane of ['urgent', 'retry'] as const) {
        await queues[lane].enqueue(due.filter((d) => (d.urgent === true) === (lane === 'urgent')).map((d) => jobs.wake(d.subscriptionId, d.dueAt)));
      }
    },
    resend: async () => {
      await queues.resend.enqueue(jobs.resend());
    },
    start: async (processor) => {
      for (const lane of Object.keys(lanes) as Lane[]) {
        const worker = new Worker(
          lanes[lane],
          async (job) => {
            if (job.name === 'fanout') return processor.processEvent(jobSchemas.fanout.parse(job.data).seq, lane === 'urgent');
            if (job.name === 'wake') return processor.processEndpoint(jobSchemas.wake.parse(job.data).subscriptionId, lane === 'urgent');
            if (job.name === 'resend') return processor.pumpResends();
            throw new Error(`unknown job ${job.name}`);
          },
          {
            connection: consumer,
            prefix: config.REDIS_PREFIX,
            concurrency: concurrency[lane],
            // A dead worker's jobs go back to the queue one lock period after it stopped
            // renewing them; until then their job ids keep the sweep from re-queueing them.
            lockDuration: config.WORKER_LOCK_MS,
            stalledInterval: config.WORKER_LOCK_MS,
          },
        );
        worker.on('error', (error) => log.warn({ err: error, lane }, 'queue worker error'));
        worker.on('failed', (job, error) => log.warn({ err: error, jobId: job?.id, lane }, 'job failed'));
        workers.push(worker);
      }
    },
    close: async (deadlineMs) => {
      // close() waits for the jobs in flight; past the deadline, force it — their
      // deliveries are leased in the database and will be picked up again.
      const graceful = Promise.all(workers.map((w) => w.close()));
      const timedOut = await Promise.race([graceful.then(() => false), new Promise<boolean>((r) => setTimeout(() => r(true), deadlineMs).unref())]);
      if (timedOut) await Promise.all(workers.map((w) => w.close(true)));
      await Promise.all(Object.values(queues).map((q) => q.close()));
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
    fanout: async (events) => {
      // Blocking events first; nothing here has a fixed number of slots to wait for.
      for (const e of [...events].sort((a, b) => Number(b.urgent) - Number(a.urgent))) track(() => processor!.processEvent(e.seq, e.urgent));
    },
    wake: async (due) => {
      for (const d of due) {
        // The same job as on BullMQ, so the same id keeps an endpoint from being woken twice for one moment.
        const { jobId, delayMs } = jobs.wake(d.subscriptionId, d.dueAt);
        if (timers.has(jobId)) continue;
        const timer = setTimeout(() => {
          timers.delete(jobId);
          track(() => processor!.processEndpoint(d.subscriptionId, d.urgent === true));
        }, delayMs);
        timers.set(jobId, timer);
      }
    },
    resend: async () => {
      track(() => processor!.pumpResends());
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
