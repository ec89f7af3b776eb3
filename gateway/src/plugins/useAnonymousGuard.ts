// A caller without a token may explore the schema (introspection, answered by the gateway itself) and
// use open data (Thái Bình QĐ 27/2025 Đ8: anyone, without asking): an operation whose root fields are all
// open-data fields of the platform. Nothing else of an anonymous request ever reaches a subgraph, and the
// platform's policies still decide every field it answers (rules open to `anyone`, public groups only).
import { GraphQLError } from 'graphql';
import type { ApolloServerPlugin } from '@apollo/server';
import { isAnonymous } from '../../../shared/auth/Principal.ts';
import type { GatewayContext } from '../GatewayContext.ts';
import { rootFieldNames } from '../rootFields.ts';

const INTROSPECTION_FIELDS = new Set(['__schema', '__type', '__typename']);
/** The platform's open-data root fields, by operation type. */
export const OPEN_DATA_ROOT_FIELDS = {
  query: new Set(['openDatasets', 'openDataset', 'openDataList', '__typename']),
  mutation: new Set(['reportOpenDataProblem', '__typename']),
} as const;

export function useAnonymousGuard(): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue, operation, document }) {
          if (!isAnonymous(contextValue.principal)) return;
          const roots = operation ? [...rootFieldNames(operation, document)] : [];
          if (operation?.operation === 'query' && roots.every((name) => INTROSPECTION_FIELDS.has(name))) return;
          const open = operation?.operation === 'query' || operation?.operation === 'mutation' ? OPEN_DATA_ROOT_FIELDS[operation.operation] : null;
          if (open && roots.every((name) => open.has(name)) && roots.some((name) => name !== '__typename')) return;
          throw new GraphQLError('Sign in: this operation needs a bearer token (npm run token in development); without one, only open data (openDatasets, openDataset, openDataList, reportOpenDataProblem) is served', {
            extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } },
          });
        },
      };
    },
  };
}
