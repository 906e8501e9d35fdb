import { z } from 'zod';
import { freeText } from '../../lib/schemas.ts';
import { severitySchema, signalTypeSchema } from '../signals/signals.schemas.ts';

/**
 * Signed status receipts (README, "Evidence for a placement decision"). These schemas
 * describe what the registry signs and also check what a verifier sends back, so they
 * carry no transforms and every object is strict: the signature is checked over the
 * value exactly as received, and a trimmed string, a dropped key or a converted date
 * would be a different value from the one that was signed.
 */

export const RECEIPT_TYPES = { supplier: 'supplier-status-receipt', batch: 'supplier-status-batch-receipt' } as const;

export const receiptPurposes = ['placement', 'follow_up', 'procurement', 'audit'] as const;
export const purposeSchema = z.enum(receiptPurposes).meta({
  description:
    'Why you ask: placement (before placing a child with the supplier), follow_up (uppföljning of a supplier you contract), procurement (upphandling or avrop), audit (revision).',
  example: 'placement',
});

/** The case a receipt belongs to; checked by the personal-data guard, since a receipt goes into the case file and is signed by the registry. */
export const caseReferenceSchema = freeText(100).meta({
  description:
    'Your own case reference (diarienummer), up to 100 characters, signed into the receipt so it can be filed with the case. Never a personnummer or samordningsnummer: one answers 422 input.personal_data.',
  example: 'IFO 2026/1234',
});

/** How a batch asks for a receipt: one receipt over the whole batch. */
export const receiptRequestSchema = z
  .strictObject({ purpose: purposeSchema, caseReference: caseReferenceSchema.optional() })
  .describe('Ask for one receipt over the whole batch: a signed record of the questions and the answers, and a log entry that proves the check happened.');

/** The query options of GET /v1/suppliers/{orgNumber}/status that ask for a receipt. */
export const receiptQueryShape = {
  receipt: z
    .enum(['true', 'false'])
    .optional()
    .describe('true: answer with a signed receipt (`receipt`) over the question and the answer; needs `purpose`. The read then counts as a write against the rate limit.'),
  purpose: purposeSchema.optional().describe('With receipt=true: why you ask (placement, follow_up, procurement, audit).'),
  caseReference: caseReferenceSchema.optional().describe('With receipt=true: your case reference, signed into the receipt; never a personnummer (422 input.personal_data).'),
};

const instant = z.iso.datetime().describe('UTC, ISO 8601 with milliseconds.');
const formattedOrgNumber = z.string().regex(/^\d{6}-\d{4}$/).describe('organisationsnummer, NNNNNN-NNNN.');
const nullableId = z.string().max(100).nullable();

const receiptReason = z
  .strictObject({
    signalId: z.string().max(100),
    signalVersion: z.number().int().min(1).describe('The version of the signal that decided.'),
    type: signalTypeSchema,
    effect: z.enum(['blocked', 'caution']),
    issuerOrgId: z.string().max(100),
    unitId: nullableId,
    agreementId: nullableId,
    severity: severitySchema.nullable(),
    summary: z.string().max(2000),
    reference: z.string().max(1000).nullable(),
    decisionDate: z.string().max(20).nullable(),
    effectiveFrom: instant,
    effectiveUntil: instant.nullable(),
    linkedThrough: z
      .strictObject({
        linkIds: z.array(z.string().max(100)).max(2),
        kind: z.enum(['group', 'succession']),
        relation: z.string().max(50),
        orgNumber: formattedOrgNumber,
      })
      .nullable()
      .describe('For a signal on a linked supplier: the links it came through, as the answer showed them; null for the supplier’s own signals.'),
    // Optional: receipts issued before suppliers could reply have none.
    reply: z
      .strictObject({
        version: z.number().int().min(1),
        supplierOrgId: z.string().max(100),
        text: z.string().max(4000),
        disputed: z.boolean(),
        repliedAt: instant,
      })
      .nullable()
      .optional()
      .describe('The supplier’s reply in force on the signal, as the answer showed it; null when it had not replied.'),
  })
  .describe('One deciding signal, as the status answer showed it, with its version.');

const receiptUnit = z.strictObject({ unitId: z.string().max(100), status: z.enum(['blocked', 'caution', 'clear']) });

const asker = {
  askedBy: z.string().max(100).describe('The organisation that asked (its id); the answer is the one it was given.'),
  purpose: purposeSchema,
  caseReference: z.string().max(100).nullable().describe('The case reference given with the question; null when none.'),
};

const receiptCommon = {
  version: z.literal(1).describe('The receipt format; this README describes version 1.'),
  id: z.uuid().describe('The receipt’s id; also the target of its audit log entry.'),
  issuedAt: instant.describe('When the registry issued the receipt (its clock).'),
  asOf: instant.describe('The moment the answer holds for: for a live read, the database time of the answer (the answer’s `asOf`).'),
  log: z
    .strictObject({
      position: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER).describe('The position of the receipt’s entry in the audit log (action status.receipt_issued).'),
      digest: z
        .string()
        .regex(/^[0-9a-f]{64}$/)
        .describe('SHA-256 (hex) of the canonical JSON of this receipt without `log`: the digest the log entry holds.'),
    })
    .describe('Where issuing this receipt was logged.'),
};

