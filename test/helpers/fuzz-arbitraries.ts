import fc from 'fast-check';
import { withLuhnDigit } from '../../src/lib/identity-numbers.ts';

/**
 * fast-check arbitraries for the fuzz suite (test/fuzz.test.ts): requests built from
 * the JSON Schemas of the OpenAPI document — valid, almost valid (one thing mutated)
 * and hostile. Everything generated here is plain data; test/helpers/fuzz-request.ts
 * turns it into an app.inject call.
 */

export type JsonSchema = Record<string, any>;

export interface OpenApiOperation {
  operationId: string;
  method: string;
  path: string;
  parameters: Array<{ in: 'path' | 'query' | 'header'; name: string; required?: boolean; schema: JsonSchema }>;
  body: JsonSchema | null;
  responses: Record<string, { content?: Record<string, { schema: JsonSchema }> }>;
}

/** Ids and names that exist in the seeded database, so generated paths sometimes hit real rows. */
export interface Pools {
  orgIds: string[];
  /** The organisation that owns (issued, subscribed…) a seeded id, so valid requests can act as it. */
  owners: Record<string, string>;
  orgNumbers: string[];
  signals: string[];
  subscriptions: string[];
  agreements: string[];
  deliveries: string[];
  units: string[];
  followUps: string[];
}

/** Every operation of the document, in document order. */
export function operationsOf(doc: JsonSchema): OpenApiOperation[] {
  const out: OpenApiOperation[] = [];
  for (const [path, item] of Object.entries<JsonSchema>(doc.paths)) {
    for (const [method, op] of Object.entries<JsonSchema>(item)) {
      out.push({
        operationId: op.operationId,
        method: method.toUpperCase(),
        path,
        // A shared parameter (Idempotency-Key) is a $ref to components/parameters.
        parameters: (op.parameters ?? []).map((p: JsonSchema) => (p.$ref ? p.$ref.slice(2).split('/').reduce((n: JsonSchema, k: string) => n[k], doc) : p)),
        body: op.requestBody?.content?.['application/json']?.schema ?? null,
        responses: op.responses,
      });
    }
  }
  return out;
}

// ---------------------------------------------------------------------------
// Hostile values
// ---------------------------------------------------------------------------

/** encodeURIComponent that writes a lone surrogate as its (invalid) UTF-8 bytes instead of throwing. */
export function encodePart(value: string): string {
  let out = '';
  for (const char of value) {
    const code = char.codePointAt(0)!;
    out += code >= 0xd800 && code <= 0xdfff ? `%ED%${(0x80 | ((code >> 6) & 0x3f)).toString(16).toUpperCase()}%${(0x80 | (code & 0x3f)).toString(16).toUpperCase()}` : encodeURIComponent(char);
  }
  return out;
}

