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
    name: freeText(200),
    municipalityCode: z
      .string()
      .regex(/^\d{4}$/)
      .optional()
      .meta({ description: 'kommunkod, four digits; required for a municipality.', example: '2281' }),
    federationId: organisationIdSchema.optional().meta({ description: 'The federation a municipality belongs to.' }),
  })
  .strict();

export const organisationSchema = z
  .object({
    id: z.string(),
    kind: organisationKindSchema,
    name: z.string(),
    municipalityCode: z.string().nullable(),
    federationId: z.string().nullable(),
    createdAt: z.date(),
  })
  .meta({ id: 'Organisation' });

export const organisationIdParams = z.object({ id: organisationIdSchema }).strict();
export const organisationList = z.object({ items: z.array(organisationSchema) });
