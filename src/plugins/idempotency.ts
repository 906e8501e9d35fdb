import type { FastifyInstance, FastifyReply, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import fp from 'fastify-plugin';
import { canonicalJson, sha256 } from '../lib/canonical-json.ts';
import type { IdempotencyRepository } from '../modules/idempotency/idempotency.repository.ts';
import { openAnswer, sealAnswer, type SecretSealer } from '../modules/idempotency/idempotency.seal.ts';
import { badRequest, conflict, forbidden, unprocessable } from '../lib/errors.ts';
import { containsPersonalIdentityNumber } from '../lib/identity-numbers.ts';
import { principalOf } from './auth.ts';

declare module 'fastify' {
  interface FastifyRequest {
    idempotencyKey: { orgId: string; key: string; sub: string } | null;
  }
}

const KEY = /^[\x21-\x7e]{1,255}$/;

/** Which methods honour Idempotency-Key; the OpenAPI document declares the header (and its answers) on the same. */
export const honoursIdempotencyKey = (method: string): boolean => method.toUpperCase() === 'POST' || method.toUpperCase() === 'PATCH';

/**
 * Whether an answer is kept under its key, to be replayed. A refusal that says "not now"
 * — 429 (a limit's window) or any 5xx (our failure) — is not: kept, it would answer the
 * same for 24 hours, and a stop retried after the window would still be refused.
 */
export const keptUnderKey = (statusCode: number): boolean => statusCode < 500 && statusCode !== 429;

/**
 * Idempotency-Key on every POST and PATCH (IETF httpapi draft): the same key with the
 * same request replays the first response; with a different request it is a 422;
 * while the first is still running, a 409. Keys belong to the caller's organisation
 * and are kept 24 hours; a 429 or 5xx answer is not kept (see keptUnderKey). Requests
 * without the header behave as before.
 *
 * The check is appended to each write route's preHandlers, so it runs after the
 * route's authorisation (onRequest) and the rate limit: a key is only ever claimed
 * by an authorised caller within its quota.
 *
 * A secret in an answer (a subscription's signing secret) is stored sealed for the
 * client (`sub`) that made the request (see idempotency.seal.ts): the store holds no
 * usable secret, and another client of the organisation retrying with the same key gets
 * a 403 idempotency.secret_withheld instead of the secret.
 */
export const idempotencyPlugin = fp(async (app: FastifyInstance, { keys, sealer }: { keys: IdempotencyRepository; sealer: SecretSealer }) => {
  app.decorateRequest('idempotencyKey', null);

  const check: preHandlerAsyncHookHandler = async (request: FastifyRequest, reply: FastifyReply) => {
    const header = request.headers['idempotency-key'];
    if (header === undefined) return;
    if (typeof header !== 'string' || !KEY.test(header)) {
      throw badRequest({ code: 'idempotency.invalid_key', detail: 'Idempotency-Key must be 1–255 visible ASCII characters.' });
    }
    // The key is stored (for 24 h), so a case system that keys its requests by the child's
    // personnummer would put one in the registry (design.md invariant 4).
    if (containsPersonalIdentityNumber(header)) {
      throw badRequest({ code: 'idempotency.personal_data', detail: 'Idempotency-Key must not carry a personnummer; use a random key such as a UUID.' });
    }
    const { org, sub } = principalOf(request);
    const orgId = org.id;
    // A route without a body schema ignores its body, so the fingerprint does too: hashing
    // an unvalidated body recursed over whatever JSON was sent, and a few thousand levels
    // of nesting overflowed the stack (a 500; found by test/fuzz.test.ts).
    const body = request.routeOptions.schema?.body ? (request.body ?? null) : null;
    const fingerprint = sha256(canonicalJson({ method: request.method, route: request.routeOptions.url, params: request.params, body }));
    const claim = await keys.claim(orgId, header, fingerprint);
    if (claim.claimed) {
      request.idempotencyKey = { orgId, key: header, sub };
      return;
    }
    const { existing } = claim;
    if (existing && existing.fingerprint !== fingerprint) {
      throw unprocessable({ code: 'idempotency.key_reused', detail: 'This Idempotency-Key was already used with a different request.' });
    }
    // A key that stayed contended through every try is not broken: the client may retry, as with a request in flight.
    if (!existing || existing.state === 'running') {
      throw conflict({ code: 'idempotency.in_progress', detail: 'A request with this Idempotency-Key is still being processed; retry shortly.' });
    }
    const answer = existing.body === null ? '' : openAnswer(sealer, existing.body, [orgId, header, sub]);
    if (answer === null) {
      throw forbidden({
        code: 'idempotency.secret_withheld',
        detail: 'The answer kept under this Idempotency-Key carries a signing secret, which is replayed only to the client that made the request. The request did take effect; rotate the secret to get a new one.',
      });
    }
    reply.header('idempotent-replayed', 'true');
    return reply
      .code(existing.statusCode ?? 200)
      .type(existing.contentType ?? 'application/json')
      .serializer((payload: unknown) => payload as string)
      .send(answer);
  };

  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    if (!methods.some(honoursIdempotencyKey)) return;
    const own = route.preHandler ? (Array.isArray(route.preHandler) ? route.preHandler : [route.preHandler]) : [];
    route.preHandler = [...own, check];
  });

  app.addHook('onSend', async (request, reply, payload) => {
    const claimed = request.idempotencyKey;
    if (!claimed) return payload;
    request.idempotencyKey = null;
    if (!keptUnderKey(reply.statusCode) || typeof payload !== 'string') {
      // Not the request's final answer: let the client retry with the same key.
      await keys.release(claimed.orgId, claimed.key);
    } else {
      const contentType = reply.getHeader('content-type');
      await keys.complete(claimed.orgId, claimed.key, {
        statusCode: reply.statusCode,
        contentType: typeof contentType === 'string' ? contentType : null,
        body: sealAnswer(sealer, payload, [claimed.orgId, claimed.key, claimed.sub]),
      });
    }
    return payload;
  });

  // A request that ends in an error before onSend (aborted connection) must not leave its key running.
  app.addHook('onResponse', async (request) => {
    const claimed = request.idempotencyKey;
    if (claimed) await keys.release(claimed.orgId, claimed.key);
  });
}, { name: 'idempotency', dependencies: ['auth', 'rate-limit'] });

