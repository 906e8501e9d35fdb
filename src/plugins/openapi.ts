import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { jsonSchemaTransform, jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { webhookPayloads } from '../modules/events/events.schemas.ts';
import { declareAnswers } from './openapi-answers.ts';

export const openApiInfo = {
  title: 'Supplier Signal Registry',
  version: '0.1.0',
  description:
    'A shared registry where Swedish municipalities, purchasing centres and regional federations post and query ' +
    'signals about care suppliers — deviations (avvikelser), call-off stops (avropsstopp), terminations ' +
    '(uppsägning/hävning), IVO injunctions (förelägganden) — and ask whether a child may be placed with a supplier today.\n\n' +
    'Every /v1 route needs `Authorization: Bearer <JWT>`: press **Authorize** and paste a token (the embedded demo prints one ' +
    'per organisation at start-up). Errors are RFC 9457 `application/problem+json` with a stable `code`. Send ' +
    '`Idempotency-Key` on a POST or PATCH to make a retry safe.',
};

const header = (name: string, description: string, required = true) => ({ name, in: 'header' as const, required, description, schema: { type: 'string' as const } });
const signatureHeaders = [
  header('webhook-id', 'The event id: the same on every retry and redelivery; de-duplicate by it.'),
  header('webhook-timestamp', 'Unix seconds when this attempt was signed.'),
  header(
    'webhook-signature',
    'Standard Webhooks signatures over `{webhook-id}.{webhook-timestamp}.{body}`, space-separated: `v1,` + base64 HMAC-SHA256 with the subscription’s secret (two during a secret rotation); and, for a subscription with `v1aSignatures`, `v1a,` + base64 Ed25519 signature with the registry’s key (two during the overlap of a key rotation). Receivers that know only `v1` skip the `v1a` entries.',
  ),
  header(
    'webhook-key-id',
    'Only with `v1aSignatures`: the key id of each `v1a` signature, space-separated in the same order; the keys are published at /.well-known/webhook-keys. A genuine signature’s webhook-timestamp lies between the key’s `validFrom` and `signsUntil`.',
    false,
  ),
];

/**
 * The OpenAPI 3.1 `webhooks` section: what the registry POSTs to a subscription, one
 * entry per event type. The bodies are the zod schemas the payloads are built with
 * (src/modules/events/events.schemas.ts); they carry ids, so the component schemas
 * are generated with the rest and referenced here.
 */
const webhooks = Object.fromEntries(
  Object.entries(webhookPayloads).map(([type, schema]) => {
    const id = z.globalRegistry.get(schema)?.id;
    if (!id) throw new Error(`webhook payload ${type} has no schema id`);
    const description = z.globalRegistry.get(schema)?.description ?? type;
    return [
      type,
      {
        post: {
          operationId: id.charAt(0).toLowerCase() + id.slice(1),
          summary: description,
          tags: ['webhooks'],
          // The receiver authenticates the registry by the signatures in these headers, not by an HTTP scheme.
          security: [],
          parameters: signatureHeaders,
          requestBody: { required: true, content: { 'application/json': { schema: { $ref: `#/components/schemas/${id}` } } } },
          responses: { '2XX': { description: 'Received; any 2xx within 15 s counts as delivered.' } },
        },
      },
    ];
  }),
);

/**
 * fastify-type-provider-zod's transform keeps only `description` and `content` of a response
 * declared by media type; this carries its `headers` (see withHeaders in src/lib/schemas.ts)
 * through, for @fastify/swagger to declare as the response's headers.
 */
const transformWithHeaders: typeof jsonSchemaTransform = (document) => {
  const transformed = jsonSchemaTransform(document);
  const declared = document.schema?.response as Record<string, { headers?: unknown } | undefined> | undefined;
  const out = (transformed.schema as { response?: Record<string, Record<string, unknown>> }).response;
  for (const [status, response] of Object.entries(declared ?? {})) {
    if (response && typeof response === 'object' && 'headers' in response && out?.[status]) out[status].headers = response.headers;
  }
  return transformed;
};

/** The OpenAPI 3.1 document is generated from the zod route schemas; /docs serves Swagger UI over it. */
export const openApiPlugin = fp(async (app: FastifyInstance) => {
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: openApiInfo,
      tags: [
        { name: 'organisations', description: 'Municipalities, purchasing centres, federations, auditors.' },
        { name: 'suppliers', description: 'Care suppliers by organisationsnummer, with their units (verksamheter).' },
        { name: 'agreements', description: 'Framework agreements (ramavtal) and their supplier parties.' },
        { name: 'signals', description: 'Statements about suppliers, with append-only version history.' },
        { name: 'follow-ups', description: 'Checks an organisation made of a supplier (uppföljning) and their outcome; they change no status.' },
        { name: 'status', description: '"May we place a child here today?" — blocked, caution or clear.' },
        { name: 'receipts', description: 'Signed status receipts: evidence of what the registry answered, for the case file.' },
        { name: 'subscriptions', description: 'Webhook endpoints that receive signal events, signed per Standard Webhooks.' },
        { name: 'deliveries', description: 'Every attempt to deliver an event to a subscription; redelivery and replay.' },
        { name: 'events', description: 'The event feed: every signal change in sequence order.' },
        { name: 'webhooks', description: 'What the registry POSTs to your subscription endpoints, signed per Standard Webhooks.' },
        { name: 'webhook-keys', description: 'The registry’s public Ed25519 webhook keys (Standard Webhooks v1a), and their rotation.' },
        { name: 'audit', description: 'The tamper-evident audit chain, signed heads, verification and the read log.' },
        { name: 'health', description: 'Liveness and readiness.' },
      ],
      components: {
        securitySchemes: {
          bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' },
        },
      },
      webhooks,
    },
    transform: transformWithHeaders,
    // The routes' own schemas, then what the shared plugins answer on every route (openapi-answers.ts).
    transformObject: (document) => declareAnswers(liftDeprecatedParameters(jsonSchemaTransformObject(document))),
  });
  // The token pasted under Authorize survives a reload of the page (kept in the browser's localStorage).
  await app.register(fastifySwaggerUi, { routePrefix: '/docs', uiConfig: { persistAuthorization: true } });
  // A new user opens the address the server printed, without /docs.
  app.get('/', { schema: { hide: true } }, async (_request, reply) => reply.redirect('/docs', 302));
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
}, { name: 'openapi' });

/**
 * @fastify/swagger leaves a query parameter's `deprecated: true` inside its schema, where
 * tools that list parameters do not look; OpenAPI's Parameter Object carries it on the
 * parameter itself, so copy it there (the deprecated paging aliases, README "Paging").
 */
function liftDeprecatedParameters<D>(document: D): D {
  const paths = (document as { paths?: Record<string, Record<string, { parameters?: Array<{ deprecated?: boolean; schema?: { deprecated?: boolean } }> }>> }).paths ?? {};
  for (const operations of Object.values(paths)) {
    for (const operation of Object.values(operations)) {
      for (const parameter of operation.parameters ?? []) if (parameter.schema?.deprecated) parameter.deprecated = true;
    }
  }
  return document;
}
