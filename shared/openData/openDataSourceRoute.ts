// The route by which an owner register computes one of its open datasets for a publisher's refresh
// (openDataSource.ts is the contract): a subgraph with sources serves it at OPEN_DATA_SOURCE_PATH, for
// the relay token the gateway mints for `refreshOpenDataset` (`<subgraph>-open-data`). The register
// itself decides: only a publisher of the dataset's agency gets rows (Thái Bình QĐ 27/2025 Đ6.2), and the
// rows come from its own database, an aggregate under disclosure control.
import type { Knex } from 'knex';
import { hasRole, type Principal } from '../auth/Principal.ts';
import { badUserInput } from '../errors/clientErrors.ts';
import type { InternalRoute } from '../internalRoutes/InternalRoute.ts';
import { DEFAULT_MINIMUM_CELL_COUNT, protectedRows, protectTable, type AggregateTable } from './disclosureControl.ts';
import type { OpenDataset, OpenDataList } from './OpenDataList.ts';
import { openDataAudience, type OpenDataCell, type OpenDataSourceAnswer } from './openDataSource.ts';
import { readOpenDataList } from './readOpenDataList.ts';

/** One row per record of a register: public fields only, in `columns` order, one SQL statement. */
export interface RegisterSource {
  kind: 'register';
  columns: readonly string[];
  rows(knex: Knex): Promise<OpenDataCell[][]>;
}

/** Counts of people per cell (one GROUP BY statement), published under disclosure control. */
export interface AggregateSource {
  kind: 'aggregate';
  columns: readonly string[];
  /** The table's cells and the totals it publishes (a total row per commune, ...). */
  table(knex: Knex): Promise<AggregateTable>;
}

export type OpenDataSourceDefinition = RegisterSource | AggregateSource;
/** A subgraph's sources, by the name the open-data list gives them (`source.name`). */
export type OpenDataSources = Readonly<Record<string, OpenDataSourceDefinition>>;

const DATASET_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** The dataset asked for: an id of the open-data list that this register computes. */
export function datasetAskedFor(body: unknown, list: OpenDataList, subgraph: string, sources: OpenDataSources): { dataset: OpenDataset; source: OpenDataSourceDefinition } {
  const { dataset: id } = (body ?? {}) as { dataset?: unknown };
  if (typeof id !== 'string' || id.length > 100 || !DATASET_ID.test(id)) throw badUserInput('"dataset" must be the id of a dataset of the open-data list', 'dataset');
  const dataset = list.datasets.find((candidate) => candidate.id === id);
  if (!dataset) throw badUserInput(`The open-data list has no dataset "${id}"`, 'dataset');
  const source = dataset.source.subgraph === subgraph ? sources[dataset.source.name] : undefined;
  if (!source || source.kind !== dataset.source.kind) throw badUserInput(`Dataset "${id}" is not computed by this register`, 'dataset');
  return { dataset, source };
}

/** Only a publisher of the dataset's own agency refreshes it. */
export function mayComputeDataset(principal: Principal, dataset: OpenDataset): boolean {
  return hasRole(principal, 'publisher') && principal.agency === dataset.publisher;
}

/** The rows of a dataset, in the list's column order; an aggregate under disclosure control. */
export async function computeDataset(knex: Knex, dataset: OpenDataset, source: OpenDataSourceDefinition): Promise<{ columns: string[]; rows: OpenDataCell[][] }> {
  const columns = dataset.columns.map((column) => column.name);
  // The list and the source must agree on the columns: a mismatch is a deploy error, not the caller's.
  if (columns.length !== source.columns.length || !columns.every((name) => source.columns.includes(name))) {
    throw new Error(`The open-data list's columns of "${dataset.id}" (${columns.join(', ')}) are not the source's (${source.columns.join(', ')})`);
  }
  if (source.kind === 'register') {
    const rows = await source.rows(knex);
    return { columns, rows: rows.map((row) => columns.map((name) => row[source.columns.indexOf(name)])) };
  }
  const table = await source.table(knex);
  const k = dataset.source.minimumCellCount ?? DEFAULT_MINIMUM_CELL_COUNT;
  return { columns, rows: protectedRows(protectTable(table, k), columns) };
}

export function openDataSourceRoute(subgraph: string, sources: OpenDataSources, readList: () => OpenDataList = () => readOpenDataList()): InternalRoute {
  return {
    audience: openDataAudience(subgraph),
    handle: async (principal, body, knex): Promise<OpenDataSourceAnswer> => {
      // Read at each refresh: the list is reviewed and changed like policies, and a refresh is rare.
      const { dataset, source } = datasetAskedFor(body, readList(), subgraph, sources);
      if (!mayComputeDataset(principal, dataset)) return { outcome: 'NOT_ALLOWED' };
      return { outcome: 'ROWS', ...(await computeDataset(knex, dataset, source)) };
    },
  };
}
