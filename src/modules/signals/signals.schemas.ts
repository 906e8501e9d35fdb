import { z } from 'zod';
import { replySchema } from '../replies/replies.schemas.ts';
import { formatOrgNumber } from '../../lib/identity-numbers.ts';
import { freeText, isoDate, orgNumberSchema, organisationIdSchema, pageQuery, timestamp } from '../../lib/schemas.ts';
import { agreementCategorySchema } from '../agreements/agreements.schemas.ts';
import type { SignalRead } from './signals.repository.ts';
import { deviationCategories, severities, signalChangeKinds, signalGrounds, signalTypes, signalVisibilities, terminationKinds } from './signals.table.ts';

export const signalTypeSchema = z.enum(signalTypes).meta({
  description:
    'deviation (avvikelse), call_off_stop (avropsstopp/avropspaus), termination (uppsägning/hävning), ivo_injunction (föreläggande), permit_revoked (återkallat tillstånd), financial_warning.',
});
export const severitySchema = z
  .enum(severities)
  .describe('How serious a deviation (avvikelse) is; live high and critical deviations from the last 12 months make a supplier’s status caution.');
export const categorySchema = z
  .enum(deviationCategories)
  .describe(
    'Deviation (avvikelse) category: staffing (bemanning), premises (lokaler), care_plan (vårdplan/genomförandeplan), reporting, whistleblower_freedom (meddelarfrihet), substances, safety, finances, other.',
  );
export const groundSchema = z
  .enum(signalGrounds)
  .describe(
    'Why a call-off stop or termination was made: quality (kvalitetsbrister), staffing (bemanning), finances (ekonomi, e.g. a credit warning), under_investigation (pågående utredning), breach_of_contract (avtalsbrott), other.',
  );
export const terminationKindSchema = z
  .enum(terminationKinds)
  .describe('For a termination: notice (uppsägning: the agreement ends after its notice period) or rescission (hävning: ended at once for a material breach).');
const recipientOrgId = organisationIdSchema.describe(
  'Makes the deviation a tip addressed to this organisation (e.g. the purchasing centre that owns the agreement): only you, it and auditors read it, and it lists it with `GET /v1/signals?recipient=<its id>`. Implies visibility issuer_and_auditors; not for auditors or the operator, who read everything or nothing of it. Cannot be changed later.',
);
const relatedSignalIds = z
  .array(z.uuid())
  .max(20)
  .describe(
    'For a call-off stop or termination: the signals that led to it (tips, deviations), by id, at most 20, each one you may read. Shown to each reader only as far as that reader may read them. Replaced as a whole when amended.',
  );

export const visibilitySchema = z
  .enum(signalVisibilities)
  .describe(
    'members: every organisation; issuer_and_auditors: only the issuer and auditors, and every read is logged (deviations and financial warnings only).',
  );
export const readStatusSchema = z
  .enum(['scheduled', 'active', 'lifted', 'expired', 'retracted'])
  .describe(
    'scheduled: its period has not begun (effectiveFrom is ahead), so it does not count in any status yet; active: in effect; lifted: a call-off stop its issuer lifted (hävt avropsstopp); expired: past effectiveUntil; retracted: withdrawn by its issuer, seen only by the issuer and auditors. scheduled and expired are computed on read from the period and the database clock.',
  );

const reason = freeText(1000).describe('Why the change is made; kept in the version history.');
const summary = freeText(500).describe('What was found or decided, in a sentence or two; no personal data about clients (a personnummer is refused with 422).');
const details = freeText(10_000).describe('The fuller account: findings, what was asked of the supplier, follow-up; no personal data about clients.');
const reference = freeText(200).describe(
  'Case reference. For ivo_injunction (föreläggande) and permit_revoked, required and IVO’s diarienummer in IVO’s shape — classification, serial, year, optional part, e.g. 3.5.1-12345/2023 or 8.7.1-6361/2015-1, optionally after "IVO " — else 422 signals.invalid_reference; for other types the issuer’s own case number.',
);
const decisionDate = isoDate.describe(
  'The date of the IVO decision (beslutsdatum), YYYY-MM-DD: required for ivo_injunction and permit_revoked, not after today in Sweden, refused on other types (422 signals.invalid_decision_date).',
);

