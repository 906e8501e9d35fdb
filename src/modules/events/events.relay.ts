import type { FastifyBaseLogger } from 'fastify';
import type { Database, Db } from '../../db/client.ts';
import type { Claimed, DeliveryRepository } from '../deliveries/deliveries.repository.ts';
import type { OrganisationRepository } from '../organisations/organisations.repository.ts';
import type { SubscriptionRepository } from '../subscriptions/subscriptions.repository.ts';
import { eventMatches, filtersNeedDirectory, supplierEventMatches } from '../subscriptions/subscriptions.matching.ts';
import { organisationDirectory } from '../organisations/organisations.directory.ts';
import { EVENTS_CHANNEL, type EventRepository } from './events.repository.ts';
import { isLinkEvent, isSignalEvent, isSupplierEvent } from './events.table.ts';
import { linkPayload } from './events.payload.ts';
import { orgNumberDigits } from '../../lib/identity-numbers.ts';
import { blockingSignalTypes } from '../status/status.rules.ts';

// Events per transaction: each writes a delivery per matching subscription (some 400 here),
// and a stop that arrives meanwhile waits for the transaction in progress.
const BATCH = 10;
const BLOCKING_TYPES = [...blockingSignalTypes];
const noDirectory = organisationDirectory([]);
// A lost LISTEN connection is re-opened after 0.5 s, 1 s, 2 s … up to 30 s between tries.
const RELISTEN_FIRST_MS = 500;
const RELISTEN_MAX_MS = 30_000;

/**
 * Moves committed events from the outbox to the queue: matches each event against
 * the active subscriptions, creates the deliveries and marks the event relayed in one
 * transaction, then queues one fan-out job per event, in the priority lane when the
 * event can change whether a supplier is blocked. The deliveries are due from the
 * moment they commit, so a crash or a Redis outage before the job is queued costs the
 * overdue sweep's grace, never a delivery. With `sendNow`, a blocking event's
 * deliveries to healthy endpoints are created leased, in the same statement, and sent
 * from here as soon as the transaction has committed: no queue, claim or second read of
 * the subscriptions between a stop and its first attempts (a crash before they are sent
 * costs their lease). Its other deliveries still go through the fan-out job. Woken by
 * LISTEN/NOTIFY, and polls as well so a lost notification only costs a poll.
 * When the LISTEN connection is lost it is re-opened with a backoff, so the relay
 * does not fall back to polling alone until the next restart.
 */
