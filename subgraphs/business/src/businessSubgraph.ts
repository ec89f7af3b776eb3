import { readFileSync } from 'node:fs';
import { parse } from 'graphql';
import type { SubgraphDefinition } from '../../../shared/subgraph/SubgraphDefinition.ts';
import { migrations } from '../migrations/index.ts';
import { seedBusiness } from '../seeds/seedBusiness.ts';
import { createBusinessLoaders, type BusinessLoaders } from './loaders.ts';
import { resolvers } from './resolvers.ts';

export const businessSubgraph: SubgraphDefinition<BusinessLoaders> = {
  name: 'business',
  typeDefs: parse(readFileSync(new URL('../business.graphql', import.meta.url), 'utf8')),
  resolvers,
  migrations,
  seed: seedBusiness,
  createLoaders: createBusinessLoaders,
};
