// The service-to-service routes a subgraph serves and the internal-token audiences it verifies: its own
// name (GraphQL from the gateway), then one per route. The production check and `npm run keys:internal`
// read the audiences from here, so a subgraph is given exactly the keys it verifies, no more.
import { disclosureLogRoute } from '../audit/disclosureLogReader.ts';
import { disclosureRecipientsRoute, DISCLOSURE_RECIPIENTS_PATH } from '../audit/disclosureRecipientsRoute.ts';
import { disclosureReleaseRoute } from '../audit/disclosureReleaseRoute.ts';
import { DISCLOSURE_LOG_PATH, DISCLOSURE_RELEASE_PATH } from '../auth/relayTokens.ts';
import type { InternalRoute } from '../internalRoutes/InternalRoute.ts';
import { SHARING_STATISTICS_PATH, sharingStatisticsRoute } from '../statistics/sharingStatisticsRoute.ts';
import type { SubgraphDefinition } from './SubgraphDefinition.ts';

/**
 * The agency's own routes (among them, for a register with open-data sources, OPEN_DATA_SOURCE_PATH at
 * `<name>-open-data`: shared/openData/openDataSourceRoute.ts, wired in its definition, so only a subgraph
 * that has sources verifies that audience), and the disclosure-log routes every agency answers (who used
 * my data; releases; recipients of a correction).
 */
export function servedInternalRoutes(definition: Pick<SubgraphDefinition, 'name' | 'internalRoutes'>): Record<string, InternalRoute> {
  return {
    ...definition.internalRoutes,
    [DISCLOSURE_LOG_PATH]: disclosureLogRoute(definition.name),
    [DISCLOSURE_RELEASE_PATH]: disclosureReleaseRoute(definition.name),
    // Which agencies received a field of a record being corrected (data-error reports, issue 14 item 5).
    [DISCLOSURE_RECIPIENTS_PATH]: disclosureRecipientsRoute(definition.name),
    // Figures computed from the same log, answering the same tokens (shared/statistics).
    [SHARING_STATISTICS_PATH]: sharingStatisticsRoute(definition.name),
  };
}

/** E.g. population: `population`, `guardianship`, `population-disclosure-log`. */
export function internalAudiences(definition: Pick<SubgraphDefinition, 'name' | 'internalRoutes'>): string[] {
  return [...new Set([definition.name, ...Object.values(servedInternalRoutes(definition)).map((route) => route.audience)])];
}
