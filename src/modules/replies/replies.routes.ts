import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sendPage } from '../../lib/cursor.ts';
import { bearer } from '../../lib/route.ts';
import { locationHeader, orgNumberSchema, problems, uuidParams, withHeaders } from '../../lib/schemas.ts';
import { principalOf } from '../../plugins/auth.ts';
import { organisationIdParams } from '../organisations/organisations.schemas.ts';
import {
  createRepresentationBody,
  createReplyBody,
  endRepresentationBody,
  replyList,
  replySchema,
  representationList,
  representationListQuery,
  representationSchema,
  toReplyResponse,
  toRepresentationResponse,
} from './replies.schemas.ts';
import type { ReplyService } from './replies.service.ts';

const representationParams = organisationIdParams.extend({ orgNumber: orgNumberSchema }).strict();

export const replyRoutes: FastifyPluginAsyncZod<{ replies: ReplyService }> = async (app, { replies }) => {
  const operator = app.authorize({ scope: 'admin', kinds: ['operator'] });

  app.post(
    '/v1/signals/:id/replies',
    {
      onRequest: app.authorize({ scope: 'signals:write', kinds: ['supplier'] }),
      config: { location: (_body, request) => `/v1/signals/${(request.params as { id: string }).id}/replies` },
      schema: {
        operationId: 'replyToSignal',
        summary: 'Reply to a signal about your organisation (a supplier organisation only)',
        description:
          'The supplier the signal is about gives its account, and may dispute the signal (`disputed: true`). Each call is a new version of the reply (1, 2, …); the newest is the one in force. The reply changes no status; it travels with the signal — in GET /v1/signals/{id} and lists, in the status reasons of everyone the signal decides for, in the supplier’s history — and a `signal.replied` event announces it to the subscribers who may read the signal. Only a supplier organisation may call it, with the `signals:write` scope, on a members-visible signal about an organisation number the operator linked it to; any other signal answers 404 `signals.not_found` (restricted, retracted, another supplier’s, or no such signal). A personnummer in the text answers 422 `input.personal_data`. Audited.',
        tags: ['signals'],
        security: bearer,
        params: uuidParams,
        body: createReplyBody,
        response: { 201: withHeaders(replySchema, 'The new version of your reply, now in force.', locationHeader('reply')), ...problems(400, 401, 403, 404, 413, 422) },
      },
    },
    async (request, reply) => {
      const row = await replies.reply(principalOf(request), request.params.id, request.body);
      return reply.code(201).send(toReplyResponse(row));
    },
  );

  app.get(
    '/v1/signals/:id/replies',
    {
      onRequest: app.authorize({ scope: 'registry:read', suppliers: true }),
      schema: {
        operationId: 'listSignalReplies',
        summary: 'Every version of the supplier’s reply to a signal',
        description:
          'The supplier’s reply to the signal, every version oldest first (the newest is in force and is shown on the signal as `reply`). Whoever may read the signal may call it, with the `registry:read` scope: any organisation for a members-visible signal, the issuer, a tip’s recipient and auditors for a restricted one, and the supplier organisation for the signals about its own numbers; any other signal answers 404 `signals.not_found`.',
        tags: ['signals'],
        security: bearer,
        params: uuidParams,
        response: { 200: replyList, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => ({ items: (await replies.replies(principalOf(request), request.params.id)).map(toReplyResponse) }),
  );

  app.post(
    '/v1/organisations/:id/represented-numbers',
    {
      onRequest: operator,
      config: { location: (body) => `/v1/organisations/${String(body.supplierOrgId)}/represented-numbers` },
      schema: {
        operationId: 'addRepresentedNumber',
        summary: 'Let a supplier organisation answer for an organisation number (operator only)',
        description:
          'From now the supplier organisation reads the members-visible signals about this registered supplier and may reply to them (README, "The supplier’s reply"); its tokens pick the change up on their next request. One organisation answers for a number at a time. Only the operator organisation may call it, with the `admin` scope. An unknown organisation answers 404 `organisations.not_found`, one that is not of kind supplier 422 `representations.not_a_supplier`, an unregistered number 422 `representations.unknown_supplier`, and a number another organisation answers for 409 `representations.taken`. Audited with the reason.',
        tags: ['organisations'],
        security: bearer,
        params: organisationIdParams,
        body: createRepresentationBody,
        response: { 201: withHeaders(representationSchema, 'The representation, from now in force.', locationHeader('representation (in the organisation’s list)')), ...problems(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) => reply.code(201).send(toRepresentationResponse(await replies.represent(principalOf(request), request.params.id, request.body))),
  );

  app.post(
    '/v1/organisations/:id/represented-numbers/:orgNumber/end',
    {
      onRequest: operator,
      schema: {
        operationId: 'endRepresentedNumber',
        summary: 'End a supplier organisation’s answering for an organisation number (operator only)',
        description:
          'From the next request on, the supplier organisation no longer reads the signals about the number nor replies to them; its replies stay with the signals. Only the operator organisation may call it, with the `admin` scope. An unknown organisation answers 404 `organisations.not_found`, one that is not of kind supplier 422 `representations.not_a_supplier`, and a number it does not answer for now 404 `representations.not_found`. Audited with the reason.',
        tags: ['organisations'],
        security: bearer,
        params: representationParams,
        body: endRepresentationBody,
        response: { 200: representationSchema, ...problems(400, 401, 403, 404, 422) },
      },
    },
    async (request) =>
      toRepresentationResponse(await replies.endRepresentation(principalOf(request), request.params.id, request.params.orgNumber, request.body.reason)),
  );

  app.get(
    '/v1/organisations/:id/represented-numbers',
    {
      onRequest: app.authorize({ scope: 'registry:read', kinds: ['operator', 'auditor', 'supplier'] }),
      schema: {
        operationId: 'listRepresentedNumbers',
        summary: 'The organisation numbers a supplier organisation answers for, and did',
        description:
          'Every organisation number the supplier organisation was linked to, oldest first, ended ones included, cursor-paged (README, "Paging": `cursor` and `limit` in, `nextCursor` out, null on the last page, and a `Link: rel="next"` header; a cursor this service did not issue answers 400 input.invalid_cursor). The operator and auditors may call it for any supplier organisation, a supplier organisation for itself (another’s answers 403 `representations.not_yours`), with the `registry:read` scope; other kinds get 403. An unknown organisation answers 404 `organisations.not_found`, one that is not of kind supplier 422 `representations.not_a_supplier`.',
        tags: ['organisations'],
        security: bearer,
        params: organisationIdParams,
        querystring: representationListQuery,
        response: { 200: representationList, ...problems(400, 401, 403, 404, 422) },
      },
    },
    async (request, reply) => {
      const page = await replies.representations(principalOf(request), request.params.id, request.query);
      return sendPage(request, reply, { items: page.items.map(toRepresentationResponse), nextCursor: page.nextCursor });
    },
  );
};

