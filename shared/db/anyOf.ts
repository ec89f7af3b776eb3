import type { Knex } from 'knex';

/**
 * `column = any($1)`: one bind parameter for the whole batch. knex's whereIn binds one parameter per
 * key and fails past ~65,000 keys; `= any` also ran faster (docs/request-path-costs.md).
 */
export function anyOf(knex: Knex, column: string, keys: readonly string[]): Knex.Raw {
  return knex.raw('?? = any(?)', [column, [...keys]]);
}

/**
 * `column in (select unnest($1))`: the same batch as a set the rows are matched against, for a table a
 * plan may scan whole (a small register). Postgres hashes the keys of `= any` only when they are
 * constants; under a named statement's generic plan a scan compares every row with every key, so its
 * cost is rows × keys (docs/request-path-costs.md, "Small registers match keys as a set").
 */
export function inKeySet(knex: Knex, column: string, keys: readonly string[]): Knex.Raw {
  return knex.raw('?? in (select unnest(?::text[]))', [column, [...keys]]);
}
