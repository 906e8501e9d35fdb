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
import { blockingSignalTypes } from './modules/status/status.rules.ts';
import { createProcessKeyring } from './modules/webhook-keys/webhook-keys.keyring.ts';
import { createWebhookKeyRepository } from './modules/webhook-keys/webhook-keys.repository.ts';
import { createBullScheduler, createInProcessScheduler } from './queue/scheduler.ts';

// A pending delivery nobody has leased this long after it fell due was lost on the way.
const OVERDUE_GRACE_MS = 2_000;
// A job lets its worker slot go after this long, even with attempts still running.
const SLOT_MS = 1_000;

export interface Workers {
  mode: 'bullmq' | 'in-process';
  /** Wakes the resend lane after the API asked for redeliveries or a replay. */
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
  const webhookKeyRepository = createWebhookKeyRepository(database.db);
  // No attempt goes out before the keys are here: a v1a subscription would get v1 only.
  const { keyring } = createProcessKeyring({ db: database.db, config, keys: webhookKeyRepository, log });
  await keyring.ready();
  // Longer than one attempt can last (its deadline), with time to record it.
  const leaseMs = config.WEBHOOK_TIMEOUT_MS + 5_000;
  const processor = createDeliveryProcessor({
    deliveries,
    priorityDeliveries: database.priority ? createDeliveryRepository(database.priority) : deliveries,
    sender,
    webhookKeys: keyring,
    wakes: { schedule: (due) => scheduler.wake(due) },
    leaseMs,
    slotMs: SLOT_MS,
    resendConcurrency: config.WORKER_RESEND_CONCURRENCY,
    sendConcurrency: config.WORKER_SEND_CONCURRENCY,
    attemptMs: config.WEBHOOK_TIMEOUT_MS,
    log,
  });
  await scheduler.start(processor);

  const relay = createOutboxRelay({
    // Every event passes the relay, a stop among them: it has the priority lane's connections.
    db: database.priority ?? database.db,
    listen: database.listen,
    events,
    subscriptions: createSubscriptionRepository(database.db),
    deliveries,
    afterCommit: async (queued) => {
      processor.expectUrgent(queued.filter((q) => q.urgent).map((q) => q.seq));
      await scheduler.fanout(queued);
    },
    // A stop's first attempts to healthy endpoints go out from the relay, without the queue's round trips.
    sendNow: { leaseMs, send: (claimed) => processor.sendLeased(claimed) },
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
      const overdue = await deliveries.overdueEndpoints(OVERDUE_GRACE_MS, 1_000, [...blockingSignalTypes]);
      if (overdue.length > 0) {
        const now = new Date();
        await scheduler.wake(overdue.map((o) => ({ subscriptionId: o.subscriptionId, dueAt: now, urgent: o.urgent })));
        log.info({ endpoints: overdue.length }, 'woke endpoints with overdue deliveries');
      }
      // The resend lane reads its work from the database: a wake-up lost on the way costs one sweep.
      // Fire-and-forget (it catches and logs its own errors): the sweep does not wait for resends.
      void processor.pumpResends();
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
      await webhookKeyRepository.erasePrivateKeys(new Date());
    } catch (error) {
      log.warn({ err: error }, 'retention pruning failed; trying again in an hour');
    }
  };
  // prune catches and logs its own errors; nothing waits for it.
  const pruneTimer = setInterval(() => void prune(), 3_600_000);
  pruneTimer.unref();
  void prune();

  await relay.start();
  log.info(
    {
      mode: scheduler.mode,
      prefix: config.REDIS_PREFIX,
      concurrency: { urgent: config.WORKER_URGENT_CONCURRENCY, normal: config.WORKER_CONCURRENCY, retry: config.WORKER_RETRY_CONCURRENCY, resend: config.WORKER_RESEND_CONCURRENCY },
    },
    'delivery workers started',
  );

  return {
    mode: scheduler.mode,
    requeue: () => scheduler.resend(),
    close: async (deadlineMs = 10_000) => {
      clearInterval(sweepTimer);
      clearInterval(pruneTimer);
      const started = Date.now();
      await relay.stop();
      await scheduler.close(deadlineMs);
      // Attempts that outlived their job's slot: let them finish and be recorded, within the deadline.
      await processor.drain(Math.max(0, deadlineMs - (Date.now() - started)));
      await sender.close();
      keyring.close();
    },
  };
}
