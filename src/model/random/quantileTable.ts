/**
 * A quantile function read off a table, for Latin hypercube columns of a distribution whose
 * quantile is a root-finding (beta, PERT: about 0.7 us a value, most of a large Latin hypercube
 * run's time). The exact quantile is worked out at 4,097 equally spaced probabilities; between
 * them the value is the polynomial of degree 5 through the six nearest (Lagrange), which where the
 * quantile function is smooth is within a few parts in 10^16 of the exact one. Each interval is checked
 * when the table is built: the polynomial at its midpoint (where its error is largest) against
 * the exact quantile there; an interval that misses by more than TABLE_TOLERANCE of the value
 * (near p = 0 or 1, where the quantile function bends fastest, or at a kink) keeps the exact solve,
 * as do the two intervals at each end (the polynomial needs two nodes either side). Where a PERT's
 * values pass through 0, the error there is a few units in the last place of its range rather than
 * a part in 10^13 of the value: the exact quantile, min + range x a beta quantile, is no more
 * precise there.
 */
import type { QuantileFunction } from './quantile';

/** Intervals in the table. */
export const TABLE_INTERVALS = 4096;

/** The largest error allowed at an interval's midpoint, relative to the value there. */
export const TABLE_TOLERANCE = 1e-13;

export class QuantileTable {
  /** nodes[j]: the exact quantile at j / TABLE_INTERVALS. */
  private readonly nodes = new Float64Array(TABLE_INTERVALS + 1);
  /** exact[j]: 1 when interval j (between nodes j and j + 1) keeps the exact solve. */
  private readonly exact = new Uint8Array(TABLE_INTERVALS);
  /** Intervals that keep the exact solve (for the tests). */
  readonly exactIntervals: number;

  constructor(private readonly inverse: QuantileFunction) {
    const n = TABLE_INTERVALS;
    for (let j = 0; j <= n; j++) this.nodes[j] = inverse(j / n);
    let exactIntervals = 0;
    for (let j = 0; j < n; j++) {
      let keepsExact = j < 2 || j > n - 3;
      if (!keepsExact) {
        const truth = inverse((j + 0.5) / n);
        // Not "error > tolerance": a NaN (an infinite node) keeps the exact solve too.
        keepsExact = !(Math.abs(this.interpolate(j, 0.5) - truth) <= TABLE_TOLERANCE * Math.abs(truth));
      }
      this.exact[j] = +keepsExact;
      exactIntervals += +keepsExact;
    }
    this.exactIntervals = exactIntervals;
  }

  /** The quantile at p, from the table where it is trusted, else exactly. */
  at(p: number): number {
    const scaled = p * TABLE_INTERVALS;
    const j = Math.floor(scaled);
    // p = 1 (j = TABLE_INTERVALS) and anything outside [0, 1) fall to the exact solve.
    if (!(j >= 0 && j < TABLE_INTERVALS) || this.exact[j] === 1) return this.inverse(p);
    return this.interpolate(j, scaled - j);
  }

  /**
   * The degree-5 polynomial through nodes j - 2 .. j + 3 at j + t (0 <= t < 1), as node j plus
   * the weighted differences from it (the weights sum to 1), so rounding is relative to the
   * differences, not to the values.
   */
  private interpolate(j: number, t: number): number {
    const x = this.nodes;
    const a = t + 2;
    const b = t + 1;
    const d = t - 1;
    const e = t - 2;
    const f = t - 3;
    const here = x[j]!;
    // Lagrange weights for nodes at offsets -2, -1, 1, 2, 3 (offset 0's is 1 minus their sum).
    const ef = e * f;
    const ab = a * b;
    const cd = t * d;
    return (
      here +
      ((b * cd * ef) / -120) * (x[j - 2]! - here) +
      ((a * cd * ef) / 24) * (x[j - 1]! - here) +
      ((ab * t * ef) / 12) * (x[j + 1]! - here) +
      ((ab * cd * f) / -24) * (x[j + 2]! - here) +
      ((ab * cd * e) / 120) * (x[j + 3]! - here)
    );
  }
}
