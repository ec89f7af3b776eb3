// Tokens the gateway minted for this request for other agencies' internal routes (who used my data,
// a parent acting for a child), checked to be of this request by checkTokenBinding, and where those
// agencies are: what a resolver needs to call them on the caller's behalf (shared/auth/relayTokens.ts).
import type { BoundTokens } from './checkTokenBinding.ts';
import type { Stage } from './Stage.ts';

export interface RelayContext {
  /** Tokens for other agencies' internal routes, by audience. */
  relayTokens: Readonly<Record<string, string>>;
  /** GraphQL URL of another subgraph, for a call to its internal routes. */
  subgraphUrl(name: string): string | undefined;
}

export function relayForCaller(subgraphUrls: () => Readonly<Record<string, string>>): Stage<{ boundTokens: BoundTokens }, RelayContext> {
  const subgraphUrl = (name: string) => subgraphUrls()[name];
  return (call, next) => next({ relayTokens: call.boundTokens.relay, subgraphUrl });
}
