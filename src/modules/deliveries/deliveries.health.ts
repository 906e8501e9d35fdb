import type { z } from 'zod';
import type { noticeSchema } from '../events/events.schemas.ts';
import type { SubscriptionRow } from '../subscriptions/subscriptions.table.ts';
import type { AttemptOutcome } from './deliveries.repository.ts';
import { CIRCUIT_RECENT_SUCCESS_MS, circuitOpenFor, FAILING_NOTICE_AFTER_MS } from './deliveries.schedule.ts';

const HEALTH_COLUMNS = ['consecutiveFailures', 'failingSince', 'circuitOpenUntil', 'lastSuccessAt', 'lastFailureAt', 'lastError', 'failingAnnouncedAt'] as const;

/** What the database keeps about one endpoint's health (columns of subscriptions). */
export type EndpointHealth = Pick<SubscriptionRow, (typeof HEALTH_COLUMNS)[number]>;

/**
 * An endpoint's health after a run of attempt results, in the order they finished: a
 * success closes the circuit and ends the failing run; a failure adds to the run when
 * the attempt started after the last failure was recorded — attempts that were already
 * in flight together fail together, as one failure, or a burst of eleven would open the
 * circuit for its longest at once — and the circuit opens per circuitOpenFor. `announceFailing` says the organisation is
 * to be told now: the run has lasted FAILING_NOTICE_AFTER_MS and nobody told it yet.
 */
export function nextHealth(
  current: EndpointHealth,
  results: ReadonlyArray<{ ok: boolean; timedOut: boolean; error: string | null; startedAt: Date }>,
  now: Date,
): { health: EndpointHealth; announceFailing: boolean } {
  const health: EndpointHealth = { ...current };
  for (const result of results) {
    if (result.ok) {
      Object.assign(health, { consecutiveFailures: 0, failingSince: null, circuitOpenUntil: null, failingAnnouncedAt: null, lastSuccessAt: now });
      continue;
    }
    const known = health.lastFailureAt !== null && result.startedAt.getTime() <= health.lastFailureAt.getTime();
    if (!known || health.consecutiveFailures === 0) health.consecutiveFailures += 1;
    health.failingSince ??= now;
    health.lastFailureAt = now;
    health.lastError = result.error;
    const succeededRecently = health.lastSuccessAt !== null && now.getTime() - health.lastSuccessAt.getTime() < CIRCUIT_RECENT_SUCCESS_MS;
    const openMs = circuitOpenFor(health.consecutiveFailures, result.timedOut, succeededRecently);
    health.circuitOpenUntil = openMs === null ? null : new Date(now.getTime() + openMs);
  }
  const announceFailing =
    health.failingSince !== null && health.failingAnnouncedAt === null && now.getTime() - health.failingSince.getTime() >= FAILING_NOTICE_AFTER_MS;
  if (announceFailing) health.failingAnnouncedAt = now;
  return { health, announceFailing };
}

/** The body of a `subscription.failing` / `subscription.disabled` notice (noticeSchema). */
export function subscriptionNotice(s: Pick<SubscriptionRow, 'id' | 'url' | 'disabledReason'> & EndpointHealth): z.input<typeof noticeSchema> {
  return {
    subscriptionId: s.id,
    url: s.url,
    failingSince: s.failingSince?.toISOString() ?? null,
    consecutiveFailures: s.consecutiveFailures,
    lastError: s.lastError,
    lastSuccessAt: s.lastSuccessAt?.toISOString() ?? null,
    disabledReason: s.disabledReason,
  };
}

/** A notice to an endpoint's organisation about the endpoint. */
export interface EndpointNotice {
  type: 'subscription.failing' | 'subscription.disabled';
  body: z.input<typeof noticeSchema>;
}

/**
 * The subscription's state after a run of its attempt results: its new health (nextHealth);
 * disabled when it was active and an outcome calls for it (a subscriber's answer that says
 * it will never take the delivery, or failing for DISABLE_AFTER_MS); and the notices to
 * its organisation — `subscription.disabled` when it is disabled now, otherwise
 * `subscription.failing` once a failing run has lasted long enough (nextHealth).
 */
export function endpointAfter(
  subscription: SubscriptionRow,
  outcomes: ReadonlyArray<Pick<AttemptOutcome, 'ok' | 'timedOut' | 'error' | 'startedAt' | 'disableReason'>>,
  now: Date,
): { set: EndpointHealth & Partial<Pick<SubscriptionRow, 'status' | 'disabledReason' | 'disabledAt' | 'updatedAt'>>; notices: EndpointNotice[] } {
  const next = nextHealth(subscription, outcomes, now);
  const { announceFailing } = next;
  // Only the health columns: nextHealth copies whatever it was given.
  const health: EndpointHealth = Object.fromEntries(HEALTH_COLUMNS.map((k) => [k, next.health[k]])) as EndpointHealth;
  const disableReason = subscription.status === 'active' ? (outcomes.find((o) => o.disableReason)?.disableReason ?? null) : null;
  const set = { ...health, ...(disableReason ? { status: 'disabled' as const, disabledReason: disableReason, disabledAt: now, updatedAt: now } : {}) };
  const body = subscriptionNotice({ ...subscription, ...health, disabledReason: disableReason });
  const notices: EndpointNotice[] = disableReason
    ? [{ type: 'subscription.disabled', body }]
    : announceFailing
      ? [{ type: 'subscription.failing', body }]
      : [];
  return { set, notices };
}
