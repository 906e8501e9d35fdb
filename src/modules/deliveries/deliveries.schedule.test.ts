import { describe, expect, it } from 'vitest';
import { MAX_ATTEMPTS, nextRetryDelay, RETRY_SCHEDULE_MS } from './deliveries.schedule.ts';
import { parseRetryAfter } from './deliveries.sender.ts';

describe('retry schedule (Standard Webhooks)', () => {
  it('waits 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 14 h, 20 h, 24 h after attempts 1–9, then gives up', () => {
    const middle = () => 0.5; // no jitter
    expect(Array.from({ length: MAX_ATTEMPTS - 1 }, (_, i) => nextRetryDelay(i + 1, null, middle))).toEqual([
      5_000, 300_000, 1_800_000, 7_200_000, 18_000_000, 36_000_000, 50_400_000, 72_000_000, 86_400_000,
    ]);
    expect(nextRetryDelay(MAX_ATTEMPTS, null, middle)).toBeNull();
    expect(RETRY_SCHEDULE_MS[0]).toBe(0);
  });

  it('jitters by at most ±10 %', () => {
    expect(nextRetryDelay(2, null, () => 0)).toBe(270_000);
    expect(nextRetryDelay(2, null, () => 1)).toBe(330_000);
  });

  it('honours a longer Retry-After, capped at a day, and ignores a shorter one', () => {
    expect(nextRetryDelay(1, 60_000, () => 0.5)).toBe(60_000);
    expect(nextRetryDelay(1, 1_000, () => 0.5)).toBe(5_000);
    expect(nextRetryDelay(1, 10 * 86_400_000, () => 0.5)).toBe(86_400_000);
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    expect(parseRetryAfter('120')).toBe(120_000);
    expect(parseRetryAfter(new Date(Date.UTC(2030, 0, 1, 0, 1)).toUTCString(), Date.UTC(2030, 0, 1))).toBe(60_000);
    expect(parseRetryAfter('soon')).toBeNull();
    expect(parseRetryAfter(undefined)).toBeNull();
  });
});
