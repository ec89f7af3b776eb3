// Registration-date filters: ISO calendar days, checked here so a bad one is BAD_USER_INPUT rather
// than a database cast error.
import { badUserInput } from '../../../shared/errors/clientErrors.ts';

export function isoDate(value: string | null | undefined, field: string): string | null {
  if (value === null || value === undefined) return null;
  // The round trip rejects days that do not exist, such as 2024-02-30.
  const valid = /^\d{4}-\d{2}-\d{2}$/.test(value) && new Date(`${value}T00:00:00Z`).toISOString().slice(0, 10) === value;
  if (!valid) throw badUserInput(`"${field}" must be a date written YYYY-MM-DD`, field);
  return value;
}

export function dateRange(from: string | null | undefined, to: string | null | undefined): { from: string | null; to: string | null } {
  const range = { from: isoDate(from, 'registeredFrom'), to: isoDate(to, 'registeredTo') };
  // ISO dates compare as strings.
  if (range.from && range.to && range.from > range.to) {
    throw badUserInput('"registeredFrom" must not be after "registeredTo"', 'registeredFrom');
  }
  return range;
}
