// Last: graphql-js runs the prepared operation against the enforced schema, with the context its
// resolvers and policy rules read.
import { execute, type DocumentNode, type GraphQLSchema } from 'graphql';
import type { GraphQLRequest } from './readGraphQLRequest.ts';
import type { Answer } from './Stage.ts';

export interface ExecutableCall {
  schema: GraphQLSchema;
  document: DocumentNode;
  request: GraphQLRequest;
}

export async function executeOperation(call: ExecutableCall, context: object): Promise<Answer> {
  const result = await execute({
    schema: call.schema,
    document: call.document,
    variableValues: call.request.variables,
    operationName: call.request.operationName,
    contextValue: context,
  });
  return { status: 200, body: { data: result.data, errors: result.errors } };
}
