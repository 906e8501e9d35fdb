import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.ts';
import { idempotencyKeys } from './idempotency.table.ts';

export type IdempotencyRecord = typeof idempotencyKeys.$inferSelect;

/**
 * What claiming a key found: the key is this request's now; or another request's record,
 * to replay or refuse; or the key is contended (released and taken again between every
 * try), which the caller answers as a request in flight.
 */
export type ClaimResult = { claimed: true } | { claimed: false; existing: IdempotencyRecord | null };

/** How long a key is remembered. */
export const KEY_TTL_HOURS = 24;
// A request still "running" after this long died with its process; its key may be taken over.
const RUNNING_TIMEOUT_SECONDS = 120;
// A round is lost only to a request that released the key in between; after three, give up.
const CLAIM_ATTEMPTS = 3;

export function createIdempotencyRepository(db: Db) {
  const live = sql`${idempotencyKeys.createdAt} > now() - make_interval(hours => ${KEY_TTL_HOURS})`;
  return {
    /**
     * Claims the key for this request (ClaimResult). Expired keys and keys abandoned by a
     * dead process are taken over.
     */
    claim: async (orgId: string, key: string, fingerprint: string): Promise<ClaimResult> => {
      // The key may be released (deleted) between the insert and the read; then it is free
      // again and the insert is tried once more, rather than reading "no record" as claimed.
      for (let attempt = 0; attempt < CLAIM_ATTEMPTS; attempt++) {
        const [claimed] = await db
          .insert(idempotencyKeys)
          .values({ orgId, key, fingerprint, state: 'running' })
          .onConflictDoUpdate({
            target: [idempotencyKeys.orgId, idempotencyKeys.key],
            set: { fingerprint, state: 'running', statusCode: null, contentType: null, body: null, createdAt: sql`now()` },
            setWhere: sql`NOT (${live}) OR (${idempotencyKeys.state} = 'running' AND ${idempotencyKeys.createdAt} < now() - make_interval(secs => ${RUNNING_TIMEOUT_SECONDS}))`,
          })
          .returning({ orgId: idempotencyKeys.orgId });
        if (claimed) return { claimed: true };
        const [existing] = await db.select().from(idempotencyKeys).where(and(eq(idempotencyKeys.orgId, orgId), eq(idempotencyKeys.key, key)));
        if (existing) return { claimed: false, existing };
      }
      return { claimed: false, existing: null };
    },

    complete: (orgId: string, key: string, response: { statusCode: number; contentType: string | null; body: string }) =>
      db
        .update(idempotencyKeys)
        .set({ state: 'done', ...response })
        .where(and(eq(idempotencyKeys.orgId, orgId), eq(idempotencyKeys.key, key))),

    /** Forgets a key whose request failed on our side, so the client may retry it. */
    release: (orgId: string, key: string) =>
      db.delete(idempotencyKeys).where(and(eq(idempotencyKeys.orgId, orgId), eq(idempotencyKeys.key, key), eq(idempotencyKeys.state, 'running'))),

    prune: () => db.delete(idempotencyKeys).where(sql`NOT (${live})`),
  };
}

export type IdempotencyRepository = ReturnType<typeof createIdempotencyRepository>;
