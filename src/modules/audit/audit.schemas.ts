import { z } from 'zod';
import { replySchema } from '../replies/replies.schemas.ts';
import { deprecatedNextPosition, deprecatedPosition, organisationIdSchema, pageParams, timestamp, withoutNul } from '../../lib/schemas.ts';
import { signalSchema, signalVersionSchema } from '../signals/signals.schemas.ts';
import { followUpSchema } from '../followups/followups.schemas.ts';
import { supplierLinkHistorySchema } from '../links/links.schemas.ts';

export const auditEntrySchema = z
  .object({
    position: z.number().int().describe('Place in the chain, from 1, without gaps.'),
    // Not re-checked on the way out: the chain hashes this exact text.
    recordedAt: z.string().meta({ format: 'date-time' }).describe('When the entry was appended, inside the write’s transaction: UTC, microsecond precision; hashed as this exact text.'),
    actorSub: z.string().describe('The API client (JWT sub) that made the change.'),
    orgId: z.string().describe('The organisation the client acted for.'),
    action: z.string().meta({ description: 'What was done, as <resource>.<verb>.', example: 'signal.created' }),
    targetType: z.string().meta({ description: 'The kind of record changed.', example: 'signal' }),
    targetId: z.string().describe('The changed record’s id (an organisationsnummer for a supplier).'),
    requestId: z.string().describe('The request that made the change, as in the logs and in problem details.'),
    digest: z.string().describe('SHA-256 (hex) of the canonical JSON of the change; hold the change to prove what was written.'),
    prevHash: z.string().describe('The hash of the entry before; 64 zeros for the first entry.'),
    hash: z.string().describe('SHA-256 (hex) of prevHash ‖ the canonical JSON of the entry without the hashes: altering or removing an entry changes every hash after it.'),
  })
  .meta({ id: 'AuditEntry', description: 'One write in the append-only, hash-chained audit log.' });

export const auditListQuery = z
  .object({
    organisation: organisationIdSchema.optional().describe('Only entries of this organisation (auditors and the operator; members always get their own).'),
    actor: z.string().max(200).refine(...withoutNul).optional().describe('Only entries by this API client (JWT sub).'),
    action: z.string().max(100).refine(...withoutNul).optional().describe('Only this action, e.g. signal.created.'),
    targetType: z.string().max(50).refine(...withoutNul).optional().describe('Only this kind of record, e.g. signal.'),
    target: z.string().max(200).refine(...withoutNul).optional().describe('Only entries about this record id.'),
    from: timestamp.optional().describe('Only entries recorded at or after this time.'),
    to: timestamp.optional().describe('Only entries recorded before this time.'),
    ...pageParams({ max: 1000, defaultLimit: 100 }),
    after: deprecatedPosition('the position of the last entry you have'),
  })
  .strict();

export const auditList = z.object({
  items: z.array(auditEntrySchema).describe('Entries in chain order.'),
  nextCursor: z.string().nullable().describe('Pass as `cursor` for the next page; null on the last page.'),
  nextAfter: deprecatedNextPosition('the position of the last entry of this page, for clients that still page with `after`; null on the last page.', true),
});

export const signedHeadSchema = z
  .object({
    length: z.number().int().describe('How many entries the head covers: the position of the last one.'),
    headHash: z.string().describe('The hash of entry `length`.'),
    signedAt: z.string().meta({ format: 'date-time' }).describe('When the head was signed (ISO 8601, UTC).'),
    signature: z.string().describe('base64 Ed25519 over the canonical JSON of {headHash, length, signedAt}.'),
    publicKey: z.string().describe('SPKI PEM of the key that signed.'),
  })
  .meta({ id: 'SignedHead', description: 'Keep the heads you fetch: they let you prove later that nothing was removed.' });

export const verifyQuery = z
  .object({
    from: z.coerce.number().int().min(1).optional().describe('First position to recompute; default 1.'),
    to: z.coerce.number().int().min(1).optional().describe('Last position to recompute; default the end of the chain.'),
  })
  .strict();

