// A subgraph call passes a short list of stages (subgraphPipeline.ts). A stage sees only the part of
// the call it declares (`Needs`) and either answers at once (a refusal), or passes the call on with
// what it adds (`Adds`), or wraps what comes after (to record or mask on the way back). What the
// stages add makes up the GraphQL context the resolvers and the policy rules read.
import type { IncomingHttpHeaders } from 'node:http';
import type { GraphQLError, GraphQLFormattedError } from 'graphql';
import type { Principal } from '../../auth/Principal.ts';
import { errorResponse } from '../../errors/clientErrors.ts';

export interface Answer {
  status: number;
  /** A GraphQL response: errors raised while executing, or already formatted ones (refusals). */
  body: { data?: unknown; errors?: ReadonlyArray<GraphQLError | GraphQLFormattedError> };
}

export type Stage<Needs, Adds = {}> = (call: Needs, next: (adds: Adds) => Promise<Answer>) => Promise<Answer>;

/** A refusal before or instead of GraphQL execution. */
export function refusal(status: number, message: string, code: string): Answer {
  return { status, body: errorResponse(message, code) };
}

/**
 * Stages in order. `then` accepts a stage only if what the earlier stages added covers what it needs,
 * so the order is checked by the compiler. Each call is one object the stages add to.
 */
export class Pipeline<Start, Has> {
  private constructor(private readonly stages: ReadonlyArray<Stage<never, object>>) {}

  static startingWith<Start extends object>(): Pipeline<Start, Start> {
    return new Pipeline<Start, Start>([]);
  }

  then<Adds extends object>(stage: Stage<Has, Adds>): Pipeline<Start, Has & Adds> {
    return new Pipeline<Start, Has & Adds>([...this.stages, stage as Stage<never, object>]);
  }

  endingWith(last: (call: Has) => Promise<Answer>): (call: Start) => Promise<Answer> {
    const stages = this.stages as ReadonlyArray<Stage<object, object>>;
    const run = (index: number, call: object): Promise<Answer> =>
      index === stages.length ? last(call as Has) : stages[index](call, (adds) => run(index + 1, Object.assign(call, adds)));
    return (call) => run(0, call as object);
  }
}

/**
 * What the transport hands the pipeline: the headers, and the GraphQL request either still unread (over
 * HTTP, routeRequest.ts) or as the object the gateway built (a gateway in this process,
 * gateway/src/subgraphTransports.ts). Either way readGraphQLRequest checks its shape the same way.
 */
export type IncomingCall = { headers: IncomingHttpHeaders } & (HttpBody | GivenRequest);

export interface HttpBody {
  /** The body as text, or null when it is larger than a subgraph accepts. */
  readBody(): Promise<string | null>;
  /** Never over HTTP: there the caller comes with its internal token or not at all. */
  vouchedCaller?: undefined;
}

export interface GivenRequest {
  /** What JSON.parse of the body would have given: checked as such, never trusted for its type. */
  givenRequest: unknown;
  /**
   * The caller as the gateway in this process established it, a copy of its own (requireVouchedCaller.ts):
   * in place of an internal token, which only a call crossing a process boundary needs.
   */
  vouchedCaller?: Principal;
}
