// How a download writes rows: CSV (RFC 4180: fields with a comma, quote or line break quoted, quotes
// doubled, CRLF line ends, a header row of column names) or JSON (an array of objects keyed by column
// name, numbers as numbers, booleans as booleans, a suppressed or empty cell as null). Both in UTF-8,
// without a byte-order mark: the files are for programs first (a BOM becomes part of the first column's
// name in most CSV readers, and harvesters compare bytes), and a spreadsheet opens them through its
// UTF-8 import. Values are written exactly as published: open data is not rewritten for spreadsheets.

export type DownloadFormat = 'csv' | 'json';

export interface ColumnOfDownload {
  name: string;
  type: string;
}

export const MEDIA_TYPE: Record<DownloadFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  json: 'application/json; charset=utf-8',
};

function csvField(value: string | null): string {
  if (value === null) return '';
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function csvLine(values: ReadonlyArray<string | null>): string {
  return `${values.map(csvField).join(',')}\r\n`;
}

/** A cell of the JSON file: a number column's text as a number, a boolean's as true/false, anything unreadable as text. */
export function jsonValue(value: string | null, type: string): string | number | boolean | null {
  if (value === null || value === '') return null;
  if (type === 'integer' || type === 'number') {
    const number = Number(value);
    return Number.isFinite(number) && value.trim() !== '' ? number : value;
  }
  if (type === 'boolean') {
    if (value === 'true') return true;
    if (value === 'false') return false;
  }
  return value;
}

/** Writes a file in pieces: its opening, then each page of rows, then its end; one piece per call. */
export interface RowEncoder {
  start(): string;
  page(rows: ReadonlyArray<ReadonlyArray<string | null>>): string;
  end(): string;
}

export function rowEncoder(format: DownloadFormat, columns: readonly ColumnOfDownload[]): RowEncoder {
  if (format === 'csv') {
    return {
      start: () => csvLine(columns.map((column) => column.name)),
      page: (rows) => rows.map(csvLine).join(''),
      end: () => '',
    };
  }
  let written = 0;
  const object = (values: ReadonlyArray<string | null>) => {
    const entry: Record<string, string | number | boolean | null> = {};
    columns.forEach((column, index) => {
      entry[column.name] = jsonValue(values[index] ?? null, column.type);
    });
    return JSON.stringify(entry);
  };
  return {
    start: () => '[',
    page: (rows) =>
      rows
        .map((values) => {
          const text = `${written === 0 ? '\n' : ',\n'}${object(values)}`;
          written += 1;
          return text;
        })
        .join(''),
    end: () => (written === 0 ? ']\n' : '\n]\n'),
  };
}
