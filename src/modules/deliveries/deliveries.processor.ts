import type { FastifyBaseLogger } from 'fastify';
import { webhookBody } from '../events/events.payload.ts';
import { signingSecrets } from '../subscriptions/subscriptions.service.ts';
import type { AttemptOutcome, Claimed, DeliveryRepository } from './deliveries.repository.ts';
import { recordOutcomes } from './deliveries.service.ts';
import { BUSY_WAIT_MS, DISABLE_AFTER_MS, DISABLE_AFTER_TEXT, nextRetryDelay } from './deliveries.schedule.ts';

// The longest the other lanes wait for the priority lane's fan-outs in this process.
const URGENT_YIELD_MAX_MS = 1_000;
// How long after its attempts started a priority fan-out still holds the other lanes back.
const URGENT_MARK_MS = 300;
// How long a relayed blocking event holds the other lanes back before its fan-out starts here.
const URGENT_EXPECTED_MS = 1_000;
import type { WebhookSender } from './deliveries.sender.ts';
import type { WebhookKeyring } from '../webhook-keys/webhook-keys.keyring.ts';

/** An endpoint to wake at `dueAt`: its deliveries due then are taken (retries, and those that waited for it). */
export interface Wake {
  subscriptionId: string;
  dueAt: Date;
  /** A first attempt of a blocking event waits among them: the priority lane. */
  urgent?: boolean;
}

