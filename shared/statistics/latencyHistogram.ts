// Latency of the calls a register answers, as histograms with fixed log-scale buckets: the same
// buckets everywhere, so histograms of replicas and of days merge by adding counts, and percentiles are
// read from the merged counts. Bucket i holds durations up to BASE_MS * 2^(i/4) (each bucket 19% wider
// than the one before: a percentile is reported as its bucket's upper bound, at most 19% above the
// true value); bucket 0 everything up to BASE_MS; the last bucket everything above the one before.
export const BASE_MS = 0.25;
export const BUCKETS = 80;
const STEPS_PER_DOUBLING = 4;

/** The bucket a duration in milliseconds falls in. */
export function bucketOf(ms: number): number {
  if (!(ms > BASE_MS)) return 0;
  const index = Math.ceil(STEPS_PER_DOUBLING * Math.log2(ms / BASE_MS) - 1e-9);
  return index >= BUCKETS ? BUCKETS - 1 : index;
}

/** The largest duration bucket `index` holds (the last one: its lower bound, the largest known). */
export function upperBoundOf(index: number): number {
  return BASE_MS * 2 ** (Math.min(index, BUCKETS - 1) / STEPS_PER_DOUBLING);
}

export interface Percentiles {
  p50: number | null;
  p95: number | null;
  p99: number | null;
  calls: number;
}

/** The value at quantile q (0 < q <= 1): the upper bound of the bucket holding the ceil(q * total)-th call. */
function quantile(counts: ArrayLike<number>, total: number, q: number): number {
  const rank = Math.max(1, Math.ceil(q * total));
  let seen = 0;
  for (let index = 0; index < counts.length; index += 1) {
    seen += counts[index];
    if (seen >= rank) return Math.round(upperBoundOf(index) * 100) / 100;
  }
  return Math.round(upperBoundOf(counts.length - 1) * 100) / 100;
}

export function percentiles(counts: ArrayLike<number>): Percentiles {
  let total = 0;
  for (let index = 0; index < counts.length; index += 1) total += counts[index];
  if (total === 0) return { p50: null, p95: null, p99: null, calls: 0 };
  return { p50: quantile(counts, total, 0.5), p95: quantile(counts, total, 0.95), p99: quantile(counts, total, 0.99), calls: total };
}

/** Adds `from` into `into`, bucket by bucket. */
export function mergeInto(into: number[] | Float64Array | Uint32Array, from: ArrayLike<number>): void {
  for (let index = 0; index < from.length; index += 1) into[index] += from[index];
}

/**
 * The histograms of one process not yet flushed, by day, consumer agency and purpose. `record` is on the
 * request path: no await, and no allocation but the first time a key is seen in a day.
 */
export class LatencyHistograms {
  private day = '';
  private byAgency = new Map<string, Map<string, Uint32Array>>();
  private pending: Array<{ day: string; byAgency: Map<string, Map<string, Uint32Array>> }> = [];

  constructor(private readonly today: () => string) {
    this.rollOver();
  }

  record(agency: string, purpose: string, ms: number): void {
    let perPurpose = this.byAgency.get(agency);
    if (!perPurpose) this.byAgency.set(agency, (perPurpose = new Map()));
    let counts = perPurpose.get(purpose);
    if (!counts) perPurpose.set(purpose, (counts = new Uint32Array(BUCKETS)));
    counts[bucketOf(ms)] += 1;
  }

  /** Called off the request path (each flush, and at a day's start): closes the histograms of an earlier day. */
  rollOver(): void {
    const today = this.today();
    if (today === this.day) return;
    if (this.byAgency.size) this.pending.push({ day: this.day, byAgency: this.byAgency });
    this.day = today;
    this.byAgency = new Map();
  }

  /** Everything recorded so far, by day, agency and purpose, and empties the histograms. */
  take(): Array<{ day: string; agency: string; purpose: string; counts: Uint32Array }> {
    this.rollOver();
    const taken = [...this.pending, { day: this.day, byAgency: this.byAgency }];
    this.pending = [];
    this.byAgency = new Map();
    return taken.flatMap(({ day, byAgency }) => [...byAgency].flatMap(([agency, perPurpose]) => [...perPurpose].map(([purpose, counts]) => ({ day, agency, purpose, counts }))));
  }

  /** Puts back what a failed flush took, to be written next time. */
  putBack(taken: Array<{ day: string; agency: string; purpose: string; counts: Uint32Array }>): void {
    for (const { day, agency, purpose, counts } of taken) {
      let entry = this.pending.find((pending) => pending.day === day);
      if (!entry) this.pending.push((entry = { day, byAgency: new Map() }));
      let perPurpose = entry.byAgency.get(agency);
      if (!perPurpose) entry.byAgency.set(agency, (perPurpose = new Map()));
      const existing = perPurpose.get(purpose);
      if (existing) mergeInto(existing, counts);
      else perPurpose.set(purpose, counts);
    }
  }
}
