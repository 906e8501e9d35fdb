/**
 * CSV for spreadsheets and committee reports (RFC 4180): a header row, CRLF line ends,
 * every text cell in double quotes with inner quotes doubled, an empty unquoted cell for
 * null. A cell that a spreadsheet would run as a formula — one starting with =, +, -, @,
 * a tab or a carriage return — gets a leading apostrophe, as OWASP's "CSV Injection"
 * advises: the spreadsheet then shows the text instead of evaluating it. The JSON
 * representation carries the exact text; the CSV is for people.
 */

const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell: null as an empty field, text quoted and defused. */
export function csvCell(value: string | null): string {
  if (value === null) return '';
  const defused = FORMULA_START.test(value) ? `'${value}` : value;
  return `"${defused.replaceAll('"', '""')}"`;
}

/** A whole document: the header row, then one row per record, each line ended by CRLF. */
export function toCsv<C extends string>(columns: readonly C[], rows: ReadonlyArray<Record<C, string | null>>): string {
  const line = (cells: Array<string | null>) => `${cells.map(csvCell).join(',')}\r\n`;
  return line([...columns]) + rows.map((row) => line(columns.map((c) => row[c]))).join('');
}

/** The media type sent with CSV: RFC 4180's `header` parameter says the first row names the columns. */
export const CSV_CONTENT_TYPE = 'text/csv; charset=utf-8; header=present';

/**
 * Whether a request's Accept header asks for CSV rather than JSON: it names text/csv with
 * a q above 0 and no JSON type (application/json) with a higher q. Wildcards choose JSON,
 * the default representation.
 */
export function prefersCsv(accept: string | undefined): boolean {
  if (!accept) return false;
  let csv = 0;
  let json = 0;
  for (const range of accept.split(',')) {
    const [type = '', ...params] = range.split(';').map((part) => part.trim().toLowerCase());
    const qParam = params.find((p) => p.startsWith('q='));
    const q = qParam === undefined ? 1 : Number(qParam.slice(2));
    if (!Number.isFinite(q)) continue;
    if (type === 'text/csv') csv = Math.max(csv, q);
    else if (type === 'application/json') json = Math.max(json, q);
  }
  return csv > 0 && csv >= json;
}
