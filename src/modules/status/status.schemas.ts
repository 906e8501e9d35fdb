import { z } from 'zod';
import { replySchema } from '../replies/replies.schemas.ts';
import { formatOrgNumber } from '../../lib/identity-numbers.ts';
import { organisationIdSchema, pageQuery, timestamp } from '../../lib/schemas.ts';
import { agreementCategorySchema } from '../agreements/agreements.schemas.ts';
import { receiptQueryShape, receiptRequestSchema, signedBatchReceiptSchema, signedSupplierReceiptSchema } from '../receipts/receipts.schemas.ts';
import { severitySchema, signalTypeSchema } from '../signals/signals.schemas.ts';

const statusValue = z.enum(['blocked', 'caution', 'clear']).meta({
  description:
    'blocked: do not place (revoked permit, or a stop/termination that applies to you); caution: read the reasons first; clear: no live signal.',
});

export const reasonSchema = z
  .object({
    signalId: z.guid().describe('The signal; read it with GET /v1/signals/{id}.'),
    signalVersion: z
      .number()
      .int()
      .min(1)
      .describe('The version of the signal whose facts these are (GET /v1/signals/{id}/versions): the current one, or in an answer as of a past moment the one in force then.'),
    type: signalTypeSchema,
    effect: z
      .enum(['blocked', 'caution'])
      .describe('What this signal means for you: blocked when it applies to you (a stop or termination from a purchasing centre, your federation or yourself, or a revoked permit), caution otherwise.'),
    issuerOrgId: z.string().describe('The organisation that issued the signal.'),
    unitId: z.guid().nullable().describe('The unit (verksamhet) it names; null when it is about the whole supplier.'),
    agreementId: z.guid().nullable().describe('The framework agreement (ramavtal) it acts under, if any.'),
    severity: severitySchema.nullable().describe('For a deviation (avvikelse): high or critical; null for other types.'),
    summary: z.string().describe('The signal’s summary.'),
    reference: z.string().nullable().describe('Its case reference: for an IVO injunction or revoked permit, IVO’s diarienummer (e.g. 3.5.1-12345/2023), to find the decision at IVO.'),
    decisionDate: z.iso
      .date()
      .nullable()
      .describe('For an IVO injunction or revoked permit, the date IVO decided (YYYY-MM-DD); null for other types and for decisions recorded before the registry asked for it.'),
    effectiveFrom: z.date(),
    effectiveUntil: z.date().nullable().describe('When it stops applying; null when open-ended.'),
    linkedThrough: z
      .object({
        linkIds: z.array(z.guid()).describe('The active links it comes through (GET /v1/supplier-links/{id}): one, or two for a sister company — the link to the common parent, then the parent’s link to the sister.'),
        kind: z.enum(['group', 'succession']),
        relation: z
          .enum(['parent', 'subsidiary', 'sister', 'predecessor'])
          .describe('What the linked supplier is to the one asked about: its parent company, a subsidiary, a sister company (same parent), or the predecessor whose operation it took over.'),
        orgNumber: z.string().describe('The linked supplier the signal is about, NNNNNN-NNNN.'),
      })
      .nullable()
      .describe('Set when the signal is about a linked supplier (README, "Linked suppliers"): a stop, termination or revoked permit there that would block you makes this supplier `caution`, never `blocked`; null for the supplier’s own signals.'),
    reply: replySchema
      .nullable()
      .describe('The reply in force of the supplier the signal is about (README, "The supplier’s reply"): what it says, and `disputed` when it disputes the signal; as of a past moment, the reply in force then. It changes no status. Null when it has not replied.'),
  })
  .meta({ id: 'StatusReason', description: 'One live signal that decides the status.' });

const unitStatus = z
  .object({
    unitId: z.guid().describe('The unit (verksamhet).'),
    status: statusValue.describe('The unit’s own status: its signals, and never better than the supplier-wide ones.'),
  })
  .describe('The status of one unit named by a live signal.');

/*
 * What the top-level status means (README, "Supplier status"): without a unit it is the
 * answer for the supplier as a whole, and a signal naming one unit makes it at most
 * `caution` — so a revoked permit or a stop on one home reads `caution` there, with
 * that home `blocked` in `units`. Asked with a unit, it is the answer for placing in
 * that home: `blocked` when the home or the whole supplier is blocked for you.
 */
const topLevelStatus = statusValue.describe(
  'Without unitId: the answer for the supplier as a whole — blocked only by a supplier-wide signal; a signal naming one unit makes it at most caution (see `units` for the blocked unit). With unitId: the answer for placing in that unit — blocked when the unit or the supplier as a whole is blocked for you; other units’ signals make it at most caution.',
);
const askedUnit = z.string().nullable().describe('The unit (verksamhet) the answer is for, as asked with unitId; null when it is for the supplier as a whole.');

