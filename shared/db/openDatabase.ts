// One knex instance per agency database, on embedded Postgres by default or on a server by URL.
import knexFactory, { type Knex } from 'knex';
import pg from 'pg';
import { openEmbeddedEngine } from './embeddedPostgres.ts';
import { pgConfigFor, type EmbeddedEngine } from './embeddedEngine.ts';
import { ensureServerDatabase } from './serverDatabase.ts';
import { createStatementNamer, nameRequestPathReads } from './namedStatements.ts';
import { sentByMaintenance } from './maintenanceTransaction.ts';
import { config } from '../config/config.ts';

// A SQL `date` is a calendar day: keep it as 'YYYY-MM-DD' instead of a Date at local midnight.
pg.types.setTypeParser(pg.types.builtins.DATE, (value: string) => value);

export interface DatabaseOptions {
  /** A Postgres server URL; without one the database is embedded. */
  url?: string;
  /** Where an embedded database keeps its files; without one it lives in memory. */
  dataDir?: string;
  /** Request-path reads as named (prepared) statements (namedStatements.ts); on unless false. */
  namedStatements?: boolean;
}

/**
 * Builder options (`.options(OFF_REQUEST_PATH)`) of maintenance work that runs on a timer, off the request
 * path (the disclosure log's checkpointer): not counted in statementCount, which prices requests. A
 * transaction of such work is a maintenanceTransaction.
 */
export const OFF_REQUEST_PATH = { offRequestPath: true } as const;

export interface Database {
  knex: Knex;
  /**
   * Where the disclosure log's writer appends. On a server, a connection of its own: an append (and its
   * commit's wait for the WAL to reach disk) is on every request's path, and in the shared pool it queued
   * behind the reads of the very requests waiting for it. Embedded, the one connection there is.
   */
  appendKnex: Knex;
  /** 'embedded (memory)', 'embedded (<dir>)' or 'postgres server' — never the URL, which may hold a password. */
  kind: string;
  /** SQL statements sent since start: the N+1 test and the benchmark read it. */
  statementCount(): number;
  close(): Promise<void>;
}

export async function openDatabase(options: DatabaseOptions): Promise<Database> {
  let knex: Knex;
  let appendKnex: Knex;
  let kind: string;
  let embedded: EmbeddedEngine | undefined;
  if (options.url) {
    await ensureServerDatabase(options.url);
    const connection = withoutJit(options.url);
    knex = knexFactory({ client: 'pg', connection, pool: { min: 0, max: config.databasePoolMax } });
    // One writer appends one batch at a time (disclosureWriter.ts): one connection, opened at its first append.
    appendKnex = knexFactory({ client: 'pg', connection, pool: { min: 0, max: 1 } });
    kind = 'postgres server';
  } else {
    const engine = await openEmbeddedEngine(options.dataDir);
    embedded = engine;
    const connection = pgConfigFor(engine) as unknown as Knex.PgConnectionConfig;
    // PGlite is a single connection: one client in the pool, handed the same engine each time.
    knex = knexFactory({
      client: 'pg',
      // knex hands this one connection to each client it creates: pg's record of the statements it has
      // prepared lives there, as long as the engine's one session that holds them (a new client after an
      // idle timeout prepares nothing twice and misses nothing).
      connection: () => connection,
      pool: { min: 0, max: 1 },
      // A query on the outer knex inside a transaction waits for the one connection: fail in seconds, not a minute.
      acquireConnectionTimeout: 15_000,
    });
    appendKnex = knex;
    kind = options.dataDir ? `embedded (${options.dataDir})` : 'embedded (memory)';
  }
  if (options.namedStatements !== false) nameRequestPathReads(knex, createStatementNamer());
  let statements = 0;
  const count = (query: { options?: { offRequestPath?: boolean }; __knexUid?: string }) => {
    if (!query.options?.offRequestPath && !sentByMaintenance(query)) statements += 1;
  };
  knex.on('query', count);
  if (appendKnex !== knex) appendKnex.on('query', count);
  return {
    knex,
    appendKnex,
    kind,
    statementCount: () => statements,
    async close() {
      await knex.destroy();
      if (appendKnex !== knex) await appendKnex.destroy();
      if (embedded) await embedded.close();
    },
  };
}

/**
 * The URL with Postgres's JIT compilation off for its sessions (a startup option, after any the URL sets).
 * JIT pays for long analytical scans; our statements read a page each, and Postgres compiles any statement
 * it estimates dear: a person's read of a 10-million-row disclosure log, estimated at 0.5% of every
 * partition, took 50–600 ms to compile for 10 ms of work. (The embedded engine has no JIT.)
 */
export function withoutJit(url: string): string {
  const parsed = new URL(url);
  const options = parsed.searchParams.get('options');
  parsed.searchParams.set('options', options ? `${options} -c jit=off` : '-c jit=off');
  return parsed.toString();
}
