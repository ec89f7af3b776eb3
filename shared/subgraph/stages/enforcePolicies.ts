// The schema a call executes against: the one whose field rules, compiled from policies/, decide
// every field (shared/policy/policyEnforcer.ts keeps it in step with the files). Taken per
// call, so a policy change counts from the next call.
import type { GraphQLSchema } from 'graphql';
import type { Stage } from './Stage.ts';

export interface PolicyFolderContext {
  /** Where this service's policies live (the platform's policy console writes there). */
  policyDir: string;
}

export function enforcePolicies(schema: () => GraphQLSchema, policyDir: string): Stage<unknown, { schema: GraphQLSchema } & PolicyFolderContext> {
  return (_call, next) => next({ schema: schema(), policyDir });
}
