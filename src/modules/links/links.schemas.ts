import { z } from 'zod';
import { formatOrgNumber } from '../../lib/identity-numbers.ts';
import { freeText, orgNumberSchema } from '../../lib/schemas.ts';
import type { LinkParty, LinkView } from './links.repository.ts';
import { linkKinds } from './links.table.ts';

export const linkKindSchema = z
  .enum(linkKinds)
  .describe('group: fromOrgNumber is the parent company (moderbolag), toOrgNumber its subsidiary (dotterbolag); succession: toOrgNumber took over the operation of fromOrgNumber (predecessor → successor).');

export const createLinkBody = z
  .object({
    kind: linkKindSchema,
    fromOrgNumber: orgNumberSchema.describe('group: the parent company; succession: the predecessor. A registered supplier.'),
    toOrgNumber: orgNumberSchema.describe('group: the subsidiary; succession: the successor, which took over the operation. A registered supplier.'),
    reason: freeText(1000).describe('Why the suppliers are linked, e.g. where it is recorded (Bolagsverket, an IVO decision); kept in both suppliers’ history and sent in the supplier.linked event.'),
  })
  .strict()
  // Demo suppliers (src/demo/seed.ts): Björkgården (under a call-off stop) and Häggudden, which takes over one of its homes.
  .meta({ example: { kind: 'succession', fromOrgNumber: '559001-0004', toOrgNumber: '559701-9990', reason: 'Driver Björkgården norra vidare sedan 2026-03-01 enligt IVO:s tillståndsbeslut.' } });

export const endLinkBody = z
  .object({ reason: freeText(1000).describe('Why the link ends (e.g. the subsidiary was sold); kept in both suppliers’ history and sent in the supplier.unlinked event.') })
  .strict()
  .meta({ example: { reason: 'Dotterbolaget såldes 2026-06-30 enligt Bolagsverket.' } });

const linkParty = z
  .object({
    orgNumber: z.string().describe('organisationsnummer, NNNNNN-NNNN.'),
    name: z.string().describe('The supplier’s current name.'),
    soleTrader: z.boolean().describe('true for a sole trader (enskild firma), whose number is a personnummer; reads are logged.'),
  })
  .describe('One of the linked suppliers.');

const linkFields = {
  id: z.guid().describe('The link id; end it with POST /v1/supplier-links/{id}/end.'),
  kind: linkKindSchema,
  from: linkParty.describe('group: the parent company; succession: the predecessor.'),
  to: linkParty.describe('group: the subsidiary; succession: the successor.'),
  reason: z.string().describe('Why the suppliers were linked, as the organisation that linked them gave it.'),
  createdByOrgId: z.string().describe('The organisation that drew the link; it (or the operator) may end it.'),
};

export const supplierLinkSchema = z
  .object({
    ...linkFields,
    createdAt: z.date(),
    endedAt: z.date().nullable().describe('When the link was ended; null while it is active. An ended link stays in the history.'),
    endedByOrgId: z.string().nullable().describe('The organisation that ended it.'),
    endReason: z.string().nullable().describe('Why it was ended.'),
  })
  .meta({
    id: 'SupplierLink',
    description:
      'A member’s claim that two suppliers are linked. While it is active, a block on one makes the other `caution` in status answers (README, "Linked suppliers").',
  });

/** In the supplier history (auditors and the operator): also the API clients that drew and ended it. */
export const supplierLinkHistorySchema = supplierLinkSchema.extend({
  createdBy: z.string().describe('The API client (JWT sub) that drew the link.'),
  endedBy: z.string().nullable().describe('The API client (JWT sub) that ended it.'),
});

export const linkRelationSchema = z
  .enum(['parent', 'subsidiary', 'predecessor', 'successor'])
  .describe('What the other supplier of the link is to this one.');

export const supplierLinkOfSupplier = supplierLinkSchema.extend({ relation: linkRelationSchema }).meta({ id: 'SupplierLinkOfSupplier' });

const isoTime = z.iso.datetime({ offset: true });

/** A link in an event (supplier.linked / supplier.unlinked): what GET /v1/supplier-links/{id} shows, times as strings. */
export const linkPayloadSchema = z
  .object({
    ...linkFields,
    createdAt: isoTime.describe('When the link was drawn.'),
    endedAt: isoTime.nullable().describe('When it was ended; null in supplier.linked.'),
    endedByOrgId: z.string().nullable().describe('The organisation that ended it; null in supplier.linked.'),
    endReason: z.string().nullable().describe('Why it was ended; null in supplier.linked.'),
  })
  .meta({ id: 'SupplierLinkPayload', description: 'A link between two suppliers as it stood after the change.' });

const party = (p: LinkParty) => ({ ...p, orgNumber: formatOrgNumber(p.orgNumber) });

export const toLinkResponse = (link: LinkView): z.input<typeof supplierLinkSchema> => ({
  id: link.id,
  kind: link.kind,
  from: party(link.from),
  to: party(link.to),
  reason: link.reason,
  createdByOrgId: link.createdByOrgId,
  createdAt: link.createdAt,
  endedAt: link.endedAt,
  endedByOrgId: link.endedByOrgId,
  endReason: link.endReason,
});

export const toLinkHistory = (link: LinkView): z.input<typeof supplierLinkHistorySchema> => ({ ...toLinkResponse(link), createdBy: link.createdBy, endedBy: link.endedBy });

export const toLinkPayload = (link: LinkView): z.output<typeof linkPayloadSchema> =>
  linkPayloadSchema.parse(JSON.parse(JSON.stringify(toLinkResponse(link))));

/** The link as one of its suppliers (`orgNumber`, 10 digits) reads it. */
export const toLinkOfSupplier = (link: LinkView, orgNumber: string): z.input<typeof supplierLinkOfSupplier> => {
  const isFrom = link.fromOrgNumber === orgNumber;
  const relation = link.kind === 'group' ? (isFrom ? 'subsidiary' : 'parent') : isFrom ? 'successor' : 'predecessor';
  return { ...toLinkResponse(link), relation };
};
