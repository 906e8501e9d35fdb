import fc from 'fast-check';
import type { InjectOptions } from 'fastify';
import {
  encodePart,
  hostileNumberStrings,
  hostilePathSegment,
  hostileQueryString,
  hostileRawBody,
  hostileStrings,
  hostileValue,
  type OpenApiOperation,
  type Pools,
  type RawBody,
  valueArb,
} from './fuzz-arbitraries.ts';

/** How a fuzzed request authenticates: as an organisation with every scope, not at all, or badly. */
export type AuthSpec = { kind: 'org'; org: string } | { kind: 'none' } | { kind: 'bad'; variant: number };

export const BAD_AUTH_VARIANTS = 18;

/** One generated request, as plain data (printed when a property fails). */
export interface RequestSpec {
  kind: 'valid' | 'almost-valid' | 'hostile';
  /** What was made wrong, for the failure report. */
  mutation: string;
  method: string;
  /** Path parameter values exactly as they go into the URL (valid ones percent-encoded, hostile ones raw). */
  pathParams: Record<string, string>;
  /** Appended to the path: a trailing slash, a dot segment… */
  pathSuffix: string;
  /** Raw query string without `?`. */
  query: string;
  body: { json: unknown } | { raw: RawBody } | null;
  auth: AuthSpec;
  headers: Record<string, string>;
}

interface ValidParts {
  path: Record<string, string>;
  query: Record<string, unknown>;
  body: unknown;
}

const ALL_SCOPES = 'registry:read signals:write subscriptions:manage audit:read admin';
export { ALL_SCOPES };

function validPartsArb(op: OpenApiOperation, pools: Pools): fc.Arbitrary<ValidParts> {
  const route = op.path;
  const path: Record<string, fc.Arbitrary<unknown>> = {};
  const query: Record<string, fc.Arbitrary<unknown>> = {};
  for (const p of op.parameters) {
    const arb = valueArb(p.schema, { name: p.name, route, pools });
    if (p.in === 'path') path[p.name] = arb;
    // Optional parameters half the time; a cursor (which must fit the list it came from) less often.
    if (p.in === 'query') query[p.name] = p.required ? arb : fc.option(arb, { nil: undefined, freq: p.name === 'cursor' ? 4 : 1 });
  }
  return fc.record({
    path: fc.record(path).map((values) => Object.fromEntries(Object.entries(values).map(([k, v]) => [k, String(v)]))),
    query: fc.record(query),
    body: op.body ? valueArb(op.body, { name: '', route, pools }) : fc.constant(undefined),
  });
}

/**
 * Business rules a schema cannot say (a deviation has a severity and a category, periods
 * end after they start, units belong to their supplier…). Valid requests are shaped by
 * these two times in three, so the success paths get exercised; the rest are left as
 * generated and must be refused with a 4xx problem.
 */
const shapers: Record<string, (body: Record<string, unknown>, pools: Pools, org: string | undefined) => string | void> = {
  createSignal: (b, pools, org) => {
    if (b.type === 'deviation') {
      b.severity ??= 'medium';
      b.category ??= 'other';
    } else delete b.category;
    if (typeof b.effectiveUntil === 'string' && Date.parse(b.effectiveUntil) <= Date.parse(typeof b.effectiveFrom === 'string' ? b.effectiveFrom : new Date().toISOString())) delete b.effectiveUntil;
    if (typeof b.unitId === 'string' && !pools.units.includes(b.unitId)) delete b.unitId;
    if (typeof b.agreementId === 'string' && !pools.agreements.includes(b.agreementId)) delete b.agreementId;
    // A purchasing centre stops under one of its agreements; stops and terminations under an agreement are its owner's.
    const stop = b.type === 'call_off_stop' || b.type === 'termination';
    if (stop && org === 'adda') b.agreementId ??= pools.agreements[0];
    if (b.unitId !== undefined || b.agreementId !== undefined) b.supplierOrgNumber = pools.orgNumbers[0];
    if (stop && b.agreementId !== undefined) return 'adda';
  },
  createAgreement: (b) => {
    if (typeof b.validUntil === 'string' && typeof b.validFrom === 'string' && b.validUntil < b.validFrom) delete b.validUntil;
  },
  putSupplier: (b, pools) => {
    delete b.soleTrader;
    if (Array.isArray(b.units)) for (const unit of b.units as Array<Record<string, unknown>>) if (!pools.units.includes(unit.id as string)) delete unit.id;
  },
  amendSignal: (b) => {
    delete b.category;
    delete b.effectiveFrom;
    if (typeof b.effectiveUntil === 'string' && Date.parse(b.effectiveUntil) <= Date.now()) b.effectiveUntil = null;
  },
};