export const createSignalBody = z
  .object({
    type: signalTypeSchema,
    supplierOrgNumber: orgNumberSchema,
    unitId: z.uuid().optional().describe('The unit (verksamhet) the signal is about, if one.'),
    agreementId: z.uuid().optional().describe('The framework agreement (ramavtal), required for a purchasing centre’s stop.'),
    severity: severitySchema.optional().describe('How serious the deviation is (low, medium, high, critical); required for deviations.'),
    category: categorySchema
      .optional()
      .describe('Deviation (avvikelse) category, e.g. staffing (bemanning) or whistleblower_freedom (meddelarfrihet); required for deviations, refused on other types.'),
    summary: summary.meta({ example: 'Bemanningen understeg avtalad nivå vid uppföljning.' }),
    details: details.optional(),
    effectiveFrom: timestamp
      .optional()
      .describe('When the signal starts to apply; default: now. A later time makes it scheduled until then, and subscribers get signal.took_effect when it begins.'),
    effectiveUntil: timestamp.optional().describe('When the signal stops applying; it then reads as expired. Open-ended when left out.'),
    reference: reference.optional(),
    decisionDate: decisionDate.optional(),
    ground: groundSchema.optional().describe('Why the call-off stop or termination is made; only on those two types (422 signals.invalid otherwise).'),
    terminationKind: terminationKindSchema.optional().describe('Uppsägning (notice) or hävning (rescission); only on a termination.'),
    recipientOrgId: recipientOrgId.optional(),
    relatedSignalIds: relatedSignalIds.optional(),
    visibility: visibilitySchema
      .optional()
      .describe('Who may read it; default members (issuer_and_auditors for a tip). Only deviations and financial warnings may be issuer_and_auditors.'),
  })
  .strict()
  // A deviation by the demo municipality Älvby (src/demo/seed.ts) about demo supplier
  // 559401-1487, which has no other signals. A call-off stop would need an agreement id,
  // and the demo's are generated when it is seeded.
  .meta({
    example: {
      type: 'deviation',
      supplierOrgNumber: '559401-1487',
      severity: 'high',
      category: 'staffing',
      summary: 'Bemanningen nattetid understeg avtalad nivå vid uppföljningsbesöket.',
      details: 'Vid oanmält besök fanns en person i tjänst nattetid mot avtalade två. Leverantören har ombetts redovisa bemanningsschema för de senaste fyra veckorna.',
      reference: 'ÄLV-SN 2026/418',
    },
  });

export const amendSignalBody = z
  .object({
    reason,
    severity: severitySchema.optional(),
    category: categorySchema.optional(),
    summary: summary.optional(),
    details: details.nullable().optional().describe('The fuller account; null removes it.'),
    effectiveFrom: timestamp.optional().describe('When the signal starts to apply.'),
    effectiveUntil: timestamp.nullable().optional().describe('When the signal stops applying; null makes it open-ended.'),
    reference: reference.nullable().optional(),
    decisionDate: decisionDate.optional(),
    ground: groundSchema.optional(),
    terminationKind: terminationKindSchema.optional(),
    relatedSignalIds: relatedSignalIds.optional(),
    visibility: visibilitySchema.optional(),
  })
  .strict()
  .refine((b) => Object.keys(b).some((k) => k !== 'reason'), { message: 'change at least one field besides reason' })
  // Fields left out keep their value; the signal gets a new version.
  .meta({
    example: {
      reason: 'Leverantören har redovisat bemanningsschema; bristen gällde två nätter.',
      severity: 'medium',
      details: 'Vid oanmält besök fanns en person i tjänst nattetid mot avtalade två. Redovisat schema visar att bristen gällde två nätter under sjukfrånvaro.',
    },
  });

export const reasonBody = z.object({ reason }).strict();
// The same body for both, each with its own example.
export const liftSignalBody = reasonBody.meta({ example: { reason: 'Utredningen av bemanningen nattetid är avslutad och bristerna är åtgärdade.' } });
export const retractSignalBody = reasonBody.meta({ example: { reason: 'Registrerad på fel leverantör.' } });

