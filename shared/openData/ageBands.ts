// Five-year age bands of the population dataset, as statistics offices publish them: 00-04 ... 80-84,
// then 85+ (fewer people live longer, so the top band is open). Two-digit labels sort in age order.
export const TOP_BAND_FROM = 85;

/** The band of an age in whole years. */
export function ageBandOf(age: number): string {
  if (age >= TOP_BAND_FROM) return `${TOP_BAND_FROM}+`;
  const from = Math.floor(Math.max(0, age) / 5) * 5;
  return `${String(from).padStart(2, '0')}-${String(from + 4).padStart(2, '0')}`;
}

/** Whole years between a birth date and a day (both YYYY-MM-DD): the age on that day. */
export function ageOnDay(born: string, day: string): number {
  const [by, bm, bd] = born.split('-').map(Number);
  const [y, m, d] = day.split('-').map(Number);
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}
