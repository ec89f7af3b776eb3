// The platform's way into one agency's disclosure log: that register's internal route (its log or its
// releases), with the relay token the gateway minted for this caller and that register. The register
// decides by itself what this caller may see or do.
import { disclosureLogAudience } from '../../../../shared/auth/relayTokens.ts';
import { callInternalRoute } from '../../../../shared/internalRoutes/callInternalRoute.ts';
import type { SubgraphContext } from '../../../../shared/subgraph/SubgraphDefinition.ts';

export async function callRegisterLog<T>(ctx: SubgraphContext<unknown>, register: string, path: string, body: unknown): Promise<T> {
  const url = ctx.subgraphUrl(register);
  const token = ctx.relayTokens[disclosureLogAudience(register)];
  if (!url || !token) throw new Error('no address or token for this register');
  return callInternalRoute<T>(url, path, token, ctx.principal.requestId, body);
}
