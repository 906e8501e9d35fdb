import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { bearer } from '../../lib/route.ts';
import { problems } from '../../lib/schemas.ts';
import { principalOf } from '../../plugins/auth.ts';
import {
  changeFederationBody,
  federationChangeSchema,
  federationMembersSchema,
  membershipHistorySchema,
  periodOf,
} from './organisations.memberships.schemas.ts';
import type { MembershipService } from './organisations.memberships.service.ts';
import { organisationIdParams } from './organisations.schemas.ts';

export const membershipRoutes: FastifyPluginAsyncZod<{ memberships: MembershipService }> = async (app, { memberships }) => {
  app.post(
    '/v1/organisations/:id/federation',
    {
      onRequest: app.authorize({ scope: 'admin', kinds: ['operator'] }),
      schema: {
        operationId: 'changeFederation',
        summary: 'Change a municipality’s federation (operator only)',
        description:
          'Joins a municipality to a federation (kommunförbund), moves it to another, or — with `federationId: null` — takes it out of its federation, with a reason. The current period ends and the next begins at the same moment (GET /v1/organisations/{id}/federation-history), the organisation’s `federationId` changes in the same transaction, and from the next request on every rule that reads the caller’s federation uses the new one: a stop from the federation it left no longer blocks it, one from the federation it joined does, and subscriptions filtered by whom a signal affects follow the membership. Status answers as of an earlier moment use the federation it belonged to then. Only the operator organisation may call it, with the `admin` scope (403 otherwise, also for the municipality itself). An unknown organisation answers 404; an organisation that is not a municipality 422 `organisations.not_municipality`; a `federationId` that is not a federation 422 `organisations.federation_not_found`; the federation it already has (or none, when it has none) 409 `organisations.federation_unchanged`, recording nothing. Audited with the reason (`organisation.federation_changed`).',
        tags: ['organisations'],
        security: bearer,
        params: organisationIdParams,
        body: changeFederationBody,
        response: { 200: federationChangeSchema, ...problems(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request) => {
      const { organisation, ended, began } = await memberships.change(principalOf(request), request.params.id, request.body);
      return { organisation, ended: ended && periodOf(ended), began: began && periodOf(began) };
    },
  );

  app.get(
    '/v1/organisations/:id/federation-history',
    {
      onRequest: app.authorize({ scope: 'registry:read' }),
      schema: {
        operationId: 'getFederationHistory',
        summary: 'The federations a municipality has belonged to',
        description:
          'Every period the municipality belonged to a federation, oldest first, with when it began and ended, who changed it and why; a period from before the history was kept begins at the municipality’s registration. Read, with the `registry:read` scope, by the operator, auditors, the municipality itself and every federation it belongs or belonged to; any other organisation gets 403 `organisations.membership_history_forbidden` (which federation a municipality belongs to now is public in GET /v1/organisations; the reasons and who made the changes are not). An unknown organisation answers 404, an organisation that is not a municipality 422 `organisations.not_municipality`.',
        tags: ['organisations'],
        security: bearer,
        params: organisationIdParams,
        response: { 200: membershipHistorySchema, ...problems(400, 401, 403, 404, 422) },
      },
    },
    async (request) => {
      const history = await memberships.history(principalOf(request), request.params.id);
      return { ...history, items: history.items.map(periodOf) };
    },
  );

  app.get(
    '/v1/organisations/:id/members',
    {
      onRequest: app.authorize({ scope: 'registry:read' }),
      schema: {
        operationId: 'listFederationMembers',
        summary: 'A federation’s current members',
        description:
          'The municipalities that belong to the federation now, by id, each with when its current period began, who made the change and why. Read, with the `registry:read` scope, by the federation itself, the operator and auditors; any other organisation — another federation or one of the members included — gets 403 `organisations.members_forbidden` (the organisation is public, so its existence is not hidden). An unknown organisation answers 404, an organisation that is not a federation 422 `organisations.not_federation`.',
        tags: ['organisations'],
        security: bearer,
        params: organisationIdParams,
        response: { 200: federationMembersSchema, ...problems(400, 401, 403, 404, 422) },
      },
    },
    async (request) => memberships.members(principalOf(request), request.params.id),
  );
};
