import { loadConfigOf } from '../config.ts';
import { migratePostgres } from '../db/client.ts';
import { type Command, configOrExit, exitCodes, exitWith, parseCommandLine, runCommand } from './command.ts';

const command: Command = {
  name: 'npm run db:migrate',
  help: `
usage: npm run db:migrate

Applies the pending migrations (migrations/*.sql) to the PostgreSQL server in DATABASE_URL,
as that user (the owner), and exits; safe to run from several places at once. The API does
the same at start-up unless MIGRATE_ON_START=false. The embedded database (no DATABASE_URL)
is migrated by the server itself.

Environment: DATABASE_URL (required), and nothing else.
Exit codes: 0 applied, 1 the database refused or could not be reached, 2 bad command line, 78 missing or bad DATABASE_URL.
`,
};

parseCommandLine(command, {});
// Migrations need the database and nothing else: no JWT_SECRET, no Redis.
const { DATABASE_URL } = configOrExit(command, () => loadConfigOf(['DATABASE_URL']));
if (!DATABASE_URL) exitWith(exitCodes.config, `${command.name}: DATABASE_URL is not set (e.g. postgres://registry@db:5432/registry)`);
await runCommand(command, async () => {
  await migratePostgres(DATABASE_URL);
  process.stdout.write('migrations applied\n');
});
