import type { FastifyBaseLogger } from 'fastify';
import type { DeliveryProcessor } from '../modules/deliveries/deliveries.processor.ts';
import type { DeliveryRepository } from '../modules/deliveries/deliveries.repository.ts';
import { blockingSignalTypes } from '../modules/status/status.rules.ts';
import type { Scheduler } from '../queue/scheduler.ts';
import { OVERDUE_ENDPOINTS_PER_SWEEP, OVERDUE_GRACE_MS } from './timings.ts';

/**
 * The sweep, every RELAY_POLL_MS: wakes endpoints whose deliveries are overdue (a wake-up
 * lost on the way), pumps the resend lane, and announces signals that took effect or expired.
 * Resolves true when it reached the database, the sign of life the heartbeat records.
 */
export function createSweep({
  deliveries,
  scheduler,
  processor,
  expirySweep,
  relayKick,
  log,
}: {
  deliveries: Pick<DeliveryRepository, 'overdueEndpoints'>;
  scheduler: Pick<Scheduler, 'wake'>;
  processor: Pick<DeliveryProcessor, 'pumpResends'>;
  /** Appends the events of signals that took effect or expired; how many. */
  expirySweep: () => Promise<number>;
  /** Wakes the outbox relay, for the events the expiry sweep appended. */
  relayKick: () => void;
  log: FastifyBaseLogger;
}) {
  return async (): Promise<boolean> => {
    try {
      const overdue = await deliveries.overdueEndpoints(OVERDUE_GRACE_MS, OVERDUE_ENDPOINTS_PER_SWEEP, [...blockingSignalTypes]);
      if (overdue.length > 0) {
        const now = new Date();
        await scheduler.wake(overdue.map((o) => ({ subscriptionId: o.subscriptionId, dueAt: now, urgent: o.urgent })));
        log.info({ endpoints: overdue.length }, 'woke endpoints with overdue deliveries');
      }
      // The resend lane reads its work from the database: a wake-up lost on the way costs one sweep.
      // Fire-and-forget (it catches and logs its own errors): the sweep does not wait for resends.
      void processor.pumpResends();
      if ((await expirySweep()) > 0) relayKick();
      return true;
    } catch (error) {
      log.warn({ err: error }, 'sweep failed; trying again at the next one');
      return false;
    }
  };
}
