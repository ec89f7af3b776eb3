// Working days in the province's time, for the age of a submitted connection request and when it is
// overdue. The province keeps Asia/Ho_Chi_Minh time: UTC+7 all year, with no daylight saving, so a fixed
// offset is exact. Working days are Monday to Friday; public holidays (Tết, 30/4, 1/5, 2/9, ...) are not
// modelled: a holiday on a weekday counts as a working day.
import { addDays, daysBetween, provinceDay, provinceDayStart } from '../../../../shared/calendar/provinceDay.ts';

function isWorkingDay(date: string): boolean {
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6;
}

/** Working days after `from` up to and including `to` (both 'YYYY-MM-DD'); 0 when `to` is not after `from`. */
export function workingDaysBetween(from: string, to: string): number {
  const days = daysBetween(from, to);
  if (days <= 0) return 0;
  const weeks = Math.floor(days / 7);
  let count = weeks * 5;
  for (let day = weeks * 7 + 1; day <= days; day += 1) if (isWorkingDay(addDays(from, day))) count += 1;
  return count;
}

/** Working days a request submitted at `submittedAt` has waited by `now`: 0 on the day it was submitted. */
export function ageInWorkingDays(submittedAt: Date, now: Date): number {
  return workingDaysBetween(provinceDay(submittedAt), provinceDay(now));
}

/**
 * The instant before which a submission is overdue at `now`, when a decision is due within `limit`
 * working days: a request submitted before it has waited more than `limit` working days. For SQL
 * (`submitted < cutoff`), agreeing with `ageInWorkingDays(...) > limit`.
 */
export function overdueCutoff(now: Date, limit: number): Date {
  const today = provinceDay(now);
  let earliest = today;
  while (workingDaysBetween(addDays(earliest, -1), today) <= limit) earliest = addDays(earliest, -1);
  return provinceDayStart(earliest);
}

/** The date `count` working days after `from` ('YYYY-MM-DD'): the due date of something made on `from`. */
export function addWorkingDays(from: string, count: number): string {
  let date = from;
  for (let added = 0; added < count; ) {
    date = addDays(date, 1);
    if (isWorkingDay(date)) added += 1;
  }
  return date;
}
