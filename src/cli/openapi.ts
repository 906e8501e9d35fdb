import { writeFile } from 'node:fs/promises';
import { generateOpenApiDocument } from '../openapi-document.ts';

// Regenerates openapi/openapi.json from the route schemas: `npm run openapi`.
const target = new URL('../../openapi/openapi.json', import.meta.url);
await writeFile(target, await generateOpenApiDocument());
process.stdout.write(`wrote ${target.pathname}\n`);
