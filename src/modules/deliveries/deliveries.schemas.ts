import { z } from 'zod';
import { pageQuery, timestamp } from '../../lib/schemas.ts';
import { eventTypes } from '../events/events.table.ts';
import { deliveryStatuses } from './deliveries.table.ts';

export const deliveryStatusSchema = z
  .enum(deliveryStatuses)
  .describe('pending: an attempt is due or scheduled; succeeded: a 2xx came back; failed: attempts used up, 410, or the subscription stopped.');

export const deliverySchema = z
  .object({
    id: z.guid().describe('Delivery id (UUIDv7): one event to one subscription.'),
    subscriptionId: z.guid(),
    eventSeq: z.number().int().describe('The event’s position in the event feed (GET /v1/events).'),
    eventId: z.guid().describe('The webhook-id the endpoint received.'),
    eventType: z.enum(eventTypes).describe('What happened to the signal; the type field of the webhook body.'),
    status: deliveryStatusSchema,
    attempts: z.number().int().describe('Attempts made so far.'),
    nextAttemptAt: z.date().nullable().describe('When the next attempt is due; null when none is.'),
    lastStatusCode: z.number().int().nullable().describe('What the endpoint answered at the last attempt.'),
    lastError: z.string().nullable().describe('Why the last attempt got no answer, if it did not.'),
    createdAt: z.date(),
    succeededAt: z.date().nullable(),
  })
  .meta({ id: 'Delivery' });

export const deliveryAttemptSchema = z
  .object({
    attempt: z.number().int().describe('1 for the first attempt.'),
    startedAt: z.date(),
    durationMs: z.number().int(),
    statusCode: z.number().int().nullable().describe('What the endpoint answered; null when no answer came back.'),
    error: z.string().nullable().describe('Timeout, refused connection, address not allowed …'),
    nextAttemptAt: z.date().nullable().describe('When the retry this attempt scheduled is due; null when none was.'),
  })
  .meta({ id: 'DeliveryAttempt' });

export const deliveryWithAttemptsSchema = deliverySchema.extend({ attemptLog: z.array(deliveryAttemptSchema) }).meta({ id: 'DeliveryWithAttempts' });

export const deliveryListQuery = z.object({ status: deliveryStatusSchema.optional(), ...pageQuery }).strict();
export const deliveryList = z.object({ items: z.array(deliverySchema), nextCursor: z.string().nullable() });
export const replayBody = z
  .object({ since: timestamp.describe('Resend every matching event from this time on.') })
  .strict()
  // A real moment, not one generated from the pattern (that asked for events since the year 2752).
  .meta({ example: { since: '2026-11-30T08:00:00.000Z' } });
export const replayResult = z
  .object({ queued: z.number().int(), truncated: z.boolean().describe(`true when more events exist than one replay takes; replay again from the last one.`) })
  .meta({ id: 'ReplayResult' });
export const redeliverResult = z.object({ id: z.guid(), status: z.literal('pending') }).meta({ id: 'RedeliverResult' });

type Row = { delivery: import('./deliveries.table.ts').DeliveryRow; eventType: (typeof eventTypes)[number]; eventId: string };
export const toDeliveryResponse = ({ delivery, eventType, eventId }: Row) => ({ ...delivery, eventType, eventId });
