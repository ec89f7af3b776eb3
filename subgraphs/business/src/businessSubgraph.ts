import { readFileSync } from 'node:fs';
import { parse } from 'graphql';
import type { SubgraphDefinition } from '../../../shared/subgraph/SubgraphDefinition.ts';
import { migrations } from '../migrations/index.ts';
import { seedBusiness } from '../seeds/seedBusiness.ts';
import { createBusinessLoaders, type BusinessLoaders } from './loaders.ts';
import { resolvers } from './resolvers.ts';
import { OPEN_DATA_SOURCE_PATH } from '../../../shared/openData/openDataSource.ts';
import { openDataSourceRoute } from '../../../shared/openData/openDataSourceRoute.ts';
import { businessOpenDataSources } from './openDataSources.ts';

export const businessSubgraph: SubgraphDefinition<BusinessLoaders> = {
  name: 'business',
  typeDefs: parse(readFileSync(new URL('../business.graphql', import.meta.url), 'utf8')),
  resolvers,
  migrations,
  seed: seedBusiness,
  createLoaders: createBusinessLoaders,
  internalRoutes: {
    // Its open datasets' rows, for a publisher's refresh (issue 15).
    [OPEN_DATA_SOURCE_PATH]: openDataSourceRoute('business', businessOpenDataSources),
  },
};
