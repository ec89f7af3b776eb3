import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { openCursor, sealCursor, type CursorScope } from './pagination.ts';

const scope: CursorScope = { key: randomBytes(32), field: 'Query.citizens', filters: { unitCode: '11950' }, agency: 'so-tu-phap', subject: null };
const refusal = { extensions: { code: 'BAD_USER_INPUT', field: 'after' } };

describe('list cursors', () => {
  it('open to the position they were sealed with, under the same binding, whatever the order of the filters', () => {
    const cursor = sealCursor({ ...scope, filters: { status: null, unitCode: '11950' } }, '033094279365');
    expect(openCursor({ ...scope, filters: { unitCode: '11950', status: undefined } }, cursor)).toBe('033094279365');
    expect(openCursor(scope, null)).toBeNull();
  });

  it('hide the position', () => {
    const cursor = sealCursor(scope, '033094279365');
    expect(Buffer.from(cursor, 'base64url').toString('latin1')).not.toContain('033094279365');
    expect(sealCursor(scope, '033094279365')).not.toBe(cursor);
  });

  it('refuse another list, other filters, another agency, another citizen, another register, an altered or a forged cursor', () => {
    const cursor = sealCursor(scope, '033094279365');
    const altered = Buffer.from(cursor, 'base64url');
    altered[14] ^= 0x01;
    const cases: Array<[CursorScope, string]> = [
      [{ ...scope, field: 'Query.enterprises' }, cursor],
      [{ ...scope, filters: { unitCode: '12490' } }, cursor],
      [{ ...scope, filters: {} }, cursor],
      [{ ...scope, agency: 'cong-an-tinh' }, cursor],
      [{ ...scope, subject: '079095101529' }, cursor],
      [{ ...scope, key: randomBytes(32) }, cursor],
      [scope, altered.toString('base64url')],
      [scope, Buffer.from('033094279365').toString('base64url')],
      [scope, `${cursor}=`],
      [scope, ''],
    ];
    for (const [other, given] of cases) expect(() => openCursor(other, given)).toThrow(expect.objectContaining(refusal));
  });
});
