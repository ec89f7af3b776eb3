import { buildSubgraphSchema } from '@apollo/subgraph';
import type { DocumentNode, GraphQLSchema } from 'graphql';
import { formatProblems, loadSubgraphPolicies, type LoadedPolicies } from './loadSubgraphPolicies.ts';
import { stateSecretDisagreements } from './stateSecretAgreement.ts';

const typeSchemas = new WeakMap<DocumentNode, GraphQLSchema>();

/** The subgraph schema (types only) policies are checked against, built once per schema document. */
export function policySchemaOf(typeDefs: DocumentNode): GraphQLSchema {
  let schema = typeSchemas.get(typeDefs);
  if (!schema) {
    schema = buildSubgraphSchema({ typeDefs });
    typeSchemas.set(typeDefs, schema);
  }
  return schema;
}

/**
 * Everything that can be wrong with a subgraph's policies, offline: the files against the schema and
 * catalogues, and state secrets against the schema's @inaccessible fields.
 */
export function checkSubgraphPolicies(name: string, typeDefs: DocumentNode, policyDir?: string): { loaded: LoadedPolicies; problems: string[] } {
  const loaded = loadSubgraphPolicies(name, policySchemaOf(typeDefs), policyDir);
  const problems = loaded.compiled
    ? stateSecretDisagreements(name, typeDefs, loaded.compiled)
    : formatProblems(loaded.problems).split('\n').filter(Boolean);
  return { loaded, problems };
}
