import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { bearer } from '../../lib/route.ts';
import { problems } from '../../lib/schemas.ts';
import { receiptKeysSchema, receiptVerificationSchema, signedReceiptSchema } from './receipts.schemas.ts';
import type { ReceiptService } from './receipts.service.ts';

// A batch receipt over 1,000 suppliers, each with its reasons, can be larger than an ordinary request.
const RECEIPT_BODY_LIMIT = 4 * 1024 * 1024;

export const receiptRoutes: FastifyPluginAsyncZod<{ receipts: ReceiptService }> = async (app, { receipts }) => {
  app.post(
    '/v1/receipts/verify',
    {
      // Any organisation: a receipt is shown to others (an auditor, the inspectorate, another
      // municipality, the supplier) and each of them may check it. A token is still asked for
      // so that checks are rate-limited per organisation; without one, use the offline verifier.
      onRequest: app.authorize({ scope: 'registry:read' }),
      bodyLimit: RECEIPT_BODY_LIMIT,
      schema: {
        operationId: 'verifyReceipt',
        summary: 'Check a signed status receipt: its signature, its key and its entry in the audit log',
        description:
          'Send a signed status receipt exactly as the status read returned it (`receipt` of the answer: {receipt, signature}). Answers 200 `{valid: true}` when the Ed25519 signature over the canonical JSON of `receipt` verifies with this registry’s key named by `signature.keyId`, `log.digest` is the receipt’s digest, and the audit log entry at `log.position` is this receipt’s (action status.receipt_issued, its id, its asker, its digest); otherwise `{valid: false, reason, detail}`. The log is read only once the signature verifies. Anything that is not shaped like a receipt (a missing or extra field, a wrong type) answers 400 input.invalid. Any organisation may call it, with the `registry:read` scope: a receipt is meant to be shown to others. Up to 4 MiB.',
        tags: ['receipts'],
        security: bearer,
        body: signedReceiptSchema,
        response: { 200: receiptVerificationSchema, ...problems(400, 401, 403, 413) },
      },
    },
    async (request) => receipts.verify(request.body),
  );

  app.get(
    '/.well-known/receipt-keys',
    {
      schema: {
        operationId: 'getReceiptKeys',
        summary: 'The public keys status receipts are signed with (no token needed)',
        description:
          'The registry’s Ed25519 public keys, by key id, as PEM and as JWK: a receipt names its key in `signature.keyId`. Save the PEM to verify receipts offline (`npm run receipt:verify -- --file receipt.json --public-key key.pem`) years later, and compare it with the key the operator publishes. The same key signs the audit log’s heads. Needs no token.',
        tags: ['receipts'],
        response: { 200: receiptKeysSchema },
      },
    },
    async () => receipts.keys(),
  );
};
