import { loadConfig } from '../config.ts';
import { migratePostgres } from '../db/client.ts';

// Applies pending migrations and exits: `npm run db:migrate`.
const config = loadConfig();
if (!config.DATABASE_URL) {
  process.stderr.write('DATABASE_URL is not set\n');
  process.exit(78);
}
await migratePostgres(config.DATABASE_URL);
process.stdout.write('migrations applied\n');
