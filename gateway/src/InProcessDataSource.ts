// Step 2 in one process (SUBGRAPH_CALLS=in-process, the one-box shape): the gateway hands each call to the
// subgraph's pipeline directly, the function its /graphql route hands an HTTP call to, with the headers
// the call would carry over HTTP (subgraphCallHeaders.ts) and the request as an object: no socket, no
// JSON either way. Below this, the subgraph checks tokens, policies, consents and records disclosures as
// it does over HTTP. What the gateway sees is what it would have parsed from the HTTP answer, and a
// failure, a refusal or a slow call gives the same errors as dataSources.ts.
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { findService } from '../../shared/config/services.ts';
import type { Answer, IncomingCall } from '../../shared/subgraph/stages/Stage.ts';
import type { GatewayContext } from './GatewayContext.ts';
import { callBudget } from './requestDeadline.ts';
import { subgraphCallHeaders, type SignInternalToken } from './subgraphCallHeaders.ts';
import { SubgraphCallFailures } from './SubgraphCallFailures.ts';

/** A subgraph running in the gateway's process: its pipeline (RunningSubgraph.graphql). */
export type LocalSubgraph = (call: IncomingCall) => Promise<Answer>;

type Response = Awaited<ReturnType<GraphQLDataSource['process']>>;

const CUT_OFF = Symbol('cut off');

export class InProcessDataSource implements GraphQLDataSource<GatewayContext> {
  private readonly service: { name: string; info: ReturnType<typeof findService> };
  private readonly failures: SubgraphCallFailures;

  constructor(
    serviceName: string,
    private readonly subgraph: LocalSubgraph,
    private readonly sign: SignInternalToken,
    /** How long one call may take (SUBGRAPH_TIMEOUT_MS), less when the request's deadline is nearer. */
    private readonly callTimeoutMs: number,
  ) {
    this.service = { name: serviceName, info: findService(serviceName) };
    this.failures = new SubgraphCallFailures(serviceName, this.service.info, callTimeoutMs);
  }

  async process(options: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<Response> {
    const { request } = options;
    // Apollo's own calls (none today) come without a request, hence without a deadline or identity.
    const caller = options.context as Partial<GatewayContext> | undefined;
    const budget = callBudget(caller?.deadline, this.callTimeoutMs);
    if (budget.ms <= 0) throw this.failures.timedOut(budget, caller);
    if (!request.query) throw new Error('Missing query');
    const call: IncomingCall = {
      headers: subgraphCallHeaders(this.service, this.sign, caller, budget),
      givenRequest: { query: request.query, variables: request.variables, operationName: request.operationName },
    };
    let answer: Answer | typeof CUT_OFF;
    try {
      // A synchronous throw of the pipeline lands in the catch too.
      // The subgraph goes on with a call given up on, as it does when an HTTP call is aborted; its answer is dropped.
      answer = await within(this.subgraph(call), budget.ms);
    } catch (error) {
      throw this.failures.unavailable(error, caller);
    }
    if (answer === CUT_OFF) throw this.failures.cutOff(caller);
    // Over HTTP a status other than 2xx fails the fetch (RemoteGraphQLDataSource) and the register is unavailable.
    if (answer.status < 200 || answer.status > 299) throw this.failures.unavailable(new Error(`the subgraph refused the call with ${answer.status}`), caller);
    // As for an HTTP answer without cache-control: nothing of it may be cached.
    const policy = 'incomingRequestContext' in options ? options.incomingRequestContext.overallCachePolicy : undefined;
    if (policy && 'restrict' in policy) policy.restrict({ maxAge: 0 });
    const { data, errors } = answer.body;
    return {
      ...(data === undefined ? {} : { data: data as Response['data'] }),
      ...(errors === undefined ? {} : { errors: errors.map(formatted) }),
    };
  }
}

/** An error as the HTTP answer carries it (JSON.stringify calls toJSON): message, locations, path, extensions. */
function formatted(error: GraphQLError | GraphQLFormattedError): GraphQLFormattedError {
  return error instanceof GraphQLError ? error.toJSON() : error;
}

/** The answer, or CUT_OFF once `ms` have passed. */
async function within(work: Promise<Answer>, ms: number): Promise<Answer | typeof CUT_OFF> {
  let timer: NodeJS.Timeout | undefined;
  const cutOff = new Promise<typeof CUT_OFF>((resolve) => {
    timer = setTimeout(() => resolve(CUT_OFF), ms);
  });
  try {
    return await Promise.race([work, cutOff]);
  } finally {
    clearTimeout(timer);
  }
}
