import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../lib/errors.ts';
import { NotReadyError } from '../lib/readiness.ts';
import { problems } from '../lib/schemas.ts';

export interface HealthChecks {
  [name: string]: () => Promise<void>;
}

const healthSchema = z.object({ status: z.literal('ok'), checks: z.record(z.string(), z.literal('ok')).optional() });

export const healthRoutes: FastifyPluginAsyncZod<{ checks: HealthChecks }> = async (app, { checks }) => {
  app.get(
    '/healthz',
    {
      logLevel: 'warn',
      schema: {
        operationId: 'healthz',
        summary: 'Liveness: the process is up',
        description:
          'Answers 200 while the process runs; for a liveness probe. Needs no token.',
        tags: ['health'],
        response: { 200: healthSchema },
      },
    },
    async () => ({ status: 'ok' as const }),
  );

  app.get(
    '/readyz',
    {
      logLevel: 'warn',
      schema: {
        operationId: 'readyz',
        summary: 'Readiness: the database (and queue, when configured) answer',
        description:
          'Answers 200 when the database (and Redis, when REDIS_URL is set) answer, 503 otherwise; for a readiness probe or a load balancer. ' +
          'The embedded demo is ready only once it is seeded and data/demo-tokens.json is written, and stops being ready when its data directory is removed under it. Needs no token.',
        tags: ['health'],
        response: { 200: healthSchema, ...problems(503) },
      },
    },
    async (request) => {
      const results: Record<string, 'ok'> = {};
      for (const [name, check] of Object.entries(checks)) {
        try {
          await check();
          results[name] = 'ok';
        } catch (error) {
          request.log.warn({ err: error, check: name }, 'readiness check failed');
          throw new AppError(503, 'health.not_ready', 'Service Unavailable', error instanceof NotReadyError ? error.message : `${name} is not reachable.`);
        }
      }
      return { status: 'ok' as const, checks: results };
    },
  );
};
