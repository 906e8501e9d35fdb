import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { bearer } from '../../lib/route.ts';
import { locationHeader, problems, withHeaders } from '../../lib/schemas.ts';
import { principalOf } from '../../plugins/auth.ts';
import { badWitnessKey, entryNotFound, lookupRequired, versionWithoutEntry } from './audit.errors.ts';
import type { AuditService } from './audit.service.ts';
import {
  checkpointList,
  checkpointListQuery,
  checkpointSchema,
  consistencyProofSchema,
  consistencyQuery,
  cosignatureBody,
  inclusionProofSchema,
  inclusionQuery,
  newWitnessSchema,
  sizeParams,
  witnessList,
  witnessSchema,
} from './audit.tree.schemas.ts';
import type { AuditTree } from './audit.tree.service.ts';
import type { AuditTreeRepository } from './audit.tree.repository.ts';
import { NUMERIC_KEY, resumeKey, sendPage } from '../../lib/cursor.ts';

const auditorKinds = ['auditor', 'operator'] as const;
const seesEveryEntry = (kind: string) => (auditorKinds as readonly string[]).includes(kind);

/**
 * The Merkle log: checkpoints, proofs, witnesses. Who may call what follows the audit
 * routes (design.md actors): what only shows hashes and signatures (checkpoints,
 * consistency proofs, witness keys) any organisation with `audit:read` may read; an
 * inclusion proof carries its entry, so members get it for their own organisation's
 * entries only, as GET /v1/audit shows them; signing on demand is for auditors and the
 * operator, as POST /v1/audit/head is; witnesses are auditors only, since a witness the
 * registry's operator controls would prove nothing about the registry.
 */
