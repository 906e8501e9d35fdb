import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { z } from 'zod';

/**
 * Every API route refuses an unknown query parameter with 400: a misspelt `?unitId`
 * or an `?asOf=` the route does not know must not be answered as if it were not
 * there. A route without a querystring schema gets an empty strict one, and an object
 * schema is made strict, so no route can forget it. Routes without an operationId
 * (Swagger UI's files, /openapi.json) are not part of the API and are left alone.
 */
export const strictQueryPlugin = fp(
  async (app: FastifyInstance) => {
    app.addHook('onRoute', (route) => {
      const schema = route.schema as { operationId?: string; querystring?: unknown } | undefined;
      if (!schema?.operationId) return;
      if (schema.querystring === undefined) schema.querystring = z.object({}).strict();
      else if (schema.querystring instanceof z.ZodObject) schema.querystring = schema.querystring.strict();
    });
  },
  { name: 'strict-query' },
);
