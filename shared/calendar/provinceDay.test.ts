import { describe, expect, it } from 'vitest';
import { addDays, dateColumnDay, daysBetween, isCalendarDay, provinceDay, provinceDayStart } from './provinceDay.ts';

describe('days as the province counts them', () => {
  it('starts a day at midnight in Hà Nội time (UTC+7)', () => {
    expect(provinceDay(new Date('2026-12-04T16:59:59Z'))).toBe('2026-12-04');
    expect(provinceDay(new Date('2026-12-04T17:00:00Z'))).toBe('2026-12-05');
    expect(provinceDayStart('2026-12-05').toISOString()).toBe('2026-12-04T17:00:00.000Z');
  });

  it('counts days across months and leap years, and knows a real date', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(daysBetween('2024-01-01', '2024-12-31')).toBe(365);
    expect([isCalendarDay('2024-02-29'), isCalendarDay('2026-02-29'), isCalendarDay('2026-2-1'), isCalendarDay(20260101)]).toEqual([true, false, false, false]);
  });

  it('reads a DATE column as its date, as text or as the Date a driver makes of it at local midnight', () => {
    expect(dateColumnDay('2026-12-05')).toBe('2026-12-05');
    // East of UTC (Hà Nội), local midnight is the day before in UTC: the date is the local one.
    expect(dateColumnDay(new Date(2026, 11, 5))).toBe('2026-12-05');
  });
});
