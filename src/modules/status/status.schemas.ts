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
    signalId: z.string(),
    type: signalTypeSchema,
    effect: z.enum(['blocked', 'caution']),
    issuerOrgId: z.string(),
    unitId: z.string().nullable(),
    agreementId: z.string().nullable(),
    severity: severitySchema.nullable(),
    summary: z.string(),
    effectiveFrom: z.date(),
    effectiveUntil: z.date().nullable(),
  })
  .meta({ id: 'StatusReason' });

const unitStatus = z.object({ unitId: z.string(), status: statusValue });

export const supplierStatusSchema = z
  .object({
    orgNumber: z.string(),
    status: statusValue,
    reasons: z.array(reasonSchema).describe('The signals that decide the status, newest first.'),
    units: z.array(unitStatus).describe('Units (verksamheter) named by a live signal, with their own status.'),
    asOf: z.date(),
  })
  .meta({ id: 'SupplierStatus' });

export const batchStatusBody = z.object({ orgNumbers: z.array(orgNumberSchema).min(1).max(1000) }).strict();

export const batchStatusSchema = z
  .object({
    results: z.array(
      z.object({
        orgNumber: z.string(),
        registered: z.boolean(),
        status: z.enum(['blocked', 'caution', 'clear', 'unknown']).describe('unknown: no such supplier is registered.'),
        reasons: z.array(reasonSchema),
        units: z.array(unitStatus),
      }),
    ),
    asOf: z.date(),
  })
  .meta({ id: 'SupplierStatusBatch' });

export const withFormattedNumber = <T extends { orgNumber: string }>(s: T): T => ({ ...s, orgNumber: formatOrgNumber(s.orgNumber) });
