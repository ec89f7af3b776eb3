import type { DocumentNode } from 'graphql';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/resolverMap.js';
import type { Knex } from 'knex';
import type DataLoader from 'dataloader';
import type { Principal } from '../auth/Principal.ts';
import type { ConsentCache } from '../consent/consentCache.ts';
import type { SubjectGrant } from '../consent/consentLookup.ts';
import type { DisclosureCollector } from '../audit/disclosureCollector.ts';
import type { Migration } from '../db/migrationSource.ts';
import type { Province } from '../../synthetic/index.ts';

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
  /** Service-to-service endpoints (the platform's consent lookup), each with the token audience it accepts. */
  internalRoutes?: Record<string, InternalRoute>;
}

export interface InternalRoute {
  audience: string;
  handle(principal: Principal, body: unknown, knex: Knex): Promise<unknown>;
}

export interface SubgraphContext<Loaders = unknown> {
  principal: Principal;
  loaders: Loaders;
  knex: Knex;
  /** Where this service's policies live (the platform's policy console writes there). */
  policyDir: string;
  /** The active consents of data subjects to this caller's agency and purpose, batched per request. */
  consents: DataLoader<string, SubjectGrant[]>;
  /** Consents this subgraph saw lately, safe against revocation (shared/consent/consentCache.ts). */
  consentCache: ConsentCache;
  /** The data subjects' open requests to give their data to this caller's agency for its case, claimed by this request. */
  subjectRequests: DataLoader<string, SubjectGrant[]>;
  /** Tokens the gateway minted for this request for other agencies' internal routes, by audience (shared/auth/relayTokens). */
  relayTokens: Readonly<Record<string, string>>;
  /** GraphQL URL of another subgraph, for a call to its internal routes. */
  subgraphUrl(name: string): string | undefined;
  /** Decisions on personal data in this request, written to the disclosure log before the answer leaves. */
  disclosures: DisclosureCollector;
}
