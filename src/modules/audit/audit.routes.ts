import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { toReplyResponse } from '../replies/replies.schemas.ts';
import { NUMERIC_KEY, pageOf, resumeKey, sendPage } from '../../lib/cursor.ts';
import { formatOrgNumber } from '../../lib/identity-numbers.ts';
import { bearer } from '../../lib/route.ts';
import { locationHeader, orgNumberParams, problems, withHeaders } from '../../lib/schemas.ts';
import { principalOf } from '../../plugins/auth.ts';
import { READ_COSTS } from '../../plugins/rate-limit.ts';
import type { SignalService } from '../signals/signals.service.ts';
import type { FollowUpService } from '../followups/followups.service.ts';
import { toFollowUpResponse } from '../followups/followups.schemas.ts';
import type { SupplierService } from '../suppliers/suppliers.service.ts';
import type { LinkService } from '../links/links.service.ts';
import { toLinkHistory } from '../links/links.schemas.ts';
import { toSignalResponse } from '../signals/signals.schemas.ts';
import {
  auditList,
  auditListQuery,
  readLogList,
  readLogQuery,
  signedHeadSchema,
  supplierHistorySchema,
  verifyQuery,
  verifyResultSchema,
} from './audit.schemas.ts';
import type { AuditService } from './audit.service.ts';
import { emptyChain } from './audit.errors.ts';

const auditorKinds = ['auditor', 'operator'] as const;

