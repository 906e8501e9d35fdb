import { defineConfig } from 'drizzle-kit';

// drizzle-kit only generates SQL from the table files; migrations are applied by
// the service at start-up or by `npm run db:migrate`, never pushed.
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/modules/**/*.table.ts',
  out: './migrations',
  casing: 'snake_case',
});
