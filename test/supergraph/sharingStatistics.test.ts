// The operator keeps statistics of sharing: per day, owner agency, service, consumer agency and purpose,
// how many requests, records disclosed, refusals by reason and distinct people. The social-insurance
// office and the health department read the population register (allowed and refused fields); once the
// registers have aggregated their logs (each subgraph's aggregateSharingStatistics(), what its timer
// does every SHARING_STATISTICS_SECONDS), the figures are exactly what was asked: each consumer sees
// its own use, the police (the owner) its own services, the operator everything; the CSV and JSON
// exports say the same as GraphQL; bad input and citizens are refused.
import { beforeAll, describe, expect, it } from 'vitest';
import { provinceDay } from '../../shared/calendar/provinceDay.ts';
import { SHARING_STATISTICS_CSV_PATH, SHARING_STATISTICS_JSON_PATH, statisticsCsv, type StatisticsRow } from '../../gateway/src/sharingStatisticsExport.ts';
import { expectAnswer, refused } from '../support/expectAnswer.ts';
import { getStack, query, seededProvince, tokenFor, type Who } from '../support/stack.ts';

/** Social insurance enrols members: may read a citizen's identity, not their beliefs. */
const insurance: Who = { role: 'officer', agency: 'bhxh-tinh', purpose: 'social-insurance' };
/** The health department handling a dossier: needs the citizen's consent, which nobody gave it. */
const health: Who = { role: 'officer', agency: 'so-y-te', purpose: 'public-service-delivery' };
const police: Who = { role: 'officer', agency: 'cong-an-tinh' };
const operator: Who = { role: 'officer', agency: 'so-khoa-hoc-cong-nghe' };

const ROW = 'day ownerAgency service consumerAgency purpose requests recordsDisclosed refusals { reason count } distinctSubjects latencyMs { p50 p95 p99 calls }';
const STATISTICS = `query ($filter: SharingStatisticsFilter!, $first: Int, $after: String) {
  sharingStatistics(filter: $filter, first: $first, after: $after) { nodes { ${ROW} } pageInfo { hasNextPage endCursor } unavailableRegisters }
}`;

/** A row as the gateway's export reads it from the same GraphQL answer. */
type Row = StatisticsRow;

type Figures = Omit<Row, 'latencyMs'>;

/** The rows without their latency, which no test can know in advance. */
const figures = (rows: Row[]): Figures[] => rows.map(({ latencyMs: _latency, ...rest }) => rest);

/** The rows of this file's two consumers and purposes (other files' requests of the same day count too). */
const ours = (rows: Row[]) =>
  rows.filter((row) => (row.consumerAgency === 'bhxh-tinh' && row.purpose === 'social-insurance') || (row.consumerAgency === 'so-y-te' && row.purpose === 'public-service-delivery'));

/** Every page of the statistics under a filter, as `who` reads them. */
async function allRows(who: Who, filter: Record<string, unknown>, first = 200): Promise<Row[]> {
  const rows: Row[] = [];
  let after: string | null = null;
  do {
    const { body } = await query(who, STATISTICS, { variables: { filter, first, after } });
    expect(body.errors).toBeUndefined();
    expect(body.data.sharingStatistics.unavailableRegisters).toEqual([]);
    rows.push(...body.data.sharingStatistics.nodes);
    after = body.data.sharingStatistics.pageInfo.hasNextPage ? body.data.sharingStatistics.pageInfo.endCursor : null;
  } while (after);
  return rows;
}

/** GET an export as `who` (no token for null), with the filter as query parameters. */
async function exported(path: string, who: Who | null, parameters: Record<string, string>) {
  const { gateway } = await getStack();
  const response = await fetch(`${gateway.url}${path}?${new URLSearchParams(parameters)}`, { headers: who ? { authorization: `Bearer ${tokenFor(who)}` } : {} });
  return { status: response.status, type: response.headers.get('content-type'), text: await response.text() };
}

async function aggregate(): Promise<void> {
  const { subgraphs } = await getStack();
  for (const subgraph of Object.values(subgraphs)) await subgraph.aggregateSharingStatistics();
}