export function createOutboxRelay(deps: {
  db: Db;
  listen: Database['listen'];
  events: EventRepository;
  subscriptions: SubscriptionRepository;
  organisations: Pick<OrganisationRepository, 'directory'>;
  deliveries: DeliveryRepository;
  /**
   * Queues the first attempts once the relay's transaction has committed, each event in
   * its lane. When it fails (Redis away, a crash in between), the deliveries are in the
   * database, due now: the overdue sweep queues them.
   */
  afterCommit: (events: Array<{ seq: number; urgent: boolean }>) => Promise<void>;
  /**
   * Sends the deliveries the relay leased as it created them (in the priority lane), once
   * its transaction has committed; `leaseMs` is their lease. Without it, every event's
   * deliveries go through afterCommit.
   */
  sendNow?: { leaseMs: number; send: (claimed: Claimed[]) => Promise<unknown> };
  newId: () => string;
  pollMs: number;
  log: FastifyBaseLogger;
}) {
  const { db, listen, events, subscriptions, organisations, deliveries, afterCommit, sendNow, newId, pollMs, log } = deps;
  let unlisten: (() => Promise<void>) | null = null;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  let again = false;
  let stopped = false;

  /** One batch (of blocking events only, when `blocking`); returns how many events it relayed. */
  const relayBatch = async (blocking = false) => {
    const { count, queued, leased } = await db.transaction(async (tx) => {
      const batch = await events.lockUnrelayed(tx, BATCH, blocking ? BLOCKING_TYPES : undefined);
      if (batch.length === 0) return { count: 0, queued: [], leased: [] };
      // Through the transaction: on a single-connection database (PGlite) another query would wait for it forever.
      const subs = await subscriptions.activeWithOwner(tx);
      const signalEvents = batch.filter(isSignalEvent);
      // Issuers for the issuer filters, federations' members for the affects filter: read (every
      // organisation) only when a subscription has one of them.
      const needsDirectory = signalEvents.length > 0 && subs.some(({ subscription }) => filtersNeedDirectory(subscription.filters));
      const directory = needsDirectory ? await organisations.directory(tx) : noDirectory;
      const rows: Array<{ id: string; subscriptionId: string; eventSeq: number }> = [];
      const withDeliveries = new Set<number>();
      for (const event of signalEvents) {
        for (const { subscription, owner } of subs) {
          if (eventMatches(event, subscription.filters, owner, directory)) {
            rows.push({ id: newId(), subscriptionId: subscription.id, eventSeq: event.seq });
            withDeliveries.add(event.seq);
          }
        }
      }
      // A supplier record's change goes to every subscription not narrowed to signal types or to other suppliers.
      for (const event of batch.filter(isSupplierEvent)) {
        for (const { subscription } of subs) {
          if (supplierEventMatches(event, subscription.filters)) {
            rows.push({ id: newId(), subscriptionId: subscription.id, eventSeq: event.seq });
            withDeliveries.add(event.seq);
          }
        }
      }
      // A link goes to every subscription not narrowed to signal types or to suppliers other than its two.
      for (const event of batch.filter(isLinkEvent)) {
        const linkedOrgNumber = orgNumberDigits(linkPayload(event).to.orgNumber);
        for (const { subscription } of subs) {
          if (supplierEventMatches({ supplierOrgNumber: event.supplierOrgNumber, linkedOrgNumber }, subscription.filters)) {
            rows.push({ id: newId(), subscriptionId: subscription.id, eventSeq: event.seq });
            withDeliveries.add(event.seq);
          }
        }
      }
      // A notice goes to its organisation's other active subscriptions, not to the one it is about.
      for (const notice of batch.filter((e) => e.recipientOrgId !== null)) {
        for (const { subscription } of subs) {
          if (subscription.orgId === notice.recipientOrgId && subscription.id !== notice.subscriptionId) {
            rows.push({ id: newId(), subscriptionId: subscription.id, eventSeq: notice.seq });
            withDeliveries.add(notice.seq);
          }
        }
      }
      const urgent = new Set(signalEvents.filter((e) => blockingSignalTypes.has(e.signalType)).map((e) => e.seq));
      const created = await deliveries.createMany(
        sendNow ? rows.map((r) => ({ ...r, lease: urgent.has(r.eventSeq) })) : rows,
        tx,
        sendNow?.leaseMs,
      );
      await events.markRelayed(tx, batch.map((e) => e.seq));
      log.debug({ events: batch.length, deliveries: rows.length, leased: created.length }, 'relayed events');
      // An event all of whose deliveries the relay sends itself needs no fan-out job.
      const perEvent = new Map<number, number>();
      for (const r of rows) perEvent.set(r.eventSeq, (perEvent.get(r.eventSeq) ?? 0) + 1);
      for (const c of created) perEvent.set(c.eventSeq, perEvent.get(c.eventSeq)! - 1);
      const subscriptionById = new Map(subs.map(({ subscription }) => [subscription.id, subscription]));
      const eventBySeq = new Map(batch.map((e) => [e.seq, e]));
      return {
        count: batch.length,
        queued: [...withDeliveries].filter((seq) => perEvent.get(seq)! > 0).map((seq) => ({ seq, urgent: urgent.has(seq) })),
        leased: created.map((c): Claimed => ({
          delivery: { id: c.id, subscriptionId: c.subscriptionId, eventSeq: c.eventSeq, attempts: 0 },
          subscription: subscriptionById.get(c.subscriptionId)!,
          event: eventBySeq.get(c.eventSeq)!,
          withhold: c.withhold,
        })),
      };
    });
    if (sendNow && leased.length > 0) {
      // The processor logs its own failures; the leases run out and the sweep sends what was not.
      sendNow.send(leased).catch((error: unknown) => log.warn({ err: error }, 'could not send the leased deliveries; the sweep will when their lease runs out'));
    }
    if (queued.length > 0) {
      await afterCommit(queued).catch((error: unknown) => log.warn({ err: error }, 'could not queue the fan-out; the overdue sweep will'));
    }
    return count;
  };

  const drain = async () => {
    do {
      again = false;
      try {
        // Events that can block go out ahead of a backlog of others (a burst of deviations
        // writes thousands of deliveries); the order of relaying is not the feed's order.
        while (!stopped) {
          if ((await relayBatch(true)) > 0) continue;
          if ((await relayBatch()) < BATCH) break;
        }
      } catch (error) {
        log.warn({ err: error }, 'relay failed; the events stay in the outbox for the next run');
      }
    } while (again && !stopped);
  };

  /** Runs the relay now, or once more right after the run in progress. */
  const kick = () => {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    running = drain().finally(() => {
      running = null;
    });
  };

  let listening = 0;
  let relistenTimer: NodeJS.Timeout | null = null;
  let relistenDelay = RELISTEN_FIRST_MS;

  /** Opens the LISTEN connection; on its loss, schedules a fresh one. Resolves false when it was given up at once. */
  const openListen = async (): Promise<boolean> => {
    // pg reports a dropped connection more than once (the server's FATAL, then the close); act on the first.
    const generation = ++listening;
    const lost = (error: Error) => {
      if (generation !== listening || stopped) return;
      listening += 1;
      log.warn({ err: error, retryInMs: relistenDelay }, 'LISTEN connection lost; polling until it is re-opened');
      const previous = unlisten;
      unlisten = null;
      // Fire-and-forget: the connection is already lost; closing it may fail and changes nothing.
      void previous?.().catch((closeError: unknown) => log.debug({ err: closeError }, 'closing the lost LISTEN connection failed'));
      scheduleRelisten();
    };
    const close = await listen(EVENTS_CHANNEL, kick, lost);
    if (stopped || generation !== listening) {
      await close();
      return false;
    }
    unlisten = close;
    return true;
  };

  const scheduleRelisten = () => {
    if (stopped || relistenTimer) return;
    const delay = relistenDelay;
    relistenDelay = Math.min(relistenDelay * 2, RELISTEN_MAX_MS);
    relistenTimer = setTimeout(() => {
      relistenTimer = null;
      openListen().then(
        (open) => {
          if (!open) return;
          relistenDelay = RELISTEN_FIRST_MS;
          log.info('LISTEN connection re-opened');
          // Notifications sent while nobody listened are gone; look at the outbox now.
          kick();
        },
        (error: unknown) => {
          log.warn({ err: error, retryInMs: relistenDelay }, 'could not re-open the LISTEN connection');
          scheduleRelisten();
        },
      );
    }, delay);
  };

  return {
    kick,
    relayBatch,
    start: async () => {
      await openListen();
      timer = setInterval(kick, pollMs);
      kick();
    },
    stop: async () => {
      stopped = true;
      if (timer) clearInterval(timer);
      if (relistenTimer) clearTimeout(relistenTimer);
      await running;
      await unlisten?.();
    },
  };
}

export type OutboxRelay = ReturnType<typeof createOutboxRelay>;
