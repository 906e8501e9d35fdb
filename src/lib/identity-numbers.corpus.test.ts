import { describe, expect, it } from 'vitest';
import { containsPersonalIdentityNumber, luhnValid, urlContainsPersonalIdentityNumber, withLuhnDigit } from './identity-numbers.ts';

// Made-up numbers, Luhn digit computed here: a child born 2015-07-09 (1507092383, the
// example of issue 13) and the same date as a samordningsnummer (day 09 + 60 = 69).
const person = withLuhnDigit('150709238');
const coordination = withLuhnDigit('150769238');

/** The written forms, as they come out of case systems, word processors, PDFs and e-mail. */
const writtenForms = (ten: string, century = '20'): [string, string][] => {
  const d = ten.slice(0, 6);
  const s = ten.slice(6);
  const [yy, mm, dd] = [d.slice(0, 2), d.slice(2, 4), d.slice(4, 6)];
  const fullWidth = (text: string) => text.replace(/[0-9]/g, (digit) => String.fromCharCode(0xff10 + Number(digit)));
  const mathBold = (text: string) => text.replace(/[0-9]/g, (digit) => String.fromCodePoint(0x1d7ce + Number(digit)));
  return [
    ['hyphen', `${d}-${s}`],
    ['no separator', `${d}${s}`],
    ['century, hyphen', `${century}${d}-${s}`],
    ['century, no separator', `${century}${d}${s}`],
    ['space', `${d} ${s}`],
    ['century, space', `${century}${d} ${s}`],
    ['two spaces', `${d}  ${s}`],
    ['en dash (autocorrect)', `${d}–${s}`],
    ['century, en dash', `${century}${d}–${s}`],
    ['em dash', `${d}—${s}`],
    ['minus sign U+2212', `${d}−${s}`],
    ['non-breaking hyphen U+2011', `${d}\u2011${s}`],
    ['hyphen U+2010', `${d}\u2010${s}`],
    ['figure dash U+2012', `${d}\u2012${s}`],
    ['non-breaking space', `${d}\u00a0${s}`],
    ['narrow no-break space', `${d}\u202f${s}`],
    ['tab (pasted from a table)', `${d}\t${s}`],
    ['spaced hyphen', `${d} - ${s}`],
    ['spaced en dash', `${d} – ${s}`],
    ['split over a line break', `${d}\n${s}`],
    ['split over CRLF', `${d}\r\n${s}`],
    ['hyphen at the end of a line', `${d}-\n${s}`],
    ['dot', `${d}.${s}`],
    ['slash', `${d}/${s}`],
    ['plus (over 100)', `${d}+${s}`],
    ['dashes inside the date, with century', `${century}${yy}-${mm}-${dd}-${s}`],
    ['dashes inside the date', `${yy}-${mm}-${dd}-${s}`],
    ['dots inside the date', `${century}${yy}.${mm}.${dd}-${s}`],
    ['slashes inside the date', `${century}${yy}/${mm}/${dd}-${s}`],
    ['en dashes inside the date', `${century}${yy}–${mm}–${dd}–${s}`],
    ['zero-width space inside the date', `${d.slice(0, 3)}\u200b${d.slice(3)}-${s}`],
    ['zero-width joiner inside the serial', `${d}-${s.slice(0, 2)}\u200d${s.slice(2)}`],
    ['soft hyphen as the separator', `${d}\u00ad${s}`],
    ['byte-order mark and word joiner', `\ufeff${d}\u2060-${s}`],
    ['full-width digits and hyphen', fullWidth(`${d}`) + '－' + fullWidth(s)],
    ['full-width digits, ideographic space', `${fullWidth(century + d)}\u3000${fullWidth(s)}`],
    ['mathematical bold digits', `${mathBold(d)}-${mathBold(s)}`],
    ['combining strike-through', `${[...`${d}-${s}`].join('\u0336')}`],
    ['in a sentence', `Barnet (pnr ${d} ${s}) placerades den 3 mars.`],
    ['after a label and a colon', `Personnummer:${century}${d}–${s}, enligt akten.`],
    ['in parentheses, on its own line', `Uppgifter om barnet:\n(${century}${yy}-${mm}-${dd}-${s})\nSlut.`],
    ['between letters', `f.${d}\u00a0${s}x`],
  ];
};

describe('corpus: personnummer and samordningsnummer however they are written are found', () => {
  it('the corpus numbers are what they claim to be', () => {
    expect(person).toBe('1507092383');
    expect(luhnValid(person) && luhnValid(coordination)).toBe(true);
  });

  it.each(writtenForms(person))('personnummer, %s', (_form, text) => {
    expect(containsPersonalIdentityNumber(text), JSON.stringify(text)).toBe(true);
  });

  it.each(writtenForms(coordination))('samordningsnummer, %s', (_form, text) => {
    expect(containsPersonalIdentityNumber(text), JSON.stringify(text)).toBe(true);
  });

  it.each(writtenForms(withLuhnDigit('811218987'), '19'))('personnummer of the 1900s, %s', (_form, text) => {
    expect(containsPersonalIdentityNumber(text), JSON.stringify(text)).toBe(true);
  });
});

