import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sendPage } from '../../lib/cursor.ts';
import { bearer } from '../../lib/route.ts';
import { principalOf } from '../../plugins/auth.ts';
import { locationHeader, problems, withHeaders } from '../../lib/schemas.ts';
import {
  createOrganisationBody,
  organisationIdParams,
  organisationList,
  organisationListQuery,
  organisationSchema,
  revokeClientBody,
  revokedClientList,
  revokedClientSchema,
  suspensionBody,
} from './organisations.schemas.ts';
import type { OrganisationService } from './organisations.service.ts';

export const organisationRoutes: FastifyPluginAsyncZod<{ organisations: OrganisationService }> = async (app, { organisations }) => {
  const operator = app.authorize({ scope: 'admin', kinds: ['operator'] });

  app.post(
    '/v1/organisations',
    {
      onRequest: app.authorize({ scope: 'admin', kinds: ['operator'] }),
      config: { location: (body) => `/v1/organisations/${String(body.id)}` },
      schema: {
        operationId: 'createOrganisation',
        summary: 'Register an organisation (operator only)',
        description:
          'Adds a municipality (kommun), purchasing centre (inköpscentral), federation (kommunförbund), auditor or supplier organisation (which the operator then links to the organisation numbers it answers for, POST /v1/organisations/{id}/represented-numbers) that may then call the API with its own tokens. Only the operator organisation may call it, with the `admin` scope; a municipality needs its kommunkod, which no other organisation may have (409 `organisations.municipality_code_taken`), and may name its federation (422 `organisations.federation_not_found` when that is not a federation), which begins its membership history; the operator changes it later with POST /v1/organisations/{id}/federation.',
        tags: ['organisations'],
        security: bearer,
        body: createOrganisationBody,
        response: { 201: withHeaders(organisationSchema, 'The organisation as registered.', locationHeader('organisation')), ...problems(400, 401, 403, 409, 422) },
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
          'Every organisation registered in the registry, with its kind, by id, cursor-paged (README, "Paging": `cursor` and `limit` in, `nextCursor` out, null on the last page, and a `Link: rel="next"` header). Any organisation may call it, with the `registry:read` scope; a cursor this service did not issue answers 400 input.invalid_cursor.',
        tags: ['organisations'],
        security: bearer,
        querystring: organisationListQuery,
        response: { 200: organisationList, ...problems(400, 401, 403) },
      },
    },
    async (request, reply) => sendPage(request, reply, await organisations.list(request.query)),
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

  app.post(
    '/v1/organisations/:id/suspend',
    {
      onRequest: operator,
      schema: {
        operationId: 'suspendOrganisation',
        summary: 'Suspend an organisation (operator only)',
        description:
          'From the moment this answers, every token of the organisation is refused with 403 `auth.organisation_suspended`, on every API replica, and its subscriptions receive nothing: events while it is suspended are not delivered to it (it can read them from `GET /v1/events` after it is resumed). Its signals keep deciding statuses. Only the operator organisation may call it, with the `admin` scope; the operator itself cannot be suspended (422). Already suspended: 409. Audited with the reason.',
        tags: ['organisations'],
        security: bearer,
        params: organisationIdParams,
        body: suspensionBody,
        response: { 200: organisationSchema, ...problems(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request) => organisations.suspend(principalOf(request), request.params.id, request.body.reason),
  );

  app.post(
    '/v1/organisations/:id/resume',
    {
      onRequest: operator,
      schema: {
        operationId: 'resumeOrganisation',
        summary: 'Resume a suspended organisation (operator only)',
        description:
          'Ends a suspension: the organisation’s tokens are accepted again (revoked clients stay revoked) and its active subscriptions receive new events again. Only the operator organisation may call it, with the `admin` scope. Not suspended: 409. Audited with the reason.',
        tags: ['organisations'],
        security: bearer,
        params: organisationIdParams,
        body: suspensionBody,
        response: { 200: organisationSchema, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request) => organisations.resume(principalOf(request), request.params.id, request.body.reason),
  );

  app.post(
    '/v1/organisations/:id/revoked-clients',
    {
      onRequest: operator,
      config: { location: (body) => `/v1/organisations/${String(body.orgId)}/revoked-clients` },
      schema: {
        operationId: 'revokeClient',
        summary: 'Revoke one API client of an organisation (operator only)',
        description:
          'From the moment this answers, every token with this `sub` for this organisation is refused with 401 `auth.client_revoked`, on every API replica, whatever its `exp`; the organisation’s other clients are not affected. A revocation is final: the client gets a new id from its identity provider. 201 when revoked now, 200 with the earlier revocation when it already was. Only the operator organisation may call it, with the `admin` scope. Audited with the reason.',
        tags: ['organisations'],
        security: bearer,
        params: organisationIdParams,
        body: revokeClientBody,
        response: { 201: withHeaders(revokedClientSchema, 'The revocation, made now.', locationHeader('revocation (in the organisation’s list)')), 200: revokedClientSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const { created, revoked } = await organisations.revokeClient(principalOf(request), request.params.id, request.body);
      return reply.code(created ? 201 : 200).send(revoked);
    },
  );

  app.get(
    '/v1/organisations/:id/revoked-clients',
    {
      onRequest: operator,
      schema: {
        operationId: 'listRevokedClients',
        summary: 'The organisation’s revoked API clients (operator only)',
        description: 'Every client of the organisation the operator has revoked, oldest first. Only the operator organisation may call it, with the `admin` scope.',
        tags: ['organisations'],
        security: bearer,
        params: organisationIdParams,
        response: { 200: revokedClientList, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => ({ items: await organisations.revokedClients(request.params.id) }),
  );
};
