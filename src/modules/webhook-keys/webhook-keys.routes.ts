import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { bearer } from '../../lib/route.ts';
import { locationHeader, problems, withHeaders } from '../../lib/schemas.ts';
import { principalOf } from '../../plugins/auth.ts';
import { rotatedWebhookKeySchema, rotateWebhookKeyBody, webhookKeySetSchema } from './webhook-keys.schemas.ts';
import type { WebhookKeyService } from './webhook-keys.service.ts';

// Receivers may cache the document this long; a new key is published WEBHOOK_KEY_LEAD_TIME
// (5 minutes by default) before it signs, so a cached copy knows it by then.
const CACHE_SECONDS = 60;

export const webhookKeyRoutes: FastifyPluginAsyncZod<{ webhookKeys: WebhookKeyService }> = async (app, { webhookKeys }) => {
  app.get(
    '/.well-known/webhook-keys',
    {
      schema: {
        tags: ['webhook-keys'],
        operationId: 'getWebhookKeys',
        summary: 'The registry’s public webhook keys (v1a), current and retired',
        description:
          'Every Ed25519 key the registry signs (or has signed) `v1a` webhook signatures with, as a JWK Set with the Standard Webhooks `whpk_` form and each key’s validity. A delivery’s `webhook-key-id` header names the key of each `v1a` signature. Keys are never removed, so a delivery kept as evidence can be checked against this document years later. Needs no token: receivers and third parties who check evidence have none.',
        response: { 200: webhookKeySetSchema, ...problems(503) },
      },
    },
    async (_request, reply) => {
      reply.header('cache-control', `public, max-age=${CACHE_SECONDS}`);
      return { keys: await webhookKeys.published() };
    },
  );

  app.post(
    '/v1/webhook-keys/rotate',
    {
      onRequest: app.authorize({ scope: 'admin', kinds: ['operator'] }),
      config: { location: () => '/.well-known/webhook-keys' },
      schema: {
        tags: ['webhook-keys'],
        security: bearer,
        operationId: 'rotateWebhookKey',
        summary: 'Rotate the webhook signing key (operator only)',
        description:
          'Makes a new Ed25519 webhook key. It is published at once and signs from `validFrom` (WEBHOOK_KEY_LEAD_TIME later, 5 minutes by default, so receivers and every worker know it first); the current key is retired then, keeps signing beside it for `overlapHours`, and stays published for good. Deliveries, retries, redeliveries and replays are signed with the keys current when each attempt is made. 409 `webhook_keys.rotation_pending` while the previous rotation’s key has not started. Only the operator organisation may call it, with the `admin` scope. Audited with the reason.',
        body: rotateWebhookKeyBody,
        response: { 201: withHeaders(rotatedWebhookKeySchema, 'The new key and the one it replaces.', locationHeader('published key set')), ...problems(400, 401, 403, 409, 422) },
      },
    },
    async (request, reply) => reply.code(201).send(await webhookKeys.rotate(principalOf(request), request.body)),
  );
};
