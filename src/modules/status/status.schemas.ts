import { z } from 'zod';
import { formatOrgNumber } from '../../lib/identity-numbers.ts';
import { orgNumberSchema } from '../../lib/schemas.ts';
import { severitySchema, signalTypeSchema } from '../signals/signals.schemas.ts';

const statusValue = z.enum(['blocked', 'caution', 'clear']).meta({
  description:
    'blocked: do not place (revoked permit, or a stop/termination that applies to you); caution: read the reasons first; clear: no live signal.',
});

export const reasonSchema = z
  .object({
    signalId: z.string().describe('The signal; read it with GET /v1/signals/{id}.'),
    type: signalTypeSchema,
    effect: z
      .enum(['blocked', 'caution'])
      .describe('What this signal means for you: blocked when it applies to you (a stop or termination from a purchasing centre, your federation or yourself, or a revoked permit), caution otherwise.'),
    issuerOrgId: z.string().describe('The organisation that issued the signal.'),
    unitId: z.string().nullable().describe('The unit (verksamhet) it names; null when it is about the whole supplier.'),
    agreementId: z.string().nullable().describe('The framework agreement (ramavtal) it acts under, if any.'),
    severity: severitySchema.nullable().describe('For a deviation (avvikelse): high or critical; null for other types.'),
    summary: z.string().describe('The signal’s summary.'),
    effectiveFrom: z.date(),
    effectiveUntil: z.date().nullable().describe('When it stops applying; null when open-ended.'),
  })
  .meta({ id: 'StatusReason', description: 'One live signal that decides the status.' });

const unitStatus = z
  .object({
    unitId: z.string().describe('The unit (verksamhet).'),
    status: statusValue.describe('The unit’s own status: its signals, and never better than the supplier-wide ones.'),
  })
  .describe('The status of one unit named by a live signal.');

export const supplierStatusSchema = z
  .object({
    orgNumber: z.string().meta({ description: 'The supplier’s organisationsnummer, NNNNNN-NNNN.', example: '559001-0004' }),
    status: statusValue,
    reasons: z.array(reasonSchema).describe('The signals that decide the status, newest first; empty when clear.'),
    units: z.array(unitStatus).describe('Units (verksamheter) named by a live signal, with their own status.'),
    asOf: z.date().describe('The database time the answer holds for; a later stop may change it, so ask again before each placement.'),
  })
  .meta({ id: 'SupplierStatus', description: 'May the calling organisation place a child with this supplier now?' });

export const batchStatusBody = z
  .object({ orgNumbers: z.array(orgNumberSchema).min(1).max(1000).describe('1–1,000 organisationsnummer; duplicates are answered once.') })
  .strict()
  // Demo suppliers (src/demo/seed.ts): under a call-off stop, under an IVO injunction, without signals; the last is not registered.
  .meta({ example: { orgNumbers: ['559001-0004', '559201-4442', '559401-1487', '556677-8899'] } });

export const batchStatusSchema = z
  .object({
    results: z.array(
      z.object({
        orgNumber: z.string().describe('organisationsnummer, NNNNNN-NNNN.'),
        registered: z.boolean().describe('false when no such supplier is registered.'),
        status: z
          .enum(['blocked', 'caution', 'clear', 'unknown'])
          .describe('blocked: do not place; caution: read the reasons first; clear: no live signal; unknown: no such supplier is registered.'),
        reasons: z.array(reasonSchema).describe('The signals that decide the status, newest first.'),
        units: z.array(unitStatus).describe('Units (verksamheter) named by a live signal, with their own status.'),
      }),
    ).describe('One answer per distinct organisation number, in the order sent.'),
    asOf: z.date().describe('The database time of the answer.'),
  })
  .meta({ id: 'SupplierStatusBatch' });

export const withFormattedNumber = <T extends { orgNumber: string }>(s: T): T => ({ ...s, orgNumber: formatOrgNumber(s.orgNumber) });
