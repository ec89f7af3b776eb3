// Which fields of an answer were refused, and why: a refusal is a FORBIDDEN error at the field's path, above
// it (the whole record refused), or below it (a record whose key was refused comes back null, the error at
// its key). Asked only for a value that is missing.
import type { AskError } from '../../../graphql/ask.ts';

export type Path = (string | number)[];

export const isRefusal = (error: AskError): boolean => error.extensions?.code === 'FORBIDDEN';

/** The reason a value at `path` is missing, if a refusal explains it. */
export function refusalAt(errors: AskError[], path: Path): string | null {
  const prefix = (shorter: Path, longer: Path) => shorter.every((step, index) => longer[index] === step);
  const found = errors.find((error) => isRefusal(error) && error.path && (prefix(path, error.path) || prefix(error.path, path)));
  return found ? String(found.extensions?.reason ?? 'FORBIDDEN') : null;
}