/** Asking about a past moment (README, "The answer as of a past moment"): the same in the single and the batch read. */
const pastMoment = {
  asOf: timestamp
    .optional()
    .describe(
      'Ask what the answer was at this past moment (RFC 3339 with an offset; write + as %2B in a query string), rebuilt from the signals’ recorded versions: a version recorded at or before asOf counts. A moment after the registry’s clock answers 422 status.as_of_in_future; a supplier (or unit) not registered yet then reads as it did then (404 suppliers.not_found, `unknown`, suppliers.unit_not_found).',
    ),
  asOrganisation: organisationIdSchema
    .optional()
    .describe(
      'With asOf: the organisation whose answer to rebuild — what it was told, with what it could read then. Only an auditor may name another organisation (else 403 status.as_organisation_forbidden); an unknown one answers 422 status.unknown_organisation. Default: the caller.',
    ),
};

export const statusQuery = z
  .object({
    unitId: z
      .uuid()
      .optional()
      .describe('Ask for one unit (verksamhet), the home a child would go to: blocked when it or the supplier as a whole is blocked for you. A unit of another supplier answers 422 suppliers.unit_not_found.'),
    ...receiptQueryShape,
    ...pastMoment,
  })
  .strict();

const answeredFor = z
  .string()
  .optional()
  .describe('In an answer as of a past moment: the organisation whose answer it is (asOrganisation, or the caller). Absent from the answer now, which is always the caller’s.');

export const supplierStatusSchema = z
  .object({
    orgNumber: z.string().meta({ description: 'The supplier’s organisationsnummer, NNNNNN-NNNN.', example: '559001-0004' }),
    unitId: askedUnit,
    status: topLevelStatus,
    reasons: z.array(reasonSchema).describe('The signals that decide the status, newest first; empty when clear.'),
    units: z.array(unitStatus).describe('Units (verksamheter) named by a live signal, with their own status.'),
    asOf: z
      .date()
      .describe('The database time the answer holds for; a later stop may change it, so ask again before each placement. In an answer as of a past moment, the moment asked about.'),
    asOrganisation: answeredFor,
    receipt: signedSupplierReceiptSchema.optional().describe('With receipt=true: the signed receipt over this question and answer; keep it as it is.'),
  })
  .meta({ id: 'SupplierStatus', description: 'May the calling organisation place a child with this supplier now?' });

// Checked per item by the service, so that one mistyped number is answered `invalid` instead of failing the batch.
const batchQuestion = z.union([
  z.string().max(100).describe('An organisationsnummer, NNNNNN-NNNN or NNNNNNNNNN.'),
  z
    .object({
      orgNumber: z.string().max(100).describe('An organisationsnummer, NNNNNN-NNNN or NNNNNNNNNN.'),
      unitId: z.string().max(100).optional().describe('One of its units (verksamheter): the answer is for placing in that unit.'),
    })
    .strict(),
]);

export const batchStatusBody = z
  .object({
    orgNumbers: z
      .array(batchQuestion)
      .min(1)
      .max(1000)
      .describe('1–1,000 questions: an organisationsnummer, or { orgNumber, unitId } to ask for one unit; duplicates are answered once.'),
    receipt: receiptRequestSchema.optional(),
    ...pastMoment,
  })
  .strict()
  // Demo suppliers (src/demo/seed.ts): under a call-off stop, under an IVO injunction, without signals; the last is not registered.
  .meta({ example: { orgNumbers: ['559001-0004', '559201-4442', '559401-1487', '556677-8899'] } });

export const batchStatusSchema = z
  .object({
    results: z.array(
      z.object({
        orgNumber: z.string().describe('organisationsnummer, NNNNNN-NNNN; as sent when it is invalid.'),
        unitId: askedUnit,
        registered: z.boolean().describe('false when no such supplier is registered (or the number is invalid).'),
        status: z
          .enum(['blocked', 'caution', 'clear', 'unknown', 'invalid'])
          .describe(
            'blocked: do not place; caution: read the reasons first; clear: no live signal; unknown: no such supplier is registered; invalid: the question could not be asked (see `problem`). blocked, caution and clear mean what they mean in GET /v1/suppliers/{orgNumber}/status, for the supplier as a whole or, with unitId, for placing in that unit.',
          ),
        reasons: z.array(reasonSchema).describe('The signals that decide the status, newest first.'),
        units: z.array(unitStatus).describe('Units (verksamheter) named by a live signal, with their own status.'),
        problem: z
          .object({
            code: z.string().describe('input.invalid_org_number, input.invalid_unit_id or suppliers.unit_not_found.'),
            detail: z.string().describe('What is wrong with it.'),
          })
          .optional()
          .describe('Why an `invalid` question could not be answered.'),
      }),
    ).describe('One answer per distinct question, in the order sent.'),
    asOf: z.date().describe('The database time of the answer; in an answer as of a past moment, the moment asked about.'),
    asOrganisation: answeredFor,
    receipt: signedBatchReceiptSchema.optional().describe('When the body asked for one: one signed receipt over the whole batch; keep it as it is.'),
  })
  .meta({ id: 'SupplierStatusBatch' });

