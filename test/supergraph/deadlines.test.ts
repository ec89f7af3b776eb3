// Deadlines, tried with a register made slow by a real delaying proxy in front of it: a slow register
// costs only its fields, the request's deadline bounds calls made one after another, clients that
// trickle their headers or body are cut off (at the gateway and at a subgraph), and after all of it
// the gateway answers as before. Its gateways call the registers over HTTP whatever TEST_SUBGRAPH_CALLS
// says: the delay is on the network (subgraphCallShapes.test.ts tries the same in-process).
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGateway, type RunningGateway } from '../../gateway/src/startGateway.ts';
import { createInternalTokenSigner } from '../../shared/auth/internalToken.ts';
import { startSubgraph, type RunningSubgraph } from '../../shared/subgraph/startSubgraph.ts';
import { socialSubgraph } from '../../subgraphs/social/src/socialSubgraph.ts';
import { startDelayingProxy, type DelayingProxy } from '../support/delayingProxy.ts';
import { declaredBy, getStack, investigator, livePolicyDir, postGraphQL, PROVINCE_OPTIONS, seededProvince, tokenFor, tokenSettings } from '../support/stack.ts';

// Short enough for a quick test; the checks on timing are generous upper bounds only.
const SLOW_CLIENT_TIMEOUTS = { headersMs: 500, requestMs: 1000, keepAliveMs: 5000 };
const NEVER_MS = 60_000;
const INTERNAL_DETAIL = /127\.0\.0\.1|http:|ECONNRESET|AbortError|aborted/;

const WHOLE_CITIZEN = 'query ($id: ID!) { citizen(id: $id) { fullName civilEvents { kind } landParcels { parcelNumber } businesses { name } } }';
// population (citizen), then business (businesses), then population again (the representative's name).
const REPRESENTATIVES = 'query ($id: ID!) { citizen(id: $id) { fullName businesses { name legalRepresentative { fullName } } } }';

const ask = (gateway: RunningGateway, query: string) => {
  const id = seededProvince().demoCitizenIds[0];
  return postGraphQL(`${gateway.url}/graphql`, query, { token: tokenFor(investigator), headers: declaredBy(investigator), variables: { id } });
};

async function timed<T>(work: () => Promise<T>): Promise<{ result: T; ms: number }> {
  const started = performance.now();
  const result = await work();
  return { result, ms: performance.now() - started };
}

/**
 * A client on a bare TCP socket: it sends `start`, then `drip` every 100 ms, never finishing its
 * request. Resolves when the server hangs up, with what the server said.
 */
function trickle(port: number, start: string, drip: string): Promise<{ answer: string; ms: number }> {
  return new Promise((resolve) => {
    const started = performance.now();
    const socket = connect(port, '127.0.0.1');
    let answer = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (answer += chunk));
    socket.on('error', () => {}); // a reset is a hang-up too
    const dripping = setInterval(() => socket.writable && socket.write(drip), 100);
    const giveUp = setTimeout(() => socket.destroy(), 15_000);
    socket.on('close', () => {
      clearInterval(dripping);
      clearTimeout(giveUp);
      resolve({ answer, ms: performance.now() - started });
    });
    socket.write(start);
  });
}

const SLOW_HEADERS = ['POST /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\n', 'X-Slow: a\r\n'] as const;
function partialBody(headers: Record<string, string> = {}): [string, string] {
  const lines = Object.entries({ host: '127.0.0.1', 'content-type': 'application/json', 'content-length': '4000', ...headers }).map(([name, value]) => `${name}: ${value}\r\n`);
  return [`POST /graphql HTTP/1.1\r\n${lines.join('')}\r\n{"query":"`, ' '];
}

/** The server answers 408 and hangs up, soon after the timeout (checked a few times per timeout). */
function expectCutOff(exchange: { answer: string; ms: number }, timeoutMs: number): void {
  expect(exchange.answer).toMatch(/^HTTP\/1\.1 408 Request Timeout\r\nConnection: close\r\n\r\n$/);
  expect(exchange.ms).toBeLessThan(timeoutMs + 3000);
}

