// Inputs the consent registry and the subject-request registry both check.
import { badUserInput } from '../../../shared/errors/clientErrors.ts';

export function instant(value: string, field: string): Date {
  const date = new Date(value);
  if (!/^\d{4}-\d{2}-\d{2}/.test(value) || Number.isNaN(date.getTime())) throw badUserInput(`"${field}" must be an ISO date or date-time`, field);
  return date;
}

/** The personal ids a subgraph asks about: at most 1000, each 12 digits. */
export function subjectsOf(body: unknown): string[] {
  const subjects = (body as { subjects?: unknown }).subjects;
  if (!Array.isArray(subjects) || subjects.length > 1000 || !subjects.every((subject) => typeof subject === 'string' && /^\d{12}$/.test(subject))) {
    throw badUserInput('"subjects" must be at most 1000 personal ids', 'subjects');
  }
  return subjects as string[];
}
