// The two shapes of the gateway's subgraph calls (SUBGRAPH_CALLS): in-process, to each subgraph's pipeline
// directly, and over HTTP. A caller gets the same answer from both, data and errors alike; in-process, a
// slow, failing or refusing register costs only its fields with the same errors as over HTTP; and the
// pipeline checks an in-process request as it checks an HTTP body.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGateway, type RunningGateway } from '../../gateway/src/startGateway.ts';
import type { LocalSubgraph } from '../../gateway/src/subgraphTransports.ts';
import { createInternalTokenSigner } from '../../shared/auth/internalToken.ts';
import { childEnvironment } from '../../shared/config/childEnvironment.ts';
import type { RunningSubgraph } from '../../shared/subgraph/startSubgraph.ts';
import type { IncomingCall } from '../../shared/subgraph/stages/Stage.ts';
import { CONSENT_TOKEN_HEADER } from '../../shared/consent/consentRoutes.ts';
import { unusedPort } from '../support/unusedPort.ts';
import { declaredBy, getStack, investigator, justiceOfficer, postGraphQL, seededProvince, tokenFor, tokenSettings, type GraphQLResponse, type Who } from '../support/stack.ts';

const INTERNAL_DETAIL = /127\.0\.0\.1|10\.0\.0\.7|http:|ECONNREFUSED|\.ts\b|stack/;
const WHOLE_CITIZEN = 'query ($id: ID!) { citizen(id: $id) { fullName civilEvents { kind } landParcels { parcelNumber } businesses { name } } }';
const REPRESENTATIVES = 'query ($id: ID!) { citizen(id: $id) { fullName businesses { name legalRepresentative { fullName } } } }';

const demo = () => seededProvince().demoCitizenIds[0];
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function ask(gateway: RunningGateway, who: Who, text: string, variables: Record<string, unknown> = { id: demo() }): Promise<GraphQLResponse> {
  return postGraphQL(`${gateway.url}/graphql`, text, { token: tokenFor(who), headers: declaredBy(who), variables });
}

/**
 * An answer with each error's request id (one per request) made comparable, and its errors in path order:
 * calls to several registers run side by side, and their errors arrive in the order the registers answer.
 */
function comparable({ status, body }: GraphQLResponse) {
  const errors = body.errors
    ?.map((error) => {
      if (!error.extensions || !('requestId' in error.extensions)) return error;
      expect(error.extensions.requestId).toBeTypeOf('string');
      return { ...error, extensions: { ...error.extensions, requestId: 'one per request' } };
    })
    .sort((a, b) => JSON.stringify(a.path ?? []).localeCompare(JSON.stringify(b.path ?? [])) || a.message.localeCompare(b.message));
  return { status, body: { ...body, ...(errors ? { errors } : {}) } };
}

