import { z } from 'zod';
import { eventTypes } from '../events/events.table.ts';
import { organisationKinds } from '../organisations/organisations.table.ts';
import { reachStates } from './reach.rules.ts';

export const reachStateSchema = z
  .enum(reachStates)
  .describe(
    'delivered: a 2xx came back from one of the organisation’s endpoints; pending: queued, first attempt not made yet (or the event is still in the outbox); failing: attempts failed and are retried, the endpoint is failing, gave up, or the subscription is paused or deleted; not_sent: a matching active subscription exists but was created or changed after the event went out (a replay sends it); no_subscription: no active subscription of the organisation matches the event.',
  );

export const organisationReachSchema = z
  .object({
    organisationId: z.string(),
    name: z.string(),
    kind: z.enum(organisationKinds),
    state: reachStateSchema,
    deliveredAt: z.date().nullable().describe('When the first of the organisation’s endpoints answered 2xx.'),
    failingSince: z.date().nullable().describe('When the failing endpoint’s current run of failures began (subscription failingSince).'),
    lastError: z.string().nullable().describe('What the failing endpoint last answered or why no answer came back.'),
    attempts: z.number().int().describe('Attempts made so far (the most of any of its endpoints).'),
  })
  .meta({ id: 'OrganisationReach' });

const count = z.number().int();
const countsSchema = z
  .object({ total: count, delivered: count, pending: count, failing: count, not_sent: count, no_subscription: count })
  .describe('How many listed organisations are in each state; total is the number listed.');

export const signalReachSchema = z
  .object({
    signalId: z.guid(),
    event: z
      .object({
        seq: z.number().int(),
        id: z.guid().describe('The webhook-id receivers got.'),
        type: z.enum(eventTypes),
        createdAt: z.date(),
        relayedAt: z.date().nullable().describe('When the relay matched it against the subscriptions; null while it waits in the outbox.'),
      })
      .describe('The signal’s latest event, the one this report is about.'),
    counts: countsSchema,
    organisations: z
      .array(organisationReachSchema)
      .describe('Every municipality, federation and purchasing centre in the registry except the issuer, by organisation id.'),
  })
  .meta({ id: 'SignalReach' });
