// Anyone reads the province's open datasets through GraphQL, with or without a token: the list with its
// filters, one dataset with its metadata, and its rows a page at a time; a dataset never published is
// listed as such, and overdue. Personal fields stay refused to callers without a token, and nothing but
// open data reaches a subgraph for them.
import { beforeAll, describe, expect, it } from 'vitest';
import { readOpenDataList } from '../../shared/openData/readOpenDataList.ts';
import { expectAnswer } from '../support/expectAnswer.ts';
import { getStack, query, sqlStatements } from '../support/stack.ts';
import { anonymous, call, publisherOf } from './openDataCallers.ts';

const LIST = `query ($filter: OpenDatasetFilter, $first: Int, $after: String) {
  openDatasets(filter: $filter, first: $first, after: $after) { nodes { id status publisher publisherName } pageInfo { hasNextPage endCursor } totalCount }
}`;
const ROWS = `query ($id: ID!, $first: Int, $after: String) { openDataset(id: $id) {
  columns { name } currentVersion { number rowCount }
  rows(first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } nodes { values } }
} }`;

describe('anyone reading the open datasets', () => {
  const list = readOpenDataList();
  const ids = list.datasets.map((dataset) => dataset.id).sort();

  beforeAll(async () => {
    await getStack();
    const { body } = await call(publisherOf('so-khoa-hoc-cong-nghe'), `mutation { refreshOpenDataset(id: "administrative-units") { outcome } }`);
    expect(body.errors).toBeUndefined();
  });

  it('lists every dataset of the open-data list to a caller without a token, a page at a time', async () => {
    const first = await call(anonymous, LIST, { first: 4 });
    expect(first.body.errors).toBeUndefined();
    expect(first.body.data.openDatasets.nodes.map((node: { id: string }) => node.id)).toEqual(ids.slice(0, 4));
    expect(first.body.data.openDatasets.totalCount).toBe(ids.length);
    expect(first.body.data.openDatasets.pageInfo.hasNextPage).toBe(true);
    const second = await call(anonymous, LIST, { first: 4, after: first.body.data.openDatasets.pageInfo.endCursor });
    expect(second.body.data.openDatasets.nodes.map((node: { id: string }) => node.id)).toEqual(ids.slice(4));
    expect(second.body.data.openDatasets.pageInfo.hasNextPage).toBe(false);
    expect(first.body.data.openDatasets.nodes[0]).toMatchObject({ id: ids[0] });
    expect(first.body.data.openDatasets.nodes.find((node: { id: string }) => node.id === 'administrative-units')).toEqual({
      id: 'administrative-units',
      status: 'PUBLISHED',
      publisher: 'so-khoa-hoc-cong-nghe',
      publisherName: 'Sở Khoa học và Công nghệ tỉnh Hưng Yên',
    });
  });

  it('filters by publisher, theme, keyword and words of the title, in either language, without diacritics', async () => {
    const ofFilter = async (filter: Record<string, unknown>) => {
      const { body } = await call(anonymous, LIST, { filter });
      expect(body.errors).toBeUndefined();
      return body.data.openDatasets.nodes.map((node: { id: string }) => node.id);
    };
    expect(await ofFilter({ publisher: 'so-khoa-hoc-cong-nghe' })).toEqual(['administrative-units', 'sharing-services']);
    expect(await ofFilter({ theme: 'TECH' })).toEqual(['sharing-services']);
    expect(await ofFilter({ keyword: 'LGSP' })).toEqual(['sharing-services']);
    expect(await ofFilter({ text: 'truoc sap xep' })).toEqual(['administrative-units']);
    expect(await ofFilter({ text: 'DATA-SHARING services' })).toEqual(['sharing-services']);
    expectAnswer(await call(anonymous, LIST, { filter: { theme: 'NOPE' } }), {
      data: null,
      errors: [{ code: 'BAD_USER_INPUT', path: 'openDatasets', message: '"theme" must be an EU data-theme code: AGRI, ECON, EDUC, ENER, ENVI, GOVE, HEAL, INTR, JUST, REGI, SOCI, TECH, TRAN' }],
    });
  });

  it('gives one dataset’s metadata as the list’s file states it', async () => {
    const { body } = await call(anonymous, `{ openDataset(id: "sharing-services") {
      id licence licenceUrl themes spatial temporalStart temporalEnd frequency
      columns { name title titleEn type } distributions { format mediaType downloadPath }
    } }`);
    const entry = list.datasets.find((dataset) => dataset.id === 'sharing-services')!;
    expectAnswer({ ...{ status: 200, headers: new Headers() }, body }, {
      data: {
        openDataset: {
          id: 'sharing-services',
          licence: 'CC-BY-4.0',
          licenceUrl: 'https://creativecommons.org/licenses/by/4.0/',
          themes: ['GOVE', 'TECH'],
          spatial: ['33'],
          temporalStart: '2026-01-01',
          temporalEnd: null,
          frequency: 'MONTHLY',
          columns: entry.columns.map((column) => ({ name: column.name, title: column.title.vi, titleEn: column.title.en, type: column.type })),
          distributions: [
            { format: 'CSV', mediaType: 'text/csv', downloadPath: '/open-data/datasets/sharing-services.csv' },
            { format: 'JSON', mediaType: 'application/json', downloadPath: '/open-data/datasets/sharing-services.json' },
          ],
        },
      },
    });
    expectAnswer(await call(anonymous, `{ openDataset(id: "no-such-dataset") { id } }`), { data: { openDataset: null } });
  });

  it('pages through the rows of the current version across a page boundary, as one page would give them', async () => {
    const whole = await call(anonymous, ROWS, { id: 'administrative-units', first: 60 });
    expect(whole.body.errors).toBeUndefined();
    const dataset = whole.body.data.openDataset;
    expect(dataset.rows.totalCount).toBe(dataset.currentVersion.rowCount);
    expect(dataset.rows.nodes).toHaveLength(60);
    expect(dataset.rows.nodes.every((row: { values: unknown[] }) => row.values.length === dataset.columns.length)).toBe(true);

    const first = await call(anonymous, ROWS, { id: 'administrative-units', first: 25 });
    expect(first.body.data.openDataset.rows.pageInfo.hasNextPage).toBe(true);
    const second = await call(anonymous, ROWS, { id: 'administrative-units', first: 35, after: first.body.data.openDataset.rows.pageInfo.endCursor });
    expect(second.body.errors).toBeUndefined();
    expect([...first.body.data.openDataset.rows.nodes, ...second.body.data.openDataset.rows.nodes]).toEqual(dataset.rows.nodes);

    const cursor = second.body.data.openDataset.rows.pageInfo.endCursor;
    expectAnswer(await call(anonymous, ROWS, { id: 'sharing-services', first: 5, after: cursor }), {
      data: { openDataset: null },
      errors: [{ code: 'BAD_USER_INPUT', path: 'openDataset.rows', message: '"after" is not a cursor this list gave out for these arguments' }],
    });
    expectAnswer(await call(anonymous, ROWS, { id: 'administrative-units', first: 5001 }), {
      data: { openDataset: null },
      errors: [{ code: 'BAD_USER_INPUT', path: 'openDataset.rows', message: '"first" must be a whole number from 1 to 5000' }],
    });
  });

  it('reads a page of rows in as many SQL statements deep in a version as at its start, and for every dataset of a page as for one', async () => {
    const statementsOf = async (text: string, variables: Record<string, unknown>) => {
      const before = await sqlStatements();
      const { body } = await call(anonymous, text, variables);
      expect(body.errors).toBeUndefined();
      return (await sqlStatements()) - before;
    };
    const first = await call(anonymous, ROWS, { id: 'administrative-units', first: 60 });
    const start = await statementsOf(ROWS, { id: 'administrative-units', first: 10 });
    const deep = await statementsOf(ROWS, { id: 'administrative-units', first: 10, after: first.body.data.openDataset.rows.pageInfo.endCursor });
    expect(deep).toBe(start);
    const everyRows = `query ($filter: OpenDatasetFilter) { openDatasets(filter: $filter) { nodes { id currentVersion { number } versions(first: 5) { totalCount nodes { number } } rows(first: 10) { totalCount nodes { values } } } } }`;
    const one = await statementsOf(everyRows, { filter: { publisher: 'so-khoa-hoc-cong-nghe', theme: 'REGI' } });
    const all = await statementsOf(everyRows, {});
    expect(all).toBe(one);
  });

  it('lists a dataset never published as NOT_YET_PUBLISHED and overdue since the list named it, with no rows', async () => {
    const { body } = await call(anonymous, `{ openDatasets(filter: {status: NOT_YET_PUBLISHED}) { nodes { id freshness dataModifiedAt nextUpdateDue currentVersion { number } rows { totalCount } } } }`);
    expect(body.errors).toBeUndefined();
    expect(body.data.openDatasets.nodes.length).toBeGreaterThan(0);
    for (const node of body.data.openDatasets.nodes) {
      expect(node).toEqual({ id: node.id, freshness: 'OVERDUE', dataModifiedAt: null, nextUpdateDue: list.reviewedOn, currentVersion: null, rows: { totalCount: 0 } });
    }
  });

  it('answers a caller without a token open data only: anything else is refused at the gateway, before any subgraph', async () => {
    expectAnswer(await call(anonymous, `{ openDatasets(first: 1) { totalCount } agencies { code } }`), { status: 401, data: undefined, errors: [{ code: 'UNAUTHENTICATED' }] });
    expectAnswer(await call(anonymous, `{ citizen(id: "033194012345") { fullName } }`), { status: 401, data: undefined, errors: [{ code: 'UNAUTHENTICATED' }] });
    expectAnswer(await query(null, `{ __typename openDataset(id: "administrative-units") { id } }`), { data: { __typename: 'Query', openDataset: { id: 'administrative-units' } } });
  });
});
