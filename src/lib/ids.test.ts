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
});
