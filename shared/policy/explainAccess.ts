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
import { checkOperation } from '../limits/checkOperation.ts';
import { MAX_EXPLAINED_FIELDS } from '../loaders/listBounds.ts';
import type { CompiledPolicies } from './compilePolicies.ts';
import { decideAccess } from './decideAccess.ts';
import { NO_CONNECTIONS, type HeldConnections } from './HeldConnections.ts';

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

/** Tokens (names, punctuation, values) a query to explain may have: a huge text is refused before any work. */
export const EXPLAIN_MAX_TOKENS = 10_000;
/** Field decisions one explanation may list (one per response path and field): bounds the answer and the walk. */
export const EXPLAIN_MAX_FIELDS = MAX_EXPLAINED_FIELDS;

/** A field the query asks for: where it lands in the response, and the `Type.field` decided. */
interface AskedField {
  path: string;
  coordinate: string;
}

/**
 * The fields a selection asks for, in document order, each (path, coordinate) once: the response has
 * one value per path, so a field selected twice there (directly or through fragments) is one decision.
 */
class AskedFields {
  readonly list: AskedField[] = [];
  private readonly keys = new Set<string>();
  /** Fragments already spread at a path: spreading one again there adds nothing. */
  private readonly spreads = new Set<string>();

  add(path: string, coordinate: string): void {
    const key = `${path} ${coordinate}`;
    if (this.keys.has(key)) return;
    if (this.list.length >= EXPLAIN_MAX_FIELDS) {
      throw badUserInput(`The query asks for more than ${EXPLAIN_MAX_FIELDS.toLocaleString('en')} fields (counted per response path); explain a smaller query`, 'query');
    }
    this.keys.add(key);
    this.list.push({ path, coordinate });
  }

  /** False when the fragment was already spread at this path. */
  firstSpread(fragment: string, path: string): boolean {
    const key = `${fragment} ${path}`;
    if (this.spreads.has(key)) return false;
    this.spreads.add(key);
    return true;
  }
}

const joinPath = (prefix: string, rest: string) => (prefix === '' ? rest : `${prefix}.${rest}`);

function parseQuery(queryText: string) {
  try {
    return parse(queryText, { maxTokens: EXPLAIN_MAX_TOKENS });
  } catch (error) {
    const message = (error as Error).message;
    if (/\d+ tokens\. Parsing aborted/.test(message)) {
      throw badUserInput(`The query has more than ${EXPLAIN_MAX_TOKENS.toLocaleString('en')} tokens (names, punctuation, values); explain a smaller query`, 'query');
    }
    throw badUserInput(`The query does not parse: ${message}`, 'query');
  }
}

/**
 * Each requested field, once per response path, in document order, with the decision of every
 * subgraph whose policy names it. The walk is linear in the query: a named fragment's fields are
 * walked once (its type condition decides them, wherever it is spread) and copied to each path it is
 * spread at, and spreading it again at the same path adds nothing; the answer is bounded by
 * EXPLAIN_MAX_FIELDS, so fragments that fan out to ever more paths are refused, not expanded.
 */
