// GraphQL face of open data (issue 15): reads for anyone (openDataQueries.ts); the policies in
// policies/platform/open-*.policy.yaml decide every field.
import type { SubgraphContext } from '../../../../shared/subgraph/SubgraphDefinition.ts';
import type { PlatformLoaders } from '../catalogues/loaders.ts';
import { datasetRows, datasetVersions, openDataset, openDatasets, versionView } from './openDataQueries.ts';
import type { OpenDatasetView } from './openDatasetView.ts';

type Context = SubgraphContext<PlatformLoaders>;

export const openDataResolvers = {
  Query: { openDatasets, openDataset },
  OpenDataset: {
    // The list's check keeps publishers to the agency directory; the code stands in should one go missing.
    publisherName: async (dataset: OpenDatasetView, _: unknown, ctx: Context) => (await ctx.loaders.agencyByCode.load(dataset.publisher))?.name ?? dataset.publisher,
    currentVersion: async (dataset: OpenDatasetView, _: unknown, ctx: Context) => {
      if (dataset.currentVersionId === null) return null;
      const row = await ctx.loaders.openDataVersionById.load(dataset.currentVersionId);
      return row ? versionView(row) : null;
    },
    versions: datasetVersions,
    rows: datasetRows,
  },
};
