import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { encodeCursor, NUMERIC_KEY, resumeKey, sendPage } from '../../lib/cursor.ts';
import { bearer } from '../../lib/route.ts';
import { problems } from '../../lib/schemas.ts';
import { principalOf } from '../../plugins/auth.ts';
import { READ_COSTS } from '../../plugins/rate-limit.ts';
import { eventFeed, eventFeedQuery } from './events.schemas.ts';
import type { EventService } from './events.service.ts';

export const eventRoutes: FastifyPluginAsyncZod<{ events: EventService }> = async (app, { events }) => {
  app.get(
    '/v1/events',
    {
      onRequest: app.authorize({ scope: 'registry:read' }),
      config: { readCost: (req) => READ_COSTS.page((req.query as { limit: number }).limit) },
      schema: {
        operationId: 'listEvents',
        summary: 'The event feed, for clients that cannot receive webhooks',
        description:
          'Every signal change (`signal.created`, `.amended`, `.lifted`, `.retracted`, `.expired`) in sequence order, with the signal as it stood after the change and its `signalVersion`; paged like every list (README, "Paging"): `cursor` and `limit` in, `nextCursor` out and a `Link: rel="next"` header while there is more. The feed is live, so at its end `nextCursor` is null — you are caught up — and `resumeCursor` (always present) is where to poll from next; `after=<seq>` and `nextAfter` still work, deprecated, for one release. A cursor this service did not issue answers 400 input.invalid_cursor, `cursor` with `after` 400 input.invalid. Any organisation may call it, with the `registry:read` scope; events of other organisations’ issuer_and_auditors signals are left out (auditors see all), and reading events of issuer_and_auditors signals is logged. Once a signal is retracted, all its events, earlier ones included, show only its ids, type and supplier (a WithheldSignal) to everyone but its issuer and auditors. Notices about your own subscriptions (`subscription.failing`, `subscription.disabled`) appear in your feed only. Changes to a supplier record (`supplier.updated`: its name or units, with who changed it and why) appear in every organisation’s feed.',
        tags: ['events'],
        security: bearer,
        querystring: eventFeedQuery,
        response: { 200: eventFeed, ...problems(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const { cursor, after, limit } = request.query;
      const from = Number(resumeKey(cursor, NUMERIC_KEY, { name: 'after', value: after }) ?? 0);
      const { items, nextCursor, lastSeq } = await events.feed(principalOf(request), from, limit);
      // A live feed has no end: caught up, nextCursor is null and resumeCursor says where to poll from.
      return sendPage(request, reply, { items, nextCursor, resumeCursor: nextCursor ?? encodeCursor(String(lastSeq)), nextAfter: lastSeq }, { replaces: ['after'] });
    },
  );
};
