import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { constants } from 'node:fs';
import { access, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * Settings the embedded mode fills in when the environment leaves them out, so
 * `npm start` works with nothing configured: a development JWT secret and audit
 * signing key kept in DATA_DIR (so tokens and signed heads survive a restart), and
 * loopback webhooks allowed for the demo receiver. Never applied with DATABASE_URL
 * or in production.
 */
export async function embeddedDefaults(env: Record<string, string | undefined>): Promise<Record<string, string>> {
  if (env.DATABASE_URL || env.NODE_ENV === 'production') return {};
  const dataDir = env.DATA_DIR || './data';
  await ensureWritable(dataDir);
  const file = join(dataDir, 'dev-secrets.json');
  let secrets: { jwtSecret: string; auditSigningKey: string };
  try {
    secrets = JSON.parse(await readFile(file, 'utf8'));
  } catch {
    secrets = {
      jwtSecret: randomBytes(32).toString('hex'),
      auditSigningKey: generateKeyPairSync('ed25519').privateKey.export({ type: 'pkcs8', format: 'pem' }).toString(),
    };
    await writeFile(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  }
  return {
    ...(env.JWT_SECRET || env.JWT_PUBLIC_KEY ? {} : { JWT_SECRET: secrets.jwtSecret }),
    ...(env.AUDIT_SIGNING_KEY ? {} : { AUDIT_SIGNING_KEY: secrets.auditSigningKey }),
    ...(env.WEBHOOK_ALLOW_PRIVATE_NETWORKS ? {} : { WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'true' }),
  };
}

/**
 * The embedded demo's JWT secret for `npm run token`, when the server made one: read, never
 * made, so a token printed before (or without) the server is not signed with a secret no
 * server has. Empty when DATABASE_URL, JWT_SECRET or JWT_PUBLIC_KEY is set, or in production.
 */
export async function readEmbeddedSecrets(env: Record<string, string | undefined>): Promise<Record<string, string>> {
  if (env.DATABASE_URL || env.JWT_SECRET || env.JWT_PUBLIC_KEY || env.NODE_ENV === 'production') return {};
  const dataDir = env.DATA_DIR || './data';
  let text: string;
  try {
    text = await readFile(join(dataDir, 'dev-secrets.json'), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw new DataDirError(dataDir, error as NodeJS.ErrnoException, 'read');
  }
  try {
    const { jwtSecret } = JSON.parse(text) as { jwtSecret?: unknown };
    return typeof jwtSecret === 'string' ? { JWT_SECRET: jwtSecret } : {};
  } catch {
    // The server replaces an unreadable file with new secrets at its next start.
    return {};
  }
}

/** A DATA_DIR the process cannot create or write; its message is the one line start-up prints. */
export class DataDirError extends Error {
  constructor(dataDir: string, cause: NodeJS.ErrnoException, verb = 'write') {
    super(
      `DATA_DIR: cannot ${verb} ${dataDir} (${cause.code ?? cause.message}); set DATA_DIR to a directory this user can write, ` +
        'or DATABASE_URL to a PostgreSQL server',
    );
    this.name = 'DataDirError';
  }
}

/**
 * Creates DATA_DIR and checks it can be written, before the secrets file and PGlite need it.
 * In an image whose /app is root-owned the first mkdir failed with a raw EACCES stack.
 */
async function ensureWritable(dataDir: string): Promise<void> {
  try {
    await mkdir(dataDir, { recursive: true });
    await access(dataDir, constants.W_OK);
  } catch (error) {
    throw new DataDirError(dataDir, error as NodeJS.ErrnoException);
  }
}
