import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { hasZodFastifySchemaValidationErrors } from 'fastify-type-provider-zod';
import { AppError, isAppError } from '../lib/errors.ts';
import { problemTypeUri } from '../lib/problem-catalogue.ts';
import { PERSONAL_DATA } from '../lib/schemas.ts';

interface FieldProblem {
  path: string;
  message: string;
}


function send(reply: FastifyReply, request: FastifyRequest, error: AppError, errors?: FieldProblem[]) {
  for (const [name, value] of Object.entries(error.headers ?? {})) reply.header(name, value);
  return reply
    .code(error.status)
    .type('application/problem+json')
    .send({
      // A page explaining the code (GET /problems/{code}), relative to the registry's origin.
      type: problemTypeUri(error.code),
      title: error.title,
      status: error.status,
      detail: error.message,
      code: error.code,
      requestId: request.id,
      instance: request.url.split('?')[0],
      ...(errors ? { errors } : {}),
      ...error.extensions,
    });
}

// Fastify's own 4xx errors, by code, mapped to stable codes of ours.
const fastifyCodes: Record<string, [number, string, string]> = {
  FST_ERR_CTP_INVALID_MEDIA_TYPE: [415, 'input.unsupported_media_type', 'Unsupported Media Type'],
  FST_ERR_CTP_BODY_TOO_LARGE: [413, 'input.too_large', 'Content Too Large'],
  FST_ERR_CTP_EMPTY_JSON_BODY: [400, 'input.malformed_json', 'Bad Request'],
  FST_ERR_CTP_INVALID_JSON_BODY: [400, 'input.malformed_json', 'Bad Request'],
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: [400, 'input.invalid_content_length', 'Bad Request'],
};

// PostgreSQL errors a client can cause by racing another client; everything else is ours.
const pgCodes: Record<string, [number, string, string]> = {
  '23505': [409, 'resource.conflict', 'The resource was changed by another request; try again.'],
  '23503': [409, 'resource.conflict', 'A referenced resource does not exist or is in use.'],
  '40001': [409, 'resource.conflict', 'Concurrent update; try again.'],
};

function fromZod(error: FastifyError): { appError: AppError; errors: FieldProblem[] } {
  const where = error.validationContext ?? 'body';
  const errors = (error.validation ?? []).flatMap((issue) => {
    const path = `${where}${issue.instancePath.replaceAll('/', '.').replace(/\.$/, '')}`;
    // zod reports a strict object's unknown keys on the object itself (path "body"),
    // which does not tell the client which field to drop; name each key instead.
    const keys = issue.keyword === 'unrecognized_keys' ? (issue.params as { keys?: unknown }).keys : undefined;
    if (Array.isArray(keys) && keys.length > 0) {
      return keys.map((key) => ({ path: `${path}.${String(key)}`, message: `Unrecognized key: "${String(key)}"` }));
    }
    return [{ path, message: issue.message ?? 'invalid' }];
  });
  // fastify-type-provider-zod copies the zod issue's own fields into `params`, so the
  // issue's `params` (where freeText marks personal data) arrives as params.params.
  const isPersonal = (issue: { params: unknown }) => {
    const params = issue.params as { params?: Record<string, unknown> } & Record<string, unknown>;
    return params.params?.[PERSONAL_DATA] === true || params[PERSONAL_DATA] === true;
  };
  const personal = (error.validation ?? []).filter(isPersonal);
  if (personal.length > 0) {
    const fields = personal.map((issue) => issue.instancePath.slice(1).replaceAll('/', '.'));
    return {
      appError: new AppError(
        422,
        'input.personal_data',
        'Unprocessable Content',
        `Personal data is not allowed: ${fields.join(', ')} contains what looks like a personnummer or samordningsnummer.`,
        { fields },
      ),
      errors: errors.filter((e) => personal.some((p) => e.path.endsWith(p.instancePath.replaceAll('/', '.')))),
    };
  }
  return {
    appError: new AppError(400, 'input.invalid', 'Bad Request', `The request ${where} is not valid.`),
    errors,
  };
}

/**
 * Fastify answers a URL with broken percent-encoding (`/v1/signals/%zz`) and a path
 * parameter over its 100-character limit before any route, hook or error handler runs,
 * with its own application/json body — found by test/fuzz.test.ts. Passed to Fastify as
 * the `frameworkErrors` option, this answers them as problem+json like every other error
 * (Fastify expects no value back; send() answers on its own).
 */
export function frameworkErrors(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  reply.header('x-request-id', request.id);
  if (error.code === 'FST_ERR_BAD_URL') {
    send(reply, request, new AppError(400, 'input.malformed_url', 'Bad Request', 'The URL is not validly percent-encoded.'));
  } else if (error.code === 'FST_ERR_MAX_PARAM_LENGTH') {
    send(reply, request, new AppError(414, 'input.uri_too_long', 'URI Too Long', 'A path parameter is longer than 100 characters.'));
  } else {
    request.log.error({ err: error }, 'framework error');
    send(reply, request, new AppError(500, 'internal.error', 'Internal Server Error', 'An internal error occurred.'));
  }
}

/**
 * Turns every error into RFC 9457 problem+json with a stable code. 5xx answers
 * never carry internals; the log has them under the same request id.
 */
export const errorsPlugin = fp(async (app: FastifyInstance) => {
  app.setNotFoundHandler((request, reply) =>
    send(reply, request, new AppError(404, 'route.not_found', 'Not Found', `No route ${request.method} ${request.url.split('?')[0]}.`)),
  );

  app.setErrorHandler(async (error: FastifyError, request, reply) => {
    // A caller whose route reads its organisation in its own statement (auth.ts,
    // organisationInRoute) and is answered before that: its organisation is read now, so a
    // revoked or suspended caller (or one of a kind the route refuses) gets that answer, not
    // one that describes its request.
    if (request.pendingCaller) {
      try {
        await request.pendingCaller.complete();
      } catch (refusal) {
        if (isAppError(refusal)) return send(reply, request, refusal);
        request.log.error({ err: refusal }, 'reading the caller failed');
        return send(reply, request, new AppError(500, 'internal.error', 'Internal Server Error', 'An internal error occurred.'));
      }
    }
    if (isAppError(error)) return send(reply, request, error);
    if (hasZodFastifySchemaValidationErrors(error)) {
      const { appError, errors } = fromZod(error);
      return send(reply, request, appError, errors);
    }
    const known = error.code ? fastifyCodes[error.code] : undefined;
    if (known) return send(reply, request, new AppError(known[0], known[1], known[2], error.message));
    // drizzle wraps every driver error in a DrizzleQueryError whose `cause` carries
    // the SQLSTATE; without looking there a unique violation answered 500, not 409.
    const pgCode = (error as { code?: string }).code ?? (error.cause as { code?: string } | undefined)?.code;
    const pgKnown = pgCode ? pgCodes[pgCode] : undefined;
    if (pgKnown) {
      request.log.warn({ err: error }, 'database constraint answered a request');
      return send(reply, request, new AppError(pgKnown[0], pgKnown[1], 'Conflict', pgKnown[2]));
    }
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return send(reply, request, new AppError(error.statusCode, 'request.invalid', 'Bad Request', error.message));
    }
    request.log.error({ err: error }, 'unhandled error');
    return send(reply, request, new AppError(500, 'internal.error', 'Internal Server Error', 'An internal error occurred.'));
  });
}, { name: 'errors' });
