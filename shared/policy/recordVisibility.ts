// No silent probes: a record is visible to a caller only if the policies could allow them at least one
// field of it, and lookups, lists and filters follow that. Applied as graphql-middleware inside the
// shield (shieldFromPolicies.ts), only on the root lookups, the register lists and the lists that take
// filters: never on the fields of a record.
//
// - A root lookup (`citizen(id)`, `enterprise(enterpriseCode)`, ...) by a caller who may read nothing of
//   the record answers null and FORBIDDEN (Query.<field>, with the type's reason), whether it exists or
//   not; each lookup is recorded against the record's data subjects under the root coordinate.
// - A register list (a connection: nodes, totalCount, pageInfo) is only for callers with access to its
//   records that does not depend on the row; others (own record, consent or subject request only, or
//   nothing) are refused, so they neither browse nor count.
// - A filter argument (LIST_FILTERS) on a field the caller may not read, row-independently, is
//   refused with FILTER_NOT_ALLOWED.
// What a caller may read of a type is computed once per request and type, from the compiled policies.
import { getNamedType, GraphQLError, Kind, type SelectionNode, isAbstractType, isListType, getNullableType, isObjectType, type GraphQLResolveInfo, type GraphQLSchema } from 'graphql';
import type { IMiddlewareTypeMap } from 'graphql-middleware';
import type { Principal } from '../auth/Principal.ts';
import { forbidden } from '../errors/forbidden.ts';
import { REFUSAL_REASONS, type RefusalReason } from '../errors/refusalReasons.ts';
import { LIST_FILTERS, OWN_RECORD_LISTS } from '../loaders/listBounds.ts';
import { policyFieldsOf, type CompiledField, type CompiledPolicies } from './compilePolicies.ts';
import { consentRulesAwaiting, decideAccess, subjectRequestRulesAwaiting, subjectsAlreadyRead, type Decision, type SubjectLookup } from './decideAccess.ts';
import type { PolicyContext } from './PolicyContext.ts';
import type { HeldConnections } from './HeldConnections.ts';
import { subjectReader, type SubjectReader } from './rowSubjects.ts';

type Refusal = Extract<Decision, { allowed: false }>;

/** What a caller may read of a type: any row, some rows only (own record, consent, subject request), or nothing. */
export type TypeAccess = { kind: 'any-row' } | { kind: 'row-dependent' | 'none'; refusal: Refusal };

const NO_SUBJECT: SubjectLookup = () => [];
const ROW_REASONS = new Set<RefusalReason>(['ROW_OUT_OF_SCOPE', 'CONSENT_REQUIRED', 'SUBJECT_REQUEST_REQUIRED']);

/** One field per field group and type (rules name groups, so a group's fields decide alike), state secrets left out. */
function groupsByType(compiled: CompiledPolicies): Map<string, CompiledField[]> {
  const byType = new Map<string, CompiledField[]>();
  const seen = new Set<string>();
  for (const field of compiled.fields.values()) {
    if (field.level === 'state-secret' || seen.has(`${field.type}.${field.group}`)) continue;
    seen.add(`${field.type}.${field.group}`);
    const fields = byType.get(field.type) ?? [];
    fields.push(field);
    byType.set(field.type, fields);
  }
  return byType;
}

function isRowDependent(field: CompiledField, principal: Principal, connections: HeldConnections, decision: Refusal): boolean {
  if (decision.reason === 'ROW_OUT_OF_SCOPE') return true;
  return ROW_REASONS.has(decision.reason) && (consentRulesAwaiting(field, principal, NO_SUBJECT, connections).length > 0 || subjectRequestRulesAwaiting(field, principal, NO_SUBJECT, connections).length > 0);
}

