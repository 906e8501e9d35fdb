import { PROBLEM_MEDIA_TYPE, problemDescriptions } from '../lib/schemas.ts';
import { problemTypeUri as problemType } from '../lib/problem-catalogue.ts';
import { honoursIdempotencyKey } from './idempotency.ts';
import { loneSurrogate } from './json-body.ts';

/* eslint-disable @typescript-eslint/no-explicit-any -- this walks a generated JSON document */
type Json = Record<string, any>;

/**
 * The answers every route gives without declaring them itself, because a shared plugin
 * gives them: added to each operation of the generated document by the same facts the
 * plugins act on. test/openapi.test.ts drives real requests and fails on any status,
 * media type or header an operation does not declare.
 *
 * - a route that needs a token is rate limited (rate-limit.ts: every request with a principal): 429;
 * - a method Fastify reads a body for (POST, PUT, PATCH, DELETE) answers 400 for malformed
 *   JSON, 413 over BODY_LIMIT_BYTES and 415 for anything but JSON, before validation;
 * - a path parameter over 100 characters is a 414 (errors.ts, frameworkErrors);
 * - a POST or PATCH honours Idempotency-Key (idempotency.ts): 400 for a bad key, 409 while the
 *   first request runs, 422 for a key reused with another request, and a replay marker;
 * - every route refuses an unknown query parameter with a 400 (strict-query.ts);
 * - every route may fail with a 500.
 */
const BODY_METHODS = new Set(['post', 'put', 'patch', 'delete']);
const ID = '0190f3c2-7b7e-7c4a-9d2e-4f6b1c8a9e01';
const REQUEST_ID = '3f0c9a4e-8d1b-4c57-9a2e-6b1d0e7f4a21';

const ref = (kind: 'headers' | 'responses' | 'parameters' | 'schemas', name: string) => ({ $ref: `#/components/${kind}/${name}` });

const headers: Json = {
  'X-Request-Id': {
    description:
      'The request id: the `X-Request-Id` you sent when it is 1–64 of `A–Z a–z 0–9 . _ -` and no personnummer, a fresh UUID otherwise. It is in the log and in every audit entry the request caused.',
    schema: { type: 'string', maxLength: 64 },
  },
  'Retry-After': { description: 'Seconds to wait before trying again.', schema: { type: 'integer', minimum: 1 } },
  'X-RateLimit-Limit': { description: 'Your organisation’s budget per minute for this kind of request (reads or writes).', schema: { type: 'integer' } },
  'X-RateLimit-Remaining': { description: 'What is left of that budget in this minute.', schema: { type: 'integer', minimum: 0 } },
  'X-RateLimit-Reset': { description: 'Seconds until the budget is whole again.', schema: { type: 'integer', minimum: 0 } },
  Location: { description: 'Where the created resource is read.', schema: { type: 'string', format: 'uri-reference' } },
  'Idempotent-Replayed': {
    description: '`true` when this is the answer kept under your Idempotency-Key, replayed without doing the request again.',
    schema: { type: 'string', enum: ['true'] },
  },
  'WWW-Authenticate': { description: 'The bearer challenge (RFC 6750).', schema: { type: 'string' }, example: 'Bearer realm="supplier-signal-registry"' },
  Link: { description: 'RFC 8288 `rel="next"`: the next page, when there is one.', schema: { type: 'string' } },
};

const idempotencyKey = {
  name: 'Idempotency-Key',
  in: 'header',
  required: false,
  description:
    'Makes a retry safe: the same key with the same request replays the first answer (with `Idempotent-Replayed: true`) for 24 hours; with another request it is a 422 `idempotency.key_reused`, and while the first still runs a 409 `idempotency.in_progress`. 1–255 visible ASCII characters, no personnummer; a UUID is a good key. A 429 or 5xx is not kept, so retry with the same key.',
  schema: { type: 'string', minLength: 1, maxLength: 255, pattern: '^[\\x21-\\x7e]+$' },
  example: '5b7e2c1a-3f4d-4e8b-9a6c-0d1e2f3a4b5c',
};

