import { z } from 'zod';
import { formatOrgNumber } from '../../lib/identity-numbers.ts';
import { freeText, orgNumberSchema, pageQuery } from '../../lib/schemas.ts';
import type { SignalReplyRow, SupplierRepresentation } from './replies.table.ts';

/** A reply as signal reads and status reasons carry it: the version in force. */
export interface ReplyView {
  version: number;
  supplierOrgId: string;
  text: string;
  disputed: boolean;
  repliedAt: Date;
}

const replyFields = {
  version: z.number().int().min(1).describe('1 for the first reply; each change adds one (GET /v1/signals/{id}/replies lists them all).'),
  supplierOrgId: z.string().describe('The supplier organisation that replied: the one the operator linked to the signal’s organisation number.'),
  text: z.string().describe('What the supplier says about the signal.'),
  disputed: z.boolean().describe('true when the supplier disputes what the signal says (bestrider).'),
};

export const replySchema = z
  .object({ ...replyFields, repliedAt: z.date().describe('When this version of the reply was made.') })
  .meta({ id: 'SignalReply', description: 'The supplier’s reply to a signal about it (README, "The supplier’s reply"). It changes no status.' });

/** The same in an event payload, times as strings (events.schemas.ts). */
export const replyPayloadSchema = z
  .object({ ...replyFields, repliedAt: z.iso.datetime({ offset: true }).describe('When this version of the reply was made.') })
  .meta({ id: 'SignalReplyPayload' });

export const replyList = z.object({ items: z.array(replySchema).describe('Every version of the reply, oldest first; empty when the supplier has not replied.') }).meta({ id: 'SignalReplyList' });

export const createReplyBody = z
  .object({
    text: freeText(4000).describe('The supplier’s account, in a few sentences; no personal data about clients (a personnummer is refused with 422 input.personal_data).'),
    disputed: z.boolean().default(false).describe('Set true to dispute what the signal says; false (default) for a reply that does not dispute it.'),
  })
  .strict()
  .meta({ example: { text: 'Bemanningen är åtgärdad sedan 1 november; schema bifogat till handläggaren.', disputed: true } });

/** A stored reply version as reads, reasons, events and the reply routes show it: the one mapping. */
export const toReplyResponse = (r: SignalReplyRow): ReplyView => ({
  version: r.version,
  supplierOrgId: r.supplierOrgId,
  text: r.text,
  disputed: r.disputed,
  repliedAt: r.createdAt,
});

export const representationSchema = z
  .object({
    id: z.guid().describe('The representation’s id.'),
    supplierOrgId: z.string().describe('The supplier organisation that answers for the number.'),
    orgNumber: z.string().describe('The registered supplier’s organisationsnummer, NNNNNN-NNNN.'),
    reason: z.string().describe('Why the operator linked them (e.g. how the supplier’s identity was checked).'),
    createdAt: z.date(),
    endedAt: z.date().nullable().describe('When the operator ended it; null while it holds.'),
    endReason: z.string().nullable(),
  })
  .meta({ id: 'SupplierRepresentation', description: 'That a supplier organisation answers for one organisation number: it reads the members-visible signals about it and replies to them.' });

export const representationList = z
  .object({
    items: z.array(representationSchema).describe('Oldest first, ended ones included.'),
    nextCursor: z.string().nullable().describe('Pass as `cursor` for the next page; null on the last page.'),
  })
  .meta({ id: 'SupplierRepresentationList' });

export const representationListQuery = z.object({ ...pageQuery }).strict();

export const createRepresentationBody = z
  .object({
    orgNumber: orgNumberSchema.describe('A registered supplier’s organisationsnummer.'),
    reason: freeText(500).describe('Why: how the operator checked that this organisation speaks for the supplier.'),
  })
  .strict()
  .meta({ example: { orgNumber: '559001-0004', reason: 'Fullmakt från styrelsen kontrollerad mot Bolagsverket.' } });

export const endRepresentationBody = z
  .object({ reason: freeText(500).describe('Why the organisation no longer answers for the number.') })
  .strict()
  .meta({ example: { reason: 'Fullmakten återkallad av bolaget.' } });

export const toRepresentationResponse = (r: SupplierRepresentation): z.output<typeof representationSchema> => ({
  id: r.id,
  supplierOrgId: r.supplierOrgId,
  orgNumber: formatOrgNumber(r.orgNumber),
  reason: r.reason,
  createdAt: r.createdAt,
  endedAt: r.endedAt,
  endReason: r.endReason,
});