describe('deadlines', () => {
  let land: DelayingProxy;
  let population: DelayingProxy;
  /** Land behind the proxy; a subgraph call may take 2 s. */
  let gateway: RunningGateway;
  /** Population behind the proxy; a call may take 8 s, the whole request 4 s. */
  let deadlineGateway: RunningGateway;
  let social: RunningSubgraph;

  beforeAll(async () => {
    const { subgraphs } = await getStack();
    const urls = Object.fromEntries(Object.values(subgraphs).map((subgraph) => [subgraph.name, subgraph.url]));
    land = await startDelayingProxy(urls.land, 0);
    population = await startDelayingProxy(urls.population, 0);
    gateway = await startGateway({
      port: 0,
      subgraphUrls: { ...urls, land: land.url },
      tokens: tokenSettings,
      deadlines: { subgraphCallMs: 2000, requestMs: 20_000 },
      httpTimeouts: SLOW_CLIENT_TIMEOUTS,
    });
    deadlineGateway = await startGateway({
      port: 0,
      subgraphUrls: { ...urls, population: population.url },
      tokens: tokenSettings,
      deadlines: { subgraphCallMs: 8000, requestMs: 4000 },
    });
    social = await startSubgraph(socialSubgraph, {
      port: 0,
      database: {},
      province: PROVINCE_OPTIONS,
      policyDir: livePolicyDir,
      httpTimeouts: SLOW_CLIENT_TIMEOUTS,
    });
  });

  afterAll(async () => {
    await gateway?.close();
    await deadlineGateway?.close();
    await social?.close();
    await land?.close();
    await population?.close();
  });

  it('a slow register costs only its fields: SUBGRAPH_TIMEOUT names it, the rest arrives after about the call timeout', async () => {
    land.delayMs = NEVER_MS;
    const before = land.abandoned;
    const { result, ms } = await timed(() => ask(gateway, WHOLE_CITIZEN));
    const { status, body } = result;
    expect(status).toBe(200);
    expect(body.data.citizen.fullName).toBeTypeOf('string');
    expect(body.data.citizen.civilEvents.length).toBeGreaterThan(0);
    expect(body.data.citizen.businesses.length).toBeGreaterThan(0);
    expect(body.data.citizen.landParcels).toBeNull();
    expect(body.errors).toEqual([
      {
        message: 'The land register (Sở Nông nghiệp và Môi trường) did not answer within 2 s; its fields are missing from this answer',
        extensions: { code: 'SUBGRAPH_TIMEOUT', service: 'land' },
      },
    ]);
    expect(JSON.stringify(body)).not.toMatch(INTERNAL_DETAIL);
    // The register would have taken a minute; the gateway hung up on it after its two seconds.
    expect(ms).toBeLessThan(6000);
    await expect.poll(() => land.abandoned).toBe(before + 1);
  });

  it('the request deadline bounds calls that follow each other: the second is cut to the time left (REQUEST_TIMEOUT)', async () => {
    // Each population call takes 2.5 s, well within its own 8 s; two in sequence do not fit 4 s.
    population.delayMs = 2500;
    const received = population.received;
    const abandoned = population.abandoned;
    const { result, ms } = await timed(() => ask(deadlineGateway, REPRESENTATIVES));
    const { status, body } = result;
    expect(status).toBe(200);
    expect(body.data.citizen.fullName).toBeTypeOf('string');
    expect(body.data.citizen.businesses.length).toBeGreaterThan(0);
    for (const business of body.data.citizen.businesses) {
      expect(business.name).toBeTypeOf('string');
      expect(business.legalRepresentative).toEqual({ fullName: null });
    }
    expect(body.errors).toEqual([
      {
        message: 'This request reached its 4 s deadline before the population register (Công an tỉnh) answered; its fields are missing from this answer',
        extensions: { code: 'REQUEST_TIMEOUT', service: 'population' },
      },
    ]);
    expect(JSON.stringify(body)).not.toMatch(INTERNAL_DETAIL);
    // Two calls reached the register, and the gateway gave up on the second at the deadline, before
    // the 8 s a single call may take.
    expect(ms).toBeLessThan(8000);
    expect(population.received - received).toBe(2);
    await expect.poll(() => population.abandoned - abandoned).toBe(1);
  });

  it('cuts off a client that trickles its headers, at the gateway and at a subgraph', async () => {
    expectCutOff(await trickle(gateway.port, ...SLOW_HEADERS), SLOW_CLIENT_TIMEOUTS.headersMs);
    expectCutOff(await trickle(social.port, ...SLOW_HEADERS), SLOW_CLIENT_TIMEOUTS.headersMs);
  });

  it('cuts off a client that sends part of its body, at the gateway and at a subgraph', async () => {
    expectCutOff(await trickle(gateway.port, ...partialBody({ authorization: `Bearer ${tokenFor(investigator)}` })), SLOW_CLIENT_TIMEOUTS.requestMs);
    // With a valid internal token, so the subgraph is reading the body when it gives up on it.
    const token = createInternalTokenSigner()('social', { subject: 'deadline-test', agency: 'cong-an-tinh', roles: ['officer'], purpose: null, caseId: null, requestId: 'deadline-test' });
    expectCutOff(await trickle(social.port, ...partialBody({ authorization: `Bearer ${token}` })), SLOW_CLIENT_TIMEOUTS.requestMs);
  });

  it('answers as before once the registers are quick again: no connection given up on is reused', async () => {
    land.delayMs = 0;
    population.delayMs = 0;
    const answers = [];
    for (let round = 0; round < 3; round += 1) answers.push(await ask(gateway, WHOLE_CITIZEN), await ask(deadlineGateway, REPRESENTATIVES));
    for (const { status, body } of answers) {
      expect(status).toBe(200);
      expect(body.errors).toBeUndefined();
    }
    expect(answers[0].body.data.citizen.landParcels.length).toBeGreaterThan(0);
    expect(answers[1].body.data.citizen.businesses[0].legalRepresentative.fullName).toBeTypeOf('string');
  });
});
