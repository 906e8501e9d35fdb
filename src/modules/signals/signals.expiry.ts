import type { Db } from '../../db/client.ts';
import type { EventRepository } from '../events/events.repository.ts';
import type { SignalRepository } from './signals.repository.ts';

/**
 * Announces `signal.expired` once for each signal version whose effective period
 * has ended. Reads already show such a signal as expired; this tells subscribers.
 */
export function createExpirySweep(deps: { db: Db; signals: SignalRepository; events: EventRepository; newId: () => string }) {
  const { db, signals, events, newId } = deps;
  return async (): Promise<number> =>
    db.transaction(async (tx) => {
      const expired = await signals.lockNewlyExpired(tx, 500);
      for (const signal of expired) await events.append(tx, signal, 'signal.expired', newId);
      await signals.markExpiryAnnounced(tx, expired.map((s) => s.id));
      return expired.length;
    });
}
