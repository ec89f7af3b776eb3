import { subgraphTypeDefs } from '../../../shared/config/subgraphSchemas.ts';
import type { CompiledPolicies } from '../../../shared/policy/compilePolicies.ts';
import { policySchemaOf } from '../../../shared/policy/checkSubgraphPolicies.ts';
import { loadSubgraphPolicies } from '../../../shared/policy/loadSubgraphPolicies.ts';

/** Every agency's policies as they are in force now (the folder the subgraphs watch). */
export function policiesOnDisk(dir: string): Map<string, CompiledPolicies> {
  const policies = new Map<string, CompiledPolicies>();
  for (const { name, typeDefs } of subgraphTypeDefs()) {
    const loaded = loadSubgraphPolicies(name, policySchemaOf(typeDefs), dir);
    if (loaded.compiled) policies.set(name, loaded.compiled);
  }
  return policies;
}
