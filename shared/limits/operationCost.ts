// The estimated cost of an operation: every field costs 1, times the size of the lists it sits in. A
// paginated field (one with a `first` argument) counts `first`, or its default page size (on a page
// type, at the page's `nodes`); any other list counts UNPAGINATED_LIST_ESTIMATE; `_entities` (a gateway fetch at a subgraph) counts its
// representations; a field that fans out to every agency counts once per agency. Introspection is
// answered by the gateway from its schema: flat. Each fragment is costed once per operation walk.
import {
  getNamedType,
  getNullableType,
  isListType,
  isObjectType,
  isInterfaceType,
  Kind,
  valueFromASTUntyped,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLArgument,
  type GraphQLNamedType,
  type GraphQLSchema,
  type SelectionSetNode,
  type ValueNode,
} from 'graphql';
import { LIST_BOUNDS, type ListBound } from '../loaders/listBounds.ts';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../loaders/pagination.ts';

/** An unpaginated list (a citizen's formerUnits, purposes, …) is assumed this long. */
export const UNPAGINATED_LIST_ESTIMATE = 10;
/** __schema and __type: answered from the schema in memory, whatever their selection. */
export const INTROSPECTION_COST = 1;

/**
 * Fields that ask other agencies, from the table of list bounds: the platform's access logs read every
 * agency's disclosure log (gateway/src/plugins/useRelayAudiences.ts), so they cost once per agency.
 */
export const FAN_OUT: Readonly<Record<string, number>> = Object.fromEntries(
  Object.entries(LIST_BOUNDS as Record<string, ListBound>).flatMap(([field, bound]) =>
    bound.kind === 'first' && bound.fanOut ? [[field.slice(field.indexOf('.') + 1), bound.fanOut]] : [],
  ),
);

/** The most a paginated field serves (its `first` is refused above), from the table of list bounds. */
function pageMaximum(parent: GraphQLNamedType | undefined, field: string): number {
  const bound = parent ? (LIST_BOUNDS as Record<string, ListBound>)[`${parent.name}.${field}`] : undefined;
  return bound?.kind === 'first' ? bound.max : MAX_PAGE_SIZE;
}

export interface Costed {
  /** The most expensive operation of the document. */
  cost: number;
  /** Whether a list size came from the variables: then the figure holds only for these variables. */
  readsVariables: boolean;
}

/** A page type: its list (`nodes`) is as long as the `first` of the field that returned it. */
function isConnection(type: GraphQLNamedType | undefined): boolean {
  return !!type && (isObjectType(type) || isInterfaceType(type)) && 'pageInfo' in type.getFields();
}

type Variables = Readonly<Record<string, unknown>> | null | undefined;

export function operationCost(schema: GraphQLSchema, document: DocumentNode, variables: Variables): Costed {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  const memo = new Map<string, number>();
  let readsVariables = false;
  const argumentOf = (field: FieldNode, name: string) => field.arguments?.find((given) => given.name.value === name)?.value;

  const sizeOf = (node: ValueNode | undefined, read: (value: unknown) => number | undefined): number | undefined => {
    if (!node) return undefined;
    if (node.kind === Kind.VARIABLE) {
      readsVariables = true;
      return read(variables?.[node.name.value]);
    }
    return read(valueFromASTUntyped(node));
  };
  const asCount = (value: unknown) => (typeof value === 'number' && Number.isFinite(value) ? Math.max(1, Math.floor(value)) : undefined);
  const asLength = (value: unknown) => (Array.isArray(value) ? Math.max(1, value.length) : undefined);

  /** A paginated field's page: `first`, or its default, at most its maximum (beyond it, the field refuses). */
  const pageOf = (field: FieldNode, first: GraphQLArgument, parent: GraphQLNamedType | undefined): number =>
    Math.min(pageMaximum(parent, field.name.value), sizeOf(argumentOf(field, 'first'), asCount) ?? asCount(first.defaultValue) ?? DEFAULT_PAGE_SIZE);

  /** `page`: the size of the page being selected, inside a connection (a type with `pageInfo`). */
  const ofSelections = (selectionSet: SelectionSetNode, type: GraphQLNamedType | undefined, page: number | undefined): number => {
    let cost = 0;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FRAGMENT_SPREAD) cost += ofFragment(selection.name.value, page);
      else if (selection.kind === Kind.INLINE_FRAGMENT) {
        cost += ofSelections(selection.selectionSet, selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : type, page);
      } else if (selection.name.value === '__schema' || selection.name.value === '__type') cost += INTROSPECTION_COST;
      else cost += ofField(selection, type, page);
    }
    return cost;
  };

  const ofField = (field: FieldNode, parent: GraphQLNamedType | undefined, page: number | undefined): number => {
    const definition = parent && (isObjectType(parent) || isInterfaceType(parent)) ? parent.getFields()[field.name.value] : undefined;
    const type = definition && getNamedType(definition.type);
    let times = FAN_OUT[field.name.value] ?? 1;
    let innerPage: number | undefined;
    const first = definition?.args.find((arg) => arg.name === 'first');
    if (field.name.value === '_entities') times *= sizeOf(argumentOf(field, 'representations'), asLength) ?? 1;
    else if (first && isConnection(type)) innerPage = pageOf(field, first, parent); // counted at the connection's list
    else if (first) times *= pageOf(field, first, parent);
    else if (definition && isListType(getNullableType(definition.type))) times *= isConnection(parent) ? (page ?? DEFAULT_PAGE_SIZE) : UNPAGINATED_LIST_ESTIMATE;
    return times * (1 + (field.selectionSet ? ofSelections(field.selectionSet, type, innerPage) : 0));
  };

  const ofFragment = (name: string, page: number | undefined): number => {
    const key = `${name}@${page ?? ''}`;
    const known = memo.get(key);
    if (known !== undefined) return known;
    memo.set(key, 0); // a cycle (refused by validation) costs nothing more
    const fragment = fragments.get(name);
    const cost = fragment ? ofSelections(fragment.selectionSet, schema.getType(fragment.typeCondition.name.value), page) : 0;
    memo.set(key, cost);
    return cost;
  };

  let cost = 0;
  for (const definition of document.definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
    const root = schema.getRootType(definition.operation) ?? undefined;
    cost = Math.max(cost, ofSelections(definition.selectionSet, root, undefined));
  }
  return { cost, readsVariables };
}
