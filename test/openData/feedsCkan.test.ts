// A journalist's CKAN client (and the national portal's CKAN harvester) reading the province's open data
// through CKAN's read actions, without a token: the envelope {help, success, result}, packages with their
// organization, tags, licence and resources, search with fq, sort, paging and facets, organizations, and
// errors as CKAN gives them.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { config } from '../../shared/config/config.ts';
import { readOpenDataList } from '../../shared/openData/readOpenDataList.ts';
import { getStack, query } from '../support/stack.ts';
import { openDataFixture } from './feedsPublish.ts';

const list = readOpenDataList();
const ids = list.datasets.map((dataset) => dataset.id).sort();
const publicUrl = config.publicGatewayUrl;
const fixture = openDataFixture();
let base: string;
/** The datasets published now (other test files publish too), by id. */
let publishedIds: string[];

interface CkanAnswer {
  help: string;
  success: boolean;
  result?: any;
  error?: { __type: string; message: string; [field: string]: unknown };
}

async function action(name: string, parameters: Record<string, string> = {}): Promise<{ status: number; body: CkanAnswer }> {
  const response = await fetch(`${base}/api/3/action/${name}?${new URLSearchParams(parameters)}`);
  return { status: response.status, body: (await response.json()) as CkanAnswer };
}

beforeAll(async () => {
  base = (await getStack()).gateway.url;
  await fixture.publish('enterprises', ['enterprise_code', 'name', 'address', 'status', 'sector', 'registered_on'], [['3300100001', 'Công ty TNHH Phố Hiến', 'Hưng Yên', 'ACTIVE', '4620', '2012-03-04']], new Date('2026-11-02T03:04:05.678Z'));
  await fixture.publish('population-by-commune-gender-age', ['unit_code', 'gender', 'age_band', 'people'], [['33001', 'F', '0-4', 120]]);
  await fixture.neverPublished('civil-events-by-month-commune');
  const answer = await query(null, '{ openDatasets(first: 100) { nodes { id status } } }');
  publishedIds = answer.body.data.openDatasets.nodes.filter((node: { status: string }) => node.status === 'PUBLISHED').map((node: { id: string }) => node.id).sort();
});

afterAll(async () => {
  await fixture.restore();
});

describe('a CKAN client listing and showing packages', () => {
  it('lists every dataset of the open-data list by name with package_list', async () => {
    const { status, body } = await action('package_list');
    expect(status).toBe(200);
    expect(body).toEqual({ help: `${publicUrl}/api/3/action/help_show?name=package_list`, success: true, result: ids });
  });

  it('shows a published package with what a harvester reads: organization, tags, licence, metadata_modified, resources with absolute URLs', async () => {
    const entry = list.datasets.find((dataset) => dataset.id === 'enterprises')!;
    const { status, body } = await action('package_show', { id: 'enterprises' });
    expect(status).toBe(200);
    expect(body.success).toBe(true);
    const pkg = body.result;
    expect(pkg).toMatchObject({
      id: 'enterprises',
      name: 'enterprises',
      title: entry.title.vi,
      notes: entry.description.vi,
      license_id: 'cc-by',
      organization: { name: 'so-tai-chinh', is_organization: true },
      num_resources: 2,
    });
    expect(pkg.organization.title).toBeTruthy();
    expect(pkg.tags.map((tag: { name: string }) => tag.name)).toEqual([...entry.keywords.vi, ...entry.keywords.en]);
    expect(pkg.metadata_modified).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}$/);
    expect(pkg.resources.map((resource: { format: string; url: string; mimetype: string }) => [resource.format, resource.mimetype, resource.url])).toEqual([
      ['CSV', 'text/csv', `${publicUrl}/open-data/datasets/enterprises.csv`],
      ['JSON', 'application/json', `${publicUrl}/open-data/datasets/enterprises.json`],
    ]);
    expect(pkg.extras).toEqual(expect.arrayContaining([{ key: 'status', value: 'PUBLISHED' }, { key: 'data_modified', value: '2026-11-02T03:04:05.678Z' }, { key: 'frequency', value: 'MONTHLY' }]));
  });

  it('shows a package never published without resources, its status in extras', async () => {
    const { body } = await action('package_show', { id: 'civil-events-by-month-commune' });
    expect(body.result.resources).toEqual([]);
    expect(body.result.extras).toContainEqual({ key: 'status', value: 'NOT_YET_PUBLISHED' });
  });

  it('gets CKAN’s errors: 404 Not Found Error for an unknown package, 409 Validation Error without an id, 400 for an unknown action', async () => {
    expect(await action('package_show', { id: 'no-such-dataset' })).toEqual({
      status: 404,
      body: { help: `${publicUrl}/api/3/action/help_show?name=package_show`, success: false, error: { __type: 'Not Found Error', message: 'Not found' } },
    });
    expect(await action('package_show')).toEqual({
      status: 409,
      body: { help: `${publicUrl}/api/3/action/help_show?name=package_show`, success: false, error: { __type: 'Validation Error', message: 'id: Missing value', id: ['Missing value'] } },
    });
    const unknown = await action('package_create');
    expect(unknown.status).toBe(400);
    expect(unknown.body.error).toEqual({ __type: 'Bad Request', message: 'Bad request - Action name not known: package_create' });
  });
});

