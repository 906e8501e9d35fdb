import { and, asc, eq, ne, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.ts';
import { organisations } from '../organisations/organisations.table.ts';
import { type SubscriptionRow, subscriptions } from './subscriptions.table.ts';

export function createSubscriptionRepository(db: Db) {
  const live = ne(subscriptions.status, 'deleted');
  return {
    insert: async (tx: Tx, row: typeof subscriptions.$inferInsert): Promise<SubscriptionRow> => (await tx.insert(subscriptions).values(row).returning())[0]!,

    /** The organisation's own, not deleted. */
    findOwn: async (orgId: string, id: string): Promise<SubscriptionRow | undefined> =>
      (await db.select().from(subscriptions).where(and(eq(subscriptions.id, id), eq(subscriptions.orgId, orgId), live)))[0],

    listOwn: (orgId: string): Promise<SubscriptionRow[]> =>
      db.select().from(subscriptions).where(and(eq(subscriptions.orgId, orgId), live)).orderBy(asc(subscriptions.createdAt)),

    countOwn: async (orgId: string): Promise<number> =>
      (await db.select({ n: sql<number>`count(*)::int` }).from(subscriptions).where(and(eq(subscriptions.orgId, orgId), live)))[0]!.n,

    update: async (tx: Tx, id: string, changes: Partial<typeof subscriptions.$inferInsert>): Promise<SubscriptionRow> =>
      (await tx.update(subscriptions).set({ ...changes, updatedAt: sql`now()` }).where(eq(subscriptions.id, id)).returning())[0]!,

    /** Every active subscription with its owner's kind and federation, for matching events. */
    activeWithOwner: (tx: Db | Tx = db) =>
      tx
        .select({ subscription: subscriptions, owner: organisations })
        .from(subscriptions)
        .innerJoin(organisations, eq(organisations.id, subscriptions.orgId))
        .where(eq(subscriptions.status, 'active')),
  };
}

export type SubscriptionRepository = ReturnType<typeof createSubscriptionRepository>;
