// A caller without a token reaches open data and nothing else: the gateway mints the platform an internal
// token for an anonymous principal (no subject, no agency, no role), which the platform's pipeline accepts
// and its policies let read open data only; every other field, personal ones first, stays refused. A flood
// of anonymous open-data requests from one address meets 429 with Retry-After; another address is served.
import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGateway, type RunningGateway } from '../../gateway/src/startGateway.ts';
import { createInternalTokenSigner } from '../../shared/auth/internalToken.ts';
import { anonymousPrincipal } from '../../shared/auth/Principal.ts';
import { expectAnswer } from '../support/expectAnswer.ts';
import { generousRateLimits, getStack, postGraphQL, seededProvince, tokenSettings, type GraphQLResponse } from '../support/stack.ts';

const OPEN_DATA = '{ openDatasets(first: 1) { totalCount nodes { id } } }';

/** An anonymous open-data request sent from a chosen loopback address (all of 127.0.0.0/8 is this machine). */
function askFrom(localAddress: string, gatewayUrl: string): Promise<GraphQLResponse> {
  const url = new URL(`${gatewayUrl}/graphql`);
  return new Promise((resolve, reject) => {
    const outgoing = request(
      { host: url.hostname, port: url.port, path: url.pathname, method: 'POST', localAddress, headers: { 'content-type': 'application/json' } },
      (response) => {
        let text = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (text += chunk));
        const headers = new Headers(Object.entries(response.headers).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
        response.on('end', () => resolve({ status: response.statusCode!, body: JSON.parse(text), headers }));
      },
    );
    outgoing.on('error', reject);
    outgoing.end(JSON.stringify({ query: OPEN_DATA }));
  });
}

describe('the platform answering an anonymous principal', () => {
  beforeAll(async () => {
    await getStack();
  });

  it('accepts the internal token of a caller without a token, and serves it open data only', async () => {
    const { subgraphs } = await getStack();
    const token = createInternalTokenSigner()('platform', anonymousPrincipal('anonymous-open-data-1'));
    const ask = (text: string) => postGraphQL(subgraphs.platform.url, text, { token });
    expectAnswer(await ask('{ openDataset(id: "administrative-units") { id publisher } }'), { data: { openDataset: { id: 'administrative-units', publisher: 'so-khoa-hoc-cong-nghe' } } });
    expectAnswer(await ask('{ agency(code: "so-tu-phap") { name } }'), { data: { agency: null }, errors: [{ code: 'FORBIDDEN', reason: 'ROLE_NOT_ALLOWED', path: 'agency' }] });
    expectAnswer(await ask('{ openDataProblemReports { nodes { contact } } }'), { data: null, errors: [{ code: 'FORBIDDEN', reason: 'ROLE_NOT_ALLOWED', path: 'openDataProblemReports' }] });
  });

  it('keeps a register’s personal fields from an anonymous principal, whatever reaches the register', async () => {
    const { subgraphs } = await getStack();
    const token = createInternalTokenSigner()('population', anonymousPrincipal('anonymous-open-data-2'));
    const response = await postGraphQL(subgraphs.population.url, `{ citizen(id: "${seededProvince().demoCitizenIds[0]}") { fullName } }`, { token });
    expect(response.body.data?.citizen ?? null).toBeNull();
    expect(response.body.errors?.map((error) => error.extensions?.code)).toEqual(['FORBIDDEN']);
  });
});

describe('a flood of anonymous open-data requests', () => {
  let gateway: RunningGateway;

  beforeAll(async () => {
    const { subgraphs } = await getStack();
    gateway = await startGateway({
      port: 0,
      subgraphUrls: Object.fromEntries(Object.values(subgraphs).map((subgraph) => [subgraph.name, subgraph.url])),
      tokens: tokenSettings,
      rateLimits: { ...generousRateLimits, perCaller: { ...generousRateLimits.perCaller, anonymous: { perSecond: 1 / 60, burst: 3 } } },
    });
  });

  afterAll(async () => {
    await gateway?.close();
  });

  it('meets 429 with Retry-After from one address once the burst is spent, while another address is served', async () => {
    const flood = await Promise.all(Array.from({ length: 6 }, () => askFrom('127.0.0.3', gateway.url)));
    expect(flood.map((response) => response.status).sort()).toEqual([200, 200, 200, 429, 429, 429]);
    for (const response of flood.filter(({ status }) => status === 429)) {
      expect(response.body.errors?.[0].extensions?.code).toBe('RATE_LIMITED');
      const seconds = response.body.errors![0].extensions!.retryAfterSeconds as number;
      expect(Number.isInteger(seconds) && seconds >= 1).toBe(true);
      expect(response.headers.get('retry-after')).toBe(String(seconds));
    }
    for (const response of flood.filter(({ status }) => status === 200)) expect(response.body.data.openDatasets.nodes).toHaveLength(1);
    const elsewhere = await askFrom('127.0.0.4', gateway.url);
    expect(elsewhere.status).toBe(200);
    expect(elsewhere.body.data.openDatasets.totalCount).toBeGreaterThan(0);
  });
});
