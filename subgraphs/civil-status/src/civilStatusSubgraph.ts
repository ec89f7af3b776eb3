import { readFileSync } from 'node:fs';
import { parse } from 'graphql';
import type { SubgraphDefinition } from '../../../shared/subgraph/SubgraphDefinition.ts';
import { migrations } from '../migrations/index.ts';
import { seedCivilStatus } from '../seeds/seedCivilStatus.ts';
import { createCivilStatusLoaders, type CivilStatusLoaders } from './loaders.ts';
import { resolvers } from './resolvers.ts';

export const civilStatusSubgraph: SubgraphDefinition<CivilStatusLoaders> = {
  name: 'civil-status',
  typeDefs: parse(readFileSync(new URL('../civil-status.graphql', import.meta.url), 'utf8')),
  resolvers,
  migrations,
  seed: seedCivilStatus,
  createLoaders: createCivilStatusLoaders,
};
