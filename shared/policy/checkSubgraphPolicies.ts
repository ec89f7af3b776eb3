import { buildSubgraphSchema } from '@apollo/subgraph';
import type { DocumentNode } from 'graphql';
import { formatProblems, loadSubgraphPolicies, type LoadedPolicies } from './loadSubgraphPolicies.ts';
import { stateSecretDisagreements } from './stateSecretAgreement.ts';

/**
 * Everything that can be wrong with a subgraph's policies, offline: the files against the schema and
 * catalogues, and state secrets against the schema's @inaccessible fields.
 */
export function checkSubgraphPolicies(name: string, typeDefs: DocumentNode, policyDir?: string): { loaded: LoadedPolicies; problems: string[] } {
  const loaded = loadSubgraphPolicies(name, buildSubgraphSchema({ typeDefs }), policyDir);
  const problems = loaded.compiled
    ? stateSecretDisagreements(name, typeDefs, loaded.compiled)
    : formatProblems(loaded.problems).split('\n').filter(Boolean);
  return { loaded, problems };
}
