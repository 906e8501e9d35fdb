import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { bearer } from '../../lib/route.ts';
import { principalOf } from '../../plugins/auth.ts';
import { problems } from '../../lib/schemas.ts';
import {
  createOrganisationBody,
  organisationIdParams,
  organisationList,
  organisationSchema,
} from './organisations.schemas.ts';
import type { OrganisationService } from './organisations.service.ts';

export const organisationRoutes: FastifyPluginAsyncZod<{ organisations: OrganisationService }> = async (app, { organisations }) => {
  app.post(
    '/v1/organisations',
    {
      onRequest: app.authorize({ scope: 'admin', kinds: ['operator'] }),
      schema: {
        operationId: 'createOrganisation',
        summary: 'Register an organisation (operator only)',
        description:
          'Adds a municipality (kommun), purchasing centre (inköpscentral), federation (kommunförbund) or auditor that may then call the API with its own tokens. Only the operator organisation may call it, with the `admin` scope; a municipality needs its kommunkod and may name its federation.',
        tags: ['organisations'],
        security: bearer,
        body: createOrganisationBody,
        response: { 201: organisationSchema, ...problems(400, 401, 403, 409, 422) },
      },
    },
    async (request, reply) => reply.code(201).send(await organisations.create(principalOf(request), request.body)),
  );

  app.get(
    '/v1/organisations',
    {
      onRequest: app.authorize({ scope: 'registry:read' }),
      schema: {
        operationId: 'listOrganisations',
        summary: 'List organisations',
        description:
          'Every organisation registered in the registry, with its kind. Any organisation may call it, with the `registry:read` scope.',
        tags: ['organisations'],
        security: bearer,
        response: { 200: organisationList, ...problems(401, 403) },
      },
    },
    async () => ({ items: await organisations.list() }),
  );

  app.get(
    '/v1/organisations/:id',
    {
      onRequest: app.authorize({ scope: 'registry:read' }),
      schema: {
        operationId: 'getOrganisation',
        summary: 'Get one organisation',
        description:
          'One organisation by its id. Any organisation may call it, with the `registry:read` scope.',
        tags: ['organisations'],
        security: bearer,
        params: organisationIdParams,
        response: { 200: organisationSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => organisations.get(request.params.id),
  );
};
