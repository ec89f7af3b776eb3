// A register stopped while it answers a call (a gateway in its process asking, as npm start's gateway does)
// lets the call finish on its open database before closing it: the caller gets its answer, not a failure
// of a closed pool. A land register of its own, on the engine the tests run on.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createInternalTokenSigner } from '../../shared/auth/internalToken.ts';
import { startSubgraph, type RunningSubgraph } from '../../shared/subgraph/startSubgraph.ts';
import { landSubgraph } from '../../subgraphs/land/src/landSubgraph.ts';
import { declaredBy, investigator, livePolicyDir, PROVINCE_OPTIONS, seededProvince } from '../support/stack.ts';

let land: RunningSubgraph;

beforeAll(async () => {
  land = await startSubgraph(landSubgraph, { port: 0, database: {}, province: PROVINCE_OPTIONS, policyDir: livePolicyDir });
});

afterAll(async () => {
  await land?.close();
});

describe('a register closing with calls under way', () => {
  it('answers the calls it had begun, then closes', async () => {
    const signed = createInternalTokenSigner();
    const holders = seededProvince().demoCitizenIds.slice(0, 3);
    // The police read the parcels of three people, as the gateway asks the land register for them.
    const calls = holders.map((id, index) => {
      const requestId = `closing-${index}`;
      const token = signed('land', { subject: 'closing-test', agency: investigator.agency ?? null, roles: ['officer'], purpose: investigator.purpose ?? null, caseId: investigator.caseId ?? null, requestId });
      return land.graphql({
        headers: { authorization: `Bearer ${token}`, ...declaredBy(investigator) },
        givenRequest: { query: `{ _entities(representations: [{ __typename: "Citizen", id: "${id}" }]) { ... on Citizen { landParcels { parcelNumber area } } } }` },
      });
    });
    await land.close();
    const answers = await Promise.all(calls);
    for (const answer of answers) {
      expect(answer.status).toBe(200);
      expect(answer.body.errors).toBeUndefined();
    }
    const parcels = answers.flatMap((answer) => (answer.body.data as { _entities: { landParcels: unknown[] }[] })._entities[0].landParcels);
    expect(parcels.length).toBeGreaterThan(0);
  });
});
