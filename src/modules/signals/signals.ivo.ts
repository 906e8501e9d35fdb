/**
 * IVO decisions (ivo_injunction, föreläggande; permit_revoked, återkallat tillstånd) are
 * recorded with IVO's case number (diarienummer) and the decision date (beslutsdatum),
 * so that anyone reading a status can find the decision at IVO.
 */

/**
 * IVO's diarienummer: a classification of dot-separated numbers, a dash, a serial, a
 * slash, the four-digit year and an optional part, e.g. `3.5.1-12345/2023`,
 * `8.5-29206/2014`, `8.7.1-6361/2015-1`. Written with or without a leading "IVO", as
 * case systems and the demo data do.
 */
const DIARIENUMMER = /^(?:IVO\s+)?\d{1,3}(?:\.\d{1,3})*-\d{1,7}\/\d{4}(?:-\d{1,3})?$/i;

/** Whether `value` (already trimmed) is an IVO diarienummer. */
export const isIvoDiarienummer = (value: string): boolean => DIARIENUMMER.test(value);

// The registry's users are Swedish authorities: "today" is today in Sweden.
const swedishDate = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Stockholm', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The date in Sweden at `now`, as YYYY-MM-DD. */
export const swedishToday = (now: Date): string => swedishDate.format(now);

/** Whether a decision date (YYYY-MM-DD) is not after today in Sweden. */
export const isNotInFuture = (decisionDate: string, now: Date): boolean => decisionDate <= swedishToday(now);
