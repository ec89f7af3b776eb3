// A download's bytes: CSV as RFC 4180 says (quoting, CRLF, a header row), JSON as objects keyed by column
// name with numbers as numbers, written page by page.
import { describe, expect, it } from 'vitest';
import { csvLine, jsonValue, rowEncoder } from './encodeRows.ts';

const columns = [
  { name: 'unit_code', type: 'string' },
  { name: 'people', type: 'integer' },
  { name: 'share', type: 'number' },
  { name: 'active', type: 'boolean' },
];

function whole(format: 'csv' | 'json', pages: Array<Array<Array<string | null>>>): string {
  const encoder = rowEncoder(format, columns);
  return encoder.start() + pages.map((page) => encoder.page(page)).join('') + encoder.end();
}

describe('a download written as CSV', () => {
  it('quotes a field with a comma, quote or line break, doubles quotes, ends lines with CRLF and writes null as empty', () => {
    expect(csvLine(['Xã "Tân An", Hưng Yên', 'a\nb', null, '12', '=SUM(A1)'])).toBe('"Xã ""Tân An"", Hưng Yên","a\nb",,12,=SUM(A1)\r\n');
  });

  it('starts with the header row of column names, then every page in order', () => {
    expect(whole('csv', [[['33001', '120', '0.5', 'true']], [['33002', null, null, 'false']]])).toBe(
      'unit_code,people,share,active\r\n33001,120,0.5,true\r\n33002,,,false\r\n',
    );
  });

  it('is only the header row when the dataset has no rows', () => {
    expect(whole('csv', [[]])).toBe('unit_code,people,share,active\r\n');
  });
});

describe('a download written as JSON', () => {
  it('is an array of objects keyed by column name, numbers and booleans typed, suppressed cells null', () => {
    const text = whole('json', [[['33001', '120', '0.5', 'true']], [], [['33002', null, '', 'false']]]);
    expect(JSON.parse(text)).toEqual([
      { unit_code: '33001', people: 120, share: 0.5, active: true },
      { unit_code: '33002', people: null, share: null, active: false },
    ]);
  });

  it('is an empty array when the dataset has no rows', () => {
    expect(JSON.parse(whole('json', [[]]))).toEqual([]);
  });

  it('keeps a code with leading zeros as text and an unreadable number as it was published', () => {
    expect(jsonValue('00123', 'string')).toBe('00123');
    expect(jsonValue('n/a', 'integer')).toBe('n/a');
    expect(jsonValue('-4.5', 'number')).toBe(-4.5);
  });
});
