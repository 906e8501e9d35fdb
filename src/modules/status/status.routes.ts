import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { bearer } from '../../lib/route.ts';
import { orgNumberParams, problems } from '../../lib/schemas.ts';
import { principalOf } from '../../plugins/auth.ts';
import { batchStatusBody, batchStatusSchema, supplierStatusSchema, withFormattedNumber } from './status.schemas.ts';
import type { StatusService } from './status.service.ts';

export const statusRoutes: FastifyPluginAsyncZod<{ status: StatusService }> = async (app, { status }) => {
  app.get(
    '/v1/suppliers/:orgNumber/status',
    {
      onRequest: app.authorize({ scope: 'registry:read' }),
      schema: {
        operationId: 'getSupplierStatus',
        summary: 'May we place a child with this supplier today? (for the calling organisation)',
        tags: ['status'],
        security: bearer,
        params: orgNumberParams,
        response: { 200: supplierStatusSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      // A status is an answer for this caller at this moment: never cache it.
      reply.header('cache-control', 'no-store');
      return withFormattedNumber(await status.forSupplier(principalOf(request), request.params.orgNumber));
    },
  );

  app.post(
    '/v1/suppliers/status',
    {
      onRequest: app.authorize({ scope: 'registry:read' }),
      schema: {
        operationId: 'getSupplierStatuses',
        summary: 'Status of up to 1,000 suppliers at once',
        tags: ['status'],
        security: bearer,
        body: batchStatusBody,
        response: { 200: batchStatusSchema, ...problems(400, 401, 403, 413) },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      const { results, asOf } = await status.forSuppliers(principalOf(request), request.body.orgNumbers);
      return { results: results.map(withFormattedNumber), asOf };
    },
  );
};
