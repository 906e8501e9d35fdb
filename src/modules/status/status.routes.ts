import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { bearer } from '../../lib/route.ts';
import { orgNumberParams, problems } from '../../lib/schemas.ts';
import { principalOf } from '../../plugins/auth.ts';
import { READ_COSTS } from '../../plugins/rate-limit.ts';
import { batchStatusBody, batchStatusSchema, statusQuery, supplierStatusSchema, withFormattedNumber } from './status.schemas.ts';
import type { StatusService } from './status.service.ts';

export const statusRoutes: FastifyPluginAsyncZod<{ status: StatusService }> = async (app, { status }) => {
  app.get(
    '/v1/suppliers/:orgNumber/status',
    {
      onRequest: app.authorize({ scope: 'registry:read' }),
      schema: {
        operationId: 'getSupplierStatus',
        summary: 'May we place a child with this supplier (or in this unit) today? (for the calling organisation)',
        description:
          'Answers for the calling organisation: blocked (a revoked permit, or a live call-off stop (avropsstopp) or termination from a purchasing centre, the caller’s federation or the caller itself), caution (another organisation’s own stop or termination, an IVO injunction (föreläggande), a high or critical deviation (avvikelse) from the last 12 months, a financial warning) or clear, with the signals that decide it. Without `unitId` the answer is for the supplier as a whole: a signal naming one unit makes it at most `caution`, and `units` shows that unit `blocked` — so when only a unit is blocked the top-level status reads `caution`. With `?unitId=` it is the answer for placing in that unit (the home a child would go to): `blocked` when the unit or the supplier as a whole is blocked for the caller; other units’ signals make it at most `caution`. Any organisation may call it, with the `registry:read` scope; only signals the caller may read count, the answer is never cached (`Cache-Control: no-store`), an unregistered supplier answers 404, a unit of another supplier 422 `suppliers.unit_not_found`, and an unknown query parameter 400.',
        tags: ['status'],
        security: bearer,
        params: orgNumberParams,
        querystring: statusQuery,
        response: { 200: supplierStatusSchema, ...problems(400, 401, 403, 404, 422) },
      },
    },
    async (request, reply) => {
      // A status is an answer for this caller at this moment: never cache it.
      reply.header('cache-control', 'no-store');
      return withFormattedNumber(await status.forSupplier(principalOf(request), request.params.orgNumber, request.query.unitId?.toLowerCase() ?? null));
    },
  );

  app.post(
    '/v1/suppliers/status',
    {
      onRequest: app.authorize({ scope: 'registry:read' }),
      config: { readCost: (req) => READ_COSTS.batchStatus((req.body as { orgNumbers: unknown[] }).orgNumbers.length) },
      schema: {
        operationId: 'getSupplierStatuses',
        summary: 'Status of up to 1,000 suppliers (or units) at once',
        description:
          'The same answer as GET /v1/suppliers/{orgNumber}/status for up to 1,000 questions in one call: an organisation number (the supplier as a whole) or `{ orgNumber, unitId }` (placing in that unit). Each is answered on its own: an unregistered supplier reads `unknown`, and a malformed number or unit id, or a unit of another supplier, reads `invalid` with a `problem`, instead of failing the batch. Any organisation may call it, with the `registry:read` scope; the answer is never cached.',
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
