// A register stopped while it answers a call (a gateway in its process asking, as npm start's gateway does)
// lets the call finish on its open database before closing it: the caller gets its answer, not a failure
// of a closed pool. A land register of its own, on the engine the tests run on. And a gateway stopped
// while an operation whose caller has gone is still under way waits for it: its next subgraph call is
// made before npm start closes the registers, not against a closing one.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGateway } from '../../gateway/src/startGateway.ts';
import type { LocalSubgraph } from '../../gateway/src/subgraphTransports.ts';
import { createInternalTokenSigner } from '../../shared/auth/internalToken.ts';
import { startSubgraph, type RunningSubgraph } from '../../shared/subgraph/startSubgraph.ts';
import { landSubgraph } from '../../subgraphs/land/src/landSubgraph.ts';
import { declaredBy, getStack, investigator, livePolicyDir, PROVINCE_OPTIONS, seededProvince, tokenFor, tokenSettings } from '../support/stack.ts';

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

describe('a gateway closing with an operation whose caller has gone', () => {
  it('waits for the operation, whose later subgraph call is made before the close ends', async () => {
    const { subgraphs } = await getStack();
    const local = Object.fromEntries(Object.values(subgraphs).map((subgraph) => [subgraph.name, subgraph.graphql]));
    // The citizen first (a second late), then the parcels of the citizen found: the land call comes after.
    const slowPopulation: LocalSubgraph = (call) => new Promise((resolve) => setTimeout(resolve, 1000)).then(() => subgraphs.population.graphql(call));
    let landCalls = 0;
    const countedLand: LocalSubgraph = (call) => {
      landCalls += 1;
      return subgraphs.land.graphql(call);
    };
    const urls = Object.fromEntries(Object.values(subgraphs).map((subgraph) => [subgraph.name, subgraph.url]));
    const gateway = await startGateway({ port: 0, subgraphUrls: urls, localSubgraphs: { ...local, population: slowPopulation, land: countedLand }, tokens: tokenSettings });
    const caller = new AbortController();
    const asked = fetch(`${gateway.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${tokenFor(investigator)}`, ...declaredBy(investigator) },
      body: JSON.stringify({ query: `{ citizen(id: "${seededProvince().demoCitizenIds[0]}") { fullName landParcels { parcelNumber } } }` }),
      signal: caller.signal,
    }).catch((error: Error) => error.name);
    await new Promise((resolve) => setTimeout(resolve, 200));
    caller.abort();
    expect(await asked).toBe('AbortError');
    await gateway.close();
    expect(landCalls).toBe(1);
  });
});