export function typeAccessOf(groups: readonly CompiledField[] | undefined, principal: Principal, connections: HeldConnections): TypeAccess {
  let rowDependent: Refusal | null = null;
  let first: Refusal | null = null;
  for (const field of groups ?? []) {
    const decision = decideAccess(field, principal, NO_SUBJECT, connections);
    if (decision.allowed) return { kind: 'any-row' };
    first ??= decision;
    if (!rowDependent && isRowDependent(field, principal, connections, decision)) rowDependent = decision;
  }
  if (rowDependent) return { kind: 'row-dependent', refusal: rowDependent };
  return { kind: 'none', refusal: first ?? { allowed: false, policy: 'none', rule: null, reason: 'NOT_GRANTED' } };
}

/** A filter argument refused: the field it tests is not readable by this caller whatever the row. */
export function filterNotAllowed(list: string, argument: string, coordinate: string, reason: RefusalReason): GraphQLError {
  return new GraphQLError(`Not allowed to filter ${list} by "${argument}": it tests ${coordinate}, and ${REFUSAL_REASONS[reason]}`, {
    extensions: { code: 'FILTER_NOT_ALLOWED', reason, argument, field: coordinate },
  });
}

type BasisOf = (field: CompiledField, context: PolicyContext, subjects: SubjectLookup) => Promise<string | null>;

export interface VisibilityDeps {
  /** The subjects' own basis (consent, subject request), looked up once per request and group, without using a subject request up. */
  subjectsBasis: BasisOf;
}

