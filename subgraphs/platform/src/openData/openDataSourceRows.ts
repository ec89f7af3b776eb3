// A dataset's rows as its source computes them now, for a publisher's refresh: the platform's own
// datasets from its tables (platformOpenDataSources.ts); the others asked of the owner register's route
// (shared/openData/openDataSource.ts) with the relay token the gateway minted for this publisher and that
// register, so the register itself decides that the caller publishes for its agency, and computes the
// rows (aggregates under disclosure control). The answer's columns must be the dataset's declared ones.
import { GraphQLError } from 'graphql';
import { callInternalRoute } from '../../../../shared/internalRoutes/callInternalRoute.ts';
import { logError } from '../../../../shared/logging/log.ts';
import type { OpenDataset } from '../../../../shared/openData/OpenDataList.ts';
import { OPEN_DATA_SOURCE_PATH, openDataAudience, type OpenDataCell, type OpenDataSourceAnswer } from '../../../../shared/openData/openDataSource.ts';
import type { SubgraphContext } from '../../../../shared/subgraph/SubgraphDefinition.ts';
import { PLATFORM_OPEN_DATA_SOURCES } from './platformOpenDataSources.ts';

function unavailable(dataset: OpenDataset): GraphQLError {
  return new GraphQLError(`The ${dataset.source.subgraph} register did not give the rows of "${dataset.id}": try again later. Nothing changed.`, {
    extensions: { code: 'SUBGRAPH_UNAVAILABLE', register: dataset.source.subgraph },
  });
}

export async function sourceRows(ctx: SubgraphContext<unknown>, dataset: OpenDataset): Promise<{ columns: string[]; rows: OpenDataCell[][] }> {
  const names = dataset.columns.map((column) => column.name);
  let answer: { columns: string[]; rows: OpenDataCell[][] };
  if (dataset.source.subgraph === 'platform') {
    const compute = PLATFORM_OPEN_DATA_SOURCES[dataset.source.name];
    if (!compute) throw unavailable(dataset);
    answer = await compute(ctx.knex, ctx.policyDir);
  } else {
    const url = ctx.subgraphUrl(dataset.source.subgraph);
    const token = ctx.relayTokens[openDataAudience(dataset.source.subgraph)];
    let reply: OpenDataSourceAnswer;
    try {
      if (!url || !token) throw new Error('no address or relay token for this register');
      reply = await callInternalRoute<OpenDataSourceAnswer>(url, OPEN_DATA_SOURCE_PATH, token, ctx.principal.requestId, { dataset: dataset.id });
    } catch (error) {
      logError('open-data source unavailable for a refresh', { requestId: ctx.principal.requestId, register: dataset.source.subgraph, error });
      throw unavailable(dataset);
    }
    if (reply.outcome !== 'ROWS') {
      throw new GraphQLError(`The ${dataset.source.subgraph} register does not let you refresh "${dataset.id}": only its agency's publishers may. Nothing changed.`, {
        extensions: { code: 'FORBIDDEN', reason: 'AGENCY_NOT_ALLOWED', requestId: ctx.principal.requestId },
      });
    }
    answer = reply;
  }
  const wrongRow = answer.rows.findIndex((row) => !Array.isArray(row) || row.length !== names.length);
  if (answer.columns.join(',') !== names.join(',') || wrongRow !== -1) {
    logError('open-data source answered other columns', { requestId: ctx.principal.requestId, dataset: dataset.id, columns: answer.columns, wrongRow });
    throw unavailable(dataset);
  }
  return answer;
}
