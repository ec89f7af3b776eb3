// The agency's database and its DataLoaders, built per call, so no cached row outlives the request
// that read it and every lookup of one request is batched.
import type { Knex } from 'knex';
import type { Stage } from './Stage.ts';

export interface DataContext<Loaders> {
  knex: Knex;
  loaders: Loaders;
}

export function loadData<Loaders>(knex: Knex, createLoaders: (knex: Knex) => Loaders): Stage<unknown, DataContext<Loaders>> {
  return (_call, next) => next({ knex, loaders: createLoaders(knex) });
}
