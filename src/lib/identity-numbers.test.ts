import { describe, expect, it } from 'vitest';
import { checkOrgNumber, containsPersonalIdentityNumber, formatOrgNumber, isPersonalIdentityNumber, luhnValid, withLuhnDigit } from './identity-numbers.ts';

// Every valid example below was checked by hand with the Luhn algorithm
// (weights 2,1,2,1,… from the left over ten digits, digit sums, total mod 10 = 0):
//   556016-0680  Ericsson's organisationsnummer: 10+5+12+0+2+6+0+6+16+0 → 1+0+5+1+2+0+2+6+0+6+1+6+0 = 30
//   556677-8899  10+5+12+6+14+7+16+8+18+9 → 1+5+3+6+5+7+7+8+9+9 = 60
//   212000-0142  a state authority (first digit 2): 4+1+4+0+0+0+0+1+8+2 = 20
//   811218-9876  a personnummer (1981-12-18): 16+1+2+2+2+8+18+8+14+6 → 7+1+2+2+2+8+9+8+5+6 = 50
//   811278-9873  the same date as a samordningsnummer (day 18 + 60 = 78): 7+1+2+2+5+8+9+8+5+3 = 50
//   640327-3813  a personnummer (1964-03-27): 12+4+0+3+4+7+6+8+2+3 → 3+4+0+3+4+7+6+8+2+3 = 40
//   121212-1212  the Skatteverket test personnummer: 2+2+2+2+2+2+2+2+2+2 = 20

describe('luhnValid', () => {
  it.each([
    ['5560160680', true],
    ['5566778899', true],
    ['2120000142', true],
    ['8112189876', true],
    ['8112789873', true],
    ['1212121212', true],
    ['0', true],
    ['18', true],
    ['79927398713', true], // the textbook example: Luhn is not tied to ten digits
    ['5560160681', false],
    ['5560160689', false],
    ['8112189875', false],
    ['1212121213', false],
    ['79927398710', false],
    ['0000000000', true], // all zeros: Luhn-valid, so the shape rules must refuse it
    ['1234567890', false],
  ])('%s → %s', (digits, expected) => {
    expect(luhnValid(digits)).toBe(expected);
  });

  it('detects every single-digit change of a valid number', () => {
    const valid = '5560160680';
    for (let position = 0; position < valid.length; position++) {
      for (let digit = 0; digit <= 9; digit++) {
        const changed = `${valid.slice(0, position)}${digit}${valid.slice(position + 1)}`;
        if (changed !== valid) expect(luhnValid(changed), changed).toBe(false);
      }
    }
  });

  it('withLuhnDigit appends the one digit that makes the number valid', () => {
    expect(withLuhnDigit('556016068')).toBe('5560160680');
    expect(withLuhnDigit('811218987')).toBe('8112189876');
    expect(withLuhnDigit('121212121')).toBe('1212121212');
  });
});

describe('checkOrgNumber', () => {
  it.each([
    ['556016-0680', '5560160680'],
    ['5560160680', '5560160680'],
    ['556677-8899', '5566778899'],
    ['5566778899', '5566778899'],
    ['212000-0142', '2120000142'],
    ['802001-4463', '8020014463'],
    ['969876-5436', '9698765436'],
  ])('%s is a legal entity, normalised to %s', (input, normalized) => {
    expect(checkOrgNumber(input)).toEqual({ ok: true, normalized, soleTrader: false });
  });

  it.each([
    ['811218-9876', '8112189876'],
    ['8112189876', '8112189876'],
    ['640327-3813', '6403273813'],
    ['121212-1212', '1212121212'],
    ['811278-9873', '8112789873'], // samordningsnummer
    ['8112181238', '8112181238'],
    ['811218-1238', '8112181238'],
    ['8112781235', '8112781235'], // samordningsnummer, another serial
  ])('%s is a personnummer-shaped number: a sole trader (enskild firma)', (input, normalized) => {
    expect(checkOrgNumber(input)).toEqual({ ok: true, normalized, soleTrader: true });
  });

  it.each([
    ['wrong check digit', '556016-0681', /check digit/],
    ['wrong check digit, no hyphen', '5566778898', /check digit/],
    ['personnummer with a wrong check digit', '811218-9875', /check digit/],
    ['9 digits', '556016068', /10 digits/],
    ['9 digits with hyphen', '556016-068', /10 digits/],
    ['11 digits', '55601606800', /10 digits/],
    ['11 digits with hyphen', '556016-06800', /10 digits/],
    ['12-digit personnummer', '198112189876', /10 digits/],
    ['12-digit personnummer with hyphen', '19811218-9876', /10 digits/],
    ['letters', '55601A-0680', /10 digits/],
    ['a lower-case letter, no hyphen', '55601a0680', /10 digits/],
    ['all letters', 'abcdef-ghij', /10 digits/],
    ['hyphen in the wrong place', '55601-60680', /10 digits/],
    ['two hyphens', '556016--0680', /10 digits/],
    ['plus separator', '556016+0680', /10 digits/],
    ['space separator', '556016 0680', /10 digits/],
    ['surrounding spaces', ' 556016-0680 ', /10 digits/],
    ['empty', '', /10 digits/],
    // Luhn-valid, digits 3–4 = 19: not a legal entity (< 20) and not a month either.
    ['digits 3–4 = 19, not a date', '551901-2347', /digits 3–4/],
    ['digits 3–4 = 19, day 32', '551932-1235', /digits 3–4/],
    ['digits 3–4 = 13, not a month', '811318-9875', /digits 3–4/],
    ['digits 3–4 = 00', '810018-9870', /digits 3–4/],
    ['digits 3–4 = 19, day 00, no hyphen', '5519001233', /digits 3–4/],
    ['digits 3–4 = 13, no hyphen', '8113181237', /digits 3–4/],
    ['day 00', '811200-9876', /digits 3–4/],
    ['day 32 (neither a date nor a samordningsnummer day)', '811232-9878', /digits 3–4/],
    ['day 92 (samordningsnummer day beyond 31 + 60)', '811292-9875', /digits 3–4/],
  ])('%s (%s) is refused', (_case, input, reason) => {
    const check = checkOrgNumber(input);
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.reason).toMatch(reason);
  });

  it('the refused Luhn-valid examples really are Luhn-valid, so the digit rule is what refuses them', () => {
    for (const n of ['5519012347', '5519321235', '8113189875', '8100189870', '8112009876', '8112329878', '8112929875']) {
      expect(luhnValid(n), n).toBe(true);
    }
  });

  it('formatOrgNumber prints NNNNNN-NNNN', () => {
    expect(formatOrgNumber('5560160680')).toBe('556016-0680');
  });
});

