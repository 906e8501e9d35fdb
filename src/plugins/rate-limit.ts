import fastifyRateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Redis } from 'ioredis';
import type { Config } from '../config.ts';
import { tooManyRequests } from '../lib/errors.ts';

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
// A route may count some of its reads as writes: a status read with a receipt appends to the audit log.
const isWrite = (req: FastifyRequest) => WRITE_METHODS.has(req.method) || req.routeOptions.config.countsAsWrite?.(req) === true;

declare module 'fastify' {
  interface FastifyContextConfig {
    /** This request costs what a write costs (it appends to the audit log): count it against the write quota. */
    countsAsWrite?: (request: FastifyRequest) => boolean;
  }
}

/**
 * Per-organisation rate limits (never per IP: many municipalities share a case-system
 * vendor's addresses). The count lives in Redis when there is one, so every API
 * replica shares it. The limiter runs after the route's authorisation, keyed by the
 * verified organisation, so a forged token cannot spend another organisation's
 * quota. If Redis fails the limiter lets requests through: a child's placement
 * check matters more than a quota.
 */
export const rateLimitPlugin = fp(async (app: FastifyInstance, { config, redis }: { config: Config; redis: Redis | null }) => {
  await app.register(fastifyRateLimit, {
    global: true,
    hook: 'preHandler',
    ...(redis ? { redis, nameSpace: `${config.REDIS_PREFIX}:ratelimit:` } : {}),
    skipOnError: true,
    timeWindow: 60_000,
    allowList: (req) => !req.principal,
    keyGenerator: (req) => `${req.principal?.org.id ?? req.ip}:${isWrite(req) ? 'write' : 'read'}`,
    max: (req) => (isWrite(req) ? config.RATE_LIMIT_WRITES_PER_MINUTE : config.RATE_LIMIT_READS_PER_MINUTE),
    errorResponseBuilder: (req, context) =>
      tooManyRequests(
        'rate_limit.exceeded',
        `Your organisation may make ${context.max} ${isWrite(req) ? 'writes' : 'reads'} a minute; try again in ${context.after}.`,
        context.ttl / 1000,
      ),
  });
});
