// Composes the static supergraph from each agency's schema file, offline (no introspection at runtime,
// no Rover download). `npm run compose` writes it; a test fails when the committed file is stale.
import { composeServices } from '@apollo/composition';
import { findService } from '../shared/config/services.ts';
import { subgraphTypeDefs } from '../shared/config/subgraphSchemas.ts';
import { checkSubgraphPolicies } from '../shared/policy/checkSubgraphPolicies.ts';
import { problemLine } from '../shared/policy/loadSubgraphPolicies.ts';

export function composeSupergraph(): string {
  const services = subgraphTypeDefs().map(({ name, typeDefs }) => ({
    name,
    url: `http://127.0.0.1:${findService(name)!.defaultPort}/graphql`,
    typeDefs,
  }));
  // The public schema must never carry a classified field: policies and schemas must agree first.
  const problems = services.flatMap((service) => checkSubgraphPolicies(service.name, service.typeDefs).problems);
  if (problems.length) throw new Error(`Composition refused:\n${problems.map((problem) => `- ${problemLine(problem)}`).join('\n')}`);
  const result = composeServices(services);
  if (result.errors) {
    throw new Error(`Composition failed:\n${result.errors.map((error) => `- ${error.message}`).join('\n')}`);
  }
  return result.supergraphSdl;
}
