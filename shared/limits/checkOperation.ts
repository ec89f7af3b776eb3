// Every limit of shared/limits on one operation, for whoever must decide before doing any work with it:
// the gateway before planning, a subgraph before executing, explainAccess before walking a query.
import type { DocumentNode, GraphQLError, GraphQLSchema } from 'graphql';
import type { Role } from '../auth/Principal.ts';
import { operationCost } from './operationCost.ts';
import { configuredOperationLimits, costBudgetFor, LIMIT_CODES, limitRefusal, type OperationLimits } from './operationLimits.ts';
import { measureText, staticLimitRefusal } from './staticLimits.ts';

type Variables = Readonly<Record<string, unknown>> | null | undefined;

/**
 * The refusal of the first limit the operation breaks, or null. A text that is not GraphQL at all is
 * not refused here: the caller's parser says what is wrong with it. `limits`: this process's by default
 * (null only in the benchmark's run without limits: nothing is refused).
 */
export function checkOperation(
  schema: GraphQLSchema,
  query: string | DocumentNode,
  roles: readonly Role[],
  limits: OperationLimits | null = configuredOperationLimits(),
  variables?: Variables,
): GraphQLError | null {
  if (!limits) return null;
  if (typeof query !== 'string') return staticLimitRefusal(schema, query, limits) ?? createCostCheck(schema)(query, roles, limits, variables);
  const measured = measureText(schema, query, limits);
  if ('refusal' in measured) return measured.refusal;
  if ('syntaxError' in measured) return null;
  return createCostCheck(schema)(measured.document, roles, limits, variables);
}

/**
 * The cost check, remembering per document the cost of those whose list sizes are written in the text
 * (the same text gives the same DocumentNode from a document cache), so a repeated operation costs a
 * lookup and a comparison with the caller's budget.
 */
export function createCostCheck(schema: GraphQLSchema) {
  const fixedCosts = new WeakMap<DocumentNode, number>();
  return (document: DocumentNode, roles: readonly Role[], limits: OperationLimits, variables?: Variables): GraphQLError | null => {
    let cost = fixedCosts.get(document);
    if (cost === undefined) {
      const costed = operationCost(schema, document, variables);
      if (!costed.readsVariables) fixedCosts.set(document, costed.cost);
      cost = costed.cost;
    }
    const budget = costBudgetFor(roles, limits);
    if (cost <= budget) return null;
    const figure = Number.isFinite(cost) ? Math.round(cost) : 'beyond measure';
    return limitRefusal(LIMIT_CODES.cost, `Query cost ${figure} exceeds the limit of ${budget} for ${roles.length ? `the role ${roles.join(', ')}` : 'a caller without a token'} (each field counts once per item of the lists it is in)`);
  };
}
