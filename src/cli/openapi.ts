import { writeFile } from 'node:fs/promises';
import { type Command, parseCommandLine, runCommand } from './command.ts';

const command: Command = {
  name: 'npm run openapi',
  help: `
usage: npm run openapi

Regenerates openapi/openapi.json from the route schemas (CI fails when the committed file drifts).
Needs no environment variables and no database.
Exit codes: 0 written, 1 failed, 2 bad command line.
`,
};

parseCommandLine(command, {});
await runCommand(command, async () => {
  // Loaded only now: --help needs no app.
  const { generateOpenApiDocument } = await import('../openapi-document.ts');
  const target = new URL('../../openapi/openapi.json', import.meta.url);
  await writeFile(target, await generateOpenApiDocument());
  process.stdout.write(`wrote ${target.pathname}\n`);
});
