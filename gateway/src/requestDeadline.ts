// Every request at the gateway has a deadline, set when its GraphQL context is made. Each subgraph call
// may take SUBGRAPH_TIMEOUT_MS, or only the time left before the deadline when that is shorter, so the
// answer leaves by the deadline even when calls follow each other (a register's field that needs
// another call after it).
export interface RequestDeadline {
  /** performance.now() at which the request's time is up. */
  readonly at: number;
  /** What the request was allowed in all, for the message that names it. */
  readonly totalMs: number;
}

/** How long the next subgraph call may take, and what limits it: its own timeout or the request's deadline. */
export interface CallBudget {
  /** 0 or less: the deadline has passed, the call is not made. */
  readonly ms: number;
  readonly limitedBy: 'call' | 'deadline';
}

export function startDeadline(totalMs: number): RequestDeadline {
  return { at: performance.now() + totalMs, totalMs };
}

export function callBudget(deadline: RequestDeadline | undefined, callTimeoutMs: number): CallBudget {
  const left = deadline ? Math.floor(deadline.at - performance.now()) : Number.POSITIVE_INFINITY;
  return left < callTimeoutMs ? { ms: left, limitedBy: 'deadline' } : { ms: callTimeoutMs, limitedBy: 'call' };
}

/** 2000 -> "2 s", 1500 -> "1.5 s": how a person reads a duration in a message. */
export function inSeconds(ms: number): string {
  return `${ms / 1000} s`;
}
