// Parsing and validating the same operation text on every call is most of a subgraph's CPU; the gateway
// sends a small set of query-plan operations, so a bounded cache keyed by text removes that cost.
import { NoSchemaIntrospectionCustomRule, parse, specifiedRules, validate, GraphQLError, type DocumentNode, type GraphQLSchema } from 'graphql';

const MAX_ENTRIES = 1000;

// A subgraph's own schema still names its state-secret fields (@inaccessible hides them only from the
// composed public schema), and nobody needs to introspect a subgraph: composition is offline.
const RULES = [...specifiedRules, NoSchemaIntrospectionCustomRule];
const MAX_TOKENS = 10_000;

export type Prepared = { document: DocumentNode } | { errors: readonly GraphQLError[]; code: string };

export function createDocumentCache(schema: GraphQLSchema): (query: string) => Prepared {
  const cache = new Map<string, Prepared>();
  return (query) => {
    const hit = cache.get(query);
    if (hit) return hit;
    let prepared: Prepared;
    try {
      const document = parse(query, { maxTokens: MAX_TOKENS });
      const errors = validate(schema, document, RULES);
      prepared = errors.length ? { errors, code: 'GRAPHQL_VALIDATION_FAILED' } : { document };
    } catch (error) {
      if (!(error instanceof GraphQLError)) throw error;
      prepared = { errors: [error], code: 'GRAPHQL_PARSE_FAILED' };
    }
    if (cache.size >= MAX_ENTRIES) cache.delete(cache.keys().next().value as string);
    cache.set(query, prepared);
    return prepared;
  };
}
