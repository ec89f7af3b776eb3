// One bounded load run against one target with autocannon, reduced to the numbers the report prints.
import autocannon from 'autocannon';
import type { BenchTarget } from './benchTargets.ts';

export interface LoadResult {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  completed: number;
  /** Completed plus those still in flight when the run ended. */
  sent: number;
  non2xx: number;
  /** Connection errors and timeouts (a timeout counts as an error in autocannon). */
  errors: number;
  timeouts: number;
}

let running: { stop(): void } | undefined;

/** Ctrl-C during a run: stop the load at once rather than let it finish its seconds. */
export function stopRunningLoad(): void {
  running?.stop();
}

export async function runLoad(target: BenchTarget, connections: number, durationSeconds: number): Promise<LoadResult> {
  const instance = autocannon({
    url: target.url,
    method: target.method ?? 'POST',
    headers: target.headers,
    ...(target.body === undefined ? {} : { body: target.body }),
    connections,
    pipelining: 1,
    duration: durationSeconds,
    timeout: 10,
  });
  running = instance;
  try {
    const result = await instance;
    return {
      requestsPerSecond: result.requests.mean,
      p50Ms: result.latency.p50,
      p99Ms: result.latency.p99,
      completed: result.requests.total,
      sent: result.requests.sent,
      non2xx: result.non2xx,
      errors: result.errors,
      timeouts: result.timeouts,
    };
  } finally {
    running = undefined;
  }
}
