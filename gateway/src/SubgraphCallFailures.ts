// What the client is told when a subgraph call fails, the same over HTTP and in-process: never the
// subgraph's address or low-level failure, only which register is missing and why (down or too slow).
import { GraphQLError } from 'graphql';
import type { SubgraphService } from '../../shared/config/services.ts';
import { logError } from '../../shared/logging/log.ts';
import type { GatewayContext } from './GatewayContext.ts';
import { inSeconds, type CallBudget } from './requestDeadline.ts';

export class SubgraphCallFailures {
  constructor(
    private readonly serviceName: string,
    private readonly service: SubgraphService | undefined,
  ) {}

  /** A register that is down, refused the call or failed in it: SUBGRAPH_UNAVAILABLE. */
  unavailable(error: unknown, context: Partial<GatewayContext> | undefined): GraphQLError {
    logError('subgraph call failed', { subgraph: this.serviceName, requestId: context?.principal?.requestId, error });
    return new GraphQLError(`The ${this.title()} is unavailable; its fields are missing from this answer`, {
      extensions: { code: 'SUBGRAPH_UNAVAILABLE', service: this.serviceName },
    });
  }

  /**
   * A slow register costs only its fields, as one that is down does. Named by the budget the call was
   * given (its own timeout, or the time left before the request's deadline), not by the clock when it
   * was cut off: a timer may fire a millisecond or two before the deadline it was set for.
   */
  timedOut(budget: CallBudget, context: Partial<GatewayContext> | undefined): GraphQLError {
    logError('subgraph call timed out', { subgraph: this.serviceName, requestId: context?.principal?.requestId, limitedBy: budget.limitedBy, ms: budget.ms });
    if (budget.limitedBy === 'deadline') {
      const total = inSeconds(context?.deadline?.totalMs ?? 0);
      return new GraphQLError(`This request reached its ${total} deadline before the ${this.title()} answered; its fields are missing from this answer`, {
        extensions: { code: 'REQUEST_TIMEOUT', service: this.serviceName },
      });
    }
    return new GraphQLError(`The ${this.title()} did not answer within ${inSeconds(budget.ms)}; its fields are missing from this answer`, {
      extensions: { code: 'SUBGRAPH_TIMEOUT', service: this.serviceName },
    });
  }

  private title(): string {
    return this.service?.title ?? this.serviceName;
  }
}
