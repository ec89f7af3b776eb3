// A real operation that reads one sharing service's fields through the gateway, generated from the public
// (supergraph API) schema: the shortest way from a root field to the service's type, every required
// argument on the way passed as a variable, and the group's fields selected (a field returning an object
// selects only __typename). The root types themselves (Query, Mutation) are their own way in.
import {
  getNamedType,
  isCompositeType,
  isNonNullType,
  isObjectType,
  type GraphQLArgument,
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLSchema,
} from 'graphql';

export interface ExampleQuery {
  /** The operation text, with its variables declared. */
  operation: string;
  /** Each variable the caller must pass, as declared: `$id: ID!`. */
  variables: string[];
  /** Root field to the field returning the type, e.g. ['citizens', 'nodes']; empty for the root type's own fields. */
  path: string[];
}

type Field = GraphQLField<unknown, unknown>;

const required = (field: Field): readonly GraphQLArgument[] => field.args.filter((arg) => isNonNullType(arg.type) && arg.defaultValue === undefined);

/**
 * Which of the service's rules a caller could pass a field of the way with (`Type.field` -> rule ids);
 * null: every rule. The way chosen is the one the most rules can use (`citizen(id:)` over `me`, which
 * only a citizen opens), then the shortest, then the one needing fewer arguments.
 */
export type RulesThrough = (coordinate: string) => ReadonlySet<string> | null;

interface Way {
  type: GraphQLObjectType;
  fields: Field[];
  cost: number;
  rules: ReadonlySet<string> | null;
}

const reach = (rules: ReadonlySet<string> | null) => (rules === null ? Number.POSITIVE_INFINITY : rules.size);
const intersect = (a: ReadonlySet<string> | null, b: ReadonlySet<string> | null) => (a === null ? b : b === null ? a : new Set([...a].filter((rule) => b.has(rule))));
const better = (a: Way, b: Way) => reach(b.rules) - reach(a.rules) || a.fields.length - b.fields.length || a.cost - b.cost;

/** The best chain of fields from a root of `schema` to a field returning `target` (best first, over object types). */
export function pathTo(schema: GraphQLSchema, target: string, rulesThrough: RulesThrough = () => null): { root: GraphQLObjectType; fields: Field[] } | null {
  for (const root of [schema.getQueryType(), schema.getMutationType()]) {
    if (!root) continue;
    const settled = new Set<string>();
    const open: Way[] = [{ type: root, fields: [], cost: 0, rules: null }];
    while (open.length) {
      open.sort(better);
      const way = open.shift()!;
      if (way.type.name === target && way.fields.length) return { root, fields: way.fields };
      if (settled.has(way.type.name)) continue;
      settled.add(way.type.name);
      for (const field of Object.values(way.type.getFields())) {
        const named = getNamedType(field.type);
        if (!isObjectType(named) || (settled.has(named.name) && named.name !== target)) continue;
        open.push({
          type: named,
          fields: [...way.fields, field],
          cost: way.cost + required(field).length,
          rules: intersect(way.rules, rulesThrough(`${way.type.name}.${field.name}`)),
        });
      }
    }
  }
  return null;
}

/** `population.citizen:identity` -> `PopulationCitizenIdentity`. */
export function operationNameOf(serviceId: string): string {
  return serviceId
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((part) => part[0].toUpperCase() + part.slice(1))
    .join('');
}

export function exampleQuery(schema: GraphQLSchema, serviceId: string, typeName: string, fieldNames: readonly string[], rulesThrough?: RulesThrough): ExampleQuery | null {
  const type = schema.getType(typeName);
  if (!isObjectType(type)) return null;
  const fields = fieldNames.map((name) => type.getFields()[name]).filter((field): field is Field => field !== undefined);
  if (!fields.length) return null;
  const isRoot = type === schema.getQueryType() || type === schema.getMutationType();
  const way = isRoot ? { root: type, fields: [] as Field[] } : pathTo(schema, typeName, rulesThrough);
  if (!way) return null;

  const variables: string[] = [];
  const used = new Set<string>();
  const call = (field: Field): string => {
    const args = required(field).map((arg) => {
      let name = arg.name;
      if (used.has(name)) name = `${field.name}${arg.name[0].toUpperCase()}${arg.name.slice(1)}`;
      used.add(name);
      variables.push(`$${name}: ${String(arg.type)}`);
      return `${arg.name}: $${name}`;
    });
    return args.length ? `${field.name}(${args.join(', ')})` : field.name;
  };
  const leaf = (field: Field) => (isCompositeType(getNamedType(field.type)) ? `${call(field)} { __typename }` : call(field));

  const indent = (depth: number) => '  '.repeat(depth);
  const opening = way.fields.map((field, depth) => `${indent(depth + 1)}${call(field)} {`);
  const body = fields.map((field) => `${indent(way.fields.length + 1)}${leaf(field)}`);
  const closing = way.fields.map((_, depth) => `${indent(way.fields.length - depth)}}`);
  const kind = way.root === schema.getMutationType() ? 'mutation' : 'query';
  const declared = variables.length ? `(${variables.join(', ')})` : '';
  const operation = [`${kind} ${operationNameOf(serviceId)}${declared} {`, ...opening, ...body, ...closing, '}'].join('\n');
  return { operation, variables, path: way.fields.map((field) => field.name) };
}
