import { z } from 'zod';
import { freeText, orgNumberSchema, withoutNul } from '../../lib/schemas.ts';
import { severitySchema, signalTypeSchema } from '../signals/signals.schemas.ts';
import type { SubscriptionRow } from './subscriptions.table.ts';

export const filtersSchema = z
  .object({
    types: z.array(signalTypeSchema).max(10).optional().describe('Only these signal types.'),
    suppliers: z.array(orgNumberSchema).max(1000).optional().describe('Only signals about these suppliers.'),
    agreements: z.array(z.uuid()).max(100).optional().describe('Only signals under these framework agreements.'),
    municipalityCodes: z
      .array(z.string().regex(/^\d{4}$/))
      .max(300)
      .optional()
      .describe('Only signals issued by these municipalities (kommunkod); a federation lists its members here.'),
    minSeverity: severitySchema.optional().describe('Hold back signals with a lower severity; signals without one (stops) pass.'),
  })
  .strict();

const url = z
  .url({ protocol: /^https?$/ })
  .max(2000)
  // The URL parser accepts a raw NUL (it would encode it), but the text is stored as sent.
  .refine(...withoutNul)
  .describe('Where events are POSTed. https, and not a private address, unless the registry allows private networks.');

export const createSubscriptionBody = z
  .object({ url, description: freeText(500).optional(), filters: filtersSchema.default({}) })
  .strict();

export const updateSubscriptionBody = z
  .object({
    url: url.optional(),
    description: freeText(500).nullable().optional(),
    filters: filtersSchema.optional(),
    status: z.enum(['active', 'disabled']).optional().describe('Pause (disabled) or resume (active) deliveries.'),
  })
  .strict();

export const subscriptionSchema = z
  .object({
    id: z.string(),
    orgId: z.string(),
    url: z.string(),
    description: z.string().nullable(),
    filters: z.object({
      types: z.array(z.string()).optional(),
      suppliers: z.array(z.string()).optional(),
      agreements: z.array(z.string()).optional(),
      municipalityCodes: z.array(z.string()).optional(),
      minSeverity: severitySchema.optional(),
    }),
    status: z.enum(['active', 'disabled']),
    disabledReason: z.string().nullable().describe('Why deliveries stopped, when the registry disabled the endpoint.'),
    disabledAt: z.date().nullable(),
    failingSince: z.date().nullable(),
    previousSecretExpiresAt: z.date().nullable(),
    createdAt: z.date(),
    updatedAt: z.date(),
  })
  .meta({ id: 'Subscription' });

export const subscriptionWithSecretSchema = subscriptionSchema
  .extend({ secret: z.string().describe('Signing secret (whsec_…). Shown only when created or rotated.') })
  .meta({ id: 'SubscriptionWithSecret' });

export const rotatedSecretSchema = z
  .object({ secret: z.string(), previousSecretExpiresAt: z.date() })
  .meta({ id: 'RotatedSecret', description: 'The old secret keeps signing beside the new one until previousSecretExpiresAt.' });

export const pingResultSchema = z
  .object({
    delivered: z.boolean(),
    statusCode: z.number().int().nullable(),
    durationMs: z.number().int(),
    error: z.string().nullable(),
  })
  .meta({ id: 'PingResult' });

export const subscriptionList = z.object({ items: z.array(subscriptionSchema) });

export const toSubscriptionResponse = (s: SubscriptionRow) => ({
  ...s,
  status: s.status === 'deleted' ? ('disabled' as const) : s.status,
  filters: { ...s.filters, suppliers: s.filters.suppliers?.map((n) => `${n.slice(0, 6)}-${n.slice(6)}`) },
});
