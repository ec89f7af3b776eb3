// Keyset pagination: a page is `first` rows after an opaque cursor. Offsets would slow down with depth
// and skip rows when data changes between pages.
import type { Knex } from 'knex';
import { badUserInput } from '../errors/clientErrors.ts';

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 200;

export interface PageArgs {
  first?: number | null;
  after?: string | null;
}

export interface Page<T> {
  nodes: T[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

export function pageSize(first: number | null | undefined, max = MAX_PAGE_SIZE): number {
  const size = first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(size) || size < 1 || size > max) {
    throw badUserInput(`"first" must be a whole number from 1 to ${max}`, 'first');
  }
  return size;
}

export function encodeCursor(key: string): string {
  return Buffer.from(key, 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string | null | undefined): string | null {
  if (cursor === null || cursor === undefined) return null;
  const key = Buffer.from(cursor, 'base64url').toString('utf8');
  if (key === '' || encodeCursor(key) !== cursor) throw badUserInput('"after" is not a cursor this list gave out', 'after');
  return key;
}

/** Rows fetched with limit size + 1: the extra row only says whether another page exists. */
export function toPage<T>(rows: T[], size: number, keyOf: (row: T) => string): Page<T> {
  const nodes = rows.slice(0, size);
  const last = nodes[nodes.length - 1];
  return { nodes, pageInfo: { hasNextPage: rows.length > size, endCursor: last ? encodeCursor(keyOf(last)) : null } };
}

/**
 * One page of `base` ordered by `keyColumn` (unique), after the cursor. `totalCount` is a function so
 * that the count query runs only when a client asks for it (graphql-js calls function properties).
 */
export async function fetchPage<R>(
  base: Knex.QueryBuilder,
  keyColumn: string,
  keyOf: (row: R) => string,
  args: PageArgs,
): Promise<Page<R> & { totalCount: () => Promise<number> }> {
  const size = pageSize(args.first);
  const after = decodeCursor(args.after);
  const query = base.clone().orderBy(keyColumn).limit(size + 1);
  if (after !== null) query.where(keyColumn, '>', after);
  const rows = (await query) as R[];
  return {
    ...toPage(rows, size, keyOf),
    totalCount: async () => {
      const counted = await base.clone().clearSelect().count({ count: '*' }).first();
      return Number(counted?.count ?? 0);
    },
  };
}