/** `connections`: the principal's agency's connection agreements for its purpose, as the registry holds them now. */
export function explainAccess(
  apiSchema: GraphQLSchema,
  policies: ReadonlyMap<string, CompiledPolicies>,
  principal: Principal,
  queryText: string,
  connections: HeldConnections = NO_CONNECTIONS,
): FieldAccess[] {
  const document = parseQuery(queryText);
  // The operation limits the principal would meet at the gateway, before any work that grows with it.
  const overLimit = checkOperation(apiSchema, document, principal.roles);
  if (overLimit) throw overLimit;
  const errors = validate(apiSchema, document);
  if (errors.length) throw badUserInput(`The query is not valid: ${errors.map((error) => withoutSuggestions(error.message)).join('; ')}`, 'query');
  const fragments = new Map(
    document.definitions
      .filter((definition): definition is FragmentDefinitionNode => definition.kind === Kind.FRAGMENT_DEFINITION)
      .map((fragment) => [fragment.name.value, fragment]),
  );
  const objectTypes = (type: GraphQLNamedType): readonly GraphQLObjectType[] =>
    isObjectType(type) ? [type] : isAbstractType(type) ? apiSchema.getPossibleTypes(type) : [];

  // A decision depends on the field, not on where it sits: one per coordinate.
  const decisions = new Map<string, Omit<FieldAccess, 'path'>[]>();
  const decide = (coordinate: string): Omit<FieldAccess, 'path'>[] => {
    const known = decisions.get(coordinate);
    if (known) return known;
    const outcomes = new Map<string, Omit<FieldAccess, 'path'>>();
    for (const [subgraph, compiled] of policies) {
      const field = compiled.fields.get(coordinate);
      if (!field) continue;
      const forOthers = decideAccess(field, principal, () => [SOMEONE_ELSE], connections);
      const forOwn = forOthers.allowed ? forOthers : decideAccess(field, principal, () => (principal.subject ? [principal.subject] : []), connections);
      const decision = forOthers.allowed ? forOthers : forOwn.allowed ? forOwn : forOthers;
      const entry = {
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
    const decided =
      outcomes.size === 0
        ? [{ coordinate, subgraphs: [], allowed: false, onlyOwnRecord: false, reason: 'NOT_GRANTED', policy: null, rule: null, legalBasis: null }]
        : [...outcomes.values()];
    decisions.set(coordinate, decided);
    return decided;
  };

  // Fields of each named fragment, at paths relative to where it is spread: walked once each.
  const fragmentFields = new Map<string, AskedField[]>();
  const walking = new Set<string>();
  const fieldsOfFragment = (fragment: FragmentDefinitionNode): AskedField[] => {
    const name = fragment.name.value;
    const known = fragmentFields.get(name);
    if (known) return known;
    // Validation refuses fragment cycles; this only keeps the walk finite if one got through.
    if (walking.has(name)) return [];
    walking.add(name);
    const asked = new AskedFields();
    collect(fragment.selectionSet, apiSchema.getType(fragment.typeCondition.name.value)!, '', asked);
    walking.delete(name);
    fragmentFields.set(name, asked.list);
    return asked.list;
  };

  const collect = (selectionSet: SelectionSetNode, parent: GraphQLNamedType, path: string, asked: AskedFields): void => {
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.INLINE_FRAGMENT) {
        const type = selection.typeCondition ? apiSchema.getType(selection.typeCondition.name.value)! : parent;
        collect(selection.selectionSet, type, path, asked);
      } else if (selection.kind === Kind.FRAGMENT_SPREAD) {
        const fragment = fragments.get(selection.name.value);
        if (!fragment || !asked.firstSpread(fragment.name.value, path)) continue;
        for (const field of fieldsOfFragment(fragment)) asked.add(joinPath(path, field.path), field.coordinate);
      } else if (!selection.name.value.startsWith('__')) {
        const responsePath = joinPath(path, selection.alias?.value ?? selection.name.value);
        for (const type of objectTypes(parent)) {
          const definition = type.getFields()[selection.name.value];
          if (!definition) continue;
          asked.add(responsePath, `${type.name}.${selection.name.value}`);
          if (selection.selectionSet) collect(selection.selectionSet, getNamedType(definition.type), responsePath, asked);
        }
      }
    }
  };

  const results: FieldAccess[] = [];
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
    const root = definition.operation === 'mutation' ? apiSchema.getMutationType() : apiSchema.getQueryType();
    if (!root) continue;
    const asked = new AskedFields();
    collect(definition.selectionSet, root, '', asked);
    for (const { path, coordinate } of asked.list) {
      for (const decision of decide(coordinate)) results.push({ path, ...decision, subgraphs: [...decision.subgraphs] });
    }
  }
  return results;
}
