import type { Knex } from 'knex';

/**
 * `column = any($1)`: one bind parameter for the whole batch. knex's whereIn binds one parameter per
 * key and fails past ~65,000 keys; `= any` also ran faster (docs/request-path-costs.md).
 */
export function anyOf(knex: Knex, column: string, keys: readonly string[]): Knex.Raw {
  return knex.raw('?? = any(?)', [column, [...keys]]);
}
