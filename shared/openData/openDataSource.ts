// How the platform asks an owner register for a dataset's rows when a publisher refreshes it: a route
// of every agency subgraph (`OPEN_DATA_SOURCE_PATH`), answering the relay token the gateway mints for a
// refresh (`<subgraph>-open-data`), so the register itself decides that the caller is one of its own
// agency's publishers and computes the rows from its own database (aggregates under disclosure control).
export const OPEN_DATA_SOURCE_PATH = '/internal/open-data-source';

export function openDataAudience(subgraph: string): string {
  return `${subgraph}-open-data`;
}

/** The dataset (an id of the open-data list) whose rows are asked for. */
export interface OpenDataSourceRequest {
  dataset: string;
}

/** A cell: text, a number, or null (a suppressed cell or a value the register does not hold). */
export type OpenDataCell = string | number | null;

/**
 * ROWS: the rows in the list's column order (`columns` repeats the names, so a mismatch is caught);
 * NOT_ALLOWED: the caller is not a publisher of the dataset's agency.
 */
export type OpenDataSourceAnswer = { outcome: 'ROWS'; columns: string[]; rows: OpenDataCell[][] } | { outcome: 'NOT_ALLOWED' };
