import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { bearer } from '../../lib/route.ts';
import { locationHeader, problems, uuidParams, withHeaders } from '../../lib/schemas.ts';
import { memberOrOperator, principalOf } from '../../plugins/auth.ts';
import { memberKinds } from '../organisations/organisations.table.ts';
import { createLinkBody, endLinkBody, supplierLinkSchema, toLinkResponse } from './links.schemas.ts';
import type { LinkService } from './links.service.ts';

export const linkRoutes: FastifyPluginAsyncZod<{ links: LinkService }> = async (app, { links }) => {
  app.post(
    '/v1/supplier-links',
    {
      onRequest: app.authorize({ scope: 'signals:write', kinds: memberKinds }),
      config: { location: (body) => `/v1/supplier-links/${String(body.id)}` },
      schema: {
        operationId: 'createSupplierLink',
        summary: 'Link two suppliers: a group (parent → subsidiary) or a succession (predecessor → successor)',
        description:
          'Records that two registered suppliers belong to one corporate group (`group`: fromOrgNumber is the parent, toOrgNumber the subsidiary) or that one took over the operation of the other (`succession`: fromOrgNumber the predecessor, toOrgNumber the successor), with a reason. While the link is active, a block on one supplier makes the linked ones `caution` for whom it blocks (README, "Linked suppliers"); both suppliers’ reads show it, their history keeps it, and a `supplier.linked` event announces it. Municipalities, purchasing centres and federations may call it, with the `signals:write` scope. A supplier linked to itself answers 422 `supplier_links.self_link`, an unregistered supplier 422 `supplier_links.unknown_supplier`, and a second active link of the same kind between the two (either way round) 409 `supplier_links.duplicate`.',
        tags: ['suppliers'],
        security: bearer,
        body: createLinkBody,
        response: { 201: withHeaders(supplierLinkSchema, 'The link as recorded.', locationHeader('link')), ...problems(400, 401, 403, 409, 422) },
      },
    },
    async (request, reply) => reply.code(201).send(toLinkResponse(await links.create(principalOf(request), request.body))),
  );

  app.get(
    '/v1/supplier-links/:id',
    {
      onRequest: app.authorize({ scope: 'registry:read' }),
      schema: {
        operationId: 'getSupplierLink',
        summary: 'Get a link between two suppliers, active or ended',
        description: 'One link, active or ended. Any organisation may call it, with the `registry:read` scope.',
        tags: ['suppliers'],
        security: bearer,
        params: uuidParams,
        response: { 200: supplierLinkSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => toLinkResponse(await links.get(principalOf(request), request.params.id)),
  );

  app.post(
    '/v1/supplier-links/:id/end',
    {
      onRequest: memberOrOperator(app),
      schema: {
        operationId: 'endSupplierLink',
        summary: 'End a link between two suppliers (the organisation that drew it, or the operator)',
        description:
          'Ends an active link with a reason: it no longer affects any status, it stays in both suppliers’ history, and a `supplier.unlinked` event announces it. Only the organisation that drew the link (with the `signals:write` scope) or the operator (with the `admin` scope) may end it; anyone else gets 403 `supplier_links.not_owner`, and a link ended already answers 409 `supplier_links.ended`.',
        tags: ['suppliers'],
        security: bearer,
        params: uuidParams,
        body: endLinkBody,
        response: { 200: supplierLinkSchema, ...problems(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request) => toLinkResponse(await links.end(principalOf(request), request.params.id, request.body.reason)),
  );
};