const deepArray = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`;
const deepObject = (depth: number) => `${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;

/** Strings no field expects: injection, traversal, odd unicode, NUL, overlong, look-alikes. */
export const hostileStrings: readonly string[] = [
  '',
  ' ',
  '\t\r\n',
  'null',
  'undefined',
  'true',
  '0',
  '-1',
  '1e309',
  'NaN',
  'Infinity',
  '0x1F',
  '[object Object]',
  // SQL
  "' OR '1'='1",
  "'; DROP TABLE signals; --",
  '" OR ""="',
  '1; SELECT pg_sleep(5); --',
  "\\'; --",
  "%' AND 1=1 --",
  '%_%',
  '$1',
  '$$;$$',
  "E'\\x00'",
  // prototype pollution
  '__proto__',
  'constructor',
  'prototype',
  'constructor.prototype',
  '__proto__.polluted',
  'hasOwnProperty',
  // paths and encodings
  '../../../etc/passwd',
  '..\\..\\windows\\win.ini',
  '%2e%2e%2f',
  '%00',
  '%',
  '%zz',
  '/',
  '//',
  '.',
  '..',
  // unicode
  'a\u0000b',
  '\u0000',
  '\uFEFFbom',
  '\u202Eevil\u202C',
  'مرحبا بالعالم',
  'שלום עולם',
  '👩‍👩‍👧‍👦🏳️‍🌈',
  'Z\u0335\u0321\u032A\u032B\u0344a\u0338l\u0336g\u0337o\u0335',
  'e\u0301\u0302\u0303\u0304\u0305\u0306\u0307\u0308',
  '\uD800',
  '\uDFFF x',
  '\u2028\u2029',
  '\u0007\u001B[31m',
  // markup and templates
  '<script>alert(1)</script>',
  '{{7*7}}',
  '${7*7}',
  '$(id)',
  // long
  'x'.repeat(1_001),
  'x'.repeat(10_001),
  '😀'.repeat(5_000),
  // identity-number look-alikes
  '556677-8899',
  '121212-1212',
  '19121212-1212',
  '000000-0000',
  '999999-9999',
  '5566778899',
  '556677-889',
  '5566-778899',
  '５５６６７７-８８９９',
  // id look-alikes
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  '018f0000-0000-7000-8000-000000000000',
  'FFFFFFFF-FFFF-7FFF-BFFF-FFFFFFFFFFFF',
  '0190aaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee',
  '018f0000-0000-7000-8000-00000000000',
  // time look-alikes
  '0000-01-01T00:00:00Z',
  '0000-01-01T00:00:00+23:59',
  '9999-12-31T23:59:59-23:59',
  '2024-02-30T00:00:00Z',
  '-000001-01-01T00:00:00Z',
  '+275760-09-13T00:00:00Z',
  '2024-01-01',
  '2024-01-01T00:00:00',
  '0000-00-00',
  // urls
  'http://',
  'http://127.0.0.1:9/../../x',
  'file:///etc/passwd',
  'javascript:alert(1)',
  'http://[::1',
  'http://user:pass@127.0.0.1:9/x',
];

/** Query-string values for numeric and enum parameters. */
export const hostileNumberStrings: readonly string[] = [
  '1e3',
  '1.5',
  '-0',
  '+1',
  ' 1',
  '1 ',
  '0x10',
  '0b1',
  '١٢',
  '99999999999999999999',
  '9007199254740993',
  '9007199254740991',
  '-9007199254740991',
  '1e308',
  '-1e308',
  'Infinity',
  '-Infinity',
  'NaN',
  '',
  '[object Object]',
];

export const hostileNumbers: readonly number[] = [
  0,
  -0,
  -1,
  1.5,
  -1.5,
  2 ** 31 - 1,
  2 ** 31,
  -(2 ** 31),
  2 ** 53,
  2 ** 53 + 2,
  -(2 ** 53),
  2 ** 63,
  1e21,
  1e308,
  -1e308,
  Number.MAX_VALUE,
  Number.MIN_VALUE,
  9007199254740991,
];

/** Objects whose own keys are `__proto__` / `constructor` (built by JSON.parse, as a parser would). */
export const pollutionObjects: readonly unknown[] = [
  JSON.parse('{"__proto__":{"polluted":"yes"}}'),
  JSON.parse('{"constructor":{"prototype":{"polluted":"yes"}}}'),
  JSON.parse('{"__proto__":{"toString":"x","isAdmin":true},"a":1}'),
  JSON.parse('[{"__proto__":{"polluted":"yes"}}]'),
];

const hostileLeaf: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 6, arbitrary: fc.constantFrom(...hostileStrings) },
  { weight: 3, arbitrary: fc.constantFrom(...hostileNumbers) },
  { weight: 1, arbitrary: fc.constantFrom<unknown>(null, true, false, [], {}, [null], [[[]]], { '': '' }) },
  { weight: 2, arbitrary: fc.constantFrom(...pollutionObjects) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 400 }).map((d) => JSON.parse(deepArray(d)) as unknown) },
  { weight: 1, arbitrary: fc.integer({ min: 1, max: 400 }).map((d) => JSON.parse(deepObject(d)) as unknown) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 40 }) },
);

