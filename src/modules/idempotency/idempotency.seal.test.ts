import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createSecretSealer, openAnswer, sealAnswer } from './idempotency.seal.ts';

const sealer = createSecretSealer(generateKeyPairSync('ed25519').privateKey);
const secret = `whsec_${Buffer.alloc(32, 9).toString('base64')}`;
const answer = JSON.stringify({ id: 'sub-1', url: 'https://hooks.example.com/', secret });
const ours = ['sundsvall', 'key-1', 'sundsvall-client'];

describe('sealing the secrets of a kept answer', () => {
  it('stores no trace of the secret, and opens it again for the same organisation, key and client', () => {
    const stored = sealAnswer(sealer, answer, ours);
    expect(stored).not.toContain(secret);
    expect(stored).not.toContain('whsec_');
    expect(JSON.parse(stored)).toMatchObject({ id: 'sub-1', url: 'https://hooks.example.com/' });
    expect(openAnswer(sealer, stored, ours)).toBe(answer);
  });

  it.each([
    ['another client of the organisation', ['sundsvall', 'key-1', 'sundsvall-other-client']],
    ['another key', ['sundsvall', 'key-2', 'sundsvall-client']],
    ['another organisation', ['timra', 'key-1', 'sundsvall-client']],
  ])('cannot be opened for %s', (_who, context) => {
    expect(openAnswer(sealer, sealAnswer(sealer, answer, ours), context)).toBeNull();
  });

  it('cannot be opened under another signing key (a development restart)', () => {
    const restarted = createSecretSealer(generateKeyPairSync('ed25519').privateKey);
    expect(openAnswer(restarted, sealAnswer(sealer, answer, ours), ours)).toBeNull();
  });

  it('refuses a tampered seal', () => {
    const stored = JSON.parse(sealAnswer(sealer, answer, ours)) as { secret: string };
    const flipped = stored.secret.slice(0, -2) + (stored.secret.at(-2) === 'A' ? 'B' : 'A') + stored.secret.at(-1);
    expect(openAnswer(sealer, JSON.stringify({ ...stored, secret: flipped }), ours)).toBeNull();
  });

  it('leaves answers without a secret as they were sent', () => {
    for (const body of ['{"id":"x","summary":"a \\"secret\\" word"}', '{"secret":42}', '[{"secret":"s"}]', 'not json', '']) {
      expect(sealAnswer(sealer, body, ours)).toBe(body);
      expect(openAnswer(sealer, body, ours)).toBe(body);
    }
    // Text that only looks sealed, in a field that is not a secret, is replayed as stored.
    const lookalike = '{"summary":"sealed:v1:abc"}';
    expect(openAnswer(sealer, lookalike, ours)).toBe(lookalike);
  });
});
