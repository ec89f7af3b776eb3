// The platform calls other agencies on the caller's behalf for three things only: a citizen acting for
// their child (the population register says who the parents are), a read of the access log (each
// agency's own disclosure log, one token per agency), and the release of a restricted disclosure (a
// route of the same log, with the same token), and, for a publisher's refresh of an open dataset, the
// owner register's open-data source (`<subgraph>-open-data`). Which tokens an operation carries is decided here from its root fields, once per request; subgraphCallHeaders.ts mints them for the platform's call.
import type { ApolloServerPlugin } from '@apollo/server';
import { hasRole } from '../../../shared/auth/Principal.ts';
import { disclosureLogAudience, GUARDIANSHIP_AUDIENCE } from '../../../shared/auth/relayTokens.ts';
import { SUBGRAPH_SERVICES } from '../../../shared/config/services.ts';
import { openDataAudience } from '../../../shared/openData/openDataSource.ts';
import type { GatewayContext } from '../GatewayContext.ts';
import { rootFieldNames } from '../rootFields.ts';

/** The access-log views, and the release of a restricted disclosure (a route of each agency's log). */
const ACCESS_LOG_FIELDS = ['myDataAccessLog', 'dataAccessLog', 'releaseRestrictedDisclosure'];
// A policy proposal replays recent disclosure-log entries under the proposed policies (its impact).
const IMPACT_REPLAY_FIELDS = ['proposePolicyChange', 'rollbackPolicies'];
// Marking a data-error report corrected asks the owner register's log which agencies received the field.
const CORRECTION_FIELDS = ['correctDataErrorReport'];
// Sharing statistics: each register's daily figures of its log, a route of the same log (shared/statistics).
const STATISTICS_FIELDS = ['sharingStatistics'];
const DISCLOSURE_LOG_AUDIENCES = SUBGRAPH_SERVICES.map((service) => disclosureLogAudience(service.name));
// A publisher's refresh of a dataset: the platform asks the owner register for its rows (shared/openData).
// Every agency register may own a dataset; the platform computes its own, so it needs no token for itself.
const OPEN_DATA_FIELDS = ['refreshOpenDataset'];
const OPEN_DATA_AUDIENCES = SUBGRAPH_SERVICES.filter((service) => service.name !== 'platform').map((service) => openDataAudience(service.name));


export function useRelayAudiences(): ApolloServerPlugin<GatewayContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue, operation, document }) {
          if (!operation) return;
          const fields = rootFieldNames(operation, document);
          contextValue.relayAudiences = [
            ...(hasRole(contextValue.principal, 'citizen') ? [GUARDIANSHIP_AUDIENCE] : []),
            ...([...ACCESS_LOG_FIELDS, ...IMPACT_REPLAY_FIELDS, ...CORRECTION_FIELDS, ...STATISTICS_FIELDS].some((field) => fields.has(field)) ? DISCLOSURE_LOG_AUDIENCES : []),
            ...(OPEN_DATA_FIELDS.some((field) => fields.has(field)) ? OPEN_DATA_AUDIENCES : []),
          ];
        },
      };
    },
  };
}
