import { unusedPort } from '../support/unusedPort.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGateway, type RunningGateway } from '../../gateway/src/startGateway.ts';
import { getStack, investigator, postGraphQL, seededProvince, tokenFor, tokenSettings } from '../support/stack.ts';

// A register whose port is closed: this test's gateway calls over HTTP whatever TEST_SUBGRAPH_CALLS says
// (a failing in-process register: subgraphCallShapes.test.ts).
describe('the land register going down', () => {
  let gateway: RunningGateway;

  beforeAll(async () => {
    const { subgraphs } = await getStack();
    const urls = Object.fromEntries(Object.values(subgraphs).map((subgraph) => [subgraph.name, subgraph.url]));
    urls.land = `http://127.0.0.1:${await unusedPort()}/graphql`;
    gateway = await startGateway({ port: 0, subgraphUrls: urls, tokens: tokenSettings });
  });

  afterAll(async () => {
    await gateway?.close();
  });

  it('costs only the land fields: the rest of the answer arrives, with an error naming the register', async () => {
    const id = seededProvince().demoCitizenIds[0];
    const person = seededProvince().citizens.find((citizen) => citizen.id === id)!;
    const { status, body } = await postGraphQL(
      `${gateway.url}/graphql`,
      'query ($id: ID!) { citizen(id: $id) { fullName civilEvents { kind } landParcels { parcelNumber } businesses { name } } }',
      { token: tokenFor(investigator), headers: { 'x-purpose': 'criminal-investigation', 'x-case-id': investigator.caseId! }, variables: { id } },
    );
    expect(status).toBe(200);
    expect(body.data.citizen.fullName).toBe(person.fullName);
    expect(body.data.citizen.civilEvents.length).toBeGreaterThan(0);
    expect(body.data.citizen.businesses.length).toBeGreaterThan(0);
    expect(body.data.citizen.landParcels).toBeNull();
    expect(body.errors).toEqual([
      {
        message: 'The land register (Sở Nông nghiệp và Môi trường) is unavailable; its fields are missing from this answer',
        extensions: { code: 'SUBGRAPH_UNAVAILABLE', service: 'land' },
      },
    ]);
    expect(JSON.stringify(body)).not.toMatch(/127\.0\.0\.1|http:|ECONNREFUSED/);
  });

  it('reports the gateway not ready while a subgraph is down, and ready again on the full stack', async () => {
    const down = await fetch(`${gateway.url}/ready`);
    expect(down.status).toBe(503);
    expect(((await down.json()) as { subgraphs: Record<string, string> }).subgraphs.land).toBe('down');
    const { gateway: healthy } = await getStack();
    const up = await fetch(`${healthy.url}/ready`);
    expect(up.status).toBe(200);
    expect(await up.json()).toEqual({
      ready: true,
      subgraphs: { population: 'up', 'civil-status': 'up', business: 'up', land: 'up', social: 'up', platform: 'up' },
      rateLimits: { store: 'memory', redis: 'not configured' },
    });
  });
});
