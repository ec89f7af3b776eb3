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
    /** SUBGRAPH_TIMEOUT_MS: how long one call may take. */
    private readonly callTimeoutMs: number,
  ) {}

  /** A register that is down, refused the call or failed in it: SUBGRAPH_UNAVAILABLE. */
  unavailable(error: unknown, context: Partial<GatewayContext> | undefined): GraphQLError {
    logError('subgraph call failed', { subgraph: this.serviceName, requestId: context?.principal?.requestId, error });
    return new GraphQLError(`The ${this.title()} is unavailable; its fields are missing from this answer`, {
      extensions: { code: 'SUBGRAPH_UNAVAILABLE', service: this.serviceName },
    });
  }

  /** A call cut off at its budget: by the request's deadline when that has run out, else by its own timeout. */
  cutOff(context: Partial<GatewayContext> | undefined): GraphQLError {
    const deadline = context?.deadline;
    const spent: CallBudget = deadline && performance.now() >= deadline.at - 1 ? { ms: 0, limitedBy: 'deadline' } : { ms: this.callTimeoutMs, limitedBy: 'call' };
    return this.timedOut(spent, context);
  }

  /** A slow register costs only its fields, as one that is down does. */
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
