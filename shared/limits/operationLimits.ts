// The limits every operation is held to, and the one shape of a refusal: a GraphQLError whose code
// names the limit and whose message names the limit and the figure the operation reached.
import { GraphQLError } from 'graphql';
import type { Role } from '../auth/Principal.ts';
import { config } from '../config/config.ts';
import type { OperationLimitSettings } from '../config/readConfig.ts';
import type { OperationLimitCode } from '../errors/clientErrors.ts';

export type OperationLimits = OperationLimitSettings;

export const LIMIT_CODES = {
  depth: 'QUERY_TOO_DEEP',
  aliases: 'TOO_MANY_ALIASES',
  rootFields: 'TOO_MANY_ROOT_FIELDS',
  tokens: 'TOO_MANY_TOKENS',
  directives: 'TOO_MANY_DIRECTIVES',
  fields: 'TOO_MANY_FIELDS',
  cost: 'QUERY_TOO_COMPLEX',
} as const satisfies Record<string, OperationLimitCode>;
export type LimitCode = (typeof LIMIT_CODES)[keyof typeof LIMIT_CODES];

/** The limits of this process (MAX_QUERY_DEPTH, …); null only for the benchmark's run without limits. */
export function configuredOperationLimits(): OperationLimits | null {
  return config.operationLimits;
}

export function limitRefusal(code: LimitCode, message: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code } });
}

/**
 * The cost budget of a caller: the largest of its roles' budgets; `anonymous` without a role. A role
 * without a budget of its own gets the smallest there is (deny by default).
 */
export function costBudgetFor(roles: readonly Role[], limits: OperationLimits): number {
  const budgets = Object.values(limits.costBudgets);
  if (roles.length === 0) return limits.costBudgets.anonymous ?? Math.min(...budgets);
  return Math.max(...roles.map((role) => limits.costBudgets[role] ?? Math.min(...budgets)));
}

/**
 * What a subgraph allows: the same limits, with a margin for what the gateway's query planner adds to a
 * client's operation. A fetch for entities is wrapped in `_entities(representations: …) { … on Type { … } }`
 * (one or two more levels than the client's slice), repeats key fields and `__typename` at every
 * boundary, and spells out the client's fragments in full (more tokens than the client's text).
 */
export function subgraphAllowance(limits: OperationLimits): OperationLimits {
  return {
    ...limits,
    maxDepth: limits.maxDepth + 2,
    maxRootFields: limits.maxRootFields + 1,
    maxFields: limits.maxFields * 2 + 100,
    // Fragments spelled out: each expanded field is a handful of tokens (name, arguments, braces).
    maxTokens: Math.max(limits.maxTokens * 2, limits.maxFields * 12),
  };
}
