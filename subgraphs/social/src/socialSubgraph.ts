import { readFileSync } from 'node:fs';
import { parse } from 'graphql';
import type { SubgraphDefinition } from '../../../shared/subgraph/SubgraphDefinition.ts';
import { migrations } from '../migrations/index.ts';
import { seedSocial } from '../seeds/seedSocial.ts';
import { createSocialLoaders, type SocialLoaders } from './loaders.ts';
import { resolvers } from './resolvers.ts';
import { OPEN_DATA_SOURCE_PATH } from '../../../shared/openData/openDataSource.ts';
import { openDataSourceRoute } from '../../../shared/openData/openDataSourceRoute.ts';
import { socialOpenDataSources } from './openDataSources.ts';

export const socialSubgraph: SubgraphDefinition<SocialLoaders> = {
  name: 'social',
  typeDefs: parse(readFileSync(new URL('../social.graphql', import.meta.url), 'utf8')),
  resolvers,
  migrations,
  seed: seedSocial,
  createLoaders: createSocialLoaders,
  internalRoutes: {
    // Its open datasets' rows, for a publisher's refresh (issue 15).
    [OPEN_DATA_SOURCE_PATH]: openDataSourceRoute('social', socialOpenDataSources),
  },
};
