import type { Knex } from 'knex';

/**
 * The first `limit` rows of each group in one statement: a batch of parents' lists costs one query,
 * however many parents, and no parent's list can grow without bound.
 * `columns` are the output names (aliases) selected by `inner`.
 */
export function limitPerGroup(
  knex: Knex,
  inner: Knex.QueryBuilder,
  options: { partitionBy: string; orderBy: string; columns: string[]; limit: number },
): Knex.QueryBuilder {
  const ranked = inner
    .clone()
    .select(knex.raw(`row_number() over (partition by ${options.partitionBy} order by ${options.orderBy}) as rank_in_group`));
  return knex
    .select(options.columns)
    .from(ranked.as('ranked'))
    .where('rank_in_group', '<=', options.limit)
    .orderBy('rank_in_group');
}
