import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { SupplierReceipt } from './receipts.schemas.ts';
import { checkReceipt, keyIdOf, logDigestOf, signReceipt } from './receipts.signature.ts';

const registry = generateKeyPairSync('ed25519').privateKey;
const other = generateKeyPairSync('ed25519').privateKey;
const keys = (key = registry) => (id: string) => (id === keyIdOf(key) ? key : undefined);

function receipt(): SupplierReceipt {
  const unlogged: Omit<SupplierReceipt, 'log'> = {
    type: 'supplier-status-receipt',
    version: 1,
    id: '01900000-0000-7000-8000-000000000001',
    issuedAt: '2026-05-04T08:15:00.123Z',
    question: { orgNumber: '559001-0004', unitId: null, askedBy: 'sundsvall', purpose: 'placement', caseReference: 'IFO 2026/1234 – Söder' },
    answer: {
      status: 'blocked',
      reasons: [
        {
          signalId: '01900000-0000-7000-8000-0000000000aa',
          signalVersion: 2,
          type: 'call_off_stop',
          effect: 'blocked',
          issuerOrgId: 'adda',
          unitId: null,
          agreementId: '01900000-0000-7000-8000-0000000000bb',
          severity: null,
          summary: 'Avropsstopp i väntan på utredning: "bemanning" \\ natt',
          reference: null,
          decisionDate: null,
          effectiveFrom: '2026-05-01T00:00:00.000Z',
          effectiveUntil: null,
          linkedThrough: null,
        },
      ],
      units: [{ unitId: '01900000-0000-7000-8000-0000000000cc', status: 'blocked' }],
    },
    asOf: '2026-05-04T08:15:00.120Z',
  };
  return { ...unlogged, log: { position: 4711, digest: logDigestOf(unlogged) } };
}

describe('receipt signatures', () => {
  const signed = signReceipt(registry, receipt());

  it('verifies with the registry key, and its log digest is the digest of the receipt without log', () => {
    expect(checkReceipt(JSON.parse(JSON.stringify(signed)), keys())).toMatchObject({ valid: true });
    expect(signed.signature).toMatchObject({ alg: 'Ed25519', keyId: keyIdOf(registry) });
  });

  it('fails when any byte of it changes', () => {
    const text = JSON.stringify(signed);
    const bytes = Buffer.from(text, 'utf8');
    let checked = 0;
    for (let i = 0; i < bytes.length; i++) {
      for (const mask of [0x01, 0x20]) {
        const flipped = Buffer.from(bytes);
        flipped[i]! ^= mask;
        let value: unknown;
        try {
          value = JSON.parse(flipped.toString('utf8'));
        } catch {
          continue; // no longer JSON: no verifier accepts it
        }
        checked += 1;
        const check = checkReceipt(value, keys());
        expect(check.valid, `byte ${i} (${text.slice(Math.max(0, i - 20), i)}[${text[i]}]${text.slice(i + 1, i + 20)}) ^ ${mask}`).toBe(false);
      }
    }
    // Most flips inside values keep it JSON, so the signature check did the refusing.
    expect(checked).toBeGreaterThan(bytes.length);
  });

  it('fails against another key, whatever key id it names', () => {
    expect(checkReceipt(signed, keys(other))).toMatchObject({ valid: false, reason: 'key_unknown' });
    const relabelled = { ...signed, signature: { ...signed.signature, keyId: keyIdOf(other) } };
    expect(checkReceipt(relabelled, keys(other))).toMatchObject({ valid: false, reason: 'signature_invalid' });
    const byOther = signReceipt(other, receipt());
    expect(checkReceipt(byOther, keys())).toMatchObject({ valid: false, reason: 'key_unknown' });
    expect(checkReceipt({ ...byOther, signature: { ...byOther.signature, keyId: keyIdOf(registry) } }, keys())).toMatchObject({ valid: false, reason: 'signature_invalid' });
  });

  it('refuses a second spelling of the same signature bytes', () => {
    // The last character before "==" carries 2 bits of the 64th byte and 4 unused ones:
    // another character there decodes to the same bytes; the schema admits only the canonical one.
    const value = signed.signature.value;
    const last = value[85]!;
    const sibling = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'[('ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'.indexOf(last) | 1)]!;
    const respelt = `${value.slice(0, 85)}${sibling}==`;
    expect(Buffer.from(respelt, 'base64').equals(Buffer.from(value, 'base64'))).toBe(true);
    expect(checkReceipt({ ...signed, signature: { ...signed.signature, value: respelt } }, keys())).toMatchObject({ valid: false, reason: 'malformed' });
  });

  it('refuses a signed receipt whose log digest is not its own', () => {
    const wrong = receipt();
    wrong.log.digest = 'f'.repeat(64);
    expect(checkReceipt(signReceipt(registry, wrong), keys())).toMatchObject({ valid: false, reason: 'digest_mismatch' });
  });

  it('refuses an added field, even where the signature would not see it', () => {
    expect(checkReceipt({ ...signed, note: 'x' }, keys())).toMatchObject({ valid: false, reason: 'malformed' });
    const answer = { ...signed.receipt.answer, reasons: [{ ...signed.receipt.answer.reasons[0], extra: 1 }] };
    expect(checkReceipt({ ...signed, receipt: { ...signed.receipt, answer } }, keys())).toMatchObject({ valid: false, reason: 'malformed' });
  });
});
