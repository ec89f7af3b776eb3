import jwt from 'jsonwebtoken';
import { beforeAll, describe, expect, it } from 'vitest';
import { createInternalTokenSigner, deriveSubgraphKey, INTERNAL_ISSUER } from '../../shared/auth/internalToken.ts';
import { devInternalMasterSecret } from '../../shared/auth/devKeys.ts';
import { SUBGRAPH_SERVICES } from '../../shared/config/services.ts';
import { getStack, postGraphQL } from '../support/stack.ts';

const officer = { subject: 'officer-1', agency: 'so-tu-phap', roles: ['officer' as const], purpose: null, caseId: null, requestId: 'test-request' };
const QUERIES = {
  service: '{ _service { sdl } }',
  entities: '{ _entities(representations: [{ __typename: "Citizen", id: "033090000001" }]) { __typename } }',
  typename: '{ __typename }',
};

describe('an agency subgraph called directly, bypassing the gateway', () => {
  beforeAll(async () => {
    await getStack();
  });

  for (const { name } of SUBGRAPH_SERVICES) {
    it(`${name} refuses _service, _entities and any query without the gateway's internal token`, async () => {
      const { subgraphs } = await getStack();
      for (const text of Object.values(QUERIES)) {
        const response = await postGraphQL(subgraphs[name].url, text);
        expect(response.status).toBe(401);
        expect(response.body).toEqual({
          errors: [{ message: 'This service only answers calls relayed by the provincial gateway', extensions: { code: 'UNAUTHENTICATED' } }],
        });
      }
    });
  }

  it('refuses a valid internal token minted for another subgraph', async () => {
    const { subgraphs } = await getStack();
    const tokenForLand = createInternalTokenSigner()('land', officer);
    const response = await postGraphQL(subgraphs.population.url, QUERIES.entities, { token: tokenForLand });
    expect(response.status).toBe(401);
  });

  it('refuses an expired internal token, and one signed with the master secret instead of the subgraph key', async () => {
    const { subgraphs } = await getStack();
    const claims = { roles: ['officer'], agency: 'so-tu-phap', rid: 'r' };
    const expired = jwt.sign({ ...claims, exp: Math.floor(Date.now() / 1000) - 60 }, deriveSubgraphKey(devInternalMasterSecret(), 'population'), {
      algorithm: 'HS256', issuer: INTERNAL_ISSUER, audience: 'population',
    });
    expect((await postGraphQL(subgraphs.population.url, QUERIES.entities, { token: expired })).status).toBe(401);
    const wrongKey = jwt.sign(claims, devInternalMasterSecret(), { algorithm: 'HS256', issuer: INTERNAL_ISSUER, audience: 'population', expiresIn: 30 });
    expect((await postGraphQL(subgraphs.population.url, QUERIES.entities, { token: wrongKey })).status).toBe(401);
  });

  it('answers the same _entities call when the gateway vouches for the caller', async () => {
    const { subgraphs } = await getStack();
    const token = createInternalTokenSigner()('population', officer);
    const response = await postGraphQL(subgraphs.population.url, QUERIES.entities, { token });
    expect(response.status).toBe(200);
    expect(response.body.errors).toBeUndefined();
    expect(response.body.data._entities).toHaveLength(1);
  });

  it('never echoes SQL or a stack trace when something fails inside', async () => {
    const { subgraphs } = await getStack();
    const token = createInternalTokenSigner()('population', officer);
    const response = await postGraphQL(subgraphs.population.url, '{ citizen(id: "12345") { fullName } citizenz { id } }', { token });
    expect(response.status).toBe(400);
    const text = JSON.stringify(response.body);
    expect(text).not.toMatch(/select|stack|\.ts\b|Did you mean/i);
  });
});