/** NNNNNN-NNNN, except a malformed number, which is answered as sent. */
export const withFormattedNumber = <T extends { orgNumber: string; problem?: { code: string } | undefined }>(s: T): T =>
  s.problem?.code === 'input.invalid_org_number' ? s : { ...s, orgNumber: formatOrgNumber(s.orgNumber) };

export const flaggedQuery = z
  .object({
    status: z.enum(['blocked', 'caution']).optional().describe('Only the suppliers with this status for you; both when left out.'),
    agreementCategory: agreementCategorySchema
      .optional()
      .describe('Only suppliers party to a framework agreement (ramavtal) of this category, e.g. hvb_children. Their status is still decided by all their signals, as in the single read.'),
    ...pageQuery,
  })
  .strict();

export const flaggedList = z
  .object({
    items: z
      .array(
        z.object({
          orgNumber: z.string().describe('The supplier’s organisationsnummer, NNNNNN-NNNN.'),
          name: z.string().describe('The supplier’s current name.'),
          status: z.enum(['blocked', 'caution']).describe('Its status for you, as GET /v1/suppliers/{orgNumber}/status answers for the supplier as a whole.'),
          reasons: z.array(reasonSchema).describe('The signals that decide the status, newest first.'),
          units: z.array(unitStatus).describe('Units (verksamheter) named by a live signal, with their own status.'),
        }),
      )
      .describe('The suppliers that are blocked or caution for you, by organisation number.'),
    nextCursor: z.string().nullable(),
    asOf: z.date().describe('The database time the first of the page’s signals were read at; ask again before each placement.'),
  })
  .meta({ id: 'FlaggedSuppliers' });

/*
 * CSV for people (src/lib/csv.ts): one row per supplier or question, the deciding signals
 * flattened to their count, their ids (newest first, as `reasons`), the ids of those that
 * block you and their types, space-separated; a linked supplier's number when a reason
 * comes through a link; each unit named by a signal as unitId=status. The JSON has the rest.
 */
type ReasonOut = z.output<typeof reasonSchema>;
const reasonCells = (reasons: ReasonOut[], units: Array<{ unitId: string; status: string }>) => ({
  reasonCount: String(reasons.length),
  signalIds: reasons.map((r) => r.signalId).join(' '),
  blockingSignalIds: reasons.filter((r) => r.effect === 'blocked').map((r) => r.signalId).join(' '),
  signalTypes: reasons.map((r) => r.type).join(' '),
  linkedOrgNumbers: [...new Set(reasons.flatMap((r) => (r.linkedThrough ? [r.linkedThrough.orgNumber] : [])))].join(' '),
  units: units.map((u) => `${u.unitId}=${u.status}`).join(' '),
});
const reasonColumns = ['reasonCount', 'signalIds', 'blockingSignalIds', 'signalTypes', 'linkedOrgNumbers', 'units'] as const;

export const flaggedCsvColumns = ['orgNumber', 'name', 'status', ...reasonColumns, 'asOf'] as const;
export const toFlaggedCsvRow =
  (asOf: Date) =>
  (s: z.output<typeof flaggedList>['items'][number]): Record<(typeof flaggedCsvColumns)[number], string | null> => ({
    orgNumber: s.orgNumber,
    name: s.name,
    status: s.status,
    ...reasonCells(s.reasons, s.units),
    asOf: asOf.toISOString(),
  });

export const batchCsvColumns = ['orgNumber', 'unitId', 'registered', 'status', ...reasonColumns, 'problemCode', 'problemDetail', 'asOf', 'asOrganisation'] as const;
/** A row of the batch answer; `asOrganisation` only in an answer as of a past moment, as in the JSON. */
export const toBatchCsvRow =
  (asOf: Date, asOrganisation: string | undefined) =>
  (r: z.output<typeof batchStatusSchema>['results'][number]): Record<(typeof batchCsvColumns)[number], string | null> => ({
    orgNumber: r.orgNumber,
    unitId: r.unitId,
    registered: String(r.registered),
    status: r.status,
    ...reasonCells(r.reasons, r.units),
    problemCode: r.problem?.code ?? null,
    problemDetail: r.problem?.detail ?? null,
    asOf: asOf.toISOString(),
    asOrganisation: asOrganisation ?? null,
  });