export function recordVisibility(schema: GraphQLSchema, compiled: CompiledPolicies, deps: VisibilityDeps): IMiddlewareTypeMap {
  const groups = groupsByType(compiled);
  // Who a row is about, read as the field rules read it (rowSubjects.ts).
  const subjectReaders = new Map<string, SubjectReader>();
  for (const field of compiled.fields.values()) {
    if (field.subjectFields.length > 0 && !subjectReaders.has(field.type)) subjectReaders.set(field.type, subjectReader(schema, field));
  }
  /** The row's data subjects; a row whose subjects cannot be determined counts as nobody's (no own-record rule or consent can hold). */
  const subjectsOf = (type: string, row: unknown, context: PolicyContext, info: GraphQLResolveInfo): readonly string[] =>
    subjectReaders.get(type)?.(row, context, info) ?? [];
  // Per request (the principal is made per call) and type or coordinate.
  const accessOfRequest = new WeakMap<Principal, Map<string, TypeAccess | Decision>>();
  const cached = <T extends TypeAccess | Decision>(principal: Principal, key: string, compute: () => T): T => {
    let known = accessOfRequest.get(principal);
    if (!known) accessOfRequest.set(principal, (known = new Map()));
    let value = known.get(key) as T | undefined;
    if (!value) known.set(key, (value = compute()));
    return value;
  };
  const accessTo = ({ principal, connections }: PolicyContext, type: string) => cached(principal, `type:${type}`, () => typeAccessOf(groups.get(type), principal, connections));
  const rootDecision = ({ principal, connections }: PolicyContext, coordinate: string): Decision => {
    const field = compiled.fields.get(coordinate);
    return field ? cached(principal, coordinate, () => decideAccess(field, principal, NO_SUBJECT, connections)) : { allowed: false, policy: 'none', rule: null, reason: 'NOT_GRANTED' };
  };

  /** Some field of this row is readable by the caller: a rule allows it for this row, or its subjects' own basis does. */
  async function readableRow(type: string, row: unknown, context: PolicyContext, info: GraphQLResolveInfo): Promise<boolean> {
    const people = subjectsOf(type, row, context, info);
    const subjects = subjectsAlreadyRead(people);
    for (const field of groups.get(type) ?? []) {
      if (decideAccess(field, context.principal, subjects, context.connections).allowed) return true;
      if (field.dataDependent && (await deps.subjectsBasis(field, context, subjects))) return true;
    }
    return false;
  }

  function recordLookup(type: string, row: unknown, coordinate: string, decision: Decision, context: PolicyContext, info: GraphQLResolveInfo): void {
    const subjects = row ? subjectsOf(type, row, context, info) : [];
    if (subjects.length) context.disclosures.record(subjects, coordinate, decision);
  }

  const keyFields = new Map<string, Set<string>>();
  const keysOf = (type: string) => {
    let keys = keyFields.get(type);
    if (!keys) keyFields.set(type, (keys = keyFieldsOf(schema, type)));
    return keys;
  };

  const middleware: Record<string, Record<string, unknown>> = {};
  const add = (type: string, field: string, fn: unknown) => ((middleware[type] ??= {})[field] = fn);

  const query = schema.getQueryType();
  for (const field of query ? policyFieldsOf(query) : []) {
    const coordinate = `Query.${field.name}`;
    const returned = getNullableType(field.type);
    const named = getNamedType(field.type);
    if (isListType(returned) || !isObjectType(named) || OWN_RECORD_LISTS.has(coordinate)) continue;
    const nodes = named.getFields().nodes;
    if (nodes) {
      // A register list: only for callers who may read something of every row it can hold.
      add('Query', field.name, (resolve: (...args: unknown[]) => unknown, parent: unknown, args: Record<string, unknown>, context: PolicyContext, info: GraphQLResolveInfo) => {
        const types = nodeTypesOf(schema, coordinate, args);
        for (const type of types) {
          const access = accessTo(context, type);
          if (access.kind !== 'any-row') throw forbidden(coordinate, access.refusal, context.principal.requestId);
        }
        const page = resolve(parent, args, context, info);
        // A page whose records show nothing but their keys is an existence check on each of them.
        if (types.length !== 1 || !nodesOnlyKeys(info, keysOf(types[0]))) return page;
        return Promise.resolve(page).then((result) => {
          const decision = rootDecision(context, coordinate);
          for (const node of (result as { nodes?: unknown[] } | null)?.nodes ?? []) recordLookup(types[0], node, coordinate, decision, context, info);
          return result;
        });
      });
      continue;
    }
    if (!groups.has(named.name) || field.args.length === 0) continue;
    // A lookup of a record about people: the same answer for a record that does not exist and for one
    // the caller may read nothing of; every lookup is recorded against the record's subjects.
    const type = named.name;
    const keys = keyFieldsOf(schema, type);
    add('Query', field.name, async (resolve: (...args: unknown[]) => unknown, parent: unknown, args: unknown, context: PolicyContext, info: GraphQLResolveInfo) => {
      const access = accessTo(context, type);
      const row = await resolve(parent, args, context, info);
      if (access.kind === 'any-row' || (row && access.kind === 'row-dependent' && (await readableRow(type, row, context, info)))) {
        // Fields that are read record themselves; a lookup that reads none is an existence check.
        if (onlyKeysSelected(info, keys)) recordLookup(type, row, coordinate, rootDecision(context, coordinate), context, info);
        return row;
      }
      recordLookup(type, row, coordinate, access.refusal, context, info);
      throw forbidden(coordinate, access.refusal, context.principal.requestId);
    });
  }

  // Filters: each argument given is allowed only if the caller may read, whatever the row, every field it tests.
  for (const [list, argumentsOfList] of Object.entries(LIST_FILTERS)) {
    const [typeName, fieldName] = list.split('.');
    const type = schema.getType(typeName);
    if (!isObjectType(type) || !type.getFields()[fieldName]) continue;
    const checks = Object.entries(argumentsOfList as Record<string, readonly string[]>).filter(([, coordinates]) => coordinates.length > 0);
    if (checks.length === 0) continue;
    const previous = middleware[typeName]?.[fieldName] as ((...args: unknown[]) => unknown) | undefined;
    add(typeName, fieldName, (resolve: (...args: unknown[]) => unknown, parent: unknown, args: Record<string, unknown>, context: PolicyContext, info: GraphQLResolveInfo) => {
      for (const [argument, coordinates] of checks) {
        if (valueOf(args, argument) === undefined) continue;
        const types = nodeTypesOf(schema, list, args);
        for (const coordinate of coordinates) {
          if (!types.includes(coordinate.slice(0, coordinate.indexOf('.')))) continue;
          const decision = rootDecision(context, coordinate);
          if (!decision.allowed) throw filterNotAllowed(list, argument, coordinate, decision.reason);
        }
      }
      return previous ? previous(resolve, parent, args, context, info) : resolve(parent, args, context, info);
    });
  }
  return middleware as IMiddlewareTypeMap;
}