/** Any JSON value a field was not expecting. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 8, arbitrary: hostileLeaf },
  { weight: 1, arbitrary: fc.array(hostileLeaf, { maxLength: 4 }) },
  { weight: 1, arbitrary: fc.dictionary(fc.constantFrom('__proto__', 'constructor', 'a', '', '$where', 'prototype'), hostileLeaf, { maxKeys: 3 }) },
);

/** A hostile path segment, sent as written (not encoded): slashes, dots, percent tricks, long ids. */
export const hostilePathSegment: fc.Arbitrary<string> = fc.oneof(
  {
    weight: 5,
    arbitrary: fc.constantFrom(
      '',
      '.',
      '..',
      '../..',
      '..%2F..',
      '%2e%2e',
      '%2e%2e%2f%2e%2e',
      'a/b',
      'a%2Fb',
      '%2F',
      '%00',
      'a%00b',
      '%',
      '%zz',
      '%C0%AE',
      '%F0%9F%98%80',
      '%E2%80%AE',
      '%5Bobject%20Object%5D',
      '__proto__',
      'constructor',
      'prototype',
      "1'%20OR%20'1'='1",
      '1;DROP%20TABLE%20signals',
      'null',
      'undefined',
      '-1',
      '0',
      '1e308',
      ';jsessionid=1',
      'x'.repeat(101),
      'x'.repeat(5_000),
      '556677-8899',
      '5566778899',
      '121212-1212',
      '00000000-0000-0000-0000-000000000000',
      'ffffffff-ffff-ffff-ffff-ffffffffffff',
      '0190aaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee',
      'FFFFFFFF-FFFF-7FFF-BFFF-FFFFFFFFFFFF',
    ),
  },
  { weight: 2, arbitrary: fc.constantFrom(...hostileStrings).map((s) => encodePart(s.slice(0, 300))) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 30 }).map(encodePart) },
);

/** A query string as a client might send it, broken: duplicates, brackets, bad escapes, junk. */
export const hostileQueryString: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    '&&&',
    '=',
    '==&=',
    'limit',
    'limit=',
    'limit=1&limit=2',
    'limit[]=1',
    'limit[$gt]=0',
    '__proto__=1',
    '__proto__[polluted]=yes',
    'constructor[prototype][polluted]=yes',
    'a=%zz',
    '%=%',
    'a=%00',
    'cursor=%FF%FE',
    `cursor=${'A'.repeat(201)}`,
    `q=${'x'.repeat(5_000)}`,
    'limit=1e3',
    'limit=-1',
    'limit=99999999999999999999',
    'after=9007199254740993',
    'after=-1',
    'from=0&to=-1',
    'updatedSince=0000-01-01T00:00:00Z',
    'since=%27%20OR%201=1--',
    'a=1;b=2',
    '?',
    '#frag',
  ),
  fc
    .array(fc.tuple(fc.constantFrom('limit', 'cursor', 'after', 'from', 'to', 'q', 'status', 'type', 'supplier', '__proto__', 'x'), fc.constantFrom(...hostileNumberStrings, ...hostileStrings.slice(0, 40))), {
      minLength: 1,
      maxLength: 4,
    })
    .map((pairs) => pairs.map(([k, v]) => `${k}=${encodePart(v)}`).join('&')),
);

/** A whole request body that is not what the route reads, with the content type it is sent as. */
export interface RawBody {
  payload: string;
  /** null: no content-type header at all. */
  contentType: string | null;
  /** A content-length header that lies about the payload. */
  contentLength?: string;
}

const rawJsonTexts: readonly string[] = [
  '',
  '{',
  '}',
  '{"a":1,}',
  "{'a':1}",
  '{"a":1}{"b":2}',
  'null',
  'true',
  '0',
  '-1',
  '1e400',
  '"string"',
  '[]',
  '[1,2,3]',
  '{}',
  '{"__proto__":{"polluted":"yes"}}',
  '{"constructor":{"prototype":{"polluted":"yes"}}}',
  '{"a":"\\u0000"}',
  '{"a":"\\ud800"}',
  '{"a":1,"a":2}',
  '\uFEFF{}',
  ' \n\t{} ',
  'NaN',
  '{"a":NaN}',
  '{"a":Infinity}',
  '{"a":undefined}',
  '\u0000',
  '<?xml version="1.0"?><a/>',
  'a=1&b=2',
];

export const hostileRawBody: fc.Arbitrary<RawBody> = fc.oneof(
  { weight: 4, arbitrary: fc.record({ payload: fc.constantFrom(...rawJsonTexts), contentType: fc.constant('application/json') }) },
  { weight: 2, arbitrary: fc.integer({ min: 500, max: 100_000 }).map((d) => ({ payload: deepArray(d), contentType: 'application/json' })) },
  { weight: 2, arbitrary: fc.integer({ min: 500, max: 40_000 }).map((d) => ({ payload: deepObject(d), contentType: 'application/json' })) },
  { weight: 1, arbitrary: fc.constant({ payload: `"${'x'.repeat(300_000)}"`, contentType: 'application/json' }) },
  {
    weight: 3,
    arbitrary: fc.record({
      payload: fc.constantFrom('{"a":1}', 'a=1&b=2', 'hello', '', '\u0000\u0001', '{"reason":"x"}'),
      contentType: fc.constantFrom<string | null>(
        null,
        'text/plain',
        'text/html',
        'application/x-www-form-urlencoded',
        'multipart/form-data; boundary=xyz',
        'application/xml',
        'application/octet-stream',
        'application/json; charset=latin1',
        'application/json; charset=utf-16',
        'application/jsonx',
        'application/json;;;',
        'application/problem+json',
        'APPLICATION/JSON',
        '*/*',
        'json',
        '',
        'application/json, text/plain',
      ),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      payload: fc.constantFrom('{"a":1}', '{}'),
      contentType: fc.constant('application/json'),
      contentLength: fc.constantFrom('0', '1', '99999', '-1', 'abc', '1.5'),
    }),
  },
);

