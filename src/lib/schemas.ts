import { z } from 'zod';
import { checkOrgNumber, containsPersonalIdentityNumber } from './identity-numbers.ts';

/** Marker in a zod issue's params that the errors plugin turns into 422 input.personal_data. */
export const PERSONAL_DATA = 'personal_data';

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
    .superRefine((value, ctx) => {
      if (containsPersonalIdentityNumber(value)) {
        ctx.addIssue({
          code: 'custom',
          message: 'contains what looks like a Swedish personnummer or samordningsnummer; remove personal data',
          params: { [PERSONAL_DATA]: true },
        });
      }
    });

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
    example: '556677-8899',
  });

export const orgNumberParams = z.object({ orgNumber: orgNumberSchema }).strict();
export const uuidParams = z.object({ id: z.uuid({ version: 'v7' }) }).strict();

export const organisationIdSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{1,62}$/, 'lowercase letters, digits and hyphens, 2–63 characters')
  .meta({ description: 'Organisation id (a stable slug).', example: 'sundsvall' });

export const timestamp = z.iso.datetime({ offset: true });

export const pageQuery = {
  limit: z.coerce.number().int().min(1).max(200).default(50).describe('Page size, 1–200.'),
  cursor: z.string().max(200).optional().describe('Opaque cursor from `nextCursor` of the previous page.'),
};

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