/** Operations only some kinds of organisation may call (the operator, auditors). */
const callers: Record<string, readonly string[]> = {
  createOrganisation: ['registry'],
  changeFederation: ['registry'],
  signAuditHead: ['revisor', 'registry'],
  verifyAuditChain: ['revisor', 'registry'],
  exportAuditChain: ['revisor', 'registry'],
  listReadLog: ['revisor', 'registry'],
  getSupplierHistory: ['revisor', 'registry'],
};

/** A generated valid request's body and caller after the business-rule shaping and the owner bias. */
function shapeValid(op: OpenApiOperation, pools: Pools, parts: ValidParts, auth: AuthSpec, asOwner: boolean, shaped: boolean): { body: unknown; auth: AuthSpec } {
  // Half the time act as whoever owns the id in the path (or may call the operation at
  // all), so object-level and kind rules let it through.
  const allowed = callers[op.operationId];
  const owner =
    Object.values(parts.path).map((id) => pools.owners[id]).find(Boolean) ?? (allowed && auth.kind === 'org' ? allowed[auth.org.length % allowed.length] : undefined);
  let caller: AuthSpec = asOwner && owner && auth.kind === 'org' ? { kind: 'org', org: owner } : auth;
  let body = parts.body;
  const shape = shapers[op.operationId];
  if (shape && shaped && body && typeof body === 'object' && !Array.isArray(body)) {
    body = clone(body);
    const actAs = shape(body as Record<string, unknown>, pools, caller.kind === 'org' ? caller.org : undefined);
    if (actAs && caller.kind === 'org') caller = { kind: 'org', org: actAs };
  }
  return { body, auth: caller };
}

const encodePath = (values: Record<string, string>) => Object.fromEntries(Object.entries(values).map(([k, v]) => [k, encodePart(v)]));

