import { createHash } from 'node:crypto';
import { z } from 'zod';
import { canonicalJson } from '../../lib/canonical-json.ts';
import { formatOrgNumber } from '../../lib/identity-numbers.ts';
import { freeText, organisationIdSchema, orgNumberSchema, pageQuery, refusePersonalDataInUrl, withoutNul } from '../../lib/schemas.ts';
import { severitySchema, signalTypeSchema } from '../signals/signals.schemas.ts';
import type { SubscriptionRow } from './subscriptions.table.ts';
import { DISABLE_AFTER_TEXT } from '../deliveries/deliveries.schedule.ts';

const affectsDescription =
  'Only signals that block one of these organisations by the supplier-status rules: a revoked permit (blocks everyone), and a call-off stop or termination from a purchasing centre, from the organisation’s federation or from the organisation itself. Without `organisations` ({}), the default set: your own organisation and, for a federation, its member municipalities (as they are when each event is matched). Cautions — another organisation’s own pause, injunctions, deviations, financial warnings — block no one and do not pass.';

const affectsSchema = z
  .object({
    organisations: z
      .array(organisationIdSchema)
      .min(1)
      .max(400)
      .optional()
      .describe(
        'Organisation ids. You may name your own organisation; a federation also its member municipalities; an auditor anyone. An unknown id is a 422 (subscriptions.unknown_organisation), another organisation a 403 (subscriptions.affects_not_allowed). Membership is read when each event is matched: a municipality named by its federation that has since left it counts no longer.',
      ),
  })
  .strict()
  .describe(affectsDescription);

export const filtersSchema = z
  .object({
    types: z.array(signalTypeSchema).max(10).optional().describe('Only these signal types.'),
    suppliers: z.array(orgNumberSchema).max(1000).optional().describe('Only signals about these suppliers.'),
    agreements: z.array(z.uuid()).max(100).optional().describe('Only signals under these framework agreements.'),
    municipalityCodes: z
      .array(z.string().regex(/^\d{4}$/))
      .max(300)
      .optional()
      .describe(
        'Only signals issued by these municipalities (kommunkod). This is about the issuer: a purchasing centre, a federation or IVO has no kommunkod, so their stops never pass it; use affects for "signals that block us".',
      ),
    minSeverity: severitySchema.optional().describe('Hold back signals with a lower severity; signals without one (stops) pass.'),
    affects: affectsSchema.optional(),
  })
  .strict();

const url = z
  .url({ protocol: /^https?$/ })
  .max(2000)
  // The URL parser accepts a raw NUL (it would encode it), but the text is stored as sent.
  .refine(...withoutNul)
  // The address is stored and shown to auditors like any free text (design.md invariant 4).
  .superRefine(refusePersonalDataInUrl)
  .describe('Where events are POSTed. https, and not a private address, unless the registry allows private networks.');

const description = freeText(500).describe('Your own note on what the endpoint is for.');
const v1aDescription =
  'Also sign every delivery with the registry’s Ed25519 key (Standard Webhooks `v1a`), beside the `v1` HMAC: the `webhook-signature` header then carries `v1,…` and `v1a,…`, and `webhook-key-id` names the key, published at /.well-known/webhook-keys. Unlike an HMAC, which you could have made yourself with the shared secret, a v1a signature lets you show a third party what the registry sent you. Off unless asked for.';
const v1aSignatures = z.boolean().describe(v1aDescription);
const filters = filtersSchema.describe('Which signals to receive; all filters must match, values within one filter are alternatives.');

export const createSubscriptionBody = z
  .object({ url, description: description.optional(), filters: filters.default({}), v1aSignatures: v1aSignatures.default(false) })
  .strict()
  // The demo receiver (npm run demo:receiver); http and loopback pass only where
  // WEBHOOK_ALLOW_PRIVATE_NETWORKS is on, as in the embedded demo.
  .meta({
    example: {
      url: 'http://127.0.0.1:4000/hook',
      description: 'Demo receiver (npm run demo:receiver)',
      filters: { types: ['call_off_stop', 'termination', 'deviation'], minSeverity: 'high' },
    },
  });

export const updateSubscriptionBody = z
  .object({
    url: url.optional(),
    description: description.nullable().optional(),
    filters: filters.optional().describe('Replaces the filters as a whole.'),
    status: z.enum(['active', 'disabled']).optional().describe('Pause (disabled) or resume (active) deliveries.'),
    v1aSignatures: v1aSignatures.optional(),
  })
  .strict()
  // Swagger UI sends the example as it stands: one that changes only the note, never where
  // events go (a generated one repointed the subscription to https://example.com/).
  .meta({ example: { description: 'Demo receiver (npm run demo:receiver)' } });

