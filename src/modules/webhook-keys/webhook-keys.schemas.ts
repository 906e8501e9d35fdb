import { z } from 'zod';
import { freeText } from '../../lib/schemas.ts';

export const publishedKeySchema = z
  .object({
    kid: z.string().describe('Key id: the RFC 7638 JWK thumbprint of the public key, as `webhook-key-id` names it.'),
    kty: z.literal('OKP'),
    crv: z.literal('Ed25519'),
    alg: z.literal('EdDSA'),
    use: z.literal('sig'),
    x: z.string().describe('The raw 32-byte public key, base64url (RFC 8037).'),
    publicKey: z.string().describe('The same public key as Standard Webhooks serialises it: `whpk_` + base64 of the 32 bytes.'),
    status: z
      .enum(['next', 'current', 'previous', 'retired'])
      .describe('next: published, signs from validFrom; current: signs every v1a delivery; previous: still signs beside the current key until signsUntil; retired: signs no more, listed so that what it signed can be checked.'),
    validFrom: z.date().describe('Signs from this moment on.'),
    retiredAt: z.date().nullable().describe('When its successor took (or takes) over; null for the key without a successor.'),
    signsUntil: z.date().nullable().describe('The last moment it signs (the end of the overlap); a genuine signature by this key has a webhook-timestamp between validFrom and signsUntil.'),
  })
  .meta({ id: 'WebhookKey' });

export const webhookKeySetSchema = z
  .object({
    keys: z.array(publishedKeySchema).describe('Every key the registry has signed webhooks with, newest first. Keys are never removed.'),
  })
  .meta({
    id: 'WebhookKeySet',
    description:
      'A JWK Set (RFC 7517) of the registry’s Ed25519 webhook keys, with the Standard Webhooks `whpk_` form and each key’s validity beside the JWK members.',
  });

export const rotateWebhookKeyBody = z
  .object({
    reason: freeText(1000).describe('Why; kept in the audit log and published with nothing else.'),
    overlapHours: z
      .number()
      .int()
      .min(0)
      .max(720)
      .default(24)
      .describe('How long the current key keeps signing beside the new one (a second v1a signature), for receivers that pin keys. 0 when the key is compromised.'),
  })
  .strict()
  .meta({ example: { reason: 'Årligt nyckelbyte.', overlapHours: 24 } });

export const rotatedWebhookKeySchema = z
  .object({
    key: publishedKeySchema.describe('The new key: published now, signing from validFrom.'),
    previous: publishedKeySchema.nullable().describe('The key it replaces: retired at the new key’s validFrom, signing beside it until signsUntil, listed for good.'),
  })
  .meta({ id: 'RotatedWebhookKey' });
