// Parsing and validating the same operation text on every call is most of a subgraph's CPU; the gateway
// sends a small set of query-plan operations, so a bounded cache keyed by text removes that cost. The
// operation limits a text decides alone (shared/limits) are checked here too, before graphql-js's own
// rules (whose work grows with the document), so a bomb on a stolen internal token is refused cheaply.
import { NoSchemaIntrospectionCustomRule, parse, specifiedRules, validate, GraphQLError, type DocumentNode, type GraphQLSchema } from 'graphql';
import { subgraphAllowance, type OperationLimits } from '../limits/operationLimits.ts';
import { measureText } from '../limits/staticLimits.ts';

const MAX_ENTRIES = 1000;

// A subgraph's own schema still names its state-secret fields (@inaccessible hides them only from the
// composed public schema), and nobody needs to introspect a subgraph: composition is offline.
const RULES = [...specifiedRules, NoSchemaIntrospectionCustomRule];
/** Only for the benchmark's run without operation limits. */
const MAX_TOKENS_WITHOUT_LIMITS = 10_000;

export type Prepared = { document: DocumentNode } | { errors: readonly GraphQLError[]; code: string };

/** `limits`: the gateway's, which a subgraph applies with a margin for query-plan fetches; null: none. */
export function createDocumentCache(schema: GraphQLSchema, limits: OperationLimits | null): (query: string) => Prepared {
  const cache = new Map<string, Prepared>();
  const allowed = limits && subgraphAllowance(limits);
  return (query) => {
    const hit = cache.get(query);
    if (hit) return hit;
    const prepared = prepare(schema, query, allowed);
    if (cache.size >= MAX_ENTRIES) cache.delete(cache.keys().next().value as string);
    cache.set(query, prepared);
    return prepared;
  };
}

function prepare(schema: GraphQLSchema, query: string, limits: OperationLimits | null): Prepared {
  let document: DocumentNode;
  if (limits) {
    const measured = measureText(schema, query, limits);
    if ('refusal' in measured) return refused(measured.refusal);
    if ('syntaxError' in measured) return { errors: [measured.syntaxError], code: 'GRAPHQL_PARSE_FAILED' };
    document = measured.document;
  } else {
    try {
      document = parse(query, { maxTokens: MAX_TOKENS_WITHOUT_LIMITS });
    } catch (error) {
      if (!(error instanceof GraphQLError)) throw error;
      return { errors: [error], code: 'GRAPHQL_PARSE_FAILED' };
    }
  }
  const errors = validate(schema, document, RULES);
  return errors.length ? { errors, code: 'GRAPHQL_VALIDATION_FAILED' } : { document };
}

function refused(refusal: GraphQLError): Prepared {
  return { errors: [refusal], code: String(refusal.extensions.code) };
}
