// Which fields of an answer were refused, and why: a refusal is a FORBIDDEN error at the field's path (or
// below it: a record whose key was refused comes back null with the error at its key).
import type { AskError } from '../../../graphql/ask.ts';

export type Path = (string | number)[];

export const isRefusal = (error: AskError): boolean => error.extensions?.code === 'FORBIDDEN';

/** The reason a value at `path` is missing, if a refusal explains it. */
export function refusalAt(errors: AskError[], path: Path): string | null {
  const found = errors.find((error) => isRefusal(error) && error.path && path.every((step, index) => error.path![index] === step));
  return found ? String(found.extensions?.reason ?? 'FORBIDDEN') : null;
}