// Real codes the registry answers with (grep the code in src/), one for each status.
const notFoundCodes: [RegExp, string][] = [
  [/^\/v1\/audit\/checkpoints?\b/, 'audit.checkpoint_not_found'],
  [/^\/v1\/audit\/proofs\b/, 'audit.entry_not_found'],
  [/^\/v1\/audit\b/, 'audit.empty'],
  [/\/represented-numbers\b/, 'representations.not_found'],
  [/^\/v1\/supplier-links\b/, 'supplier_links.not_found'],
  [/^\/v1\/follow-ups\b/, 'follow_ups.not_found'],
  [/^\/v1\/(signals|suppliers|organisations|agreements|subscriptions|deliveries)\b/, '$1.not_found'],
];
const notFoundCode = (path: string) => {
  for (const [pattern, code] of notFoundCodes) {
    const match = pattern.exec(path);
    if (match) return code.replace('$1', match[1] ?? '');
  }
  return 'route.not_found';
};

interface Sample {
  code: string;
  title: string;
  detail: string;
  extra?: Json;
}
const samples = (path: string): Record<number, Sample> => ({
  400: {
    code: 'input.invalid',
    title: 'Bad Request',
    detail: 'The request body is not valid.',
    extra: { errors: [{ path: 'body.summary', message: 'Too small: expected string to have >=1 characters' }] },
  },
  401: { code: 'auth.missing_token', title: 'Unauthorized', detail: 'Send Authorization: Bearer <JWT>.' },
  403: { code: 'auth.missing_scope', title: 'Forbidden', detail: 'The token lacks the registry:read scope.' },
  404: { code: notFoundCode(path), title: 'Not Found', detail: 'Nothing with this id that you may read.' },
  409: { code: 'resource.conflict', title: 'Conflict', detail: 'The resource was changed by another request; try again.' },
  413: { code: 'input.too_large', title: 'Content Too Large', detail: 'Request body is too large' },
  414: { code: 'input.uri_too_long', title: 'URI Too Long', detail: 'A path parameter is longer than 100 characters.' },
  415: { code: 'input.unsupported_media_type', title: 'Unsupported Media Type', detail: 'Unsupported Media Type: text/plain' },
  422: {
    code: 'input.personal_data',
    title: 'Unprocessable Content',
    detail: 'Personal data is not allowed: summary contains what looks like a personnummer or samordningsnummer.',
    extra: { fields: ['summary'] },
  },
  429: { code: 'rate_limit.exceeded', title: 'Too Many Requests', detail: 'Your organisation may make 600 reads a minute; try again in 12 seconds.' },
  500: { code: 'internal.error', title: 'Internal Server Error', detail: 'An internal error occurred.' },
  503: path.startsWith('/.well-known/webhook-keys')
    ? { code: 'webhook_keys.unavailable', title: 'Service Unavailable', detail: 'The webhook keys cannot be read right now; try again shortly.' }
    : { code: 'health.not_ready', title: 'Service Unavailable', detail: 'database is not reachable.' },
});

const idempotencySamples: Record<number, Sample> = {
  400: { code: 'idempotency.invalid_key', title: 'Bad Request', detail: 'Idempotency-Key must be 1–255 visible ASCII characters.' },
  409: { code: 'idempotency.in_progress', title: 'Conflict', detail: 'A request with this Idempotency-Key is still being processed; retry shortly.' },
  422: { code: 'idempotency.key_reused', title: 'Unprocessable Content', detail: 'This Idempotency-Key was already used with a different request.' },
};
const idempotencyDescriptions: Record<number, string> = {
  400: 'An Idempotency-Key that is not 1–255 visible ASCII characters or carries a personnummer (`idempotency.invalid_key`, `idempotency.personal_data`).',
  409: 'A request with this Idempotency-Key still running (`idempotency.in_progress`); retry shortly.',
  422: 'An Idempotency-Key already used with a different request (`idempotency.key_reused`).',
};

// An instance as the server reports it: the path asked for, with example values in it.
const instanceOf = (path: string) => path.replaceAll('{orgNumber}', '5590010004').replaceAll('{size}', '42').replace(/\{[^}]+\}/g, ID);

