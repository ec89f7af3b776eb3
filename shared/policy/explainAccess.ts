// explainAccess: for a principal, purpose and query, what each requested field would get, and why,
// without running the query against any data. It asks decideAccess — the function the subgraphs'
// shield rules call — so the explanation is what enforcement does.
import {
  getNamedType,
  isAbstractType,
  isObjectType,
  Kind,
  parse,
  validate,
  type FragmentDefinitionNode,
  type GraphQLNamedType,
  type GraphQLObjectType,
  type GraphQLSchema,
  type SelectionSetNode,
} from 'graphql';
import type { Principal } from '../auth/Principal.ts';
import { badUserInput, withoutSuggestions } from '../errors/clientErrors.ts';
import type { CompiledPolicies } from './compilePolicies.ts';
import { decideAccess } from './decideAccess.ts';

export interface FieldAccess {
  /** Response path, e.g. `citizen.landParcels.area`. */
  path: string;
  /** `Type.field` the decision is about. */
  coordinate: string;
  /** The subgraphs whose policies decide this field this way. */
  subgraphs: string[];
  allowed: boolean;
  /** Allowed only when the record is the caller's own (a citizen reading about themself). */
  onlyOwnRecord: boolean;
  reason: string | null;
  policy: string | null;
  rule: string | null;
  legalBasis: string | null;
}

const SOMEONE_ELSE = '000000000000';

export function explainAccess(
  apiSchema: GraphQLSchema,
  policies: ReadonlyMap<string, CompiledPolicies>,
  principal: Principal,
  queryText: string,
): FieldAccess[] {
  let document;
  try {
    document = parse(queryText, { maxTokens: 10_000 });
  } catch (error) {
    throw badUserInput(`The query does not parse: ${(error as Error).message}`, 'query');
  }
  const errors = validate(apiSchema, document);
  if (errors.length) throw badUserInput(`The query is not valid: ${errors.map((error) => withoutSuggestions(error.message)).join('; ')}`, 'query');
  const fragments = new Map(
    document.definitions
      .filter((definition): definition is FragmentDefinitionNode => definition.kind === Kind.FRAGMENT_DEFINITION)
      .map((fragment) => [fragment.name.value, fragment]),
  );
  const results: FieldAccess[] = [];
  const objectTypes = (type: GraphQLNamedType): readonly GraphQLObjectType[] =>
    isObjectType(type) ? [type] : isAbstractType(type) ? apiSchema.getPossibleTypes(type) : [];

  const explainField = (path: string, coordinate: string) => {
    const outcomes = new Map<string, FieldAccess>();
    for (const [subgraph, compiled] of policies) {
      const field = compiled.fields.get(coordinate);
      if (!field) continue;
      const forOthers = decideAccess(field, principal, () => [SOMEONE_ELSE]);
      const forOwn = forOthers.allowed ? forOthers : decideAccess(field, principal, () => (principal.subject ? [principal.subject] : []));
      const decision = forOthers.allowed ? forOthers : forOwn.allowed ? forOwn : forOthers;
      const entry: FieldAccess = {
        path,
        coordinate,
        subgraphs: [subgraph],
        allowed: decision.allowed,
        onlyOwnRecord: !forOthers.allowed && forOwn.allowed,
        reason: decision.allowed ? null : decision.reason,
        policy: decision.policy,
        rule: decision.rule,
        legalBasis: decision.allowed ? decision.legalBasis : null,
      };
      const key = JSON.stringify({ ...entry, subgraphs: [], policy: null });
      const same = outcomes.get(key);
      if (same) same.subgraphs.push(subgraph);
      else outcomes.set(key, entry);
    }
    if (outcomes.size === 0) {
      results.push({ path, coordinate, subgraphs: [], allowed: false, onlyOwnRecord: false, reason: 'NOT_GRANTED', policy: null, rule: null, legalBasis: null });
    }
    results.push(...outcomes.values());
  };

  const walk = (selectionSet: SelectionSetNode, parent: GraphQLNamedType, path: string[], seen: Set<string>) => {
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition ? apiSchema.getType(selection.typeCondition.name.value)! : parent;
        walk(selection.selectionSet, type, path, seen);
      } else if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = fragments.get(selection.name.value);
        if (!fragment || seen.has(fragment.name.value)) continue;
        walk(fragment.selectionSet, apiSchema.getType(fragment.typeCondition.name.value)!, path, new Set([...seen, fragment.name.value]));
      } else if (!selection.name.value.startsWith('__')) {
        const responsePath = [...path, selection.alias?.value ?? selection.name.value];
        for (const type of objectTypes(parent)) {
          const definition = type.getFields()[selection.name.value];
          if (!definition) continue;
          explainField(responsePath.join('.'), `${type.name}.${selection.name.value}`);
          if (selection.selectionSet) walk(selection.selectionSet, getNamedType(definition.type), responsePath, seen);
        }
      }
    }
  };
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
    const root = definition.operation === 'mutation' ? apiSchema.getMutationType() : apiSchema.getQueryType();
    if (root) walk(definition.selectionSet, root, [], new Set());
  }
  return results;
}
