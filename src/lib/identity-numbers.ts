/**
 * Swedish identity numbers: organisationsnummer for legal entities, personnummer
 * and samordningsnummer for people. All three end in a Luhn check digit over the
 * last ten digits.
 */

/** Luhn (mod 10) over a string of digits, the last one being the check digit. */
export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** Appends the Luhn check digit to nine digits. */
export function withLuhnDigit(nine: string): string {
  for (let d = 0; d <= 9; d++) if (luhnValid(`${nine}${d}`)) return `${nine}${d}`;
  throw new Error('unreachable');
}

/** True when YYMMDD (or MMDD with the day + 60 of a samordningsnummer) is a calendar date. */
function plausibleBirthDate(month: number, day: number): boolean {
  const realDay = day > 60 ? day - 60 : day;
  return month >= 1 && month <= 12 && realDay >= 1 && realDay <= 31;
}

/** A 10-digit personnummer or samordningsnummer (no century, no separator). */
export function isPersonalIdentityNumber(tenDigits: string): boolean {
  if (!/^\d{10}$/.test(tenDigits)) return false;
  const month = Number(tenDigits.slice(2, 4));
  const day = Number(tenDigits.slice(4, 6));
  return plausibleBirthDate(month, day) && luhnValid(tenDigits);
}

export type OrgNumberCheck =
  | { ok: true; normalized: string; soleTrader: false }
  | { ok: true; normalized: string; soleTrader: true }
  | { ok: false; reason: string };

/**
 * Validates an organisationsnummer written as NNNNNNNNNN or NNNNNN-NNNN. A legal
 * entity has digits 3–4 ≥ 20; a sole trader's (enskild firma) number is the owner's
 * personnummer and is reported as such so the caller can insist on consent.
 */
export function checkOrgNumber(input: string): OrgNumberCheck {
  const match = /^(\d{6})-?(\d{4})$/.exec(input);
  if (!match) return { ok: false, reason: 'must be 10 digits, written NNNNNNNNNN or NNNNNN-NNNN' };
  const normalized = `${match[1]}${match[2]}`;
  if (!luhnValid(normalized)) return { ok: false, reason: 'the check digit (Luhn) does not match' };
  if (Number(normalized.slice(2, 4)) >= 20) return { ok: true, normalized, soleTrader: false };
  if (isPersonalIdentityNumber(normalized)) return { ok: true, normalized, soleTrader: true };
  return { ok: false, reason: 'digits 3–4 must be 20 or more for an organisation' };
}

/**
 * An organisation number is stored and matched as its 10 digits (`normalized`) and shown as
 * NNNNNN-NNNN, the way it is printed on Swedish documents; these two turn one into the other.
 */
export const formatOrgNumber = (normalized: string) => `${normalized.slice(0, 6)}-${normalized.slice(6)}`;

/** The 10 digits of a number written NNNNNN-NNNN or NNNNNNNNNN (already checked: checkOrgNumber). */
export const orgNumberDigits = (written: string) => written.replace('-', '');

/**
 * Folds the ways people and word processors write a number into ASCII digits: NFKC turns
 * full-width, mathematical and circled digits into 0–9 and non-breaking spaces into
 * spaces; format characters (zero-width space and joiners, soft hyphen, BOM) and combining
 * marks are invisible or decorative, so they are dropped rather than allowed to split a number.
 */
export function normaliseForDetection(text: string): string {
  return text.normalize('NFKC').replace(/[\p{Cf}\p{M}]/gu, '');
}

// Dashes as typed and as autocorrected: hyphen-minus and every Unicode dash (en, em,
// figure dash, non-breaking hyphen …) plus U+2212 MINUS SIGN, which is a math symbol.
const dash = String.raw`\p{Pd}\u2212`;

// A personnummer candidate, not part of a longer run of digits, in one of two shapes:
// - compact date: [CC]YYMMDD, then up to five separator characters — any mix of
//   whitespace (line breaks too), dashes, dots, slashes and + — then the four-digit serial;
// - date with its own separators: [CC]YY-MM-DD (one of dash, dot or slash, the same
//   twice), then that separator or a dash, then the serial (2015-07-09-2383).
// The serial may not be followed by a dash, dot or slash and a digit, so the end of a
// date range (2024-01-15–2024-02-01) is not read as a serial. Every quantifier is
// bounded and each start is a digit-run boundary, so the scan stays linear.
const candidatePattern = new RegExp(
  String.raw`(?<!\d)(?:(\d{2})?(\d{6})[\s${dash}./+]{0,5}|(\d{2})?(\d{2})([${dash}./])(\d{2})\5(\d{2})(?:\5|[${dash}]))(\d{4})(?!\d|[${dash}./]\d)`,
  'gu',
);

const acceptedCentury = (century: string | undefined) => century === undefined || century === '18' || century === '19' || century === '20';

/**
 * Finds a Swedish personnummer or samordningsnummer in free text however it is written:
 * 10 or 12 digits, a separator or none between date and serial (see candidatePattern),
 * after Unicode normalisation. The candidate must have a plausible birth date (day + 60
 * for a samordningsnummer) and a valid Luhn digit, so organisation numbers (digits 3–4
 * ≥ 20), phone numbers, dates and amounts do not match.
 */
export function containsPersonalIdentityNumber(text: string): boolean {
  for (const match of normaliseForDetection(text).matchAll(candidatePattern)) {
    const compact = match[2] !== undefined;
    const century = compact ? match[1] : match[3];
    if (!acceptedCentury(century)) continue;
    const date = compact ? match[2] : `${match[4]}${match[6]}${match[7]}`;
    if (isPersonalIdentityNumber(`${date}${match[8]}`)) return true;
  }
  return false;
}

/** Decodes every run of %XX as UTF-8 (invalid bytes become U+FFFD instead of throwing). */
function percentDecode(text: string): string {
  return text.replace(/(?:%[0-9a-f]{2})+/gi, (run) => {
    const bytes = Uint8Array.from(run.slice(1).split('%'), (hex) => Number.parseInt(hex, 16));
    return new TextDecoder().decode(bytes);
  });
}

/**
 * A URL carries a personnummer when its text does after percent-decoding — a few rounds,
 * so %252D (an encoded %2D) is seen as the dash it becomes. The whole URL is checked:
 * path, query, fragment and also the host name and user info, all of which are stored.
 */
export function urlContainsPersonalIdentityNumber(url: string): boolean {
  let text = url;
  for (let round = 0; round < 3 && /%[0-9a-f]{2}/i.test(text); round++) text = percentDecode(text);
  return containsPersonalIdentityNumber(text) || containsPersonalIdentityNumber(url);
}
