import type { Redis } from 'ioredis';
import { tooManyRequests } from './errors.ts';
import { WINDOW_TTL_LUA } from './fixed-window.ts';
import { throttledWarn, type WarnLog } from './throttled-log.ts';

// Counts and sets the window's expiry in one step (WINDOW_TTL_LUA).
const HIT_SCRIPT = `
local count = redis.call('INCR', KEYS[1])
${WINDOW_TTL_LUA}
return {count, ttl}`;

/**
 * A fixed-window counter for one sensitive business flow (OWASP API6): how many
 * changes to what blocks a supplier one organisation makes against it. Shared through
 * Redis across replicas; per process without Redis. It fails safe: what blocks is only
 * counted (`count` never refuses), what unblocks is counted and refused past the limit
 * (`hit`), so a flapping client cannot hold a supplier clear, only stopped.
 */
export function createFlowLimiter({ redis, prefix, max, windowMs, log }: { redis: Redis | null; prefix: string; max: number; windowMs: number; log?: WarnLog }) {
  const redisFailed = throttledWarn(log, 'flow limit: Redis unavailable; counting in this process until it is back');
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

  const add = async (orgId: string, supplierOrgNumber: string) => {
    const key = `${orgId}:${supplierOrgNumber}`;
    try {
      return redis ? await hitRedis(key) : hitLocal(key);
    } catch (error) {
      redisFailed(error);
      return hitLocal(key);
    }
  };

  return {
    /** Counts one unblocking action (a lift, a retraction); throws 429 rate_limit.sensitive_flow past the limit. */
    hit: async (orgId: string, supplierOrgNumber: string) => {
      const result = await add(orgId, supplierOrgNumber);
      if (result.count > max) {
        throw tooManyRequests({
          code: 'rate_limit.sensitive_flow',
          detail: `At most ${max} changes to what blocks this supplier per hour from one organisation; stops, terminations and revoked permits are always accepted, lifts and retractions wait.`,
          retryAfterSeconds: result.ttlMs / 1000,
        });
      }
    },

    /** Counts one blocking action (a stop, a termination, a revoked permit); never refuses. */
    count: async (orgId: string, supplierOrgNumber: string) => {
      await add(orgId, supplierOrgNumber);
    },
  };
}

export type FlowLimiter = ReturnType<typeof createFlowLimiter>;