/**
 * The record types a list can return for these arguments: its nodes' type, or the implementations of
 * an interface (civil events), narrowed to one by a `kind` argument naming it.
 */
function nodeTypesOf(schema: GraphQLSchema, list: string, args: Record<string, unknown>): string[] {
  const [typeName, fieldName] = list.split('.');
  const owner = schema.getType(typeName);
  const field = isObjectType(owner) ? owner.getFields()[fieldName] : undefined;
  if (!field) return [];
  let node = getNamedType(field.type);
  const nodes = isObjectType(node) ? node.getFields().nodes : undefined;
  if (nodes) node = getNamedType(nodes.type);
  if (!isAbstractType(node)) return [node.name];
  const types = schema.getPossibleTypes(node).map((type) => type.name);
  const kind = typeof args.kind === 'string' ? args.kind.toLowerCase() : null;
  return kind && types.some((type) => type.toLowerCase() === kind) ? types.filter((type) => type.toLowerCase() === kind) : types;
}

/** `__typename` and the fields of the type's federation keys (`@key(fields: "id")`). */
function keyFieldsOf(schema: GraphQLSchema, typeName: string): Set<string> {
  const keys = new Set(['__typename', 'id']);
  const type = schema.getType(typeName);
  for (const node of type ? [type.astNode, ...(type.extensionASTNodes ?? [])] : []) {
    for (const directive of node?.directives ?? []) {
      if (directive.name.value !== 'key') continue;
      const fields = directive.arguments?.find((argument) => argument.name.value === 'fields')?.value;
      if (fields?.kind === Kind.STRING) for (const name of fields.value.split(/[\s{}]+/)) if (name) keys.add(name);
    }
  }
  return keys;
}

/** The page's `nodes` are asked for, and with nothing but `__typename` and their keys. */
function nodesOnlyKeys(info: GraphQLResolveInfo, keys: ReadonlySet<string>): boolean {
  const nodes: SelectionNode[][] = [];
  const collect = (selections: readonly SelectionNode[]) => {
    for (const selection of selections) {
      if (selection.kind === Kind.FIELD && selection.name.value === 'nodes') nodes.push([...(selection.selectionSet?.selections ?? [])]);
      else if (selection.kind === Kind.INLINE_FRAGMENT) collect(selection.selectionSet.selections);
    }
  };
  for (const node of info.fieldNodes) collect(node.selectionSet?.selections ?? []);
  return nodes.length > 0 && nodes.every((selections) => onlyFields(selections, keys));
}

function onlyFields(selections: readonly SelectionNode[], keys: ReadonlySet<string>): boolean {
  return selections.every((selection) =>
    selection.kind === Kind.FIELD ? keys.has(selection.name.value) : selection.kind === Kind.INLINE_FRAGMENT && onlyFields(selection.selectionSet.selections, keys),
  );
}

/** The lookup selects nothing but `__typename` and its key (the gateway's own fetch of a record's key looks so too). */
function onlyKeysSelected(info: GraphQLResolveInfo, keys: ReadonlySet<string>): boolean {
  return info.fieldNodes.every((node) => onlyFields(node.selectionSet?.selections ?? [], keys));
}

/** `status`, or `filter.dataSubject` inside an input object; undefined when not given (null counts as not given). */
function valueOf(args: Record<string, unknown>, path: string): unknown {
  let value: unknown = args;
  for (const key of path.split('.')) value = value && typeof value === 'object' ? (value as Record<string, unknown>)[key] : undefined;
  return value === null ? undefined : value;
}
