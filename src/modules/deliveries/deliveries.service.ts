import { inArray } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { decodeCursor, pageOf } from '../../lib/cursor.ts';
import { UUID_PATTERN } from '../../lib/ids.ts';
import type { Principal } from '../../plugins/auth.ts';
import type { AuditService } from '../audit/audit.service.ts';
import type { EventRepository } from '../events/events.repository.ts';
import { organisations } from '../organisations/organisations.table.ts';
import type { SubscriptionRepository } from '../subscriptions/subscriptions.repository.ts';
import { subscriptionNotFound } from '../subscriptions/subscriptions.errors.ts';
import { eventMatches } from '../subscriptions/subscriptions.matching.ts';
import type { DeliveryRepository } from './deliveries.repository.ts';
import { deliveryNotFound, subscriptionInactive } from './deliveries.errors.ts';
import type { DeliveryRow } from './deliveries.table.ts';

export const MAX_REPLAY_EVENTS = 10_000;

/** Queues deliveries that the database already marks due; best effort, the worker's sweep is the backstop. */
export type Requeue = (deliveries: Array<{ id: string; attempts: number }>) => Promise<void>;

export function createDeliveryService(deps: {
  db: Db;
  deliveries: DeliveryRepository;
  subscriptions: SubscriptionRepository;
  events: EventRepository;
  requeue: Requeue;
  audit: Pick<AuditService, 'record'>;
  newId: () => string;
}) {
  const { db, deliveries, subscriptions, events, requeue, audit, newId } = deps;

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
        await deliveries.requeue([{ id: delivery.id, subscriptionId: delivery.subscriptionId, eventSeq: delivery.eventSeq }], tx);
        await audit.record(tx, principal, { action: 'delivery.redelivered', targetType: 'delivery', targetId: delivery.id, change: {} });
      });
      await requeue([{ id: delivery.id, attempts: delivery.attempts }]).catch(() => {});
      return { id: delivery.id, status: 'pending' as const };
    },

    /** Resends every event since `since` that the subscription matches, e.g. after an outage. */
    replay: async (principal: Principal, subscriptionId: string, since: Date) => {
      const subscription = await ownSubscription(principal, subscriptionId);
      if (subscription.status !== 'active') throw subscriptionInactive();
      const candidates = await events.since(since, MAX_REPLAY_EVENTS);
      const issuerIds = [...new Set(candidates.map((e) => e.issuerOrgId))];
      const issuers = issuerIds.length ? await db.select().from(organisations).where(inArray(organisations.id, issuerIds)) : [];
      const codeOf = new Map(issuers.map((o) => [o.id, o.municipalityCode]));
      const matching = candidates.filter((e) => eventMatches(e, subscription.filters, principal.org, codeOf.get(e.issuerOrgId) ?? null));
      const rows = matching.map((e) => ({ id: newId(), subscriptionId, eventSeq: e.seq }));
      await db.transaction(async (tx) => {
        await deliveries.requeue(rows, tx);
        await audit.record(tx, principal, {
          action: 'subscription.replayed',
          targetType: 'subscription',
          targetId: subscriptionId,
          change: { since: since.toISOString(), events: matching.map((e) => e.seq) },
        });
      });
      const queued = await deliveries.listForSubscription(subscriptionId, 'pending', undefined, MAX_REPLAY_EVENTS);
      await requeue(queued.map((q) => ({ id: q.delivery.id, attempts: q.delivery.attempts }))).catch(() => {});
      return { queued: matching.length, truncated: candidates.length === MAX_REPLAY_EVENTS };
    },
  };
}

export type DeliveryService = ReturnType<typeof createDeliveryService>;