export const supplierReceiptSchema = z
  .strictObject({
    type: z.literal(RECEIPT_TYPES.supplier),
    ...receiptCommon,
    question: z.strictObject({
      orgNumber: formattedOrgNumber,
      unitId: nullableId.describe('The unit (verksamhet) asked about; null for the supplier as a whole.'),
      ...asker,
    }),
    answer: z.strictObject({
      status: z.enum(['blocked', 'caution', 'clear']),
      reasons: z.array(receiptReason).max(10_000),
      units: z.array(receiptUnit).max(10_000),
    }),
  })
  .meta({ id: 'StatusReceipt', description: 'What the registry answered one organisation about one supplier (or unit), and when.' });

export const batchReceiptSchema = z
  .strictObject({
    type: z.literal(RECEIPT_TYPES.batch),
    ...receiptCommon,
    question: z.strictObject({
      items: z.array(z.strictObject({ orgNumber: formattedOrgNumber, unitId: nullableId })).max(1000).describe('The questions answered, in the order sent; questions answered `invalid` are not covered.'),
      ...asker,
    }),
    answer: z.strictObject({
      results: z
        .array(
          z.strictObject({
            orgNumber: formattedOrgNumber,
            unitId: nullableId,
            registered: z.boolean(),
            status: z.enum(['blocked', 'caution', 'clear', 'unknown']),
            reasons: z.array(receiptReason).max(10_000),
            units: z.array(receiptUnit).max(10_000),
          }),
        )
        .max(1000),
    }),
  })
  .meta({ id: 'BatchStatusReceipt', description: 'What the registry answered one organisation about a batch of suppliers (or units), and when.' });

export const receiptSignatureSchema = z
  .strictObject({
    alg: z.literal('Ed25519'),
    keyId: z.string().regex(/^[0-9a-f]{32}$/).describe('The first 16 bytes (hex) of SHA-256 over the signing key’s SubjectPublicKeyInfo (DER); find the key at /.well-known/receipt-keys.'),
    // 64 bytes in canonical base64: 86 characters whose last carries 2 bits, then "==".
    value: z
      .string()
      .regex(/^[A-Za-z0-9+/]{85}[AQgw]==$/)
      .describe('base64 (RFC 4648, padded) Ed25519 signature over the UTF-8 bytes of the canonical JSON (RFC 8785) of `receipt`.'),
  })
  .meta({ id: 'ReceiptSignature' });

export const signedSupplierReceiptSchema = z
  .strictObject({ receipt: supplierReceiptSchema, signature: receiptSignatureSchema })
  .meta({ id: 'SignedStatusReceipt', description: 'Keep it as it is, in the case file; verify it with POST /v1/receipts/verify or `npm run receipt:verify`.' });

export const signedBatchReceiptSchema = z
  .strictObject({ receipt: batchReceiptSchema, signature: receiptSignatureSchema })
  .meta({ id: 'SignedBatchStatusReceipt', description: 'Keep it as it is; verify it with POST /v1/receipts/verify or `npm run receipt:verify`.' });

export const signedReceiptSchema = z.union([signedSupplierReceiptSchema, signedBatchReceiptSchema]);

export type SupplierReceipt = z.infer<typeof supplierReceiptSchema>;
export type BatchReceipt = z.infer<typeof batchReceiptSchema>;
export type Receipt = SupplierReceipt | BatchReceipt;
export type SignedReceipt = z.infer<typeof signedReceiptSchema>;
export type ReceiptReason = z.infer<typeof receiptReason>;

export const verificationReasons = ['malformed', 'key_unknown', 'signature_invalid', 'digest_mismatch', 'log_entry_missing', 'log_entry_differs'] as const;

export const receiptVerificationSchema = z
  .object({
    valid: z.boolean().describe('true when the signature, the key and the receipt’s log entry all check out.'),
    reason: z
      .enum(verificationReasons)
      .optional()
      .describe(
        'Why it is not valid: key_unknown (not signed with a key of this registry), signature_invalid (changed after signing, or signed with another key), digest_mismatch (log.digest is not the digest of the receipt), log_entry_missing (no log entry at log.position), log_entry_differs (the entry there is not this receipt’s).',
      ),
    detail: z.string().optional().describe('The reason in words.'),
    receiptId: z.string().describe('The receipt’s id, as given.'),
    keyId: z.string().describe('The key id, as given.'),
    logPosition: z.number().int().describe('The log position, as given.'),
  })
  .meta({ id: 'ReceiptVerification' });

export const receiptKeysSchema = z
  .object({
    keys: z.array(
      z.object({
        keyId: z.string().describe('As in a receipt’s signature.keyId.'),
        alg: z.literal('Ed25519'),
        publicKey: z.string().describe('SubjectPublicKeyInfo PEM; save it for `npm run receipt:verify -- --public-key`.'),
        jwk: z.object({ kty: z.literal('OKP'), crv: z.literal('Ed25519'), x: z.string() }).describe('The same key as a JWK (RFC 8037).'),
      }),
    ),
  })
  .meta({ id: 'ReceiptKeys' });