export const auditTreeRoutes: FastifyPluginAsyncZod<{ audit: AuditService; tree: AuditTree; lookups: Pick<AuditTreeRepository, 'positionOfSignalVersion'>; newId: () => string }> = async (
  app,
  { audit, tree, lookups, newId },
) => {
  const anyReader = app.authorize({ scope: 'audit:read' });
  const auditorOrOperator = app.authorize({ scope: 'audit:read', kinds: auditorKinds });
  const auditorOnly = app.authorize({ scope: 'audit:read', kinds: ['auditor'] });
  const common = { tags: ['audit'], security: bearer };

  app.get(
    '/v1/audit/checkpoint',
    {
      onRequest: anyReader,
      schema: {
        ...common,
        operationId: 'getAuditCheckpoint',
        summary: 'The newest signed checkpoint of the Merkle audit log, with its cosignatures',
        description:
          'The newest checkpoint (C2SP tlog-checkpoint signed note: origin, tree size, RFC 9162 root hash, the registry’s Ed25519 signature) with every witness cosignature posted for it. The registry signs one every minute while the log grows. Any organisation with the `audit:read` scope may call it; keep the checkpoints you fetch, they let you prove later that the log only grew. An empty log answers 404.',
        response: { 200: checkpointSchema, ...problems(401, 403, 404) },
      },
    },
    async () => tree.latest(),
  );

  app.post(
    '/v1/audit/checkpoint',
    {
      onRequest: auditorOrOperator,
      config: { location: (body) => `/v1/audit/checkpoints/${String(body.size)}` },
      schema: {
        ...common,
        operationId: 'signAuditCheckpoint',
        summary: 'Sign a checkpoint over the log as it is now',
        description:
          'Extends the tree over every entry written since the newest checkpoint and signs a checkpoint of the new size, without waiting for the periodic signer; answers the newest checkpoint when nothing was written since. Auditors and the operator may call it, with the `audit:read` scope; an empty log answers 404, a chain that does not verify 409 audit.chain_broken (nothing is signed over it).',
        response: { 201: withHeaders(checkpointSchema, 'The checkpoint signed now, or the newest when nothing was written since.', locationHeader('checkpoint')), ...problems(401, 403, 404, 409) },
      },
    },
    async (_request, reply) => reply.code(201).send(await tree.latest(true)),
  );

  app.get(
    '/v1/audit/checkpoints',
    {
      onRequest: anyReader,
      schema: {
        ...common,
        operationId: 'listAuditCheckpoints',
        summary: 'Every signed checkpoint, newest first',
        description: 'The signed checkpoints, newest first, with their cosignatures, paged like every list (README, "Paging": `cursor` and `limit` in, `nextCursor` out, null on the last page, and a `Link: rel="next"` header; `before=<size>` and `nextBefore` still work, deprecated, for one release; a cursor this service did not issue answers 400 input.invalid_cursor, `cursor` with `before` 400 input.invalid). Any organisation with the `audit:read` scope may call it.',
        querystring: checkpointListQuery,
        response: { 200: checkpointList, ...problems(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const { cursor, before, limit } = request.query;
      const below = resumeKey(cursor, NUMERIC_KEY, { name: 'before', value: before });
      return sendPage(request, reply, await tree.list(below === undefined ? undefined : Number(below), limit), { replaces: ['before'] });
    },
  );

  app.get(
    '/v1/audit/checkpoints/:size',
    {
      onRequest: anyReader,
      schema: {
        ...common,
        operationId: 'getAuditCheckpointBySize',
        summary: 'The signed checkpoint of one tree size',
        description: 'The checkpoint of this size with its cosignatures; 404 when none was signed at this size. Any organisation with the `audit:read` scope may call it.',
        params: sizeParams,
        response: { 200: checkpointSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => tree.one(request.params.size),
  );

  app.get(
    '/v1/audit/proofs/inclusion',
    {
      onRequest: anyReader,
      schema: {
        ...common,
        operationId: 'getAuditInclusionProof',
        summary: 'Proof that one entry is in the log: by position, or the entry of a signal version',
        description:
          'The RFC 9162 inclusion proof of one entry against a signed checkpoint (`treeSize`, default the newest), with the entry and the checkpoint, so it verifies offline: hash the entry’s canonical JSON as a leaf and fold the proof up to the checkpoint’s root. Name the entry by `position` (a status receipt gives it) or by `signalId` and `version` (the entry of the member change that made that version). Auditors and the operator may ask for any entry; other organisations with the `audit:read` scope only for their own organisation’s entries (others answer 404, as if absent). The read is logged.',
        querystring: inclusionQuery,
        response: { 200: inclusionProofSchema, ...problems(400, 401, 403, 404, 422) },
      },
    },
    async (request) => {
      const principal = principalOf(request);
      const q = request.query;
      let position = q.position;
      if (position === undefined) {
        if (!q.signalId || q.version === undefined) throw lookupRequired();
        position = (await lookups.positionOfSignalVersion(q.signalId, q.version)) ?? undefined;
        if (position === undefined) throw versionWithoutEntry(q.signalId, q.version);
      } else if (q.signalId || q.version !== undefined) throw lookupRequired();
      const proof = await tree.inclusion(position, q.treeSize);
      if (!seesEveryEntry(principal.org.kind) && proof.entry.orgId !== principal.org.id) throw entryNotFound(position);
      await audit.logRead(principal, 'audit.proof_read', 'audit', [String(position)], newId);
      return proof;
    },
  );

  app.get(
    '/v1/audit/proofs/consistency',
    {
      onRequest: anyReader,
      schema: {
        ...common,
        operationId: 'getAuditConsistencyProof',
        summary: 'Proof that a newer checkpoint extends an older one',
        description:
          'The RFC 9162 consistency proof between the signed checkpoints of sizes `from` and `to`, with both checkpoints: the log of size `to` holds the log of size `from` unchanged. It carries only hashes: any organisation with the `audit:read` scope may call it. 404 when either size has no signed checkpoint.',
        querystring: consistencyQuery,
        response: { 200: consistencyProofSchema, ...problems(400, 401, 403, 404) },
      },
    },
    async (request) => tree.consistency(request.query.from, request.query.to),
  );

  app.get(
    '/v1/audit/witnesses',
    {
      onRequest: anyReader,
      schema: {
        ...common,
        operationId: 'listAuditWitnesses',
        summary: 'The registered witness keys',
        description: 'Every witness key auditors registered, to check the cosignatures on checkpoints. Any organisation with the `audit:read` scope may call it.',
        response: { 200: witnessList, ...problems(401, 403) },
      },
    },
    async () => ({ items: await tree.witnesses() }),
  );

  app.post(
    '/v1/audit/witnesses',
    {
      onRequest: auditorOnly,
      config: { location: () => '/v1/audit/witnesses' },
      schema: {
        ...common,
        operationId: 'registerAuditWitness',
        summary: 'Register your organisation’s witness key',
        description:
          'An auditor organisation registers the Ed25519 public key it will cosign checkpoints with (it keeps the private key; the registry never sees it). Only auditor organisations may, with the `audit:read` scope: the operator may not, since a witness must be independent of the registry. A name or key already registered answers 409.',
        body: newWitnessSchema,
        response: { 201: withHeaders(witnessSchema, 'The witness as registered.', locationHeader('witness (in the list of witnesses)')), ...problems(400, 401, 403, 409, 422) },
      },
    },
    async (request, reply) => {
      const principal = principalOf(request);
      const raw = Buffer.from(request.body.publicKey, 'base64');
      if (raw.toString('base64') !== request.body.publicKey) throw badWitnessKey();
      const witness = await tree.registerWitness(principal.org.id, principal.sub, request.body.name, raw, (tx) =>
        audit.record(tx, principal, { action: 'audit.witness_registered', targetType: 'witness', targetId: request.body.name, change: request.body }),
      );
      return reply.code(201).send(witness);
    },
  );

  app.post(
    '/v1/audit/checkpoints/:size/cosignatures',
    {
      onRequest: auditorOnly,
      config: { location: (body) => `/v1/audit/checkpoints/${String(body.size)}` },
      schema: {
        ...common,
        operationId: 'cosignAuditCheckpoint',
        summary: 'Post your witness’s cosignature of a checkpoint you verified',
        description:
          'A witness cosignature (C2SP tlog-cosignature, Ed25519) of the checkpoint of this size, made with a witness key your organisation registered, after you verified the checkpoint’s signature and its consistency with the last one you cosigned. It is checked, kept and served with the checkpoint from then on, so anyone can compare what different auditors were shown. Only auditor organisations may, with the `audit:read` scope, and only with their own witness; posting the same witness’s cosignature again answers 200 with what is kept.',
        params: sizeParams,
        body: cosignatureBody,
        response: { 200: checkpointSchema, 201: withHeaders(checkpointSchema, 'The checkpoint with the cosignature now kept.', locationHeader('checkpoint with its cosignatures')), ...problems(400, 401, 403, 404, 422) },
      },
    },
    async (request, reply) => {
      const principal = principalOf(request);
      const { size } = request.params;
      const result = await tree.cosign(principal.org.id, size, request.body.cosignature, (tx) =>
        audit.record(tx, principal, { action: 'audit.checkpoint_cosigned', targetType: 'checkpoint', targetId: String(size), change: { cosignature: request.body.cosignature } }),
      );
      return reply.code(result.created ? 201 : 200).send(result.checkpoint);
    },
  );
};
