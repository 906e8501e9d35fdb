import { z } from 'zod';
import { formatOrgNumber } from '../../lib/identity-numbers.ts';
import { freeText, isoDate as isoDateSchema, orgNumberSchema, organisationIdSchema, pageQuery } from '../../lib/schemas.ts';
import type { AgreementView } from './agreements.service.ts';
import { agreementCategories } from './agreements.table.ts';

// From 0001-01-01: year 0000 answered 500 (found by test/fuzz.test.ts).
const isoDate = isoDateSchema.meta({ example: '2026-01-01' });

export const agreementCategorySchema = z.enum(agreementCategories).describe('Service category of the framework agreement (ramavtal).');

export const createAgreementBody = z
  .object({
    name: freeText(200).meta({ description: 'Name of the framework agreement (ramavtal).', example: 'HVB barn och unga 2026' }),
    category: agreementCategorySchema,
    validFrom: isoDate.describe('First day the agreement applies.'),
    validUntil: isoDate.optional().describe('Last day it applies; open-ended when left out.'),
  })
  .strict()
  .meta({ example: { name: 'Ramavtal familjehem 2027 (demo)', category: 'family_home_agency', validFrom: '2027-01-01', validUntil: '2030-12-31' } });

export const agreementSchema = z
  .object({
    id: z.guid().describe('Agreement id (UUIDv7); name it in a signal’s agreementId.'),
    ownerOrgId: z.string().describe('The organisation that owns the agreement; only it adds parties and issues stops and terminations under it.'),
    name: z.string(),
    category: agreementCategorySchema,
    validFrom: z.iso.date().describe('First day the agreement applies (YYYY-MM-DD).'),
    validUntil: z.iso.date().nullable().describe('Last day it applies (YYYY-MM-DD); null when open-ended.'),
    suppliers: z.array(z.string()).describe('Organisation numbers of the supplier parties.'),
    createdAt: z.date(),
  })
  .meta({ id: 'Agreement' });

export const agreementPartySchema = z
  .object({ agreementId: z.guid(), supplierOrgNumber: z.string(), addedAt: z.date() })
  .meta({ id: 'AgreementParty' });

export const agreementIdParams = z.object({ id: z.uuid() }).strict();
export const agreementPartyParams = z.object({ id: z.uuid(), orgNumber: orgNumberSchema }).strict();

export const agreementListQuery = z
  .object({
    owner: organisationIdSchema.optional().describe('Only agreements this organisation owns.'),
    category: agreementCategorySchema.optional(),
    supplier: orgNumberSchema.optional().describe('Only agreements this supplier is a party to.'),
    ...pageQuery,
  })
  .strict();

export const agreementList = z.object({ items: z.array(agreementSchema), nextCursor: z.string().nullable() });

export const toAgreementResponse = (a: AgreementView) => ({ ...a, suppliers: a.suppliers.map(formatOrgNumber) });
