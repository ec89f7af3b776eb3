// GraphQL face of open data (issue 15): reads for anyone (openDataQueries.ts); the policies in
// policies/platform/open-*.policy.yaml decide every field.
import type { SubgraphContext } from '../../../../shared/subgraph/SubgraphDefinition.ts';
import type { PlatformLoaders } from '../catalogues/loaders.ts';
import { datasetRowLines, datasetRows, datasetVersions, openDataset, openDatasets, versionView } from './openDataQueries.ts';
import type { OpenDatasetView } from './openDatasetView.ts';
import { datasetView } from './openDataQueries.ts';
import { updateMetadata, type MetadataInput } from './openDataMetadata.ts';
import { refreshDataset, uploadVersion } from './openDataPublishing.ts';
import { reinstateDataset, withdrawDataset } from './openDataWithdrawal.ts';
import type { PublishOutcome } from './openDataVersions.ts';

type Context = SubgraphContext<PlatformLoaders>;

/** The dataset as it reads after a change of this request (its state read afresh). */
async function changed(ctx: Context, id: string) {
  ctx.loaders.openDatasetStateById.clear(id);
  return datasetView(ctx, id);
}

async function publication(ctx: Context, id: string, outcome: PublishOutcome) {
  return { outcome: outcome.outcome, versionNumber: outcome.number, dataset: await changed(ctx, id) };
}

export const openDataResolvers = {
  Query: { openDatasets, openDataset },
  Mutation: {
    updateOpenDatasetMetadata: async (_: unknown, args: { id: string; input: MetadataInput }, ctx: Context) => {
      await updateMetadata(ctx.knex, ctx.principal, args.id, args.input);
      return changed(ctx, args.id);
    },
    refreshOpenDataset: async (_: unknown, args: { id: string }, ctx: Context) => publication(ctx, args.id, await refreshDataset(ctx, args.id)),
    uploadOpenDatasetVersion: async (_: unknown, args: { id: string; csv: string }, ctx: Context) => publication(ctx, args.id, await uploadVersion(ctx, args.id, args.csv)),
    withdrawOpenDataset: async (_: unknown, args: { id: string; reason: string }, ctx: Context) => {
      await withdrawDataset(ctx.knex, ctx.principal, args.id, args.reason);
      return changed(ctx, args.id);
    },
    reinstateOpenDataset: async (_: unknown, args: { id: string }, ctx: Context) => {
      await reinstateDataset(ctx.knex, ctx.principal, args.id);
      return changed(ctx, args.id);
    },
  },
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
    rowLines: datasetRowLines,
  },
};