const encodeQuery = (values: Record<string, unknown>) =>
  Object.entries(values)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${encodePart(k)}=${encodePart(String(v))}`)
    .join('&');

const clone = <T>(value: T): T => (value === undefined ? value : (JSON.parse(JSON.stringify(value)) as T));

/** Every place in a JSON value, as a list of keys from the root. */
function locations(value: unknown, at: Array<string | number> = [], out: Array<Array<string | number>> = []): Array<Array<string | number>> {
  out.push(at);
  if (Array.isArray(value)) value.forEach((item, i) => locations(item, [...at, i], out));
  else if (value && typeof value === 'object') for (const key of Object.keys(value)) locations((value as Record<string, unknown>)[key], [...at, key], out);
  return out;
}

/** Sets an own property, even one named `__proto__`. */
function define(target: Record<string | number, unknown>, key: string | number, value: unknown) {
  Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
}

type BodyEdit = 'replace' | 'delete' | 'add' | 'null' | 'wrap';

function editBody(body: unknown, pick: number, edit: BodyEdit, key: string, value: unknown): { body: unknown; note: string } {
  const root = { v: clone(body) } as Record<string, unknown>;
  const places = locations(root.v).map((p) => ['v', ...p]);
  const place = places[pick % places.length]!;
  const parentPath = place.slice(0, -1);
  const last = place.at(-1)!;
  let parent: unknown = root;
  for (const k of parentPath) parent = (parent as Record<string | number, unknown>)[k];
  const container = parent as Record<string | number, unknown>;
  const here = container[last];
  const where = place.slice(1).join('.') || '(root)';
  switch (edit) {
    case 'replace':
      define(container, last, value);
      return { body: root.v, note: `body ${where} replaced` };
    case 'null':
      define(container, last, null);
      return { body: root.v, note: `body ${where} set to null` };
    case 'wrap':
      define(container, last, [here]);
      return { body: root.v, note: `body ${where} wrapped in an array` };
    case 'delete':
      if (Array.isArray(container)) container.splice(Number(last), 1);
      else delete container[last];
      return { body: root.v, note: `body ${where} deleted` };
    case 'add':
      if (here && typeof here === 'object' && !Array.isArray(here)) {
        define(here as Record<string, unknown>, key, value);
        return { body: root.v, note: `body ${where} got extra key ${JSON.stringify(key)}` };
      }
      define(container, last, value);
      return { body: root.v, note: `body ${where} replaced` };
  }
}

function authArb(pools: Pools): fc.Arbitrary<AuthSpec> {
  return fc.oneof(
    { weight: 12, arbitrary: fc.constantFrom(...pools.orgIds).map((org): AuthSpec => ({ kind: 'org', org })) },
    { weight: 1, arbitrary: fc.constant<AuthSpec>({ kind: 'none' }) },
    { weight: 1, arbitrary: fc.nat(BAD_AUTH_VARIANTS - 1).map((variant): AuthSpec => ({ kind: 'bad', variant })) },
  );
}

/** Headers a client may add: idempotency keys (a few shared ones, so replays happen), request ids, Accept. */
const extraHeadersArb: fc.Arbitrary<Record<string, string>> = fc
  .record(
    {
      'idempotency-key': fc.oneof(
        fc.constantFrom('fuzz-key-1', 'fuzz-key-2', 'fuzz-key-3'),
        fc.uuid(),
        fc.constantFrom('', ' ', 'ä', 'k'.repeat(256), 'a b', '"quoted"', '__proto__'),
      ),
      'x-request-id': fc.constantFrom('fuzz-1', '', ' ', 'x'.repeat(65), '../../etc', '<script>', 'ÅÄÖ', '__proto__'),
      accept: fc.constantFrom('application/json', 'application/problem+json', 'application/xml', 'text/html', '*/*', 'image/png', ''),
      'accept-language': fc.constantFrom('sv-SE', 'xx', '*'),
    },
    { requiredKeys: [] },
  )
  .map((h) => Object.fromEntries(Object.entries(h).filter(([, v]) => v !== undefined)) as Record<string, string>);

export function validRequestArb(op: OpenApiOperation, pools: Pools): fc.Arbitrary<RequestSpec> {
  return fc
    .record({
      parts: validPartsArb(op, pools),
      auth: authArb(pools),
      asOwner: fc.boolean(),
      shaped: fc.nat(2).map((n) => n > 0),
      headers: fc.oneof({ weight: 4, arbitrary: fc.constant({}) }, { weight: 1, arbitrary: extraHeadersArb }),
    })
    .map(({ parts, auth, asOwner, shaped, headers }): RequestSpec => {
      const valid = shapeValid(op, pools, parts, auth, asOwner, shaped);
      return {
        kind: 'valid',
        mutation: shaped && shapers[op.operationId] ? 'none (shaped by business rules)' : 'none',
        method: op.method,
        pathParams: encodePath(parts.path),
        pathSuffix: '',
        query: encodeQuery(parts.query),
        body: op.body ? { json: valid.body } : null,
        auth: valid.auth,
        headers,
      };
    });
}

export function almostValidRequestArb(op: OpenApiOperation, pools: Pools): fc.Arbitrary<RequestSpec> {
  const pathNames = op.parameters.filter((p) => p.in === 'path').map((p) => p.name);
  const queryNames = op.parameters.filter((p) => p.in === 'query').map((p) => p.name);
  const targets = [...(pathNames.length ? ['path'] : []), ...(queryNames.length ? ['query'] : []), ...(op.body ? ['body', 'body', 'body'] : ['body-on-bodyless']), 'query-extra'];
  return fc
    .record({
      parts: validPartsArb(op, pools),
      auth: authArb(pools),
      asOwner: fc.boolean(),
      target: fc.constantFrom(...targets),
      pick: fc.nat(),
      edit: fc.constantFrom<BodyEdit>('replace', 'replace', 'replace', 'delete', 'add', 'null', 'wrap'),
      key: fc.constantFrom('__proto__', 'constructor', 'prototype', 'extra', '', 'id', 'issuerOrgId', 'status', 'version'),
      value: hostileValue,
      segment: hostilePathSegment,
      queryValue: fc.constantFrom(...hostileNumberStrings, ...hostileStrings),
    })
    .map(({ parts, auth, asOwner, target, pick, edit, key, value, segment, queryValue }): RequestSpec => {
      // Start from a request that would pass, then break one thing.
      const valid = shapeValid(op, pools, parts, auth, asOwner, true);
      parts = { ...parts, body: valid.body };
      const spec: RequestSpec = {
        kind: 'almost-valid',
        mutation: '',
        method: op.method,
        pathParams: encodePath(parts.path),
        pathSuffix: '',
        query: '',
        body: op.body ? { json: parts.body } : null,
        auth: valid.auth,
        headers: {},
      };
      const query = { ...parts.query };
      switch (target) {
        case 'path': {
          const name = pathNames[pick % pathNames.length]!;
          spec.pathParams[name] = segment;
          spec.mutation = `path parameter ${name} = ${JSON.stringify(segment.slice(0, 80))}`;
          break;
        }
        case 'query': {
          const name = queryNames[pick % queryNames.length]!;
          query[name] = queryValue;
          spec.mutation = `query ${name} = ${JSON.stringify(queryValue.slice(0, 80))}`;
          break;
        }
        case 'query-extra': {
          const name = ['__proto__', 'constructor', 'extra', 'limit[]', ''][pick % 5]!;
          spec.query = `${name}=${encodePart(queryValue)}`;
          spec.mutation = `extra query parameter ${JSON.stringify(name)}`;
          break;
        }
        case 'body': {
          const edited = editBody(parts.body, pick, edit, key, value);
          spec.body = { json: edited.body };
          spec.mutation = edited.note;
          break;
        }
        case 'body-on-bodyless':
          spec.body = { json: value };
          spec.mutation = 'a JSON body on a route that takes none';
          break;
      }
      const encoded = encodeQuery(query);
      spec.query = [encoded, spec.query].filter(Boolean).join('&');
      return spec;
    });
}

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'] as const;
const PATH_SUFFIXES = ['/', '//', '/.', '/..', '/%2e%2e', '/extra', '?', '%20', '%00', ';x=1', '/%2F..%2F'];

export function hostileRequestArb(op: OpenApiOperation, pools: Pools): fc.Arbitrary<RequestSpec> {
  const pathNames = op.parameters.filter((p) => p.in === 'path').map((p) => p.name);
  return fc
    .record({
      parts: validPartsArb(op, pools),
      auth: authArb(pools),
      segments: fc.array(hostilePathSegment, { minLength: pathNames.length, maxLength: pathNames.length }),
      hostilePath: fc.boolean(),
      query: fc.option(hostileQueryString, { freq: 2 }),
      body: fc.oneof(
        { weight: 3, arbitrary: hostileRawBody.map((raw) => ({ raw })) },
        { weight: 2, arbitrary: hostileValue.map((json) => ({ json })) },
        { weight: 1, arbitrary: fc.constant(null) },
      ),
      method: fc.option(fc.constantFrom(...METHODS), { freq: 5 }),
      suffix: fc.option(fc.constantFrom(...PATH_SUFFIXES), { freq: 5 }),
      headers: extraHeadersArb,
    })
    .map(({ parts, auth, segments, hostilePath, query, body, method, suffix, headers }): RequestSpec => {
      const pathParams = encodePath(parts.path);
      if (hostilePath) pathNames.forEach((name, i) => (pathParams[name] = segments[i]!));
      const notes = [
        hostilePath && pathNames.length ? 'hostile path parameters' : '',
        query !== null ? 'hostile query string' : '',
        body ? ('raw' in body ? `raw body (${body.raw.contentType ?? 'no content-type'})` : 'hostile JSON body') : 'no body',
        method ? `method ${method}` : '',
        suffix ? `path suffix ${JSON.stringify(suffix)}` : '',
      ];
      return {
        kind: 'hostile',
        mutation: notes.filter(Boolean).join(', '),
        method: method ?? op.method,
        pathParams,
        pathSuffix: suffix ?? '',
        query: query ?? encodeQuery(parts.query),
        body,
        auth,
        headers,
      };
    });
}

/** Valid, almost valid and hostile requests for one operation. */
export function requestArb(op: OpenApiOperation, pools: Pools): fc.Arbitrary<RequestSpec> {
  return fc.oneof(
    { weight: 4, arbitrary: validRequestArb(op, pools) },
    { weight: 4, arbitrary: almostValidRequestArb(op, pools) },
    { weight: 3, arbitrary: hostileRequestArb(op, pools) },
  );
}

/** The URL a spec asks for. */
export function urlOf(op: OpenApiOperation, spec: RequestSpec): string {
  const path = op.path.replace(/\{([^}]+)\}/g, (_, name: string) => spec.pathParams[name] ?? '');
  return `${path}${spec.pathSuffix}${spec.query ? `?${spec.query}` : ''}`;
}

/** The app.inject options for a spec; `authorization` comes from the caller, who holds the keys. */
export function injectOptionsOf(op: OpenApiOperation, spec: RequestSpec, authorization: string | undefined): InjectOptions {
  const headers: Record<string, string> = { ...spec.headers };
  if (authorization !== undefined) headers.authorization = authorization;
  let payload: string | undefined;
  if (spec.body && 'json' in spec.body) {
    payload = JSON.stringify(spec.body.json) ?? 'null';
    headers['content-type'] = 'application/json';
  } else if (spec.body && 'raw' in spec.body) {
    payload = spec.body.raw.payload;
    if (spec.body.raw.contentType !== null) headers['content-type'] = spec.body.raw.contentType;
    if (spec.body.raw.contentLength !== undefined) headers['content-length'] = spec.body.raw.contentLength;
  }
  return { method: spec.method as InjectOptions['method'], url: urlOf(op, spec), headers, ...(payload !== undefined ? { payload } : {}) };
}

/** A short, printable description of a spec (bodies cut to a readable length). */
export function describeSpec(op: OpenApiOperation, spec: RequestSpec, authorization: string | undefined): string {
  const body = spec.body ? ('json' in spec.body ? JSON.stringify(spec.body.json) ?? 'undefined' : JSON.stringify(spec.body.raw)) : '(none)';
  return [
    `${spec.kind} request for ${op.operationId} (${op.method} ${op.path}); mutation: ${spec.mutation}`,
    `  ${spec.method} ${urlOf(op, spec).slice(0, 500)}`,
    `  auth: ${JSON.stringify(spec.auth)}${authorization ? ` (${authorization.slice(0, 40)}…)` : ''}`,
    `  headers: ${JSON.stringify(spec.headers).slice(0, 300)}`,
    `  body: ${body.length > 600 ? `${body.slice(0, 600)}… (${body.length} chars)` : body}`,
  ].join('\n');
}
