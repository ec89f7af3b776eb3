// The part of autocannon 9's programmatic API the bench uses (the package ships no types, and no
// @types/autocannon is installed).
declare module 'autocannon' {
  interface Options {
    url: string;
    method?: 'GET' | 'POST';
    headers?: Record<string, string>;
    body?: string;
    connections?: number;
    pipelining?: number;
    /** Seconds. */
    duration?: number;
    /** Seconds a request may take before it counts as a timeout (and an error). */
    timeout?: number;
  }

  interface Histogram {
    mean: number;
    average: number;
    stddev: number;
    min: number;
    max: number;
    p50: number;
    p90: number;
    p97_5: number;
    p99: number;
    /** Requests only: completed in total. */
    total: number;
    /** Requests only: sent in total (completed plus those still in flight at the end). */
    sent: number;
  }

  interface Result {
    duration: number;
    errors: number;
    timeouts: number;
    non2xx: number;
    resets: number;
    statusCodeStats: Record<string, { count: number }>;
    /** Milliseconds. */
    latency: Histogram;
    /** Per-second samples: `mean` is requests/s; `total` and `sent` are counts. */
    requests: Histogram;
    throughput: Histogram;
  }

  function autocannon(options: Options): Promise<Result> & { stop(): void };
  export = autocannon;
}
