import { writeFile } from 'node:fs/promises';
import type { FastifyBaseLogger } from 'fastify';
import type { Config } from './config.ts';
import type { Database } from './db/client.ts';
import { uuidv7 } from './lib/ids.ts';
import { createAuditRepository } from './modules/audit/audit.repository.ts';
import { createIdempotencyRepository } from './modules/idempotency/idempotency.repository.ts';
import { createDeliveryProcessor } from './modules/deliveries/deliveries.processor.ts';
import { createDeliveryRepository } from './modules/deliveries/deliveries.repository.ts';
import { createWebhookSender } from './modules/deliveries/deliveries.sender.ts';
import type { Requeue } from './modules/deliveries/deliveries.service.ts';
import { createOutboxRelay } from './modules/events/events.relay.ts';
import { createEventRepository } from './modules/events/events.repository.ts';
import { createExpirySweep } from './modules/signals/signals.expiry.ts';
import { createSignalRepository } from './modules/signals/signals.repository.ts';
import { createSubscriptionRepository } from './modules/subscriptions/subscriptions.repository.ts';
import { createBullScheduler, createInProcessScheduler } from './queue/scheduler.ts';

// A pending delivery nobody has leased this long after it fell due was lost on the way.
const OVERDUE_GRACE_MS = 2_000;
// Once re-queued, it is not re-queued again for this long.
const OVERDUE_HOLD_MS = 30_000;

export interface Workers {
  mode: 'bullmq' | 'in-process';
  /** Wakes the delivery of deliveries the API just made due (redelivery, replay). */
  requeue: Requeue;
  /** Stops taking work, lets work in flight finish until `deadlineMs`, then closes connections. */
  close(deadlineMs?: number): Promise<void>;
}

/**
 * The outbox relay, the delivery processor and the sweeps (overdue deliveries,
 * expired signals, retention). With REDIS_URL they run on BullMQ and can be scaled
 * out as worker processes; without it, an in-process dispatcher reads the same
 * outbox with the same signing, retries and delivery log.
 */
export async function startWorkers({ config, database, log }: { config: Config; database: Database; log: FastifyBaseLogger }): Promise<Workers> {
  const newId = uuidv7;
  const scheduler = config.REDIS_URL ? await createBullScheduler({ ...config, REDIS_URL: config.REDIS_URL }, log) : createInProcessScheduler(log);
  const events = createEventRepository(database.db);
  const deliveries = createDeliveryRepository(database.db);
  const sender = createWebhookSender(config);
  const processor = createDeliveryProcessor({
    deliveries,
    sender,
    retries: { schedule: (id, attempt, delayMs) => scheduler.deliver([{ id, attempts: attempt - 1 }], delayMs) },
    // Long enough to cover one attempt's connect and response timeouts.
    leaseMs: config.WEBHOOK_CONNECT_TIMEOUT_MS + config.WEBHOOK_RESPONSE_TIMEOUT_MS + 2_000,
    log,
  });
  await scheduler.start(processor);

  const relay = createOutboxRelay({
    db: database.db,
    listen: database.listen,
    events,
    subscriptions: createSubscriptionRepository(database.db),
    deliveries,
    enqueueFanout: scheduler.fanoutInTransaction,
    afterCommit: scheduler.afterRelay,
    newId,
    pollMs: config.RELAY_POLL_MS,
    log,
  });
  const expirySweep = createExpirySweep({ db: database.db, signals: createSignalRepository(database.db), events, newId });

  let sweeping = false;
  let heartbeatFailing = false;
  const heartbeat = async (file: string) => {
    try {
      await writeFile(file, `${new Date().toISOString()}\n`);
      heartbeatFailing = false;
    } catch (error) {
      if (!heartbeatFailing) log.warn({ err: error, file }, 'cannot write WORKER_HEARTBEAT_FILE; a health check reading it will fail');
      heartbeatFailing = true;
    }
  };
  const sweep = async () => {
    if (sweeping) return;
    sweeping = true;
    let swept = false;
    try {
      const due = await deliveries.takeOverdue(OVERDUE_GRACE_MS, OVERDUE_HOLD_MS, 1_000);
      if (due.length > 0) {
        await scheduler.deliver(due);
        log.info({ count: due.length }, 're-queued overdue deliveries');
      }
      if ((await expirySweep()) > 0) relay.kick();
      swept = true;
    } catch (error) {
      log.warn({ err: error }, 'sweep failed; trying again at the next one');
    } finally {
      sweeping = false;
    }
    // Only a sweep that reached the database counts as a sign of life.
    if (swept && config.WORKER_HEARTBEAT_FILE) await heartbeat(config.WORKER_HEARTBEAT_FILE);
  };
  const sweepTimer = setInterval(() => void sweep(), config.RELAY_POLL_MS);

  // Retention: delivery attempts and the read log age out; the audit chain never does.
  const auditRepository = createAuditRepository(database.db);
  const idempotencyKeys = createIdempotencyRepository(database.db);
  const prune = async () => {
    try {
      await deliveries.pruneAttempts(config.DELIVERY_LOG_RETENTION_DAYS);
      await auditRepository.pruneReads(config.READ_LOG_RETENTION_DAYS);
      await idempotencyKeys.prune();
    } catch (error) {
      log.warn({ err: error }, 'retention pruning failed; trying again in an hour');
    }
  };
  const pruneTimer = setInterval(() => void prune(), 3_600_000);
  pruneTimer.unref();
  void prune();

  await relay.start();
  log.info({ mode: scheduler.mode, prefix: config.REDIS_PREFIX, concurrency: config.WORKER_CONCURRENCY }, 'delivery workers started');

  return {
    mode: scheduler.mode,
    requeue: (due) => scheduler.deliver(due),
    close: async (deadlineMs = 10_000) => {
      clearInterval(sweepTimer);
      clearInterval(pruneTimer);
      await relay.stop();
      await scheduler.close(deadlineMs);
      await sender.close();
    },
  };
}
