import { describe, expect, it } from 'vitest';
import { datesIn, endOfVietnamDay, startOfVietnamDay } from './dates.ts';

describe("dates in the reader's language and Vietnam's time", () => {
  it('shows a register date as the calendar day it is, and a moment in Asia/Ho_Chi_Minh', () => {
    expect(datesIn('en').day('1994-04-13')).toBe('13 Apr 1994');
    // 20:30 UTC is 03:30 the next morning in Vietnam.
    expect(datesIn('en').moment('2026-12-04T20:30:00Z')).toBe('5 Dec 2026, 03:30');
    expect(datesIn('vi').day('2026-12-04T20:30:00Z')).toContain('5');
    expect(datesIn('vi').day(null)).toBe('');
  });

  it('turns a chosen day into the instants the platform takes: its start, the next day, and its last second', () => {
    expect(startOfVietnamDay('2026-12-05')).toBe('2026-12-04T17:00:00.000Z');
    expect(startOfVietnamDay('2026-12-05', 1)).toBe('2026-12-05T17:00:00.000Z');
    expect(endOfVietnamDay('2026-12-05')).toBe('2026-12-05T16:59:59.000Z');
  });
});
