import { z } from 'zod';
import { signalSchema } from '../signals/signals.schemas.ts';
import { eventTypes } from './events.table.ts';

export const eventFeedQuery = z
  .object({
    after: z.coerce.number().int().min(0).default(0).describe('Sequence number of the last event you have; 0 to start from the beginning.'),
    limit: z.coerce.number().int().min(1).max(1000).default(100),
  })
  .strict();

export const eventSchema = z
  .object({
    seq: z.number().int().describe('Monotonically increasing; page with ?after=<seq>.'),
    id: z.string().describe('Event id; the webhook-id of its deliveries.'),
    type: z.enum(eventTypes),
    signalId: z.string(),
    signalVersion: z.number().int(),
    createdAt: z.date(),
    signal: signalSchema.omit({ effectiveFrom: true, effectiveUntil: true, createdAt: true, updatedAt: true }).extend({
      effectiveFrom: z.string(),
      effectiveUntil: z.string().nullable(),
      createdAt: z.string(),
      updatedAt: z.string(),
    }),
  })
  .meta({ id: 'Event' });

export const eventFeed = z
  .object({ items: z.array(eventSchema), nextAfter: z.number().int().describe('Pass as ?after= for the next page.') })
  .meta({ id: 'EventFeed' });