export interface WakeScheduler {
  /** Wakes each endpoint at its due time (the database already says what is due then). */
  schedule(due: Wake[]): Promise<void>;
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
  /** The same on the priority lane's own connections (the same repository where there are none). */
  priorityDeliveries: DeliveryRepository;
  sender: WebhookSender;
  /** The registry's v1a keys, cached: signing an attempt costs no database round trip. */
  webhookKeys: Pick<WebhookKeyring, 'signingKeys'>;
  wakes: WakeScheduler;
  leaseMs: number;
  /** How long a job waits for its slowest attempts before it lets its slot go. */
  slotMs: number;
  /** Resend-lane attempts in flight at once in this process. */
  resendConcurrency: number;
  /** Attempts one dispatch (one job's claim) has in flight at once; the rest start as those finish. */
  sendConcurrency: number;
  /** The longest one attempt can last (its deadline). */
  attemptMs: number;
  log: FastifyBaseLogger;
}) {
  const { deliveries, priorityDeliveries, sender, webhookKeys, wakes, leaseMs, slotMs, resendConcurrency, sendConcurrency, attemptMs, log } = deps;
  const inFlight = new Set<Promise<void>>();
  let closed = false;

  // Priority inside this process: while a fan-out of the priority lane is claiming and
  // sending, the other lanes wait before they claim (up to URGENT_YIELD_MAX_MS), so the
  // two cores are the stop's first. The other lanes' own capacity is not given away.
  let urgentActive = 0;
  const urgentIdle: Array<() => void> = [];
  const urgentDone = () => {
    urgentActive -= 1;
    if (urgentActive === 0) for (const resolve of urgentIdle.splice(0)) resolve();
  };
  // A blocking event this process just relayed: the other lanes wait from that moment, not
  // only once its fan-out job has started (another worker may take the job: then it ends).
  const expected = new Map<number, NodeJS.Timeout>();
  const expectUrgent = (seqs: number[]) => {
    for (const seq of seqs) {
      if (expected.has(seq)) continue;
      urgentActive += 1;
      const timer = setTimeout(() => expected.delete(seq) && urgentDone(), URGENT_EXPECTED_MS);
      timer.unref();
      expected.set(seq, timer);
    }
  };
  const arrived = (seq: number) => {
    const timer = expected.get(seq);
    if (!timer) return;
    clearTimeout(timer);
    expected.delete(seq);
    urgentDone();
  };
  const yieldToUrgent = async () => {
    if (urgentActive === 0) return;
    let timer: NodeJS.Timeout | undefined;
    await new Promise<void>((resolve) => {
      urgentIdle.push(resolve);
      timer = setTimeout(resolve, URGENT_YIELD_MAX_MS);
    });
    clearTimeout(timer);
  };

  // Endpoints that held deliveries back because their attempts were in flight here: woken
  // as soon as one of those attempts is recorded, not only when their wait runs out.
  const busy = new Set<string>();
  const scheduleWakes = async (due: Wake[], what: string) => {
    if (due.length === 0) return;
    // One wake per endpoint and moment, however many of its deliveries wait for it.
    const unique = new Map(due.map((d) => [`${d.subscriptionId}|${d.dueAt.getTime()}`, d]));
    await wakes.schedule([...unique.values()]).catch((error) => log.warn({ err: error }, `could not schedule ${what}; the sweep will`));
  };

  // Outcomes are recorded in batches: whatever finished while the previous batch was
  // being written goes in the next transaction, so a fan-out of 310 costs a few commits.
  // The priority lane records through its own connections (priorityDeliveries).
  const recorder = (repository: DeliveryRepository) => {
    let pending: Array<{ outcome: AttemptOutcome; done: () => void }> = [];
    let writing: Promise<void> | null = null;
    const flush = async () => {
      while (pending.length > 0) {
        const batch = pending;
        pending = [];
        try {
          await recordOutcomes(repository, batch.map((b) => b.outcome));
          // A failure to schedule is not lost: the overdue sweep finds the delivery.
          await scheduleWakes(
            batch.flatMap(({ outcome: o }) => (o.nextAttemptAt ? [{ subscriptionId: o.subscriptionId, dueAt: o.nextAttemptAt }] : [])),
            'retries',
          );
          for (const { outcome } of batch) {
            if (!busy.delete(outcome.subscriptionId) || closed) continue;
            // Its waiting deliveries were moved BUSY_WAIT_MS ahead: take them now that there is room.
            processEndpoint(outcome.subscriptionId, false, BUSY_WAIT_MS + 50).catch((error: unknown) =>
              log.warn({ err: error, subscriptionId: outcome.subscriptionId }, 'could not take waiting deliveries; their wake-up will'),
            );
          }
        } catch (error) {
          // The deliveries keep their leases; when those run out, the sweep sends them again.
          log.warn({ err: error, outcomes: batch.length }, 'could not record delivery attempts; they will be made again');
        }
        for (const b of batch) b.done();
      }
    };
    return (outcome: AttemptOutcome) =>
      new Promise<void>((done) => {
        pending.push({ outcome, done });
        writing ??= flush().finally(() => {
          writing = null;
        });
      });
  };
  const record = { normal: recorder(deliveries), urgent: recorder(priorityDeliveries) };

  const attempt = async ({ delivery, subscription, event }: Claimed, body: string): Promise<AttemptOutcome> => {
    const startedAt = new Date();
    // Signed with the keys current now, whether first attempt, retry, redelivery or replay.
    const asymmetric = subscription.v1aSignatures ? webhookKeys.signingKeys() : [];
    const result = await sender.send(subscription.url, signingSecrets(subscription), event.id, body, asymmetric);
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
      return { ...base, nextAttemptAt: null, disableReason: `every attempt failed for ${DISABLE_AFTER_TEXT}; last: ${result.error ?? 'error'}` };
    }
    const delay = nextRetryDelay(attemptNo, result.retryAfterMs);
    return { ...base, nextAttemptAt: delay === null ? null : new Date(Date.now() + delay), disableReason: null };
  };

  /** Starts every claimed attempt; resolves when all are recorded. */
  const dispatch = (claimed: Claimed[], urgent: boolean, onEach?: () => void): Promise<void> => {
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
    // At most sendConcurrency attempts at once: each runner starts the next as its attempt
    // ends (its recording is batched apart). A hanging endpoint holds one runner until its
    // deadline; the others go on, and another job's attempts have runners of their own.
    // An attempt must end within its lease: one that could not start in time is left to the
    // sweep (its lease let go), so no other worker ever sends it while this one still does.
    const startBy = Date.now() + leaseMs - attemptMs - 1_000;
    const late: string[] = [];
    const recorded: Array<Promise<void>> = [];
    let next = 0;
    const runner = async () => {
      while (next < live.length) {
        const c = live[next++]!;
        if (Date.now() > startBy) {
          late.push(c.delivery.id);
          onEach?.();
          continue;
        }
        try {
          const outcome = await attempt(c, bodyOf(c));
          recorded.push((urgent ? record.urgent : record.normal)(outcome).finally(() => onEach?.()));
        } catch (error) {
          // Its lease runs out and the sweep sends it again; the other attempts go on.
          log.warn({ err: error, deliveryId: c.delivery.id }, 'delivery attempt failed before it was sent; the sweep will retry');
          onEach?.();
        }
      }
    };
    const runners = Array.from({ length: Math.min(sendConcurrency, live.length) }, runner);
    const all = Promise.all([abandoned, ...runners])
      .then(() => Promise.all([...recorded, late.length > 0 ? deliveries.release(late) : undefined]))
      .then(
        () => undefined,
        (error: unknown) => log.warn({ err: error }, 'delivery dispatch failed; the sweep will retry'),
      );
    inFlight.add(all);
    // Fire-and-forget: `all` never rejects (a failure is logged above), so nothing waits here.
    void all.finally(() => inFlight.delete(all));
    return all;
  };

  /** Holds the job's slot until its attempts are recorded, or slotMs at most. */
  const holdSlot = async (work: Promise<void>) => {
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([work, new Promise<void>((resolve) => (timer = setTimeout(resolve, slotMs)))]);
    clearTimeout(timer);
  };

  type Claim = Awaited<ReturnType<DeliveryRepository['claimForEvent']>>;
  const run = async (claim: () => Promise<Claim>, urgent: boolean) => {
    // The other lanes give way while this fan-out claims and sends, and for URGENT_MARK_MS
    // at most after that: time enough for healthy endpoints to answer, not for hanging ones.
    let marked = urgent;
    const unmark = () => {
      if (marked) urgentDone();
      marked = false;
    };
    if (urgent) urgentActive += 1;
    else await yieldToUrgent();
    try {
      const { claimed, deferred } = await claim();
      // Deliveries whose endpoint is held back (open circuit, or its attempts in flight) wait for it.
      for (const d of deferred) if (d.busy) busy.add(d.subscriptionId);
      // They wait in the retry lane, whatever lane they came from: an endpoint that holds a
      // stop back is failing or busy, and its attempts must not take the priority lane's slots.
      const waiting = scheduleWakes(
        deferred.map((d) => ({ subscriptionId: d.subscriptionId, dueAt: d.dueAt })),
        'deliveries that wait for their endpoint',
      );
      if (claimed.length > 0) {
        const sending = holdSlot(dispatch(claimed, urgent));
        if (urgent) {
          let timer: NodeJS.Timeout | undefined;
          await Promise.race([sending, new Promise<void>((resolve) => (timer = setTimeout(resolve, URGENT_MARK_MS)))]);
          clearTimeout(timer);
          unmark();
        }
        await sending;
      }
      await waiting;
      return { sent: claimed.length, deferred: deferred.length };
    } finally {
      unmark();
    }
  };
  const processEndpoint = (subscriptionId: string, urgent = false, horizonMs?: number) =>
    run(() => (urgent ? priorityDeliveries : deliveries).claimDue(subscriptionId, leaseMs, urgent, horizonMs), urgent);

  // The resend lane: a pump that keeps up to resendConcurrency attempts in flight,
  // claiming from the database fairly between organisations (claimResends).
  let resendActive = 0;
  let pumping = false;
  let pumpAgain = false;
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
          await yieldToUrgent();
          const { claimed } = await deliveries.claimResends(resendConcurrency - resendActive, leaseMs);
          if (claimed.length === 0) break;
          resendActive += claimed.length;
          // Fire-and-forget: the lane refills from onDone; dispatch logs its own failures and never rejects.
          void dispatch(claimed, false, () => {
            resendActive -= 1;
            // pumpResends catches and logs its own errors.
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
    processEvent: async (seq: number, urgent = false) => {
      const done = run(() => (urgent ? priorityDeliveries : deliveries).claimForEvent(seq, leaseMs, urgent), urgent);
      // run() has taken its own mark synchronously; the expectation can go.
      arrived(seq);
      return done;
    },
    /**
     * First attempts the relay created leased (a blocking event's, to healthy endpoints):
     * sent at once in the priority lane, as a fan-out job would after its claim.
     */
    sendLeased: (claimed: Claimed[]) => run(async () => ({ claimed, deferred: [] }), true),
    /** The relay just queued these blocking events: the other lanes here give way until their fan-outs ran. */
    expectUrgent,
    /** An endpoint's due deliveries (retries, and those that waited for it); `urgent` in the priority lane. */
    processEndpoint: (subscriptionId: string, urgent = false) => processEndpoint(subscriptionId, urgent),
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
