import type { FastifyBaseLogger } from 'fastify';
import type { EventRow } from '../events/events.table.ts';
import { signingSecrets } from '../subscriptions/subscriptions.service.ts';
import type { AttemptOutcome, Claimed, DeliveryRepository } from './deliveries.repository.ts';
import { DISABLE_AFTER_MS, nextRetryDelay } from './deliveries.schedule.ts';
import type { WebhookSender } from './deliveries.sender.ts';

/** The JSON body of an event's webhook; the same bytes on every attempt. */
export function webhookBody(event: EventRow): string {
  return JSON.stringify({
    type: event.type,
    timestamp: event.createdAt.toISOString(),
    data: { seq: event.seq, eventId: event.id, signal: event.signal },
  });
}

export interface RetryScheduler {
  /** Asks the queue to run this delivery again after `delayMs`; the database already says when. */
  schedule(deliveryId: string, attempt: number, delayMs: number): Promise<void>;
}

/**
 * Sends claimed deliveries concurrently and records every attempt. Used for the
 * first attempt of a whole event (one job for all its subscribers) and for each
 * retry (one job per delivery).
 */
export function createDeliveryProcessor(deps: {
  deliveries: DeliveryRepository;
  sender: WebhookSender;
  retries: RetryScheduler;
  leaseMs: number;
  log: FastifyBaseLogger;
}) {
  const { deliveries, sender, retries, leaseMs, log } = deps;

  const attempt = async ({ delivery, subscription, event }: Claimed): Promise<AttemptOutcome> => {
    const startedAt = new Date();
    const result = await sender.send(subscription.url, signingSecrets(subscription), event.id, webhookBody(event));
    const attemptNo = delivery.attempts + 1;
    const base = {
      deliveryId: delivery.id,
      subscriptionId: subscription.id,
      attempt: attemptNo,
      startedAt,
      durationMs: result.durationMs,
      statusCode: result.statusCode,
      error: result.error,
      ok: result.ok,
    };
    if (result.ok) return { ...base, nextAttemptAt: null, disableReason: null };
    if (result.statusCode === 410) {
      return { ...base, nextAttemptAt: null, disableReason: 'the endpoint answered 410 Gone' };
    }
    const failingFor = subscription.failingSince ? Date.now() - subscription.failingSince.getTime() : 0;
    if (failingFor >= DISABLE_AFTER_MS) {
      return { ...base, nextAttemptAt: null, disableReason: `every attempt failed for 5 days; last: ${result.error ?? 'error'}` };
    }
    const delay = nextRetryDelay(attemptNo, result.retryAfterMs);
    return { ...base, nextAttemptAt: delay === null ? null : new Date(Date.now() + delay), disableReason: null };
  };

  const run = async (claimed: Claimed[]) => {
    const live = claimed.filter((c) => c.subscription.status === 'active');
    await deliveries.abandon(
      claimed.filter((c) => c.subscription.status !== 'active').map((c) => c.delivery.id),
      'the subscription is no longer active',
    );
    if (live.length === 0) {
      log.debug({ claimed: claimed.length }, 'nothing to send: leased elsewhere or already done');
      return { sent: 0, succeeded: 0 };
    }
    const outcomes = await Promise.all(live.map(attempt));
    await deliveries.record(outcomes);
    for (const o of outcomes) {
      if (o.nextAttemptAt) {
        // A failure to schedule is not lost: the overdue sweep finds the delivery.
        await retries.schedule(o.deliveryId, o.attempt + 1, Math.max(0, o.nextAttemptAt.getTime() - Date.now())).catch((error) => {
          log.warn({ err: error, deliveryId: o.deliveryId }, 'could not schedule retry; the sweep will');
        });
      }
    }
    const succeeded = outcomes.filter((o) => o.ok).length;
    log.info({ sent: outcomes.length, succeeded }, 'deliveries attempted');
    return { sent: outcomes.length, succeeded };
  };

  return {
    processEvent: async (seq: number) => run(await deliveries.claimForEvent(seq, leaseMs)),
    processDelivery: async (id: string) => run(await deliveries.claimOne(id, leaseMs)),
  };
}

export type DeliveryProcessor = ReturnType<typeof createDeliveryProcessor>;
