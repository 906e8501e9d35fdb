import { z } from 'zod';
import { formatOrgNumber } from '../../lib/identity-numbers.ts';
import { freeText, pageQuery, withoutNul } from '../../lib/schemas.ts';
import { supplierLinkOfSupplier, toLinkOfSupplier } from '../links/links.schemas.ts';
import type { SupplierView } from './suppliers.service.ts';

export const unitInput = z
  .object({
    id: z.uuid().optional().describe('Id of an existing unit to update; omit to add (matched by name).'),
    name: freeText(200).describe('Name of the unit (verksamhet), e.g. the home.'),
    kind: freeText(100).optional().describe('Kind of unit, e.g. hvb, family_home, supported_housing.'),
  })
  .strict();

export const putSupplierBody = z
  .object({
    name: freeText(200).meta({ description: 'The supplier’s registered company name.', example: 'Exempelgården Omsorg AB' }),
    soleTrader: z
      .boolean()
      .optional()
      .describe('true when the number is a personnummer (enskild firma); required for such numbers.'),
    units: z.array(unitInput).max(200).optional().describe('Units (verksamheter) to add or update; units not listed are kept.'),
    reason: freeText(1000)
      .optional()
      .describe('Why the record is changed; required when it changes a registered supplier’s name or units, kept in its history and sent in the supplier.updated event.'),
  })
  .strict()
  // Demo supplier 559001-0004 (src/demo/seed.ts): keeps its unit and adds one.
  .meta({
    example: {
      name: 'Björkgården Omsorg AB (fiktivt)',
      units: [
        { name: 'Björkgården norra', kind: 'hvb' },
        { name: 'Björkgården västra', kind: 'supported_housing' },
      ],
    },
  });

export const unitSchema = z
  .object({
    id: z.guid().describe('Unit id; name it in a signal’s unitId.'),
    name: z.string(),
    kind: z.string().nullable(),
    formerNames: z.array(z.string()).describe('Names the unit carried before, oldest first; name search finds it under them.'),
  })
  .meta({ id: 'SupplierUnit', description: 'A unit (verksamhet) of a supplier, e.g. one home.' });

export const supplierSchema = z
  .object({
    orgNumber: z.string().meta({ description: 'organisationsnummer, NNNNNN-NNNN.', example: '559001-0004' }),
    name: z.string(),
    soleTrader: z.boolean().describe('true for a sole trader (enskild firma), whose number is a personnummer; reads are logged.'),
    formerNames: z.array(z.string()).describe('Names the supplier carried before, oldest first; name search finds it under them.'),
    units: z.array(unitSchema).describe('Units (verksamheter).'),
    registeredByOrgId: z
      .string()
      .describe('The organisation that registered it; with the owners of the agreements it is party to and the operator, it may change the name and units.'),
    version: z.number().int().describe('The record’s version; each change of name or units is a new one, in the supplier’s history.'),
    links: z
      .array(supplierLinkOfSupplier)
      .describe('Its active links to other suppliers (group, succession), oldest first; a block on a linked supplier makes this one `caution` (README, "Linked suppliers"). Ended links are in its history.'),
    createdAt: z.date(),
    updatedAt: z.date(),
  })
  .meta({ id: 'Supplier' });

/**
 * The longest name search: longer than nearly every supplier name, short enough that a
 * query's trigrams (about one per character) stay few, which is what a search costs in
 * the index and in the similarity of each candidate name.
 */
export const SEARCH_MAX_LENGTH = 64;

export const supplierListQuery = z
  .object({
    q: z
      .string()
      .trim()
      .min(1)
      .max(SEARCH_MAX_LENGTH)
      .refine(...withoutNul)
      .optional()
      .describe(
        `Name search over the current and former names of suppliers and their units, tolerant of case, accents (Harnosand finds Härnösand) and small typos; best match first. At most ${SEARCH_MAX_LENGTH} characters.`,
      ),
    ...pageQuery,
  })
  .strict();

export const supplierList = z.object({ items: z.array(supplierSchema), nextCursor: z.string().nullable() });

export const toSupplierResponse = (s: SupplierView) => ({
  orgNumber: formatOrgNumber(s.orgNumber),
  name: s.name,
  soleTrader: s.soleTrader,
  formerNames: s.formerNames,
  units: s.units.map((u) => ({ id: u.id, name: u.name, kind: u.kind, formerNames: u.formerNames })),
  registeredByOrgId: s.createdByOrgId,
  version: s.version,
  links: s.links.map((l) => toLinkOfSupplier(l, s.orgNumber)),
  createdAt: s.createdAt,
  updatedAt: s.updatedAt,
});
