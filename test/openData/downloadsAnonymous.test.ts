// A citizen without a token downloads a published open dataset as CSV or JSON from the gateway: UTF-8
// with a header row, an ETag and Last-Modified that let a cache ask again for the price of a 304, a
// clear 404 for a dataset that is unknown, not yet published or withdrawn, and a file that never mixes
// two versions. An anonymous flood from one address meets 429.
import { get } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningGateway } from '../../gateway/src/startGateway.ts';
import { csvLine } from '../../gateway/src/openData/encodeRows.ts';
import { signDevUserToken } from '../../shared/auth/userToken.ts';
import { getStack, postGraphQL, query, tokenFor, type GraphQLResponse } from '../support/stack.ts';
import { startLimitedGateway } from '../support/limitedGateway.ts';
import { openDataFixture, type PublishedVersion } from './feedsPublish.ts';

const ENTERPRISE_COLUMNS = ['enterprise_code', 'name', 'address', 'status', 'sector', 'registered_on'];
const enterprises: Array<Array<string | null>> = [
  ['3300100001', 'Công ty TNHH Phố Hiến', 'Số 1, phường Hiến Nam, Hưng Yên', 'ACTIVE', '4620', '2012-03-04'],
  ['3300100002', 'Công ty CP "Sông Hồng", chi nhánh 2', 'Thôn Đông\nxã Tân Hưng', 'ACTIVE', '1079', '2015-06-30'],
  ['3300100003', 'HTX Nông nghiệp Kim Động', null, 'DISSOLVED', '0111', '2001-01-15'],
];
const POPULATION_COLUMNS = ['unit_code', 'gender', 'age_band', 'people'];
const DATA_CHANGED_AT = new Date('2026-11-02T03:04:05.678Z');

const fixture = openDataFixture();
const publishVersion = fixture.publish;
let base: string;
let published: PublishedVersion;

async function download(path: string, headers: Record<string, string> = {}) {
  const response = await fetch(`${base}${path}`, { headers });
  return { status: response.status, headers: response.headers, text: await response.text() };
}

beforeAll(async () => {
  base = (await getStack()).gateway.url;
  published = await publishVersion('enterprises', ENTERPRISE_COLUMNS, enterprises, DATA_CHANGED_AT);
  await fixture.neverPublished('civil-events-by-month-commune');
});

afterAll(async () => {
  await fixture.restore();
});

