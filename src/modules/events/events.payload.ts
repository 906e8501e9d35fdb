import type { z } from 'zod';
import { noticeSchema, signalPayloadSchema, supplierPayloadSchema, webhookPayloads, withheldSignalSchema } from './events.schemas.ts';
import { linkPayloadSchema } from '../links/links.schemas.ts';
import { type EventRow, isLinkEvent, isSignalEvent, isSupplierEvent, type LinkEventRow, type SignalEventRow, type SupplierEventRow } from './events.table.ts';

/** A signal event's stored signal, reduced to its documented fields (old rows may hold more). */
// Events stored before a field was kept carry none of it: decision dates (migrations/0009),
// grounds, tips and related signals (0019), replies (0020) read as the signal reads them.
const storedBefore = { decisionDate: null, ground: null, terminationKind: null, recipientOrgId: null, relatedSignalIds: [], reply: null };
export const signalPayload = (event: SignalEventRow) => signalPayloadSchema.parse({ ...storedBefore, ...(event.signal as object) });

/** A supplier event's stored record, reduced to its documented fields. */
export const supplierPayload = (event: SupplierEventRow) => supplierPayloadSchema.parse(event.supplier);

/** A link event's stored link, reduced to its documented fields. */
export const linkPayload = (event: LinkEventRow) => linkPayloadSchema.parse(event.supplier);

/** What everyone but a retracted signal's issuer and auditors sees of it. */
export const withheldSignal = (event: SignalEventRow): z.output<typeof withheldSignalSchema> => {
  const stored = event.signal as { supplierOrgNumber?: unknown };
  return withheldSignalSchema.parse({
    id: event.signalId,
    type: event.signalType,
    // The stored copy has the formatted number (NNNNNN-NNNN), as every other payload.
    supplierOrgNumber: typeof stored.supplierOrgNumber === 'string' ? stored.supplierOrgNumber : event.supplierOrgNumber,
    status: 'retracted',
  });
};

/**
 * The JSON body of an event's webhook; the same bytes on every attempt and for every
 * subscriber of the event. Built by parsing with the documented schemas, so it holds
 * exactly the fields the OpenAPI `webhooks` section lists.
 *
 * A `signal.retracted` body withholds the signal's content from everyone, its issuer's
 * and auditors' subscriptions included: one body serves all subscribers, and a
 * retraction usually means the content should not have been sent. They read the
 * content with GET /v1/signals/{id} or on the feed. `withhold` does the same for an
 * earlier event of a signal retracted since (a replay or redelivery).
 */
export function webhookBody(event: EventRow, options: { withhold?: boolean } = {}): string {
  const timestamp = event.createdAt.toISOString();
  if (isSignalEvent(event)) {
    const withhold = options.withhold === true || event.type === 'signal.retracted';
    const data = {
      seq: event.seq,
      eventId: event.id,
      signalId: event.signalId,
      signalVersion: event.signalVersion,
      signal: withhold ? withheldSignal(event) : signalPayload(event),
    };
    return JSON.stringify(webhookPayloads[event.type].parse({ type: event.type, timestamp, data }));
  }
  if (event.type === 'subscription.failing' || event.type === 'subscription.disabled') {
    return JSON.stringify(webhookPayloads[event.type].parse({ type: event.type, timestamp, data: { seq: event.seq, eventId: event.id, notice: noticeSchema.parse(event.notice) } }));
  }
  if (isSupplierEvent(event)) {
    const data = { seq: event.seq, eventId: event.id, supplierOrgNumber: supplierPayload(event).orgNumber, supplier: supplierPayload(event) };
    return JSON.stringify(webhookPayloads['supplier.updated'].parse({ type: event.type, timestamp, data }));
  }
  if (isLinkEvent(event)) {
    return JSON.stringify(webhookPayloads[event.type].parse({ type: event.type, timestamp, data: { seq: event.seq, eventId: event.id, link: linkPayload(event) } }));
  }
  throw new Error(`event ${event.id} of type ${event.type} has no webhook body`);
}

/** The body of a `ping` (POST /v1/subscriptions/{id}/test), from the same schema as the events'. */
export const pingBody = (subscriptionId: string, at: Date): string =>
  JSON.stringify(webhookPayloads.ping.parse({ type: 'ping', timestamp: at.toISOString(), data: { subscriptionId } }));
