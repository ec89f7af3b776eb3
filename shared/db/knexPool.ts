// The part of knex's client that hands out its pooled connections, which knex does not type: for code that
// holds a connection itself (sendStatement.ts, maintenanceTransaction.ts).

/**
 * A connection of knex's pool; knex marks each with an id unique in the process, and with the id of the
 * transaction running on it while one does (namedStatements.ts leaves those statements unprepared).
 */
export interface PooledConnection {
  __knexUid?: string;
  __knexTxId?: string;
}

export interface KnexPool {
  acquireConnection(): Promise<PooledConnection>;
  releaseConnection(connection: PooledConnection): Promise<void>;
}
