import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { sendPage } from '../../lib/cursor.ts';
import { bearer } from '../../lib/route.ts';
import { locationHeader, problems, uuidParams, withHeaders } from '../../lib/schemas.ts';
import { principalOf } from '../../plugins/auth.ts';
import { memberKinds } from '../organisations/organisations.table.ts';
import {
  followUpCounts,
  followUpCountsQuery,
  followUpCsvColumns,
  followUpList,
  followUpListQuery,
  followUpSchema,
  recordFollowUpBody,
  retractFollowUpBody,
  toFollowUpCsvRow,
  toFollowUpResponse,
} from './followups.schemas.ts';
import type { FollowUpService } from './followups.service.ts';

export const followUpRoutes: FastifyPluginAsyncZod<{ followUps: FollowUpService }> = async (app, { followUps }) => {
  // Whoever may issue signals records follow-ups, with the same scope.
  const write = app.authorize({ scope: 'signals:write', kinds: memberKinds });
  const read = app.authorize({ scope: 'registry:read' });
  const common = { tags: ['follow-ups'], security: bearer };

  app.post(
    '/v1/follow-ups',
    {
      onRequest: write,
      config: { location: (body) => `/v1/follow-ups/${String(body.id)}` },
      schema: {
        ...common,
        operationId: 'recordFollowUp',
        summary: 'Record a check your organisation made of a supplier, and its outcome',
        description:
          'Records a follow-up (uppföljning): a check of IVO’s register, an unannounced visit, a credit check, a document review or another check, the day it was made (YYYY-MM-DD, not in the future) and its outcome — no remarks, or the deviation (avvikelse) your organisation issued about the supplier because of it. A record changes no supplier status and sends no event; it is never edited (retract a wrong one) and counts in GET /v1/follow-ups/counts. Municipalities, purchasing centres and federations may call it, with the `signals:write` scope; a deviation of another organisation, another supplier or another type answers 422 follow_ups.invalid_deviation.',
        body: recordFollowUpBody,
        response: { 201: withHeaders(followUpSchema, 'The follow-up as recorded.', locationHeader('follow-up')), ...problems(400, 401, 403, 413, 422) },
      },
    },
    async (request, reply) => {
      const record = await followUps.record(principalOf(request), request.body);
      request.log.info({ followUpId: record.id, kind: record.kind }, 'follow-up recorded');
      return reply.code(201).send(toFollowUpResponse(record));
    },
  );

  app.get(
    '/v1/follow-ups',
    {
      onRequest: read,
      schema: {
        ...common,
        operationId: 'listFollowUps',
        summary: 'List the follow-up records you may see, newest first (JSON or CSV)',
        description:
          'The follow-up records the calling organisation may read, filtered by supplier, kind, issuer (your own id for your own follow-up), outcome, status and the day of the check (from, to: YYYY-MM-DD, inclusive), cursor-paged. With `Accept: text/csv` the same page comes as RFC 4180 CSV with a header row, the next page’s URL in a `Link: <…>; rel="next"` header; cells a spreadsheet would run as a formula (starting with = + - @, tab or CR) get a leading apostrophe. Any organisation may call it, with the `registry:read` scope; other organisations’ issuer_and_auditors and retracted records are left out (auditors see all), and reads of issuer_and_auditors records are logged.',
        querystring: followUpListQuery,
        response: {
          200: {
            description: 'One page of records.',
            content: {
              'application/json': { schema: followUpList },
              'text/csv': { schema: z.string().describe(`RFC 4180 CSV with a header row; columns ${followUpCsvColumns.join(', ')}.`) },
            },
          },
          ...problems(400, 401, 403),
        },
      },
    },
    async (request, reply) => {
      const page = await followUps.list(principalOf(request), request.query);
      return sendPage(request, reply, { items: page.items.map(toFollowUpResponse), nextCursor: page.nextCursor }, { csv: { columns: followUpCsvColumns, row: toFollowUpCsvRow } });
    },
  );

  app.get(
    '/v1/follow-ups/counts',
    {
      onRequest: read,
      schema: {
        ...common,
        operationId: 'countFollowUps',
        summary: 'Follow-up records per month, kind and outcome, for an annual follow-up',
        description:
          'How many checks were made per month (of the check), kind and outcome, over the records GET /v1/follow-ups lists with the same filters and status=recorded — e.g. `?issuer=<your id>&from=2026-01-01&to=2026-12-31` for your organisation’s year. Retracted records do not count. Any organisation may call it, with the `registry:read` scope; it counts only the records the caller may read.',
        querystring: followUpCountsQuery,
        response: { 200: followUpCounts, ...problems(400, 401, 403) },
      },
    },
    async (request) => followUps.counts(principalOf(request), request.query),
  );

  app.get(
    '/v1/follow-ups/:id',
    {
      onRequest: read,
      schema: {
        ...common,
        operationId: 'getFollowUp',
        summary: 'Get one follow-up record',
        description:
          'One follow-up record. Any organisation may call it, with the `registry:read` scope; a record you may not read (another organisation’s issuer_and_auditors or retracted record) answers 404 like an unknown id, and reading an issuer_and_auditors record is logged.',
        params: uuidParams,
        response: { 200: followUpSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => toFollowUpResponse(await followUps.get(principalOf(request), request.params.id)),
  );

  app.post(
    '/v1/follow-ups/:id/retract',
    {
      onRequest: write,
      schema: {
        ...common,
        operationId: 'retractFollowUp',
        summary: 'Retract your own follow-up record (it stays for you and auditors)',
        description:
          'Withdraws a follow-up record your organisation made, with a reason: it no longer counts, other members stop seeing it, and it stays, with the reason, for the issuer and auditors. Records are never edited: retract a wrong one and record the check again. Municipalities, purchasing centres and federations may call it, with the `signals:write` scope; another organisation’s record answers 404 and one already retracted 409.',
        params: uuidParams,
        body: retractFollowUpBody,
        response: { 200: followUpSchema, ...problems(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request) => toFollowUpResponse(await followUps.retract(principalOf(request), request.params.id, request.body.reason)),
  );
};
