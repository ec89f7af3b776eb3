// Calendar arithmetic on integer day numbers (days since 1970-01-01, proleptic Gregorian).
// Integers are fast, exact and free of time zones; ISO strings are produced only for output.
// Hot helpers avoid allocating (scratch variables, a string cache) because the generator
// calls them millions of times.

/** Howard Hinnant's days_from_civil. A day past the month's end rolls over (Feb 29 -> Mar 1). */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146097 + doe - 719468;
}

// Output of civil(): module-level scratch instead of a fresh array per call.
let cYear = 0;
let cMonth = 0;
let cDay = 0;

/** Howard Hinnant's civil_from_days, writing into the scratch variables. */
function civil(days: number): void {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  cDay = doy - Math.floor((153 * mp + 2) / 5) + 1;
  cMonth = mp < 10 ? mp + 3 : mp - 9;
  cYear = yoe + era * 400 + (cMonth <= 2 ? 1 : 0);
}

// ISO strings for 1850-2149 are cached: the same dates recur across records.
const CACHE_FROM = daysFromCivil(1850, 1, 1);
const CACHE_TO = daysFromCivil(2150, 1, 1);
const isoCache: (string | undefined)[] = new Array(CACHE_TO - CACHE_FROM).fill(undefined);

function formatIso(days: number): string {
  civil(days);
  return `${cYear}-${cMonth < 10 ? '0' : ''}${cMonth}-${cDay < 10 ? '0' : ''}${cDay}`;
}

export function toIso(days: number): string {
  if (days < CACHE_FROM || days >= CACHE_TO) return formatIso(days);
  const i = days - CACHE_FROM;
  let iso = isoCache[i];
  if (iso === undefined) {
    iso = formatIso(days);
    isoCache[i] = iso;
  }
  return iso;
}

export function fromIso(iso: string): number {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) throw new RangeError(`not an ISO date: ${iso}`);
  return daysFromCivil(Number(match[1]), Number(match[2]), Number(match[3]));
}

export function yearOf(days: number): number {
  civil(days);
  return cYear;
}

/** Same month and day `years` later (a 29 February birthday rolls to 1 March). */
export function addYears(days: number, years: number): number {
  civil(days);
  return daysFromCivil(cYear + years, cMonth, cDay);
}

/** Last day of the month containing `days`. */
export function endOfMonth(days: number): number {
  civil(days);
  return daysFromCivil(cMonth === 12 ? cYear + 1 : cYear, cMonth === 12 ? 1 : cMonth + 1, 1) - 1;
}

/** Completed years between `born` and `on`. */
export function ageOn(born: number, on: number): number {
  civil(born);
  const by = cYear;
  const bm = cMonth;
  const bd = cDay;
  civil(on);
  return cYear - by - (cMonth < bm || (cMonth === bm && cDay < bd) ? 1 : 0);
}

/** The fixed 'today' of the synthetic world; the clock is never read. */
export const TODAY_ISO = '2026-11-01';
export const TODAY = fromIso(TODAY_ISO);
/** Day the two-level administration (and the merged Hưng Yên) took effect. */
export const REFORM_DATE_ISO = '2025-07-01';
export const REFORM_DATE = fromIso(REFORM_DATE_ISO);

// BIRTHDAY_LIMIT[n]: latest birth day of someone who is at least n years old today.
const MAX_AGE = 150;
const BIRTHDAY_LIMIT: number[] = Array.from({ length: MAX_AGE + 2 }, (_, n) => addYears(TODAY, -n));

/** Completed years today, without calendar conversion (the generator's hottest date query). */
export function ageToday(born: number): number {
  let age = Math.floor((TODAY - born) / 365.2425);
  if (age < 0 || age > MAX_AGE) return ageOn(born, TODAY);
  while (age > 0 && born > BIRTHDAY_LIMIT[age]) age--;
  while (age < MAX_AGE && born <= BIRTHDAY_LIMIT[age + 1]) age++;
  return age;
}