export const verifyResultSchema = z
  .object({
    ok: z.boolean().describe('true when every entry and every signed head matches.'),
    checked: z.number().int().describe('How many entries were recomputed.'),
    brokenAt: z.number().int().optional().describe('The first position that does not match, when ok is false.'),
    reason: z.string().optional().describe('What does not match, when ok is false.'),
    headsChecked: z.number().int().describe('How many signed heads were checked against the chain.'),
    checkpointsChecked: z.number().int().describe('How many signed checkpoints’ roots were recomputed from the entries (when verifying from position 1).'),
    signalsChecked: z.number().int().describe('How many signals’ rows were checked against their version history (always all of them, whatever from..to).'),
    signalsDiffering: z
      .array(
        z.object({
          signalId: z.guid(),
          version: z.number().int().describe('The version number the row holds.'),
          latestVersion: z.number().int().nullable().describe('The number of its latest version in the history; null when it has none.'),
          fields: z
            .array(z.string())
            .describe('What differs: a column of the row that is not as its latest version has it (e.g. status), its type, supplier or issuer not as its events carry them, expired_version before its period ended, or no_version.'),
        }),
      )
      .describe('Signals whose row is not what their history says, by id, at most 100: a change made behind the application’s back. Any makes ok false.'),
  })
  .meta({ id: 'AuditVerification' });

export const readLogQuery = z
  .object({
    organisation: organisationIdSchema.optional().describe('Only reads by this organisation.'),
    before: timestamp.optional().describe('Only reads before this time (a filter; page with `cursor`).'),
    ...pageParams({ max: 1000, defaultLimit: 100, cursor: 'Opaque cursor from `nextCursor` of the previous page: the next page continues exactly after its last read.' }),
  })
  .strict();

export const readLogList = z.object({
  items: z.array(
    z.object({
      id: z.guid(),
      at: z.date().describe('When the read happened.'),
      actorSub: z.string().describe('The API client (JWT sub) that read.'),
      orgId: z.string().describe('The organisation the client acted for.'),
      action: z.string().meta({ description: 'What was read, e.g. signal.read_restricted or supplier.read_sole_trader.', example: 'signal.read_restricted' }),
      targetType: z.string(),
      targetIds: z.array(z.string()).describe('The records read.'),
      requestId: z.string(),
    }),
  ),
  nextCursor: z.string().nullable().describe('Pass as `cursor` for the next (older) page; null on the last page.'),
});

export const supplierVersionSchema = z
  .object({
    version: z.number().int().describe('From 1, without gaps.'),
    change: z.enum(['created', 'updated']).describe('created: registered; updated: its name or units changed.'),
    name: z.string().describe('The supplier’s name in this version.'),
    units: z.array(z.object({ id: z.guid(), name: z.string(), kind: z.string().nullable() })).describe('Its units (verksamheter) in this version.'),
    reason: z.string().nullable().describe('Why it was changed, as the changer gave it.'),
    orgId: z.string().describe('The organisation that made the change.'),
    actorSub: z.string().describe('The API client (JWT sub) that made the change.'),
    createdAt: z.date(),
  })
  .meta({ id: 'SupplierVersion', description: 'One version of a supplier record (name and units).' });

export const supplierHistorySchema = z
  .object({
    orgNumber: z.string().describe('The supplier’s organisationsnummer, NNNNNN-NNNN.'),
    versions: z.array(supplierVersionSchema).describe('Every version of the supplier record (name and units), oldest first: who changed it, when and why.'),
    links: z
      .array(supplierLinkHistorySchema)
      .describe('Every link to another supplier it ever had, oldest first, ended ones included: drawn (createdAt, by whom, why) and ended (endedAt, by whom, why). The links in force at a moment t are those with createdAt ≤ t and endedAt null or after t.'),
    signals: z
      .array(
        z.object({
          signal: signalSchema,
          versions: z.array(signalVersionSchema.extend({ actorSub: z.string().describe('The API client (JWT sub) that made the change.') })),
          replies: z
            .array(replySchema.extend({ actorSub: z.string().describe('The supplier’s API client (JWT sub) that made the reply.') }))
            .describe('Every version of the supplier’s reply to the signal, oldest first (README, "The supplier’s reply").'),
        }),
      )
      .describe(
        'Every signal about the supplier with its versions, by the rule every route applies: auditors read all, retracted and issuer_and_auditors ones included; the operator reads what GET /v1/signals/{id} and its versions show it.',
      ),
    followUps: z
      .array(followUpSchema)
      .describe('Every follow-up record about the supplier, oldest first, by the rule for signals: auditors read all, retracted and issuer_and_auditors ones included; the operator the members-visible ones not retracted.'),
  })
  .meta({ id: 'SupplierHistory' });
