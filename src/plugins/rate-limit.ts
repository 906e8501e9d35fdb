import fastifyRateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Redis } from 'ioredis';
import type { Config } from '../config.ts';
import { tooManyRequests } from '../lib/errors.ts';
import { createWeightedStore, weightedKey } from './rate-limit-store.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /**
     * What one request to this route spends of its organisation's per-minute read budget,
     * where a status read spends 1 (the default); a function of the validated request for
     * reads whose work grows with what is asked (a batch, a page size). A route with a cost
     * is a read even when its method is POST (the status batch).
     */
    readCost?: number | ((req: FastifyRequest) => number);
  }
}

/**
 * What the expensive reads cost, in status reads (README, "Retries, rate limits and size
 * limits"). Measured (bench search-flood, status): a name search's SQL takes 47–84 ms at
 * 10,000 suppliers where a status query takes about 1 ms, and its HTTP round trip about 30
 * status reads' worth; at 10 it let one organisation's burst triple others' status p99;
 * a status batch about one per ten numbers; a page of the event feed or the audit log
 * about one per hundred entries; the whole audit chain (export, verify) grows with the
 * registry's history.
 */
export const READ_COSTS = {
  nameSearch: 30,
  // The list of flagged suppliers reads every live signal the caller may read, like a report.
  flaggedSuppliers: 30,
  batchStatus: (numbers: number) => Math.ceil(numbers / 10),
  page: (limit: number) => Math.ceil(limit / 100),
  reach: 5,
  supplierHistory: 5,
  auditChain: 100,
} as const;

const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
// A read that names its cost (readCost) is a read even when it is a POST (a status batch); a
// route may count some of its reads as writes: a status read with a receipt appends to the audit log.
const isWrite = (req: FastifyRequest) =>
  req.routeOptions.config.countsAsWrite?.(req) === true || (req.routeOptions.config.readCost === undefined && WRITE_METHODS.has(req.method));

declare module 'fastify' {
  interface FastifyContextConfig {
    /** This request costs what a write costs (it appends to the audit log): count it against the write quota. */
    countsAsWrite?: (request: FastifyRequest) => boolean;
  }
}

/** The request's cost in its budget: 1 for a write or a plain read, the route's readCost otherwise (a whole number ≥ 1). */
function costOf(req: FastifyRequest): number {
  const cost = req.routeOptions.config.readCost;
  if (cost === undefined || isWrite(req)) return 1;
  const n = typeof cost === 'function' ? cost(req) : cost;
  return Number.isFinite(n) ? Math.max(1, Math.ceil(n)) : 1;
}

/**
 * Per-organisation rate limits (never per IP: many municipalities share a case-system
 * vendor's addresses). The count lives in Redis when there is one, so every API
 * replica shares it, and in this process otherwise (the embedded default). The limiter
 * runs after the route's authorisation and validation, keyed by the verified
 * organisation, so a forged token cannot spend another organisation's quota, and a
 * read's cost can be read off the validated request. Reads are weighed: an expensive
 * read spends its cost (READ_COSTS) from the same budget as the status reads, so one
 * organisation's searches cannot crowd out the placement checks of the rest.
 * If Redis fails the limiter lets requests through: a child's placement check matters
 * more than a quota.
 */
export const rateLimitPlugin = fp(async (app: FastifyInstance, { config, redis }: { config: Config; redis: Redis | null }) => {
  await app.register(fastifyRateLimit, {
    global: true,
    hook: 'preHandler',
    // @fastify/rate-limit counts one per request and hands its store only the key, the
    // window and the limit — never the request. A route-level `config.rateLimit` gives a
    // route its own counter (so a search could not share the status reads' budget) and a
    // fixed limit, not a cost that grows with a batch. So the cost travels in the key
    // (weightedKey) and the store spends it at once with INCRBY (one Lua script in Redis,
    // shared by every replica; a map in this process without Redis); the library still does
    // the rest: the 429, Retry-After and the x-ratelimit headers.
    store: createWeightedStore(redis, `${config.REDIS_PREFIX}:ratelimit:`),
    skipOnError: true,
    timeWindow: 60_000,
    // A caller whose route reads its organisation in the route (auth.ts, organisationInRoute)
    // is counted by its verified token's organisation, as it will be admitted under.
    allowList: (req) => !req.principal && !req.pendingCaller,
    keyGenerator: (req) => weightedKey(costOf(req), `${req.principal?.org.id ?? req.pendingCaller?.token.orgId ?? req.ip}:${isWrite(req) ? 'write' : 'read'}`),
    max: (req) => (isWrite(req) ? config.RATE_LIMIT_WRITES_PER_MINUTE : config.RATE_LIMIT_READS_PER_MINUTE),
    errorResponseBuilder: (req, context) => {
      const cost = costOf(req);
      return tooManyRequests({
        code: 'rate_limit.exceeded',
        detail: `Your organisation may make ${context.max} ${isWrite(req) ? 'writes' : 'reads'} a minute${cost > 1 ? ` (this one counts as ${cost})` : ''}; try again in ${context.after}.`,
        retryAfterSeconds: context.ttl / 1000,
      });
    },
  });
}, { name: 'rate-limit', dependencies: ['auth'] });
