import { and, asc, eq, gt, inArray, isNull, type SQL, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.ts';
import type { SignalRead } from '../signals/signals.repository.ts';
import { toSignalResponse } from '../signals/signals.schemas.ts';
import { signals } from '../signals/signals.table.ts';
import { signalPayloadSchema } from './events.schemas.ts';
import { type EventRow, type EventType, events, isSignalEvent, type SignalEventRow } from './events.table.ts';

// Each insert into events notifies this channel on commit (migrations/0006_journal_lock.sql).
export const EVENTS_CHANNEL = 'registry_events';

export function createEventRepository(db: Db) {
  return {
    /**
     * Appends the event for a signal change inside the caller's transaction. Triggers
     * take the journal lock before the row draws its sequence number, so that
     * sequence order is commit order, and wake the relay when the transaction commits.
     */
    append: async (tx: Tx, signal: SignalRead, type: EventType, newId: () => string): Promise<void> => {
      await tx.insert(events).values({
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
        // Stored as the payload schema has it (times as strings), so what is stored is what may be sent.
        signal: signalPayloadSchema.parse(JSON.parse(JSON.stringify(toSignalResponse(type === 'signal.expired' ? { ...signal, readStatus: 'expired' } : signal)))),
      });
    },

    /**
     * The cursor feed: events after `after`, oldest first, that `visible` admits, each
     * with whether its signal is retracted now (an earlier event's copy does not say so).
     */
    list: async (after: number, visible: SQL | undefined, limit: number): Promise<Array<EventRow & { signalRetracted: boolean }>> =>
      (
        await db
          .select({ event: events, signalStatus: signals.status })
          .from(events)
          .leftJoin(signals, eq(signals.id, events.signalId))
          .where(and(gt(events.seq, after), visible))
          .orderBy(asc(events.seq))
          .limit(limit)
      ).map((row) => ({ ...row.event, signalRetracted: row.signalStatus === 'retracted' })),

    bySeq: async (seq: number): Promise<EventRow | undefined> => (await db.select().from(events).where(eq(events.seq, seq)))[0],

    /** Locks a batch of not-yet-relayed events; other relays skip them. */
    lockUnrelayed: (tx: Tx, limit: number): Promise<EventRow[]> =>
      tx.select().from(events).where(isNull(events.relayedAt)).orderBy(asc(events.seq)).limit(limit).for('update', { skipLocked: true }),

    markRelayed: (tx: Tx, seqs: number[]) =>
      tx.update(events).set({ relayedAt: sql`now()` }).where(inArray(events.seq, seqs)),

    /** Events since a time, for replay. */
    /** Signal events since a time, for replay (notices are never replayed). */
    since: async (from: Date, limit: number): Promise<SignalEventRow[]> =>
      (
        await db
          .select()
          .from(events)
          .where(and(sql`${events.createdAt} >= ${from.toISOString()}`, isNull(events.recipientOrgId)))
          .orderBy(asc(events.seq))
          .limit(limit)
      ).filter(isSignalEvent),
  };
}

export type EventRepository = ReturnType<typeof createEventRepository>;
