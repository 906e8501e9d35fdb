import { generateKeyPairSync, randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
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
  await mkdir(dataDir, { recursive: true });
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