// ---------------------------------------------------------------------------
// Valid values, from the JSON Schema plus what we know of the domain
// ---------------------------------------------------------------------------

const pad = (n: number, width = 2) => String(Math.abs(n)).padStart(width, '0');

/** An ISO 8601 date-time as `z.iso.datetime({ offset: true })` accepts it: Z or ±hh:mm, any fraction. */
function formatDateTime(date: Date, offsetMinutes: number, fractionDigits: number): string {
  const local = new Date(date.getTime() + offsetMinutes * 60_000);
  const year = local.getUTCFullYear();
  if (year < 0 || year > 9999) return date.toISOString();
  const fraction = fractionDigits > 0 ? `.${String(local.getUTCMilliseconds()).padStart(3, '0').padEnd(fractionDigits, '7').slice(0, fractionDigits)}` : '';
  const offset = offsetMinutes === 0 ? 'Z' : `${offsetMinutes < 0 ? '-' : '+'}${pad(Math.trunc(Math.abs(offsetMinutes) / 60))}:${pad(Math.abs(offsetMinutes) % 60)}`;
  return `${pad(year, 4)}-${pad(local.getUTCMonth() + 1)}-${pad(local.getUTCDate())}T${pad(local.getUTCHours())}:${pad(local.getUTCMinutes())}:${pad(local.getUTCSeconds())}${fraction}${offset}`;
}

const anyDate = (min: string, max: string) => fc.date({ min: new Date(min), max: new Date(max), noInvalidDate: true });

export const dateTimeArb: fc.Arbitrary<string> = fc.oneof(
  { weight: 8, arbitrary: anyDate('2000-01-01T00:00:00Z', '2040-01-01T00:00:00Z').map((d) => d.toISOString()) },
  {
    weight: 3,
    arbitrary: fc
      .tuple(anyDate('1900-01-01T00:00:00Z', '2100-01-01T00:00:00Z'), fc.integer({ min: -(23 * 60 + 59), max: 23 * 60 + 59 }), fc.integer({ min: 0, max: 9 }))
      .map(([d, offset, digits]) => formatDateTime(d, offset, digits)),
  },
  // The whole range the pattern allows, years 0000–9999 and the widest offsets.
  { weight: 1, arbitrary: anyDate('0000-01-01T00:00:00Z', '9999-12-31T23:59:59Z').map((d) => formatDateTime(d, 0, 3)) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      '0000-01-01T00:00:00Z',
      '0000-01-01T00:00:00+23:59',
      '0001-01-01T00:00:00Z',
      '1969-12-31T23:59:59.999999999Z',
      '2024-02-29T12:00:00+01:00',
      '9999-12-31T23:59:59Z',
      '9999-12-31T23:59:59-23:59',
      '9999-12-31T23:59:59.999999999Z',
    ),
  },
);

export const dateArb: fc.Arbitrary<string> = fc.oneof(
  { weight: 8, arbitrary: anyDate('2000-01-01T00:00:00Z', '2040-01-01T00:00:00Z').map((d) => d.toISOString().slice(0, 10)) },
  { weight: 1, arbitrary: anyDate('0000-01-01T00:00:00Z', '9999-12-31T00:00:00Z').map((d) => formatDateTime(d, 0, 0).slice(0, 10)) },
  { weight: 1, arbitrary: fc.constantFrom('0000-01-01', '0001-01-01', '2024-02-29', '9999-12-31') },
);

/** Webhook URLs on loopback port 9, where nothing listens: the registry may POST there, fast. */
export const webhookUrlArb: fc.Arbitrary<string> = fc
  .tuple(fc.constantFrom('http://127.0.0.1:9', 'https://127.0.0.1:9', 'http://[::1]:9'), fc.webPath(), fc.option(fc.webQueryParameters(), { nil: undefined }))
  .map(([origin, path, query]) => `${origin}/fuzz${path}${query ? `?${query}` : ''}`);

