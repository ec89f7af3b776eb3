// A caller without a token may explore the schema (introspection) and nothing else: the gateway answers
// introspection itself, so no anonymous request ever reaches an agency subgraph.
import { GraphQLError } from 'graphql';
import type { ApolloServerPlugin } from '@apollo/server';
import { isAnonymous } from '../../../shared/auth/Principal.ts';
import type { GatewayContext } from '../GatewayContext.ts';
import { rootFieldNames } from '../rootFields.ts';

const INTROSPECTION_FIELDS = new Set(['__schema', '__type', '__typename']);

export function useAnonymousGuard(): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue, operation, document }) {
          if (!isAnonymous(contextValue.principal)) return;
          if (operation?.operation === 'query' && [...rootFieldNames(operation, document)].every((name) => INTROSPECTION_FIELDS.has(name))) return;
          throw new GraphQLError('Sign in: this operation needs a bearer token (npm run token in development)', {
            extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } },
          });
        },
      };
    },
  };
}
