// GraphQL face of the sharing statistics (issue 14, item 4): officers, systems, data-protection and
// security officers (platform policies, query.policy.yaml); which rows each sees is decided by every register.
import type { SubgraphContext } from '../../../../shared/subgraph/SubgraphDefinition.ts';
import type { PlatformLoaders } from '../catalogues/loaders.ts';
import { readSharingStatistics, type StatisticsFilterInput } from './sharingStatistics.ts';

export const sharingStatisticsResolvers = {
  Query: {
    sharingStatistics: (_: unknown, args: { filter: StatisticsFilterInput; first?: number | null; after?: string | null }, ctx: SubgraphContext<PlatformLoaders>) =>
      readSharingStatistics(ctx, args),
  },
};
