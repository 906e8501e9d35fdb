import { type Command, writeGenerated } from './command.ts';

const command: Command = {
  name: 'npm run openapi',
  help: `
usage: npm run openapi

Regenerates openapi/openapi.json from the route schemas (CI fails when the committed file drifts).
Needs no environment variables and no database.
Exit codes: 0 written, 1 failed, 2 bad command line.
`,
};

await writeGenerated(command, new URL('../../openapi/openapi.json', import.meta.url), async () => (await import('../openapi-document.ts')).generateOpenApiDocument());
