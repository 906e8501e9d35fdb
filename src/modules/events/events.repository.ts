import { and, asc, eq, gt, inArray, isNotNull, isNull, or, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.ts';
import { rowWrite } from '../../db/row-writes.ts';
import type { SignalRead } from '../signals/signals.repository.ts';
import { toSignalResponse } from '../signals/signals.schemas.ts';
import { signals } from '../signals/signals.table.ts';
import { eventsVisibleTo, readableByEveryMember } from '../signals/signals.visibility.ts';
import type { OrganisationKind } from '../organisations/organisations.table.ts';
import { repliesInForce } from '../replies/replies.repository.ts';
import type { z } from 'zod';
import { signalPayloadSchema, supplierPayloadSchema } from './events.schemas.ts';
import { type EventRow, type EventType, events, type linkEventTypes, type SignalEventRow } from './events.table.ts';
import type { LinkView } from '../links/links.repository.ts';
import { toLinkPayload } from '../links/links.schemas.ts';

// Each insert into events notifies this channel on commit (migrations/0006_journal_lock.sql).
export const EVENTS_CHANNEL = 'registry_events';

type MatchColumns = 'signalType' | 'supplierOrgNumber' | 'agreementId' | 'issuerOrgId' | 'visibility' | 'severity' | 'signalRecipientOrgId';

/** The event of a signal change, as `append` inserts it (see createEventRepository). */
async function signalEventRow(tx: Tx, signal: SignalRead, type: EventType, newId: () => string): Promise<typeof events.$inferInsert> {
  // One payload goes to every subscriber, so it names only the related signals every
  // member may read; each reader sees the rest on the signal routes as far as it may.
  const public_ = signal.relatedSignalIds.length
    ? new Set(
        (
          await tx
            .select({ id: signals.id })
            .from(signals)
            .where(and(sql`${signals.id} = ANY(${sql.param(signal.relatedSignalIds)}::uuid[])`, readableByEveryMember()))
        ).map((r) => r.id),
      )
    : new Set<string>();
  // The reply travels with the signal; a new signal has none (its caller says so, sparing the look-up).
  const reply = signal.reply !== undefined ? signal.reply : ((await repliesInForce(tx, [signal.id])).get(signal.id) ?? null);
  const shown = { ...signal, reply, relatedSignalIds: signal.relatedSignalIds.filter((id) => public_.has(id)) };
  return {
    id: newId(),
    type,
    signalId: signal.id,
    signalVersion: signal.version,
    signalType: signal.type,
    supplierOrgNumber: signal.supplierOrgNumber,
    agreementId: signal.agreementId,
    issuerOrgId: signal.issuerOrgId,
    visibility: signal.visibility,
    severity: signal.severity,
    signalRecipientOrgId: signal.recipientOrgId,
    // Stored as the payload schema has it (times as strings), so what is stored is what may be sent.
    signal: signalPayloadSchema.parse(JSON.parse(JSON.stringify(toSignalResponse(type === 'signal.expired' ? { ...shown, readStatus: 'expired' } : shown)))),
  };
}

export function createEventRepository(db: Db) {
  return {
    /**
     * Appends the event for a signal change inside the caller's transaction. Triggers
     * take the journal lock before the row draws its sequence number, so that
     * sequence order is commit order, and wake the relay when the transaction commits.
     */
    append: async (tx: Tx, signal: SignalRead, type: EventType, newId: () => string): Promise<void> => {
      await tx.insert(events).values(await signalEventRow(tx, signal, type, newId));
    },

    /**
     * The row `append` inserts (with the look-ups its payload needs made), not yet written,
     * so that a writer can send it in one statement with others (audit.repository.ts,
     * headAfter and finishBatch).
     */
    signalEventInsert: async (tx: Tx, signal: SignalRead, type: EventType, newId: () => string) => ({ insert: rowWrite(events, await signalEventRow(tx, signal, type, newId)) }),

    /**
     * Appends a supplier.updated event inside the caller's transaction: the supplier's
     * number (10 digits, as subscriptions' supplier filters hold it) and its record as
     * the payload schema has it; no signal columns.
     */
    appendSupplier: async (tx: Tx, orgNumber: string, supplier: z.input<typeof supplierPayloadSchema>, newId: () => string): Promise<void> => {
      await tx.insert(events).values({ id: newId(), type: 'supplier.updated', supplierOrgNumber: orgNumber, supplier: supplierPayloadSchema.parse(supplier) });
    },

    /**
     * Appends a supplier.linked or supplier.unlinked event inside the caller's transaction:
     * the link's `from` supplier in supplierOrgNumber (10 digits) and the link as the payload
     * schema has it in `supplier`; subscriptions match either supplier (subscriptions.matching.ts).
     */
    appendLink: async (tx: Tx, type: (typeof linkEventTypes)[number], link: LinkView, newId: () => string): Promise<void> => {
      await tx.insert(events).values({ id: newId(), type, supplierOrgNumber: link.fromOrgNumber, supplier: toLinkPayload(link) });
    },

    /**
     * The cursor feed: events after `after`, oldest first, that the reader may see, each
     * with whether its signal is retracted now (an earlier event's copy does not say so).
     * Signal events by the signal-visibility rule on each event's copy of the signal;
     * supplier and link events to everyone; notices to their recipient organisation only.
     */
    list: async (
      reader: { id: string; kind: OrganisationKind; represents?: readonly string[] },
      after: number,
      limit: number,
    ): Promise<Array<EventRow & { signalRetracted: boolean }>> => {
      const visible = or(and(isNull(events.recipientOrgId), or(eventsVisibleTo(reader) ?? sql`true`, isNotNull(events.supplier))), eq(events.recipientOrgId, reader.id));
      return (
        await db
          .select({ event: events, signalStatus: signals.status })
          .from(events)
          .leftJoin(signals, eq(signals.id, events.signalId))
          .where(and(gt(events.seq, after), visible))
          .orderBy(asc(events.seq))
          .limit(limit)
      ).map((row) => ({ ...row.event, signalRetracted: row.signalStatus === 'retracted' }));
    },

    /** Locks a batch of not-yet-relayed events, only those of `signalTypes` when given; other relays skip them. */
    lockUnrelayed: (tx: Tx, limit: number, signalTypes?: readonly string[]): Promise<EventRow[]> =>
      tx
        .select()
        .from(events)
        .where(and(isNull(events.relayedAt), signalTypes ? sql`${events.signalType}::text = ANY(${sql.param([...signalTypes])}::text[])` : undefined))
        .orderBy(asc(events.seq))
        .limit(limit)
        .for('update', { skipLocked: true }),

    markRelayed: (tx: Tx, seqs: number[]) =>
      tx.update(events).set({ relayedAt: sql`now()` }).where(inArray(events.seq, seqs)),

    /**
     * Signal events since a time, for replay (notices are never replayed): the columns
     * subscriptions match on, not the stored signal, which the delivery reads when it is sent.
     */
    since: async (from: Date, limit: number): Promise<Array<Pick<SignalEventRow, MatchColumns | 'seq'>>> =>
      (
        await db
          .select({
            seq: events.seq,
            signalType: events.signalType,
            supplierOrgNumber: events.supplierOrgNumber,
            agreementId: events.agreementId,
            issuerOrgId: events.issuerOrgId,
            visibility: events.visibility,
            severity: events.severity,
            signalRecipientOrgId: events.signalRecipientOrgId,
          })
          .from(events)
          .where(and(sql`${events.createdAt} >= ${from.toISOString()}`, isNull(events.recipientOrgId)))
          .orderBy(asc(events.seq))
          .limit(limit)
      ).filter((e): e is Pick<SignalEventRow, MatchColumns | 'seq'> => e.signalType !== null && e.issuerOrgId !== null && e.visibility !== null && e.supplierOrgNumber !== null),
  };
}

export type EventRepository = ReturnType<typeof createEventRepository>;
