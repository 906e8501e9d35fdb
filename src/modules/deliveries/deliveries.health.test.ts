import { describe, expect, it } from 'vitest';
import { type EndpointHealth, nextHealth } from './deliveries.health.ts';
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
const fail = (error = 'HTTP 500', timedOut = false) => ({ ok: false, timedOut, error });
const ok = { ok: true, timedOut: false, error: null };

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
  });
});

describe('endpoint health after attempts', () => {
  it('counts failures in a row, keeps when the run began and opens the circuit', () => {
    const { health } = nextHealth(healthy, [fail(), fail(), fail('HTTP 502')], now);
    expect(health).toMatchObject({ consecutiveFailures: 3, failingSince: now, lastFailureAt: now, lastError: 'HTTP 502' });
    expect(health.circuitOpenUntil).toEqual(new Date(now.getTime() + 5_000));
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
