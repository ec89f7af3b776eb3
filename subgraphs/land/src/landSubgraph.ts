import { readFileSync } from 'node:fs';
import { parse } from 'graphql';
import type { SubgraphDefinition } from '../../../shared/subgraph/SubgraphDefinition.ts';
import { migrations } from '../migrations/index.ts';
import { seedLand } from '../seeds/seedLand.ts';
import { createLandLoaders, type LandLoaders } from './loaders.ts';
import { resolvers } from './resolvers.ts';
import { OPEN_DATA_SOURCE_PATH } from '../../../shared/openData/openDataSource.ts';
import { openDataSourceRoute } from '../../../shared/openData/openDataSourceRoute.ts';
import { landOpenDataSources } from './openDataSources.ts';

export const landSubgraph: SubgraphDefinition<LandLoaders> = {
  name: 'land',
  typeDefs: parse(readFileSync(new URL('../land.graphql', import.meta.url), 'utf8')),
  resolvers,
  migrations,
  seed: seedLand,
  createLoaders: createLandLoaders,
  internalRoutes: {
    // Its open datasets' rows, for a publisher's refresh (issue 15).
    [OPEN_DATA_SOURCE_PATH]: openDataSourceRoute('land', landOpenDataSources),
  },
};
