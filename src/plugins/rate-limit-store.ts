import type { FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import type { Redis } from 'ioredis';
import { WINDOW_TTL_LUA } from '../lib/fixed-window.ts';

/**
 * A store for @fastify/rate-limit that spends a request's cost, not one, from a fixed
 * window (rate-limit.ts says why the cost travels in the key). A request that does not fit
 * in what is left is refused and spends nothing, so a refused search does not also use up
 * the budget a status read would still fit in. A cost above the whole budget spends the
 * whole budget (it fits in a fresh window instead of never).
 */

const SEPARATOR = '|';

/** The key the store is given: the cost, then the budget's own key. */
export const weightedKey = (cost: number, bucket: string) => `${cost}${SEPARATOR}${bucket}`;

function parseKey(key: string): { cost: number; bucket: string } {
  const at = key.indexOf(SEPARATOR);
  const cost = Number(key.slice(0, at));
  return at > 0 && Number.isSafeInteger(cost) && cost >= 1 ? { cost, bucket: key.slice(at + 1) } : { cost: 1, bucket: key };
}

type Result = { current: number; ttl: number };
type Callback = (error: Error | null, result?: Result) => void;

// KEYS[1] the budget; ARGV window (ms), max, cost. Returns {spent or what it would have been, ms left}.
const SPEND = `
local max = tonumber(ARGV[2])
local cost = math.min(tonumber(ARGV[3]), max)
local current = tonumber(redis.call('GET', KEYS[1]) or '0')
if current + cost <= max then current = redis.call('INCRBY', KEYS[1], cost) else current = current + cost end
${WINDOW_TTL_LUA}
return {current, ttl}`;

type SpendingRedis = Redis & { registryRateSpend(key: string, windowMs: number, max: number, cost: number): Promise<[number, number]> };

/** The store's constructor for @fastify/rate-limit: Redis when there is one, this process's memory otherwise. */
export function createWeightedStore(redis: Redis | null, namespace: string): FastifyRateLimitStoreCtor {
  if (redis) {
    const spending = redis as SpendingRedis;
    if (!('registryRateSpend' in spending)) redis.defineCommand('registryRateSpend', { numberOfKeys: 1, lua: SPEND });
    return class RedisWeightedStore implements FastifyRateLimitStore {
      incr(key: string, callback: Callback, timeWindow: number, max: number) {
        const { cost, bucket } = parseKey(key);
        spending.registryRateSpend(`${namespace}${bucket}`, timeWindow, max, cost).then(
          ([current, ttl]) => callback(null, { current, ttl }),
          (error: Error) => callback(error),
        );
      }
      child() {
        return this;
      }
    };
  }
  // Without Redis there is one process: a map of fixed windows, pruned of ended ones as it grows
  // (its keys are organisations, which only a verified token can name).
  const windows = new Map<string, { spent: number; endsAt: number }>();
  return class LocalWeightedStore implements FastifyRateLimitStore {
    incr(key: string, callback: Callback, timeWindow: number, max: number) {
      const { cost, bucket } = parseKey(key);
      const now = Date.now();
      let window = windows.get(bucket);
      if (!window || window.endsAt <= now) {
        if (windows.size >= 10_000) for (const [k, w] of windows) if (w.endsAt <= now) windows.delete(k);
        window = { spent: 0, endsAt: now + timeWindow };
        windows.set(bucket, window);
      }
      const spend = Math.min(cost, max);
      const fits = window.spent + spend <= max;
      if (fits) window.spent += spend;
      callback(null, { current: fits ? window.spent : window.spent + spend, ttl: window.endsAt - now });
    }
    child() {
      return this;
    }
  };
}
