// The key a caller asked by is not a new disclosure. `citizen(id: X) { id fullName }` names X itself:
// giving X back tells the caller nothing more, provided the caller may read something else of that
// row (otherwise `id` alone would confirm that the record exists). A lookup is a root field returning
// one record, with an argument of type ID named as a field of that record (`citizen(id:)` -> Citizen.id,
// `household(id:)` -> Household.id). Only the caller's own argument counts: the keys the gateway passes
// in `_entities` representations are not at the top of the response and never match.
import { getNamedType, getNullableType, isObjectType, type GraphQLSchema } from 'graphql';
import type { PolicyContext, ResponsePath } from './PolicyContext.ts';

/** A root lookup: its argument, and the key field of the record it returns. */
export interface KeyLookup {
  argument: string;
  /** `Type.field` of the key. */
  key: string;
}

/** `Query.<field>` -> the lookup it is, for every root field of the schema that looks a record up by its key. */
export function keyLookupsOf(schema: GraphQLSchema): Map<string, KeyLookup> {
  const lookups = new Map<string, KeyLookup>();
  for (const root of Object.values(schema.getQueryType()?.getFields() ?? {})) {
    const returned = getNullableType(root.type);
    if (!isObjectType(returned)) continue;
    for (const argument of root.args) {
      const keyField = returned.getFields()[argument.name];
      if (getNamedType(argument.type).name === 'ID' && keyField && getNamedType(keyField.type).name === 'ID') {
        lookups.set(`Query.${root.name}`, { argument: argument.name, key: `${returned.name}.${keyField.name}` });
        break;
      }
    }
  }
  return lookups;
}

// Per request: the key each root lookup was asked by, under its response key (an alias if any).
const keysAskedOfRequest = new WeakMap<PolicyContext, Map<string | number, unknown>>();

/** Notes the key a root lookup field was asked by (called when its rule runs, before its record's fields). */
export function noteKeyAsked(context: PolicyContext, path: ResponsePath, value: unknown): void {
  let asked = keysAskedOfRequest.get(context);
  if (!asked) keysAskedOfRequest.set(context, (asked = new Map()));
  asked.set(path.key, value);
}

/** True when `value`, the key field at `path`, is what the caller asked the root lookup above it by. */
export function isKeyAskedBy(context: PolicyContext, path: ResponsePath, value: unknown): boolean {
  const record = path.prev;
  // The record must be the root field's own value: `citizen(id:)` -> `id`, not `_entities` -> 0 -> `id`.
  if (!record || record.prev !== undefined || value === undefined || value === null) return false;
  return keysAskedOfRequest.get(context)?.get(record.key) === value;
}
