import { describe, expect, it } from 'vitest';
import type { SubscriptionRow } from '../subscriptions/subscriptions.table.ts';
import { type EndpointHealth, endpointAfter, nextHealth } from './deliveries.health.ts';
import { CIRCUIT_OPEN_AFTER, circuitOpenFor, FAILING_NOTICE_AFTER_MS } from './deliveries.schedule.ts';

const healthy: EndpointHealth = {
  consecutiveFailures: 0,
  failingSince: null,
  circuitOpenUntil: null,
  lastSuccessAt: null,
  lastFailureAt: null,
  lastError: null,
  failingAnnouncedAt: null,
};
const now = new Date('2026-12-01T12:00:00Z');
const at = (ms: number) => new Date(now.getTime() + ms);
// Each failure started after the one before was recorded, unless told otherwise.
let clock = -60_000;
const fail = (error = 'HTTP 500', timedOut = false, startedAt = at((clock += 1_000))) => ({ ok: false, timedOut, error, startedAt });
const ok = { ok: true, timedOut: false, error: null, startedAt: now };
/** Results recorded one after the other, each at the time it started plus a little. */
const oneByOne = (start: EndpointHealth, results: Array<ReturnType<typeof fail>>) =>
  results.reduce((h, r) => nextHealth(h, [r], new Date(r.startedAt.getTime() + 10)).health, start);

describe('circuit breaker', () => {
  it('stays closed for the first failures, opens at the third and doubles up to five minutes', () => {
    expect(circuitOpenFor(1, false)).toBeNull();
    expect(circuitOpenFor(CIRCUIT_OPEN_AFTER - 1, false)).toBeNull();
    expect(circuitOpenFor(CIRCUIT_OPEN_AFTER, false)).toBe(5_000);
    expect(circuitOpenFor(CIRCUIT_OPEN_AFTER + 1, false)).toBe(10_000);
    expect(circuitOpenFor(100, false)).toBe(300_000);
  });

  it('opens at once on a timeout: an endpoint that hangs is not given another slot to hold', () => {
    expect(circuitOpenFor(1, true)).toBe(5_000);
    expect(circuitOpenFor(5, true)).toBe(20_000);
  });

  it('lets one timeout of an endpoint that answered lately pass, not three in a row', () => {
    expect(circuitOpenFor(1, true, true)).toBeNull();
    expect(circuitOpenFor(CIRCUIT_OPEN_AFTER, true, true)).toBe(5_000);
  });

  it('stays closed for an endpoint that fails fast but answered 2xx lately (a flaky one)', () => {
    expect(circuitOpenFor(10, false, true)).toBeNull();
    const health = oneByOne({ ...healthy, lastSuccessAt: at(-40_000) }, [fail(), fail(), fail(), fail()]);
    expect(health).toMatchObject({ consecutiveFailures: 4, circuitOpenUntil: null });
    const stale = oneByOne({ ...healthy, lastSuccessAt: at(-200_000) }, [fail(), fail(), fail()]);
    expect(stale.circuitOpenUntil).not.toBeNull();
  });
});

