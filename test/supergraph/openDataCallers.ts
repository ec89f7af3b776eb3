// Callers of the open-data tests: a publisher of an agency (a token of its own, role `publisher`), and
// anyone without a token.
import { signDevUserToken } from '../../shared/auth/userToken.ts';
import { getStack, postGraphQL, type GraphQLResponse } from '../support/stack.ts';

export interface OpenDataCaller {
  token: string | null;
  headers?: Record<string, string>;
}

export const anonymous: OpenDataCaller = { token: null };

export function publisherOf(agency: string, sub = `xb-${agency}`): OpenDataCaller {
  return { token: signDevUserToken({ roles: ['publisher'], agency, sub }) };
}

export function tokenCaller(roles: string[], agency?: string, sub = 'acct-od-1'): OpenDataCaller {
  return { token: signDevUserToken({ roles: roles as never, agency, sub }) };
}

export async function call(caller: OpenDataCaller, text: string, variables: Record<string, unknown> = {}): Promise<GraphQLResponse> {
  const { gateway } = await getStack();
  return postGraphQL(`${gateway.url}/graphql`, text, { token: caller.token, variables, headers: caller.headers });
}
