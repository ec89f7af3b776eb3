// The stages every GraphQL call to a subgraph passes, in order: the order is the documentation. A new
// check is one new file in stages/ and one line here. No stage imports this file.
import type { GraphQLSchema } from 'graphql';
import type { Knex } from 'knex';
import type { Principal } from '../auth/Principal.ts';
import type { DisclosureWriter } from '../audit/disclosureWriter.ts';
import type { ConnectionCache } from '../connections/connectionCache.ts';
import type { ConsentCache } from '../consent/consentCache.ts';
import type { CompiledPolicies } from '../policy/compilePolicies.ts';
import type { OperationLimits } from '../limits/operationLimits.ts';
import type { LatencyHistograms } from '../statistics/latencyHistogram.ts';
import type { Prepared } from './documentCache.ts';
import type { SubgraphContext } from './SubgraphDefinition.ts';
import { checkTokenBinding } from './stages/checkTokenBinding.ts';
import { countOperations, type OperationCounter } from './stages/countOperations.ts';
import { enforcePolicies } from './stages/enforcePolicies.ts';
import { executeOperation, type ExecutableCall } from './stages/executeOperation.ts';
import { limitQueryCost } from './stages/limitQueryCost.ts';
import { loadData } from './stages/loadData.ts';
import { lookUpConnections } from './stages/lookUpConnections.ts';
import { lookUpSubjectBases } from './stages/lookUpSubjectBases.ts';
import { maskUnexpectedErrors } from './stages/maskUnexpectedErrors.ts';
import { measureLatency } from './stages/measureLatency.ts';
import { prepareDocument } from './stages/prepareDocument.ts';
import { readGraphQLRequest } from './stages/readGraphQLRequest.ts';
import { recordDisclosures } from './stages/recordDisclosures.ts';
import { relayForCaller } from './stages/relayForCaller.ts';
import { requireVouchedCaller } from './stages/requireVouchedCaller.ts';
import { Pipeline, type Answer, type IncomingCall } from './stages/Stage.ts';

/** What the stages are built from, once per service (startSubgraph.ts). */
export interface RuntimeDeps<Loaders> {
  service: string;
  verifyToken(token: string): Principal | null;
  prepare(query: string): Prepared;
  /** The subgraph's own schema (policies wrap resolvers, never types), and the limits of operations (null: none). */
  baseSchema: GraphQLSchema;
  operationLimits: OperationLimits | null;
  counter: OperationCounter;
  /** The schema in force: with the policies' rules, or (benchmark only) without. */
  schema(): GraphQLSchema;
  /** The policies in force (which services need a connection, and for whom). */
  policies(): CompiledPolicies;
  policyDir: string;
  consentRegistryUrl: string | undefined;
  consentCache: ConsentCache;
  connectionCache: ConnectionCache;
  /** null only for the benchmark's run without the disclosure log. */
  disclosureLog: DisclosureWriter | null;
  subgraphUrls(): Readonly<Record<string, string>>;
  knex: Knex;
  createLoaders(knex: Knex): Loaders;
  /** Where each agency call's latency is counted (sharing statistics); null: not measured. */
  latency: LatencyHistograms | null;
}

export function subgraphPipeline<Loaders>(deps: RuntimeDeps<Loaders>): (call: IncomingCall) => Promise<Answer> {
  return Pipeline.startingWith<IncomingCall>()
    .then(requireVouchedCaller(deps.verifyToken)) // 401 before the body is read
    .then(measureLatency(deps.latency)) // each agency call's time to its answer, into the day's histogram
    .then(checkTokenBinding(deps.service)) // 401 for a consent or relay token of another request
    .then(readGraphQLRequest()) // 413 / 400 for a body that is not a GraphQL request
    .then(maskUnexpectedErrors(deps.service)) // on the way back: only client errors pass
    .then(prepareDocument(deps.prepare)) // parse, operation limits and validation, cached per text; 400 if invalid or over a limit
    .then(limitQueryCost(deps.baseSchema, deps.operationLimits)) // 400 over the caller's cost budget
    .then(countOperations(deps.counter))
    .then(enforcePolicies(deps.schema, deps.policyDir)) // shield rules compiled from policies/ decide each field
    .then(lookUpSubjectBases(deps.consentRegistryUrl, deps.consentCache)) // consents and subject requests, one batch per kind
    .then(lookUpConnections(deps.consentRegistryUrl, deps.connectionCache, deps.policies)) // the caller agency's connections, where a policy needs one
    .then(recordDisclosures(deps.service, deps.disclosureLog)) // written before the answer leaves, or no data
    .then(relayForCaller(deps.subgraphUrls)) // tokens to call other agencies for this caller
    .then(loadData(deps.knex, deps.createLoaders)) // per-request DataLoaders
    .endingWith((call: ExecutableCall & SubgraphContext<Loaders>) => executeOperation(call, contextOf(call)));
}

/**
 * The context resolvers and policy rules read, from what the stages added: an object of one fixed shape
 * per call. (The call object itself grows a property per stage; V8 turns such an object into a slow
 * dictionary, and resolvers read the context hundreds of times per call.)
 */
function contextOf<Loaders>(call: SubgraphContext<Loaders>): SubgraphContext<Loaders> {
  return {
    principal: call.principal,
    disclosures: call.disclosures,
    subjectBases: call.subjectBases,
    connections: call.connections,
    policyDir: call.policyDir,
    relayTokens: call.relayTokens,
    subgraphUrl: call.subgraphUrl,
    knex: call.knex,
    loaders: call.loaders,
  };
}
