import { z } from 'zod';
import { organisationIdSchema, timestamp, withoutNul } from '../../lib/schemas.ts';
import { signalSchema, signalVersionSchema } from '../signals/signals.schemas.ts';

export const auditEntrySchema = z
  .object({
    position: z.number().int().describe('Place in the chain, from 1, without gaps.'),
    recordedAt: z.string().describe('UTC, microsecond precision; hashed as this exact text.'),
    actorSub: z.string().describe('The API client (JWT sub) that made the change.'),
    orgId: z.string(),
    action: z.string().meta({ example: 'signal.created' }),
    targetType: z.string(),
    targetId: z.string(),
    requestId: z.string(),
    digest: z.string().describe('SHA-256 of the canonical JSON of the change.'),
    prevHash: z.string(),
    hash: z.string().describe('SHA-256(prevHash ‖ canonical JSON of the entry without the hashes).'),
  })
  .meta({ id: 'AuditEntry' });

export const auditListQuery = z
  .object({
    organisation: organisationIdSchema.optional(),
    actor: z.string().max(200).refine(...withoutNul).optional(),
    action: z.string().max(100).refine(...withoutNul).optional(),
    targetType: z.string().max(50).refine(...withoutNul).optional(),
    target: z.string().max(200).refine(...withoutNul).optional(),
    from: timestamp.optional(),
    to: timestamp.optional(),
    after: z.coerce.number().int().min(0).optional().describe('Position of the last entry you have (cursor).'),
    limit: z.coerce.number().int().min(1).max(1000).default(100),
  })
  .strict();

export const auditList = z.object({ items: z.array(auditEntrySchema), nextAfter: z.number().int().nullable() });

export const signedHeadSchema = z
  .object({
    length: z.number().int(),
    headHash: z.string(),
    signedAt: z.string(),
    signature: z.string().describe('base64 Ed25519 over the canonical JSON of {headHash, length, signedAt}.'),
    publicKey: z.string().describe('SPKI PEM of the key that signed.'),
  })
  .meta({ id: 'SignedHead', description: 'Keep the heads you fetch: they let you prove later that nothing was removed.' });

export const verifyQuery = z
  .object({ from: z.coerce.number().int().min(1).optional(), to: z.coerce.number().int().min(1).optional() })
  .strict();

export const verifyResultSchema = z
  .object({
    ok: z.boolean(),
    checked: z.number().int(),
    brokenAt: z.number().int().optional(),
    reason: z.string().optional(),
    headsChecked: z.number().int(),
  })
  .meta({ id: 'AuditVerification' });

export const readLogQuery = z
  .object({ organisation: organisationIdSchema.optional(), before: timestamp.optional(), limit: z.coerce.number().int().min(1).max(1000).default(100) })
  .strict();

export const readLogList = z.object({
  items: z.array(
    z.object({
      id: z.string(),
      at: z.date(),
      actorSub: z.string(),
      orgId: z.string(),
      action: z.string(),
      targetType: z.string(),
      targetIds: z.array(z.string()),
      requestId: z.string(),
    }),
  ),
});

export const supplierHistorySchema = z
  .object({
    orgNumber: z.string(),
    signals: z.array(z.object({ signal: signalSchema, versions: z.array(signalVersionSchema.extend({ actorSub: z.string() })) })),
  })
  .meta({ id: 'SupplierHistory' });
