import { and, asc, eq, gt, isNull, type SQL, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Db, Tx } from '../../db/client.ts';
import { type ReplyView, toReplyResponse } from './replies.schemas.ts';
import { type SignalReplyRow, signalReplies, type SupplierRepresentation, supplierRepresentations } from './replies.table.ts';

type ReplyJson = Omit<ReplyView, 'repliedAt'> & { repliedAt: string };

/**
 * The reply in force on a signal as one column of another query (the status reads'
 * statements): its newest version, or — given `at` — the newest made at or before that
 * moment; null when there is none. One probe of the primary key per signal.
 */
export const replyInForce = (signalId: AnyPgColumn, at?: SQL) =>
  sql<ReplyJson | null>`(SELECT json_build_object('version', r.version, 'supplierOrgId', r.supplier_org_id, 'text', r.text, 'disputed', r.disputed, 'repliedAt', r.created_at)
      FROM ${signalReplies} r WHERE r.signal_id = ${signalId}${at ? sql` AND r.created_at <= ${at}` : sql``} ORDER BY r.version DESC LIMIT 1)`.mapWith(
    (value: ReplyJson | null): ReplyView | null => (value ? { ...value, repliedAt: new Date(value.repliedAt) } : null),
  );

/** The reply in force on each of these signals (those without one are left out), in one query. */
export async function repliesInForce(tx: Db | Tx, signalIds: readonly string[]): Promise<Map<string, ReplyView>> {
  if (signalIds.length === 0) return new Map();
  const rows = await tx
    .selectDistinctOn([signalReplies.signalId])
    .from(signalReplies)
    .where(sql`${signalReplies.signalId} = ANY(${sql.param([...new Set(signalIds)])}::uuid[])`)
    .orderBy(signalReplies.signalId, sql`${signalReplies.version} DESC`);
  return new Map(rows.map((r) => [r.signalId, toReplyResponse(r)]));
}

export function createReplyRepository(db: Db) {
  return {
    /** Draws a representation; false when another organisation answers for the number already (the partial unique index). */
    insertRepresentation: async (tx: Tx, row: typeof supplierRepresentations.$inferInsert): Promise<boolean> =>
      (await tx.insert(supplierRepresentations).values(row).onConflictDoNothing().returning({ id: supplierRepresentations.id })).length > 0,

    /** Who answers for the number now, if anyone. */
    representationOf: async (orgNumber: string, tx: Db | Tx = db): Promise<SupplierRepresentation | undefined> =>
      (await tx.select().from(supplierRepresentations).where(and(eq(supplierRepresentations.orgNumber, orgNumber), isNull(supplierRepresentations.endedAt))).limit(1))[0],

    /** Ends the organisation's representation of the number; undefined when it had none in force. */
    endRepresentation: async (tx: Tx, supplierOrgId: string, orgNumber: string, end: { endedBy: string; endReason: string }): Promise<SupplierRepresentation | undefined> =>
      (
        await tx
          .update(supplierRepresentations)
          .set({ ...end, endedAt: sql`now()` })
          .where(and(eq(supplierRepresentations.supplierOrgId, supplierOrgId), eq(supplierRepresentations.orgNumber, orgNumber), isNull(supplierRepresentations.endedAt)))
          .returning()
      )[0],

    /** The organisation's representations, ended ones included, by id (UUIDv7: oldest first), after `afterId` when given. */
    representationsOf: (supplierOrgId: string, afterId: string | undefined, limit: number): Promise<SupplierRepresentation[]> =>
      db
        .select()
        .from(supplierRepresentations)
        .where(and(eq(supplierRepresentations.supplierOrgId, supplierOrgId), afterId === undefined ? undefined : gt(supplierRepresentations.id, afterId)))
        .orderBy(asc(supplierRepresentations.id))
        .limit(limit),

    /**
     * Appends the next version of the reply on a signal. The caller holds the signal's row
     * lock, so two replies at once get versions one after the other.
     */
    appendReply: async (tx: Tx, row: Omit<typeof signalReplies.$inferInsert, 'version'>): Promise<SignalReplyRow> =>
      (
        await tx
          .insert(signalReplies)
          .values({ ...row, version: sql`(SELECT coalesce(max(${signalReplies.version}), 0) + 1 FROM ${signalReplies} WHERE ${signalReplies.signalId} = ${row.signalId})` })
          .returning()
      )[0]!,

    /** Every version of the reply on a signal, oldest first. */
    repliesTo: (signalId: string, tx: Db | Tx = db): Promise<SignalReplyRow[]> =>
      tx.select().from(signalReplies).where(eq(signalReplies.signalId, signalId)).orderBy(asc(signalReplies.version)),

    /** The reply in force on each of these signals (those without one are left out), in one query. */
    inForce: (signalIds: readonly string[], tx: Db | Tx = db) => repliesInForce(tx, signalIds),

    /** Every version of the replies on these signals, by signal, oldest first (the supplier's history). */
    allTo: async (signalIds: readonly string[]): Promise<Map<string, SignalReplyRow[]>> => {
      const out = new Map<string, SignalReplyRow[]>();
      if (signalIds.length === 0) return out;
      const rows = await db
        .select()
        .from(signalReplies)
        .where(sql`${signalReplies.signalId} = ANY(${sql.param([...new Set(signalIds)])}::uuid[])`)
        .orderBy(asc(signalReplies.signalId), asc(signalReplies.version));
      for (const r of rows) out.set(r.signalId, [...(out.get(r.signalId) ?? []), r]);
      return out;
    },
  };
}

export type ReplyRepository = ReturnType<typeof createReplyRepository>;