/** A fresh organisationsnummer (digits 3–4 ≥ 20, Luhn), written with or without the hyphen. */
export const freshOrgNumberArb: fc.Arbitrary<string> = fc
  .tuple(fc.integer({ min: 10, max: 99 }), fc.integer({ min: 20, max: 99 }), fc.integer({ min: 0, max: 99_999 }), fc.boolean())
  .map(([a, b, c, hyphen]) => {
    const ten = withLuhnDigit(`${a}${b}${String(c).padStart(5, '0')}`);
    return hyphen ? `${ten.slice(0, 6)}-${ten.slice(6)}` : ten;
  });

/** A sole trader's number: a Luhn-valid personnummer. */
export const personnummerArb: fc.Arbitrary<string> = fc
  .tuple(fc.integer({ min: 0, max: 99 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 1, max: 28 }), fc.integer({ min: 0, max: 999 }))
  .map(([y, m, d, serial]) => {
    const ten = withLuhnDigit(`${pad(y)}${pad(m)}${pad(d)}${pad(serial, 3)}`);
    return `${ten.slice(0, 6)}-${ten.slice(6)}`;
  });

const textUnits = fc.constantFrom<'grapheme' | 'grapheme-ascii' | 'binary'>('grapheme', 'grapheme-ascii', 'binary');

/** Free text: words, unicode, and now and then something a field must refuse on its merits (a personnummer). */
function textArb(minLength: number, maxLength: number): fc.Arbitrary<string> {
  const max = Math.min(maxLength, 60);
  const min = Math.min(minLength, max);
  const arbs: Array<fc.WeightedArbitrary<string>> = [
    { weight: 12, arbitrary: fc.lorem({ maxCount: 6 }).filter((s) => s.length >= min && s.length <= maxLength) },
    { weight: 6, arbitrary: textUnits.chain((unit) => fc.string({ unit, minLength: min, maxLength: max })) },
    { weight: 1, arbitrary: fc.constant('å'.repeat(maxLength)) },
  ];
  if (maxLength >= 30) {
    arbs.push({ weight: 1, arbitrary: personnummerArb.map((p) => `Barnet ${p} placerades`) });
    arbs.push({ weight: 1, arbitrary: fc.constantFrom(...hostileStrings).filter((s) => s.length >= min && s.length <= maxLength) });
  }
  return fc.oneof(...arbs);
}

function pool<T>(values: readonly T[], fallback: fc.Arbitrary<T>, poolWeight = 4): fc.Arbitrary<T> {
  return values.length ? fc.oneof({ weight: poolWeight, arbitrary: fc.constantFrom(...values) }, { weight: 1, arbitrary: fallback }) : fallback;
}

export interface SchemaContext {
  /** The field or parameter name, which tells what an untyped string holds. */
  name: string;
  /** The operation's path template; tells which kind of `{id}` a path wants. */
  route: string;
  pools: Pools;
}

/** Which seeded ids an `{id}` of this route refers to. */
function idPool(route: string, pools: Pools): string[] {
  if (route.startsWith('/v1/signals/')) return pools.signals;
  if (route.startsWith('/v1/subscriptions/')) return pools.subscriptions;
  if (route.startsWith('/v1/agreements/')) return pools.agreements;
  if (route.startsWith('/v1/deliveries/')) return pools.deliveries;
  if (route.startsWith('/v1/follow-ups/')) return pools.followUps;
  return [];
}

function uuidArb(ctx: SchemaContext): fc.Arbitrary<string> {
  const { name, pools } = ctx;
  const known =
    name === 'unitId' || name === 'units.id'
      ? pools.units
      : name === 'agreementId' || name === 'agreement' || name === 'agreements'
        ? pools.agreements
        : name === 'id'
          ? idPool(ctx.route, pools)
          : name === 'deviationSignalId'
            ? pools.signals
            : [];
  return pool(known, fc.uuid({ version: 7 }));
}

const ORG_NUMBER_NAMES = new Set(['orgNumber', 'orgNumbers', 'supplier', 'supplierOrgNumber', 'suppliers']);

