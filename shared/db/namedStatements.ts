// Reads on the request path go to Postgres as named (prepared) statements: each connection parses and
// plans a statement's text once, then only binds and executes it (docs/request-path-costs.md, "Named
// statements"). pg keeps, per connection, which names it has prepared; a new or reset connection
// prepares them again.
import { createHash } from 'node:crypto';
import type { Knex } from 'knex';

/**
 * Distinct texts named per database at most. Request-path shapes are few (a few dozen); past this a text
 * runs unnamed, so a query whose text varied with its input could not fill the server's memory.
 */
export const MAX_NAMED_TEXTS = 256;

/** What knex hands its pg dialect's `_query`: the final text ($1, $2 …), its bindings and builder options. */
interface CompiledQuery {
  method?: string;
  sql: string;
  options?: { name?: string; offRequestPath?: boolean; namedRead?: boolean };
}

/** The part of knex's pg client this module wraps. */
interface PgClient {
  _query(connection: { __knexTxId?: string }, query: CompiledQuery): Promise<unknown>;
}

/** knex's migrator reads its own tables with the builder, outside a transaction: migration work, not requests. */
const MIGRATION_BOOKKEEPING = /"knex_migrations(_lock)?"/;

/** Builder reads (`select`, `.first()`, `.pluck()`) and reads marked by compiledRead; never raw SQL, writes or DDL. */
const READ_METHODS = new Set(['select', 'first', 'pluck']);

export interface StatementNamer {
  /** The statement's name, or undefined when it runs unnamed. */
  nameOf(text: string): string | undefined;
  /** How many texts carry a name. */
  size(): number;
}

/**
 * One name per text: `r_` and 24 hex digits of its SHA-256. The maps make it certain, not just likely,
 * that a name never stands for two texts (pg refuses that on a connection, and it would be a wrong answer).
 */
export function createStatementNamer(maxTexts = MAX_NAMED_TEXTS): StatementNamer {
  const nameByText = new Map<string, string>();
  const textByName = new Map<string, string>();
  return {
    nameOf(text) {
      const known = nameByText.get(text);
      if (known !== undefined || nameByText.size >= maxTexts || MIGRATION_BOOKKEEPING.test(text)) return known;
      const name = `r_${createHash('sha256').update(text).digest('hex').slice(0, 24)}`;
      if (textByName.has(name)) return undefined;
      nameByText.set(text, name);
      textByName.set(name, text);
      return name;
    },
    size: () => nameByText.size,
  };
}

/**
 * Names the request path's reads on this knex. Not named: writes (a multi-row insert has a text per row
 * count), raw SQL (DDL, maintenance), anything inside a transaction (migrations and seeding run in one;
 * the request path reads outside them), knex's migration bookkeeping, and work marked OFF_REQUEST_PATH.
 * knex's pg dialect passes a query's options to pg as its query config, and pg prepares a query that has
 * a `name`; wrapping `_query` gives every query its name in this one place.
 */
export function nameRequestPathReads(knex: Knex, namer: StatementNamer): void {
  const client = knex.client as unknown as PgClient;
  const run = client._query.bind(client);
  client._query = (connection, query) => {
    const options = query.options;
    const isRead = READ_METHODS.has(query.method ?? '') || options?.namedRead === true;
    if (!isRead || connection.__knexTxId !== undefined || options?.offRequestPath || options?.name !== undefined) return run(connection, query);
    const name = namer.nameOf(query.sql);
    return run(connection, name === undefined ? query : { ...query, options: { ...options, name } });
  };
}
