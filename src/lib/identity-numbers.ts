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

/** NNNNNN-NNNN, the way the number is printed on Swedish documents. */
export const formatOrgNumber = (normalized: string) => `${normalized.slice(0, 6)}-${normalized.slice(6)}`;

// Ten or twelve digits with an optional - or + before the last four, not part of a
// longer run of digits.
const candidatePattern = /(?<![\d])(\d{2})?(\d{6})[-+]?(\d{4})(?![\d])/g;

/**
 * Finds a Swedish personnummer or samordningsnummer in free text: 10 or 12 digits,
 * with or without separator, a plausible birth date (day + 60 for samordningsnummer)
 * and a valid Luhn digit. Organisation numbers (month digits ≥ 20) do not match.
 */
export function containsPersonalIdentityNumber(text: string): boolean {
  for (const match of text.matchAll(candidatePattern)) {
    const century = match[1];
    if (century !== undefined && century !== '18' && century !== '19' && century !== '20') continue;
    if (isPersonalIdentityNumber(`${match[2]}${match[3]}`)) return true;
  }
  return false;
}
