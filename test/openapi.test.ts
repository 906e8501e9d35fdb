import { readFile } from 'node:fs/promises';
// ajv and ajv-formats come with fastify; they are CommonJS, so their classes sit on `.default`.
import Ajv2020Module from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { generateOpenApiDocument } from '../src/openapi-document.ts';

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
    const base = 'https://supplier-signal-registry.test/openapi.json';
    const ajv = new Ajv2020Module.default({ strict: false, allErrors: true, validateSchema: false, validateFormats: true });
    addFormatsModule.default(ajv);
    ajv.addSchema({ $id: base, components: doc.components });
    const rewriteRefs = (node: unknown): unknown =>
      Array.isArray(node)
        ? node.map(rewriteRefs)
        : node && typeof node === 'object'
          ? Object.fromEntries(Object.entries(node).map(([k, v]) => [k, k === '$ref' && typeof v === 'string' ? `${base}${v}` : rewriteRefs(v)]))
          : node;

    const checked: string[] = [];
    const visit = (node: unknown, where: string) => {
      if (Array.isArray(node)) return node.forEach((n, i) => visit(n, `${where}/${i}`));
      if (!node || typeof node !== 'object') return;
      const { example, ...schema } = node as Record<string, unknown>;
      if (example !== undefined && ('type' in schema || '$ref' in schema || 'anyOf' in schema || 'enum' in schema)) {
        const validate = ajv.compile(rewriteRefs(schema) as object);
        expect(validate(example), `${where}: ${ajv.errorsText(validate.errors)}`).toBe(true);
        checked.push(where);
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
  });
});
