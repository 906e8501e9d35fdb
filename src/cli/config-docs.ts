import { readFile, writeFile } from 'node:fs/promises';
import { type Command, parseCommandLine, runCommand } from './command.ts';

const command: Command = {
  name: 'npm run docs:config',
  help: `
usage: npm run docs:config

Rewrites the configuration table in README.md from the config schema (src/config.ts): each
variable's default, when it is required and its description. src/config.test.ts fails when the
committed table drifts from the schema.
Needs no environment variables and no database.
Exit codes: 0 written, 1 failed, 2 bad command line.
`,
};

parseCommandLine(command, {});
await runCommand(command, async () => {
  const { withConfigTable } = await import('../config-table.ts');
  const target = new URL('../../README.md', import.meta.url);
  await writeFile(target, withConfigTable(await readFile(target, 'utf8')));
  process.stdout.write(`wrote the configuration table in ${target.pathname}\n`);
});
