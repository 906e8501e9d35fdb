import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { principalOf } from '../../plugins/auth.ts';
import { bearer } from '../../lib/route.ts';
import { orgNumberParams, problems } from '../../lib/schemas.ts';
import { putSupplierBody, supplierList, supplierListQuery, supplierSchema, toSupplierResponse } from './suppliers.schemas.ts';
import type { SupplierService } from './suppliers.service.ts';

export const memberKinds = ['municipality', 'purchasing_centre', 'federation'] as const;

export const supplierRoutes: FastifyPluginAsyncZod<{ suppliers: SupplierService }> = async (app, { suppliers }) => {
  app.put(
    '/v1/suppliers/:orgNumber',
    {
      onRequest: app.authorize({ scope: 'signals:write', kinds: memberKinds }),
      schema: {
        operationId: 'putSupplier',
        summary: 'Register or update a supplier and its units (idempotent)',
        description:
          'Registers a supplier (leverantör) by its organisationsnummer, or updates its name and units (verksamheter); units are matched by id or name, and the answer is 201 when the supplier is new. Municipalities, purchasing centres and federations may call it, with the `signals:write` scope; a sole trader (enskild firma) must be confirmed with `soleTrader: true`.',
        tags: ['suppliers'],
        security: bearer,
        params: orgNumberParams,
        body: putSupplierBody,
        response: { 200: supplierSchema, 201: supplierSchema, ...problems(400, 401, 403, 422) },
      },
    },
    async (request, reply) => {
      const { created, supplier } = await suppliers.put(principalOf(request), {
        orgNumber: request.params.orgNumber,
        ...request.body,
        orgId: principalOf(request).org.id,
      });
      return reply.code(created ? 201 : 200).send(toSupplierResponse(supplier));
    },
  );

  app.get(
    '/v1/suppliers/:orgNumber',
    {
      onRequest: app.authorize({ scope: 'registry:read' }),
      schema: {
        operationId: 'getSupplier',
        summary: 'Get a supplier with its units',
        description:
          'One supplier with its units (verksamheter). Any organisation may call it, with the `registry:read` scope; reading a sole trader is recorded in the read log.',
        tags: ['suppliers'],
        security: bearer,
        params: orgNumberParams,
        response: { 200: supplierSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => toSupplierResponse(await suppliers.get(principalOf(request), request.params.orgNumber)),
  );

  app.get(
    '/v1/suppliers',
    {
      onRequest: app.authorize({ scope: 'registry:read' }),
      schema: {
        operationId: 'listSuppliers',
        summary: 'Search suppliers by name, or list them all',
        description:
          'Suppliers by name (tolerant of case and small typos) or all of them, cursor-paged. Any organisation may call it, with the `registry:read` scope.',
        tags: ['suppliers'],
        security: bearer,
        querystring: supplierListQuery,
        response: { 200: supplierList, ...problems(400, 401, 403) },
      },
    },
    async (request) => {
      const page = await suppliers.list(principalOf(request), request.query);
      return { items: page.items.map(toSupplierResponse), nextCursor: page.nextCursor };
    },
  );
};
