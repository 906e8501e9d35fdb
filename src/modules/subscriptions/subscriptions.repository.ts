import { and, asc, eq, gt, inArray, isNull, ne, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.ts';
import { organisations } from '../organisations/organisations.table.ts';
import { deliveries } from '../deliveries/deliveries.table.ts';
import { type SubscriptionRow, subscriptions } from './subscriptions.table.ts';

export function createSubscriptionRepository(db: Db) {
  const live = ne(subscriptions.status, 'deleted');
  return {
    insert: async (tx: Tx, row: typeof subscriptions.$inferInsert): Promise<SubscriptionRow> => (await tx.insert(subscriptions).values(row).returning())[0]!,

    /** The organisation's own, not deleted. */
    findOwn: async (orgId: string, id: string): Promise<SubscriptionRow | undefined> =>
      (await db.select().from(subscriptions).where(and(eq(subscriptions.id, id), eq(subscriptions.orgId, orgId), live)))[0],

    /** The organisation's own by id (UUIDv7: creation order), after `afterId` when given. */
    listOwn: (orgId: string, afterId: string | undefined, limit: number): Promise<SubscriptionRow[]> =>
      db
        .select()
        .from(subscriptions)
        .where(and(eq(subscriptions.orgId, orgId), live, afterId === undefined ? undefined : gt(subscriptions.id, afterId)))
        .orderBy(asc(subscriptions.id))
        .limit(limit),

    countOwn: async (orgId: string): Promise<number> =>
      (await db.select({ n: sql<number>`count(*)::int` }).from(subscriptions).where(and(eq(subscriptions.orgId, orgId), live)))[0]!.n,

    /** Locks the subscription for the rest of the transaction (an If-Match check and its write). */
    lock: async (tx: Tx, id: string): Promise<SubscriptionRow | undefined> =>
      (await tx.select().from(subscriptions).where(eq(subscriptions.id, id)).limit(1).for('update'))[0],

    update: async (tx: Tx, id: string, changes: Partial<typeof subscriptions.$inferInsert>): Promise<SubscriptionRow> =>
      (await tx.update(subscriptions).set({ ...changes, updatedAt: sql`now()` }).where(eq(subscriptions.id, id)).returning())[0]!,

    /** Each subscription's pending deliveries: how many, and when the next is due. */
    pendingOf: async (ids: string[]): Promise<Map<string, { nextAttemptAt: Date | null; count: number }>> => {
      if (ids.length === 0) return new Map();
      const rows = await db
        .select({ id: deliveries.subscriptionId, next: sql<string | null>`min(${deliveries.nextAttemptAt})`, count: sql<number>`count(*)::int` })
        .from(deliveries)
        .where(and(inArray(deliveries.subscriptionId, ids), eq(deliveries.status, 'pending')))
        .groupBy(deliveries.subscriptionId);
      return new Map(rows.map((r) => [r.id, { nextAttemptAt: r.next ? new Date(r.next) : null, count: r.count }]));
    },

    /**
     * Every active subscription with its owner's kind and federation, for matching events.
     * A suspended organisation's subscriptions are paused: they match nothing until it is resumed.
     */
    activeWithOwner: (tx: Db | Tx = db) =>
      tx
        .select({ subscription: subscriptions, owner: organisations })
        .from(subscriptions)
        .innerJoin(organisations, eq(organisations.id, subscriptions.orgId))
        .where(and(eq(subscriptions.status, 'active'), isNull(organisations.suspendedAt))),
  };
}

export type SubscriptionRepository = ReturnType<typeof createSubscriptionRepository>;
