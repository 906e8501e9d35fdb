import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { CSV_CONTENT_TYPE, prefersCsv, toCsv } from '../../lib/csv.ts';
import { sendPage } from '../../lib/cursor.ts';
import { bearer, writtenAsBuilt } from '../../lib/route.ts';
import { orgNumberParams, problems } from '../../lib/schemas.ts';
import { callerOf, principalOf } from '../../plugins/auth.ts';
import { READ_COSTS } from '../../plugins/rate-limit.ts';
import {
  batchCsvColumns,
  batchStatusBody,
  batchStatusSchema,
  flaggedCsvColumns,
  flaggedList,
  flaggedQuery,
  statusQuery,
  supplierStatusSchema,
  toBatchCsvRow,
  toFlaggedCsvRow,
  withFormattedNumber,
} from './status.schemas.ts';
import { receiptNotInCsv } from './status.errors.ts';
import { receiptNotWithAsOf } from '../receipts/receipts.errors.ts';
import { receiptAskOf, type ReceiptService } from '../receipts/receipts.service.ts';
import { pastMomentOf, type StatusAsOfService } from './status.as-of.service.ts';
import type { StatusService } from './status.service.ts';

export const statusRoutes: FastifyPluginAsyncZod<{ status: StatusService; statusAsOf: StatusAsOfService; receipts: ReceiptService }> = async (
  app,
  { status, statusAsOf, receipts },
) => {
  app.get(
    '/v1/suppliers/:orgNumber/status',
    {
      // The hottest read: the caller's organisation is read in the status statement (auth.ts, organisationInRoute).
      onRequest: app.authorize({ scope: 'registry:read', organisationInRoute: true }),
      // A receipt appends to the audit log, under the lock every write takes: it spends the write quota.
      config: { countsAsWrite: (request) => (request.query as { receipt?: string }).receipt === 'true' },
      serializerCompiler: writtenAsBuilt,
      schema: {
        operationId: 'getSupplierStatus',
        summary: 'May we place a child with this supplier (or in this unit) today? (for the calling organisation)',
        description:
          'Answers for the calling organisation: blocked (a revoked permit, or a live call-off stop (avropsstopp) or termination from a purchasing centre, the caller’s federation or the caller itself), caution (another organisation’s own stop or termination, an IVO injunction (föreläggande), a high or critical deviation (avvikelse) from the last 12 months, a financial warning) or clear, with the signals that decide it. Without `unitId` the answer is for the supplier as a whole: a signal naming one unit makes it at most `caution`, and `units` shows that unit `blocked` — so when only a unit is blocked the top-level status reads `caution`. With `?unitId=` it is the answer for placing in that unit (the home a child would go to): `blocked` when the unit or the supplier as a whole is blocked for the caller; other units’ signals make it at most `caution`. A linked supplier (README, "Linked suppliers": its parent, subsidiaries and sister companies in a group, or the predecessor it took over from) under a supplier-wide stop, termination or revoked permit that would block the caller makes this one `caution`, never `blocked`, with a reason whose `linkedThrough` names the links and the linked supplier. Any organisation may call it, with the `registry:read` scope; only signals the caller may read count, the answer is never cached (`Cache-Control: no-store`), an unregistered supplier answers 404, a unit of another supplier 422 `suppliers.unit_not_found`, and an unknown query parameter 400. With `?asOf=` it is the answer as it was at that past moment, rebuilt from the signals’ recorded versions, the links in force then and the federation the asker belonged to then (README, “The answer as of a past moment”): for the caller, or — for an auditor — for the organisation named by `asOrganisation`; another organisation naming someone else is refused 403 `status.as_organisation_forbidden`, a moment after the registry’s clock 422 `status.as_of_in_future`. With `receipt=true&purpose=…` (and optionally `caseReference`) the live answer also carries `receipt`: a receipt signed with the registry’s Ed25519 key over the question, the answer (with each deciding signal’s version), `asOf` and the position of its own audit log entry, appended in the same transaction; keep it in the case file and check it with POST /v1/receipts/verify or offline. `purpose` or `caseReference` without receipt=true, or receipt=true without `purpose`, answers 400; a receipt with `asOf` 400 `receipts.not_with_as_of` (a receipt records a check made now); a personnummer in caseReference 422 input.personal_data. A read with a receipt counts against the write rate limit.',
        tags: ['status'],
        security: bearer,
        params: orgNumberParams,
        querystring: statusQuery,
        response: { 200: supplierStatusSchema, ...problems(400, 401, 403, 404, 422) },
      },
    },
    async (request, reply) => {
      // A status is an answer for this caller at this moment: never cache it.
      reply.header('cache-control', 'no-store');
      const { orgNumber } = request.params;
      const unitId = request.query.unitId?.toLowerCase() ?? null;
      const past = pastMomentOf(request.query);
      const ask = receiptAskOf(request.query);
      if (past && ask) throw receiptNotWithAsOf();
      // The answer as of a past moment admits the caller first; the live one reads it with the supplier.
      if (past) return withFormattedNumber(await statusAsOf.forSupplier(await callerOf(request).complete(), orgNumber, unitId, past));
      const answer = await status.forCaller(callerOf(request), orgNumber, unitId);
      return withFormattedNumber(ask ? { ...answer, receipt: await receipts.forSupplier(principalOf(request), ask, answer) } : answer);
    },
  );

  app.post(
    '/v1/suppliers/status',
    {
      onRequest: app.authorize({ scope: 'registry:read' }),
      config: { readCost: (req) => READ_COSTS.batchStatus((req.body as { orgNumbers: unknown[] }).orgNumbers.length) },
      serializerCompiler: writtenAsBuilt,
      schema: {
        operationId: 'getSupplierStatuses',
        summary: 'Status of up to 1,000 suppliers (or units) at once',
        description:
          'The same answer as GET /v1/suppliers/{orgNumber}/status for up to 1,000 questions in one call: an organisation number (the supplier as a whole) or `{ orgNumber, unitId }` (placing in that unit). Each is answered on its own: an unregistered supplier reads `unknown`, and a malformed number or unit id, or a unit of another supplier, reads `invalid` with a `problem`, instead of failing the batch. With `Accept: text/csv` the same answer comes as RFC 4180 CSV with a header row, one row per answer in the same order (columns ' + batchCsvColumns.join(', ') + '): the deciding signals as their count, their ids newest first, the ids of those that block you, their types, the linked suppliers they come through (space-separated), and each unit named by a signal as unitId=status; cells a spreadsheet would run as a formula get a leading apostrophe. A receipt cannot come as CSV (400 status.receipt_not_in_csv). Any organisation may call it, with the `registry:read` scope (403 auth.missing_scope without it); a missing or invalid token 401; a body that is not 1–1,000 questions or has an unknown field answers 400 input.invalid, asOrganisation without asOf 400 status.as_organisation_without_as_of, asOf with a receipt 400 receipts.not_with_as_of, a body over the size limit 413, a personnummer in caseReference 422 input.personal_data, a moment after the registry’s clock 422 status.as_of_in_future, an unknown asOrganisation 422 status.unknown_organisation, another organisation than an auditor naming one 403 status.as_organisation_forbidden; the answer is never cached. With `asOf` (and, for an auditor, `asOrganisation`) every question is answered as it was at that past moment, by the rules of the single read. With `receipt: {purpose, caseReference?}` the live answer also carries one signed `receipt` over the whole batch (questions answered `invalid` are left out of it), logged like a single one.',
        tags: ['status'],
        security: bearer,
        body: batchStatusBody,
        response: {
          200: {
            description: 'One answer per distinct question.',
            content: {
              'application/json': { schema: batchStatusSchema },
              'text/csv': { schema: z.string().describe(`RFC 4180 CSV with a header row; columns ${batchCsvColumns.join(', ')}.`) },
            },
          },
          ...problems(400, 401, 403, 413, 422),
        },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store').header('vary', 'Accept');
      const past = pastMomentOf(request.body);
      const ask = request.body.receipt;
      if (past && ask) throw receiptNotWithAsOf();
      const csv = prefersCsv(request.headers.accept);
      if (csv && ask) throw receiptNotInCsv();
      const principal = principalOf(request);
      const asCsv = (results: z.output<typeof batchStatusSchema>['results'], asOf: Date, asOrganisation?: string) =>
        reply.type(CSV_CONTENT_TYPE).send(toCsv(batchCsvColumns, results.map(toBatchCsvRow(asOf, asOrganisation))));
      if (past) {
        const { results, ...answered } = await statusAsOf.forSuppliers(principal, request.body.orgNumbers, past);
        const formatted = results.map(withFormattedNumber);
        return csv ? asCsv(formatted, answered.asOf, answered.asOrganisation) : { results: formatted, ...answered };
      }
      const answer = await status.forSuppliers(principal, request.body.orgNumbers);
      const results = answer.results.map(withFormattedNumber);
      if (csv) return asCsv(results, answer.asOf);
      return { results, asOf: answer.asOf, ...(ask ? { receipt: await receipts.forBatch(principal, ask, answer) } : {}) };
    },
  );

  app.get(
    '/v1/suppliers/flagged',
    {
      onRequest: app.authorize({ scope: 'registry:read' }),
      config: { readCost: () => READ_COSTS.flaggedSuppliers },
      schema: {
        operationId: 'listFlaggedSuppliers',
        summary: 'The suppliers that are blocked or caution for you',
        description: `Every registered supplier whose status for the calling organisation is blocked or caution — the answer GET /v1/suppliers/{orgNumber}/status gives for it as a whole (no unitId), with the same reasons and units, linked suppliers’ blocks included — by organisation number, cursor-paged (\`limit\`, \`cursor\` from \`nextCursor\`). \`status=blocked\` or \`status=caution\` lists only those; \`agreementCategory\` only suppliers party to a framework agreement (ramavtal) of that category. Only signals you may read count, as in the status read: a supplier whose only signal is another organisation’s restricted tip or a retracted signal is not listed for you. With \`Accept: text/csv\` the same page comes as RFC 4180 CSV with a header row (columns ${flaggedCsvColumns.join(', ')}; the reasons flattened as in the batch read’s CSV), the next page’s URL in a \`Link: <…>; rel="next"\` header; cells a spreadsheet would run as a formula get a leading apostrophe. Any organisation may call it, with the \`registry:read\` scope (403 auth.missing_scope without it, 401 without a valid token); an unknown or malformed query parameter answers 400 input.invalid, a cursor this service did not issue 400 input.invalid_cursor. It costs ${READ_COSTS.flaggedSuppliers} reads of the rate limit; the answer is never cached; reads of issuer_and_auditors signals and sole traders’ numbers are logged.`,
        tags: ['status'],
        security: bearer,
        querystring: flaggedQuery,
        response: {
          200: {
            description: 'One page of flagged suppliers.',
            content: {
              'application/json': { schema: flaggedList },
              'text/csv': { schema: z.string().describe(`RFC 4180 CSV with a header row; columns ${flaggedCsvColumns.join(', ')}.`) },
            },
          },
          ...problems(400, 401, 403),
        },
      },
    },
    async (request, reply) => {
      reply.header('cache-control', 'no-store');
      const page = await status.flagged(principalOf(request), request.query);
      const items = page.items.map(withFormattedNumber);
      return sendPage(request, reply, { ...page, items }, { csv: { columns: flaggedCsvColumns, row: toFlaggedCsvRow(page.asOf) } });
    },
  );
};
