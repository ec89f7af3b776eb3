// A publisher publishes a new version of its dataset: a refresh computed from the source, or a CSV it
// uploads, checked against the declared columns. A withdrawn dataset publishes nothing until reinstated.
import { GraphQLError } from 'graphql';
import type { OpenDataset } from '../../../../shared/openData/OpenDataList.ts';
import type { SubgraphContext } from '../../../../shared/subgraph/SubgraphDefinition.ts';
import { badUserInput } from '../../../../shared/errors/clientErrors.ts';
import { parseUpload } from './openDataCsv.ts';
import { actorOf, requirePublisherOf } from './openDataPublishers.ts';
import { sourceRows } from './openDataSourceRows.ts';
import { publishVersion, type PublishOutcome } from './openDataVersions.ts';

async function refuseIfWithdrawn(ctx: SubgraphContext<unknown>, entry: OpenDataset): Promise<void> {
  const row = await ctx.knex('open_data_dataset').select({ withdrawnAt: 'withdrawn_at' }).where('id', entry.id).first();
  if (row?.withdrawnAt) throw badUserInput(`The dataset "${entry.id}" is withdrawn: reinstate it before publishing a version`, 'id');
}

export async function refreshDataset(ctx: SubgraphContext<unknown>, id: string): Promise<PublishOutcome> {
  const entry = requirePublisherOf(ctx.principal, id);
  await refuseIfWithdrawn(ctx, entry);
  const { columns, rows } = await sourceRows(ctx, entry);
  return publishVersion(ctx.knex, { datasetId: entry.id, columns, rows, how: 'refresh', by: actorOf(ctx.principal), byAgency: ctx.principal.agency });
}

export async function uploadVersion(ctx: SubgraphContext<unknown>, id: string, csv: string): Promise<PublishOutcome> {
  const entry = requirePublisherOf(ctx.principal, id);
  await refuseIfWithdrawn(ctx, entry);
  const parsed = parseUpload(csv, entry.columns);
  if (!parsed.ok) {
    const first = parsed.problems[0];
    const where = (problem: (typeof parsed.problems)[number]) => `line ${problem.line}${problem.column ? `, column ${problem.column}` : ''}`;
    throw new GraphQLError(`The file was refused, nothing changed: ${where(first)}: ${first.message}${parsed.problems.length > 1 ? ` (and ${parsed.problems.length - 1} more)` : ''}`, {
      extensions: { code: 'BAD_USER_INPUT', field: 'csv', problems: parsed.problems },
    });
  }
  return publishVersion(ctx.knex, {
    datasetId: entry.id,
    columns: entry.columns.map((column) => column.name),
    rows: parsed.rows,
    how: 'upload',
    by: actorOf(ctx.principal),
    byAgency: ctx.principal.agency,
  });
}
