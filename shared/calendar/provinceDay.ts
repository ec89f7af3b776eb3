// Days as the province counts them (Asia/Ho_Chi_Minh: UTC+7 all year, no daylight saving).
const PROVINCE_UTC_OFFSET_MS = 7 * 3_600_000;
const DAY_MS = 86_400_000;

/** The province's date ('YYYY-MM-DD') at `instant`. */
export function provinceDay(instant: Date): string {
  return new Date(instant.getTime() + PROVINCE_UTC_OFFSET_MS).toISOString().slice(0, 10);
}

/** The instant `day` begins in the province. */
export function provinceDayStart(day: string): Date {
  return new Date(Date.parse(`${day}T00:00:00Z`) - PROVINCE_UTC_OFFSET_MS);
}

/** `day` plus `days` (may be negative). */
export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (0 when equal). */
export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS);
}

const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

/** Whether `value` is a real calendar date written 'YYYY-MM-DD'. */
export function isCalendarDay(value: unknown): value is string {
  if (typeof value !== 'string' || !DAY_PATTERN.test(value)) return false;
  const parsed = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === value;
}

/**
 * A DATE column's value as 'YYYY-MM-DD'. pg gives the column's text (shared/db/openDatabase.ts sets that
 * parser); a driver without it gives a Date at local midnight, whose local date is the column's.
 */
export function dateColumnDay(value: unknown): string {
  if (value instanceof Date) return `${value.getFullYear()}-${String(value.getMonth() + 1).padStart(2, '0')}-${String(value.getDate()).padStart(2, '0')}`;
  return String(value).slice(0, 10);
}
