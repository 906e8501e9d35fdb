import { Worker } from 'bullmq';
import type { FastifyBaseLogger } from 'fastify';
import type { Config } from './config.ts';
import type { Database } from './db/client.ts';
import { uuidv7 } from './lib/ids.ts';
import { createAuditRepository } from './modules/audit/audit.repository.ts';
import { createDeliveryProcessor } from './modules/deliveries/deliveries.processor.ts';
import { createDeliveryRepository } from './modules/deliveries/deliveries.repository.ts';
import { createWebhookSender } from './modules/deliveries/deliveries.sender.ts';
import { createOutboxRelay } from './modules/events/events.relay.ts';
import { createEventRepository } from './modules/events/events.repository.ts';
import { createExpirySweep } from './modules/signals/signals.expiry.ts';
import { createSignalRepository } from './modules/signals/signals.repository.ts';
import { createSubscriptionRepository } from './modules/subscriptions/subscriptions.repository.ts';
import { checkEvictionPolicy, createDeliveryQueue, createRedis, DELIVERY_QUEUE, jobIds, jobSchemas } from './queue/queues.ts';

// A pending delivery nobody has leased this long after it fell due was lost on the way.
const OVERDUE_GRACE_MS = 2_000;

export interface Workers {
  /** Stops taking jobs, lets in-flight ones finish until `deadlineMs`, then closes connections. */
  close(deadlineMs?: number): Promise<void>;
}

/**
 * The outbox relay, the delivery workers and the sweeps (overdue deliveries,
 * expired signals). Runs in the worker process, or inside the API with RUN_WORKERS.
 */
export async function startWorkers({ config, database, log }: { config: Config; database: Database; log: FastifyBaseLogger }): Promise<Workers> {
  if (!config.REDIS_URL) throw new Error('the delivery workers need REDIS_URL');
  const newId = uuidv7;
  const producer = createRedis(config.REDIS_URL, 'producer');
  const consumer = createRedis(config.REDIS_URL, 'worker');
  await checkEvictionPolicy(consumer, (msg) => log.warn(msg));
  const queue = createDeliveryQueue(producer, config.REDIS_PREFIX);

  const events = createEventRepository(database.db);
  const deliveries = createDeliveryRepository(database.db);
  const sender = createWebhookSender(config);
  const processor = createDeliveryProcessor({
    deliveries,
    sender,
    retries: { schedule: (id, attempt, delayMs) => queue.add('deliver', { deliveryId: id }, jobIds.deliver(id, attempt), delayMs).then(() => {}) },
    // Long enough to cover one attempt's connect and response timeouts.
    leaseMs: config.WEBHOOK_CONNECT_TIMEOUT_MS + config.WEBHOOK_RESPONSE_TIMEOUT_MS + 2_000,
    log,
  });

  const worker = new Worker(
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

  const relay = createOutboxRelay({
    db: database.db,
    listen: database.listen,
    events,
    subscriptions: createSubscriptionRepository(database.db),
    deliveries,
    enqueueFanout: (seqs) => queue.addBulk('fanout', seqs.map((seq) => ({ payload: { seq }, jobId: jobIds.fanout(seq) }))),
    newId,
    pollMs: config.RELAY_POLL_MS,
    log,
  });
  const expirySweep = createExpirySweep({ db: database.db, signals: createSignalRepository(database.db), events, newId });

  let sweeping = false;
  const sweep = async () => {
    if (sweeping) return;
    sweeping = true;
    try {
      const due = await deliveries.overdue(OVERDUE_GRACE_MS, 1_000);
      if (due.length > 0) {
        await queue.addBulk('deliver', due.map((d) => ({ payload: { deliveryId: d.id }, jobId: jobIds.deliver(d.id, d.attempts + 1) })));
        log.info({ count: due.length }, 're-queued overdue deliveries');
      }
      if ((await expirySweep()) > 0) relay.kick();
    } catch (error) {
      log.warn({ err: error }, 'sweep failed; trying again at the next one');
    } finally {
      sweeping = false;
    }
  };
  const sweepTimer = setInterval(() => void sweep(), config.RELAY_POLL_MS);
  // Retention: delivery attempts and the read log age out; the audit chain never does.
  const auditRepository = createAuditRepository(database.db);
  const prune = async () => {
    try {
      await deliveries.pruneAttempts(config.DELIVERY_LOG_RETENTION_DAYS);
      await auditRepository.pruneReads(config.READ_LOG_RETENTION_DAYS);
    } catch (error) {
      log.warn({ err: error }, 'retention pruning failed; trying again in an hour');
    }
  };
  const pruneTimer = setInterval(() => void prune(), 3_600_000);
  pruneTimer.unref();
  void prune();
  await relay.start();
  log.info({ prefix: config.REDIS_PREFIX, concurrency: config.WORKER_CONCURRENCY }, 'delivery workers started');

  return {
    close: async (deadlineMs = 10_000) => {
      clearInterval(sweepTimer);
      clearInterval(pruneTimer);
      await relay.stop();
      // worker.close() waits for the jobs in flight; past the deadline, force it —
      // their deliveries are leased in the database and will be picked up again.
      const graceful = worker.close();
      const timedOut = await Promise.race([graceful.then(() => false), new Promise<boolean>((r) => setTimeout(() => r(true), deadlineMs).unref())]);
      if (timedOut) await worker.close(true);
      await queue.close();
      await sender.close();
      producer.disconnect();
      consumer.disconnect();
    },
  };
}
