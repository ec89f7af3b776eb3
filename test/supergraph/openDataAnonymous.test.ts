// A caller without a token reaches open data and nothing else: the gateway mints the platform an internal
// token for an anonymous principal (no subject, no agency, no role), which the platform's pipeline accepts
// and its policies let read open data only; every other field, personal ones first, stays refused. A flood
// of anonymous open-data requests from one address meets 429 with Retry-After; another address is served.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningGateway } from '../../gateway/src/startGateway.ts';
import { createInternalTokenSigner } from '../../shared/auth/internalToken.ts';
import { anonymousPrincipal } from '../../shared/auth/Principal.ts';
import { expectAnswer } from '../support/expectAnswer.ts';
import { askAnonymouslyFrom, startLimitedGateway } from '../support/limitedGateway.ts';
import { getStack, postGraphQL, seededProvince } from '../support/stack.ts';

const OPEN_DATA = '{ openDatasets(first: 1) { totalCount nodes { id } } }';

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
    gateway = await startLimitedGateway({ anonymous: { perSecond: 1 / 60, burst: 3 } });
  });

  afterAll(async () => {
    await gateway?.close();
  });

  it('meets 429 with Retry-After from one address once the burst is spent, while another address is served', async () => {
    const flood = await Promise.all(Array.from({ length: 6 }, () => askAnonymouslyFrom('127.0.0.3', gateway.url, OPEN_DATA)));
    expect(flood.map((response) => response.status).sort()).toEqual([200, 200, 200, 429, 429, 429]);
    for (const response of flood.filter(({ status }) => status === 429)) {
      expect(response.body.errors?.[0].extensions?.code).toBe('RATE_LIMITED');
      const seconds = response.body.errors![0].extensions!.retryAfterSeconds as number;
      expect(Number.isInteger(seconds) && seconds >= 1).toBe(true);
      expect(response.headers.get('retry-after')).toBe(String(seconds));
    }
    for (const response of flood.filter(({ status }) => status === 200)) expect(response.body.data.openDatasets.nodes).toHaveLength(1);
    const elsewhere = await askAnonymouslyFrom('127.0.0.4', gateway.url, OPEN_DATA);
    expect(elsewhere.status).toBe(200);
    expect(elsewhere.body.data.openDatasets.totalCount).toBeGreaterThan(0);
  });
});
