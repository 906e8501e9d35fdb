import { z } from 'zod';
import { signalSchema } from '../signals/signals.schemas.ts';
import { eventTypes } from './events.table.ts';

export const eventFeedQuery = z
  .object({
    after: z.coerce.number().int().min(0).default(0).describe('Sequence number of the last event you have; 0 to start from the beginning.'),
    limit: z.coerce.number().int().min(1).max(1000).default(100).describe('Page size, 1–1,000.'),
  })
  .strict();

export const eventSchema = z
  .object({
    seq: z.number().int().describe('Sequence number, monotonically increasing in commit order; page with ?after=<seq>.'),
    id: z.string().describe('Event id; the webhook-id of its deliveries, so a client that also receives webhooks can de-duplicate.'),
    type: z
      .enum(eventTypes)
      .describe('What happened to the signal: created, amended, lifted (a call-off stop), retracted, or expired (its effectiveUntil passed).'),
    signalId: z.string().describe('The signal the event is about.'),
    signalVersion: z.number().int().describe('The signal’s version after the change.'),
    createdAt: z.date().describe('When the change was recorded.'),
    signal: signalSchema
      .omit({ effectiveFrom: true, effectiveUntil: true, createdAt: true, updatedAt: true })
      .extend({
        effectiveFrom: z.string(),
        effectiveUntil: z.string().nullable(),
        createdAt: z.string(),
        updatedAt: z.string(),
      })
      .describe('The signal as it stood after the change, as the webhook payload carries it.'),
  })
  .meta({ id: 'Event', description: 'One change to a signal.' });

export const eventFeed = z
  .object({ items: z.array(eventSchema), nextAfter: z.number().int().describe('Pass as ?after= for the next page.') })
  .meta({ id: 'EventFeed' });
