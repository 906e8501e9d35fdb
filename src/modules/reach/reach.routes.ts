import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { bearer } from '../../lib/route.ts';
import { problems, uuidParams } from '../../lib/schemas.ts';
import { principalOf } from '../../plugins/auth.ts';
import { READ_COSTS } from '../../plugins/rate-limit.ts';
import { signalReachSchema } from './reach.schemas.ts';
import type { ReachService } from './reach.service.ts';

export const reachRoutes: FastifyPluginAsyncZod<{ reach: ReachService }> = async (app, { reach }) => {
  app.get(
    '/v1/signals/:id/reach',
    {
      onRequest: app.authorize({ scope: 'registry:read' }),
      config: { readCost: READ_COSTS.reach },
      schema: {
        operationId: 'getSignalReach',
        summary: 'Whom your signal reached: delivered, pending, failing or no subscription, per organisation',
        description:
          'For the signal’s latest event, each municipality, federation and purchasing centre except the issuer, with whether the event was delivered to one of its webhook endpoints (and when), is pending, is failing (since when, the last error), was not sent (subscribed after the event went out) or no active subscription of it matches; with counts per state. Only the issuing organisation and auditors may call it, with the `registry:read` scope; for anyone else the signal is a 404 like an unknown id.',
        tags: ['signals'],
        security: bearer,
        params: uuidParams,
        response: { 200: signalReachSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => reach.of(principalOf(request), request.params.id),
  );
};
