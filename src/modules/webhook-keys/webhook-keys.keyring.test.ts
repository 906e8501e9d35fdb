import type { FastifyBaseLogger } from 'fastify';
import { describe, expect, it } from 'vitest';
import { createWebhookKeyring, type WebhookKeyStore } from './webhook-keys.keyring.ts';
import type { WebhookKeyRepository } from './webhook-keys.repository.ts';
import type { WebhookSigningKeyRow } from './webhook-keys.table.ts';

// A current key this process cannot open, and a replacement that fails: what it logs must say why and what to do.
function keyringThatCannotOpen(sealKeyGenerated: boolean) {
  const row = { kid: 'k1', validFrom: new Date(0), retiredAt: null, signsUntil: null, sealedPrivateKey: 'sealed' } as unknown as WebhookSigningKeyRow;
  const errors: Array<{ fields: Record<string, unknown>; message: string }> = [];
  const log = {
    error: (fields: Record<string, unknown>, message: string) => errors.push({ fields, message }),
    warn: () => {},
  } as unknown as FastifyBaseLogger;
  const store = {
    ensureKey: async () => false,
    openPrivate: () => null,
    replace: async () => {
      throw new Error('the database is away');
    },
  } as unknown as WebhookKeyStore;
  const keyring = createWebhookKeyring({ keys: { list: async () => [row] } as unknown as WebhookKeyRepository, store, refreshMs: 60_000, sealKeyGenerated, log });
  return { keyring, errors };
}

describe('a current webhook signing key this process cannot open', () => {
  it.each([
    [true, /has no AUDIT_SIGNING_KEY/],
    [false, /erased, or sealed under another AUDIT_SIGNING_KEY/],
  ])('is logged with why and what to do (AUDIT_SIGNING_KEY generated: %s)', async (generated, why) => {
    const { keyring, errors } = keyringThatCannotOpen(generated);
    await keyring.ready();
    keyring.close();
    const left = errors.find((e) => e.message.startsWith('the current webhook signing key cannot be opened here'));
    expect(left?.fields).toMatchObject({ kid: 'k1', why: expect.stringMatching(why) });
    expect(left?.fields.why).toMatch(/give every API and worker process the same/);
    expect(keyring.signingKeys()).toEqual([]);
  });
});
