import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { bearer } from '../../lib/route.ts';
import { problems, uuidParams } from '../../lib/schemas.ts';
import { principalOf } from '../../plugins/auth.ts';
import {
  deliveryList,
  deliveryListQuery,
  deliveryWithAttemptsSchema,
  redeliverResult,
  replayBody,
  replayResult,
  toDeliveryResponse,
} from './deliveries.schemas.ts';
import type { DeliveryService } from './deliveries.service.ts';
import { sendPage } from '../../lib/cursor.ts';

export const deliveryRoutes: FastifyPluginAsyncZod<{ deliveries: DeliveryService }> = async (app, { deliveries }) => {
  const manage = app.authorize({ scope: 'subscriptions:manage' });
  const common = { tags: ['deliveries'], security: bearer };

  app.get(
    '/v1/subscriptions/:id/deliveries',
    {
      onRequest: manage,
      schema: {
        ...common,
        operationId: 'listDeliveries',
        summary: 'The delivery log of one of your subscriptions, newest first',
        description:
          'Every delivery made to one of your subscriptions, newest first, filtered by status and cursor-paged. Any organisation may call it for its own subscriptions, with the `subscriptions:manage` scope.',
        params: uuidParams,
        querystring: deliveryListQuery,
        response: { 200: deliveryList, ...problems(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const page = await deliveries.list(principalOf(request), request.params.id, request.query);
      return sendPage(request, reply, { items: page.items.map(toDeliveryResponse), nextCursor: page.nextCursor });
    },
  );

  app.get(
    '/v1/deliveries/:id',
    {
      onRequest: manage,
      schema: {
        ...common,
        operationId: 'getDelivery',
        summary: 'One delivery with every attempt: status code, duration, error, next attempt',
        description:
          'One delivery to one of your subscriptions with its attempt log: when each attempt started, what the endpoint answered, how long it took and when the next attempt is due. Any organisation may call it for its own subscriptions, with the `subscriptions:manage` scope.',
        params: uuidParams,
        response: { 200: deliveryWithAttemptsSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const found = await deliveries.get(principalOf(request), request.params.id);
      return { ...toDeliveryResponse(found), attemptLog: found.attempts };
    },
  );

  app.post(
    '/v1/deliveries/:id/redeliver',
    {
      onRequest: manage,
      schema: {
        ...common,
        operationId: 'redeliver',
        summary: 'Send one delivery again',
        description:
          'Queues one more attempt of a delivery now, with the same webhook-id, for example after fixing the endpoint. Any organisation may call it for its own active subscriptions, with the `subscriptions:manage` scope.',
        params: uuidParams,
        response: { 202: redeliverResult, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => reply.code(202).send(await deliveries.redeliver(principalOf(request), request.params.id)),
  );

  app.post(
    '/v1/subscriptions/:id/replay',
    {
      onRequest: manage,
      schema: {
        ...common,
        operationId: 'replaySubscription',
        summary: 'Resend everything since a time, after an outage',
        description:
          'Queues a new delivery of every event since the given time that matches the subscription’s filters, for example after an outage; `truncated` says when to replay again from the last one. Any organisation may call it for its own active subscriptions, with the `subscriptions:manage` scope.',
        params: uuidParams,
        body: replayBody,
        response: { 202: replayResult, ...problems(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) =>
      reply.code(202).send(await deliveries.replay(principalOf(request), request.params.id, new Date(request.body.since))),
  );
};
