// What the consent registry and the subject-request registry both check on their internal routes.
import { badUserInput } from '../../../../shared/errors/clientErrors.ts';
import { PERSONAL_ID_PATTERN } from '../../../../shared/validation/inputs.ts';

/** The personal ids a subgraph asks about: at most 1000, each 12 digits. */
export function subjectsOf(body: unknown): string[] {
  const subjects = (body as { subjects?: unknown }).subjects;
  if (!Array.isArray(subjects) || subjects.length > 1000 || !subjects.every((subject) => typeof subject === 'string' && PERSONAL_ID_PATTERN.test(subject))) {
    throw badUserInput('"subjects" must be at most 1000 personal ids', 'subjects');
  }
  return subjects as string[];
}