describe('endpoint health after attempts', () => {
  it('counts failures in a row, keeps when the run began and opens the circuit', () => {
    const [a, b, c] = [fail(), fail(), fail('HTTP 502')];
    const health = oneByOne(healthy, [a, b, c]);
    const recorded = new Date(c.startedAt.getTime() + 10);
    expect(health).toMatchObject({ consecutiveFailures: 3, failingSince: new Date(a.startedAt.getTime() + 10), lastFailureAt: recorded, lastError: 'HTTP 502' });
    expect(health.circuitOpenUntil).toEqual(new Date(recorded.getTime() + 5_000));
  });

  it('counts attempts that were in flight together and fail together as one failure', () => {
    const started = at(-5_000);
    const burst = Array.from({ length: 11 }, () => fail('HTTP 500', false, started));
    const { health } = nextHealth(healthy, burst, now);
    expect(health.consecutiveFailures).toBe(1);
    expect(health.circuitOpenUntil).toBeNull();
    // A timeout among them opens the circuit, for its shortest time.
    const hung = nextHealth(healthy, [...burst, fail('TIMEOUT', true, started)], now).health;
    expect(hung.circuitOpenUntil).toEqual(new Date(now.getTime() + 5_000));
  });

  it('is healthy again after a success, whatever came before it', () => {
    const { health } = nextHealth({ ...healthy, consecutiveFailures: 7, failingSince: now, circuitOpenUntil: now, failingAnnouncedAt: now }, [fail(), ok], now);
    expect(health).toMatchObject({ consecutiveFailures: 0, failingSince: null, circuitOpenUntil: null, failingAnnouncedAt: null, lastSuccessAt: now });
  });

  it('announces a failing run once, when it has lasted 15 minutes', () => {
    const started = new Date(now.getTime() - FAILING_NOTICE_AFTER_MS + 1);
    expect(nextHealth({ ...healthy, consecutiveFailures: 1, failingSince: started }, [fail()], now).announceFailing).toBe(false);
    const due = new Date(now.getTime() - FAILING_NOTICE_AFTER_MS);
    const first = nextHealth({ ...healthy, consecutiveFailures: 1, failingSince: due }, [fail()], now);
    expect(first.announceFailing).toBe(true);
    expect(first.health.failingAnnouncedAt).toEqual(now);
    expect(nextHealth(first.health, [fail()], now).announceFailing).toBe(false);
  });

  it('does not announce a run that a success in the same batch ended', () => {
    const due = new Date(now.getTime() - 2 * FAILING_NOTICE_AFTER_MS);
    expect(nextHealth({ ...healthy, consecutiveFailures: 4, failingSince: due }, [fail(), ok], now).announceFailing).toBe(false);
  });
});

describe('a subscription after its attempts (endpointAfter)', () => {
  const subscription = {
    ...healthy,
    id: 'sub-1',
    orgId: 'sundsvall',
    url: 'https://hooks.example.com/registry',
    status: 'active',
    disabledReason: null,
  } as SubscriptionRow;
  const outcome = (over: Partial<{ ok: boolean; disableReason: string | null }> = {}) => ({ ...fail(), disableReason: null, ...over });

  it('moves the health on and announces nothing while a failing run is young', () => {
    const { set, notices } = endpointAfter(subscription, [outcome()], now);
    expect(set).toMatchObject({ consecutiveFailures: 1, failingSince: now });
    expect(set).not.toHaveProperty('status');
    expect(notices).toEqual([]);
  });

  it('announces subscription.failing once the run has lasted long enough', () => {
    const failing = { ...subscription, consecutiveFailures: 3, failingSince: new Date(now.getTime() - FAILING_NOTICE_AFTER_MS) };
    const { notices } = endpointAfter(failing, [outcome()], now);
    expect(notices.map((n) => n.type)).toEqual(['subscription.failing']);
    expect(notices[0]!.body).toMatchObject({ subscriptionId: 'sub-1', consecutiveFailures: 4, disabledReason: null });
  });

  it('disables an active subscription an outcome calls for, announcing that alone', () => {
    const failing = { ...subscription, consecutiveFailures: 3, failingSince: new Date(now.getTime() - 2 * FAILING_NOTICE_AFTER_MS) };
    const { set, notices } = endpointAfter(failing, [outcome({ disableReason: 'the endpoint answered 410 Gone' })], now);
    expect(set).toMatchObject({ status: 'disabled', disabledReason: 'the endpoint answered 410 Gone', disabledAt: now });
    expect(notices.map((n) => n.type)).toEqual(['subscription.disabled']);
    expect(notices[0]!.body.disabledReason).toBe('the endpoint answered 410 Gone');
  });

  it('does not disable again a subscription that is no longer active', () => {
    const { set, notices } = endpointAfter({ ...subscription, status: 'disabled' }, [outcome({ disableReason: 'the endpoint answered 410 Gone' })], now);
    expect(set).not.toHaveProperty('status');
    expect(notices).toEqual([]);
  });
});