const problemExample = (status: number, sample: Sample, path: string) => ({
  summary: sample.code,
  value: {
    type: problemType(sample.code),
    title: sample.title,
    status,
    detail: sample.detail,
    code: sample.code,
    requestId: REQUEST_ID,
    instance: instanceOf(path),
    ...sample.extra,
  },
});

/** One problem+json answer, with one example per code it shows. */
const problemResponse = (status: number, description: string, path: string, shown: Sample[]) => ({
  description,
  content: {
    [PROBLEM_MEDIA_TYPE]: {
      schema: ref('schemas', 'Problem'),
      examples: Object.fromEntries(shown.map((sample) => [sample.code, problemExample(status, sample, path)])),
    },
  },
});

/** Answers shared by every operation that can give them, declared once under components.responses. */
const sharedStatuses: Record<number, string> = {
  413: 'ContentTooLarge',
  414: 'UriTooLong',
  415: 'UnsupportedMediaType',
  429: 'TooManyRequests',
  500: 'InternalError',
};

function sharedResponses(): Json {
  const path = '/v1/signals';
  const all = samples(path);
  const responses: Json = {};
  for (const [status, name] of Object.entries(sharedStatuses)) {
    const response: Json = problemResponse(Number(status), problemDescriptions[Number(status)]!, path, [all[Number(status)]!]);
    response.headers = { 'X-Request-Id': ref('headers', 'X-Request-Id') };
    if (status === '429') response.headers['Retry-After'] = ref('headers', 'Retry-After');
    // The limiter's headers: on a 429, and on a 500 after the limiter let the request through.
    if (status === '429' || status === '500') {
      Object.assign(response.headers, {
        'X-RateLimit-Limit': ref('headers', 'X-RateLimit-Limit'),
        'X-RateLimit-Remaining': ref('headers', 'X-RateLimit-Remaining'),
        'X-RateLimit-Reset': ref('headers', 'X-RateLimit-Reset'),
      });
    }
    responses[name] = response;
  }
  // The instance of a shared answer is whichever path was asked for.
  for (const response of Object.values(responses)) {
    for (const example of Object.values<Json>(response.content[PROBLEM_MEDIA_TYPE].examples)) delete example.value.instance;
  }
  return responses;
}

