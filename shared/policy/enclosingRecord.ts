// A value that is part of a person's record but carries no id of its own (a residence, the household
// seen from a citizen) is marked with the person it belongs to, so a policy can say
// `subject: enclosing-record`. The mark is a symbol: it never reaches a response.
const ENCLOSING_SUBJECT = Symbol('enclosing data subject');

/** A copy of `value` marked as part of `subject`'s record (a copy: loaders share their rows). */
export function partOfRecord<T extends object>(value: T, subject: string): T {
  return Object.assign(Object.create(null) as object, value, { [ENCLOSING_SUBJECT]: subject }) as T;
}

export function enclosingSubjectOf(value: unknown): string | null {
  const subject = value && typeof value === 'object' ? (value as Record<symbol, unknown>)[ENCLOSING_SUBJECT] : undefined;
  return typeof subject === 'string' ? subject : null;
}
