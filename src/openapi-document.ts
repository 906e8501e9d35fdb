import { buildApp } from './app.ts';
import { loadConfig } from './config.ts';
import { connectPostgres } from './db/client.ts';

/**
 * The OpenAPI document as the code generates it. Building the app opens no
 * connection, so no database is needed.
 */
export async function generateOpenApiDocument(): Promise<string> {
  const config = loadConfig({ JWT_SECRET: 'openapi-generation-only-0123456789abcdef' });
  const database = connectPostgres('postgres://openapi@127.0.0.1:1/none');
  const app = await buildApp({ config, database });
  try {
    await app.ready();
    return `${JSON.stringify(app.swagger(), null, 2)}\n`;
  } finally {
    await app.close();
    await database.close();
  }
}
