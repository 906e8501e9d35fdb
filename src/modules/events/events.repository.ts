import { and, asc, eq, gt, inArray, isNull, type SQL, sql } from 'drizzle-orm';
import type { Db, Tx } from '../../db/client.ts';
import type { SignalRead } from '../signals/signals.repository.ts';
import { toSignalResponse } from '../signals/signals.schemas.ts';
import { type EventRow, type EventType, events } from './events.table.ts';

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
        signal: JSON.parse(JSON.stringify(toSignalResponse(type === 'signal.expired' ? { ...signal, readStatus: 'expired' } : signal))),
      });
    },

    /** The cursor feed: events after `after`, oldest first, that `visible` admits. */
    list: (after: number, visible: SQL | undefined, limit: number): Promise<EventRow[]> =>
      db
        .select()
        .from(events)
        .where(and(gt(events.seq, after), visible))
        .orderBy(asc(events.seq))
        .limit(limit),

    bySeq: async (seq: number): Promise<EventRow | undefined> => (await db.select().from(events).where(eq(events.seq, seq)))[0],

    /** Locks a batch of not-yet-relayed events; other relays skip them. */
    lockUnrelayed: (tx: Tx, limit: number): Promise<EventRow[]> =>
      tx.select().from(events).where(isNull(events.relayedAt)).orderBy(asc(events.seq)).limit(limit).for('update', { skipLocked: true }),

    markRelayed: (tx: Tx, seqs: number[]) =>
      tx.update(events).set({ relayedAt: sql`now()` }).where(inArray(events.seq, seqs)),

    /** Events since a time, for replay. */
    since: (from: Date, limit: number): Promise<EventRow[]> =>
      db.select().from(events).where(sql`${events.createdAt} >= ${from.toISOString()}`).orderBy(asc(events.seq)).limit(limit),
  };
}

export type EventRepository = ReturnType<typeof createEventRepository>;