export const signalSchema = z
  .object({
    id: z.guid().describe('Signal id (UUIDv7, time-ordered).'),
    type: signalTypeSchema,
    supplierOrgNumber: z.string().meta({ description: 'The supplier’s organisationsnummer.', example: '559401-1487' }),
    unitId: z.guid().nullable().describe('The unit (verksamhet) the signal names, if any.'),
    agreementId: z.guid().nullable().describe('The framework agreement (ramavtal), if any.'),
    issuerOrgId: z.string().meta({ description: 'The organisation that issued the signal.', example: 'alvby' }),
    status: readStatusSchema,
    visibility: visibilitySchema,
    severity: severitySchema.nullable().describe('How serious a deviation (avvikelse) is; null for other types.'),
    category: categorySchema.nullable().describe('Deviation (avvikelse) category; null for other types.'),
    summary: z.string().meta({ description: 'What was found or decided, in a sentence or two.', example: 'Bemanningen understeg avtalad nivå vid uppföljning.' }),
    details: z.string().nullable().describe('The fuller account, if the issuer gave one.'),
    reference: z
      .string()
      .nullable()
      .meta({ description: 'Case reference: IVO’s diarienummer for IVO decisions, or the issuer’s own case number.', example: '3.5.1-12345/2026' }),
    decisionDate: z.iso
      .date()
      .nullable()
      .describe('For IVO decisions, the date IVO decided (YYYY-MM-DD); null for other types and for IVO decisions recorded before the registry asked for it.'),
    ground: groundSchema.nullable().describe('Why a call-off stop or termination was made; null on other types and when the issuer did not say.'),
    terminationKind: terminationKindSchema.nullable().describe('For a termination: notice (uppsägning) or rescission (hävning); null otherwise or when not given.'),
    recipientOrgId: z.string().nullable().describe('For a tip: the organisation it is addressed to; null otherwise.'),
    relatedSignalIds: z
      .array(z.guid())
      .describe('The signals that led to this stop or termination, as far as you may read them (in events: those every member may read).'),
    effectiveFrom: z.date().describe('When the signal starts to apply; before that it reads scheduled.'),
    effectiveUntil: z.date().nullable().describe('When it stops applying; after that it reads as expired.'),
    version: z.number().int().describe('1 when created; every amendment, lift or retraction adds one.'),
    createdAt: z.date(),
    updatedAt: z.date(),
    reply: replySchema
      .nullable()
      .describe('The reply in force of the supplier the signal is about (README, "The supplier’s reply"), shown to everyone who reads the signal; null when it has not replied.'),
  })
  .meta({ id: 'Signal', description: 'One statement about a supplier by one organisation. Never deleted: changes are new versions.' });

export const signalVersionSchema = z
  .object({
    version: z.number().int().describe('1 for the signal as created, then one more per change.'),
    change: z.enum(signalChangeKinds).describe('What made this version.'),
    reason: z.string().nullable().describe('Why the change was made; null for the created version.'),
    status: z.enum(['active', 'lifted', 'retracted']).describe('The stored status after the change (scheduled and expired are only computed on read).'),
    visibility: visibilitySchema,
    severity: severitySchema.nullable(),
    category: categorySchema.nullable(),
    summary: z.string(),
    details: z.string().nullable(),
    reference: z.string().nullable(),
    decisionDate: z.iso.date().nullable().describe('For IVO decisions, the date IVO decided (YYYY-MM-DD).'),
    ground: groundSchema.nullable(),
    terminationKind: terminationKindSchema.nullable(),
    recipientOrgId: z.string().nullable(),
    relatedSignalIds: z.array(z.guid()).describe('As far as you may read them.'),
    unitId: z.guid().nullable(),
    agreementId: z.guid().nullable(),
    effectiveFrom: z.date(),
    effectiveUntil: z.date().nullable(),
    actorOrgId: z.string().describe('The organisation that made the change (always the issuer).'),
    createdAt: z.date().describe('When the change was made.'),
  })
  .meta({ id: 'SignalVersion', description: 'The signal as it stood after one change; versions are never altered.' });

