// The gateway sends the consent registry's token only to the calls that may look consents or subject
// requests up (subgraphs declared so in shared/config/services.ts), and only for an agency declaring a
// purpose; relay tokens only to the platform. Seen from the wire: a gateway started in-process calls
// the real subgraphs through a proxy that records which headers each call carried.
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import jwt from 'jsonwebtoken';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGateway, type RunningGateway } from '../../gateway/src/startGateway.ts';
import { RELAY_TOKENS_HEADER } from '../../shared/auth/relayTokens.ts';
import { SUBGRAPH_SERVICES } from '../../shared/config/services.ts';
import { CONSENT_REGISTRY_AUDIENCE, CONSENT_TOKEN_HEADER } from '../../shared/consent/consentRoutes.ts';
import { getStack, investigator, postGraphQL, seededProvince, tokenFor, tokenSettings, type Who } from '../support/stack.ts';

interface RecordedCall {
  service: string;
  requestId: string | undefined;
  consentToken: string | undefined;
  relayTokens: boolean;
}

/** Forwards `/<service>/graphql` (and `/<service>/internal/…`) to that subgraph, recording the headers each call carried. */
async function recordingProxy(targets: Record<string, string>): Promise<{ server: Server; port: number; calls: RecordedCall[] }> {
  const calls: RecordedCall[] = [];
  const server = createServer((req, res) => {
    const service = (req.url ?? '').split('/')[1];
    const header = (name: string) => (typeof req.headers[name] === 'string' ? (req.headers[name] as string) : undefined);
    calls.push({ service, requestId: header('x-request-id'), consentToken: header(CONSENT_TOKEN_HEADER), relayTokens: req.headers[RELAY_TOKENS_HEADER] !== undefined });
    const target = new URL(targets[service]);
    const rest = (req.url ?? '').slice(service.length + 1);
    const path = rest.startsWith('/internal/') ? rest : target.pathname;
    const upstream = request({ hostname: target.hostname, port: target.port, path, method: req.method, headers: req.headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(res);
    });
    upstream.on('error', () => res.writeHead(502).end());
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, port: (server.address() as AddressInfo).port, calls };
}

describe('which subgraph calls carry the consent registry’s token', () => {
  let proxy: Awaited<ReturnType<typeof recordingProxy>>;
  let gateway: RunningGateway;

  /** Asks through the recording gateway; returns the calls that request made. */
  async function callsOf(who: Who, text: string): Promise<RecordedCall[]> {
    const answer = await postGraphQL(`${gateway.url}/graphql`, text, { token: tokenFor(who), headers: who.purpose ? { 'x-purpose': who.purpose } : {} });
    expect(answer.status).toBe(200);
    const requestId = answer.headers.get('x-request-id')!;
    return proxy.calls.filter((call) => call.requestId === requestId);
  }
  const services = (calls: RecordedCall[]) => [...new Set(calls.map((call) => call.service))].sort();
  const carrying = (calls: RecordedCall[], what: (call: RecordedCall) => boolean) => services(calls.filter(what));

  beforeAll(async () => {
    const { subgraphs } = await getStack();
    proxy = await recordingProxy(Object.fromEntries(Object.values(subgraphs).map((subgraph) => [subgraph.name, subgraph.url])));
    const proxied = Object.fromEntries(SUBGRAPH_SERVICES.map((service) => [service.name, `http://127.0.0.1:${proxy.port}/${service.name}/graphql`]));
    gateway = await startGateway({ port: 0, subgraphUrls: proxied, tokens: tokenSettings });
  });

  afterAll(async () => {
    await gateway?.close();
    await new Promise((resolve) => proxy?.server.close(resolve));
  });

  const SIX_AGENCIES = `{ citizen(id: "${'%ID%'}") {
    fullName residence { address unit { name } } civilEvents { kind } landParcels { parcelNumber } businesses { enterpriseCode } benefits { monthlyAmount }
  } }`;
  const sixAgencies = () => SIX_AGENCIES.replace('%ID%', seededProvince().demoCitizenIds[0]);

  it('an agency declaring a purpose: every register whose policies rely on consents gets one token, minted once for the request; the platform gets none', async () => {
    const calls = await callsOf(investigator, sixAgencies());
    expect(services(calls)).toEqual(['business', 'civil-status', 'land', 'platform', 'population', 'social']);
    expect(carrying(calls, (call) => call.consentToken !== undefined)).toEqual(['business', 'civil-status', 'land', 'population', 'social']);
    const tokens = new Set(calls.flatMap((call) => (call.consentToken ? [call.consentToken] : [])));
    expect(tokens.size).toBe(1);
    expect(jwt.decode([...tokens][0], { json: true })).toMatchObject({
      aud: CONSENT_REGISTRY_AUDIENCE,
      rid: calls[0].requestId,
      agency: investigator.agency,
      purpose: investigator.purpose,
    });
  });

  it('no token at all for an agency without a purpose, for a citizen, or for a request that reaches only the platform', async () => {
    const withoutPurpose = await callsOf({ ...investigator, purpose: undefined }, sixAgencies());
    expect(services(withoutPurpose)).toContain('population');
    const citizen = await callsOf({ role: 'citizen', sub: seededProvince().demoCitizenIds[0] }, '{ me { fullName } myConsents { id } }');
    expect(services(citizen)).toEqual(['platform', 'population']);
    const platformOnly = await callsOf(investigator, '{ administrativeUnit(code: "11950") { name } purposes { code } }');
    expect(services(platformOnly)).toEqual(['platform']);
    for (const calls of [withoutPurpose, citizen, platformOnly]) expect(carrying(calls, (call) => call.consentToken !== undefined)).toEqual([]);
  });

  it('relay tokens go to the platform only', async () => {
    const calls = await callsOf({ role: 'citizen', sub: seededProvince().demoCitizenIds[0] }, '{ me { fullName } myConsents { id } }');
    expect(carrying(calls, (call) => call.relayTokens)).toEqual(['platform']);
  });
});
