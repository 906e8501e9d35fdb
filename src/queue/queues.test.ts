import type { Redis } from 'ioredis';
import { describe, expect, it } from 'vitest';
import { checkEvictionPolicy } from './queues.ts';

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
