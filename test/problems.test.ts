import { globSync, readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { problemCatalogue } from '../src/lib/problem-catalogue.ts';
import { generateOpenApiDocument } from '../src/openapi-document.ts';
import { startTestApp, type TestApp } from './helpers/app.ts';

// Calls that make an error with a code, and the status each one answers with (AppError: its first argument).
const FACTORIES: Record<string, number | null> = {
  notFound: 404,
  conflict: 409,
  unprocessable: 422,
  badRequest: 400,
  forbidden: 403,
  unauthorized: 401,
  tooManyRequests: 429,
  preconditionFailed: 412,
  AppError: null,
  // A batch status item's own problem (src/modules/status/status.service.ts).
  invalid: 400,
};
const CODE = /'([a-z_]+(?:\.[a-z_]+)+)'/g;

/** The arguments of the call whose opening parenthesis ends at `from`, quotes and nesting respected. */
function argumentsAt(source: string, from: number): string {
  let depth = 1;
  let quote: string | null = null;
  let i = from;
  for (; i < source.length && depth > 0; i++) {
    const c = source[i]!;
    if (quote) {
      if (c === '\\') i++;
      else if (c === quote) quote = null;
    } else if (c === "'" || c === '"' || c === '`') quote = c;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
  }
  return source.slice(from, i - 1);
}

/** Every error code the source passes to an error factory, with the statuses it is made with (null: passed on as a default or by a table). */
function codesInSource(): Map<string, Set<number | null>> {
  const found = new Map<string, Set<number | null>>();
  const add = (code: string, status: number | null) => found.set(code, (found.get(code) ?? new Set()).add(status));
  for (const file of globSync('src/**/*.ts').filter((f) => !f.endsWith('.test.ts'))) {
    const source = readFileSync(file, 'utf8');
    for (const call of source.matchAll(new RegExp(`\\b(${Object.keys(FACTORIES).join('|')})\\(`, 'g'))) {
      const args = argumentsAt(source, call.index + call[0].length);
      const status = call[1] === 'AppError' ? (/^\s*(\d{3})\b/.exec(args) ? Number(/^\s*(\d{3})\b/.exec(args)![1]) : null) : FACTORIES[call[1]!]!;
      for (const [, code] of args.matchAll(CODE)) add(code!, status);
    }
    // Tables of [status, code, …] (fastify's, PostgreSQL's and Node's errors) and code defaults.
    for (const [, status, code] of source.matchAll(/\[(\d{3}), '([a-z_]+(?:\.[a-z_]+)+)'/g)) add(code!, Number(status));
    for (const [, code] of source.matchAll(/code = '([a-z_]+(?:\.[a-z_]+)+)'/g)) add(code!, null);
    // Maps from a token library's errors to ours (src/plugins/auth.ts).
    if (file.startsWith('src/plugins/')) {
      for (const [, mapped, key] of source.matchAll(/^\s+(?:[A-Z_]+: '(auth\.[a-z_]+)'|'(auth\.[a-z_]+)':)/gm)) add((mapped ?? key)!, 401);
    }
  }
  return found;
}

describe('the catalogue of error codes', () => {
  const inSource = codesInSource();

  it('explains every code the source makes an error with, at the status it is made with', () => {
    expect(inSource.size).toBeGreaterThan(100);
    const missing = [...inSource.keys()].filter((code) => !problemCatalogue.has(code));
    expect(missing).toEqual([]);
    for (const [code, statuses] of inSource) {
      for (const status of statuses) if (status !== null) expect(problemCatalogue.get(code)?.status, code).toBe(status);
    }
  });

  it('holds no code the source no longer uses', () => {
    // problems.not_found is made by the route that serves the catalogue.
    const unused = [...problemCatalogue.keys()].filter((code) => !inSource.has(code));
    expect(unused).toEqual([]);
  });

  it('explains every code the OpenAPI descriptions name', async () => {
    const document = await generateOpenApiDocument();
    const namespaces = new Set([...problemCatalogue.keys()].map((code) => code.split('.')[0]));
    const named = new Set<string>();
    // Audit actions (`action status.receipt_issued`) share some namespaces; they are not errors.
    for (const [, namespace, rest] of document.matchAll(/(?<!action )\b([a-z_]+)\.([a-z_]+)\b/g)) if (namespaces.has(namespace!)) named.add(`${namespace}.${rest}`);
    expect(named.size).toBeGreaterThan(20);
    expect([...named].filter((code) => !problemCatalogue.has(code))).toEqual([]);
  });

  it('has a status and a sentence for each code', () => {
    for (const [code, entry] of problemCatalogue) {
      expect(entry.status, code).toBeGreaterThanOrEqual(400);
      expect(entry.explanation, code).toMatch(/^\S.{10,}[.)]$/);
    }
  });
});

describe('GET /problems/{code}', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(() => t.close());

  it('is where every problem’s type points, and explains the code there without a token', async () => {
    const problem = await t.request({ method: 'GET', url: '/v1/signals/01890000-0000-7000-8000-000000000000', as: 'nobody' });
    expect(problem.statusCode).toBe(401);
    const { type, code } = problem.json();
    expect(type).toBe(`/problems/${code}`);

    const page = await t.request({ method: 'GET', url: type, headers: { accept: 'text/html,application/xhtml+xml,*/*;q=0.8' } });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.body).toContain(`<code>${code}</code>`);
    expect(page.body).toContain('401 Unauthorized');
    expect(page.body).toContain(problemCatalogue.get(code)!.explanation.slice(0, 20));

    const json = await t.request({ method: 'GET', url: type, headers: { accept: 'application/json' } });
    expect(json.statusCode).toBe(200);
    expect(json.json()).toEqual({ type, code, status: 401, title: 'Unauthorized', explanation: problemCatalogue.get(code)!.explanation });
  });

  it('serves a page for every code in the catalogue', async () => {
    for (const [code, entry] of problemCatalogue) {
      const res = await t.request({ method: 'GET', url: `/problems/${code}`, headers: { accept: 'application/json' } });
      expect(res.statusCode, code).toBe(200);
      expect(res.json().status, code).toBe(entry.status);
    }
  });

  it('titles each page as the problems with its code are titled', async () => {
    const page = await t.request({ method: 'GET', url: '/problems/input.personal_data', headers: { accept: 'application/json' } });
    expect(page.json().title).toBe('Unprocessable Content');
    expect((await t.request({ method: 'GET', url: '/problems/input.too_large', headers: { accept: 'application/json' } })).json().title).toBe('Content Too Large');
  });

  it('answers an unknown code with a 404 problem that points to its own page', async () => {
    const res = await t.request({ method: 'GET', url: '/problems/signals.no_such_thing' });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.json()).toMatchObject({ code: 'problems.not_found', type: '/problems/problems.not_found' });
    expect((await t.request({ method: 'GET', url: '/problems/problems.not_found' })).statusCode).toBe(200);
  });
});
