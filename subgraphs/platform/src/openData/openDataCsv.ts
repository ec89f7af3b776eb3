// A publisher's CSV upload, checked against the dataset's declared columns: UTF-8 text (a BOM is
// dropped), RFC 4180 (commas, double quotes, CRLF or LF), a header that is exactly the columns' names in
// order, then rows of as many values, each valid for its column's type (an empty value is an empty cell).
// The bound: MAX_UPLOAD_BYTES of CSV, under the gateway's 256 kB request body. A file with problems is
// refused whole, naming the line and column of each (the first MAX_PROBLEMS).
import type { ColumnType, OpenDataColumn } from '../../../../shared/openData/OpenDataList.ts';
import type { OpenDataCell } from '../../../../shared/openData/openDataSource.ts';

export const MAX_UPLOAD_BYTES = 200_000;
const MAX_PROBLEMS = 20;

export interface CsvProblem {
  line: number;
  column: string | null;
  message: string;
}

export type CsvResult = { ok: true; rows: OpenDataCell[][] } | { ok: false; problems: CsvProblem[] };

/** Records of an RFC 4180 text, each with the line it starts on; null on an unclosed quote. */
function records(text: string): { records: Array<{ line: number; fields: string[] }>; unclosedAt: number | null } {
  const out: Array<{ line: number; fields: string[] }> = [];
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let startLine = 1;
  let fieldStarted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted) {
      if (char === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else {
        if (char === '\n') line++;
        field += char;
      }
    } else if (char === '"' && !fieldStarted) {
      quoted = true;
      fieldStarted = true;
    } else if (char === ',') {
      fields.push(field);
      field = '';
      fieldStarted = false;
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[i + 1] === '\n') i++;
      fields.push(field);
      out.push({ line: startLine, fields });
      fields = [];
      field = '';
      fieldStarted = false;
      line++;
      startLine = line;
    } else {
      field += char;
      fieldStarted = true;
    }
  }
  if (quoted) return { records: out, unclosedAt: startLine };
  if (fieldStarted || fields.length) {
    fields.push(field);
    out.push({ line: startLine, fields });
  }
  return { records: out, unclosedAt: null };
}

function isCalendarDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

/** The cell a text is for a column type, or a problem in words. */
export function cellOf(text: string, type: ColumnType): { cell: OpenDataCell } | { problem: string } {
  if (text === '') return { cell: null };
  switch (type) {
    case 'string':
      return { cell: text };
    case 'integer':
      return /^-?\d{1,15}$/.test(text) ? { cell: Number(text) } : { problem: `"${text.slice(0, 40)}" is not a whole number` };
    case 'number':
      return /^-?\d{1,15}(\.\d{1,15})?$/.test(text) ? { cell: Number(text) } : { problem: `"${text.slice(0, 40)}" is not a number (digits, a point for decimals)` };
    case 'date':
      return isCalendarDate(text) ? { cell: text } : { problem: `"${text.slice(0, 40)}" is not a date (YYYY-MM-DD)` };
    case 'boolean':
      return text === 'true' || text === 'false' ? { cell: text } : { problem: `"${text.slice(0, 40)}" is not true or false` };
  }
}

export function parseUpload(csv: string, columns: readonly OpenDataColumn[]): CsvResult {
  if (Buffer.byteLength(csv, 'utf8') > MAX_UPLOAD_BYTES) {
    return { ok: false, problems: [{ line: 1, column: null, message: `The file is larger than ${MAX_UPLOAD_BYTES} bytes: publish larger data by a refresh from the source` }] };
  }
  const text = csv.startsWith('\uFEFF') ? csv.slice(1) : csv;
  const parsed = records(text);
  if (parsed.unclosedAt !== null) return { ok: false, problems: [{ line: parsed.unclosedAt, column: null, message: 'A quoted value is never closed' }] };
  const [header, ...body] = parsed.records;
  const names = columns.map((column) => column.name);
  if (!header || header.fields.join(',') !== names.join(',')) {
    return { ok: false, problems: [{ line: 1, column: null, message: `The header must be exactly: ${names.join(',')}` }] };
  }
  const problems: CsvProblem[] = [];
  const rows: OpenDataCell[][] = [];
  for (const { line, fields } of body) {
    if (fields.length === 1 && fields[0] === '') continue;
    if (fields.length !== names.length) {
      problems.push({ line, column: null, message: `${fields.length} values where the header has ${names.length}` });
    } else {
      const row: OpenDataCell[] = [];
      fields.forEach((text, index) => {
        const result = cellOf(text, columns[index].type);
        if ('problem' in result) problems.push({ line, column: names[index], message: `${result.problem} (the column is ${columns[index].type})` });
        else row.push(result.cell);
      });
      rows.push(row);
    }
    if (problems.length >= MAX_PROBLEMS) break;
  }
  if (rows.length === 0 && problems.length === 0) problems.push({ line: 2, column: null, message: 'The file has no rows' });
  return problems.length ? { ok: false, problems } : { ok: true, rows };
}
