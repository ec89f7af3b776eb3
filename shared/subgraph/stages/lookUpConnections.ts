// The caller agency's connection agreements for this request (shared/connections), looked up before
// execution only when this subgraph's policies gate a service for the caller's agency and purpose with
// `requires_connection`, so that every field decision reads them without waiting.
import type { Principal } from '../../auth/Principal.ts';
import type { ConnectionCache } from '../../connections/connectionCache.ts';
import { lookUpHeldConnections } from '../../connections/heldConnections.ts';
import type { CompiledPolicies } from '../../policy/compilePolicies.ts';
import type { HeldConnections } from '../../policy/HeldConnections.ts';
import type { BoundTokens } from './checkTokenBinding.ts';
import type { Stage } from './Stage.ts';

export function lookUpConnections(
  registryUrl: string | undefined,
  cache: ConnectionCache,
  policies: () => CompiledPolicies,
): Stage<{ principal: Principal; boundTokens: BoundTokens }, { connections: HeldConnections }> {
  return (call, next) => {
    const held = lookUpHeldConnections({ registryUrl, token: call.boundTokens.consent, caller: call.principal, policies: policies(), cache });
    return held instanceof Promise ? held.then((connections) => next({ connections })) : next({ connections: held });
  };
}