function stringArb(schema: JsonSchema, ctx: SchemaContext): fc.Arbitrary<string> {
  const { name, pools } = ctx;
  if (schema.format === 'uuid') return uuidArb(ctx);
  if (schema.format === 'date-time') return dateTimeArb;
  if (schema.format === 'date') return dateArb;
  if (schema.format === 'uri' || name === 'url') return webhookUrlArb;
  if (ORG_NUMBER_NAMES.has(name) || /organisationsnummer/.test(schema.description ?? '')) {
    return fc.oneof(
      { weight: 6, arbitrary: pool(pools.orgNumbers, freshOrgNumberArb, 1) },
      { weight: 1, arbitrary: pool(pools.orgNumbers.map((n) => n.replace('-', '')), freshOrgNumberArb, 1) },
      { weight: 2, arbitrary: freshOrgNumberArb },
      { weight: 1, arbitrary: personnummerArb },
    );
  }
  if (name === 'municipalityCodes' || name === 'municipalityCode') return pool(['2281', '2262', '2480'], fc.stringMatching(/^\d{4}$/));
  if (schema.pattern === '^[a-z0-9][a-z0-9-]{1,62}$') return pool(pools.orgIds, fc.stringMatching(/^[a-z0-9][a-z0-9-]{1,20}$/));
  if (schema.pattern) return fc.stringMatching(new RegExp(schema.pattern));
  if (name === 'cursor') {
    const key = fc.oneof(fc.uuid({ version: 7 }), freshOrgNumberArb, fc.constantFrom(...pools.signals, ...pools.orgNumbers.map((n) => n.replace('-', ''))));
    return fc.oneof(
      key.map((k) => Buffer.from(JSON.stringify({ v: 1, k })).toString('base64url')),
      fc.string({ maxLength: Math.min(schema.maxLength ?? 200, 40) }),
      fc.jsonValue({ maxDepth: 2 }).map((v) => Buffer.from(JSON.stringify(v) ?? 'null').toString('base64url').slice(0, schema.maxLength ?? 200)),
    );
  }
  return textArb(schema.minLength ?? 0, schema.maxLength ?? 200);
}

function integerArb(schema: JsonSchema): fc.Arbitrary<number> {
  const min = Math.max(schema.minimum ?? Number.MIN_SAFE_INTEGER, Number.MIN_SAFE_INTEGER);
  const max = Math.min(schema.maximum ?? Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER);
  const small = fc.integer({ min, max: Math.min(max, Math.max(min, 0) + 300) });
  return fc.oneof({ weight: 6, arbitrary: small }, { weight: 2, arbitrary: fc.integer({ min, max }) }, { weight: 1, arbitrary: fc.constantFrom(min, max) });
}

/**
 * A value the schema accepts (as JSON Schema sees it; business rules may still refuse
 * it, which is fine: they must refuse it with a 4xx problem).
 */
export function valueArb(schema: JsonSchema, ctx: SchemaContext): fc.Arbitrary<unknown> {
  if (schema.anyOf || schema.oneOf) return fc.oneof(...(schema.anyOf ?? schema.oneOf).map((s: JsonSchema) => valueArb(s, ctx)));
  if (schema.const !== undefined) return fc.constant(schema.const);
  if (schema.enum) return fc.constantFrom(...(schema.enum as unknown[]));
  if (Array.isArray(schema.type)) return fc.oneof(...schema.type.map((type: string) => valueArb({ ...schema, type }, ctx)));
  switch (schema.type) {
    case 'null':
      return fc.constant(null);
    case 'boolean':
      return fc.boolean();
    case 'integer':
      return integerArb(schema);
    case 'number':
      return fc.double({ noNaN: true, noDefaultInfinity: true, min: schema.minimum, max: schema.maximum });
    case 'string':
      return stringArb(schema, ctx);
    case 'array': {
      const items = valueArb(schema.items ?? {}, ctx);
      const minLength = schema.minItems ?? 0;
      const maxItems = schema.maxItems ?? 10;
      return fc.oneof(
        { weight: 9, arbitrary: fc.array(items, { minLength, maxLength: Math.max(minLength, Math.min(maxItems, 4)) }) },
        { weight: 1, arbitrary: fc.array(items, { minLength: maxItems, maxLength: maxItems }) },
      );
    }
    case 'object': {
      const properties: Record<string, JsonSchema> = schema.properties ?? {};
      const model: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [key, sub] of Object.entries(properties)) {
        model[key] = valueArb(sub, { ...ctx, name: ctx.name === 'units' ? `units.${key}` : key });
      }
      return fc.record(model, { requiredKeys: schema.required ?? [] });
    }
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}
