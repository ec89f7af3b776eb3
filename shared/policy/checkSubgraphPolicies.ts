import { buildSubgraphSchema } from '@apollo/subgraph';
import type { DocumentNode, GraphQLSchema } from 'graphql';
import { loadSubgraphPolicies, type CheckedProblem, type LoadedPolicies } from './loadSubgraphPolicies.ts';
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
export function checkSubgraphPolicies(name: string, typeDefs: DocumentNode, policyDir?: string): { loaded: LoadedPolicies; problems: CheckedProblem[] } {
  const loaded = loadSubgraphPolicies(name, policySchemaOf(typeDefs), policyDir);
  const problems: CheckedProblem[] = loaded.compiled ? stateSecretDisagreements(name, typeDefs, loaded.compiled) : loaded.problems;
  return { loaded, problems };
}
