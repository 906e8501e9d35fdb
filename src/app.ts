import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Config } from './config.ts';
import type { Database } from './db/client.ts';
import { authPlugin } from './plugins/auth.ts';
import { errorsPlugin } from './plugins/errors.ts';
import { healthRoutes } from './plugins/health.ts';
import { openApiPlugin } from './plugins/openapi.ts';
import { createServices } from './services.ts';
import { agreementRoutes } from './modules/agreements/agreements.routes.ts';
import { organisationRoutes } from './modules/organisations/organisations.routes.ts';
import { signalRoutes } from './modules/signals/signals.routes.ts';
import { statusRoutes } from './modules/status/status.routes.ts';
import { supplierRoutes } from './modules/suppliers/suppliers.routes.ts';

export interface AppDeps {
  config: Config;
  database: Database;
  logger?: FastifyServerOptions['logger'];
}

const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

/** Builds the API: shared plugins first, then module routes. Never listens. */
export async function buildApp({ config, database, logger = false }: AppDeps): Promise<FastifyInstance> {
  const app = Fastify({
    logger,
    bodyLimit: config.BODY_LIMIT_BYTES,
    // Case systems pass their own correlation id; anything odd gets a fresh one.
    genReqId: (req) => {
      const given = req.headers['x-request-id'];
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID();
    },
    requestIdHeader: false,
    ajv: { customOptions: { coerceTypes: false } },
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id);
  });

  const services = createServices(database.db);

  await app.register(errorsPlugin);
  await app.register(openApiPlugin);
  await app.register(authPlugin, { config, findOrganisation: services.organisationRepository.findById });

  await app.register(healthRoutes, { checks: { database: database.ping } });
  await app.register(organisationRoutes, { organisations: services.organisations });
  await app.register(supplierRoutes, { suppliers: services.suppliers });
  await app.register(agreementRoutes, { agreements: services.agreements });
  await app.register(signalRoutes, { signals: services.signals });
  await app.register(statusRoutes, { status: services.status });

  return app;
}
