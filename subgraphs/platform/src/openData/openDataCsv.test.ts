// A publisher's CSV, checked against the declared columns: what passes, and what is refused with line and column.
import { describe, expect, it } from 'vitest';
import type { OpenDataColumn } from '../../../../shared/openData/OpenDataList.ts';
import { MAX_UPLOAD_BYTES, parseUpload } from './openDataCsv.ts';

const title = { vi: 'x', en: 'x' };
const columns: OpenDataColumn[] = [
  { name: 'unit_code', title, type: 'string' },
  { name: 'people', title, type: 'integer' },
  { name: 'share', title, type: 'number' },
  { name: 'counted_on', title, type: 'date' },
  { name: 'final', title, type: 'boolean' },
];

describe('a publisher’s CSV upload', () => {
  it('is read with quotes, CRLF, a BOM and empty cells, into typed cells', () => {
    const csv = '\uFEFFunit_code,people,share,counted_on,final\r\n"12345",120,0.5,2026-11-30,true\r\n"Xã ""Mới"", A",,,,false\r\n';
    expect(parseUpload(csv, columns)).toEqual({ ok: true, rows: [['12345', 120, 0.5, '2026-11-30', 'true'], ['Xã "Mới", A', null, null, null, 'false']] });
  });

  it('is refused with the line and column of every bad value', () => {
    const csv = 'unit_code,people,share,counted_on,final\n12345,12x,1,2026-02-30,yes\n12346,3\n';
    expect(parseUpload(csv, columns)).toEqual({
      ok: false,
      problems: [
        { line: 2, column: 'people', message: '"12x" is not a whole number (the column is integer)' },
        { line: 2, column: 'counted_on', message: '"2026-02-30" is not a date (YYYY-MM-DD) (the column is date)' },
        { line: 2, column: 'final', message: '"yes" is not true or false (the column is boolean)' },
        { line: 3, column: null, message: '2 values where the header has 5' },
      ],
    });
  });

  it('is refused when the header is not exactly the declared columns', () => {
    expect(parseUpload('unit_code,people\n1,2\n', columns)).toEqual({ ok: false, problems: [{ line: 1, column: null, message: 'The header must be exactly: unit_code,people,share,counted_on,final' }] });
  });

  it('counts lines inside quoted values, and refuses an unclosed quote', () => {
    const csv = 'unit_code,people,share,counted_on,final\n"two\nlines",1,1,2026-01-01,true\n12,x,1,2026-01-01,true\n';
    expect(parseUpload(csv, columns)).toMatchObject({ ok: false, problems: [{ line: 4, column: 'people' }] });
    expect(parseUpload('unit_code,people,share,counted_on,final\n"open,1,1,2026-01-01,true\n', columns)).toEqual({ ok: false, problems: [{ line: 2, column: null, message: 'A quoted value is never closed' }] });
  });

  it('is refused above the size bound, and without rows', () => {
    expect(parseUpload('x'.repeat(MAX_UPLOAD_BYTES + 1), columns)).toMatchObject({ ok: false, problems: [{ line: 1, column: null }] });
    expect(parseUpload('unit_code,people,share,counted_on,final\n', columns)).toEqual({ ok: false, problems: [{ line: 2, column: null, message: 'The file has no rows' }] });
  });
});
