import { execFile } from 'node:child_process';
import { createHash, createPublicKey, verify } from 'node:crypto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, expect } from 'vitest';
import type { TestApp } from './app.ts';

const run = promisify(execFile);
const cli = fileURLToPath(new URL('../../src/cli/receipt-verify.ts', import.meta.url));

/**
 * RFC 8785 for the values a receipt holds (strings, integers, booleans, null), written
 * from the README's definition and not taken from the code under test: members sorted
 * by UTF-16 code units (what Array.prototype.sort does), no whitespace, JSON.stringify's
 * strings and numbers.
 */
export function jcs(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(jcs).join(',')}]`;
  const object = value as Record<string, unknown>;
  return `{${Object.keys(object)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${jcs(object[k])}`)
    .join(',')}}`;
}

export const sha256Hex = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

// Loosely typed on purpose: the tests read receipts as a verifier in another language would.
export interface Signed {
  receipt: Record<string, any>;
  signature: { alg: string; keyId: string; value: string };
}

/** A verifier from the README alone: the key from the well-known URL (as JWK), the key id, the digest and the signature. */
export async function verifyFromReadme(t: TestApp, signed: Signed): Promise<boolean> {
  const res = await t.app.inject({ method: 'GET', url: '/.well-known/receipt-keys' });
  expect(res.statusCode, res.body).toBe(200);
  const published = res.json().keys.find((k: { keyId: string }) => k.keyId === signed.signature.keyId);
  if (!published) return false;
  const key = createPublicKey({ key: published.jwk, format: 'jwk' });
  const keyId = createHash('sha256').update(key.export({ type: 'spki', format: 'der' })).digest('hex').slice(0, 32);
  const { log, ...unlogged } = signed.receipt;
  return (
    keyId === signed.signature.keyId &&
    log.digest === sha256Hex(jcs(unlogged)) &&
    verify(null, Buffer.from(jcs(signed.receipt), 'utf8'), key, Buffer.from(signed.signature.value, 'base64'))
  );
}

/** The audit log entry at a position, read straight from the database. */
export async function auditEntryAt(t: TestApp, position: number) {
  const { rows } = await t.database.pool.query('SELECT position, org_id, action, target_type, target_id, digest FROM audit_log WHERE position = $1', [position]);
  return rows[0] as { position: string | number; org_id: string; action: string; target_type: string; target_id: string; digest: string } | undefined;
}

export async function auditCount(t: TestApp): Promise<number> {
  const { rows } = await t.database.pool.query('SELECT count(*)::int AS n FROM audit_log');
  return rows[0].n;
}

/** Files in a temporary folder removed after the test file; `cli` runs `npm run receipt:verify` on them. */
export async function receiptFiles() {
  const dir = await mkdtemp(join(tmpdir(), 'receipts-'));
  afterAll(() => rm(dir, { recursive: true, force: true }));
  let n = 0;
  return {
    write: async (content: string) => {
      n += 1;
      const file = join(dir, `f${n}`);
      await writeFile(file, content);
      return file;
    },
    cli: (file: string, keyFile: string) =>
      run(process.execPath, [cli, '--file', file, '--public-key', keyFile]).then(
        ({ stdout }) => ({ code: 0, stdout }),
        (error: { code: number; stdout: string }) => ({ code: error.code, stdout: error.stdout }),
      ),
  };
}

/** `text` with the byte at `index` XOR `mask`. */
export const flipByte = (text: string, index: number, mask = 0x01) => {
  const bytes = Buffer.from(text, 'utf8');
  bytes[index]! ^= mask;
  return bytes.toString('utf8');
};

export const isJson = (text: string) => {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
};