export const subscriptionSchema = z
  .object({
    id: z.guid().describe('Subscription id (UUIDv7).'),
    orgId: z.string().describe('The organisation that owns the subscription and receives its events.'),
    url: z.string().describe('Where events are POSTed.'),
    description: z.string().nullable(),
    filters: z
      .object({
        types: z.array(z.string()).optional().describe('Only these signal types.'),
        suppliers: z.array(z.string()).optional().describe('Only signals about these suppliers (organisationsnummer).'),
        agreements: z.array(z.string()).optional().describe('Only signals under these framework agreements (ramavtal).'),
        municipalityCodes: z.array(z.string()).optional().describe('Only signals issued by these municipalities (kommunkod); about the issuer, not whom the signal blocks.'),
        minSeverity: severitySchema.optional().describe('Deviations below this severity are held back.'),
        affects: z
          .object({ organisations: z.array(z.string()).optional().describe('Organisation ids; absent for the default set.') })
          .optional()
          .describe(affectsDescription),
      })
      .describe('Which signals the subscription receives.'),
    status: z.enum(['active', 'disabled']).describe('active: events are delivered; disabled: paused by you or stopped by the registry.'),
    v1aSignatures: v1aSignatures,
    disabledReason: z.string().nullable().describe('Why deliveries stopped, when the registry disabled the endpoint.'),
    disabledAt: z.date().nullable().describe('When deliveries stopped.'),
    failingSince: z.date().nullable().describe(`Start of the current run of failed attempts; after ${DISABLE_AFTER_TEXT} of failures the endpoint is disabled.`),
    health: z
      .object({
        lastSuccessAt: z.date().nullable().describe('When the endpoint last answered 2xx (kept to the minute).'),
        lastFailureAt: z.date().nullable().describe('When an attempt last failed.'),
        failingSince: z.date().nullable().describe('Start of the current run of failed attempts; null while the endpoint is healthy.'),
        consecutiveFailures: z.number().int().describe('Failed attempts in a row since the last success.'),
        lastError: z.string().nullable().describe('What the last failed attempt got: an HTTP status, a timeout or a connection error.'),
        circuitOpenUntil: z
          .date()
          .nullable()
          .describe('While in the future, nothing is sent to the endpoint (circuit breaker): its deliveries wait until then, without using their retries.'),
        nextAttemptAt: z.date().nullable().describe('When the next pending delivery to the endpoint is due; null when none is pending.'),
        pendingDeliveries: z.number().int().describe('Deliveries not yet delivered that will still be attempted.'),
      })
      .describe(
        'The endpoint’s delivery health. After 15 minutes of failures your organisation is told by a `subscription.failing` event, and when the registry disables the endpoint by `subscription.disabled`, on the event feed and on your other active subscriptions.',
      ),
    previousSecretExpiresAt: z.date().nullable().describe('Until when the secret before the last rotation still signs beside the current one.'),
    createdAt: z.date(),
    updatedAt: z.date(),
  })
  .meta({ id: 'Subscription' });

export const subscriptionWithSecretSchema = subscriptionSchema
  .extend({ secret: z.string().describe('Signing secret (whsec_…). Shown only when created or rotated.') })
  .meta({ id: 'SubscriptionWithSecret' });

export const rotatedSecretSchema = z
  .object({ secret: z.string().describe('The new signing secret (whsec_…); shown only here.'), previousSecretExpiresAt: z.date() })
  .meta({ id: 'RotatedSecret', description: 'The old secret keeps signing beside the new one until previousSecretExpiresAt.' });

export const pingResultSchema = z
  .object({
    delivered: z.boolean().describe('true when the endpoint answered 2xx.'),
    statusCode: z.number().int().nullable().describe('The HTTP status the endpoint answered; null when none came back.'),
    durationMs: z.number().int(),
    error: z.string().nullable().describe('Why no answer came back (timeout, refused connection, address not allowed).'),
  })
  .meta({ id: 'PingResult' });

export const subscriptionList = z.object({ items: z.array(subscriptionSchema).describe('By id: oldest first.'), nextCursor: z.string().nullable().describe('Pass as `cursor` for the next page; null on the last page.') });

export const subscriptionListQuery = z.object({ ...pageQuery }).strict();

export const toSubscriptionResponse = (s: SubscriptionRow & { pending?: { nextAttemptAt: Date | null; count: number } }) => ({
  ...s,
  health: {
    lastSuccessAt: s.lastSuccessAt,
    lastFailureAt: s.lastFailureAt,
    failingSince: s.failingSince,
    consecutiveFailures: s.consecutiveFailures,
    lastError: s.lastError,
    circuitOpenUntil: s.circuitOpenUntil,
    nextAttemptAt: s.pending?.nextAttemptAt ?? null,
    pendingDeliveries: s.pending?.count ?? 0,
  },
  status: s.status === 'deleted' ? ('disabled' as const) : s.status,
  filters: { ...s.filters, suppliers: s.filters.suppliers?.map(formatOrgNumber) },
});

/**
 * A subscription's entity tag: a digest of what its owner can change (url, description,
 * filters, status, v1aSignatures) as the API shows them. A subscription has no version
 * number; the tag changes exactly when one of these does — by a PATCH, or by the registry
 * disabling it — and not with its delivery health.
 */
export const subscriptionTag = (s: { url: string; description: string | null; filters: unknown; status: string; v1aSignatures: boolean }): string =>
  `"${createHash('sha256')
    .update(canonicalJson({ url: s.url, description: s.description, filters: s.filters, status: s.status, v1aSignatures: s.v1aSignatures }))
    .digest('base64url')
    .slice(0, 22)}"`;
