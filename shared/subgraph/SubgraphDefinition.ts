import type { DocumentNode } from 'graphql';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/resolverMap.js';
import type { Knex } from 'knex';
import type { Migration } from '../db/migrationSource.ts';
import type { InternalRoute } from '../internalRoutes/InternalRoute.ts';
import type { SignedRoute } from '../internalRoutes/SignedRoute.ts';
import type { PolicyContext } from '../policy/PolicyContext.ts';
import type { Province } from '../../synthetic/index.ts';
import type { PolicyFolderContext } from './stages/enforcePolicies.ts';
import type { DataContext } from './stages/loadData.ts';
import type { RelayContext } from './stages/relayForCaller.ts';

/** What each agency folder provides; shared/subgraph turns it into a running service. */
export interface SubgraphDefinition<Loaders = unknown> {
  name: string;
  typeDefs: DocumentNode;
  resolvers: GraphQLResolverMap<SubgraphContext<Loaders>>;
  migrations: Record<string, Migration>;
  /** Fills an empty database with this agency's part of the synthetic province. */
  seed(knex: Knex, province: Province): Promise<void>;
  /** Built per request, so no cached row outlives the request that read it. */
  createLoaders(knex: Knex): Loaders;
  /** Service-to-service endpoints (the platform's consent lookup), by path. */
  internalRoutes?: Record<string, InternalRoute>;
  /** Service-to-service endpoints whose body carries its own signature (the platform's checkpoint witness), by path. */
  signedRoutes?: Record<string, SignedRoute>;
  /** Passes the service runs on a timer, off the request path (the platform's open-data reminders). */
  periodicTasks?: PeriodicTask[];
}

/**
 * A pass run every `everySeconds()` seconds (0: never on a timer), one at a time; a failing pass is
 * logged and tried again at the next tick. Tests run one at once (RunningSubgraph.runPeriodicTask).
 */
export interface PeriodicTask {
  name: string;
  everySeconds(): number;
  run(knex: Knex): Promise<void>;
}

/**
 * What resolvers and policy rules read during one call: the caller, the recorder of disclosures and the
 * data subjects' own bases (PolicyContext), the database and loaders, the policy folder, and what is
 * needed to call other agencies for the caller. Each part is added by one stage (subgraphPipeline.ts).
 */
export type SubgraphContext<Loaders = unknown> = PolicyContext & DataContext<Loaders> & PolicyFolderContext & RelayContext;
