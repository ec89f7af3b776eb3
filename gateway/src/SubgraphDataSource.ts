// Step 2: the gateway's call to one subgraph, the same in both shapes but for the transport under it
// (subgraphTransports.ts): over HTTP to a subgraph of its own (the scale-out shape), or to the pipeline of
// a subgraph in this process (the one-box shape). Either way the call carries the same caller and headers
// (subgraphCallHeaders.ts: the request id, the consent and relay tokens; the caller over HTTP as the
// subgraph's internal token, in this process as an object), is cut off at its timeout or the request's
// deadline (requestDeadline.ts), and a failure, a refusal or a slow register gives the same errors
// (SubgraphCallFailures.ts). Below the transport the subgraph checks the tokens bound to its caller,
// policies and consents and records disclosures as it always does.
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import type { GraphQLDataSource, GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { findService } from '../../shared/config/services.ts';
import type { GatewayContext } from './GatewayContext.ts';
import { callBudget } from './requestDeadline.ts';
import { subgraphCallHeaders, type SignInternalToken } from './subgraphCallHeaders.ts';
import { SubgraphCallFailures } from './SubgraphCallFailures.ts';
import type { SubgraphAnswer, SubgraphTransport } from './subgraphTransports.ts';

type Response = Awaited<ReturnType<GraphQLDataSource['process']>>;

const CUT_OFF = Symbol('cut off');

export class SubgraphDataSource implements GraphQLDataSource<GatewayContext> {
  private readonly service: { name: string; info: ReturnType<typeof findService> };
  private readonly failures: SubgraphCallFailures;

  constructor(
    serviceName: string,
    private readonly transport: SubgraphTransport,
    private readonly sign: SignInternalToken,
    /** How long one call may take (SUBGRAPH_TIMEOUT_MS), less when the request's deadline is nearer. */
    private readonly callTimeoutMs: number,
  ) {
    this.service = { name: serviceName, info: findService(serviceName) };
    this.failures = new SubgraphCallFailures(serviceName, this.service.info);
  }

  async process(options: GraphQLDataSourceProcessOptions<GatewayContext>): Promise<Response> {
    const { request } = options;
    // Apollo's own calls (none today) come without a request, hence without a deadline or identity.
    const caller = options.context as Partial<GatewayContext> | undefined;
    const budget = callBudget(caller?.deadline, this.callTimeoutMs);
    if (budget.ms <= 0) throw this.failures.timedOut(budget, caller);
    if (!request.query) throw new Error('Missing query');
    const headers = subgraphCallHeaders(this.service, this.sign, caller, budget, !this.transport.inProcess);
    const call = { query: request.query, variables: request.variables, operationName: request.operationName };
    const abort = new AbortController();
    let answer: SubgraphAnswer | typeof CUT_OFF;
    try {
      // At the budget the transport is told to give up (over HTTP the socket is destroyed, never reused);
      // a subgraph in this process goes on with the call and its answer is dropped.
      answer = await within(this.transport.send(headers, call, abort.signal, caller?.principal), budget.ms, abort);
    } catch (error) {
      throw abort.signal.aborted ? this.failures.timedOut(budget, caller) : this.failures.unavailable(error, caller);
    }
    if (answer === CUT_OFF) throw this.failures.timedOut(budget, caller);
    // A status other than 2xx: the register refused the call (e.g. a token it would not take), it is unavailable.
    if (answer.status < 200 || answer.status > 299) throw this.failures.unavailable(new Error(`the subgraph refused the call with ${answer.status}`), caller);
    // Subgraphs send no cache-control: nothing of the answer may be cached.
    const policy = 'incomingRequestContext' in options ? options.incomingRequestContext.overallCachePolicy : undefined;
    if (policy && 'restrict' in policy) policy.restrict({ maxAge: 0 });
    const { data, errors } = answer.body;
    return {
      ...(data === undefined ? {} : { data: data as Response['data'] }),
      ...(errors === undefined ? {} : { errors: errors.map(formatted) }),
    };
  }
}

/** An error as an HTTP answer carries it (JSON.stringify calls toJSON): message, locations, path, extensions. */
function formatted(error: GraphQLError | GraphQLFormattedError): GraphQLFormattedError {
  return error instanceof GraphQLError ? error.toJSON() : error;
}

/** The answer, or CUT_OFF once `ms` have passed (the transport is then aborted). */
async function within(work: Promise<SubgraphAnswer>, ms: number, abort: AbortController): Promise<SubgraphAnswer | typeof CUT_OFF> {
  let timer: NodeJS.Timeout | undefined;
  const cutOff = new Promise<typeof CUT_OFF>((resolve) => {
    timer = setTimeout(() => {
      abort.abort();
      resolve(CUT_OFF);
    }, ms);
  });
  try {
    return await Promise.race([work, cutOff]);
  } finally {
    clearTimeout(timer);
  }
}
