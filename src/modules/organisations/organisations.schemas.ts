import { z } from 'zod';
import { freeText, organisationIdSchema } from '../../lib/schemas.ts';
import { organisationKinds } from './organisations.table.ts';

export const organisationKindSchema = z.enum(organisationKinds).meta({
  description:
    'municipality (kommun), purchasing_centre (inköpscentral, e.g. Adda), federation (kommunförbund), auditor (revisor, IVO liaison), operator.',
});

export const createOrganisationBody = z
  .object({
    id: organisationIdSchema,
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
    federationId: z.string().nullable().describe('The federation (kommunförbund) a municipality belongs to.'),
    createdAt: z.date(),
  })
  .meta({ id: 'Organisation' });

export const organisationIdParams = z.object({ id: organisationIdSchema }).strict();
export const organisationList = z.object({ items: z.array(organisationSchema) });
