import { readFileSync } from 'node:fs';
import { parse } from 'graphql';
import type { SubgraphDefinition } from '../../../shared/subgraph/SubgraphDefinition.ts';
import { migrations } from '../migrations/index.ts';
import { seedCivilStatus } from '../seeds/seedCivilStatus.ts';
import { createCivilStatusLoaders, type CivilStatusLoaders } from './loaders.ts';
import { resolvers } from './resolvers.ts';
import { OPEN_DATA_SOURCE_PATH } from '../../../shared/openData/openDataSource.ts';
import { openDataSourceRoute } from '../../../shared/openData/openDataSourceRoute.ts';
import { civilStatusOpenDataSources } from './openDataSources.ts';

export const civilStatusSubgraph: SubgraphDefinition<CivilStatusLoaders> = {
  name: 'civil-status',
  typeDefs: parse(readFileSync(new URL('../civil-status.graphql', import.meta.url), 'utf8')),
  resolvers,
  migrations,
  seed: seedCivilStatus,
  createLoaders: createCivilStatusLoaders,
  internalRoutes: {
    // Its open datasets' rows, for a publisher's refresh (issue 15).
    [OPEN_DATA_SOURCE_PATH]: openDataSourceRoute('civil-status', civilStatusOpenDataSources),
  },
};
