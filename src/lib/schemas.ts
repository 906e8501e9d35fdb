import { z } from 'zod';
import { parseIfMatch } from './preconditions.ts';
import { checkOrgNumber, containsPersonalIdentityNumber, orgNumberDigits, urlContainsPersonalIdentityNumber } from './identity-numbers.ts';

/** Marker in a zod issue's params that the errors plugin turns into 422 input.personal_data. */
export const PERSONAL_DATA = 'personal_data';

/**
 * PostgreSQL text cannot hold U+0000: the driver failed (SQLSTATE 22021) and a string
 * carrying it answered 500, not 400 (design.md invariant 5). Use as `.refine(...withoutNul)`.
 */
export const withoutNul = [(value: string) => !value.includes('\u0000'), { message: 'must not contain the NUL character (U+0000)' }] as const;

/**
 * A zod refinement that marks a value carrying a personnummer or samordningsnummer, as
 * found by `detect`, so the errors plugin answers 422 input.personal_data naming the field.
 */
export const refusePersonalData =
  (detect: (value: string) => boolean = containsPersonalIdentityNumber) =>
  (value: string, ctx: z.core.$RefinementCtx<string>) => {
    if (detect(value)) {
      ctx.addIssue({
        code: 'custom',
        message: 'contains what looks like a Swedish personnummer or samordningsnummer; remove personal data',
        params: { [PERSONAL_DATA]: true },
      });
    }
  };

/** For URLs: the whole address is checked after percent-decoding (path, query and all). */
export const refusePersonalDataInUrl = refusePersonalData(urlContainsPersonalIdentityNumber);

/**
 * Free text that may not carry a personnummer or samordningsnummer (design.md
 * invariant 4): the registry holds facts about suppliers, never about clients.
 */
export const freeText = (max: number) =>
  z
    .string()
    .trim()
    .min(1)
    .max(max)
    .refine(...withoutNul)
    .superRefine(refusePersonalData());

/** Organisation number in a path or body: accepted with or without hyphen, returned as 10 digits. */
export const orgNumberSchema = z
  .string()
  .superRefine((value, ctx) => {
    const check = checkOrgNumber(value);
    if (!check.ok) ctx.addIssue({ code: 'custom', message: `invalid organisation number: ${check.reason}` });
  })
  .transform(orgNumberDigits)
  .meta({
    description: 'Swedish organisationsnummer, NNNNNN-NNNN or NNNNNNNNNN (Luhn-checked).',
    // A supplier of the embedded demo (src/demo/seed.ts), so "Try it out" finds it.
    example: '559001-0004',
  });

export const orgNumberParams = z.object({ orgNumber: orgNumberSchema }).strict();
export const uuidParams = z.object({ id: z.uuid({ version: 'v7' }) }).strict();

/** An organisation's id: lowercase letters, digits and hyphens. */
export const ORGANISATION_ID_PATTERN = /^[a-z0-9][a-z0-9-]{1,62}$/;

export const organisationIdSchema = z
  .string()
  .regex(ORGANISATION_ID_PATTERN, 'lowercase letters, digits and hyphens, 2–63 characters')
  .meta({ description: 'Organisation id (a stable slug).', example: 'demo-inkop' });

/** Whether an ISO date or date-time falls in years 0001–9999 (UTC). */
const inStorableYears = (value: string) => {
  const year = new Date(value).getUTCFullYear();
  return year >= 1 && year <= 9999;
};

// The format alone admits year 0000, and offsets that push 0000 or 9999 out of range:
// PostgreSQL refused those (a 500) or stored year 10000, which no longer serialises as
// an RFC 3339 date-time. Found by test/fuzz.test.ts; now a 400 like any invalid input.
// Years 0001–0099 store fine but drizzle reads timestamptz back with new Date(text), and
// V8 takes '0042-01-01 00:00:00+00' as 2042: such a timestamp came back 1900 or 2000 years
// off. Dates (isoDate) are read as text and keep the 0001 bound.
export const timestamp = z.iso
  .datetime({ offset: true })
  .refine((value) => inStorableYears(value) && new Date(value).getUTCFullYear() >= 100, 'must be between 0100-01-01 and 9999-12-31 (UTC)');

/** An ISO date (YYYY-MM-DD) from 0001-01-01: PostgreSQL has no year 0000. */
export const isoDate = z.iso.date().refine(inStorableYears, 'must be between 0001-01-01 and 9999-12-31');

/** The paging parameters every list route takes (README, "Paging"; src/lib/cursor.ts). */
export const pageParams = ({ max, defaultLimit, cursor }: { max: number; defaultLimit: number; cursor?: string }) => ({
  limit: z.coerce.number().int().min(1).max(max).default(defaultLimit).describe(`Page size, 1–${max.toLocaleString('en')}.`),
  cursor: z
    .string()
    .max(300)
    .optional()
    .describe(cursor ?? 'Opaque cursor from `nextCursor` of the previous page (or from the `Link: rel="next"` header, which carries the whole next URL).'),
});

export const pageQuery = pageParams({ max: 200, defaultLimit: 50 });

/** A position of the old paging style (`after=<n>`), kept as a deprecated alias of `cursor` for one release; `what` says what the number is. */
export const deprecatedPosition = (what: string) =>
  z.coerce
    .number()
    .int()
    .min(0)
    .optional()
    .meta({ deprecated: true })
    .describe(`Deprecated alias of \`cursor\`, kept for one release: ${what}. Not together with \`cursor\`.`);

/** The next position of the old paging style in a page (`nextAfter`, `nextBefore`), deprecated with it. */
export function deprecatedNextPosition(what: string): z.ZodNumber;
export function deprecatedNextPosition(what: string, nullable: true): z.ZodNullable<z.ZodNumber>;
export function deprecatedNextPosition(what: string, nullable = false) {
  const position = z.number().int();
  return (nullable ? position.nullable() : position).meta({ deprecated: true }).describe(`Deprecated, kept for one release: ${what}`);
}

