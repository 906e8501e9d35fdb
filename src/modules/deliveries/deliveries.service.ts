import type { Db } from '../../db/client.ts';
import { decodeCursor, pageOf } from '../../lib/cursor.ts';
import { UUID_PATTERN } from '../../lib/ids.ts';
import { throttledWarn, type WarnLog } from '../../lib/throttled-log.ts';
import type { Principal } from '../../plugins/auth.ts';
import type { AuditService } from '../audit/audit.service.ts';
import type { EventRepository } from '../events/events.repository.ts';
import type { OrganisationRepository } from '../organisations/organisations.repository.ts';
import type { SubscriptionRepository } from '../subscriptions/subscriptions.repository.ts';
import { subscriptionNotFound } from '../subscriptions/subscriptions.errors.ts';
import { eventMatches } from '../subscriptions/subscriptions.matching.ts';
import { endpointAfter } from './deliveries.health.ts';
import type { AttemptOutcome, DeliveryRepository } from './deliveries.repository.ts';
import { deliveryNotFound, subscriptionInactive } from './deliveries.errors.ts';
import type { DeliveryRow } from './deliveries.table.ts';

export const MAX_REPLAY_EVENTS = 10_000;

/** Wakes the resend lane, whose work the database already holds; best effort, the worker's sweep is the backstop. */
export type Requeue = () => Promise<void>;

/**
 * Records attempts, moves deliveries on, and moves each endpoint's subscription on —
 * health, circuit, failing and disabled (endpointAfter) — in one transaction, writing the
 * notices the new state calls for. Only endpoints whose health can change are touched.
 */
export async function recordOutcomes(
  repository: Pick<DeliveryRepository, 'transaction' | 'recordAttempts' | 'lockEndpointsToUpdate' | 'updateEndpoint' | 'appendNotice'>,
  outcomes: readonly AttemptOutcome[],
  now: () => Date = () => new Date(),
): Promise<void> {
  if (outcomes.length === 0) return;
  const bySubscription = new Map<string, AttemptOutcome[]>();
  for (const o of outcomes) bySubscription.set(o.subscriptionId, [...(bySubscription.get(o.subscriptionId) ?? []), o]);
  const failed = [...bySubscription].filter(([, os]) => os.some((o) => !o.ok)).map(([id]) => id);
  const succeeded = [...bySubscription].filter(([, os]) => os.every((o) => o.ok)).map(([id]) => id);
  await repository.transaction(async (tx) => {
    await repository.recordAttempts(tx, outcomes);
    const endpoints = await repository.lockEndpointsToUpdate(tx, failed, succeeded);
    const at = now();
    for (const subscription of endpoints) {
      const { set, notices } = endpointAfter(subscription, bySubscription.get(subscription.id) ?? [], at);
      await repository.updateEndpoint(tx, subscription.id, set);
      for (const notice of notices) await repository.appendNotice(tx, subscription, notice);
    }
  });
}

export function createDeliveryService(deps: {
  db: Db;
  deliveries: DeliveryRepository;
  subscriptions: SubscriptionRepository;
  organisations: Pick<OrganisationRepository, 'directory'>;
  events: EventRepository;
  requeue: Requeue;
  audit: Pick<AuditService, 'record'>;
  log?: WarnLog;
  newId: () => string;
}) {
  const { db, deliveries, subscriptions, organisations, events, requeue, audit, newId } = deps;
  // The resend is in the database already; a lane not woken only waits for the worker's sweep.
  const requeueFailed = throttledWarn(deps.log, 'could not wake the resend lane; the worker sweep will');

  const ownSubscription = async (principal: Principal, id: string) => {
    const subscription = await subscriptions.findOwn(principal.org.id, id);
    if (!subscription) throw subscriptionNotFound(id);
    return subscription;
  };

  const own = async (principal: Principal, id: string) => {
    const found = await deliveries.findById(id);
    if (!found || found.subscription.orgId !== principal.org.id || found.subscription.status === 'deleted') throw deliveryNotFound(id);
    return found;
  };

  return {
    list: async (principal: Principal, subscriptionId: string, query: { status?: DeliveryRow['status'] | undefined; cursor?: string | undefined; limit: number }) => {
      await ownSubscription(principal, subscriptionId);
      const beforeId = query.cursor ? decodeCursor(query.cursor, UUID_PATTERN) : undefined;
      const rows = await deliveries.listForSubscription(subscriptionId, query.status, beforeId, query.limit + 1);
      return pageOf(rows, query.limit, (r) => r.delivery.id);
    },

    get: async (principal: Principal, id: string) => {
      const found = await own(principal, id);
      return { ...found, attempts: await deliveries.attemptsOf(id) };
    },

    /** Sends the delivery once more, whatever its state. */
    redeliver: async (principal: Principal, id: string) => {
      const { delivery, subscription } = await own(principal, id);
      if (subscription.status !== 'active') throw subscriptionInactive();
      await db.transaction(async (tx) => {
        await deliveries.requestResend([{ id: delivery.id, subscriptionId: delivery.subscriptionId, eventSeq: delivery.eventSeq }], tx);
        await audit.record(tx, principal, { action: 'delivery.redelivered', targetType: 'delivery', targetId: delivery.id, change: {} });
      });
      await requeue().catch(requeueFailed);
      return { id: delivery.id, status: 'pending' as const };
    },

    /** Resends every event since `since` that the subscription matches, e.g. after an outage. */
    replay: async (principal: Principal, subscriptionId: string, since: Date) => {
      const subscription = await ownSubscription(principal, subscriptionId);
      if (subscription.status !== 'active') throw subscriptionInactive();
      const candidates = await events.since(since, MAX_REPLAY_EVENTS);
      const directory = await organisations.directory();
      const matching = candidates.filter((e) => eventMatches(e, subscription.filters, principal.org, directory));
      const rows = matching.map((e) => ({ id: newId(), subscriptionId, eventSeq: e.seq }));
      await db.transaction(async (tx) => {
        await deliveries.requestResend(rows, tx);
        await audit.record(tx, principal, {
          action: 'subscription.replayed',
          targetType: 'subscription',
          targetId: subscriptionId,
          change: { since: since.toISOString(), events: matching.map((e) => e.seq) },
        });
      });
      await requeue().catch(requeueFailed);
      return { queued: matching.length, truncated: candidates.length === MAX_REPLAY_EVENTS };
    },
  };
}

export type DeliveryService = ReturnType<typeof createDeliveryService>;
