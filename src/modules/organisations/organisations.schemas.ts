import { z } from 'zod';
import { freeText, organisationIdSchema, pageQuery, refusePersonalData } from '../../lib/schemas.ts';
import { organisationKinds } from './organisations.table.ts';

export const organisationKindSchema = z.enum(organisationKinds).meta({
  description:
    'municipality (kommun), purchasing_centre (inköpscentral, e.g. Adda), federation (kommunförbund), auditor (revisor, IVO liaison), operator, supplier (a care supplier answering for its own organisation numbers: it reads the members-visible signals about them and replies; README, "The supplier’s reply").',
});

export const createOrganisationBody = z
  .object({
    // Digits and hyphens make a slug, so `150709-2383` would be one; the id is kept for ever.
    id: organisationIdSchema.superRefine(refusePersonalData()),
    kind: organisationKindSchema,
    name: freeText(200).describe('The organisation’s name as its users know it.'),
    municipalityCode: z
      .string()
      .regex(/^\d{4}$/)
      .optional()
      .meta({ description: 'kommunkod, four digits; required for a municipality.', example: '2281' }),
    federationId: organisationIdSchema.optional().meta({ description: 'The federation (kommunförbund) a municipality belongs to.' }),
  })
  .strict()
  // Valid next to the embedded demo's data (src/demo/seed.ts): demo-forbundet exists, 9905 is free.
  .meta({ example: { id: 'ostby', kind: 'municipality', name: 'Östby kommun (fiktiv)', municipalityCode: '9905', federationId: 'demo-forbundet' } });

export const organisationSchema = z
  .object({
    id: z.string().describe('Organisation id (a stable slug); the `org` claim of its tokens.'),
    kind: organisationKindSchema,
    name: z.string(),
    municipalityCode: z.string().nullable().describe('kommunkod, for a municipality.'),
    federationId: z
      .string()
      .nullable()
      .describe('The federation (kommunförbund) a municipality belongs to now; changed by the operator, with its history at GET /v1/organisations/{id}/federation-history.'),
    createdAt: z.date().describe('When it was registered; its tokens must have been issued after this (iat).'),
    suspendedAt: z
      .date()
      .nullable()
      .describe('Set while the operator has suspended the organisation: its tokens are refused and its subscriptions receive nothing.'),
  })
  .meta({ id: 'Organisation' });

export const organisationIdParams = z.object({ id: organisationIdSchema }).strict();
export const organisationList = z.object({ items: z.array(organisationSchema).describe('By id.'), nextCursor: z.string().nullable().describe('Pass as `cursor` for the next page; null on the last page.') });

export const organisationListQuery = z.object({ ...pageQuery }).strict();

const reason = freeText(1000).describe('Why; kept in the audit log.');

export const suspensionBody = z
  .object({ reason })
  .strict()
  .meta({ example: { reason: 'Misstänkt läckt nyckel; avstängd i väntan på utredning.' } });

/** A JWT `sub` as the claims allow it (src/plugins/auth.ts), without control characters. */
const clientSub = z
  .string()
  .min(1)
  .max(200)
  .refine((v) => ![...v].some((c) => c.charCodeAt(0) < 0x20 || c.charCodeAt(0) === 0x7f), 'must not contain control characters')
  .describe('The API client id: the `sub` claim of its tokens. A `sub` that is a personnummer is kept, here as everywhere, as its keyed pseudonym (`pseudonym:…`), never in clear.');

export const revokeClientBody = z
  .object({ sub: clientSub, reason })
  .strict()
  .meta({ example: { sub: 'alvby-dev', reason: 'Klientens hemlighet har läckt.' } });

export const revokedClientSchema = z
  .object({
    orgId: z.string().describe('The organisation the client acts for.'),
    sub: z.string().describe('The revoked client id (JWT sub; a personnummer is shown as its pseudonym).'),
    reason: z.string(),
    revokedBy: z.string().describe('The operator client (JWT sub) that revoked it.'),
    revokedAt: z.date().describe('From this moment every token of the client is refused.'),
  })
  .meta({ id: 'RevokedClient' });

export const revokedClientList = z.object({ items: z.array(revokedClientSchema) });
