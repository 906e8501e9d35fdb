import { describe, expect, it } from 'vitest';
import { csvRecords, parseCsv } from '../../test/helpers/csv.ts';
import { csvCell, prefersCsv, toCsv } from './csv.ts';

describe('csvCell', () => {
  it('quotes text and doubles inner quotes; null is an empty unquoted field', () => {
    expect(csvCell('Björkgården')).toBe('"Björkgården"');
    expect(csvCell('sa "nej", sedan\r\nja')).toBe('"sa ""nej"", sedan\r\nja"');
    expect(csvCell(null)).toBe('');
    expect(csvCell('')).toBe('""');
  });

  it('defuses what a spreadsheet would run as a formula (OWASP CSV injection)', () => {
    for (const start of ['=', '+', '-', '@', '\t', '\r']) expect(csvCell(`${start}HYPERLINK("http://x")`)).toBe(`"'${start}HYPERLINK(""http://x"")"`);
    // Only the first character matters: a formula sign later in the text is harmless.
    expect(csvCell('a=1+2')).toBe('"a=1+2"');
  });
});

describe('toCsv', () => {
  it('writes a header row and CRLF-ended rows that an RFC 4180 parser reads back', () => {
    const rows = [
      { a: 'x, "y"\nz', b: null },
      { a: '=1+1', b: 'ok' },
    ];
    const text = toCsv(['a', 'b'], rows);
    expect(text.endsWith('\r\n')).toBe(true);
    expect(parseCsv(text).rows).toEqual([['a', 'b'], ['x, "y"\nz', ''], ["'=1+1", 'ok']]);
    expect(csvRecords(text).records).toEqual([{ a: 'x, "y"\nz', b: null }, { a: "'=1+1", b: 'ok' }]);
  });
});

describe('prefersCsv', () => {
  it.each([
    [undefined, false],
    ['', false],
    ['*/*', false],
    ['application/json', false],
    ['text/csv', true],
    ['TEXT/CSV; charset=utf-8', true],
    ['application/json, text/csv', true],
    ['application/json;q=0.9, text/csv', true],
    ['text/csv;q=0.5, application/json', false],
    ['text/csv;q=0', false],
    ['text/*', false],
  ])('Accept %j → %s', (accept, csv) => expect(prefersCsv(accept)).toBe(csv));
});
