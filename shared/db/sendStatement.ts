// A statement whose text is final ($1, $2 …) sent on a connection of knex's pool, past knex's Raw builder
// and runner, which cost on every call about as much CPU as pg's own round trip (a one-row read: 138–204 µs
// through knex.raw, 105–127 sent here, 71–86 for pg alone; docs/request-path-costs.md, "Fixed statements
// skip knex's runner"). The statement is still knex's in every other way: its pool, its pg dialect (so
// namedStatements.ts names it as any read), and its 'query' event (so statementCount counts it).
import type { Knex } from 'knex';
import type { KnexPool, PooledConnection } from './knexPool.ts';

/** What knex's pg dialect takes and hands to its `query` listeners (namedStatements.ts wraps `_query`). */
interface FinalStatement {
  method: 'raw';
  sql: string;
  bindings: readonly unknown[];
  options: { name?: string; namedRead?: boolean };
}

/** The part of knex's client used here: its pool, its pg dialect's send, and its event emitter. */
interface KnexPgClient extends KnexPool {
  _query(connection: PooledConnection, statement: FinalStatement): Promise<{ response: { rows: unknown[] } }>;
  emit(event: 'query', statement: FinalStatement): boolean;
}

/**
 * Sends `sql` with `bindings` and answers its rows. `options.name` prepares it under that name;
 * `options.namedRead` lets namedStatements.ts name it as a read. Not for a transaction (its connection is
 * not the pool's): there the caller goes through knex.
 */
export async function sendStatement<Row>(knex: Knex, sql: string, bindings: readonly unknown[], options: FinalStatement['options']): Promise<Row[]> {
  if (knex.isTransaction) throw new Error('sendStatement: not inside a transaction');
  const client = knex.client as unknown as KnexPgClient;
  const statement: FinalStatement = { method: 'raw', sql, bindings, options };
  const connection = await client.acquireConnection();
  try {
    client.emit('query', statement);
    const { response } = await client._query(connection, statement);
    return response.rows as Row[];
  } finally {
    await client.releaseConnection(connection);
  }
}