export const problemSchema = z
  .object({
    type: z.string().describe('A page explaining the code, `/problems/{code}` relative to the registry’s origin (RFC 9457 §3.1.1).'),
    title: z.string().describe('The HTTP status phrase, e.g. `Not Found`.'),
    // Bounded so generated examples show a real status, not -9007199254740991.
    status: z.number().int().min(400).max(599).describe('The HTTP status code, repeated.'),
    detail: z.string().describe('What went wrong with this request, for a person to read.'),
    code: z.string().describe('Stable, dotted error code, e.g. `signals.not_found`.'),
    requestId: z.string().describe('The request id, also sent as the `X-Request-Id` header; the log has the details under it.'),
    instance: z.string().optional().describe('The path that was asked for.'),
    errors: z
      .array(z.object({ path: z.string(), message: z.string() }))
      .optional()
      .describe('Field-level problems for validation errors.'),
    fields: z.array(z.string()).optional().describe('For input.personal_data: the fields that carry a personnummer.'),
  })
  .meta({
    id: 'Problem',
    description: 'RFC 9457 problem details.',
    example: {
      type: '/problems/signals.not_found',
      title: 'Not Found',
      status: 404,
      detail: 'No signal 0190f3c2-7b7e-7c4a-9d2e-4f6b1c8a9e01 that you may read.',
      code: 'signals.not_found',
      requestId: '3f0c9a4e-8d1b-4c57-9a2e-6b1d0e7f4a21',
      instance: '/v1/signals/0190f3c2-7b7e-7c4a-9d2e-4f6b1c8a9e01',
    },
  });

/** The media type of every error answer (RFC 9457); the errors plugin sends it. */
export const PROBLEM_MEDIA_TYPE = 'application/problem+json';

/** What each error status means, as the OpenAPI document describes its response. */
export const problemDescriptions: Record<number, string> = {
  400: 'Bad Request: the input is not valid (`input.invalid`, with `errors` naming each field) or breaks a rule of this operation.',
  401: 'Unauthorized: no bearer token, or one this registry does not accept (`auth.*`).',
  403: 'Forbidden: the token lacks the scope, the organisation may not do this, or it is suspended.',
  404: 'Not Found: nothing with this id that you may read.',
  409: 'Conflict: the resource is not in a state that allows this, or was changed meanwhile.',
  412: 'Precondition Failed: the If-Match header names a version that is no longer current (`*.version_mismatch`); read the resource again and retry with its ETag.',
  413: 'Content Too Large: the body is over the size limit (`input.too_large`).',
  414: 'URI Too Long: a path parameter is over 100 characters (`input.uri_too_long`).',
  415: 'Unsupported Media Type: send the body as `application/json` (`input.unsupported_media_type`).',
  422: 'Unprocessable Content: well-formed but refused, e.g. personal data in free text (`input.personal_data`).',
  429: 'Too Many Requests: over your organisation’s per-minute budget (`rate_limit.exceeded`); retry after `Retry-After` seconds.',
  500: 'Internal Server Error: our failure; the body carries no internals, the log has them under the request id (`internal.error`).',
  503: 'Service Unavailable: a dependency does not answer; retry shortly.',
};

type ProblemResponse = { description: string; content: { 'application/problem+json': { schema: typeof problemSchema } } };

/** Response declarations for the error codes a route can answer with, each as application/problem+json. */
export const problems = (...statuses: number[]) =>
  Object.fromEntries(
    statuses.map((status) => [status, { description: problemDescriptions[status] ?? 'Error.', content: { [PROBLEM_MEDIA_TYPE]: { schema: problemSchema } } }]),
  ) as Record<number, ProblemResponse>;

/**
 * The If-Match request header of a write that takes part in optimistic concurrency (see
 * src/lib/preconditions.ts); a malformed one is a 400. Loose, because a route's header schema
 * stands for all of its headers.
 */
export const ifMatchHeaders = (what: string) =>
  z.looseObject({
    'if-match': z
      .string()
      .refine((value) => parseIfMatch(value) !== null, 'must be * or a comma-separated list of entity tags, e.g. "3"')
      .optional()
      .describe(
        `Make the change only while the ${what} is still at the version this names: its ETag, e.g. \`"3"\` for version 3, or \`*\` for any. A stale one answers 412 and changes nothing; without If-Match the change is made whatever the current version.`,
      ),
  });

/** Response headers of a success answer: JSON Schema with a description, which @fastify/swagger makes OpenAPI header objects of. */
export type ResponseHeaders = Record<string, { type: 'string'; format?: string; description: string }>;

export const etagHeader = (what: string): ResponseHeaders => ({
  ETag: {
    description: `The ${what}’s version as a strong entity tag, e.g. \`"3"\` for version 3 (the same number as \`version\` in the body); send it back in If-Match to change the ${what} only if nobody changed it since.`,
    type: 'string',
  },
});

export const locationHeader = (what: string): ResponseHeaders => ({
  Location: { description: `Where the ${what} is read (a path on this registry); on an idempotent replay too.`, type: 'string', format: 'uri-reference' },
});

/**
 * A JSON success answer with its response headers declared: fastify serialises by the schema,
 * the OpenAPI transform (src/plugins/openapi.ts) carries the headers into the document.
 */
export const withHeaders = <S extends z.ZodType>(schema: S, description: string, ...headers: ResponseHeaders[]) => ({
  description,
  content: { 'application/json': { schema } },
  headers: Object.assign({}, ...headers) as ResponseHeaders,
});
