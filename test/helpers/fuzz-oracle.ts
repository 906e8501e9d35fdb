import type { LightMyRequestResponse } from 'fastify';
import type { JsonSchema, OpenApiOperation } from './fuzz-arbitraries.ts';
import { openApiSchemas } from './openapi-schemas.ts';

/**
 * What every answer of the API must satisfy, whatever was asked (design.md invariant 5):
 * never a 5xx; an error is RFC 9457 problem+json with a stable code; a success matches the
 * response schema the OpenAPI document declares for it.
 */
export function createOracle(doc: JsonSchema) {
  const schemas = openApiSchemas(doc, '; ');
  const compiled = new Map<string, (value: unknown) => string | null>();
  const validatorFor = (key: string, schema: JsonSchema) => {
    let check = compiled.get(key);
    if (!check) {
      check = schemas.compile(schema);
      compiled.set(key, check);
    }
    return check;
  };
  const auditEntry = () => validatorFor('AuditEntry', { $ref: '#/components/schemas/AuditEntry' });

  /** The problems with one answer; empty when it is fine. */
  return function check(op: OpenApiOperation, method: string, res: LightMyRequestResponse): string[] {
    const problems: string[] = [];
    const status = res.statusCode;
    const contentType = String(res.headers['content-type'] ?? '');
    const hasBody = method !== 'HEAD';

    if (status >= 500) problems.push(`answered ${status}: bad input must never produce a 5xx`);
    if (Object.keys(Object.prototype).length > 0 || ({} as Record<string, unknown>).polluted !== undefined) {
      problems.push(`Object.prototype was polluted: ${Object.keys(Object.prototype).join(', ')}`);
    }

    if (status >= 200 && status < 300) {
      const declared = op.responses[String(status)];
      if (!declared) {
        problems.push(`answered ${status}, which ${op.operationId} does not declare (${Object.keys(op.responses).join(', ')})`);
        return problems;
      }
      if (status === 204 || !hasBody) {
        if (hasBody && res.body !== '') problems.push(`a 204 with a body: ${res.body.slice(0, 200)}`);
        return problems;
      }
      const schema = declared.content?.['application/json']?.schema ?? declared.content?.['application/jsonl']?.schema;
      if (!schema) return problems;
      if (/^application\/jsonl\b/.test(contentType) && schema.type === 'string') {
        // Documented as JSON Lines of AuditEntry (GET /v1/audit/export).
        for (const [i, line] of res.body.split('\n').entries()) {
          if (line === '') continue;
          let entry: unknown;
          try {
            entry = JSON.parse(line);
          } catch {
            problems.push(`line ${i + 1} of the JSON Lines body is not JSON: ${line.slice(0, 200)}`);
            break;
          }
          const wrong = auditEntry()(entry);
          if (wrong !== null) {
            problems.push(`line ${i + 1} is not an AuditEntry: ${wrong}`);
            break;
          }
        }
        return problems;
      }
      if (!/^application\/json\b/.test(contentType)) {
        problems.push(`a ${status} with content-type ${JSON.stringify(contentType)}, not application/json`);
        return problems;
      }
      let body: unknown;
      try {
        body = JSON.parse(res.body);
      } catch {
        problems.push(`a ${status} whose body is not JSON: ${res.body.slice(0, 200)}`);
        return problems;
      }
      const wrong = validatorFor(`${op.operationId}:${status}`, schema)(body);
      if (wrong !== null) {
        problems.push(`the ${status} body does not match its OpenAPI schema: ${wrong}\n  body: ${res.body.slice(0, 800)}`);
      }
      return problems;
    }

    // The one redirect: GET / leads to Swagger UI. A hostile path such as /v1/signals/../..
    // reaches it too, since app.inject resolves dot segments (a real client's request does not).
    if (status === 302 && res.headers.location === '/docs' && (method === 'GET' || method === 'HEAD')) return problems;

    // Anything else is an error, and errors are problem details.
    if (!/^application\/problem\+json\b/.test(contentType)) {
      problems.push(`a ${status} with content-type ${JSON.stringify(contentType)}, not application/problem+json; body: ${res.body.slice(0, 300)}`);
    }
    if (!hasBody) return problems;
    let body: Record<string, unknown>;
    try {
      body = JSON.parse(res.body) as Record<string, unknown>;
    } catch {
      problems.push(`a ${status} whose body is not JSON: ${res.body.slice(0, 300)}`);
      return problems;
    }
    if (!body || typeof body !== 'object' || Array.isArray(body)) {
      problems.push(`a ${status} whose body is not an object: ${res.body.slice(0, 300)}`);
      return problems;
    }
    const missing = ['type', 'title', 'detail', 'code', 'requestId'].filter((field) => typeof body[field] !== 'string' || body[field] === '');
    if (missing.length > 0) problems.push(`problem fields ${missing.join(', ')} missing or empty: ${res.body.slice(0, 300)}`);
    if (body.status !== status) problems.push(`problem status ${JSON.stringify(body.status)} differs from the HTTP status ${status}`);
    if (typeof body.code === 'string' && !/^[a-z][a-z0-9_]*(\.[a-z0-9_]+)+$/.test(body.code)) problems.push(`problem code ${JSON.stringify(body.code)} is not a stable dotted code`);
    if (containsKey(body, 'stack')) problems.push(`problem body carries a stack: ${res.body.slice(0, 300)}`);
    if (/\n\s+at .+\(.+:\d+:\d+\)/.test(res.body)) problems.push(`problem body carries a stack trace: ${res.body.slice(0, 300)}`);
    // An idempotent replay repeats the first answer, with the first request's id inside.
    const headerId = res.headers['idempotent-replayed'] === 'true' ? undefined : res.headers['x-request-id'];
    if (headerId !== undefined && body.requestId !== headerId) problems.push(`problem requestId ${JSON.stringify(body.requestId)} differs from x-request-id ${JSON.stringify(headerId)}`);
    return problems;
  };
}

function containsKey(value: unknown, key: string): boolean {
  if (Array.isArray(value)) return value.some((v) => containsKey(v, key));
  if (value && typeof value === 'object') return Object.entries(value).some(([k, v]) => k === key || containsKey(v, key));
  return false;
}
