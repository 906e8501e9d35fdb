import type { KeyObject } from 'node:crypto';
import type { FastifyBaseLogger } from 'fastify';
import type { Config } from './config.ts';
import type { Database } from './db/client.ts';
import { createCheckpointSigner } from './jobs/checkpoints.ts';
import { createHeartbeat } from './jobs/heartbeat.ts';
import { repeat } from './jobs/repeat.ts';
import { createRetention } from './jobs/retention.ts';
import { createSweep } from './jobs/sweep.ts';
import { LEASE_MARGIN_MS, RETENTION_EVERY_MS, SLOT_MS } from './jobs/timings.ts';
import { uuidv7 } from './lib/ids.ts';
import { loadSigningKey } from './modules/audit/audit.chain.ts';
import { SIGNING_INTERVAL_MS } from './modules/audit/audit.timings.ts';
import { createDeliveryProcessor } from './modules/deliveries/deliveries.processor.ts';
import { createDeliveryRepository } from './modules/deliveries/deliveries.repository.ts';
import { createWebhookSender } from './modules/deliveries/deliveries.sender.ts';
import type { Requeue } from './modules/deliveries/deliveries.service.ts';
import { createOutboxRelay } from './modules/events/events.relay.ts';
import { createEventRepository } from './modules/events/events.repository.ts';
import { createExpirySweep } from './modules/signals/signals.expiry.ts';
import { createSignalRepository } from './modules/signals/signals.repository.ts';
import { createOrganisationRepository } from './modules/organisations/organisations.repository.ts';
import { createSubscriptionRepository } from './modules/subscriptions/subscriptions.repository.ts';
import { createProcessKeyring } from './modules/webhook-keys/webhook-keys.keyring.ts';
import { createWebhookKeyRepository } from './modules/webhook-keys/webhook-keys.repository.ts';
import { createBullScheduler, createInProcessScheduler } from './queue/scheduler.ts';

export interface Workers {
  mode: 'bullmq' | 'in-process';
  /** Wakes the resend lane after the API asked for redeliveries or a replay. */
  requeue: Requeue;
  /** Stops taking work, lets work in flight finish until `deadlineMs`, then closes connections. */
  close(deadlineMs?: number): Promise<void>;
}

/**
 * The worker side of the registry: the outbox relay, the delivery processor, and the
 * background jobs (src/jobs: the sweep and its heartbeat, retention, the checkpoint signer).
 * With REDIS_URL they run on BullMQ and can be scaled out as worker processes; without it, an
 * in-process dispatcher reads the same outbox with the same signing, retries and delivery log.
 * This file only wires them; what each job does is in its own file.
 */
export async function startWorkers({
  config,
  database,
  log,
  signingKey: givenKey,
}: {
  config: Config;
  database: Database;
  log: FastifyBaseLogger;
  /** The API's audit signing key when the workers run in its process; otherwise AUDIT_SIGNING_KEY. */
  signingKey?: KeyObject;
}): Promise<Workers> {
  const newId = uuidv7;
  const scheduler = config.REDIS_URL ? await createBullScheduler({ ...config, REDIS_URL: config.REDIS_URL }, log) : createInProcessScheduler(log);
  const events = createEventRepository(database.db);
  const deliveries = createDeliveryRepository(database.db);
  const sender = createWebhookSender(config);
  // No attempt goes out before the keys are here: a v1a subscription would get v1 only.
  const { keyring } = createProcessKeyring({ db: database.db, config, keys: createWebhookKeyRepository(database.db), log });
  await keyring.ready();
  // Longer than one attempt can last (its deadline), with time to record it.
  const leaseMs = config.WEBHOOK_TIMEOUT_MS + LEASE_MARGIN_MS;
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
    organisations: createOrganisationRepository(database.db),
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

  const sweep = createSweep({
    deliveries,
    scheduler,
    processor,
    expirySweep: createExpirySweep({ db: database.db, signals: createSignalRepository(database.db), events, newId }),
    relayKick: () => relay.kick(),
    log,
  });
  const heartbeat = config.WORKER_HEARTBEAT_FILE ? createHeartbeat(config.WORKER_HEARTBEAT_FILE, log) : null;
  const jobs = [
    // Only a sweep that reached the database counts as a sign of life.
    repeat('sweep', config.RELAY_POLL_MS, async () => (await sweep()) && (await heartbeat?.()), { log }),
    repeat('retention', RETENTION_EVERY_MS, createRetention({ db: database.db, config, log }), { log, now: true, keepAlive: false }),
  ];
  // A key generated for this process alone would sign checkpoints nobody can verify; the API
  // still signs one on request (POST /v1/audit/checkpoint) with its own.
  const signingKey = givenKey ?? (config.AUDIT_SIGNING_KEY ? loadSigningKey(config.AUDIT_SIGNING_KEY).key : null);
  if (signingKey) {
    const signer = createCheckpointSigner({ db: database.db, signingKey, origin: config.AUDIT_LOG_ORIGIN, log });
    // Also once at start: what was logged since the last checkpoint before a restart is covered at once.
    jobs.push(repeat('checkpoints', SIGNING_INTERVAL_MS, signer, { log, now: true, keepAlive: false }));
  } else {
    log.warn('AUDIT_SIGNING_KEY is not set: these workers sign no audit checkpoints; the API signs one when asked');
  }

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
    close: async (deadlineMs = config.SHUTDOWN_TIMEOUT) => {
      for (const job of jobs) job.stop();
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
