import { type KeyObject, randomUUID } from 'node:crypto';
import Fastify, { type FastifyBaseLogger, type FastifyInstance } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Config } from './config.ts';
import type { Database } from './db/client.ts';
import { authPlugin } from './plugins/auth.ts';
import { errorsPlugin, frameworkErrors } from './plugins/errors.ts';
import { idempotencyPlugin } from './plugins/idempotency.ts';
import { resourceHeadersPlugin } from './plugins/resource-headers.ts';
import { registerJsonBodyParser } from './plugins/json-body.ts';
import { rateLimitPlugin } from './plugins/rate-limit.ts';
import { securityHeadersPlugin } from './plugins/security-headers.ts';
import { createFlowLimiter } from './lib/flow-limiter.ts';
import { containsPersonalIdentityNumber } from './lib/identity-numbers.ts';
import { createIdempotencyRepository } from './modules/idempotency/idempotency.repository.ts';
import { createSecretSealer } from './modules/idempotency/idempotency.seal.ts';
import { type HealthChecks, healthRoutes } from './plugins/health.ts';
import { problemPageRoutes } from './plugins/problem-pages.ts';
import { strictQueryPlugin } from './plugins/strict-query.ts';
import { connectionOptions, guardConnections } from './plugins/connections.ts';
import { openApiPlugin } from './plugins/openapi.ts';
import { createServices } from './services.ts';
import { agreementRoutes } from './modules/agreements/agreements.routes.ts';
import { loadSigningKey } from './modules/audit/audit.chain.ts';
import { auditRoutes } from './modules/audit/audit.routes.ts';
import { auditTreeRoutes } from './modules/audit/audit.tree.routes.ts';
import { uuidv7 } from './lib/ids.ts';
import { deliveryRoutes } from './modules/deliveries/deliveries.routes.ts';
import { createWebhookSender } from './modules/deliveries/deliveries.sender.ts';
import type { Requeue } from './modules/deliveries/deliveries.service.ts';
import { eventRoutes } from './modules/events/events.routes.ts';
import { subscriptionRoutes } from './modules/subscriptions/subscriptions.routes.ts';
import { createProcessKeyring } from './modules/webhook-keys/webhook-keys.keyring.ts';
import { createWebhookKeyRepository } from './modules/webhook-keys/webhook-keys.repository.ts';
import { webhookKeyRoutes } from './modules/webhook-keys/webhook-keys.routes.ts';
import { createReachRepository } from './modules/reach/reach.repository.ts';
import { reachRoutes } from './modules/reach/reach.routes.ts';
import { createReachService } from './modules/reach/reach.service.ts';
import type { createResendRequeue } from './queue/delivery-queue.ts';
import { createRedis } from './queue/queues.ts';
import { organisationRoutes } from './modules/organisations/organisations.routes.ts';
import { membershipRoutes } from './modules/organisations/organisations.memberships.routes.ts';
import { signalRoutes } from './modules/signals/signals.routes.ts';
import { followUpRoutes } from './modules/followups/followups.routes.ts';
import { statusRoutes } from './modules/status/status.routes.ts';
import { receiptRoutes } from './modules/receipts/receipts.routes.ts';
import { supplierRoutes } from './modules/suppliers/suppliers.routes.ts';
import { linkRoutes } from './modules/links/links.routes.ts';
import { replyRoutes } from './modules/replies/replies.routes.ts';

