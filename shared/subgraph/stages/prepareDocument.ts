// Parse and validate the operation, once per distinct text (documentCache.ts); a bad one is refused
// with 400 and the validation errors, before anything executes.
import { GraphQLError, type DocumentNode } from 'graphql';
import type { Prepared } from '../documentCache.ts';
import type { GraphQLRequest } from './readGraphQLRequest.ts';
import type { Stage } from './Stage.ts';

export function prepareDocument(prepare: (query: string) => Prepared): Stage<{ request: GraphQLRequest }, { document: DocumentNode }> {
  return (call, next) => {
    const prepared = prepare(call.request.query);
    if ('document' in prepared) return next({ document: prepared.document });
    const errors = prepared.errors.map((error) => new GraphQLError(error.message, { nodes: error.nodes, extensions: { code: prepared.code } }));
    return Promise.resolve({ status: 400, body: { errors } });
  };
}
