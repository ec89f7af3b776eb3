// A state secret is hidden in two places that must agree: `@inaccessible` in the subgraph schema (so
// the composed public schema lacks it) and `state-secret` in the policy (so the subgraph denies it).
import { Kind, type DocumentNode } from 'graphql';
import type { CompiledPolicies } from './compilePolicies.ts';
import { policyProblem, type PolicyProblemText } from './PolicyDocument.ts';

export function inaccessibleFields(typeDefs: DocumentNode): Set<string> {
  const fields = new Set<string>();
  for (const definition of typeDefs.definitions) {
    if (definition.kind !== Kind.OBJECT_TYPE_DEFINITION && definition.kind !== Kind.OBJECT_TYPE_EXTENSION) continue;
    for (const field of definition.fields ?? []) {
      if (field.directives?.some((directive) => directive.name.value === 'inaccessible')) fields.add(`${definition.name.value}.${field.name.value}`);
    }
  }
  return fields;
}

export function stateSecretDisagreements(subgraph: string, typeDefs: DocumentNode, policies: CompiledPolicies): PolicyProblemText[] {
  const hidden = inaccessibleFields(typeDefs);
  const problems: PolicyProblemText[] = [];
  for (const coordinate of policies.stateSecrets) {
    if (!hidden.has(coordinate)) problems.push(policyProblem('STATE_SECRET_NOT_INACCESSIBLE', { field: coordinate, subgraph }, `${coordinate} is classified state-secret in the ${subgraph} policies but is not @inaccessible in ${subgraph}.graphql`));
  }
  for (const coordinate of hidden) {
    const level = policies.fields.get(coordinate)?.level ?? 'unclassified';
    if (!policies.stateSecrets.has(coordinate)) problems.push(policyProblem('INACCESSIBLE_NOT_STATE_SECRET', { field: coordinate, subgraph, level }, `${coordinate} is @inaccessible in ${subgraph}.graphql but classified ${level} in the ${subgraph} policies`));
  }
  return problems;
}
