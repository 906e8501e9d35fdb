import { readFile } from 'node:fs/promises';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.ts';
import { generateOpenApiDocument } from '../src/openapi-document.ts';
import { startTestApp, type TestApp } from './helpers/app.ts';
import { cast, createSupplier, seedCast } from './helpers/factories.ts';
import { openApiSchemas } from './helpers/openapi-schemas.ts';

describe('openapi/openapi.json', () => {
  it('is what the code generates (run `npm run openapi` after changing a route or schema)', async () => {
    const committed = await readFile(new URL('../openapi/openapi.json', import.meta.url), 'utf8');
    expect(committed).toBe(await generateOpenApiDocument());
  });

  it('gives every route an operationId, a summary, a tag and bearer security', async () => {
    const doc = JSON.parse(await generateOpenApiDocument());
    for (const [path, item] of Object.entries<Record<string, Record<string, unknown>>>(doc.paths)) {
      for (const [method, op] of Object.entries(item)) {
        expect(op.operationId, `${method} ${path}`).toBeTypeOf('string');
        expect(op.summary, `${method} ${path}`).toBeTypeOf('string');
        expect(op.tags, `${method} ${path}`).toHaveLength(1);
        if (path.startsWith('/v1/')) expect(op.security, `${method} ${path}`).toEqual([{ bearerAuth: [] }]);
        expect(Object.keys(op.responses as object).some((c) => c.startsWith('2')), `${method} ${path}`).toBe(true);
      }
    }
  });

  // Swagger UI's "Try it out" starts from these examples; one that its own schema refuses is a trap.
  it('has examples that are valid against the schema they illustrate', async () => {
    const doc = JSON.parse(await generateOpenApiDocument());
    const schemas = openApiSchemas(doc);

    const checked: string[] = [];
    const visit = (node: unknown, where: string) => {
      if (Array.isArray(node)) return node.forEach((n, i) => visit(n, `${where}/${i}`));
      if (!node || typeof node !== 'object') return;
      const { example, ...schema } = node as Record<string, unknown>;
      if (example !== undefined && ('type' in schema || '$ref' in schema || 'anyOf' in schema || 'enum' in schema)) {
        expect(schemas.compile(schema)(example), where).toBeNull();
        checked.push(where);
      }
      // A media type, parameter or header: its example(s) against its schema.
      const { schema: of, examples } = node as { schema?: object; examples?: Record<string, { value: unknown }> };
      if (of && (example !== undefined || examples)) {
        const check = schemas.compile(of);
        for (const [name, value] of [...(example !== undefined ? [['example', example] as const] : []), ...Object.entries(examples ?? {}).map(([n, e]) => [n, e.value] as const)]) {
          expect(check(value), `${where}/${name}`).toBeNull();
          checked.push(`${where}/${name}`);
        }
      }
      for (const [k, v] of Object.entries(node)) if (k !== 'example') visit(v, `${where}/${k.replaceAll('~', '~0').replaceAll('/', '~1')}`);
    };
    visit(doc.paths, '#/paths');
    visit(doc.components, '#/components');
    // The whole-body examples of the main writes are among them.
    for (const path of ['/v1/organisations', '/v1/agreements', '/v1/subscriptions']) {
      expect(checked, path).toContain(`#/paths/${path.replaceAll('/', '~1')}/post/requestBody/content/application~1json/schema`);
    }
    expect(checked).toContain('#/paths/~1v1~1suppliers~1{orgNumber}/put/requestBody/content/application~1json/schema');
    // The error examples, one per code.
    expect(checked).toContain('#/paths/~1v1~1signals/post/responses/422/content/application~1problem+json/idempotency.key_reused');
    expect(checked).toContain('#/components/responses/TooManyRequests/content/application~1problem+json/rate_limit.exceeded');
  });
});

/*
 * The document against the server: real requests to every operation — without a token,
 * with a token lacking every scope, with bad input of each kind, with the documented
 * example bodies, with an Idempotency-Key (and its replay), and against an app whose rate
 * limit is one request a minute — and every answer's status, media type and headers must
 * be declared for that operation. A status, media type or header a route starts to send
 * without declaring it fails here.
 */