describe('a citizen without a token downloading a published dataset', () => {
  it('gets the CSV: UTF-8, a header row, RFC 4180 quoting, CRLF, with its validators and cache headers', async () => {
    const { status, headers, text } = await download('/open-data/datasets/enterprises.csv');
    expect(status).toBe(200);
    expect(headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(headers.get('content-disposition')).toBe('attachment; filename="enterprises.csv"');
    expect(headers.get('etag')).toBe(`"${published.sha256}-csv-e1"`);
    expect(headers.get('last-modified')).toBe('Mon, 02 Nov 2026 03:04:05 GMT');
    expect(headers.get('cache-control')).toBe('public, max-age=300');
    expect(headers.get('access-control-allow-origin')).toBe('*');
    expect(text).toBe(
      'enterprise_code,name,address,status,sector,registered_on\r\n' +
        '3300100001,Công ty TNHH Phố Hiến,"Số 1, phường Hiến Nam, Hưng Yên",ACTIVE,4620,2012-03-04\r\n' +
        '3300100002,"Công ty CP ""Sông Hồng"", chi nhánh 2","Thôn Đông\nxã Tân Hưng",ACTIVE,1079,2015-06-30\r\n' +
        '3300100003,HTX Nông nghiệp Kim Động,,DISSOLVED,0111,2001-01-15\r\n',
    );
  });

  it('gets the JSON: an array of objects keyed by column name, its own ETag', async () => {
    const { status, headers, text } = await download('/open-data/datasets/enterprises.json');
    expect(status).toBe(200);
    expect(headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(headers.get('etag')).toBe(`"${published.sha256}-json-e1"`);
    expect(JSON.parse(text)).toEqual(enterprises.map((row) => Object.fromEntries(ENTERPRISE_COLUMNS.map((name, index) => [name, row[index]]))));
  });

  it('gets numbers as numbers and suppressed cells as null in JSON', async () => {
    await publishVersion('population-by-commune-gender-age', POPULATION_COLUMNS, [
      ['33001', 'F', '0-4', 120],
      ['33001', 'M', '0-4', null],
    ]);
    const { text } = await download('/open-data/datasets/population-by-commune-gender-age.json');
    expect(JSON.parse(text)).toEqual([
      { unit_code: '33001', gender: 'F', age_band: '0-4', people: 120 },
      { unit_code: '33001', gender: 'M', age_band: '0-4', people: null },
    ]);
  });

  it('gets 304 and no body when its copy is current (If-None-Match, or If-Modified-Since), the file when not', async () => {
    const etag = `"${published.sha256}-csv-e1"`;
    const same = await download('/open-data/datasets/enterprises.csv', { 'if-none-match': etag });
    expect(same.status).toBe(304);
    expect(same.text).toBe('');
    expect(same.headers.get('etag')).toBe(etag);
    const since = await download('/open-data/datasets/enterprises.csv', { 'if-modified-since': 'Mon, 02 Nov 2026 03:04:05 GMT' });
    expect(since.status).toBe(304);
    const stale = await download('/open-data/datasets/enterprises.csv', { 'if-none-match': `"${'0'.repeat(64)}-csv-e1"` });
    expect(stale.status).toBe(200);
    const older = await download('/open-data/datasets/enterprises.csv', { 'if-modified-since': 'Sun, 01 Nov 2026 00:00:00 GMT' });
    expect(older.status).toBe(200);
  });

  it('gets the headers alone with HEAD', async () => {
    const response = await fetch(`${base}/open-data/datasets/enterprises.csv`, { method: 'HEAD' });
    expect(response.status).toBe(200);
    expect(response.headers.get('etag')).toBe(`"${published.sha256}-csv-e1"`);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(await response.text()).toBe('');
  });

  it('gets the same file with a valid token, and 401 with a bad one', async () => {
    const signedIn = await download('/open-data/datasets/enterprises.csv', { authorization: `Bearer ${tokenFor({ role: 'citizen', sub: '033194012345' })}` });
    expect(signedIn.status).toBe(200);
    expect(signedIn.text.startsWith('enterprise_code,')).toBe(true);
    const bad = await download('/open-data/datasets/enterprises.csv', { authorization: 'Bearer not.a.token' });
    expect(bad.status).toBe(401);
    expect(JSON.parse(bad.text).errors[0].extensions.code).toBe('UNAUTHENTICATED');
  });
});

describe('a dataset a publisher has just refreshed', () => {
  it('is downloadable at once, its CSV holding exactly the rows GraphQL pages give, its ETag the version’s', async () => {
    await fixture.watch('administrative-units');
    const publisher = signDevUserToken({ roles: ['publisher'], agency: 'so-khoa-hoc-cong-nghe', sub: 'xb-feeds-01' });
    const refresh = await postGraphQL(`${base}/graphql`, 'mutation { refreshOpenDataset(id: "administrative-units") { outcome dataset { currentVersion { number sha256 } } } }', { token: publisher });
    expect(refresh.body.errors).toBeUndefined();
    const { sha256 } = refresh.body.data.refreshOpenDataset.dataset.currentVersion;
    const columns: string[] = [];
    const rows: Array<Array<string | null>> = [];
    let after: string | null = null;
    do {
      const page: GraphQLResponse = await query(null, 'query ($after: String) { openDataset(id: "administrative-units") { columns { name } rows(first: 50, after: $after) { nodes { values } pageInfo { hasNextPage endCursor } } } }', { variables: { after } });
      expect(page.body.errors).toBeUndefined();
      if (!columns.length) columns.push(...page.body.data.openDataset.columns.map((column: { name: string }) => column.name));
      rows.push(...page.body.data.openDataset.rows.nodes.map((node: { values: Array<string | null> }) => node.values));
      after = page.body.data.openDataset.rows.pageInfo.hasNextPage ? page.body.data.openDataset.rows.pageInfo.endCursor : null;
    } while (after);
    expect(rows.length).toBeGreaterThan(50);
    const { status, headers, text } = await download('/open-data/datasets/administrative-units.csv');
    expect(status).toBe(200);
    expect(headers.get('etag')).toBe(`"${sha256}-csv-e1"`);
    expect(text).toBe([columns, ...rows].map(csvLine).join(''));
  });
});

describe('a citizen asking for a dataset that cannot be downloaded', () => {
  it('gets 404 NOT_FOUND for an unknown dataset, and for a path that is no dataset file', async () => {
    const unknown = await download('/open-data/datasets/no-such-dataset.csv');
    expect(unknown.status).toBe(404);
    expect(JSON.parse(unknown.text).errors[0]).toMatchObject({ message: 'No open dataset "no-such-dataset": the list is at /api/3/action/package_list', extensions: { code: 'NOT_FOUND' } });
    const wrongFormat = await download('/open-data/datasets/enterprises.xlsx');
    expect(wrongFormat.status).toBe(404);
    expect(JSON.parse(wrongFormat.text).errors[0].extensions.code).toBe('NOT_FOUND');
  });

  it('gets 404 NOT_YET_PUBLISHED for a dataset never published', async () => {
    const { status, headers, text } = await download('/open-data/datasets/civil-events-by-month-commune.csv');
    expect(status).toBe(404);
    expect(headers.get('etag') ?? '').not.toMatch(/^"[0-9a-f]{64}-csv/);
    expect(JSON.parse(text).errors[0]).toMatchObject({ message: 'The dataset "civil-events-by-month-commune" has not been published yet', extensions: { code: 'NOT_YET_PUBLISHED' } });
  });

  it('gets 404 DATASET_WITHDRAWN, with the reason, for a withdrawn dataset', async () => {
    await publishVersion('land-area-by-purpose-commune', ['unit_code', 'purpose', 'area_ha'], [['33001', 'LUA', '12.5']]);
    await fixture.withdraw('land-area-by-purpose-commune', 'Số liệu sai đơn vị');
    const { status, text } = await download('/open-data/datasets/land-area-by-purpose-commune.json');
    expect(status).toBe(404);
    expect(JSON.parse(text).errors[0]).toMatchObject({
      message: 'The dataset "land-area-by-purpose-commune" was withdrawn by its publisher: Số liệu sai đơn vị',
      extensions: { code: 'DATASET_WITHDRAWN' },
    });
  });
});

describe('a large download', () => {
  const many = (version: string, count: number) => Array.from({ length: count }, (_, index) => [`${version}-${String(index).padStart(6, '0')}`, 'F', 'x'.repeat(80), index]);

  it('arrives whole over several pages of 5,000 rows, in order', async () => {
    const rows = many('v', 12_001);
    await publishVersion('population-by-commune-gender-age', POPULATION_COLUMNS, rows);
    const { status, text } = await download('/open-data/datasets/population-by-commune-gender-age.csv');
    expect(status).toBe(200);
    const lines = text.split('\r\n');
    expect(lines).toHaveLength(12_001 + 2);
    expect(lines[1]).toBe(`v-000000,F,${'x'.repeat(80)},0`);
    expect(lines[12_001]).toBe(`v-012000,F,${'x'.repeat(80)},12000`);
  });

  it('stays of the version it started with when a new one is published while the client reads', async () => {
    await publishVersion('population-by-commune-gender-age', POPULATION_COLUMNS, many('old', 15_000));
    const text = await new Promise<string>((resolve, reject) => {
      get(`${base}/open-data/datasets/population-by-commune-gender-age.csv`, (response) => {
        const chunks: Buffer[] = [];
        let switched = false;
        response.on('data', (chunk: Buffer) => {
          chunks.push(chunk);
          if (switched) return;
          switched = true;
          // The client stops reading after the first bytes; meanwhile a new version is published.
          response.pause();
          publishVersion('population-by-commune-gender-age', POPULATION_COLUMNS, many('new', 10)).then(() => response.resume(), reject);
        });
        response.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
        response.on('error', reject);
      }).on('error', reject);
    });
    const lines = text.split('\r\n').filter(Boolean);
    expect(lines).toHaveLength(15_001);
    expect(lines.slice(1).every((line) => line.startsWith('old-'))).toBe(true);
    // And the next download is the new version, whole.
    const after = await download('/open-data/datasets/population-by-commune-gender-age.csv');
    expect(after.text.split('\r\n').filter(Boolean)).toHaveLength(11);
  });
});

describe('an anonymous flood of downloads from one address', () => {
  let gateway: RunningGateway;

  beforeAll(async () => {
    gateway = await startLimitedGateway({ anonymous: { perSecond: 1 / 60, burst: 3 } });
  });

  afterAll(async () => {
    await gateway?.close();
  });

  it('meets 429 with Retry-After once the burst is spent, while a signed-in caller still downloads', async () => {
    const statuses: number[] = [];
    let refusal: globalThis.Response | undefined;
    for (let i = 0; i < 6; i += 1) {
      const response = await fetch(`${gateway.url}/open-data/datasets/enterprises.csv`);
      statuses.push(response.status);
      if (response.status === 429) refusal = response;
      else await response.text();
    }
    expect(statuses).toEqual([200, 200, 200, 429, 429, 429]);
    expect(Number(refusal!.headers.get('retry-after'))).toBeGreaterThan(0);
    const refusalBody = (await refusal!.json()) as { errors: Array<{ extensions: { code: string } }> };
    expect(refusalBody.errors[0].extensions.code).toBe('RATE_LIMITED');
    const officer = await fetch(`${gateway.url}/open-data/datasets/enterprises.csv`, { headers: { authorization: `Bearer ${tokenFor({ role: 'officer', agency: 'so-tai-chinh', sub: 'acct-1' })}` } });
    expect(officer.status).toBe(200);
    await officer.text();
  });
});
