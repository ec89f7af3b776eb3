import { describe, expect, it } from 'vitest';
import { addWorkingDays, ageInWorkingDays, overdueCutoff, workingDaysBetween } from './workingDays.ts';
import { addDays, provinceDay, provinceDayStart } from '../../../../shared/calendar/provinceDay.ts';

describe('working days in the province', () => {
  it('finds the date a number of working days after a day, skipping weekends', () => {
    // 2026-12-04 is a Friday.
    expect(addWorkingDays('2026-12-04', 1)).toBe('2026-12-07');
    expect(addWorkingDays('2026-12-04', 5)).toBe('2026-12-11');
    expect(addWorkingDays('2026-12-05', 5)).toBe('2026-12-11'); // from a Saturday
    expect(addWorkingDays('2026-12-07', 0)).toBe('2026-12-07');
    for (let count = 1; count < 30; count += 1) expect(workingDaysBetween('2026-12-02', addWorkingDays('2026-12-02', count))).toBe(count);
  });

  it('counts Monday to Friday after the first day, up to and including the last', () => {
    // 2026-12-04 is a Friday.
    expect(workingDaysBetween('2026-12-04', '2026-12-04')).toBe(0);
    expect(workingDaysBetween('2026-12-04', '2026-12-05')).toBe(0); // Saturday
    expect(workingDaysBetween('2026-12-04', '2026-12-06')).toBe(0); // Sunday
    expect(workingDaysBetween('2026-12-04', '2026-12-07')).toBe(1); // Monday
    expect(workingDaysBetween('2026-12-04', '2026-12-18')).toBe(10); // two weeks later
    expect(workingDaysBetween('2026-12-05', '2026-12-12')).toBe(5); // Saturday to Saturday
    expect(workingDaysBetween('2026-12-10', '2026-12-04')).toBe(0);
  });

  it('agrees with a day-by-day count over long spans', () => {
    for (let span = 0; span < 60; span += 1) {
      for (const from of ['2026-11-30', '2026-12-02', '2026-12-05', '2026-12-06']) {
        let count = 0;
        for (let day = 1; day <= span; day += 1) {
          const weekday = new Date(`${addDays(from, day)}T00:00:00Z`).getUTCDay();
          if (weekday !== 0 && weekday !== 6) count += 1;
        }
        expect(workingDaysBetween(from, addDays(from, span))).toBe(count);
      }
    }
  });

  it('takes the date in Asia/Ho_Chi_Minh time (UTC+7)', () => {
    expect(provinceDay(new Date('2026-12-04T16:59:59Z'))).toBe('2026-12-04');
    expect(provinceDay(new Date('2026-12-04T17:00:00Z'))).toBe('2026-12-05');
    expect(provinceDayStart('2026-12-05').toISOString()).toBe('2026-12-04T17:00:00.000Z');
    // Submitted on Friday evening in the province (Friday 23:30 +07), seen on Monday morning: one working day.
    expect(ageInWorkingDays(new Date('2026-12-04T16:30:00Z'), new Date('2026-12-07T02:00:00Z'))).toBe(1);
  });

  it('puts the overdue cutoff where the age passes the limit', () => {
    const now = new Date('2026-12-21T03:00:00Z'); // Monday 10:00 in the province
    for (const limit of [1, 2, 5, 10]) {
      const cutoff = overdueCutoff(now, limit);
      for (let minutes = 0; minutes < 60 * 24 * 30; minutes += 37) {
        const submittedAt = new Date(now.getTime() - minutes * 60_000);
        expect(submittedAt < cutoff, `limit ${limit}, submitted ${submittedAt.toISOString()}`).toBe(ageInWorkingDays(submittedAt, now) > limit);
      }
    }
    // Submitted on Monday 7 December, it has waited 10 working days on Monday 21 December; on Sunday 6, 11.
    expect(overdueCutoff(now, 10).toISOString()).toBe(provinceDayStart('2026-12-07').toISOString());
  });
});