describe('sharing statistics, as the operator keeps them', () => {
  const today = provinceDay(new Date());
  let people: string[];
  let expected: { insurance: Figures[]; health: Figures[] };

  beforeAll(async () => {
    await getStack();
    const province = seededProvince();
    people = province.citizens.filter((citizen) => !citizen.dateOfDeath && !province.demoCitizenIds.includes(citizen.id)).slice(40, 43).map((citizen) => citizen.id);
    const [first, second, third] = people;
    // Social insurance: one person's name (disclosed) and religion (refused), then two people's identity in one request.
    const one = await query(insurance, `{ citizen(id: "${first}") { fullName religion } }`, { headers: { 'x-case-id': 'BHXH-2026/0001' } });
    expect(one.body.errors?.map((error) => error.extensions?.reason)).toEqual(['AGENCY_NOT_ALLOWED']);
    const two = await query(insurance, `{ a: citizen(id: "${first}") { fullName } b: citizen(id: "${second}") { fullName dateOfBirth } }`, { headers: { 'x-case-id': 'BHXH-2026/0002' } });
    expect(two.body.errors).toBeUndefined();
    // The health department, with neither the person's consent nor their request: refused.
    const three = await query(health, `{ citizen(id: "${third}") { fullName } }`, { headers: { 'x-case-id': 'YT-2026/0003' } });
    expect(three.body.errors?.map((error) => error.extensions?.reason)).toEqual(['SUBJECT_REQUEST_REQUIRED']);
    // The police reading their own register: a third consumer, which neither of the two others sees.
    const own = await query({ ...police, purpose: 'residence-management' }, `{ citizen(id: "${third}") { fullName } }`, { headers: { 'x-case-id': 'CA-2026/0005' } });
    expect(own.body.errors).toBeUndefined();
    await aggregate();
    const row = (values: Partial<Figures> & Pick<Figures, 'service' | 'consumerAgency' | 'purpose'>): Figures => ({
      day: today,
      ownerAgency: 'cong-an-tinh',
      requests: 0,
      recordsDisclosed: 0,
      refusals: [],
      distinctSubjects: 0,
      ...values,
    });
    expected = {
      insurance: [
        row({ service: 'population.citizen:beliefs', consumerAgency: 'bhxh-tinh', purpose: 'social-insurance', requests: 1, refusals: [{ reason: 'AGENCY_NOT_ALLOWED', count: 1 }] }),
        row({ service: 'population.citizen:identity', consumerAgency: 'bhxh-tinh', purpose: 'social-insurance', requests: 2, recordsDisclosed: 3, distinctSubjects: 2 }),
      ],
      // Refused at the lookup itself: the register read no record, so no field of the person was asked.
      health: [row({ service: 'population.query:lookups', consumerAgency: 'so-y-te', purpose: 'public-service-delivery', requests: 1, refusals: [{ reason: 'SUBJECT_REQUEST_REQUIRED', count: 1 }] })],
    };
  });

  it('shows the social-insurance office its own use of the population register, exactly as it asked', async () => {
    expect(figures(await allRows(insurance, { from: today, to: today }))).toEqual(expected.insurance);
  });

  it('shows the health department its refused requests, and beside them only rows of its own register', async () => {
    const rows = await allRows(health, { from: today, to: today });
    expect(figures(ours(rows))).toEqual(expected.health);
    expect(rows.filter((row) => row.consumerAgency !== 'so-y-te' && row.ownerAgency !== 'so-y-te')).toEqual([]);
  });

  it('shows the police the use of their services by both agencies, and nothing of services they neither own nor use', async () => {
    const rows = await allRows(police, { from: today, to: today });
    expect(figures(ours(rows))).toEqual([...expected.insurance, ...expected.health].sort(byKey));
    expect(rows.filter((row) => row.ownerAgency !== 'cong-an-tinh' && row.consumerAgency !== 'cong-an-tinh')).toEqual([]);
  });

  it('shows the operator every agency, and the same rows a page at a time', async () => {
    const rows = await allRows(operator, { from: today, to: today });
    expect(figures(ours(rows))).toEqual([...expected.insurance, ...expected.health].sort(byKey));
    expect([...new Set(rows.map((row) => row.consumerAgency))]).toEqual(expect.arrayContaining(['bhxh-tinh', 'cong-an-tinh', 'so-y-te']));
    expect(await allRows(operator, { from: today, to: today }, 2)).toEqual(rows);
    // A security officer sees what the operator sees.
    expect(await allRows({ role: 'security-officer' }, { from: today, to: today })).toEqual(rows);
  });

  it('filters by consumer, service and purpose', async () => {
    expect(figures(await allRows(operator, { from: today, to: today, consumerAgency: 'bhxh-tinh', service: 'population.citizen:identity', purpose: 'social-insurance' }))).toEqual([expected.insurance[1]]);
    expect(figures(await allRows(police, { from: today, to: today, ownerAgency: 'cong-an-tinh', consumerAgency: 'so-y-te', purpose: 'public-service-delivery' }))).toEqual(expected.health);
  });

  it('gives the population register\'s time to answer each consumer, per purpose and day, the same on each of its rows', async () => {
    const [beliefs, identity] = await allRows(insurance, { from: today, to: today });
    // Two calls of social insurance to the population register (one per request), one of the health department.
    expect(identity.latencyMs).toEqual(beliefs.latencyMs);
    expect(identity.latencyMs.calls).toBe(2);
    const { p50, p95, p99 } = identity.latencyMs;
    expect(p50).toBeGreaterThan(0);
    expect([p50! <= p95!, p95! <= p99!]).toEqual([true, true]);
    const [health] = (await allRows(operator, { from: today, to: today, consumerAgency: 'so-y-te' })).filter((row) => row.purpose === 'public-service-delivery');
    expect(health.latencyMs).toMatchObject({ calls: 1, p50: expect.any(Number) });
    expect(health.latencyMs.p50).toBe(health.latencyMs.p99);
  });

  it('counts a request again after the next aggregation, and recomputing a day changes nothing else', async () => {
    await aggregate();
    expect(figures(await allRows(insurance, { from: today, to: today }))).toEqual(expected.insurance);
    const again = await query(insurance, `{ citizen(id: "${people[1]}") { fullName } }`, { headers: { 'x-case-id': 'BHXH-2026/0004' } });
    expect(again.body.errors).toBeUndefined();
    await aggregate();
    const [beliefs, identity] = expected.insurance;
    // The same person again: one more request and record, no new person.
    expected.insurance = [beliefs, { ...identity, requests: 3, recordsDisclosed: 4 }];
    expect(figures(await allRows(insurance, { from: today, to: today }))).toEqual(expected.insurance);
  });

  it('gives the social-insurance office and the operator the same rows in the CSV and JSON exports as in GraphQL', async () => {
    for (const who of [insurance, operator]) {
      const rows = await allRows(who, { from: today, to: today });
      const json = await exported(SHARING_STATISTICS_JSON_PATH, who, { from: today, to: today });
      expect({ status: json.status, type: json.type }).toEqual({ status: 200, type: 'application/json; charset=utf-8' });
      const document = JSON.parse(json.text);
      expect(document).toEqual({ generatedAt: expect.any(String), filter: { from: today, to: today }, count: rows.length, rows, unavailableRegisters: [] });
      const csv = await exported(SHARING_STATISTICS_CSV_PATH, who, { from: today, to: today });
      expect({ status: csv.status, type: csv.type, text: csv.text }).toEqual({ status: 200, type: 'text/csv; charset=utf-8', text: statisticsCsv(rows) });
    }
    // The social-insurance office's rows, as a spreadsheet reads them.
    const [beliefs] = await allRows(insurance, { from: today, to: today, service: 'population.citizen:beliefs' });
    const csv = await exported(SHARING_STATISTICS_CSV_PATH, insurance, { from: today, to: today, service: 'population.citizen:beliefs' });
    expect(csv.text).toBe(
      'day,ownerAgency,service,consumerAgency,purpose,requests,recordsDisclosed,refusals,refusalsByReason,distinctSubjects,latencyP50Ms,latencyP95Ms,latencyP99Ms,latencyCalls\r\n' +
        `${today},cong-an-tinh,population.citizen:beliefs,bhxh-tinh,social-insurance,1,0,1,AGENCY_NOT_ALLOWED:1,0,${beliefs.latencyMs.p50},${beliefs.latencyMs.p95},${beliefs.latencyMs.p99},${beliefs.latencyMs.calls}\r\n`,
    );
  });

  it('refuses the exports to citizens, to callers without a token and for a bad window, as GraphQL does', async () => {
    const window = { from: today, to: today };
    const citizen = await exported(SHARING_STATISTICS_CSV_PATH, { role: 'citizen', sub: people[0] }, window);
    expect(citizen.status).toBe(403);
    expect(JSON.parse(citizen.text).errors.map((error: { extensions: { code: string; reason: string } }) => [error.extensions.code, error.extensions.reason])).toEqual([['FORBIDDEN', 'ROLE_NOT_ALLOWED']]);
    const anonymous = await exported(SHARING_STATISTICS_JSON_PATH, null, window);
    expect({ status: anonymous.status, code: JSON.parse(anonymous.text).errors[0].extensions.code }).toEqual({ status: 401, code: 'UNAUTHENTICATED' });
    const backwards = await exported(SHARING_STATISTICS_JSON_PATH, operator, { from: '2026-12-05', to: '2026-12-01' });
    expect({ status: backwards.status, errors: JSON.parse(backwards.text).errors.map((error: { message: string; extensions: { code: string } }) => [error.extensions.code, error.message]) }).toEqual({
      status: 400,
      errors: [['BAD_USER_INPUT', '"to" must not be before "from"']],
    });
    const missing = await exported(SHARING_STATISTICS_CSV_PATH, operator, { from: today });
    expect({ status: missing.status, body: JSON.parse(missing.text) }).toEqual({ status: 400, body: { errors: [{ message: '"to" is required: a date written YYYY-MM-DD', extensions: { code: 'BAD_USER_INPUT' } }] } });
    const unknown = await exported(SHARING_STATISTICS_CSV_PATH, operator, { ...window, agency: 'bhxh-tinh' });
    expect({ status: unknown.status, body: JSON.parse(unknown.text) }).toEqual({
      status: 400,
      body: { errors: [{ message: 'Unknown parameter "agency": the export takes from, to, ownerAgency, consumerAgency, service, purpose', extensions: { code: 'BAD_USER_INPUT' } }] },
    });
  });

  it('refuses citizens and callers without a token', async () => {
    const citizen: Who = { role: 'citizen', sub: people[0] };
    expectAnswer(await query(citizen, STATISTICS, { variables: { filter: { from: today, to: today } } }), {
      data: { sharingStatistics: null },
      errors: [refused('sharingStatistics', 'ROLE_NOT_ALLOWED')],
    });
    const anonymous = await query(null, STATISTICS, { variables: { filter: { from: today, to: today }, first: 1 } });
    expectAnswer(anonymous, { status: 401, data: undefined, errors: [{ code: 'UNAUTHENTICATED' }] });
  });

  it('tells an officer plainly what is wrong with a window, an agency or a service, and answers nothing', async () => {
    const bad = async (filter: Record<string, unknown>, message: string) =>
      expectAnswer(await query(operator, STATISTICS, { variables: { filter } }), { data: { sharingStatistics: null }, errors: [{ code: 'BAD_USER_INPUT', path: 'sharingStatistics', message }] });
    await bad({ from: '2026-12-05', to: '2026-12-01' }, '"to" must not be before "from"');
    await bad({ from: '2025-01-01', to: '2026-01-02' }, 'The window from "from" to "to" must be at most 366 days');
    await bad({ from: '2026-02-30', to: '2026-03-01' }, '"from" must be a date written YYYY-MM-DD, like 2026-12-01');
    await bad({ from: today, to: today, consumerAgency: 'so-khong-co' }, '"consumerAgency" must be an agency of the directory (agencies), like "cong-an-tinh"');
    await bad({ from: today, to: today, ownerAgency: 'so-khong-co' }, '"ownerAgency" must be an agency of the directory (agencies), like "cong-an-tinh"');
    await bad({ from: today, to: today, service: 'population.citizen:nothing' }, '"service" must be a service of the catalogue (sharingServices), like "population.citizen:identity"');
    await bad({ from: today, to: today, purpose: 'no-such-purpose' }, '"purpose" must be a purpose of the purpose list (purposes), like "civil-status-procedure"');
    // A whole leap year is a window of 366 days.
    expect(await allRows(operator, { from: '2024-01-01', to: '2024-12-31' })).toEqual([]);
  });
});

function byKey(a: Figures, b: Figures): number {
  const key = (row: Figures) => [row.day, row.service, row.consumerAgency, row.purpose ?? ''].join('\u0000');
  return key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;
}

