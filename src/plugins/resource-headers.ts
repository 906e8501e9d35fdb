import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { versionTag } from '../lib/preconditions.ts';

type AnswerBody = Record<string, unknown>;

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Where the resource a 201 made is read, from the answer's body: its Location. */
    location?: (body: AnswerBody, request: FastifyRequest) => string;
    /** The entity tag of the resource a 2xx answer shows, from the answer's body: its ETag. */
    etag?: (body: AnswerBody) => string;
  }
}

/**
 * Sets Location (on a 201) and ETag (on a 2xx) from the answer's body, by the functions the
 * route declares in its config. Built from the body as sent, they are the same on an idempotent
 * replay (src/plugins/idempotency.ts sends the stored body through the same hook), so the
 * store keeps no headers and a replay cannot lose one.
 */
export const resourceHeadersPlugin = fp(
  async (app: FastifyInstance) => {
    app.addHook('onSend', async (request, reply, payload) => {
      const { location, etag } = request.routeOptions.config;
      const status = reply.statusCode;
      if ((!location && !etag) || status < 200 || status >= 300 || typeof payload !== 'string') return payload;
      let body: unknown;
      try {
        body = JSON.parse(payload);
      } catch {
        return payload;
      }
      if (typeof body !== 'object' || body === null || Array.isArray(body)) return payload;
      if (location && status === 201) reply.header('location', location(body as AnswerBody, request));
      if (etag) reply.header('etag', etag(body as AnswerBody));
      return payload;
    });
  },
  { name: 'resource-headers' },
);

/** The ETag of an answer whose body carries the resource's `version` (see src/lib/preconditions.ts). */
export const etagFromVersion = (body: AnswerBody): string => versionTag(Number(body.version));
