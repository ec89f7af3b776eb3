import { readFileSync } from 'node:fs';
import { parse } from 'graphql';
import type { SubgraphDefinition } from '../../../shared/subgraph/SubgraphDefinition.ts';
import { migrations } from '../migrations/index.ts';
import { seedPopulation } from '../seeds/seedPopulation.ts';
import { createPopulationLoaders, type PopulationLoaders } from './loaders.ts';
import { resolvers } from './resolvers.ts';
import { OPEN_DATA_SOURCE_PATH } from '../../../shared/openData/openDataSource.ts';
import { openDataSourceRoute } from '../../../shared/openData/openDataSourceRoute.ts';
import { populationOpenDataSources } from './openDataSources.ts';
import { minorChildrenOf } from './guardianship.ts';
import { CHILDREN_PATH, GUARDIANSHIP_AUDIENCE } from '../../../shared/auth/relayTokens.ts';

export const populationSubgraph: SubgraphDefinition<PopulationLoaders> = {
  name: 'population',
  typeDefs: parse(readFileSync(new URL('../population.graphql', import.meta.url), 'utf8')),
  resolvers,
  migrations,
  seed: seedPopulation,
  createLoaders: createPopulationLoaders,
  internalRoutes: {
    [CHILDREN_PATH]: { audience: GUARDIANSHIP_AUDIENCE, handle: minorChildrenOf },
    // Its open datasets' rows, for a publisher's refresh (issue 15).
    [OPEN_DATA_SOURCE_PATH]: openDataSourceRoute('population', populationOpenDataSources),
  },
};
