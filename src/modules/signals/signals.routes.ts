import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { bearer } from '../../lib/route.ts';
import { z } from 'zod';
import { sendPage } from '../../lib/cursor.ts';
import { conditionOf } from '../../lib/preconditions.ts';
import { etagHeader, ifMatchHeaders, locationHeader, problems, uuidParams, withHeaders } from '../../lib/schemas.ts';
import { etagFromVersion } from '../../plugins/resource-headers.ts';
import { principalOf } from '../../plugins/auth.ts';
import { memberKinds } from '../organisations/organisations.table.ts';
import {
  amendSignalBody,
  createSignalBody,
  liftSignalBody,
  retractSignalBody,
  signalCounts,
  signalCountsQuery,
  signalCsvColumns,
  signalList,
  signalListQuery,
  signalSchema,
  signalVersionList,
  toSignalCsvRow,
  toSignalResponse,
} from './signals.schemas.ts';
import type { SignalService } from './signals.service.ts';

// A signal's ETag is its version, `"3"` for version 3 (src/lib/preconditions.ts).
const signalAnswer = (description: string) => withHeaders(signalSchema, description, etagHeader('signal'));
const ifMatch = ifMatchHeaders('signal');
const concurrency =
  ' Send the ETag of the version you based the change on in If-Match: when the signal has changed since, the answer is 412 `signals.version_mismatch` naming the current version, and nothing is written; without If-Match the change is made on whatever version is current.';

