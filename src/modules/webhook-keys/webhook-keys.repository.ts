import { and, asc, eq, gt, isNotNull, isNull, lt, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.ts';
import { type WebhookSigningKeyRow, webhookSigningKeys } from './webhook-keys.table.ts';

// Any fixed number; the same for every replica. Serialises key creation and rotation.
const KEY_LOCK = 7_420_141;

export function createWebhookKeyRepository(db: Db) {
  return {
    /** Every key ever used, oldest first: a few rows, one per rotation. */
    list: (): Promise<WebhookSigningKeyRow[]> => db.select().from(webhookSigningKeys).orderBy(asc(webhookSigningKeys.validFrom)),

    /** Holds the key lock to the end of `tx`: one rotation (or first key) at a time, on every replica. */
    lock: async (tx: Tx) => {
      await tx.execute(sql`SELECT pg_advisory_xact_lock(${KEY_LOCK})`);
    },

    unretired: async (tx: Tx): Promise<WebhookSigningKeyRow | undefined> =>
      (await tx.select().from(webhookSigningKeys).where(isNull(webhookSigningKeys.retiredAt)))[0],

    insert: async (tx: Tx, row: typeof webhookSigningKeys.$inferInsert): Promise<WebhookSigningKeyRow> =>
      (await tx.insert(webhookSigningKeys).values(row).returning())[0]!,

    retire: async (tx: Tx, kid: string, retiredAt: Date, signsUntil: Date): Promise<WebhookSigningKeyRow> =>
      (await tx.update(webhookSigningKeys).set({ retiredAt, signsUntil }).where(eq(webhookSigningKeys.kid, kid)).returning())[0]!,

    /** Ends every overlap still running at `at`, so that only the key retired now signs beside its successor. */
    endOverlaps: async (tx: Tx, at: Date) => {
      await tx
        .update(webhookSigningKeys)
        .set({ signsUntil: at })
        .where(and(isNotNull(webhookSigningKeys.retiredAt), gt(webhookSigningKeys.signsUntil, at)));
    },

    /** Erases the private part of every key whose overlap has ended: it can never sign again. */
    erasePrivateKeys: async (now: Date): Promise<number> => {
      const erased = await db
        .update(webhookSigningKeys)
        .set({ sealedPrivateKey: null })
        .where(and(isNotNull(webhookSigningKeys.sealedPrivateKey), lt(webhookSigningKeys.signsUntil, now)))
        .returning({ kid: webhookSigningKeys.kid });
      return erased.length;
    },
  };
}

export type WebhookKeyRepository = ReturnType<typeof createWebhookKeyRepository>;
