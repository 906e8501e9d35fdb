import { z } from 'zod';
import { formatOrgNumber } from '../../lib/identity-numbers.ts';
import { freeText, isoDate, orgNumberSchema, organisationIdSchema, pageQuery } from '../../lib/schemas.ts';
import { visibilitySchema } from '../signals/signals.schemas.ts';
import type { FollowUpRead } from './followups.repository.ts';
import { followUpKinds, followUpOutcomes } from './followups.table.ts';

export const followUpKindSchema = z
  .enum(followUpKinds)
  .describe(
    'What was checked: ivo_register (IVO’s register of permits and decisions), unannounced_visit (oanmält besök), credit_check (kreditupplysning), document_review (staffing schedules, care plans and other documents), other.',
  );
export const followUpOutcomeSchema = z
  .enum(followUpOutcomes)
  .describe('no_remarks: the check found nothing to remark on (utan anmärkning); deviation: it led to a deviation (avvikelse), named by deviationSignalId.');
export const followUpStatusSchema = z
  .enum(['recorded', 'retracted'])
  .describe('recorded, or retracted by its issuer (with a reason; then seen only by the issuer and auditors).');

const note = freeText(2000).describe('What was checked and found, in a few sentences; no personal data about clients (a personnummer is refused with 422).');

export const recordFollowUpBody = z
  .object({
    supplierOrgNumber: orgNumberSchema,
    unitId: z.uuid().optional().describe('The unit (verksamhet) that was checked, if one.'),
    kind: followUpKindSchema,
    checkedOn: isoDate.describe('The day the check was made, YYYY-MM-DD; not after today in Sweden (422 follow_ups.checked_on_in_future).'),
    outcome: followUpOutcomeSchema,
    deviationSignalId: z
      .uuid()
      .optional()
      .describe(
        'For outcome deviation, required: the deviation your organisation issued about this supplier that the check led to (422 follow_ups.invalid_deviation otherwise); refused with no_remarks.',
      ),
    note: note.optional(),
    visibility: visibilitySchema
      .optional()
      .describe('Who may read it, as for signals; default members. A record of a check that led to an issuer_and_auditors deviation must be issuer_and_auditors too.'),
  })
  .strict()
  .meta({
    example: {
      supplierOrgNumber: '559401-1487',
      kind: 'ivo_register',
      checkedOn: '2026-03-02',
      outcome: 'no_remarks',
      note: 'Tillståndet finns i IVO:s register och gäller de avtalade platserna; inga pågående ärenden.',
    },
  });

export const retractFollowUpBody = z
  .object({ reason: freeText(1000).describe('Why the record is withdrawn; kept with it for the issuer and auditors.') })
  .strict()
  .meta({ example: { reason: 'Registrerad på fel leverantör.' } });

export const followUpSchema = z
  .object({
    id: z.guid().describe('Record id (UUIDv7, time-ordered).'),
    supplierOrgNumber: z.string().meta({ description: 'The supplier’s organisationsnummer.', example: '559401-1487' }),
    unitId: z.guid().nullable().describe('The unit (verksamhet) that was checked, if any.'),
    issuerOrgId: z.string().meta({ description: 'The organisation that made the check.', example: 'alvby' }),
    kind: followUpKindSchema,
    checkedOn: z.iso.date().describe('The day the check was made.'),
    outcome: followUpOutcomeSchema,
    deviationSignalId: z.guid().nullable().describe('The deviation the check led to; null with no_remarks. Reading it follows the signal’s own visibility.'),
    note: z.string().nullable(),
    visibility: visibilitySchema,
    status: followUpStatusSchema,
    retraction: z
      .object({ reason: z.string(), retractedAt: z.date() })
      .nullable()
      .describe('Why and when its issuer retracted it; null while recorded.'),
    createdAt: z.date().describe('When it was recorded.'),
  })
  .meta({ id: 'FollowUpRecord', description: 'A check an organisation made of a supplier and its outcome. Never edited; it changes no supplier status.' });

const filters = {
  supplier: orgNumberSchema.optional().describe('Only records about this supplier (organisationsnummer).'),
  kind: followUpKindSchema.optional(),
  issuer: organisationIdSchema.optional().describe('Only records this organisation made; your own organisation’s id for your own follow-up.'),
  outcome: followUpOutcomeSchema.optional(),
  from: isoDate.optional().describe('Only checks made on or after this day (YYYY-MM-DD).'),
  to: isoDate.optional().describe('Only checks made on or before this day (YYYY-MM-DD).'),
};

export const followUpListQuery = z
  .object({ ...filters, status: followUpStatusSchema.optional().describe('recorded or retracted; both when left out (retracted ones only for their issuer and auditors).'), ...pageQuery })
  .strict();
export const followUpCountsQuery = z.object(filters).strict();

export const followUpList = z.object({ items: z.array(followUpSchema), nextCursor: z.string().nullable() }).meta({ id: 'FollowUpRecordList' });

export const followUpCounts = z
  .object({
    items: z
      .array(
        z.object({
          month: z.string().meta({ description: 'The month of the check, YYYY-MM.', example: '2026-03' }),
          kind: followUpKindSchema,
          outcome: followUpOutcomeSchema,
          count: z.number().int().describe('Records of this kind and outcome checked in this month.'),
        }),
      )
      .describe('One row per month, kind and outcome that has records, by month, kind and outcome; months without records are left out.'),
    total: z.number().int().describe('The sum of the counts: the number of records the same filters list with status=recorded.'),
  })
  .meta({ id: 'FollowUpCounts' });

/** The record as the API shows it: the documented fields only (its row's createdBy, the client's sub, is not one). */
export const toFollowUpResponse = (r: FollowUpRead): z.output<typeof followUpSchema> => ({
  id: r.id,
  supplierOrgNumber: formatOrgNumber(r.supplierOrgNumber),
  unitId: r.unitId,
  issuerOrgId: r.issuerOrgId,
  kind: r.kind,
  checkedOn: r.checkedOn,
  outcome: r.outcome,
  deviationSignalId: r.deviationSignalId,
  note: r.note,
  visibility: r.visibility,
  status: r.retractedAt ? 'retracted' : 'recorded',
  retraction: r.retractedAt ? { reason: r.retractionReason!, retractedAt: r.retractedAt } : null,
  createdAt: r.createdAt,
});

/** The CSV columns, in order: the JSON fields, the retraction flattened into two. */
export const followUpCsvColumns = [
  'id',
  'supplierOrgNumber',
  'unitId',
  'issuerOrgId',
  'kind',
  'checkedOn',
  'outcome',
  'deviationSignalId',
  'note',
  'visibility',
  'status',
  'retractionReason',
  'retractedAt',
  'createdAt',
] as const;

export const toFollowUpCsvRow = ({ retraction, createdAt, ...fields }: z.output<typeof followUpSchema>): Record<(typeof followUpCsvColumns)[number], string | null> => ({
  ...fields,
  retractionReason: retraction?.reason ?? null,
  retractedAt: retraction?.retractedAt.toISOString() ?? null,
  createdAt: createdAt.toISOString(),
});
