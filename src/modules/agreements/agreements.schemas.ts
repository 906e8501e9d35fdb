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
    name: freeText(200).meta({ example: 'HVB barn och unga 2026' }),
    category: agreementCategorySchema,
    validFrom: isoDate,
    validUntil: isoDate.optional(),
  })
  .strict();

export const agreementSchema = z
  .object({
    id: z.string(),
    ownerOrgId: z.string(),
    name: z.string(),
    category: agreementCategorySchema,
    validFrom: z.string(),
    validUntil: z.string().nullable(),
    suppliers: z.array(z.string()).describe('Organisation numbers of the supplier parties.'),
    createdAt: z.date(),
  })
  .meta({ id: 'Agreement' });

export const agreementPartySchema = z
  .object({ agreementId: z.string(), supplierOrgNumber: z.string(), addedAt: z.date() })
  .meta({ id: 'AgreementParty' });

export const agreementIdParams = z.object({ id: z.uuid() }).strict();
export const agreementPartyParams = z.object({ id: z.uuid(), orgNumber: orgNumberSchema }).strict();

export const agreementListQuery = z
  .object({
    owner: organisationIdSchema.optional(),
    category: agreementCategorySchema.optional(),
    supplier: orgNumberSchema.optional().describe('Only agreements this supplier is a party to.'),
    ...pageQuery,
  })
  .strict();

export const agreementList = z.object({ items: z.array(agreementSchema), nextCursor: z.string().nullable() });

export const toAgreementResponse = (a: AgreementView) => ({ ...a, suppliers: a.suppliers.map(formatOrgNumber) });
