import { z } from 'zod';
import { deprecatedNextPosition, deprecatedPosition, pageParams } from '../../lib/schemas.ts';
import { replyPayloadSchema } from '../replies/replies.schemas.ts';
import { signalSchema } from '../signals/signals.schemas.ts';
import { linkPayloadSchema } from '../links/links.schemas.ts';
import { linkEventTypes, noticeEventTypes, signalEventTypes, supplierEventTypes } from './events.table.ts';

export const eventFeedQuery = z
  .object({
    ...pageParams({ max: 1000, defaultLimit: 100, cursor: 'Opaque cursor from `nextCursor` (or, once caught up, `resumeCursor`) of the previous page; left out, the feed starts from the beginning.' }),
    after: deprecatedPosition('the sequence number of the last event you have (0 for the beginning)'),
  })
  .strict();

const isoTime = z.iso.datetime({ offset: true });
const seq = z.number().int().describe('Sequence number, monotonically increasing in commit order.');
const eventId = z.guid().describe('Event id; the webhook-id of its deliveries, so a client that also receives webhooks can de-duplicate.');
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
  .omit({ effectiveFrom: true, effectiveUntil: true, createdAt: true, updatedAt: true, reply: true })
  .extend({
    effectiveFrom: isoTime.describe('When the signal starts to apply.'),
    effectiveUntil: isoTime.nullable().describe('When it stops applying; after that it reads as expired.'),
    createdAt: isoTime,
    updatedAt: isoTime,
    reply: replyPayloadSchema.nullable().describe('The supplier’s reply in force when the event was recorded; null when there was none.'),
  })
  .meta({ id: 'SignalPayload', description: 'The signal as it stood after the change.' });

/**
 * A retracted signal as everyone but its issuer and auditors sees it in an event: who
 * and what it was about, never what it said. The README's "retracted" rule, applied
 * to every event of the signal, earlier ones included.
 */
export const withheldSignalSchema = z
  .object({
    id: z.guid().describe('Signal id.'),
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
    subscriptionId: z.guid().describe('Your subscription the notice is about.'),
    url: z.string().describe('Its endpoint.'),
    failingSince: isoTime.nullable().describe('When deliveries to it began to fail; null when they do not fail.'),
    consecutiveFailures: z.number().int().describe('Failed attempts in a row.'),
    lastError: z.string().nullable().describe('What the last failed attempt met: a status code or a network error.'),
    lastSuccessAt: isoTime.nullable().describe('When a delivery to it last succeeded.'),
    disabledReason: z.string().nullable().describe('Why the subscription was disabled; null while it is active.'),
  })
  .meta({ id: 'Notice', description: 'The state of one of your subscriptions, sent to your organisation only.' });

/** A supplier record after a change (supplier.updated): what GET /v1/suppliers/{orgNumber} shows, with who changed it and why. */
export const supplierPayloadSchema = z
  .object({
    orgNumber: z.string().describe('The supplier’s organisationsnummer, NNNNNN-NNNN.'),
    name: z.string().describe('The supplier’s name after the change.'),
    previousName: z.string().describe('Its name before the change (the same when only units changed); search still finds it under this name.'),
    soleTrader: z.boolean().describe('true for a sole trader (enskild firma), whose number is a personnummer.'),
    units: z
      .array(z.object({ id: z.guid(), name: z.string(), kind: z.string().nullable() }))
      .describe('Its units (verksamheter) after the change.'),
    version: z.number().int().describe('The record’s version after the change; keep the highest you have seen.'),
    reason: z.string().nullable().describe('Why it was changed, as the changer gave it.'),
    changedByOrgId: z.string().describe('The organisation that changed it: its registrant, the owner of an agreement it is party to, or the operator.'),
    changedAt: isoTime.describe('When the change was recorded.'),
  })
  .meta({ id: 'SupplierPayload', description: 'A supplier record (name and units) as it stood after a change.' });

export const eventSchema = z
  .object({
    seq,
    id: eventId,
    type: z
      .enum(signalEventTypes)
      .describe('What happened to the signal: created, amended, lifted (a call-off stop), retracted, expired (its effectiveUntil passed), or took_effect (a scheduled signal’s effectiveFrom passed).'),
    signalId: z.guid().describe('The signal the event is about.'),
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
    subscriptionId: z.guid().describe('Your subscription the notice is about.'),
    createdAt: z.date().describe('When the notice was recorded.'),
    notice: noticeSchema,
  })
  .meta({ id: 'NoticeEvent', description: 'A notice about one of your own subscriptions; no other organisation sees it.' });

export const supplierEventSchema = z
  .object({
    seq,
    id: eventId,
    type: z.enum(supplierEventTypes).describe('supplier.updated: a supplier’s name or units changed.'),
    supplierOrgNumber: z.string().describe('The supplier, NNNNNN-NNNN.'),
    createdAt: z.date().describe('When the change was recorded.'),
    supplier: supplierPayloadSchema,
  })
  .meta({ id: 'SupplierEvent', description: 'A change to a supplier record (name, units); every organisation sees it.' });

export const linkEventSchema = z
  .object({
    seq,
    id: eventId,
    type: z.enum(linkEventTypes).describe('supplier.linked: two suppliers were linked; supplier.unlinked: the link was ended.'),
    createdAt: z.date().describe('When the change was recorded.'),
    link: linkPayloadSchema,
  })
  .meta({ id: 'SupplierLinkEvent', description: 'A link between two suppliers drawn or ended; every organisation sees it.' });

