import type { FastifyBaseLogger } from 'fastify';
import { webhookBody } from '../events/events.payload.ts';
import { signingSecrets } from '../subscriptions/subscriptions.service.ts';
import type { AttemptOutcome, Claimed, DeliveryRepository } from './deliveries.repository.ts';
import { DISABLE_AFTER_MS, nextRetryDelay } from './deliveries.schedule.ts';
import type { WebhookSender } from './deliveries.sender.ts';

export interface RetryScheduler {
  /** Wakes each delivery's next attempt at its due time (the database already says when). */
  schedule(due: Array<{ id: string; dueAt: Date }>): Promise<void>;
}

/**
 * Sends claimed deliveries and records every attempt on its own, as it finishes: one
 * endpoint's attempt never waits for another's. A job (a fan-out, a retry, a resend)
 * holds its worker slot until its attempts are recorded or `slotMs` has passed,
 * whichever comes first; attempts still running then go on without the slot, bounded
 * by their deadline, their lease and the endpoint's in-flight limit in the database.
 * So a receiver that trickles or never answers costs its own attempts, never a slot
 * that another endpoint's delivery waits for.
 */
export function createDeliveryProcessor(deps: {
  deliveries: DeliveryRepository;
  sender: WebhookSender;
  retries: RetryScheduler;
  leaseMs: number;
  /** How long a job waits for its slowest attempts before it lets its slot go. */
  slotMs: number;
  /** Resend-lane attempts in flight at once in this process. */
  resendConcurrency: number;
  log: FastifyBaseLogger;
}) {
  const { deliveries, sender, retries, leaseMs, slotMs, resendConcurrency, log } = deps;
  const inFlight = new Set<Promise<void>>();

  // Outcomes are recorded in batches: whatever finished while the previous batch was
  // being written goes in the next transaction, so a fan-out of 310 costs a few commits.
  let pending: Array<{ outcome: AttemptOutcome; done: () => void }> = [];
  let writing: Promise<void> | null = null;
  const flush = async () => {
    while (pending.length > 0) {
      const batch = pending;
      pending = [];
      try {
        await deliveries.record(batch.map((b) => b.outcome));
        const due = batch.flatMap(({ outcome: o }) => (o.nextAttemptAt ? [{ id: o.deliveryId, dueAt: o.nextAttemptAt }] : []));
        // A failure to schedule is not lost: the overdue sweep finds the delivery.
        if (due.length > 0) await retries.schedule(due).catch((error) => log.warn({ err: error }, 'could not schedule retries; the sweep will'));
      } catch (error) {
        // The deliveries keep their leases; when those run out, the sweep sends them again.
        log.warn({ err: error, outcomes: batch.length }, 'could not record delivery attempts; they will be made again');
      }
      for (const b of batch) b.done();
    }
  };
  const record = (outcome: AttemptOutcome) =>
    new Promise<void>((done) => {
      pending.push({ outcome, done });
      writing ??= flush().finally(() => {
        writing = null;
      });
    });

  const attempt = async ({ delivery, subscription, event }: Claimed, body: string): Promise<AttemptOutcome> => {
    const startedAt = new Date();
    const result = await sender.send(subscription.url, signingSecrets(subscription), event.id, body);
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
      timedOut: result.timedOut === true,
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

  /** Starts every claimed attempt; resolves when all are recorded. */
  const dispatch = (claimed: Claimed[], onEach?: () => void): Promise<void> => {
    const live = claimed.filter((c) => c.subscription.status === 'active');
    const gone = claimed.filter((c) => c.subscription.status !== 'active').map((c) => c.delivery.id);
    const abandoned = deliveries.abandon(gone, 'the subscription is no longer active');
    // One body per event, whatever the number of its subscribers.
    const bodies = new Map<number, string>();
    const bodyOf = (c: Claimed) => {
      let body = bodies.get(c.event.seq);
      if (body === undefined) bodies.set(c.event.seq, (body = webhookBody(c.event, { withhold: c.withhold })));
      return body;
    };
    const all = Promise.all([
      abandoned,
      ...live.map(async (c) => {
        try {
          await record(await attempt(c, bodyOf(c)));
        } finally {
          onEach?.();
        }
      }),
    ]).then(
      () => undefined,
      (error: unknown) => log.warn({ err: error }, 'delivery dispatch failed; the sweep will retry'),
    );
    inFlight.add(all);
    void all.finally(() => inFlight.delete(all));
    return all;
  };

  /** Holds the job's slot until its attempts are recorded, or slotMs at most. */
  const holdSlot = async (work: Promise<void>) => {
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([work, new Promise<void>((resolve) => (timer = setTimeout(resolve, slotMs)))]);
    clearTimeout(timer);
  };

  const run = async (claim: Promise<{ claimed: Claimed[]; deferred: Array<{ id: string; dueAt: Date }> }>) => {
    const { claimed, deferred } = await claim;
    // Deliveries whose endpoint is held back (open circuit, or its attempts in flight) wait for it.
    if (deferred.length > 0) await retries.schedule(deferred).catch((error) => log.warn({ err: error }, 'could not schedule deferred deliveries; the sweep will'));
    if (claimed.length === 0) return { sent: 0, deferred: deferred.length };
    await holdSlot(dispatch(claimed));
    return { sent: claimed.length, deferred: deferred.length };
  };

  // The resend lane: a pump that keeps up to resendConcurrency attempts in flight,
  // claiming from the database fairly between organisations (claimResends).
  let resendActive = 0;
  let pumping = false;
  let pumpAgain = false;
  let closed = false;
  const pumpResends = async (): Promise<void> => {
    if (closed) return;
    if (pumping) {
      pumpAgain = true;
      return;
    }
    pumping = true;
    try {
      do {
        pumpAgain = false;
        // Refill once half the lane is free, not after every attempt: each claim ranks the queue.
        while (!closed && resendActive <= resendConcurrency / 2) {
          const { claimed } = await deliveries.claimResends(resendConcurrency - resendActive, leaseMs);
          if (claimed.length === 0) break;
          resendActive += claimed.length;
          void dispatch(claimed, () => {
            resendActive -= 1;
            if (resendActive <= resendConcurrency / 2) void pumpResends();
          });
        }
      } while (pumpAgain && !closed);
    } catch (error) {
      log.warn({ err: error }, 'resend lane failed; trying again at the next sweep');
    } finally {
      pumping = false;
    }
  };

  return {
    /** First attempts of one event; `urgent` in the priority lane. */
    processEvent: (seq: number, urgent = false) => run(deliveries.claimForEvent(seq, leaseMs, urgent)),
    /** One delivery's next attempt; `urgent` for a first attempt in the priority lane. */
    processDelivery: (id: string, urgent = false) => run(deliveries.claimOne(id, leaseMs, urgent)),
    /** Wakes the resend lane (a redelivery or replay was asked for, or the sweep runs). */
    pumpResends,
    /** Stops the resend lane and waits for the attempts in flight, until `deadlineMs`. */
    drain: async (deadlineMs: number) => {
      closed = true;
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([Promise.allSettled([...inFlight]), new Promise((resolve) => (timer = setTimeout(resolve, deadlineMs)))]);
      clearTimeout(timer);
    },
  };
}

export type DeliveryProcessor = ReturnType<typeof createDeliveryProcessor>;
