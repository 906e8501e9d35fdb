/**
 * Writes client/schema.ts from openapi/openapi.json with openapi-typescript (`npm run
 * openapi` runs it after regenerating the document); `generateSchema` is also what the test
 * compares the committed file with.
 */
import { readFile, writeFile } from 'node:fs/promises';
import openapiTS, { astToString } from 'openapi-typescript';

const HEADER = '// Generated from openapi/openapi.json by client/generate.ts (npm run openapi). Do not edit.\n\n';

export async function generateSchema(document: unknown): Promise<string> {
  return HEADER + astToString(await openapiTS(document as Parameters<typeof openapiTS>[0]));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const source = new URL('../openapi/openapi.json', import.meta.url);
  const target = new URL('./schema.ts', import.meta.url);
  await writeFile(target, await generateSchema(JSON.parse(await readFile(source, 'utf8'))));
  process.stdout.write(`wrote ${target.pathname}\n`);
}