export interface AppDeps {
  config: Config;
  database: Database;
  /** The process logger; none in tests. */
  logger?: FastifyBaseLogger;
  /** Wakes deliveries made due by the API; from the in-process workers when they run here. */
  requeue?: Requeue;
  /** More readiness checks for /readyz, after the database and Redis (the embedded demo's). */
  readiness?: HealthChecks;
  /** The audit signing key, when the caller loaded it for in-process workers too; otherwise AUDIT_SIGNING_KEY. */
  signingKey?: KeyObject;
}

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** Builds the API: shared plugins first, then module routes. Never listens. */
export async function buildApp({ config, database, logger, requeue: injectedRequeue, readiness, signingKey: givenKey }: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    ...(logger ? { loggerInstance: logger } : { logger: false }),
    bodyLimit: config.BODY_LIMIT_BYTES,
    ...connectionOptions(config),
    // Case systems pass their own correlation id; anything odd gets a fresh one. The id is
    // kept in the audit chain, which is never pruned, so one that reads as a personnummer
    // (a case system using the child's number as its key) is odd too (design.md invariant 4).
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) && !containsPersonalIdentityNumber(given) ? given : randomUUID();
    },
    requestIdHeader: false,
    ajv: { customOptions: { coerceTypes: false } },
    // Malformed URLs and overlong path parameters answer problem+json too (see errors.ts).
    frameworkErrors,
  });
  // Slow senders are cut by deadlines and one address cannot hold every socket (see connections.ts).
  guardConnections(app.server, config);
  // The API speaks JSON only. Fastify parses text/plain by default, so a text body
  // reached validation and answered 400 "expected object" instead of 415.
  app.removeContentTypeParser('text/plain');
  // A string that is not well-formed Unicode is refused before validation (json-body.ts).
  registerJsonBodyParser(app, config.BODY_LIMIT_BYTES);
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  // The API only wakes the resend lane (redelivery, replay); without Redis the worker's sweep does.
  const redis = config.REDIS_URL ? createRedis(config.REDIS_URL, 'producer', app.log) : null;
  // BullMQ is loaded, and the queue made, at the first wake-up: most API processes never
  // send one, and BullMQ is the largest thing the API would otherwise load (docs/performance.md).
  let resend: Promise<ReturnType<typeof createResendRequeue>> | null = null;
  const requeue: Requeue =
    injectedRequeue ??
    (async () => {
      if (!redis) return;
      resend ??= import('./queue/delivery-queue.ts').then((m) => m.createResendRequeue(redis, config.REDIS_PREFIX, app.log));
      await (await resend).requeue();
    });
  const sender = createWebhookSender(config);
  app.addHook('onClose', async () => {
    await sender.close();
    await (await resend)?.close();
    redis?.disconnect();
  });
  const { key: signingKey, generated } = givenKey ? { key: givenKey, generated: false } : loadSigningKey(config.AUDIT_SIGNING_KEY);
  if (generated) app.log.warn('AUDIT_SIGNING_KEY is not set: signing audit checkpoints with a key generated for this process only');
  const webhookKeys = createProcessKeyring({ db: database.db, config, keys: createWebhookKeyRepository(database.db), log: app.log });
  // In the background: the API starts, and answers /readyz, while the database is still away.
  void webhookKeys.keyring.ready().catch((error: unknown) => app.log.warn({ err: error }, 'webhook signing keys not read yet; trying again when needed'));
  app.addHook('onClose', async () => webhookKeys.keyring.close());
  const flow = createFlowLimiter({ redis, prefix: config.REDIS_PREFIX, max: config.SENSITIVE_FLOW_PER_HOUR, windowMs: 3_600_000, log: app.log });
  const services = createServices({ db: database.db, config, sender, requeue, signingKey, flow, webhookKeys, log: app.log });
  const checks: HealthChecks = { database: database.ping };
  if (redis) checks.redis = async () => void (await redis.ping());
  Object.assign(checks, readiness);

  await app.register(securityHeadersPlugin);
  await app.register(errorsPlugin);
  await app.register(openApiPlugin);
  await app.register(strictQueryPlugin);
  await app.register(authPlugin, { config, findOrganisation: services.organisationRepository.findForToken, pseudonymise: services.pseudonymise });
  // The shared plugins are named and declare what they need (fastify-plugin's dependencies),
  // so fastify refuses to start when one comes before what it needs: auth needs errors, the
  // rate limit keys by auth's principal, and the idempotency claim comes after both.
  await app.register(rateLimitPlugin, { config, redis });
  await app.register(idempotencyPlugin, { keys: createIdempotencyRepository(database.db), sealer: createSecretSealer(signingKey) });
  // Location and ETag from the answer's body, so an idempotent replay carries them too.
  await app.register(resourceHeadersPlugin);

  await app.register(healthRoutes, { checks });
  await app.register(problemPageRoutes);
  await app.register(organisationRoutes, { organisations: services.organisations });
  await app.register(membershipRoutes, { memberships: services.memberships });
  await app.register(supplierRoutes, { suppliers: services.suppliers });
  await app.register(linkRoutes, { links: services.links });
  await app.register(agreementRoutes, { agreements: services.agreements });
  await app.register(signalRoutes, { signals: services.signals });
  await app.register(followUpRoutes, { followUps: services.followUps });
  await app.register(replyRoutes, { replies: services.replies });
  await app.register(statusRoutes, { status: services.status, statusAsOf: services.statusAsOf, receipts: services.receipts });
  await app.register(receiptRoutes, { receipts: services.receipts });
  await app.register(subscriptionRoutes, { subscriptions: services.subscriptions });
  await app.register(webhookKeyRoutes, { webhookKeys: services.webhookKeys });
  await app.register(deliveryRoutes, { deliveries: services.deliveries });
  await app.register(eventRoutes, { events: services.events });
  await app.register(reachRoutes, { reach: createReachService({ reach: createReachRepository(database.db) }) });
  await app.register(auditTreeRoutes, { audit: services.audit, tree: services.auditTree, lookups: services.auditTreeRepository, newId: uuidv7 });
  await app.register(auditRoutes, { audit: services.audit, signals: services.signals, followUps: services.followUps, suppliers: services.suppliers, links: services.links, newId: uuidv7 });

  return app;
}
