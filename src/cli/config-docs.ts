import { readFile } from 'node:fs/promises';
import { type Command, writeGenerated } from './command.ts';

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

const readme = new URL('../../README.md', import.meta.url);
await writeGenerated(
  command,
  readme,
  async () => (await import('../config-table.ts')).withConfigTable(await readFile(readme, 'utf8')),
  `the configuration table in ${readme.pathname}`,
);
