import { and, desc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { deliveries } from '../deliveries/deliveries.table.ts';
import { type EventRow, events } from '../events/events.table.ts';
import { signals } from '../signals/signals.table.ts';
import { createOrganisationRepository } from '../organisations/organisations.repository.ts';
import { createSubscriptionRepository } from '../subscriptions/subscriptions.repository.ts';
import { subscriptions } from '../subscriptions/subscriptions.table.ts';

export function createReachRepository(db: Db) {
  const subscriptionRepository = createSubscriptionRepository(db);
  const organisationRepository = createOrganisationRepository(db);
  return {
    signal: async (id: string) => (await db.select({ id: signals.id, issuerOrgId: signals.issuerOrgId }).from(signals).where(eq(signals.id, id)))[0],

    /** The signal's newest event (notices are never about a signal). */
    latestEvent: async (signalId: string): Promise<EventRow | undefined> =>
      (
        await db
          .select()
          .from(events)
          .where(and(eq(events.signalId, signalId), isNull(events.recipientOrgId)))
          .orderBy(desc(events.seq))
          .limit(1)
      )[0],

    /** Every delivery of one event, with the owner and health of its subscription. */
    deliveriesOf: (seq: number) =>
      db
        .select({
          orgId: subscriptions.orgId,
          status: deliveries.status,
          attempts: deliveries.attempts,
          succeededAt: deliveries.succeededAt,
          lastStatusCode: deliveries.lastStatusCode,
          lastError: deliveries.lastError,
          subscription: {
            status: subscriptions.status,
            failingSince: subscriptions.failingSince,
            lastError: subscriptions.lastError,
            disabledReason: subscriptions.disabledReason,
          },
        })
        .from(deliveries)
        .innerJoin(subscriptions, eq(subscriptions.id, deliveries.subscriptionId))
        .where(eq(deliveries.eventSeq, seq)),

    activeSubscriptions: () => subscriptionRepository.activeWithOwner(),
    organisations: () => organisationRepository.all(),
  };
}

export type ReachRepository = ReturnType<typeof createReachRepository>;
