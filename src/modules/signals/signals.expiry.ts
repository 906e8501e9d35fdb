import type { Db } from '../../db/client.ts';
import type { EventRepository } from '../events/events.repository.ts';
import type { SignalRepository } from './signals.repository.ts';

/**
 * Announces the moments a period begins and ends, which no request marks: once for
 * each version written with a period ahead, `signal.took_effect` when it begins, and
 * once for each version whose period has ended, `signal.expired`. Reads already show
 * such a signal as active or expired; this tells subscribers. Neither changes what the
 * signal says, so neither is a new version (migrations/0009 lets exactly these
 * bookkeeping columns change without one). Starts go first, so a period that began and
 * ended while no sweep ran is announced in that order.
 */
export function createExpirySweep(deps: { db: Db; signals: SignalRepository; events: EventRepository; newId: () => string }) {
  const { db, signals, events, newId } = deps;
  return async (): Promise<number> =>
    db.transaction(async (tx) => {
      const begun = await signals.lockNewlyBegun(tx, 500);
      // The event says what the signal became at its start, even when its end has passed too.
      for (const signal of begun) await events.append(tx, { ...signal, readStatus: 'active' }, 'signal.took_effect', newId);
      await signals.markStartAnnounced(tx, begun.map((s) => s.id));
      const expired = await signals.lockNewlyExpired(tx, 500);
      for (const signal of expired) await events.append(tx, signal, 'signal.expired', newId);
      await signals.markExpiryAnnounced(tx, expired.map((s) => s.id));
      return begun.length + expired.length;
    });
}
