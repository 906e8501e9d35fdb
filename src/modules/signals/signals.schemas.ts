import { z } from 'zod';
import { formatOrgNumber } from '../../lib/identity-numbers.ts';
import { freeText, orgNumberSchema, organisationIdSchema, pageQuery, timestamp } from '../../lib/schemas.ts';
import type { SignalRead } from './signals.repository.ts';
import { deviationCategories, severities, signalChangeKinds, signalTypes, signalVisibilities } from './signals.table.ts';
import type { SignalVersionRow } from './signals.table.ts';

export const signalTypeSchema = z.enum(signalTypes).meta({
  description:
    'deviation (avvikelse), call_off_stop (avropsstopp/avropspaus), termination (uppsägning/hävning), ivo_injunction (föreläggande), permit_revoked (återkallat tillstånd), financial_warning.',
});
export const severitySchema = z.enum(severities);
export const categorySchema = z.enum(deviationCategories).describe('Deviation category; whistleblower_freedom = meddelarfrihet.');
export const visibilitySchema = z
  .enum(signalVisibilities)
  .describe('members: every organisation; issuer_and_auditors: only the issuer and auditors.');
export const readStatusSchema = z
  .enum(['active', 'lifted', 'expired', 'retracted'])
  .describe('expired: active but past effectiveUntil.');

const reason = freeText(1000).describe('Why the change is made; kept in the version history.');

export const createSignalBody = z
  .object({
    type: signalTypeSchema,
    supplierOrgNumber: orgNumberSchema,
    unitId: z.uuid().optional().describe('The unit (verksamhet) the signal is about, if one.'),
    agreementId: z.uuid().optional().describe('The framework agreement (ramavtal), required for a purchasing centre’s stop.'),
    severity: severitySchema.optional().describe('Required for deviations.'),
    category: categorySchema.optional().describe('Required for deviations; only deviations have one.'),
    summary: freeText(500).meta({ example: 'Bemanningen understeg avtalad nivå vid uppföljning.' }),
    details: freeText(10_000).optional(),
    effectiveFrom: timestamp.optional().describe('Default: now.'),
    effectiveUntil: timestamp.optional().describe('When the signal stops applying; it then reads as expired.'),
    reference: freeText(200).optional().describe('Case reference, e.g. IVO diarienummer or the issuer’s own case number.'),
    visibility: visibilitySchema.optional().describe('Default: members.'),
  })
  .strict();

export const amendSignalBody = z
  .object({
    reason,
    severity: severitySchema.optional(),
    category: categorySchema.optional(),
    summary: freeText(500).optional(),
    details: freeText(10_000).nullable().optional(),
    effectiveFrom: timestamp.optional(),
    effectiveUntil: timestamp.nullable().optional(),
    reference: freeText(200).nullable().optional(),
    visibility: visibilitySchema.optional(),
  })
  .strict()
  .refine((b) => Object.keys(b).some((k) => k !== 'reason'), { message: 'change at least one field besides reason' });

export const reasonBody = z.object({ reason }).strict();

export const signalSchema = z
  .object({
    id: z.string().describe('Signal id (UUIDv7, time-ordered).'),
    type: signalTypeSchema,
    supplierOrgNumber: z.string().meta({ description: 'The supplier’s organisationsnummer.', example: '556677-8899' }),
    unitId: z.string().nullable().describe('The unit (verksamhet) the signal names, if any.'),
    agreementId: z.string().nullable().describe('The framework agreement (ramavtal), if any.'),
    issuerOrgId: z.string().meta({ description: 'The organisation that issued the signal.', example: 'sundsvall' }),
    status: readStatusSchema,
    visibility: visibilitySchema,
    severity: severitySchema.nullable(),
    category: categorySchema.nullable(),
    summary: z.string().meta({ example: 'Bemanningen understeg avtalad nivå vid uppföljning.' }),
    details: z.string().nullable(),
    reference: z.string().nullable().meta({ description: 'Case reference, e.g. IVO diarienummer.', example: 'IVO 3.5.1-12345/2026' }),
    effectiveFrom: z.date().describe('When the signal starts to apply.'),
    effectiveUntil: z.date().nullable().describe('When it stops applying; after that it reads as expired.'),
    version: z.number().int().describe('1 when created; every amendment, lift or retraction adds one.'),
    createdAt: z.date(),
    updatedAt: z.date(),
  })
  .meta({ id: 'Signal', description: 'One statement about a supplier by one organisation. Never deleted: changes are new versions.' });

export const signalVersionSchema = z
  .object({
    version: z.number().int(),
    change: z.enum(signalChangeKinds),
    reason: z.string().nullable(),
    status: z.enum(['active', 'lifted', 'retracted']),
    visibility: visibilitySchema,
    severity: severitySchema.nullable(),
    category: categorySchema.nullable(),
    summary: z.string(),
    details: z.string().nullable(),
    reference: z.string().nullable(),
    unitId: z.string().nullable(),
    agreementId: z.string().nullable(),
    effectiveFrom: z.date(),
    effectiveUntil: z.date().nullable(),
    actorOrgId: z.string(),
    createdAt: z.date(),
  })
  .meta({ id: 'SignalVersion' });

export const signalListQuery = z
  .object({
    supplier: orgNumberSchema.optional(),
    type: signalTypeSchema.optional(),
    status: readStatusSchema.optional(),
    issuer: organisationIdSchema.optional(),
    agreement: z.uuid().optional(),
    updatedSince: timestamp.optional(),
    ...pageQuery,
  })
  .strict();

export const signalList = z.object({ items: z.array(signalSchema), nextCursor: z.string().nullable() });
export const signalVersionList = z.object({ items: z.array(signalVersionSchema) });

export const toSignalResponse = (s: SignalRead) => ({ ...s, status: s.readStatus, supplierOrgNumber: formatOrgNumber(s.supplierOrgNumber) });
export const toVersionResponse = (v: SignalVersionRow) => v;
