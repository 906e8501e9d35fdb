import { describe, expect, it } from 'vitest';
import { countStates, type DeliveryFacts, reachOf } from './reach.rules.ts';

const healthy = { status: 'active' as const, failingSince: null, lastError: null, disabledReason: null };
const delivery = (extra: Partial<DeliveryFacts> = {}): DeliveryFacts => ({
  status: 'pending',
  attempts: 0,
  succeededAt: null,
  lastStatusCode: null,
  lastError: null,
  subscription: healthy,
  ...extra,
});
const t = (s: number) => new Date(Date.UTC(2026, 10, 22, 8, 0, s));

describe('reach of one event for one organisation', () => {
  it('is delivered once any endpoint answered 2xx, at the first success', () => {
    const r = reachOf(
      [delivery({ status: 'succeeded', attempts: 1, succeededAt: t(5) }), delivery({ status: 'succeeded', attempts: 2, succeededAt: t(3) }), delivery({ attempts: 3, lastStatusCode: 500 })],
      true,
      true,
    );
    expect(r).toEqual({ state: 'delivered', deliveredAt: t(3), failingSince: null, lastError: null, attempts: 3 });
  });

  it('is pending while a first attempt waits on a healthy endpoint', () => {
    expect(reachOf([delivery()], true, true).state).toBe('pending');
    expect(reachOf([delivery(), delivery({ attempts: 2, lastStatusCode: 500, subscription: { ...healthy, failingSince: t(0) } })], true, true).state).toBe('pending');
  });

  it('is failing after failed attempts, with the endpoint’s failingSince and the last answer', () => {
    const failing = { ...healthy, failingSince: t(1), lastError: 'HTTP 503' };
    expect(reachOf([delivery({ attempts: 1, lastStatusCode: 500, subscription: failing })], true, true)).toEqual({
      state: 'failing',
      deliveredAt: null,
      failingSince: t(1),
      lastError: 'HTTP 500',
      attempts: 1,
    });
    expect(reachOf([delivery({ attempts: 1, lastError: 'timeout after 15000 ms' })], true, true).lastError).toBe('timeout after 15000 ms');
  });

  it('is failing when the first attempt waits behind an endpoint that is failing (its circuit is open)', () => {
    expect(reachOf([delivery({ subscription: { ...healthy, failingSince: t(0), lastError: 'HTTP 500' } })], true, true)).toMatchObject({
      state: 'failing',
      failingSince: t(0),
      lastError: 'HTTP 500',
    });
  });

  it('is failing when the delivery gave up or its subscription is paused or deleted', () => {
    expect(reachOf([delivery({ status: 'failed', attempts: 10, lastStatusCode: 500 })], false, true).state).toBe('failing');
    const paused = { ...healthy, status: 'disabled' as const, disabledReason: 'disabled by its owner' };
    expect(reachOf([delivery({ subscription: paused })], false, true)).toMatchObject({ state: 'failing', lastError: 'disabled by its owner' });
  });

  it('without a delivery: pending in the outbox, not_sent when subscribed later, else no_subscription', () => {
    expect(reachOf([], true, false).state).toBe('pending');
    expect(reachOf([], true, true).state).toBe('not_sent');
    expect(reachOf([], false, true).state).toBe('no_subscription');
    expect(reachOf([], false, false).state).toBe('no_subscription');
  });

  it('counts every state, zero included', () => {
    expect(countStates([{ state: 'delivered' }, { state: 'delivered' }, { state: 'no_subscription' }])).toEqual({
      delivered: 2,
      pending: 0,
      failing: 0,
      not_sent: 0,
      no_subscription: 1,
    });
  });
});
