// A second gateway over the shared stack's subgraphs, with rate limits a test chooses, and anonymous
// requests sent from a chosen loopback address (all of 127.0.0.0/8 is this machine), so that a test
// can show one address limited while another is served.
import { request } from 'node:http';
import type { RateLimits } from '../../gateway/src/rateLimits/callerBucket.ts';
import { startGateway, type RunningGateway } from '../../gateway/src/startGateway.ts';
import { generousRateLimits, getStack, tokenSettings, type GraphQLResponse } from './stack.ts';

/** The generous limits every test gateway has, but for the callers named. */
export function rateLimitsWith(changes: Partial<RateLimits>): NonNullable<Parameters<typeof startGateway>[0]['rateLimits']> {
  return { ...generousRateLimits, perCaller: { ...generousRateLimits.perCaller, ...changes } };
}

export async function startLimitedGateway(changes: Partial<RateLimits>): Promise<RunningGateway> {
  const { subgraphs } = await getStack();
  return startGateway({
    port: 0,
    subgraphUrls: Object.fromEntries(Object.values(subgraphs).map((subgraph) => [subgraph.name, subgraph.url])),
    tokens: tokenSettings,
    rateLimits: rateLimitsWith(changes),
  });
}

/** A GraphQL request without a token, sent from `localAddress`. */
export function askAnonymouslyFrom(localAddress: string, gatewayUrl: string, query = '{ __typename }'): Promise<GraphQLResponse> {
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
    outgoing.end(JSON.stringify({ query }));
  });
}
