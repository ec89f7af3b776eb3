import jwt from 'jsonwebtoken';
import { beforeAll, describe, expect, it } from 'vitest';
import { createInternalTokenSigner, deriveSubgraphKey, INTERNAL_ISSUER } from '../../shared/auth/internalToken.ts';
import { devInternalMasterSecret } from '../../shared/auth/devKeys.ts';
import { SUBGRAPH_SERVICES } from '../../shared/config/services.ts';
import { expectAnswer } from '../support/expectAnswer.ts';
import { getStack, postGraphQL } from '../support/stack.ts';

const officer = { subject: 'officer-1', agency: 'so-tu-phap', roles: ['officer' as const], purpose: null, caseId: null, requestId: 'test-request' };
/** What a subgraph answers a call the gateway did not vouch for. */
const NOT_RELAYED = {
  status: 401,
  data: undefined,
  errors: [{ code: 'UNAUTHENTICATED', message: 'This service only answers calls relayed by the provincial gateway', extensions: { code: 'UNAUTHENTICATED' } }],
};
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

  it('refuses a call that names its own caller instead of carrying a token (only the gateway in its process may hand one over)', async () => {
    const { subgraphs } = await getStack();
    const body = JSON.stringify({ query: QUERIES.entities, vouchedCaller: officer });
    const response = await fetch(subgraphs.population.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', vouchedcaller: JSON.stringify(officer), 'x-vouched-caller': JSON.stringify(officer) },
      body,
    });
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({
      errors: [{ message: 'This service only answers calls relayed by the provincial gateway', extensions: { code: 'UNAUTHENTICATED' } }],
    });
  });

  it('refuses a valid internal token minted for another subgraph', async () => {
    const { subgraphs } = await getStack();
    const tokenForLand = createInternalTokenSigner()('land', officer);
    const response = await postGraphQL(subgraphs.population.url, QUERIES.entities, { token: tokenForLand });
    expect(response.status).toBe(401);
    expectAnswer(response, NOT_RELAYED);
  });

  it('refuses an expired internal token, and one signed with the master secret instead of the subgraph key', async () => {
    const { subgraphs } = await getStack();
    const claims = { roles: ['officer'], agency: 'so-tu-phap', rid: 'r' };
    const expired = jwt.sign({ ...claims, exp: Math.floor(Date.now() / 1000) - 60 }, deriveSubgraphKey(devInternalMasterSecret(), 'population'), {
      algorithm: 'HS256', issuer: INTERNAL_ISSUER, audience: 'population',
    });
    expectAnswer(await postGraphQL(subgraphs.population.url, QUERIES.entities, { token: expired }), NOT_RELAYED);
    const wrongKey = jwt.sign(claims, devInternalMasterSecret(), { algorithm: 'HS256', issuer: INTERNAL_ISSUER, audience: 'population', expiresIn: 30 });
    expectAnswer(await postGraphQL(subgraphs.population.url, QUERIES.entities, { token: wrongKey }), NOT_RELAYED);
  });

  it('answers the same _entities call when the gateway vouches for the caller', async () => {
    const { subgraphs } = await getStack();
    const token = createInternalTokenSigner()('population', officer);
    const response = await postGraphQL(subgraphs.population.url, QUERIES.entities, { token });
    // No one in the register has this id: the entity is null, and nothing is refused.
    expectAnswer(response, { data: { _entities: [null] } });
  });

  it('never echoes SQL or a stack trace when something fails inside', async () => {
    const { subgraphs } = await getStack();
    const token = createInternalTokenSigner()('population', officer);
    const response = await postGraphQL(subgraphs.population.url, '{ citizen(id: "12345") { fullName } citizenz { id } }', { token });
    expectAnswer(response, { status: 400, data: undefined, errors: [{ code: 'GRAPHQL_VALIDATION_FAILED', message: 'Cannot query field "citizenz" on type "Query".' }] });
    const text = JSON.stringify(response.body);
    expect(text).not.toMatch(/select|stack|\.ts\b|Did you mean/i);
  });
});