describe('every answer a route gives is declared for it', () => {
  // Sent on every answer by HTTP itself or by security-headers.ts; not per-operation facts.
  const GENERIC_HEADERS = new Set([
    'content-type',
    'content-length',
    'date',
    'connection',
    'keep-alive',
    'transfer-encoding',
    'vary',
    'cache-control',
    'x-content-type-options',
    'referrer-policy',
    'content-security-policy',
  ]);
  const ID = '0190f3c2-7b7e-7c4a-9d2e-4f6b1c8a9e01';

  type Json = Record<string, any>;
  let t: TestApp;
  let limited: FastifyInstance;
  let doc: Json;
  let orgNumber: string;
  const undeclared: string[] = [];
  const seen = new Map<string, Set<number>>();

  beforeAll(async () => {
    t = await startTestApp();
    await seedCast(t);
    orgNumber = await createSupplier(t);
    // Another app on the same database allowing one read and one write a minute.
    limited = await buildApp({ config: { ...t.config, RATE_LIMIT_READS_PER_MINUTE: 1, RATE_LIMIT_WRITES_PER_MINUTE: 1 }, database: t.database });
    await limited.ready();
    doc = t.app.swagger() as Json;
  });
  afterAll(async () => {
    await limited?.close();
    await t?.close();
  });

  const resolve = (node: Json): Json => (node?.$ref ? resolve(node.$ref.slice(2).split('/').reduce((n: Json, k: string) => n[k], doc)) : node);
  const operations = () =>
    Object.entries<Json>(doc.paths).flatMap(([path, item]) => Object.entries<Json>(item).map(([method, op]) => ({ path, method, op })));

  const fill = (path: string, value?: string) =>
    path
      .replaceAll('{orgNumber}', value ?? orgNumber)
      .replaceAll('{size}', value ?? '1')
      .replace(/\{id\}/g, () => value ?? (path.startsWith('/v1/organisations/') ? cast.kfv.id : ID));

  /** Checks one answer against the operation's declaration and records what is missing. */
  const check = (where: string, op: Json, res: LightMyRequestResponse) => {
    const status = res.statusCode;
    seen.set(op.operationId, (seen.get(op.operationId) ?? new Set()).add(status));
    const declared = op.responses[String(status)] ?? op.responses[`${String(status)[0]}XX`];
    if (!declared) return undeclared.push(`${where}: status ${status} (${res.body.slice(0, 120)})`);
    const response = resolve(declared);
    const mediaType = String(res.headers['content-type'] ?? '').split(';')[0]!.trim();
    if (res.rawPayload.length > 0 && !response.content?.[mediaType]) undeclared.push(`${where}: ${status} as ${mediaType || 'no content type'}`);
    const headers = new Set(Object.keys(response.headers ?? {}).map((h) => h.toLowerCase()));
    for (const name of Object.keys(res.headers)) {
      if (!GENERIC_HEADERS.has(name) && !headers.has(name)) undeclared.push(`${where}: ${status} with header ${name}`);
    }
  };

  const send = async (app: FastifyInstance, op: Json, path: string, method: string, options: Json, label: string) => {
    const res = await app.inject({ method: method.toUpperCase() as 'GET', url: path, ...options });
    check(`${method.toUpperCase()} ${path} ${label}`, op, res);
    return res;
  };

  it('for every operation, over requests of every kind', async () => {
    const auth = (org: string, scope?: string) => ({ authorization: `Bearer ${t.token(org, scope)}` });
    for (const { path, method, op } of operations()) {
      const url = fill(path);
      const body = method !== 'get';
      const example = op.requestBody?.content?.['application/json']?.schema?.example;
      const needsToken = op.security?.length > 0;
      for (const as of [cast.sundsvall.id, t.config.OPERATOR_ORG_ID, cast.revisor.id]) {
        await send(t.app, op, url, method, { headers: auth(as), ...(body ? { payload: example ?? {} } : {}) }, `as ${as}`);
      }
      if (needsToken) {
        await send(t.app, op, url, method, {}, 'without a token');
        await send(t.app, op, url, method, { headers: auth(cast.sundsvall.id, '') }, 'without scopes');
      }
      await send(t.app, op, `${url}${url.includes('?') ? '&' : '?'}colour=blue`, method, { headers: auth(cast.sundsvall.id) }, 'unknown query parameter');
      if (path.includes('{')) {
        await send(t.app, op, fill(path, 'not-an-id'), method, { headers: auth(cast.sundsvall.id) }, 'bad path parameter');
        await send(t.app, op, fill(path, 'a'.repeat(101)), method, { headers: auth(cast.sundsvall.id) }, 'overlong path parameter');
      }
      if (body) {
        const headers = auth(cast.sundsvall.id);
        await send(t.app, op, url, method, { headers: { ...headers, 'content-type': 'text/plain' }, payload: 'hello' }, 'text body');
        await send(t.app, op, url, method, { headers: { ...headers, 'content-type': 'application/json' }, payload: '{"a":' }, 'malformed JSON');
        await send(t.app, op, url, method, { headers: { ...headers, 'content-type': 'application/json' }, payload: `"${'x'.repeat(t.config.BODY_LIMIT_BYTES)}"` }, 'oversized body');
      }
      if (method === 'post' || method === 'patch') {
        const headers = { ...auth(cast.sundsvall.id), 'idempotency-key': `doc-${op.operationId}` };
        await send(t.app, op, url, method, { headers, payload: example ?? {} }, 'with an Idempotency-Key');
        await send(t.app, op, url, method, { headers, payload: example ?? {} }, 'replayed');
        await send(t.app, op, url, method, { headers, payload: { other: true } }, 'key reused');
        await send(t.app, op, url, method, { headers: { ...headers, 'idempotency-key': 'bad key' }, payload: example ?? {} }, 'bad Idempotency-Key');
      }
      if (needsToken) {
        for (const attempt of [1, 2]) {
          await send(limited, op, url, method, { headers: auth(cast.timra.id), ...(body ? { payload: example ?? {} } : {}) }, `rate limited (${attempt})`);
        }
      }
    }
    expect(undeclared).toEqual([]);
  });

  it('with the answers that need a setting up: a created signal, its replay, a page, CSV and the audit export', async () => {
    const auth = { authorization: `Bearer ${t.token(cast.sundsvall.id)}` };
    const op = (path: string, method: string) => doc.paths[path][method];
    const payload = { type: 'deviation', supplierOrgNumber: orgNumber, severity: 'high', category: 'staffing', summary: 'Bemanningen understeg avtalad nivå.' };
    const headers = { ...auth, 'idempotency-key': 'doc-created' };
    const created = await send(t.app, op('/v1/signals', 'post'), '/v1/signals', 'post', { headers, payload }, 'created');
    expect(created.statusCode).toBe(201);
    const replay = await send(t.app, op('/v1/signals', 'post'), '/v1/signals', 'post', { headers, payload }, 'replayed');
    expect(replay.headers['idempotent-replayed']).toBe('true');
    await send(t.app, op('/v1/signals', 'post'), '/v1/signals', 'post', { headers, payload: { ...payload, summary: 'En annan.' } }, 'key reused');
    const id = created.json().id as string;
    await send(t.app, op('/v1/signals/{id}', 'get'), `/v1/signals/${id}`, 'get', { headers: auth }, 'read');
    await send(t.app, op('/v1/signals/{id}', 'patch'), `/v1/signals/${id}`, 'patch', { headers: auth, payload: { reason: 'Rättelse.', severity: 'medium' } }, 'amended');
    await send(t.app, op('/v1/signals', 'get'), '/v1/signals?limit=1', 'get', { headers: auth }, 'a page');
    await send(t.app, op('/v1/signals', 'get'), '/v1/signals?limit=1', 'get', { headers: { ...auth, accept: 'text/csv' } }, 'as CSV');
    const operator = { authorization: `Bearer ${t.token(t.config.OPERATOR_ORG_ID)}` };
    const duplicate = await send(t.app, op('/v1/organisations', 'post'), '/v1/organisations', 'post', { headers: operator, payload: cast.umea }, 'an organisation again');
    expect(duplicate.statusCode).toBe(409);
    const auditor = { authorization: `Bearer ${t.token(cast.revisor.id)}` };
    const exported = await send(t.app, op('/v1/audit/export', 'get'), '/v1/audit/export', 'get', { headers: auditor }, 'export');
    expect(exported.statusCode).toBe(200);
    for (const line of exported.body.trim().split('\n')) expect(JSON.parse(line)).toHaveProperty('hash');
    expect(undeclared).toEqual([]);
  });

  it('declares 429 and problem+json on every route that needs a token, and 500 on every route', () => {
    for (const { path, method, op } of operations()) {
      const where = `${method} ${path}`;
      expect(op.responses['500'], where).toBeDefined();
      for (const [status, response] of Object.entries<Json>(op.responses)) {
        expect(resolve(response).description, `${where} ${status}`).not.toBe('Default Response');
        if (Number(status) >= 400) expect(Object.keys(resolve(response).content), `${where} ${status}`).toEqual(['application/problem+json']);
      }
      if (op.security?.length > 0) for (const status of ['401', '403', '429']) expect(op.responses[status], `${where} ${status}`).toBeDefined();
      if (method === 'post' || method === 'patch') expect(op.parameters, where).toContainEqual({ $ref: '#/components/parameters/Idempotency-Key' });
    }
    // Each kind of answer the requests above were meant to draw out was drawn out somewhere.
    const all = new Set([...seen.values()].flatMap((s) => [...s]));
    for (const status of [200, 201, 400, 401, 403, 404, 409, 413, 414, 415, 422, 429]) expect(all, String(status)).toContain(status);
  });
});
