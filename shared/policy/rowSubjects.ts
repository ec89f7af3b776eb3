// Who a row is about, read synchronously from the row itself when a field is decided: the policy's
// `subject` fields (a personal id, a Citizen reference { id }, or a list whose people's ids the register
// reads with the row, as `<field>Ids`, e.g. a household's `membersIds`), or the enclosing record's
// person. Nothing here waits on a query: a subject that is not on the row cannot be determined, and the
// caller then refuses personal fields (SUBJECT_UNKNOWN).
import { getNullableType, isListType, isObjectType, type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
import type { CompiledField } from './compilePolicies.ts';
import { enclosingSubjectOf } from './enclosingRecord.ts';
import type { PolicyContext } from './PolicyContext.ts';

/** The row's data subjects (personal ids; none for a record concerning no person), or null when they cannot be determined. */
export type SubjectReading = readonly string[] | null;

export type SubjectReader = (parent: unknown, context: PolicyContext, info: unknown) => SubjectReading;

const NO_SUBJECTS: readonly string[] = [];

/** The ids a row carries for a list field, e.g. `membersIds` for `members`. */
export function carriedIdsProperty(field: string): string {
  return `${field}Ids`;
}

function personalIdOf(value: unknown): string | null | undefined {
  if (value === null) return null;
  if (typeof value === 'string') return value;
  // A Citizen reference ({ id }) resolved synchronously; anything slower (a promise) cannot be read here.
  if (value && typeof value === 'object' && typeof (value as { id?: unknown }).id === 'string') return (value as { id: string }).id;
  return undefined;
}

export function subjectReader(schema: GraphQLSchema, field: CompiledField): SubjectReader {
  if (field.subjectFromEnclosingRecord) {
    return (parent) => {
      const subject = enclosingSubjectOf(parent);
      return subject ? [subject] : null;
    };
  }
  if (field.subjectFields.length === 0) {
    // `subject: none`: the record concerns no person. Otherwise the policy names no subject (only types
    // without personal fields may): nobody can be determined.
    return field.concernsNoPerson ? () => NO_SUBJECTS : () => null;
  }
  const type = schema.getType(field.type);
  const definitions = isObjectType(type) ? field.subjectFields.map((name) => type.getFields()[name]) : [];
  const readers = definitions.map((definition) => {
    const name = definition.name;
    if (isListType(getNullableType(definition.type))) {
      const carried = carriedIdsProperty(name);
      return (parent: unknown): SubjectReading => {
        const ids = (parent as Record<string, unknown>)[carried];
        return Array.isArray(ids) && ids.every((id) => typeof id === 'string') ? (ids as string[]) : null;
      };
    }
    const resolve = definition.resolve as GraphQLFieldResolver<unknown, PolicyContext> | undefined;
    return (parent: unknown, context: PolicyContext, info: unknown): SubjectReading => {
      const id = personalIdOf(resolve ? resolve(parent, {}, context, info as never) : (parent as Record<string, unknown>)[name]);
      // null: the row names nobody there (no father declared, an enterprise holder); undefined: not known.
      return id === undefined ? null : id === null ? NO_SUBJECTS : [id];
    };
  });
  if (readers.length === 1) return readers[0];
  return (parent, context, info) => {
    const subjects: string[] = [];
    for (const read of readers) {
      const ids = read(parent, context, info);
      if (ids === null) return null;
      for (const id of ids) if (!subjects.includes(id)) subjects.push(id);
    }
    return subjects;
  };
}
