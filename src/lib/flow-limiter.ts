import type { Redis } from 'ioredis';
import { tooManyRequests } from './errors.ts';

// Counts and sets the window's expiry in one step: with INCR and PEXPIRE as two calls, a
// process that died between them left a counter without expiry. A counter found without
// one (left by such a crash before this script) gets it here too.
const HIT_SCRIPT = `
local count = redis.call('INCR', KEYS[1])
local ttl = redis.call('PTTL', KEYS[1])
if ttl < 0 then
  redis.call('PEXPIRE', KEYS[1], ARGV[1])
  ttl = tonumber(ARGV[1])
end
return {count, ttl}`;

/**
 * A fixed-window counter for one sensitive business flow (OWASP API6): how many
 * stops, terminations, lifts and retractions one organisation makes against one
 * supplier. Shared through Redis across replicas; per process without Redis.
 */
export function createFlowLimiter({ redis, prefix, max, windowMs }: { redis: Redis | null; prefix: string; max: number; windowMs: number }) {
  const local = new Map<string, { count: number; resetAt: number }>();
  const hitLocal = (key: string) => {
    const now = Date.now();
    const entry = local.get(key);
    if (!entry || entry.resetAt <= now) {
      local.set(key, { count: 1, resetAt: now + windowMs });
      return { count: 1, ttlMs: windowMs };
    }
    entry.count += 1;
    return { count: entry.count, ttlMs: entry.resetAt - now };
  };
  const hitRedis = async (key: string) => {
    const [count, ttlMs] = (await redis!.eval(HIT_SCRIPT, 1, `${prefix}:flow:${key}`, windowMs)) as [number, number];
    return { count, ttlMs };
  };

  return {
    /** Counts one action; throws 429 rate_limit.sensitive_flow past the limit. */
    hit: async (orgId: string, supplierOrgNumber: string) => {
      const key = `${orgId}:${supplierOrgNumber}`;
      let result: { count: number; ttlMs: number };
      try {
        result = redis ? await hitRedis(key) : hitLocal(key);
      } catch {
        result = hitLocal(key);
      }
      if (result.count > max) {
        throw tooManyRequests(
          'rate_limit.sensitive_flow',
          `At most ${max} stops, terminations, lifts and retractions per supplier and hour from one organisation.`,
          result.ttlMs / 1000,
        );
      }
    },
  };
}

export type FlowLimiter = ReturnType<typeof createFlowLimiter>;