export const eventFeed = z
  .object({
    items: z.array(z.union([eventSchema, noticeEventSchema, supplierEventSchema, linkEventSchema])),
    nextCursor: z
      .string()
      .nullable()
      .describe('Pass as `cursor` for the next page; null when you are caught up (no event after this page yet). The feed is live: keep `resumeCursor` and poll again with it.'),
    resumeCursor: z
      .string()
      .describe('Where you are: the position after the last event of this page (or the position you asked from, when the page is empty). Equal to `nextCursor` when that is not null; poll with it once caught up.'),
    nextAfter: deprecatedNextPosition('the sequence number of the last event of this page (or the `after` you sent), for clients that still page with `after`. Never null.'),
  })
  .meta({ id: 'EventFeed' });

// Webhook bodies: { type, timestamp, data }, as Standard Webhooks suggests.
const timestamp = isoTime.describe('When the event was recorded.');
const signalEventData = (signal: z.ZodType) => z.object({ seq, eventId, signalId: z.guid().describe('The signal the event is about.'), signalVersion, signal });

const signalWebhook = (type: (typeof signalEventTypes)[number], id: string, description: string) =>
  z.object({ type: z.literal(type), timestamp, data: signalEventData(signalOrWithheld) }).meta({ id, description });

const noticeWebhook = (type: (typeof noticeEventTypes)[number], id: string, description: string) =>
  z.object({ type: z.literal(type), timestamp, data: z.object({ seq, eventId, notice: noticeSchema }) }).meta({ id, description });

const linkWebhook = (type: (typeof linkEventTypes)[number], id: string, description: string) =>
  z.object({ type: z.literal(type), timestamp, data: z.object({ seq, eventId, link: linkPayloadSchema }) }).meta({
    id,
    description: `${description} Sent to every active subscription whose \`types\` filter is empty and whose \`suppliers\` filter is empty or names either supplier; the other filters are about signals and do not apply.`,
  });

/** Every webhook body the registry sends, by event type: the OpenAPI `webhooks` section is built from this. */
export const webhookPayloads = {
  'signal.created': signalWebhook('signal.created', 'SignalCreatedWebhook', 'A signal was created.'),
  'signal.amended': signalWebhook('signal.amended', 'SignalAmendedWebhook', 'A signal was amended; `signalVersion` says which version this is.'),
  'signal.lifted': signalWebhook('signal.lifted', 'SignalLiftedWebhook', 'A call-off stop was lifted (hävt avropsstopp): placements may resume.'),
  'signal.expired': signalWebhook('signal.expired', 'SignalExpiredWebhook', 'A signal’s effective period ended; sent once per ended period.'),
  'signal.took_effect': signalWebhook(
    'signal.took_effect',
    'SignalTookEffectWebhook',
    'A scheduled signal’s effective period began (effectiveFrom passed): it now reads active and counts in supplier statuses; sent once per scheduled start.',
  ),
  'signal.replied': signalWebhook(
    'signal.replied',
    'SignalRepliedWebhook',
    'The supplier the signal is about replied to it, or changed its reply (README, "The supplier’s reply"): `signal.reply` is the reply now in force, with `disputed` when the supplier disputes the signal. The signal itself is unchanged, so `signalVersion` is its current version.',
  ),
  'signal.retracted': z
    .object({ type: z.literal('signal.retracted'), timestamp, data: signalEventData(withheldSignalSchema) })
    .meta({
      id: 'SignalRetractedWebhook',
      description:
        'A signal was retracted. The body is the same for every subscriber, so it carries only ids, type and supplier: the issuer and auditors read the content with GET /v1/signals/{id} or on the event feed.',
    }),
  'subscription.failing': noticeWebhook('subscription.failing', 'SubscriptionFailingWebhook', 'Deliveries to one of your subscriptions are failing.'),
  'subscription.disabled': noticeWebhook('subscription.disabled', 'SubscriptionDisabledWebhook', 'One of your subscriptions was disabled.'),
  'supplier.updated': z
    .object({
      type: z.literal('supplier.updated'),
      timestamp,
      data: z.object({ seq, eventId, supplierOrgNumber: z.string().describe('The supplier, NNNNNN-NNNN.'), supplier: supplierPayloadSchema }),
    })
    .meta({
      id: 'SupplierUpdatedWebhook',
      description:
        'A supplier’s name or units were changed by its registrant, the owner of an agreement it is party to, or the operator. Sent to every active subscription whose `types` filter is empty and whose `suppliers` filter is empty or names the supplier; the other filters are about signals and do not apply.',
    }),
  'supplier.linked': linkWebhook(
    'supplier.linked',
    'SupplierLinkedWebhook',
    'A member linked two suppliers (group: parent → subsidiary; succession: predecessor → successor): from now a block on one makes the other `caution` for whom it blocks.',
  ),
  'supplier.unlinked': linkWebhook(
    'supplier.unlinked',
    'SupplierUnlinkedWebhook',
    'A link between two suppliers was ended by the organisation that drew it or the operator, with a reason (`link.endReason`); it no longer affects statuses.',
  ),
  ping: z
    .object({ type: z.literal('ping'), timestamp, data: z.object({ subscriptionId: z.guid().describe('The subscription pinged.') }) })
    .meta({ id: 'PingWebhook', description: 'Sent by POST /v1/subscriptions/{id}/test to check an endpoint; not an event, not retried.' }),
} as const;
