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
        description:
          'Answers for the calling organisation: blocked (a revoked permit, or a live call-off stop (avropsstopp) or termination from a purchasing centre, the caller’s federation or the caller itself), caution (another organisation’s own stop or termination, an IVO injunction (föreläggande), a high or critical deviation (avvikelse) from the last 12 months, a financial warning) or clear, with the signals that decide it. Any organisation may call it, with the `registry:read` scope; only signals the caller may read count, the answer is never cached (`Cache-Control: no-store`), and an unregistered supplier answers 404.',
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
        description:
          'The same answer as GET /v1/suppliers/{orgNumber}/status for up to 1,000 organisation numbers in one call; an unregistered supplier reads `unknown` instead of failing the batch. Any organisation may call it, with the `registry:read` scope; the answer is never cached.',
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
