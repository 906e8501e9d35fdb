import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { uuidv7 } from './ids.ts';

describe('uuidv7', () => {
  it('makes valid version-7 UUIDs that are strictly increasing, also within one millisecond', () => {
    const ids = Array.from({ length: 20_000 }, () => uuidv7());
    for (const id of ids.slice(0, 100)) expect(z.uuid({ version: 'v7' }).safeParse(id).success).toBe(true);
    for (let i = 1; i < ids.length; i++) expect(ids[i]! > ids[i - 1]!, `${ids[i - 1]} < ${ids[i]}`).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('carries the time it was made in its first 48 bits, and random bits of its own in the last 62', () => {
    const before = Date.now();
    const ids = Array.from({ length: 5_000 }, () => uuidv7());
    const after = Date.now();
    for (const id of [ids[0]!, ids.at(-1)!]) {
      // Within one millisecond the counter may borrow a few milliseconds ahead, never behind.
      const ms = Number.parseInt(id.replaceAll('-', '').slice(0, 12), 16);
      expect(ms).toBeGreaterThanOrEqual(before);
      expect(ms).toBeLessThanOrEqual(after + 2);
    }
    // Drawn across many refills of the random pool: no two ids share their random tail.
    const tails = ids.map((id) => id.replaceAll('-', '').slice(17));
    expect(new Set(tails).size).toBe(ids.length);
    expect(new Set(ids.map((id) => id[19])).size).toBe(4);
  });
});
