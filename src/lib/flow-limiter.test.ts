import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { testRedisPrefix } from '../../test/helpers/db.ts';
import { AppError } from './errors.ts';
import { createFlowLimiter } from './flow-limiter.ts';

const WINDOW_MS = 60_000;
let redis: Redis;
const prefix = testRedisPrefix();
beforeAll(() => {
  redis = new Redis(inject('redisUrl'));
});
afterAll(async () => {
  const keys = await redis.keys(`${prefix}:*`);
  if (keys.length) await redis.del(...keys);
  redis.disconnect();
});

let n = 0;
/** A supplier number no other test uses, so each test has counters of its own. */
const freshSupplier = () => `559000-${String(++n).padStart(4, '0')}`;
const counterKey = (org: string, supplier: string) => `${prefix}:flow:${org}:${supplier}`;

async function refusal(hit: Promise<void>): Promise<AppError> {
  const error = await hit.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  return error as AppError;
}

/** The same Redis, but the connection is lost after the first command (or MULTI) it sends, as when the process dies. */
function diesAfterFirstCommand(client: Redis): Redis {
  let sent = 0;
  const lost = () => Promise.reject(new Error('Connection is closed.'));
  return new Proxy(client, {
    get(target, prop) {
      const value: unknown = Reflect.get(target, prop, target);
      if (typeof value !== 'function') return value;
      if (prop === 'multi' || prop === 'pipeline') {
        return (...args: unknown[]) => {
          const batch = value.apply(target, args);
          const exec = batch.exec.bind(batch);
          batch.exec = () => (sent++ ? lost() : exec());
          return batch;
        };
      }
      return (...args: unknown[]) => (sent++ ? lost() : value.apply(target, args));
    },
  });
}

describe('flow limiter on Redis', () => {
  it('allows max actions per window, then refuses with a Retry-After within the window; replicas share the count', async () => {
    const supplier = freshSupplier();
    const [a, b] = [1, 2].map(() => createFlowLimiter({ redis, prefix, max: 3, windowMs: WINDOW_MS }));
    await a!.hit('umea', supplier);
    await b!.hit('umea', supplier);
    await a!.hit('umea', supplier);
    const refused = await refusal(b!.hit('umea', supplier));
    expect(refused).toMatchObject({ status: 429, code: 'rate_limit.sensitive_flow' });
    const retryAfter = Number(refused.headers['retry-after']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(WINDOW_MS / 1000);
    // Another organisation, or another supplier, is another flow.
    await a!.hit('timra', supplier);
    await a!.hit('umea', freshSupplier());
  });

  it('gives every counter an expiry within the window, from the first hit on', async () => {
    const supplier = freshSupplier();
    const limiter = createFlowLimiter({ redis, prefix, max: 100, windowMs: WINDOW_MS });
    for (let i = 1; i <= 3; i++) {
      await limiter.hit('umea', supplier);
      expect(await redis.get(counterKey('umea', supplier))).toBe(String(i));
      const ttl = await redis.pttl(counterKey('umea', supplier));
      expect(ttl).toBeGreaterThan(0);
      expect(ttl).toBeLessThanOrEqual(WINDOW_MS);
    }
  });

  it('leaves no counter without expiry when the connection is lost right after the first command', async () => {
    const supplier = freshSupplier();
    const limiter = createFlowLimiter({ redis: diesAfterFirstCommand(redis), prefix, max: 100, windowMs: WINDOW_MS });
    await limiter.hit('umea', supplier);
    const ttl = await redis.pttl(counterKey('umea', supplier));
    // -1 would be a counter that never expires: the organisation blocked from this flow for good once it reached the limit.
    expect(ttl).toBeGreaterThan(0);
  });

  it('gives a counter found without expiry (left by an older version) one at the next hit', async () => {
    const supplier = freshSupplier();
    await redis.set(counterKey('umea', supplier), '7');
    const limiter = createFlowLimiter({ redis, prefix, max: 100, windowMs: WINDOW_MS });
    await limiter.hit('umea', supplier);
    expect(await redis.get(counterKey('umea', supplier))).toBe('8');
    expect(await redis.pttl(counterKey('umea', supplier))).toBeGreaterThan(0);
  });

  it('starts counting afresh when the window has passed', async () => {
    const supplier = freshSupplier();
    const limiter = createFlowLimiter({ redis, prefix, max: 1, windowMs: 300 });
    await limiter.hit('umea', supplier);
    await refusal(limiter.hit('umea', supplier));
    await new Promise((r) => setTimeout(r, 400));
    await limiter.hit('umea', supplier);
  });
});
