// Seeded PRNG (sfc32, seeded through splitmix32) so that the same seed yields the same
// data on every machine and Node version; Math.random is never used.

function splitmix32(state: number): () => number {
  let s = state >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/** FNV-1a over UTF-16 code units: a stable way to derive sub-seeds from labels. */
function hashLabel(label: string, seed: number): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < label.length; i++) {
    h ^= label.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** Folds any finite number (including > 2^32 or negative) into a 32-bit seed. */
function normaliseSeed(seed: number): number {
  if (!Number.isFinite(seed)) throw new RangeError(`seed must be a finite number, got ${seed}`);
  const whole = Math.trunc(seed);
  const low = whole % 0x100000000;
  const high = Math.floor(whole / 0x100000000);
  return (low ^ Math.imul(high, 0x9e3779b1)) >>> 0;
}

export class Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;
  readonly seed: number;

  constructor(seed: number) {
    this.seed = normaliseSeed(seed);
    const init = splitmix32(this.seed);
    this.a = init();
    this.b = init();
    this.c = init();
    this.d = init();
    // Warm up so that nearby seeds diverge immediately.
    for (let i = 0; i < 12; i++) this.nextUint32();
  }

  /** An independent stream for one concern, so adding draws to one part does not shift another. */
  fork(label: string): Random {
    return new Random(hashLabel(label, this.seed));
  }

  nextUint32(): number {
    const t = (((this.a + this.b) >>> 0) + this.d) >>> 0;
    this.d = (this.d + 1) >>> 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) >>> 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) >>> 0;
    return t;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.nextUint32() / 4294967296;
  }

  /** Uniform integer in [min, max], both inclusive. */
  int(min: number, max: number): number {
    if (max < min) throw new RangeError(`int(${min}, ${max}): empty range`);
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** Uniform float in [min, max). */
  float(min: number, max: number): number {
    return min + this.next() * (max - min);
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new RangeError('pick from an empty list');
    return items[Math.floor(this.next() * items.length)];
  }

  /** Weighted pick with a linear scan; use WeightedTable on hot paths. */
  weighted<T>(items: readonly T[], weights: readonly number[]): T {
    if (items.length === 0 || items.length !== weights.length) throw new RangeError('weighted: bad input');
    let total = 0;
    for (const w of weights) total += w;
    let r = this.next() * total;
    for (let i = 0; i < items.length; i++) {
      r -= weights[i];
      if (r < 0) return items[i];
    }
    return items[items.length - 1];
  }

  /** In-place Fisher-Yates shuffle; returns the same array. */
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = Math.floor(this.next() * (i + 1));
      const tmp = items[i];
      items[i] = items[j];
      items[j] = tmp;
    }
    return items;
  }
}

/** Precomputed cumulative weights for fast repeated weighted picks (binary search). */
export class WeightedTable<T> {
  private readonly items: T[];
  private readonly cumulative: number[];
  private readonly total: number;

  constructor(entries: readonly (readonly [T, number])[]) {
    if (entries.length === 0) throw new RangeError('WeightedTable needs at least one entry');
    this.items = [];
    this.cumulative = [];
    let sum = 0;
    for (const [item, weight] of entries) {
      if (!(weight >= 0)) throw new RangeError(`negative or NaN weight for ${String(item)}`);
      sum += weight;
      this.items.push(item);
      this.cumulative.push(sum);
    }
    if (sum <= 0) throw new RangeError('WeightedTable needs a positive total weight');
    this.total = sum;
  }

  pick(rng: Random): T {
    const r = rng.next() * this.total;
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.cumulative[mid] > r) hi = mid;
      else lo = mid + 1;
    }
    return this.items[lo];
  }
}

interface SerialBucket {
  count: number;
  offset: number;
  stride: number;
}

/**
 * Unique, random-looking integers in [0, 10^digits) per bucket without remembering the values
 * already handed out: a per-bucket counter goes through an affine map (stride coprime with
 * 10^digits) and a keyed three-round Feistel permutation. Both steps are bijections, so the
 * results are distinct by construction; this is much lighter than a Set for 10^5+ ids.
 */
export class UniqueSerials {
  private readonly size: number;
  private readonly half: number;
  private readonly roundKeys: Int32Array[];
  private readonly buckets = new Map<number, SerialBucket>();

  constructor(
    private readonly rng: Random,
    digits: number,
  ) {
    if (!Number.isInteger(digits) || digits < 2 || digits % 2 !== 0 || digits > 14) {
      throw new RangeError(`UniqueSerials needs an even number of digits (2-14), got ${digits}`);
    }
    let half = 1;
    for (let i = 0; i < digits / 2; i++) half *= 10;
    this.half = half;
    this.size = this.half * this.half;
    this.roundKeys = [0, 1, 2].map(() => {
      const keys = new Int32Array(this.half);
      for (let i = 0; i < keys.length; i++) keys[i] = rng.int(0, this.half - 1);
      return keys;
    });
  }

  next(bucketKey = 0): number {
    let bucket = this.buckets.get(bucketKey);
    if (bucket === undefined) {
      let stride = this.rng.int(1, this.size - 1);
      while (stride % 2 === 0 || stride % 5 === 0) stride++; // coprime with 10^digits
      bucket = { count: 0, offset: this.rng.int(0, this.size - 1), stride };
      this.buckets.set(bucketKey, bucket);
    }
    if (bucket.count >= this.size) throw new RangeError(`bucket ${bucketKey} exhausted`);
    const x = (bucket.offset + ((bucket.count * bucket.stride) % this.size)) % this.size;
    bucket.count++;
    let left = Math.floor(x / this.half);
    let right = x - left * this.half;
    for (const keys of this.roundKeys) {
      const mixed = (left + keys[right]) % this.half;
      left = right;
      right = mixed;
    }
    return left * this.half + right;
  }
}
