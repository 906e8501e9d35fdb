import { z } from 'zod';
import { signalSchema } from '../signals/signals.schemas.ts';
import { noticeEventTypes, signalEventTypes } from './events.table.ts';

export const eventFeedQuery = z
  .object({
    after: z.coerce.number().int().min(0).default(0).describe('Sequence number of the last event you have; 0 to start from the beginning.'),
    limit: z.coerce.number().int().min(1).max(1000).default(100).describe('Page size, 1–1,000.'),
  })
  .strict();

const isoTime = z.iso.datetime({ offset: true });
const seq = z.number().int().describe('Sequence number, monotonically increasing in commit order; page with ?after=<seq>.');
const eventId = z.string().describe('Event id; the webhook-id of its deliveries, so a client that also receives webhooks can de-duplicate.');
const signalVersion = z
  .number()
  .int()
  .describe('The signal’s version after the change; a receiver that gets events out of order keeps the one with the highest version.');

/*
 * The payload schemas below are both the documentation (components and the OpenAPI
 * `webhooks` section) and the builders: bodies and feed entries are parsed through
 * them, and z.object drops every key it does not declare, so a column added to the
 * signals table, or an old event row that still holds `createdBy`, never leaks out.
 */

/** The signal as an event carries it: the Signal fields, with times as ISO 8601 strings. */
export const signalPayloadSchema = signalSchema
  .omit({ effectiveFrom: true, effectiveUntil: true, createdAt: true, updatedAt: true })
  .extend({
    effectiveFrom: isoTime.describe('When the signal starts to apply.'),
    effectiveUntil: isoTime.nullable().describe('When it stops applying; after that it reads as expired.'),
    createdAt: isoTime,
    updatedAt: isoTime,
  })
  .meta({ id: 'SignalPayload', description: 'The signal as it stood after the change.' });

/**
 * A retracted signal as everyone but its issuer and auditors sees it in an event: who
 * and what it was about, never what it said. The README's "retracted" rule, applied
 * to every event of the signal, earlier ones included.
 */
export const withheldSignalSchema = z
  .object({
    id: z.string().describe('Signal id.'),
    type: signalSchema.shape.type,
    supplierOrgNumber: signalSchema.shape.supplierOrgNumber,
    status: z.literal('retracted').describe('The signal has been retracted; its content is withheld.'),
  })
  .meta({
    id: 'WithheldSignal',
    description:
      'A retracted signal: its content (summary, details, reference, severity, period, issuer …) is withheld from everyone but its issuer and auditors, who read it with GET /v1/signals/{id}.',
  });

const signalOrWithheld = z
  .union([signalPayloadSchema, withheldSignalSchema])
  .describe('The signal as it stood after the change, or only its ids when it has been retracted since and you are neither its issuer nor an auditor.');

export const noticeSchema = z
  .object({
    subscriptionId: z.string().describe('Your subscription the notice is about.'),
    url: z.string().describe('Its endpoint.'),
    failingSince: isoTime.nullable().describe('When deliveries to it began to fail; null when they do not fail.'),
    consecutiveFailures: z.number().int().describe('Failed attempts in a row.'),
    lastError: z.string().nullable().describe('What the last failed attempt met: a status code or a network error.'),
    lastSuccessAt: isoTime.nullable().describe('When a delivery to it last succeeded.'),
    disabledReason: z.string().nullable().describe('Why the subscription was disabled; null while it is active.'),
  })
  .meta({ id: 'Notice', description: 'The state of one of your subscriptions, sent to your organisation only.' });

export const eventSchema = z
  .object({
    seq,
    id: eventId,
    type: z
      .enum(signalEventTypes)
      .describe('What happened to the signal: created, amended, lifted (a call-off stop), retracted, or expired (its effectiveUntil passed).'),
    signalId: z.string().describe('The signal the event is about.'),
    signalVersion,
    createdAt: z.date().describe('When the change was recorded.'),
    signal: signalOrWithheld,
  })
  .meta({ id: 'Event', description: 'One change to a signal.' });

export const noticeEventSchema = z
  .object({
    seq,
    id: eventId,
    type: z.enum(noticeEventTypes).describe('subscription.failing: deliveries to it fail; subscription.disabled: it was disabled.'),
    subscriptionId: z.string().describe('Your subscription the notice is about.'),
    createdAt: z.date().describe('When the notice was recorded.'),
    notice: noticeSchema,
  })
  .meta({ id: 'NoticeEvent', description: 'A notice about one of your own subscriptions; no other organisation sees it.' });

export const eventFeed = z
  .object({
    items: z.array(z.union([eventSchema, noticeEventSchema])),
    nextAfter: z.number().int().describe('Pass as ?after= for the next page.'),
  })
  .meta({ id: 'EventFeed' });

// Webhook bodies: { type, timestamp, data }, as Standard Webhooks suggests.
const timestamp = isoTime.describe('When the event was recorded.');
const signalEventData = (signal: z.ZodType) => z.object({ seq, eventId, signalId: z.string().describe('The signal the event is about.'), signalVersion, signal });

const signalWebhook = (type: (typeof signalEventTypes)[number], id: string, description: string) =>
  z.object({ type: z.literal(type), timestamp, data: signalEventData(signalOrWithheld) }).meta({ id, description });

const noticeWebhook = (type: (typeof noticeEventTypes)[number], id: string, description: string) =>
  z.object({ type: z.literal(type), timestamp, data: z.object({ seq, eventId, notice: noticeSchema }) }).meta({ id, description });

/** Every webhook body the registry sends, by event type: the OpenAPI `webhooks` section is built from this. */
export const webhookPayloads = {
  'signal.created': signalWebhook('signal.created', 'SignalCreatedWebhook', 'A signal was created.'),
  'signal.amended': signalWebhook('signal.amended', 'SignalAmendedWebhook', 'A signal was amended; `signalVersion` says which version this is.'),
  'signal.lifted': signalWebhook('signal.lifted', 'SignalLiftedWebhook', 'A call-off stop was lifted (hävt avropsstopp): placements may resume.'),
  'signal.expired': signalWebhook('signal.expired', 'SignalExpiredWebhook', 'A signal’s effective period ended; sent once per ended period.'),
  'signal.retracted': z
    .object({ type: z.literal('signal.retracted'), timestamp, data: signalEventData(withheldSignalSchema) })
    .meta({
      id: 'SignalRetractedWebhook',
      description:
        'A signal was retracted. The body is the same for every subscriber, so it carries only ids, type and supplier: the issuer and auditors read the content with GET /v1/signals/{id} or on the event feed.',
    }),
  'subscription.failing': noticeWebhook('subscription.failing', 'SubscriptionFailingWebhook', 'Deliveries to one of your subscriptions are failing.'),
  'subscription.disabled': noticeWebhook('subscription.disabled', 'SubscriptionDisabledWebhook', 'One of your subscriptions was disabled.'),
  ping: z
    .object({ type: z.literal('ping'), timestamp, data: z.object({ subscriptionId: z.string().describe('The subscription pinged.') }) })
    .meta({ id: 'PingWebhook', description: 'Sent by POST /v1/subscriptions/{id}/test to check an endpoint; not an event, not retried.' }),
} as const;

export type WebhookType = keyof typeof webhookPayloads;
