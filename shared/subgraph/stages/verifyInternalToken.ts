// First, before the body is read: a call without a valid internal token for this subgraph is refused,
// so no GraphQL (not `_service`, not `_entities`) runs for a caller the gateway did not vouch for.
import type { IncomingHttpHeaders } from 'node:http';
import type { Principal } from '../../auth/Principal.ts';
import { bearerToken } from '../httpExchange.ts';
import { refusal, type Stage } from './Stage.ts';

export function verifyInternalToken(verify: (token: string) => Principal | null): Stage<{ headers: IncomingHttpHeaders }, { principal: Principal }> {
  return (call, next) => {
    const token = bearerToken(call.headers);
    const principal = token ? verify(token) : null;
    if (!principal) return Promise.resolve(refusal(401, 'This service only answers calls relayed by the provincial gateway', 'UNAUTHENTICATED'));
    return next({ principal });
  };
}
