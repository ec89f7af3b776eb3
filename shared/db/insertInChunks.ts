import type { Knex } from 'knex';

/**
 * Multi-row inserts of `size` rows on the given knex or transaction. knex's own batchInsert opens a
 * transaction of its own, which waits forever on a one-connection embedded database inside another.
 */
export async function insertInChunks(knex: Knex, table: string, rows: readonly object[], size = 1000, skipConflictsOn?: readonly string[]): Promise<void> {
  for (let start = 0; start < rows.length; start += size) {
    const insert = knex(table).insert(rows.slice(start, start + size));
    // Rows whose key is already there (written by another replica, say) are left as they are.
    if (skipConflictsOn) await insert.onConflict([...skipConflictsOn]).ignore();
    else await insert;
  }
}
