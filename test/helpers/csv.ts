/**
 * A small RFC 4180 parser for tests, written apart from src/lib/csv.ts so a test checks
 * the writer against the standard rather than against itself. Strict: a quote inside an
 * unquoted field, text after a closing quote, a bare CR or LF as a line end, or an
 * unterminated quoted field throws. Returns the rows; `quoted` tells which cells were.
 */
export function parseCsv(text: string): { rows: string[][]; quoted: boolean[][] } {
  const rows: string[][] = [];
  const quoted: boolean[][] = [];
  let row: string[] = [];
  let rowQuoted: boolean[] = [];
  let i = 0;
  const endRow = () => {
    rows.push(row);
    quoted.push(rowQuoted);
    row = [];
    rowQuoted = [];
  };
  while (i < text.length) {
    let cell = '';
    let wasQuoted = false;
    if (text[i] === '"') {
      wasQuoted = true;
      i += 1;
      for (;;) {
        if (i >= text.length) throw new Error('unterminated quoted field');
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            cell += '"';
            i += 2;
            continue;
          }
          i += 1;
          break;
        }
        cell += text[i];
        i += 1;
      }
    } else {
      while (i < text.length && text[i] !== ',' && text[i] !== '\r' && text[i] !== '\n') {
        if (text[i] === '"') throw new Error(`a quote inside an unquoted field at ${i}`);
        cell += text[i];
        i += 1;
      }
    }
    row.push(cell);
    rowQuoted.push(wasQuoted);
    if (text[i] === ',') {
      i += 1;
      if (i === text.length) {
        row.push('');
        rowQuoted.push(false);
        endRow();
      }
      continue;
    }
    if (text.startsWith('\r\n', i)) {
      i += 2;
      endRow();
      continue;
    }
    if (i === text.length) {
      endRow();
      break;
    }
    throw new Error(`unexpected ${JSON.stringify(text[i])} at ${i}: lines end with CRLF and a closing quote ends its field`);
  }
  return { rows, quoted };
}

/** The rows after the header as objects keyed by the header's names; an empty unquoted cell is null. */
export function csvRecords(text: string): { header: string[]; records: Array<Record<string, string | null>> } {
  const { rows, quoted } = parseCsv(text);
  const [header, ...body] = rows;
  if (!header) throw new Error('no header row');
  const records = body.map((cells, r) => {
    if (cells.length !== header.length) throw new Error(`row ${r + 2} has ${cells.length} cells, the header ${header.length}`);
    return Object.fromEntries(header.map((name, c) => [name, cells[c] === '' && !quoted[r + 1]![c] ? null : cells[c]!]));
  });
  return { header, records };
}
