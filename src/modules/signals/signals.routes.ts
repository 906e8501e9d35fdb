import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { bearer } from '../../lib/route.ts';
import { problems, uuidParams } from '../../lib/schemas.ts';
import { principalOf } from '../../plugins/auth.ts';
import { memberKinds } from '../suppliers/suppliers.routes.ts';
import {
  amendSignalBody,
  createSignalBody,
  reasonBody,
  signalList,
  signalListQuery,
  signalSchema,
  signalVersionList,
  toSignalResponse,
} from './signals.schemas.ts';
import type { SignalService } from './signals.service.ts';

export const signalRoutes: FastifyPluginAsyncZod<{ signals: SignalService }> = async (app, { signals }) => {
  const write = app.authorize({ scope: 'signals:write', kinds: memberKinds });
  const read = app.authorize({ scope: 'registry:read' });

  app.post(
    '/v1/signals',
    {
      onRequest: write,
      schema: {
        operationId: 'createSignal',
        summary: 'Post a signal about a supplier',
        description: 'Deviations need severity and category. A purchasing centre’s call-off stop names one of its agreements.',
        tags: ['signals'],
        security: bearer,
        body: createSignalBody,
        response: { 201: signalSchema, ...problems(400, 401, 403, 413, 422) },
      },
    },
    async (request, reply) => {
      const signal = await signals.create(principalOf(request), request.body);
      request.log.info({ signalId: signal.id, type: signal.type }, 'signal created');
      return reply.code(201).header('location', `/v1/signals/${signal.id}`).send(toSignalResponse(signal));
    },
  );

  app.get(
    '/v1/signals',
    {
      onRequest: read,
      schema: {
        operationId: 'listSignals',
        summary: 'List the signals you may see, newest first',
        tags: ['signals'],
        security: bearer,
        querystring: signalListQuery,
        response: { 200: signalList, ...problems(400, 401, 403) },
      },
    },
    async (request) => {
      const page = await signals.list(principalOf(request), request.query);
      return { items: page.items.map(toSignalResponse), nextCursor: page.nextCursor };
    },
  );

  app.get(
    '/v1/signals/:id',
    {
      onRequest: read,
      schema: {
        operationId: 'getSignal',
        summary: 'Get one signal',
        tags: ['signals'],
        security: bearer,
        params: uuidParams,
        response: { 200: signalSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => toSignalResponse(await signals.get(principalOf(request), request.params.id)),
  );

  app.get(
    '/v1/signals/:id/versions',
    {
      onRequest: read,
      schema: {
        operationId: 'listSignalVersions',
        summary: 'The version history of a signal, oldest first',
        tags: ['signals'],
        security: bearer,
        params: uuidParams,
        response: { 200: signalVersionList, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => ({ items: await signals.versions(principalOf(request), request.params.id) }),
  );

  app.patch(
    '/v1/signals/:id',
    {
      onRequest: write,
      schema: {
        operationId: 'amendSignal',
        summary: 'Amend your own signal (creates a new version)',
        tags: ['signals'],
        security: bearer,
        params: uuidParams,
        body: amendSignalBody,
        response: { 200: signalSchema, ...problems(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request) => toSignalResponse(await signals.amend(principalOf(request), request.params.id, request.body)),
  );

  app.post(
    '/v1/signals/:id/lift',
    {
      onRequest: write,
      schema: {
        operationId: 'liftSignal',
        summary: 'Lift your own call-off stop',
        tags: ['signals'],
        security: bearer,
        params: uuidParams,
        body: reasonBody,
        response: { 200: signalSchema, ...problems(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request) => toSignalResponse(await signals.lift(principalOf(request), request.params.id, request.body.reason)),
  );

  app.post(
    '/v1/signals/:id/retract',
    {
      onRequest: write,
      schema: {
        operationId: 'retractSignal',
        summary: 'Retract your own signal (it stays in the history)',
        tags: ['signals'],
        security: bearer,
        params: uuidParams,
        body: reasonBody,
        response: { 200: signalSchema, ...problems(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request) => toSignalResponse(await signals.retract(principalOf(request), request.params.id, request.body.reason)),
  );
};
