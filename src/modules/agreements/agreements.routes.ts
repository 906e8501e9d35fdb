import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { formatOrgNumber } from '../../lib/identity-numbers.ts';
import { bearer } from '../../lib/route.ts';
import { locationHeader, problems, withHeaders } from '../../lib/schemas.ts';
import { principalOf } from '../../plugins/auth.ts';
import { memberKinds } from '../organisations/organisations.table.ts';
import {
  agreementIdParams,
  agreementList,
  agreementListQuery,
  agreementPartyParams,
  agreementPartySchema,
  agreementSchema,
  createAgreementBody,
  toAgreementResponse,
} from './agreements.schemas.ts';
import type { AgreementService } from './agreements.service.ts';
import { sendPage } from '../../lib/cursor.ts';

export const agreementRoutes: FastifyPluginAsyncZod<{ agreements: AgreementService }> = async (app, { agreements }) => {
  app.post(
    '/v1/agreements',
    {
      onRequest: app.authorize({ scope: 'signals:write', kinds: memberKinds }),
      config: { location: (body) => `/v1/agreements/${String(body.id)}` },
      schema: {
        operationId: 'createAgreement',
        summary: 'Create a framework agreement (ramavtal) owned by the caller',
        description:
          'Creates a framework agreement (ramavtal) in one service category, owned by the calling organisation; only the owner adds supplier parties and issues call-off stops and terminations under it. Municipalities, purchasing centres and federations may call it, with the `signals:write` scope.',
        tags: ['agreements'],
        security: bearer,
        body: createAgreementBody,
        response: { 201: withHeaders(agreementSchema, 'The agreement as created.', locationHeader('agreement')), ...problems(400, 401, 403, 422) },
      },
    },
    async (request, reply) => reply.code(201).send(toAgreementResponse(await agreements.create(principalOf(request), request.body))),
  );

  app.put(
    '/v1/agreements/:id/suppliers/:orgNumber',
    {
      onRequest: app.authorize({ scope: 'signals:write', kinds: memberKinds }),
      config: { location: (body) => `/v1/agreements/${String(body.agreementId)}` },
      schema: {
        operationId: 'addAgreementSupplier',
        summary: 'Add a supplier as a party to the agreement (owner only, idempotent)',
        description:
          'Makes a registered supplier a party to the agreement; adding it again answers 200 and changes nothing. Only the organisation that owns the agreement may call it, with the `signals:write` scope.',
        tags: ['agreements'],
        security: bearer,
        params: agreementPartyParams,
        response: { 200: agreementPartySchema, 201: withHeaders(agreementPartySchema, 'The supplier, now a party to the agreement.', locationHeader('agreement with its parties')), ...problems(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const { created, party } = await agreements.addSupplier(principalOf(request), request.params.id, request.params.orgNumber);
      return reply.code(created ? 201 : 200).send({ ...party, supplierOrgNumber: formatOrgNumber(party.supplierOrgNumber) });
    },
  );

  app.get(
    '/v1/agreements',
    {
      onRequest: app.authorize({ scope: 'registry:read' }),
      schema: {
        operationId: 'listAgreements',
        summary: 'List framework agreements',
        description:
          'Framework agreements (ramavtal), filtered by owner, category or supplier party, cursor-paged. Any organisation may call it, with the `registry:read` scope.',
        tags: ['agreements'],
        security: bearer,
        querystring: agreementListQuery,
        response: { 200: agreementList, ...problems(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const page = await agreements.list(request.query);
      return sendPage(request, reply, { items: page.items.map(toAgreementResponse), nextCursor: page.nextCursor });
    },
  );

  app.get(
    '/v1/agreements/:id',
    {
      onRequest: app.authorize({ scope: 'registry:read' }),
      schema: {
        operationId: 'getAgreement',
        summary: 'Get a framework agreement with its supplier parties',
        description:
          'One framework agreement (ramavtal) with the organisation numbers of its supplier parties. Any organisation may call it, with the `registry:read` scope.',
        tags: ['agreements'],
        security: bearer,
        params: agreementIdParams,
        response: { 200: agreementSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => toAgreementResponse(await agreements.get(request.params.id)),
  );
};
