import type { DeliveryRow } from '../deliveries/deliveries.table.ts';
import type { OrganisationKind } from '../organisations/organisations.table.ts';
import type { SubscriptionRow } from '../subscriptions/subscriptions.table.ts';

/**
 * The organisations a reach report lists: every organisation that places children
 * and so acts on a signal — municipalities, federations, purchasing centres — except
 * the issuer. Auditors and the operator read the registry; they are not its audience.
 */
export const receivingKinds: readonly OrganisationKind[] = ['municipality', 'federation', 'purchasing_centre'];

export const reachStates = ['delivered', 'pending', 'failing', 'not_sent', 'no_subscription'] as const;
export type ReachState = (typeof reachStates)[number];

/** One delivery of the event to one of the organisation's subscriptions, with that subscription's health. */
export interface DeliveryFacts {
  status: DeliveryRow['status'];
  attempts: number;
  succeededAt: Date | null;
  lastStatusCode: number | null;
  lastError: string | null;
  subscription: Pick<SubscriptionRow, 'status' | 'failingSince' | 'lastError' | 'disabledReason'>;
}

export interface OrganisationReach {
  state: ReachState;
  deliveredAt: Date | null;
  failingSince: Date | null;
  lastError: string | null;
  attempts: number;
}

const errorOf = (d: DeliveryFacts) =>
  d.lastError ?? (d.lastStatusCode !== null ? `HTTP ${d.lastStatusCode}` : null) ?? d.subscription.lastError ?? d.subscription.disabledReason;

/**
 * What became of one event for one organisation, from its deliveries. One success is
 * enough (an organisation with two endpoints was reached). A delivery still waiting
 * for its first attempt on a healthy endpoint is pending; one that has failed attempts,
 * waits on a failing endpoint, gave up, or belongs to a paused or deleted subscription
 * is failing. Without any delivery, an active subscription that matches (the relay's
 * own rule, `matchingActive`) means the event is still in the outbox (pending) or the
 * subscription came after it was relayed (not_sent: a replay sends it).
 */
export function reachOf(deliveries: readonly DeliveryFacts[], matchingActive: boolean, relayed: boolean): OrganisationReach {
  const none = { deliveredAt: null, failingSince: null, lastError: null, attempts: 0 };
  const attempts = Math.max(0, ...deliveries.map((d) => d.attempts));
  const succeeded = deliveries.filter((d) => d.status === 'succeeded' && d.succeededAt);
  if (succeeded.length > 0) {
    const deliveredAt = new Date(Math.min(...succeeded.map((d) => d.succeededAt!.getTime())));
    return { ...none, state: 'delivered', deliveredAt, attempts };
  }
  const waiting = deliveries.some((d) => d.status === 'pending' && d.subscription.status === 'active' && d.attempts === 0 && !d.subscription.failingSince);
  if (waiting) return { ...none, state: 'pending', attempts };
  if (deliveries.length > 0) {
    const since = deliveries.flatMap((d) => (d.subscription.failingSince ? [d.subscription.failingSince.getTime()] : []));
    // The error of a delivery that is still being retried says more than one that gave up.
    const current = deliveries.find((d) => d.status === 'pending' && d.subscription.status === 'active') ?? deliveries[0]!;
    return { ...none, state: 'failing', failingSince: since.length ? new Date(Math.min(...since)) : null, lastError: errorOf(current), attempts };
  }
  if (matchingActive) return { ...none, state: relayed ? 'not_sent' : 'pending' };
  return { ...none, state: 'no_subscription' };
}

export function countStates(rows: ReadonlyArray<{ state: ReachState }>): Record<ReachState, number> {
  const counts = Object.fromEntries(reachStates.map((s) => [s, 0])) as Record<ReachState, number>;
  for (const row of rows) counts[row.state] += 1;
  return counts;
}
