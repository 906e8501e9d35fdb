import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { sendPage } from '../../lib/cursor.ts';
import { bearer } from '../../lib/route.ts';
import { conditionOf } from '../../lib/preconditions.ts';
import { ifMatchHeaders, locationHeader, problems, type ResponseHeaders, uuidParams, withHeaders } from '../../lib/schemas.ts';
import { principalOf } from '../../plugins/auth.ts';
import {
  createSubscriptionBody,
  pingResultSchema,
  rotatedSecretSchema,
  subscriptionList,
  subscriptionListQuery,
  subscriptionSchema,
  subscriptionWithSecretSchema,
  subscriptionTag,
  toSubscriptionResponse,
  updateSubscriptionBody,
} from './subscriptions.schemas.ts';
import type { SubscriptionService } from './subscriptions.service.ts';

const tagHeader: ResponseHeaders = {
  ETag: {
    type: 'string',
    description:
      'The subscription’s entity tag: it changes when its url, description, filters, status or v1aSignatures do (not with its delivery health). Send it back in If-Match to change the subscription only if nobody changed it since.',
  },
};
const etag = (body: Record<string, unknown>) => subscriptionTag(body as Parameters<typeof subscriptionTag>[0]);

export const subscriptionRoutes: FastifyPluginAsyncZod<{ subscriptions: SubscriptionService }> = async (app, { subscriptions }) => {
  const manage = app.authorize({ scope: 'subscriptions:manage' });
  const common = { tags: ['subscriptions'], security: bearer };

  app.post(
    '/v1/subscriptions',
    {
      onRequest: manage,
      config: { location: (body) => `/v1/subscriptions/${String(body.id)}` },
      schema: {
        ...common,
        operationId: 'createSubscription',
        summary: 'Subscribe a webhook endpoint to signal events',
        description:
          'Registers a webhook endpoint that receives the signal events the calling organisation may read, narrowed by the filters; every delivery is signed per Standard Webhooks. Any organisation may call it, with the `subscriptions:manage` scope. The answer carries the signing secret; it is not shown again (rotate it if lost).',
        body: createSubscriptionBody,
        response: { 201: withHeaders(subscriptionWithSecretSchema, 'The subscription with its signing secret, shown this once.', locationHeader('subscription')), ...problems(400, 401, 403, 409, 422) },
      },
    },
    async (request, reply) => {
      const created = await subscriptions.create(principalOf(request), request.body);
      return reply.code(201).send({ ...toSubscriptionResponse(created), secret: created.secret });
    },
  );

  app.get(
    '/v1/subscriptions',
    {
      onRequest: manage,
      schema: {
        ...common,
        operationId: 'listSubscriptions',
        summary: 'Your subscriptions',
        description:
          'The calling organisation’s own subscriptions, oldest first, cursor-paged (README, "Paging": `cursor` and `limit` in, `nextCursor` out, null on the last page, and a `Link: rel="next"` header). Any organisation may call it, with the `subscriptions:manage` scope; a cursor this service did not issue answers 400 input.invalid_cursor.',
        querystring: subscriptionListQuery,
        response: { 200: subscriptionList, ...problems(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const page = await subscriptions.list(principalOf(request), request.query);
      return sendPage(request, reply, { items: page.items.map(toSubscriptionResponse), nextCursor: page.nextCursor });
    },
  );

  app.get(
    '/v1/subscriptions/:id',
    {
      onRequest: manage,
      schema: {
        ...common,
        operationId: 'getSubscription',
        summary: 'One of your subscriptions, with why it was disabled if it was',
        description:
          'One of the calling organisation’s subscriptions, with `disabledReason` when the registry stopped delivering to it; another organisation’s is a 404. Any organisation may call it, with the `subscriptions:manage` scope.',
        params: uuidParams,
        response: { 200: withHeaders(subscriptionSchema, 'The subscription.', tagHeader), ...problems(400, 401, 403, 404) },
      },
      config: { etag },
    },
    async (request) => toSubscriptionResponse(await subscriptions.get(principalOf(request), request.params.id)),
  );

  app.patch(
    '/v1/subscriptions/:id',
    {
      onRequest: manage,
      schema: {
        ...common,
        operationId: 'updateSubscription',
        summary: 'Change the URL, description or filters; pause or resume',
        description:
          'Changes the URL, description or filters of one of your subscriptions, or pauses (`disabled`) and resumes (`active`) its deliveries. Any organisation may call it for its own subscriptions, with the `subscriptions:manage` scope. Send the ETag of GET /v1/subscriptions/{id} in If-Match to change it only if nobody changed it since: otherwise 412 `subscriptions.version_mismatch` and nothing is written; without If-Match the change is made on whatever is current.',
        params: uuidParams,
        headers: ifMatchHeaders('subscription'),
        body: updateSubscriptionBody,
        response: { 200: withHeaders(subscriptionSchema, 'The subscription as changed.', tagHeader), ...problems(400, 401, 403, 404, 412, 422) },
      },
      config: { etag },
    },
    async (request) =>
      toSubscriptionResponse(await subscriptions.update(principalOf(request), request.params.id, request.body, conditionOf(request.headers['if-match']))),
  );

  app.delete(
    '/v1/subscriptions/:id',
    {
      onRequest: manage,
      schema: {
        ...common,
        operationId: 'deleteSubscription',
        summary: 'Delete a subscription (its delivery log is kept)',
        description:
          'Stops all deliveries to one of your subscriptions; its delivery log is kept. Any organisation may call it for its own subscriptions, with the `subscriptions:manage` scope.',
        params: uuidParams,
        response: { 204: z.null().describe('Deleted'), ...problems(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      await subscriptions.remove(principalOf(request), request.params.id);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/v1/subscriptions/:id/rotate-secret',
    {
      onRequest: manage,
      schema: {
        ...common,
        operationId: 'rotateSubscriptionSecret',
        summary: 'New signing secret; the old one keeps signing beside it for 24 hours',
        description:
          'Issues a new signing secret for one of your subscriptions; deliveries carry signatures with both the old and the new secret for 24 hours, so the endpoint can switch without losing one. Any organisation may call it for its own subscriptions, with the `subscriptions:manage` scope.',
        params: uuidParams,
        response: { 200: rotatedSecretSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => subscriptions.rotateSecret(principalOf(request), request.params.id),
  );

  app.post(
    '/v1/subscriptions/:id/test',
    {
      onRequest: manage,
      schema: {
        ...common,
        operationId: 'testSubscription',
        summary: 'Send a signed ping event now and see what the endpoint answers',
        description:
          'Sends a signed `ping` event to the endpoint now and reports its status code, duration or error; nothing is retried or logged as a delivery. Any organisation may call it for its own subscriptions, with the `subscriptions:manage` scope.',
        params: uuidParams,
        response: { 200: pingResultSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => subscriptions.ping(principalOf(request), request.params.id),
  );
};
