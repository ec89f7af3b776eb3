// A transaction of maintenance work that runs on a timer, off the request path (the sharing statistics'
// replacement of a day): none of its statements is counted in statementCount, which prices requests.
// Builder options (OFF_REQUEST_PATH) cannot mark a transaction's BEGIN and COMMIT, which knex sends
// itself: the transaction runs on a connection taken for it, and every statement on that connection
// while it runs is the maintenance's. Counted, they made tests that compare the statements before and
// after a request fail whenever a register's round fell in between.
import type { Knex } from 'knex';
import type { KnexPool } from './knexPool.ts';

/** Connections (knex's id of each, unique in the process) running a maintenance transaction now. */
const maintenanceConnections = new Set<string>();

/** True for a statement sent on a connection that runs a maintenance transaction. */
export function sentByMaintenance(query: { __knexUid?: string }): boolean {
  return query.__knexUid !== undefined && maintenanceConnections.has(query.__knexUid);
}

export async function maintenanceTransaction<T>(knex: Knex, work: (trx: Knex.Transaction) => Promise<T>): Promise<T> {
  const pool = knex.client as unknown as KnexPool;
  const connection = await pool.acquireConnection();
  const id = connection.__knexUid;
  if (id !== undefined) maintenanceConnections.add(id);
  try {
    return await knex.transaction(work, { connection });
  } finally {
    if (id !== undefined) maintenanceConnections.delete(id);
    // knex marks a connection it is handed with its transaction's id and, not owning it, leaves the mark:
    // a read on it would then count as inside a transaction and go unprepared, parsed and planned on every
    // call, for as long as the pool keeps the connection (docs/performance.md, change 28).
    delete connection.__knexTxId;
    await pool.releaseConnection(connection);
  }
}
