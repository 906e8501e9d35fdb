import { readFile } from 'node:fs/promises';
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
});