export const signalRoutes: FastifyPluginAsyncZod<{ signals: SignalService }> = async (app, { signals }) => {
  const write = app.authorize({ scope: 'signals:write', kinds: memberKinds });
  // A supplier organisation reads the signals about its own numbers (the visibility rule says which).
  const read = app.authorize({ scope: 'registry:read', suppliers: true });

  app.post(
    '/v1/signals',
    {
      onRequest: write,
      config: { location: (body) => `/v1/signals/${String(body.id)}`, etag: etagFromVersion },
      schema: {
        operationId: 'createSignal',
        summary: 'Post a signal about a supplier',
        description:
          'Records a signal about a registered supplier — a deviation (avvikelse), call-off stop (avropsstopp), termination (uppsägning/hävning), IVO injunction (föreläggande), revoked permit or financial warning — and notifies matching subscribers. Municipalities, purchasing centres and federations may call it, with the `signals:write` scope. Deviations need severity and category; IVO decisions need IVO’s diarienummer in reference and the decisionDate (422 signals.invalid_reference / signals.invalid_decision_date otherwise). A signal whose effectiveFrom is ahead reads scheduled and counts in no status until then, when subscribers get `signal.took_effect`; a stop or termination under an agreement is issued only by its owner, and a purchasing centre’s must name one of its agreements. A stop or termination blocks callers when it comes from a purchasing centre, their federation or themselves; for others it is a caution.',
        tags: ['signals'],
        security: bearer,
        body: createSignalBody,
        response: {
          201: withHeaders(signalSchema, 'The signal as recorded, version 1.', locationHeader('signal'), etagHeader('signal')),
          ...problems(400, 401, 403, 413, 422),
        },
      },
    },
    async (request, reply) => {
      const signal = await signals.create(principalOf(request), request.body);
      request.log.info({ signalId: signal.id, type: signal.type }, 'signal created');
      return reply.code(201).send(toSignalResponse(signal));
    },
  );

  app.get(
    '/v1/signals',
    {
      onRequest: read,
      schema: {
        operationId: 'listSignals',
        summary: 'List the signals you may see, newest first',
        description:
          'The signals the calling organisation may read, filtered by supplier, type, status (as read now: `status=active` leaves out scheduled signals, whose period has not begun; `status=scheduled` lists them), issuer, agreement or update time, cursor-paged. Any organisation may call it, with the `registry:read` scope; other organisations’ issuer_and_auditors and retracted signals are left out (auditors see all), and reads of issuer_and_auditors signals are logged.',
        tags: ['signals'],
        security: bearer,
        querystring: signalListQuery,
        response: {
          200: {
            description: 'One page of signals.',
            content: {
              'application/json': { schema: signalList },
              'text/csv': { schema: z.string().describe(`RFC 4180 CSV with a header row; columns ${signalCsvColumns.join(', ')}.`) },
            },
          },
          ...problems(400, 401, 403),
        },
      },
    },
    async (request, reply) => {
      const page = await signals.list(principalOf(request), request.query);
      return sendPage(request, reply, { items: page.items.map(toSignalResponse), nextCursor: page.nextCursor }, { csv: { columns: signalCsvColumns, row: toSignalCsvRow } });
    },
  );

  app.get(
    '/v1/signals/counts',
    {
      onRequest: read,
      schema: {
        operationId: 'countSignals',
        summary: 'Signals per month, type, category and ground, for an annual follow-up',
        description:
          'How many signals took effect per month (Swedish time), type, deviation category, ground and termination kind, over the signals GET /v1/signals lists with the same filters — e.g. `?issuer=<your id>&periodFrom=2026-01-01T00:00:00%2B01:00&periodTo=2027-01-01T00:00:00%2B01:00` for the signals of your year, or `?type=termination&agreementCategory=hvb_children` for terminations under HVB agreements. Retracted signals do not count. Any organisation may call it, with the `registry:read` scope; it counts only the signals the caller may read.',
        tags: ['signals'],
        security: bearer,
        querystring: signalCountsQuery,
        response: { 200: signalCounts, ...problems(400, 401, 403) },
      },
    },
    async (request) => signals.counts(principalOf(request), request.query),
  );

  app.get(
    '/v1/signals/:id',
    {
      onRequest: read,
      config: { etag: etagFromVersion },
      schema: {
        operationId: 'getSignal',
        summary: 'Get one signal',
        description:
          'One signal with its current status, computed on read: scheduled before its period begins, expired after it ends. Any organisation may call it, with the `registry:read` scope; a signal you may not read (another organisation’s issuer_and_auditors or retracted signal) answers 404 like an unknown id, and reading an issuer_and_auditors signal is logged. The ETag header names the signal’s version, for If-Match on a change.',
        tags: ['signals'],
        security: bearer,
        params: uuidParams,
        response: { 200: signalAnswer('The signal as the caller may read it.'), ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => toSignalResponse(await signals.get(principalOf(request), request.params.id)),
  );

  app.get(
    '/v1/signals/:id/versions',
    {
      onRequest: read,
      schema: {
        operationId: 'listSignalVersions',
        summary: 'The version history of a signal, oldest first',
        description:
          'Every version of a signal, oldest first: as created, then each amendment, lift or retraction with its reason. Any organisation may call it, with the `registry:read` scope; the issuer and auditors see every version, others only those that were visible to members, and a signal you may not read answers 404.',
        tags: ['signals'],
        security: bearer,
        params: uuidParams,
        response: { 200: signalVersionList, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => ({ items: await signals.versions(principalOf(request), request.params.id) }),
  );

  app.patch(
    '/v1/signals/:id',
    {
      onRequest: write,
      config: { etag: etagFromVersion },
      schema: {
        operationId: 'amendSignal',
        summary: 'Amend your own signal (creates a new version)',
        description:
          'Changes the severity, category, summary, details, reference, period or visibility of a signal your organisation issued, with a reason; the change is a new version and a `signal.amended` event. Municipalities, purchasing centres and federations may call it, with the `signals:write` scope; another organisation’s signal answers 404 and a retracted one 409.' + concurrency,
        tags: ['signals'],
        security: bearer,
        params: uuidParams,
        headers: ifMatch,
        body: amendSignalBody,
        response: { 200: signalAnswer('The signal as amended, at its new version.'), ...problems(400, 401, 403, 404, 409, 412, 422) },
      },
    },
    async (request) => toSignalResponse(await signals.amend(principalOf(request), request.params.id, request.body, conditionOf(request.headers['if-match']))),
  );

  app.post(
    '/v1/signals/:id/lift',
    {
      onRequest: write,
      config: { etag: etagFromVersion },
      schema: {
        operationId: 'liftSignal',
        summary: 'Lift your own call-off stop',
        description:
          'Lifts a call-off stop (avropsstopp) your organisation issued, with a reason: placements may resume and subscribers get `signal.lifted`. Municipalities, purchasing centres and federations may call it, with the `signals:write` scope; another organisation’s signal answers 404, and a signal that is not a call-off stop, or is already lifted or retracted, answers 409 (retract other types instead).' + concurrency,
        tags: ['signals'],
        security: bearer,
        params: uuidParams,
        headers: ifMatch,
        body: liftSignalBody,
        response: { 200: signalAnswer('The call-off stop as lifted, at its new version.'), ...problems(400, 401, 403, 404, 409, 412, 422) },
      },
    },
    async (request) => toSignalResponse(await signals.lift(principalOf(request), request.params.id, request.body.reason, conditionOf(request.headers['if-match']))),
  );

  app.post(
    '/v1/signals/:id/retract',
    {
      onRequest: write,
      config: { etag: etagFromVersion },
      schema: {
        operationId: 'retractSignal',
        summary: 'Retract your own signal (it stays in the history)',
        description:
          'Withdraws a signal your organisation issued, with a reason: it no longer counts for any supplier status, other members stop seeing it, and it stays in the history for the issuer and auditors. Municipalities, purchasing centres and federations may call it, with the `signals:write` scope; another organisation’s signal answers 404 and one already retracted 409.' + concurrency,
        tags: ['signals'],
        security: bearer,
        params: uuidParams,
        headers: ifMatch,
        body: retractSignalBody,
        response: { 200: signalAnswer('The signal as retracted, at its new version.'), ...problems(400, 401, 403, 404, 409, 412, 422) },
      },
    },
    async (request) => toSignalResponse(await signals.retract(principalOf(request), request.params.id, request.body.reason, conditionOf(request.headers['if-match']))),
  );
};
