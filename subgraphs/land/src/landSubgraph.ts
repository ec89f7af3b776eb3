import { readFileSync } from 'node:fs';
import { parse } from 'graphql';
import type { SubgraphDefinition } from '../../../shared/subgraph/SubgraphDefinition.ts';
import { migrations } from '../migrations/index.ts';
import { seedLand } from '../seeds/seedLand.ts';
import { createLandLoaders, type LandLoaders } from './loaders.ts';
import { resolvers } from './resolvers.ts';

export const landSubgraph: SubgraphDefinition<LandLoaders> = {
  name: 'land',
  typeDefs: parse(readFileSync(new URL('../land.graphql', import.meta.url), 'utf8')),
  resolvers,
  migrations,
  seed: seedLand,
  createLoaders: createLandLoaders,
};