export const auditRoutes: FastifyPluginAsyncZod<{
  audit: AuditService;
  signals: SignalService;
  followUps: FollowUpService;
  suppliers: SupplierService;
  links: LinkService;
  newId: () => string;
}> = async (app, { audit, signals, followUps, suppliers, links, newId },
) => {
  const anyReader = app.authorize({ scope: 'audit:read' });
  const auditor = app.authorize({ scope: 'audit:read', kinds: auditorKinds });
  const common = { tags: ['audit'], security: bearer };

  app.get(
    '/v1/audit',
    {
      onRequest: anyReader,
      config: { readCost: (req) => READ_COSTS.page((req.query as { limit: number }).limit) },
      schema: {
        ...common,
        operationId: 'listAuditEntries',
        summary: 'The audit chain: who changed what, when (members see their own organisation’s entries)',
        description:
          'Entries of the append-only, hash-chained audit log (every write: who, for which organisation, what, when), in chain order, filtered, and paged like every list (README, "Paging": `cursor` and `limit` in, `nextCursor` out, null on the last page, and a `Link: rel="next"` header; `after=<position>` and `nextAfter` still work, deprecated, for one release; a cursor this service did not issue answers 400 input.invalid_cursor, `cursor` with `after` 400 input.invalid). Any organisation with the `audit:read` scope may call it: auditors and the operator see every organisation’s entries, other organisations only their own; each read is itself logged.',
        querystring: auditListQuery,
        response: { 200: auditList, ...problems(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const principal = principalOf(request);
      const q = request.query;
      const own = !auditorKinds.includes(principal.org.kind as (typeof auditorKinds)[number]);
      const afterPosition = Number(resumeKey(q.cursor, NUMERIC_KEY, { name: 'after', value: q.after }) ?? 0);
      const { items, nextCursor } = pageOf(
        await audit.list(
          { orgId: own ? principal.org.id : q.organisation, actorSub: q.actor, action: q.action, targetType: q.targetType, targetId: q.target, from: q.from, to: q.to, afterPosition },
          q.limit + 1,
        ),
        q.limit,
        (entry) => String(entry.position),
      );
      await audit.logRead(principal, 'audit.read', 'audit', [items.length ? `${items[0]!.position}-${items.at(-1)!.position}` : 'none'], newId);
      return sendPage(request, reply, { items, nextCursor, nextAfter: nextCursor ? items.at(-1)!.position : null }, { replaces: ['after'] });
    },
  );

  app.get(
    '/v1/audit/head',
    {
      onRequest: anyReader,
      schema: {
        ...common,
        operationId: 'getAuditHead',
        summary: 'The latest signed chain head (kept beside the Merkle log’s checkpoints; re-signed when the chain grew and the last head is a minute old)',
        description:
          'The latest signed chain head {length, headHash, signedAt} with its Ed25519 signature and public key; a new one is signed when the chain has grown and the last is a minute old. Any organisation with the `audit:read` scope may call it; keep the heads you fetch to prove later that no entry was removed. An empty chain answers 404.',
        response: { 200: signedHeadSchema, ...problems(401, 403, 404) },
      },
    },
    async () => {
      const head = await audit.head();
      if (!head) throw emptyChain();
      return head;
    },
  );

  app.post(
    '/v1/audit/head',
    {
      onRequest: auditor,
      config: { location: () => '/v1/audit/head' },
      schema: {
        ...common,
        operationId: 'signAuditHead',
        summary: 'Sign the chain head now',
        description:
          'Signs a head over the chain as it is now, without waiting for the next periodic signing. Auditors and the operator may call it, with the `audit:read` scope; an empty chain answers 404.',
        response: { 201: withHeaders(signedHeadSchema, 'The head signed now.', locationHeader('newest signed head')), ...problems(401, 403, 404) },
      },
    },
    async (request, reply) => {
      const head = await audit.head(true);
      if (!head) throw emptyChain();
      return reply.code(201).send(head);
    },
  );

  app.get(
    '/v1/audit/verify',
    {
      onRequest: auditor,
      config: { readCost: READ_COSTS.auditChain },
      schema: {
        ...common,
        operationId: 'verifyAuditChain',
        summary: 'Recompute the chain (and check it against every signed head)',
        description:
          'Recomputes every hash over positions from..to (default: the whole chain) and checks each stored signed head against it, so an altered, removed or truncated entry is found; answers where the chain first breaks. It also checks every signal’s row against its version history and lists those that differ (`signalsDiffering`), such as a stop set to lifted by SQL without a version, an event and an audit entry. Auditors and the operator may call it, with the `audit:read` scope.',
        querystring: verifyQuery,
        response: { 200: verifyResultSchema, ...problems(400, 401, 403) },
      },
    },
    async (request) => audit.verify(request.query.from, request.query.to),
  );

  app.get(
    '/v1/audit/export',
    {
      onRequest: auditor,
      config: { readCost: READ_COSTS.auditChain },
      schema: {
        ...common,
        operationId: 'exportAuditChain',
        summary: 'The whole chain as JSON Lines, for offline verification (npm run audit:verify)',
        description:
          'Streams the whole chain as application/jsonl, one AuditEntry per line, oldest first, for `npm run audit:verify` against the signed heads you kept. Auditors and the operator may call it, with the `audit:read` scope; the export is logged.',
        response: {
          200: {
            description: 'The chain as JSON Lines (https://jsonlines.org): one AuditEntry object per line, oldest first, each line ending in a newline.',
            content: { 'application/jsonl': { schema: z.string().describe('JSON Lines: each line is an AuditEntry (see components/schemas/AuditEntry).') } },
          },
          ...problems(401, 403),
        },
      },
    },
    async (request, reply) => {
      await audit.logRead(principalOf(request), 'audit.exported', 'audit', ['all'], newId);
      // A stream bypasses the response serializer; the schema documents the lines.
      return reply.type('application/jsonl').send(audit.exportStream() as never);
    },
  );

  app.get(
    '/v1/audit/reads',
    {
      onRequest: auditor,
      config: { readCost: (req) => READ_COSTS.page((req.query as { limit: number }).limit) },
      schema: {
        ...common,
        operationId: 'listReadLog',
        summary: 'Reads of restricted data: issuer-only signals, sole traders, the audit log itself',
        description:
          'The log of reads of restricted data — issuer_and_auditors signals, sole traders (enskild firma, whose number is a personnummer), supplier histories, the audit log itself — newest first, paged like every list (README, "Paging": `cursor=<nextCursor>`, which continues exactly after the last read of the page whatever is logged meanwhile, and a `Link: rel="next"` header; `before` is a time filter, kept in the next page’s URL). Auditors and the operator may call it, with the `audit:read` scope.',
        querystring: readLogQuery,
        response: { 200: readLogList, ...problems(400, 401, 403) },
      },
    },
    async (request, reply) =>
      sendPage(
        request,
        reply,
        await audit.reads(
          { orgId: request.query.organisation, before: request.query.before ? new Date(request.query.before) : undefined, cursor: request.query.cursor },
          request.query.limit,
        ),
      ),
  );

  app.get(
    '/v1/suppliers/:orgNumber/history',
    {
      onRequest: auditor,
      config: { readCost: READ_COSTS.supplierHistory },
      schema: {
        ...common,
        operationId: 'getSupplierHistory',
        summary: 'Every version of a supplier record, and every signal and version about it, oldest first',
        description:
          'Every version of the supplier record (name and units: who changed it, when and why), every link to another supplier it ever had (group, succession: who drew it and why, and when and why it ended; an ended link stays), every signal issued about the supplier with its versions and the API client behind each change, and every follow-up record (a check made and its outcome), oldest first. Auditors read every signal, retracted and issuer_and_auditors ones included; the operator reads the signals by the rule of every other route (members-visible and not retracted, as GET /v1/signals/{id} shows them). Auditors and the operator may call it, with the `audit:read` scope; the read is logged, and an unregistered supplier answers 404.',
        params: orgNumberParams,
        response: { 200: supplierHistorySchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const versions = await suppliers.versions(request.params.orgNumber);
      const history = await signals.history(principalOf(request), request.params.orgNumber);
      const records = await followUps.history(principalOf(request), request.params.orgNumber);
      const linked = await links.history(request.params.orgNumber);
      return {
        orgNumber: formatOrgNumber(request.params.orgNumber),
        versions,
        links: linked.map(toLinkHistory),
        signals: history.map((h) => ({ signal: toSignalResponse(h.signal), versions: h.versions, replies: h.replies.map((r) => ({ ...toReplyResponse(r), actorSub: r.createdBy })) })),
        followUps: records.map(toFollowUpResponse),
      };
    },
  );
};

