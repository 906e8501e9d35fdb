import type { Redis } from 'ioredis';
import { describe, expect, it } from 'vitest';
import { checkEvictionPolicy, jobs, WAKE_BUCKET_MS } from './queues.ts';

/** Stands in for Redis: answers CONFIG GET maxmemory-policy as told, or refuses CONFIG. */
const redisWithPolicy = (policy: string | Error) =>
  ({
    config: async (...args: string[]) => {
      expect(args).toEqual(['GET', 'maxmemory-policy']);
      if (policy instanceof Error) throw policy;
      return ['maxmemory-policy', policy];
    },
  }) as unknown as Redis;

async function warningsFor(policy: string | Error): Promise<string[]> {
  const warnings: string[] = [];
  await checkEvictionPolicy(redisWithPolicy(policy), (msg) => warnings.push(msg));
  return warnings;
}

describe('checkEvictionPolicy', () => {
  it('warns when Redis may evict keys (allkeys-lru), naming the policy and the fix', async () => {
    const warnings = await warningsFor('allkeys-lru');
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('allkeys-lru');
    expect(warnings[0]).toContain('noeviction');
  });

  it('warns for volatile policies too', async () => {
    expect(await warningsFor('volatile-ttl')).toHaveLength(1);
  });

  it('is quiet under noeviction', async () => {
    expect(await warningsFor('noeviction')).toEqual([]);
  });

  it('is quiet, and does not throw, where CONFIG is forbidden (managed Redis)', async () => {
    expect(await warningsFor(new Error("ERR unknown command 'CONFIG'"))).toEqual([]);
  });
});

describe('jobs', () => {
  it('gives a second job for the same thing the same id, so it is not queued twice', () => {
    expect(jobs.fanout(7)).toEqual({ name: 'fanout', payload: { seq: 7 }, jobId: 'fanout-7', delayMs: 0 });
    const id = '0190f3a4-7c1d-7000-8000-000000000001';
    const at = new Date(Math.ceil((Date.now() + 60_000) / WAKE_BUCKET_MS) * WAKE_BUCKET_MS);
    // Due moments within one bucket share a wake-up; the next bucket gets its own.
    expect(jobs.wake(id, new Date(at.getTime() - WAKE_BUCKET_MS + 1)).jobId).toBe(jobs.wake(id, at).jobId);
    expect(jobs.wake(id, new Date(at.getTime() + 1)).jobId).not.toBe(jobs.wake(id, at).jobId);
    expect(jobs.wake(id, at).delayMs).toBeGreaterThan(50_000);
    expect(jobs.wake(id, new Date(0)).delayMs).toBe(0);
    // Every resend request is its own job.
    expect(jobs.resend().jobId).not.toBe(jobs.resend().jobId);
  });
});
