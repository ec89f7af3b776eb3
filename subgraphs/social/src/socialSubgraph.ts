import { readFileSync } from 'node:fs';
import { parse } from 'graphql';
import type { SubgraphDefinition } from '../../../shared/subgraph/SubgraphDefinition.ts';
import { migrations } from '../migrations/index.ts';
import { seedSocial } from '../seeds/seedSocial.ts';
import { createSocialLoaders, type SocialLoaders } from './loaders.ts';
import { resolvers } from './resolvers.ts';

export const socialSubgraph: SubgraphDefinition<SocialLoaders> = {
  name: 'social',
  typeDefs: parse(readFileSync(new URL('../social.graphql', import.meta.url), 'utf8')),
  resolvers,
  migrations,
  seed: seedSocial,
  createLoaders: createSocialLoaders,
};