describe('the gateway calling its subgraphs in-process or over HTTP', () => {
  let subgraphs: Record<string, RunningSubgraph>;
  let urls: Record<string, string>;
  let overHttp: RunningGateway;
  let inProcess: RunningGateway;
  const extraGateways: RunningGateway[] = [];

  /** A gateway calling every subgraph in-process, with some of them replaced by `changes`. */
  async function inProcessGateway(changes: Record<string, LocalSubgraph>, deadlines?: { subgraphCallMs: number; requestMs: number }) {
    const local = Object.fromEntries(Object.values(subgraphs).map((subgraph) => [subgraph.name, subgraph.graphql]));
    const gateway = await startGateway({ port: 0, subgraphUrls: urls, localSubgraphs: { ...local, ...changes }, tokens: tokenSettings, deadlines });
    extraGateways.push(gateway);
    return gateway;
  }

  beforeAll(async () => {
    ({ subgraphs } = await getStack());
    urls = Object.fromEntries(Object.values(subgraphs).map((subgraph) => [subgraph.name, subgraph.url]));
    overHttp = await startGateway({ port: 0, subgraphUrls: urls, tokens: tokenSettings });
    // Nothing listens where this gateway would send the registers' GraphQL over HTTP: it answers only
    // in-process. (The platform keeps its address: the gateway reads the purpose list from its route.)
    const closed = `http://127.0.0.1:${await unusedPort()}/graphql`;
    const nowhere = Object.fromEntries(Object.keys(urls).map((name) => [name, name === 'platform' ? urls.platform : closed]));
    inProcess = await startGateway({
      port: 0,
      subgraphUrls: nowhere,
      localSubgraphs: Object.fromEntries(Object.values(subgraphs).map((subgraph) => [subgraph.name, subgraph.graphql])),
      tokens: tokenSettings,
    });
  });

  afterAll(async () => {
    await overHttp?.close();
    await inProcess?.close();
    for (const gateway of extraGateways) await gateway.close();
  });

  it('a caller gets the same answer either way: the data, and each refused field with its path and reason', async () => {
    const asks: Array<[Who, string]> = [
      [investigator, WHOLE_CITIZEN],
      [investigator, REPRESENTATIVES],
      [justiceOfficer, 'query ($id: ID!) { citizen(id: $id) { fullName religion landParcels { area } businesses { name } } }'],
      [{ ...justiceOfficer, purpose: undefined }, 'query ($id: ID!) { citizen(id: $id) { fullName dateOfBirth } }'],
    ];
    let refusals = 0;
    for (const [who, text] of asks) {
      const viaHttp = await ask(overHttp, who, text);
      const direct = await ask(inProcess, who, text);
      expect(direct.status).toBe(200);
      expect(comparable(direct)).toEqual(comparable(viaHttp));
      refusals += direct.body.errors?.filter((error) => error.extensions?.code === 'FORBIDDEN' && error.path).length ?? 0;
    }
    // The comparison covered refusals, not only data.
    expect(refusals).toBeGreaterThanOrEqual(4);
  });

  it('a register slower than its call timeout costs only its fields (SUBGRAPH_TIMEOUT), as over HTTP', async () => {
    let late: ReturnType<LocalSubgraph> | undefined;
    const slowLand: LocalSubgraph = (call) => (late = sleep(4000).then(() => subgraphs.land.graphql(call))); // twice its 2 s
    const gateway = await inProcessGateway({ land: slowLand }, { subgraphCallMs: 2000, requestMs: 20_000 });
    const { status, body } = await ask(gateway, investigator, WHOLE_CITIZEN);
    expect(status).toBe(200);
    expect(body.data.citizen.fullName).toBeTypeOf('string');
    expect(body.data.citizen.civilEvents.length).toBeGreaterThan(0);
    expect(body.data.citizen.landParcels).toBeNull();
    expect(body.errors).toEqual([
      {
        message: 'The land register (Sở Nông nghiệp và Môi trường) did not answer within 2 s; its fields are missing from this answer',
        extensions: { code: 'SUBGRAPH_TIMEOUT', service: 'land' },
      },
    ]);
    // The call the gateway gave up on still runs in the shared register: waited for, or a later test
    // counting the registers' operations would see it.
    await late;
  });

  it('the request deadline cuts the second of two calls in sequence to the time left (REQUEST_TIMEOUT)', async () => {
    const calls: ReturnType<LocalSubgraph>[] = [];
    const slowPopulation: LocalSubgraph = (call) => {
      const answer = sleep(2500).then(() => subgraphs.population.graphql(call));
      calls.push(answer);
      return answer;
    };
    const gateway = await inProcessGateway({ population: slowPopulation }, { subgraphCallMs: 8000, requestMs: 4000 });
    const { status, body } = await ask(gateway, investigator, REPRESENTATIVES);
    expect(status).toBe(200);
    expect(body.data.citizen.fullName).toBeTypeOf('string');
    for (const business of body.data.citizen.businesses) expect(business.legalRepresentative).toEqual({ fullName: null });
    expect(body.errors).toEqual([
      {
        message: 'This request reached its 4 s deadline before the population register (Công an tỉnh) answered; its fields are missing from this answer',
        extensions: { code: 'REQUEST_TIMEOUT', service: 'population' },
      },
    ]);
    expect(calls).toHaveLength(2);
    await Promise.all(calls); // the second, given up on, still runs in the shared register
  });

  it('a register whose pipeline throws, or refuses the call, is unavailable, and nothing of the failure reaches the caller', async () => {
    const failing: LocalSubgraph = () => {
      throw new Error('connect ECONNREFUSED 10.0.0.7:5432 at /srv/app/land/queries.ts');
    };
    const rejecting: LocalSubgraph = () => Promise.reject(new Error('connect ECONNREFUSED 10.0.0.7:5432'));
    // Handed no caller (neither as an object nor as a token) the pipeline answers 401, as it would over HTTP.
    const refusing: LocalSubgraph = (call) => subgraphs.land.graphql({ ...call, vouchedCaller: undefined, headers: { ...call.headers, authorization: undefined } });
    for (const land of [failing, rejecting, refusing]) {
      const gateway = await inProcessGateway({ land });
      const { status, body } = await ask(gateway, investigator, WHOLE_CITIZEN);
      expect(status).toBe(200);
      expect(body.data.citizen.fullName).toBeTypeOf('string');
      expect(body.data.citizen.landParcels).toBeNull();
      expect(body.errors).toEqual([
        {
          message: 'The land register (Sở Nông nghiệp và Môi trường) is unavailable; its fields are missing from this answer',
          extensions: { code: 'SUBGRAPH_UNAVAILABLE', service: 'land' },
        },
      ]);
      expect(JSON.stringify(body)).not.toMatch(INTERNAL_DETAIL);
    }
  });

  it('in this process the caller goes as an object, not a token: each register gets its own copy', async () => {
    const calls: IncomingCall[] = [];
    const watched = (name: string): LocalSubgraph => (call) => {
      calls.push(call);
      return subgraphs[name].graphql(call);
    };
    const gateway = await inProcessGateway({ population: watched('population'), land: watched('land') });
    const viaHttp = await ask(overHttp, investigator, WHOLE_CITIZEN);
    const direct = await ask(gateway, investigator, WHOLE_CITIZEN);
    expect(comparable(direct)).toEqual(comparable(viaHttp));
    expect(direct.body.data.citizen.landParcels.length).toBeGreaterThan(0);
    expect(calls.map((call) => call.headers.authorization)).toEqual([undefined, undefined]);
    const [population, land] = calls.map((call) => ('givenRequest' in call ? call.vouchedCaller : undefined));
    expect(population).toMatchObject({ agency: investigator.agency, roles: ['officer'], purpose: investigator.purpose, caseId: investigator.caseId });
    expect(land).toEqual(population);
    expect(land).not.toBe(population);
    expect(land!.requestId).toBe(population!.requestId);
    // A register cannot change whom another register answers, nor whom the gateway answers.
    land!.agency = 'so-tu-phap';
    land!.roles.push('security-officer');
    expect(population).toMatchObject({ agency: investigator.agency, roles: ['officer'] });
    // The registers whose rules rely on consents still get the consent token, bound to this caller.
    expect(calls[0].headers[CONSENT_TOKEN_HEADER]).toBeTypeOf('string');
  });

  it('the pipeline checks a request handed to it as it checks an HTTP body', async () => {
    const token = createInternalTokenSigner()('land', { subject: 'shape-test', agency: 'cong-an-tinh', roles: ['officer'], purpose: null, caseId: null, requestId: 'shape-test' });
    const headers = { authorization: `Bearer ${token}` };
    for (const givenRequest of [null, 'query { __typename }', { query: 42 }, { query: '{ __typename }', variables: 'x' }, { query: '{ __typename }', operationName: 7 }]) {
      const answer = await subgraphs.land.graphql({ headers, givenRequest });
      expect(answer).toEqual({ status: 400, body: { errors: [{ message: 'The body must be JSON with a "query" string', extensions: { code: 'BAD_REQUEST' } }] } });
    }
    const over = await fetch(urls.land, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify({ query: 42 }) });
    expect(over.status).toBe(400);
    expect(await over.json()).toEqual({ errors: [{ message: 'The body must be JSON with a "query" string', extensions: { code: 'BAD_REQUEST' } }] });
    const valid = await subgraphs.land.graphql({ headers, givenRequest: { query: '{ __typename }' } });
    expect(valid.status).toBe(200);
    expect(valid.body).toEqual({ data: { __typename: 'Query' }, errors: undefined });
  });
});

describe('the gateway started alone', () => {
  it('refuses SUBGRAPH_CALLS=in-process, saying where that shape runs', async () => {
    const root = new URL('../../', import.meta.url).pathname;
    const started = promisify(execFile)(join(root, 'node_modules/.bin/tsx'), [join(root, 'gateway/src/main.ts')], {
      env: childEnvironment({ SUBGRAPH_CALLS: 'in-process', PORT: String(await unusedPort()) }),
      timeout: 20_000,
    });
    await expect(started).rejects.toMatchObject({ code: 1, stderr: expect.stringContaining('SUBGRAPH_CALLS=in-process needs the subgraphs in the gateway\'s process: use `npm start`') });
  });
});
