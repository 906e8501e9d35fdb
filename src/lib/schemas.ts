import { z } from 'zod';
import { checkOrgNumber, containsPersonalIdentityNumber, urlContainsPersonalIdentityNumber } from './identity-numbers.ts';

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
  .transform((value) => value.replace('-', ''))
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

export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    code: z.string().describe('Stable, dotted error code, e.g. `signals.not_found`.'),
    requestId: z.string(),
    instance: z.string().optional(),
    errors: z
      .array(z.object({ path: z.string(), message: z.string() }))
      .optional()
      .describe('Field-level problems for validation errors.'),
    fields: z.array(z.string()).optional().describe('For input.personal_data: the fields that carry a personnummer.'),
  })
  .meta({ id: 'Problem', description: 'RFC 9457 problem details.' });

/** Response schemas for the error codes a route can answer with. */
export const problems = (...statuses: number[]) =>
  Object.fromEntries(statuses.map((status) => [status, problemSchema])) as Record<number, typeof problemSchema>;
