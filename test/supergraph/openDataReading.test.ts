// Anyone reads the province's open datasets through GraphQL, with or without a token: the list with its
// filters, one dataset with its metadata, and (once published) its rows a page at a time.
import { beforeAll, describe, expect, it } from 'vitest';
import { readOpenDataList } from '../../shared/openData/readOpenDataList.ts';
import { expectAnswer } from '../support/expectAnswer.ts';
import { getStack, query, type Who } from '../support/stack.ts';

const citizen: Who = { role: 'citizen', sub: '033194012345' };
const LIST = `query ($filter: OpenDatasetFilter, $first: Int, $after: String) {
  openDatasets(filter: $filter, first: $first, after: $after) { nodes { id status publisher publisherName } pageInfo { hasNextPage endCursor } totalCount }
}`;

describe('anyone reading the open datasets', () => {
  const list = readOpenDataList();
  const ids = list.datasets.map((dataset) => dataset.id).sort();

  beforeAll(async () => {
    await getStack();
  });

  it('lists every dataset of the open-data list to a caller without a token, a page at a time', async () => {
    const first = await query(null, LIST, { variables: { first: 4 } });
    expect(first.body.errors).toBeUndefined();
    expect(first.body.data.openDatasets.nodes.map((node: { id: string }) => node.id)).toEqual(ids.slice(0, 4));
    expect(first.body.data.openDatasets.totalCount).toBe(ids.length);
    expect(first.body.data.openDatasets.pageInfo.hasNextPage).toBe(true);
    const second = await query(null, LIST, { variables: { first: 4, after: first.body.data.openDatasets.pageInfo.endCursor } });
    expect(second.body.data.openDatasets.nodes.map((node: { id: string }) => node.id)).toEqual(ids.slice(4));
    expect(second.body.data.openDatasets.pageInfo.hasNextPage).toBe(false);
  });
});