function completeOperation(path: string, method: string, op: Json): void {
  const needsToken = Array.isArray(op.security) && op.security.length > 0;
  const idempotent = honoursIdempotencyKey(method);
  const readsBody = BODY_METHODS.has(method);
  const hasPathParams = path.includes('{');
  const all = samples(path);
  const responses: Json = op.responses;

  // The statuses the route declares: problem+json with real examples, and what the shared plugins add to them.
  for (const [code, response] of Object.entries<Json>(responses)) {
    const status = Number(code);
    if (!(status >= 400) || !response.content?.[PROBLEM_MEDIA_TYPE]) continue;
    responses[code] = problemResponse(status, response.description, path, [all[status]].filter((s): s is Sample => s !== undefined));
  }
  const add = (status: number, description: string, sample: Sample) => {
    if (!responses[status]) responses[status] = problemResponse(status, description, path, [sample]);
    else if (!responses[status].content?.[PROBLEM_MEDIA_TYPE]?.examples?.[sample.code]) {
      responses[status].content[PROBLEM_MEDIA_TYPE].examples[sample.code] = problemExample(status, sample, path);
      responses[status].description += ` Also: ${description.charAt(0).toLowerCase()}${description.slice(1)}`;
    }
  };
  // strict-query.ts: every operation refuses an unknown query parameter.
  add(400, problemDescriptions[400]!, { ...all[400]!, detail: 'The request querystring is not valid.', extra: { errors: [{ path: 'querystring.colour', message: 'Unrecognized key: "colour"' }] } });
  if (readsBody) {
    add(400, 'A body that is not JSON (`input.malformed_json`).', { code: 'input.malformed_json', title: 'Bad Request', detail: "Body is not valid JSON but content-type is set to 'application/json'" });
    // json-body.ts: a string that is not well-formed Unicode, refused before validation.
    add(400, 'A string in the body with an unpaired surrogate (`input.invalid_unicode`).', { code: 'input.invalid_unicode', title: 'Bad Request', detail: loneSurrogate().message });
  }
  if (needsToken) {
    add(401, problemDescriptions[401]!, all[401]!);
    add(403, problemDescriptions[403]!, all[403]!);
  }
  if (idempotent) for (const status of [400, 409, 422]) add(status, idempotencyDescriptions[status]!, idempotencySamples[status]!);
  const shared = (status: number) => {
    if (!responses[status]) responses[status] = ref('responses', sharedStatuses[status]!);
  };
  if (readsBody) {
    shared(413);
    shared(415);
  }
  if (hasPathParams) shared(414);
  if (needsToken) shared(429);
  shared(500);

  // Response headers.
  for (const [code, response] of Object.entries<Json>(responses)) {
    if (response.$ref) continue;
    const status = Number(code);
    const h: Json = { 'X-Request-Id': ref('headers', 'X-Request-Id') };
    // The limiter's headers are set once a request passed it: after authentication and validation.
    if (needsToken && ![401, 413, 414, 415].includes(status)) {
      h['X-RateLimit-Limit'] = ref('headers', 'X-RateLimit-Limit');
      h['X-RateLimit-Remaining'] = ref('headers', 'X-RateLimit-Remaining');
      h['X-RateLimit-Reset'] = ref('headers', 'X-RateLimit-Reset');
    }
    if (status === 201) h.Location = ref('headers', 'Location');
    if (status === 401) h['WWW-Authenticate'] = ref('headers', 'WWW-Authenticate');
    // A kept answer is replayed with its status: any but those refused before the key is claimed.
    if (idempotent && status < 500 && ![401, 413, 414, 415, 429].includes(status)) h['Idempotent-Replayed'] = ref('headers', 'Idempotent-Replayed');
    if (status === 200 && method === 'get' && (op.parameters ?? []).some((p: Json) => p.in === 'query' && p.name === 'cursor')) h.Link = ref('headers', 'Link');
    response.headers = { ...response.headers, ...h };
    if (response.description === 'Default Response') response.description = status === 204 ? 'Done; no content.' : 'Success.';
  }

  if (idempotent) op.parameters = [...(op.parameters ?? []), ref('parameters', 'Idempotency-Key')];
  // No token needed: say so, so a tool does not assume some global scheme.
  op.security ??= [];
}

/** Every schema, response, header and parameter component that `node` refers to, transitively. */
function referenced(doc: Json): Set<string> {
  const seen = new Set<string>();
  const visit = (node: unknown) => {
    if (Array.isArray(node)) return node.forEach(visit);
    if (!node || typeof node !== 'object') return;
    for (const [key, value] of Object.entries(node)) {
      if (key === '$ref' && typeof value === 'string' && value.startsWith('#/components/') && !seen.has(value)) {
        seen.add(value);
        const [, , kind, name] = value.split('/');
        visit(doc.components?.[kind!]?.[name!]);
      } else visit(value);
    }
  };
  visit(doc.paths);
  visit(doc.webhooks);
  return seen;
}

/**
 * Completes the generated document: the answers, headers and parameter the shared plugins
 * add (see above), `servers`, and only the components something refers to — the type
 * provider emits an `*Input` twin of every schema with an id, and no request uses them.
 */
export function declareAnswers(doc: Json): Json {
  doc.servers = [{ url: '/', description: 'The registry that serves this document.' }];
  doc.components = {
    ...doc.components,
    responses: { ...doc.components?.responses, ...sharedResponses() },
    headers: { ...doc.components?.headers, ...headers },
    parameters: { ...doc.components?.parameters, 'Idempotency-Key': idempotencyKey },
  };
  for (const [path, item] of Object.entries<Json>(doc.paths ?? {})) {
    for (const [method, op] of Object.entries<Json>(item)) completeOperation(path, method, op);
  }
  const used = referenced(doc);
  for (const kind of ['schemas', 'responses', 'headers', 'parameters']) {
    const components = doc.components[kind] as Json | undefined;
    if (!components) continue;
    for (const name of Object.keys(components)) if (!used.has(`#/components/${kind}/${name}`)) delete components[name];
  }
  return doc;
}