describe('isPersonalIdentityNumber', () => {
  it.each([
    ['8112189876', true],
    ['8112789873', true],
    ['5560160680', false], // an organisation: month 16
    ['8112189875', false],
    ['811218-9876', false], // ten digits only, no separator
    ['198112189876', false],
  ])('%s → %s', (input, expected) => {
    expect(isPersonalIdentityNumber(input)).toBe(expected);
  });
});

describe('containsPersonalIdentityNumber', () => {
  it.each([
    ['10 digits with hyphen', '811218-9876'],
    ['10 digits with plus (a person over 100)', '121212+1212'],
    ['10 digits without separator', '8112189876'],
    ['12 digits without separator', '198112189876'],
    ['12 digits with hyphen', '19811218-9876'],
    ['12 digits, century 20', '20121212-1212'],
    ['12 digits, century 18', '181212121212'],
    ['samordningsnummer (day + 60)', '811278-9873'],
    ['samordningsnummer, 12 digits', '19811278-9873'],
    ['inside a sentence', 'Barnet (pnr 640327-3813) placerades den 3 mars.'],
    ['after a colon, before a comma', 'Personnummer:8112189876, enligt akten.'],
    ['on its own line', 'Uppgifter:\n19640327-3813\nSlut.'],
    ['after an organisation number', 'Leverantör 556016-0680 har placerat 811218-9876.'],
    ['after a Luhn-invalid candidate', 'Inte 811218-9875 men 811218-9876.'],
    ['surrounded by letters', 'pnr811218-9876x'],
    ['a samordningsnummer without separator after a label', 'Samordningsnr 1203754567'],
  ])('finds a number: %s', (_case, text) => {
    expect(containsPersonalIdentityNumber(text)).toBe(true);
  });

  it.each([
    ['Luhn-invalid, 10 digits', '811218-9875'],
    ['Luhn-invalid, 12 digits', '19811218-9875'],
    ['an organisation number', 'Leverantören 556016-0680 har brister.'],
    ['an organisation number without hyphen', 'Org.nr 5566778899.'],
    ['a state authority number', '212000-0142'],
    ['an 11-digit run', '81121898765'],
    ['an 11-digit run ending in a personnummer', '48112189876'],
    ['a 13-digit run', '1981121898765'],
    ['a 14-digit run containing a 12-digit personnummer', '00198112189876'],
    ['a mobile number with spaces', 'Ring 070-123 45 67 efter kl. 9.'],
    ['a mobile number without separators', 'Ring 0701234567.'],
    ['a mobile number in international form', 'Ring +46701234567.'],
    ['a landline number', 'Växel 08-123 456 78.'],
    ['a date as eight digits', 'Beslut 20240115.'],
    ['a date with hyphens', 'Beslut 2024-01-15, dnr 3.1.1-12345/2024.'],
    ['a date and a time', '2024-01-15 14:30'],
    ['an IVO diarienummer', 'IVO dnr 8.5-12345/2024'],
    ['century 17', '17811218-9876'],
    ['century 17 without hyphen', '178112189876'],
    ['century 21', '21811218-9876'],
    ['month 13', '811318-9875'],
    ['month 13 without separator', '1213154568'],
    ['a date and a paragraph sign', 'Beslut 2026-03-15 enligt 8 §'],
    ['an IVO diarienummer with a three-part prefix', 'IVO 3.5.1-40311/2026'],
    ['day 32 (between a date and a samordningsnummer)', '811232-9878'],
    ['day 92', '811292-9875'],
    ['empty text', ''],
    ['no digits at all', 'Bemanningen understeg avtalad nivå.'],
  ])('finds nothing: %s', (_case, text) => {
    expect(containsPersonalIdentityNumber(text)).toBe(false);
  });

  it('the Luhn-valid negative examples fail for their shape, not their check digit', () => {
    // 11, 13 and 14-digit runs and centuries 17/21 wrap a valid personnummer; months and
    // days out of range are Luhn-valid too. Without this, those rows would prove nothing.
    for (const n of ['8112189876', '8113189875', '8112329878', '8112929875']) expect(luhnValid(n), n).toBe(true);
    expect(isPersonalIdentityNumber('8112189876')).toBe(true);
  });

  it('is stateless across calls (the shared global regex keeps no lastIndex between texts)', () => {
    expect(containsPersonalIdentityNumber('811218-9876')).toBe(true);
    expect(containsPersonalIdentityNumber('x 811218-9876')).toBe(true);
    expect(containsPersonalIdentityNumber('811218-9876')).toBe(true);
  });
});
