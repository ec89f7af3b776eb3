// The part of knex's client that hands out its pooled connections, which knex does not type: for code that
// holds a connection itself (sendStatement.ts, maintenanceTransaction.ts).

/** A connection of knex's pool; knex marks each with an id unique in the process. */
export interface PooledConnection {
  __knexUid?: string;
}

export interface KnexPool {
  acquireConnection(): Promise<PooledConnection>;
  releaseConnection(connection: PooledConnection): Promise<void>;
}
