// The cost of the operation against the caller's budget (shared/limits), before anything executes: a
// stolen or replayed internal token cannot ask for more than the gateway would let its caller. A gateway
// fetch (`_entities`) counts once per representation. The other limits were checked with the document
// (documentCache.ts); the cost depends on the variables and the caller, so it is checked per call.
import type { DocumentNode, GraphQLSchema } from 'graphql';
import type { Principal } from '../../auth/Principal.ts';
import { createCostCheck } from '../../limits/checkOperation.ts';
import type { OperationLimits } from '../../limits/operationLimits.ts';
import type { GraphQLRequest } from './readGraphQLRequest.ts';
import { refusal, type Stage } from './Stage.ts';

export function limitQueryCost(
  schema: GraphQLSchema,
  limits: OperationLimits | null,
): Stage<{ request: GraphQLRequest; document: DocumentNode; principal: Principal }> {
  const check = createCostCheck(schema);
  return (call, next) => {
    const refused = limits && check(call.document, call.principal.roles, limits, call.request.variables);
    return refused ? Promise.resolve(refusal(400, refused.message, String(refused.extensions.code))) : next({});
  };
}
