import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { memberOrOperator, principalOf } from '../../plugins/auth.ts';
import { READ_COSTS } from '../../plugins/rate-limit.ts';
import { bearer } from '../../lib/route.ts';
import { conditionOf } from '../../lib/preconditions.ts';
import { etagHeader, ifMatchHeaders, locationHeader, orgNumberParams, problems, withHeaders } from '../../lib/schemas.ts';
import { etagFromVersion } from '../../plugins/resource-headers.ts';
import { putSupplierBody, supplierList, supplierListQuery, supplierSchema, toSupplierResponse } from './suppliers.schemas.ts';
import type { SupplierService } from './suppliers.service.ts';
import { sendPage } from '../../lib/cursor.ts';

export const supplierRoutes: FastifyPluginAsyncZod<{ suppliers: SupplierService }> = async (app, { suppliers }) => {

  app.put(
    '/v1/suppliers/:orgNumber',
    {
      onRequest: memberOrOperator(app),
      config: { location: (body) => `/v1/suppliers/${String(body.orgNumber)}`, etag: etagFromVersion },
      schema: {
        operationId: 'putSupplier',
        summary: 'Register a supplier, or change its name and units (its owners only)',
        description:
          'Registers a supplier (leverantör) by its organisationsnummer (201), or changes its name and units (verksamheter); units are matched by id or name, and units not listed are kept. Any municipality, purchasing centre or federation may register a supplier, with the `signals:write` scope; a sole trader (enskild firma) must be confirmed with `soleTrader: true`. A registered supplier’s name and units may be changed only by the organisation that registered it, the owner of an agreement it is party to, or the operator (with the `admin` scope); anyone else gets 403 `suppliers.not_owner`, and a PUT that changes nothing answers 200 for any member. A change needs a `reason` (422 `suppliers.reason_required`), becomes a new version in the supplier’s history (GET /v1/suppliers/{orgNumber}/history) with who and why, and is announced as a `supplier.updated` event. The answer’s ETag is the record’s version; send it in If-Match to change the record only while it is still at that version (412 `suppliers.version_mismatch` otherwise, also when no supplier is registered under the number; without If-Match the PUT applies to whatever version is current).',
        tags: ['suppliers'],
        security: bearer,
        params: orgNumberParams,
        headers: ifMatchHeaders('supplier record'),
        body: putSupplierBody,
        response: {
          200: withHeaders(supplierSchema, 'The supplier as it stands: changed, or unchanged when the PUT changed nothing.', etagHeader('supplier')),
          201: withHeaders(supplierSchema, 'The supplier as registered, version 1.', locationHeader('supplier'), etagHeader('supplier')),
          ...problems(400, 401, 403, 412, 422),
        },
      },
    },
    async (request, reply) => {
      const { created, supplier } = await suppliers.put(
        principalOf(request),
        { orgNumber: request.params.orgNumber, ...request.body },
        conditionOf(request.headers['if-match']),
      );
      return reply.code(created ? 201 : 200).send(toSupplierResponse(supplier));
    },
  );

  app.get(
    '/v1/suppliers/:orgNumber',
    {
      onRequest: app.authorize({ scope: 'registry:read', suppliers: true }),
      config: { etag: etagFromVersion },
      schema: {
        operationId: 'getSupplier',
        summary: 'Get a supplier with its units',
        description:
          'One supplier with its units (verksamheter). Any organisation may call it, with the `registry:read` scope — a supplier organisation only for the organisation numbers it answers for (another answers 403 `suppliers.not_represented`); reading a sole trader is recorded in the read log.',
        tags: ['suppliers'],
        security: bearer,
        params: orgNumberParams,
        response: { 200: withHeaders(supplierSchema, 'The supplier with its units.', etagHeader('supplier')), ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => toSupplierResponse(await suppliers.get(principalOf(request), request.params.orgNumber)),
  );

  app.get(
    '/v1/suppliers',
    {
      onRequest: app.authorize({ scope: 'registry:read' }),
      config: { readCost: (req) => ((req.query as { q?: string }).q ? READ_COSTS.nameSearch : 1) },
      schema: {
        operationId: 'listSuppliers',
        summary: 'Search suppliers by name, or list them all',
        description:
          'Suppliers by name (tolerant of case and small typos, over the current and former names of suppliers and their units, so a renamed supplier is found under its old name) or all of them, cursor-paged. Any organisation may call it, with the `registry:read` scope.',
        tags: ['suppliers'],
        security: bearer,
        querystring: supplierListQuery,
        response: { 200: supplierList, ...problems(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const page = await suppliers.list(principalOf(request), request.query);
      return sendPage(request, reply, { items: page.items.map(toSupplierResponse), nextCursor: page.nextCursor });
    },
  );
};
