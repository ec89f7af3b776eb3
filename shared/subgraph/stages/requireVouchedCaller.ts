// First, before the body is read: a call with no caller the gateway vouched for is refused, so no GraphQL
// (not `_service`, not `_entities`) runs for anyone else. Over HTTP the gateway vouches with an internal
// token for this subgraph, verified here. A gateway in this process (the one box) hands the caller it
// established over as an object (GivenRequest.vouchedCaller): nothing crosses a process boundary, so no
// token is signed or verified (they were about a twentieth of a one box's CPU, docs/request-path-costs.md).
// Only the gateway's in-process transport makes such a call; an HTTP call carries a token or nothing.
import type { IncomingHttpHeaders } from 'node:http';
import type { Principal } from '../../auth/Principal.ts';
import { bearerToken } from '../httpExchange.ts';
import { refusal, type Stage } from './Stage.ts';

export function requireVouchedCaller(verify: (token: string) => Principal | null): Stage<{ headers: IncomingHttpHeaders; vouchedCaller?: Principal }, { principal: Principal }> {
  return (call, next) => {
    let principal = call.vouchedCaller ?? null;
    if (!principal) {
      const token = bearerToken(call.headers);
      principal = token ? verify(token) : null;
    }
    if (!principal) return Promise.resolve(refusal(401, 'This service only answers calls relayed by the provincial gateway', 'UNAUTHENTICATED'));
    return next({ principal });
  };
}
