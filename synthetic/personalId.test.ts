import { describe, expect, it } from 'vitest';
import { makePersonalId, parsePersonalId } from './personalId.ts';

describe('makePersonalId', () => {
  it('builds province + century/gender + year + serial', () => {
    expect(makePersonalId({ provinceCode: '033', gender: 'female', birthYear: 1995, serial: 123456 })).toBe('033195123456');
    expect(makePersonalId({ provinceCode: '034', gender: 'male', birthYear: 1962, serial: 7 })).toBe('034062000007');
    expect(makePersonalId({ provinceCode: '001', gender: 'male', birthYear: 2003, serial: 999999 })).toBe('001203999999');
    expect(makePersonalId({ provinceCode: '079', gender: 'female', birthYear: 2020, serial: 0 })).toBe('079320000000');
  });

  it('rejects out-of-range input', () => {
    expect(() => makePersonalId({ provinceCode: '033', gender: 'male', birthYear: 1899, serial: 1 })).toThrow(RangeError);
    expect(() => makePersonalId({ provinceCode: '033', gender: 'male', birthYear: 1990, serial: 1_000_000 })).toThrow(RangeError);
    expect(() => makePersonalId({ provinceCode: '033', gender: 'male', birthYear: 1990, serial: -1 })).toThrow(RangeError);
    expect(() => makePersonalId({ provinceCode: '003', gender: 'male', birthYear: 1990, serial: 1 })).toThrow(RangeError);
    expect(() => makePersonalId({ provinceCode: '33', gender: 'male', birthYear: 1990, serial: 1 })).toThrow(RangeError);
  });
});

describe('parsePersonalId', () => {
  it('decodes province, gender and birth year', () => {
    expect(parsePersonalId('033195123456')).toEqual({ provinceCode: '033', gender: 'female', birthYear: 1995 });
    expect(parsePersonalId('034062000007')).toEqual({ provinceCode: '034', gender: 'male', birthYear: 1962 });
    expect(parsePersonalId('001203999999')).toEqual({ provinceCode: '001', gender: 'male', birthYear: 2003 });
    expect(parsePersonalId('079320000000')).toEqual({ provinceCode: '079', gender: 'female', birthYear: 2020 });
    expect(parsePersonalId('031100000001')).toEqual({ provinceCode: '031', gender: 'female', birthYear: 1900 });
  });

  it('round-trips every century/gender combination', () => {
    for (const birthYear of [1900, 1931, 1999, 2000, 2025, 2099, 2100, 2399]) {
      for (const gender of ['male', 'female'] as const) {
        const id = makePersonalId({ provinceCode: '033', gender, birthYear, serial: 4242 });
        expect(id).toMatch(/^\d{12}$/);
        expect(parsePersonalId(id)).toEqual({ provinceCode: '033', gender, birthYear });
      }
    }
  });

  it('returns null for malformed ids', () => {
    for (const bad of ['', '03319512345', '0331951234567', '03319512345a', ' 33195123456', '033 95123456', '003195123456', '099195123456', '000195123456']) {
      expect(parsePersonalId(bad)).toBeNull();
    }
    expect(parsePersonalId(undefined as unknown as string)).toBeNull();
    expect(parsePersonalId(33195123456 as unknown as string)).toBeNull();
  });
});