describe('corpus: look-alikes are not personal data', () => {
  const wrongCheckDigit = `${person.slice(0, 9)}${(Number(person[9]) + 1) % 10}`;
  it.each([
    ['organisation number', 'Leverantör 556016-0680 har brister.'],
    ['organisation number with a space', 'Org.nr 556016 0680'],
    ['organisation number with an en dash', 'Org.nr 556016–0680'],
    ['organisation number with a non-breaking space', 'Org.nr 556677\u00a08899'],
    ['organisation number with prefix 16', '16556016-0680'],
    ['state authority', '212000–0142'],
    ['mobile number', 'Ring 070-123 45 67 efter kl. 9.'],
    ['mobile number with an en dash', 'Ring 070–123 45 67.'],
    ['mobile number in full-width digits', '０７０－１２３ ４５ ６７'],
    ['mobile number without separators', 'Ring 0701234567.'],
    ['mobile number in international form', 'Ring +46 70 123 45 67.'],
    ['landline number', 'Växel 08-123 456 78.'],
    ['date', 'Beslut 2024-01-15.'],
    ['date and time', '2024-01-15 14:30'],
    ['date range whose end reads as a Luhn-valid serial', 'Avtalet gäller 2024-01-15–2026-03-01.'],
    ['compact date range, Luhn-valid likewise', 'Period 20240115–20260301'],
    ['date range with dots', '2024.01.15–2026.03.01'],
    ['opening hours', 'Öppet 08.00–16.30'],
    ['amount', 'Vite 1 500 000 kr'],
    ['amount with decimals', 'Faktura 150 709,50 kr'],
    ['postal code', 'Storgatan 1, 852 30 Sundsvall'],
    ['postal code with country prefix', 'SE-852 30 Sundsvall'],
    ['IVO diarienummer', 'IVO dnr 8.5-29206/2014'],
    ['municipal diarienummer', 'Dnr 3.1.1-12345/2024'],
    ['IP address', 'Server 10.12.15.123'],
    ['kommunkod and year', '2281 2024'],
    ['personnummer with a wrong check digit, spaced', `${wrongCheckDigit.slice(0, 6)} ${wrongCheckDigit.slice(6)}`],
    ['month 13 with an en dash', `${withLuhnDigit('151309238').slice(0, 6)}–${withLuhnDigit('151309238').slice(6)}`],
    ['day 32 with a space', `${withLuhnDigit('150732238').slice(0, 6)} ${withLuhnDigit('150732238').slice(6)}`],
    ['century 17 with a space', `17${person.slice(0, 6)} ${person.slice(6)}`],
    ['a serial split by more than a separator', `${person.slice(0, 6)} nr ${person.slice(6)}`],
  ])('%s', (_case, text) => {
    expect(containsPersonalIdentityNumber(text), JSON.stringify(text)).toBe(false);
  });

  it('the look-alikes that would be Luhn-valid are refused for their shape, not their check digit', () => {
    // The date ranges end in 2026: 240115 + 2026 passes Luhn, so only the rule that a
    // serial is not followed by "-03" keeps them out. Month 13, day 32 and century 17 wrap
    // Luhn-valid numbers too.
    for (const n of ['2401152026', withLuhnDigit('151309238'), withLuhnDigit('150732238')]) expect(luhnValid(n), n).toBe(true);
  });
});

describe('subscription URLs, after percent-decoding', () => {
  it.each([
    ['in the path', `https://hooks.example.com/barn/${person.slice(0, 6)}-${person.slice(6)}`],
    ['in the query string', `https://hooks.example.com/hook?pnr=20${person}`],
    ['a + in the query string', `https://hooks.example.com/hook?pnr=${person.slice(0, 6)}+${person.slice(6)}`],
    ['percent-encoded en dash', `https://hooks.example.com/hook?p=${person.slice(0, 6)}%E2%80%93${person.slice(6)}`],
    ['percent-encoded space in the path', `https://hooks.example.com/${person.slice(0, 6)}%20${person.slice(6)}`],
    ['digits percent-encoded', `https://hooks.example.com/hook?p=%31%35%30%37%30%39-2383`],
    ['encoded twice', `https://hooks.example.com/hook?p=${person.slice(0, 6)}%252D${person.slice(6)}`],
    ['in the fragment', `https://hooks.example.com/hook#${person}`],
    ['in the host name', `https://${person.slice(0, 6)}-${person.slice(6)}.hooks.example.com/`],
  ])('%s is found', (_case, url) => expect(urlContainsPersonalIdentityNumber(url)).toBe(true));

  it.each([
    ['a plain hook', 'https://hooks.example.com/registry/events'],
    ['a date and an id in the query', 'https://hooks.example.com/hook?since=2024-01-15&org=556016-0680'],
    ['a port and an IP address', 'http://10.12.15.123:8443/hook'],
    ['broken percent-encoding', 'https://hooks.example.com/%E2%80/%zz'],
  ])('%s passes', (_case, url) => expect(urlContainsPersonalIdentityNumber(url)).toBe(false));
});

describe('cost: the detector runs on every free-text field of every write', () => {
  // Inputs built to make a backtracking pattern try every split at every position.
  it.each([
    ['digits only', '1'.repeat(10_000)],
    ['dates and separators', '150709 - '.repeat(1_112)],
    ['separators between short digit runs', '12 -–\u200b'.repeat(2_000)],
    ['full-width digits', '１'.repeat(10_000)],
    ['almost a number, again and again', `${person.slice(0, 6)}\n\n\n\n\n\n`.repeat(834)],
  ])('10,000 characters of %s finish in well under 50 ms', (_case, text) => {
    expect(text.length).toBeGreaterThanOrEqual(10_000);
    const started = performance.now();
    for (let i = 0; i < 10; i++) containsPersonalIdentityNumber(text);
    expect((performance.now() - started) / 10).toBeLessThan(50);
  });
});