const signalFilters = {
    supplier: orgNumberSchema.optional().describe('Only signals about this supplier (organisationsnummer).'),
    type: signalTypeSchema.optional(),
    status: readStatusSchema.optional(),
    issuer: organisationIdSchema.optional().describe('Only signals this organisation issued.'),
    agreement: z.uuid().optional().describe('Only signals under this framework agreement (ramavtal).'),
    ground: groundSchema.optional().describe('Only stops and terminations with this ground.'),
    terminationKind: terminationKindSchema.optional().describe('Only terminations of this kind.'),
    recipient: organisationIdSchema.optional().describe('Only tips addressed to this organisation; your own id lists the tips addressed to you.'),
    agreementCategory: agreementCategorySchema.optional().describe('Only signals under a framework agreement of this category, e.g. hvb_children.'),
    periodFrom: timestamp
      .optional()
      .describe('Only signals in effect at some moment at or after this time (their period ends after it, or never): with periodTo, the signals of a reporting period.'),
    periodTo: timestamp.optional().describe('Only signals in effect at some moment before this time (their period begins before it).'),
    updatedSince: timestamp.optional().describe('Only signals created or changed at or after this time.'),
};

export const signalListQuery = z.object({ ...signalFilters, ...pageQuery }).strict();
export const signalCountsQuery = z.object(signalFilters).strict();

export const signalCounts = z
  .object({
    items: z
      .array(
        z.object({
          month: z.string().describe('The month the signals took effect (effectiveFrom), Swedish time, YYYY-MM.'),
          type: signalTypeSchema,
          category: categorySchema.nullable().describe('For deviations, their category.'),
          ground: groundSchema.nullable().describe('For stops and terminations, their ground (null when not given).'),
          terminationKind: terminationKindSchema.nullable().describe('For terminations, their kind (null when not given).'),
          count: z.number().int(),
        }),
      )
      .describe('One row per month, type, category, ground and termination kind that has signals; the rest are left out.'),
    total: z.number().int().describe('The sum of the counts: the signals the same filters list, retracted ones left out.'),
  })
  .meta({ id: 'SignalCounts' });

/** The CSV columns of a signal list, in order: the JSON fields, relatedSignalIds joined by spaces. */
export const signalCsvColumns = [
  'id', 'type', 'supplierOrgNumber', 'unitId', 'agreementId', 'issuerOrgId', 'recipientOrgId', 'status', 'visibility', 'severity', 'category',
  'ground', 'terminationKind', 'summary', 'details', 'reference', 'decisionDate', 'relatedSignalIds', 'effectiveFrom', 'effectiveUntil', 'version',
  'createdAt', 'updatedAt',
] as const;
const csvTime = (d: Date | null) => (d ? d.toISOString() : null);
export const toSignalCsvRow = (s: z.output<typeof signalSchema>): Record<(typeof signalCsvColumns)[number], string | null> => ({
  ...s,
  version: String(s.version),
  relatedSignalIds: s.relatedSignalIds.join(' '),
  effectiveFrom: csvTime(s.effectiveFrom),
  effectiveUntil: csvTime(s.effectiveUntil),
  createdAt: csvTime(s.createdAt),
  updatedAt: csvTime(s.updatedAt),
});

export const signalList = z.object({ items: z.array(signalSchema), nextCursor: z.string().nullable() });
export const signalVersionList = z.object({ items: z.array(signalVersionSchema) });

/**
 * The signal as the API shows it: exactly the documented fields. Spelled out rather
 * than spread, because a spread also carried the row's own columns (`createdBy`, the
 * issuing client's `sub`, and `readStatus`) into the event payloads built from it.
 */
export const toSignalResponse = (s: SignalRead): z.output<typeof signalSchema> => ({
  id: s.id,
  type: s.type,
  supplierOrgNumber: formatOrgNumber(s.supplierOrgNumber),
  unitId: s.unitId,
  agreementId: s.agreementId,
  issuerOrgId: s.issuerOrgId,
  status: s.readStatus,
  visibility: s.visibility,
  severity: s.severity,
  category: s.category,
  summary: s.summary,
  details: s.details,
  reference: s.reference,
  decisionDate: s.decisionDate,
  ground: s.ground,
  terminationKind: s.terminationKind,
  recipientOrgId: s.recipientOrgId,
  relatedSignalIds: s.relatedSignalIds,
  effectiveFrom: s.effectiveFrom,
  effectiveUntil: s.effectiveUntil,
  version: s.version,
  createdAt: s.createdAt,
  updatedAt: s.updatedAt,
  reply: s.reply ?? null,
});
