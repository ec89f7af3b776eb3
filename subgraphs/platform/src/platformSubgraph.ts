import { readFileSync } from 'node:fs';
import { parse } from 'graphql';
import type { SubgraphDefinition } from '../../../shared/subgraph/SubgraphDefinition.ts';
import { migrations } from '../migrations/index.ts';
import { seedPlatform } from '../seeds/seedPlatform.ts';
import { createPlatformLoaders, type PlatformLoaders } from './catalogues/loaders.ts';
import { resolvers } from './resolvers.ts';
import { activeConsentsFor } from './consent/consentRegistry.ts';
import { claimSubjectRequests } from './subjectRequests/subjectRequests.ts';
import { purposeListRoute } from './catalogues/purposeListRoute.ts';
import { PURPOSE_LIST_PATH } from '../../../shared/catalogue/purposeDeclarations.ts';
import { CHECKPOINT_PATH, checkpointWitnessRoute } from '../../../shared/audit/witnessCheckpoints.ts';
import { CONSENT_LOOKUP_PATH, CONSENT_REGISTRY_AUDIENCE, SUBJECT_REQUEST_CLAIM_PATH } from '../../../shared/consent/consentRoutes.ts';
import { CONNECTION_LOOKUP_PATH } from '../../../shared/connections/connectionRoutes.ts';
import { connectionsFor } from './connections/connectionLookup.ts';
import { openDataReminderTask } from './openData/openDataNotices.ts';

export const platformSubgraph: SubgraphDefinition<PlatformLoaders> = {
  name: 'platform',
  typeDefs: parse(readFileSync(new URL('../platform.graphql', import.meta.url), 'utf8')),
  resolvers,
  migrations,
  seed: seedPlatform,
  createLoaders: createPlatformLoaders,
  internalRoutes: {
    [CONSENT_LOOKUP_PATH]: { audience: CONSENT_REGISTRY_AUDIENCE, handle: activeConsentsFor },
    [SUBJECT_REQUEST_CLAIM_PATH]: { audience: CONSENT_REGISTRY_AUDIENCE, handle: claimSubjectRequests },
    // The caller agency's connection agreements, asked with the same narrow token as its consents.
    [CONNECTION_LOOKUP_PATH]: { audience: CONSENT_REGISTRY_AUDIENCE, handle: connectionsFor },
    // The gateway loads it with a token for the platform itself: no key of its own to distribute.
    [PURPOSE_LIST_PATH]: purposeListRoute,
  },
  // Every agency's disclosure-log checkpoints, authenticated by the agency's signature (shared/audit/README.md).
  signedRoutes: { [CHECKPOINT_PATH]: checkpointWitnessRoute() },
  // Reminders of overdue open datasets to their publishers' outbox (OPEN_DATA_REMINDER_SECONDS).
  periodicTasks: [openDataReminderTask],
};
