import { describe, expect, it } from 'vitest';
import { checkOrgNumber, containsPersonalIdentityNumber, luhnValid, withLuhnDigit } from './identity-numbers.ts';

// Numbers below are made up and checked here with the same Luhn rule: none is a real person's.
const pnr = (yymmdd: string, serial = '123') => withLuhnDigit(`${yymmdd}${serial}`);
const org = withLuhnDigit('556016068'); // digits 3–4 = 60: a legal entity

describe('luhnValid', () => {
  it.each([
    ['5560160680', true],
    ['5560160681', false],
    [pnr('811218', '987'), true],
    ['0000000000', true],
    ['1234567890', false],
  ])('%s → %s', (digits, valid) => expect(luhnValid(digits)).toBe(valid));
});

describe('checkOrgNumber', () => {
  it.each([
    [org, { ok: true, soleTrader: false }],
    [`${org.slice(0, 6)}-${org.slice(6)}`, { ok: true, normalized: org, soleTrader: false }],
    [`${org.slice(0, 9)}${(Number(org[9]) + 1) % 10}`, { ok: false }],
    ['556016068', { ok: false }],
    ['55601606801', { ok: false }],
    ['55601a0680', { ok: false }],
    ['556016 0680', { ok: false }],
    [pnr('811218'), { ok: true, soleTrader: true }],
    [`${pnr('811218').slice(0, 6)}-${pnr('811218').slice(6)}`, { ok: true, soleTrader: true }],
    [pnr('811278'), { ok: true, soleTrader: true }], // samordningsnummer: day + 60
    [withLuhnDigit('811318123'), { ok: false }], // month 13: neither an organisation nor a person
    [withLuhnDigit('551900123'), { ok: false }], // digits 3–4 = 19, day 00
  ])('%s → %j', (input, expected) => expect(checkOrgNumber(input)).toMatchObject(expected));
});

describe('containsPersonalIdentityNumber (no personal data about clients)', () => {
  const ten = pnr('120315', '456');
  const twelve = `20${ten}`;
  it.each([
    ['10 digits with hyphen', `Barnet ${ten.slice(0, 6)}-${ten.slice(6)} placerades.`, true],
    ['10 digits with plus (over 100)', `${ten.slice(0, 6)}+${ten.slice(6)}`, true],
    ['10 digits without separator', `pnr ${ten}`, true],
    ['12 digits', `Personnummer ${twelve}.`, true],
    ['12 digits with hyphen', `${twelve.slice(0, 8)}-${twelve.slice(8)}`, true],
    ['samordningsnummer', `Samordningsnr ${pnr('120375', '456')}`, true],
    ['at the start and end of the text', ten, true],
    ['Luhn-invalid', `${ten.slice(0, 9)}${(Number(ten[9]) + 1) % 10}`, false],
    ['an organisation number', `Leverantör ${org.slice(0, 6)}-${org.slice(6)}`, false],
    ['part of a longer run of digits', `${ten}1`, false],
    ['a phone number', '070-123 45 67', false],
    ['a date', 'Beslut 2026-03-15 enligt 8 §', false],
    ['an IVO diarienummer', 'IVO 3.5.1-40311/2026', false],
    ['century 17', `17${ten}`, false],
    ['month 13', withLuhnDigit('121315456'), false],
  ])('%s → %s', (_name, text, found) => expect(containsPersonalIdentityNumber(text)).toBe(found));
});
