// A journalist's CKAN client searching the list: free text without accents, fq on organization, tags,
// formats, themes and licence, sorting, paging and facets in CKAN's shapes; bad parameters refused as
// CKAN refuses them.
import { describe, expect, it } from 'vitest';
import { PUBLIC_URL, sampleDatasets } from '../../../test/openData/feedsFixtures.ts';
import { ckanPackage } from './ckanPackage.ts';
import { CkanError, searchPackages } from './ckanSearch.ts';

const packages = sampleDatasets().map((dataset) => ckanPackage(dataset, PUBLIC_URL));
const names = (parameters: Record<string, unknown>) => searchPackages(packages, parameters).results.map((pkg) => pkg.name);
const refusal = (parameters: Record<string, unknown>) => {
  try {
    searchPackages(packages, parameters);
  } catch (error) {
    if (error instanceof CkanError) return { status: error.status, type: error.type };
    throw error;
  }
  return null;
};

describe('a CKAN package made from a dataset', () => {
  it('carries what harvesters read: organization, tags, licence id, absolute resource URLs with formats, extras', () => {
    const pkg = packages.find((entry) => entry.name === 'enterprises')!;
    expect(pkg).toMatchObject({
      id: 'enterprises',
      title: 'Doanh nghiệp đăng ký',
      license_id: 'cc-by',
      organization: { name: 'so-tai-chinh', title: 'Sở Tài chính', is_organization: true },
      metadata_modified: '2026-11-10T00:00:00.000000',
      num_resources: 2,
    });
    expect(pkg.tags.map((tag) => tag.name)).toEqual(['doanh nghiệp', 'enterprises']);
    expect(pkg.groups.map((group) => group.name)).toEqual(['econ']);
    expect(pkg.resources.map((resource) => [resource.format, resource.mimetype, resource.url])).toEqual([
      ['CSV', 'text/csv', `${PUBLIC_URL}/open-data/datasets/enterprises.csv`],
      ['JSON', 'application/json', `${PUBLIC_URL}/open-data/datasets/enterprises.json`],
    ]);
    expect(pkg.extras).toContainEqual({ key: 'freshness', value: 'FRESH' });
  });

  it('has no resources while its files are not served (withdrawn or never published), and says why in extras', () => {
    const withdrawn = packages.find((entry) => entry.name === 'land-area')!;
    expect(withdrawn.resources).toEqual([]);
    expect(withdrawn.extras).toContainEqual({ key: 'status', value: 'WITHDRAWN' });
    expect(withdrawn.extras).toContainEqual({ key: 'withdrawn_reason', value: 'Sai số liệu' });
    expect(packages.find((entry) => entry.name === 'civil-events')!.resources).toEqual([]);
  });
});

describe('package_search', () => {
  it('finds by free text whatever the accents, every word required', () => {
    expect(names({ q: 'dan so' })).toEqual(['population-by-commune']);
    expect(names({ q: 'Dân số' })).toEqual(['population-by-commune']);
    expect(names({ q: 'population land' })).toEqual([]);
    expect(names({ q: '*:*', sort: 'name asc' })).toEqual(['civil-events', 'enterprises', 'land-area', 'population-by-commune']);
  });

  it('filters with fq on organization, tags, res_format, groups and license_id, and excludes with -', () => {
    expect(names({ fq: 'organization:cong-an-tinh' })).toEqual(['population-by-commune']);
    expect(names({ fq: 'tags:"dân số"' })).toEqual(['population-by-commune']);
    expect(names({ fq: 'res_format:CSV', sort: 'name asc' })).toEqual(['enterprises', 'population-by-commune']);
    expect(names({ fq: 'groups:soci', sort: 'name asc' })).toEqual(['civil-events', 'population-by-commune']);
    expect(names({ fq: 'license_id:cc-by -organization:so-tai-chinh', sort: 'name asc' })).toEqual(['land-area', 'population-by-commune']);
    expect(names({ fq: 'organization:(cong-an-tinh OR so-nong-nghiep-moi-truong)', sort: 'name asc' })).toEqual(['land-area', 'population-by-commune']);
    expect(names({ q: 'tags:land' })).toEqual(['land-area']);
  });

  it('sorts by metadata_modified, name or title, and pages with rows and start over the whole count', () => {
    expect(names({ sort: 'metadata_modified desc' })).toEqual(['land-area', 'enterprises', 'population-by-commune', 'civil-events']);
    expect(names({ sort: 'name desc', rows: 2, start: 1 })).toEqual(['land-area', 'enterprises']);
    const result = searchPackages(packages, { rows: '1' });
    expect(result.count).toBe(4);
    expect(result.results).toHaveLength(1);
  });

  it('ranks title matches above description matches by score', () => {
    expect(names({ q: 'commune', sort: 'score desc' })).toEqual(['population-by-commune']);
  });

  it('counts facets over every match, as facets and as search_facets with display names, limited by facet.limit', () => {
    const result = searchPackages(packages, { 'facet.field': '["organization","groups"]', 'facet.limit': '1', rows: 0 });
    expect(result.results).toEqual([]);
    expect(result.facets).toEqual({ organization: { 'so-tai-chinh': 2 }, groups: { soci: 2 } });
    expect(result.search_facets.organization).toEqual({ title: 'organization', items: [{ name: 'so-tai-chinh', display_name: 'Sở Tài chính', count: 2 }] });
    expect(searchPackages(packages, { 'facet.field': ['tags'], 'facet.limit': -1 }).search_facets.tags.items).toHaveLength(8);
  });

  it('refuses what CKAN refuses: a bad integer (409 Validation Error), an unknown field or sort (409 Search Query Error)', () => {
    expect(refusal({ rows: 'ten' })).toEqual({ status: 409, type: 'Validation Error' });
    expect(refusal({ rows: 5000 })).toEqual({ status: 409, type: 'Validation Error' });
    expect(refusal({ start: '-1' })).toEqual({ status: 409, type: 'Validation Error' });
    expect(refusal({ fq: 'author:someone' })).toEqual({ status: 409, type: 'Search Query Error' });
    expect(refusal({ sort: 'popularity desc' })).toEqual({ status: 409, type: 'Search Query Error' });
    expect(refusal({ 'facet.field': '["maintainer"]' })).toEqual({ status: 409, type: 'Search Query Error' });
  });
});
