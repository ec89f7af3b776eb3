// Which relay tokens the gateway mints for the platform, decided from an operation's root fields.
import { Kind, parse, type OperationDefinitionNode } from 'graphql';
import { describe, expect, it } from 'vitest';
import type { Principal } from '../../../shared/auth/Principal.ts';
import type { GatewayContext } from '../GatewayContext.ts';
import { useRelayAudiences } from './useRelayAudiences.ts';

async function audiencesFor(query: string, principal: Principal): Promise<readonly string[]> {
  const document = parse(query);
  const operation = document.definitions.find((definition): definition is OperationDefinitionNode => definition.kind === Kind.OPERATION_DEFINITION)!;
  const contextValue = { principal, relayAudiences: [] } as unknown as GatewayContext;
  const listener = await useRelayAudiences().requestDidStart!({ contextValue } as never);
  await (listener as { didResolveOperation(context: unknown): Promise<void> }).didResolveOperation({ contextValue, operation, document });
  return contextValue.relayAudiences;
}

const publisher: Principal = { subject: 'pub-1', agency: 'cong-an-tinh', roles: ['publisher'], purpose: null, caseId: null, requestId: 'r-1' } as Principal;

describe('the relay tokens of an operation', () => {
  it("carry every agency register's open-data audience for a refresh of an open dataset, and not the platform's", async () => {
    expect(await audiencesFor('mutation { refreshOpenDataset(id: "population-by-commune-gender-age") { id } }', publisher)).toEqual([
      'population-open-data',
      'civil-status-open-data',
      'business-open-data',
      'land-open-data',
      'social-open-data',
    ]);
  });

  it('carry none of them for anything else', async () => {
    expect(await audiencesFor('{ openDatasets { totalCount } }', publisher)).toEqual([]);
  });
});