describe('a CKAN client searching', () => {
  it('filters with fq, sorts and pages, and counts over every match', async () => {
    const { body } = await action('package_search', { fq: 'res_format:CSV', sort: 'name asc', rows: '1', start: '1' });
    expect(body.success).toBe(true);
    expect(publishedIds).toEqual(expect.arrayContaining(['enterprises', 'population-by-commune-gender-age']));
    expect(body.result.count).toBe(publishedIds.length);
    expect(body.result.results.map((pkg: { name: string }) => pkg.name)).toEqual([publishedIds[1]]);
    const byPublisher = await action('package_search', { fq: 'organization:so-khoa-hoc-cong-nghe', sort: 'name desc' });
    expect(byPublisher.body.result.results.map((pkg: { name: string }) => pkg.name)).toEqual(
      list.datasets.filter((dataset) => dataset.publisher === 'so-khoa-hoc-cong-nghe').map((dataset) => dataset.id).sort().reverse(),
    );
  });

  it('finds by free text in Vietnamese, with or without accents', async () => {
    const accented = await action('package_search', { q: 'doanh nghiệp' });
    const plain = await action('package_search', { q: 'doanh nghiep' });
    expect(accented.body.result.results.map((pkg: { name: string }) => pkg.name)).toContain('enterprises');
    expect(plain.body.result.results.map((pkg: { name: string }) => pkg.name)).toEqual(accented.body.result.results.map((pkg: { name: string }) => pkg.name));
  });

  it('answers facets in both of CKAN’s shapes', async () => {
    const { body } = await action('package_search', { 'facet.field': '["organization","groups","license_id"]', rows: '0' });
    const publishers = new Map<string, number>();
    for (const dataset of list.datasets) publishers.set(dataset.publisher, (publishers.get(dataset.publisher) ?? 0) + 1);
    expect(body.result.count).toBe(ids.length);
    expect(body.result.results).toEqual([]);
    expect(body.result.facets.organization).toEqual(Object.fromEntries(publishers));
    expect(body.result.facets.license_id).toEqual({ 'cc-by': ids.length });
    expect(body.result.search_facets.license_id).toEqual({ title: 'license_id', items: [{ name: 'cc-by', display_name: 'Creative Commons Attribution 4.0', count: ids.length }] });
  });

  it('takes its parameters as a JSON body, as ckanapi posts them', async () => {
    const response = await fetch(`${base}/api/3/action/package_search`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ fq: 'tags:enterprises', rows: 5 }),
    });
    const body = (await response.json()) as CkanAnswer;
    expect(response.status).toBe(200);
    expect(body.result.results.map((pkg: { name: string }) => pkg.name)).toEqual(['enterprises']);
  });

  it('gets 409 for a bad rows value or an unknown sort field', async () => {
    const rows = await action('package_search', { rows: 'many' });
    expect(rows.status).toBe(409);
    expect(rows.body.error).toEqual({ __type: 'Validation Error', message: 'rows: Invalid integer', rows: ['Invalid integer'] });
    const sort = await action('package_search', { sort: 'views desc' });
    expect(sort.status).toBe(409);
    expect(sort.body.error!.__type).toBe('Search Query Error');
  });
});

describe('a CKAN client reading organizations', () => {
  it('lists the publishing agencies by name, or with all fields and package counts', async () => {
    const publishers = [...new Set(list.datasets.map((dataset) => dataset.publisher))].sort();
    const names = await action('organization_list', { sort: 'name asc' });
    expect(names.body.result).toEqual(publishers);
    const full = await action('organization_list', { all_fields: 'true', sort: 'name asc' });
    expect(full.body.result.map((org: { name: string; package_count: number }) => [org.name, org.package_count])).toEqual(
      publishers.map((code) => [code, list.datasets.filter((dataset) => dataset.publisher === code).length]),
    );
  });

  it('shows one organization, its packages on request, and 404 for an unknown one', async () => {
    const { body } = await action('organization_show', { id: 'so-tai-chinh', include_datasets: 'true' });
    expect(body.result).toMatchObject({ name: 'so-tai-chinh', is_organization: true, package_count: 1 });
    expect(body.result.packages.map((pkg: { name: string }) => pkg.name)).toEqual(['enterprises']);
    const missing = await action('organization_show', { id: 'so-khong-co' });
    expect(missing.status).toBe(404);
    expect(missing.body.error).toEqual({ __type: 'Not Found Error', message: 'Not found' });
  });
});
