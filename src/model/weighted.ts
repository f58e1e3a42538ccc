/**
 * Weighted summaries of Monte Carlo draws (shared/model.md section 15): after a likelihood-weighted
 * update each draw i carries a weight w_i >= 0, and every summary is a weighted one. With equal
 * weights each function here gives what its unweighted counterpart in summarise.ts gives.
 * Weights need not sum to 1; they are normalised inside.
 */

/** The weights scaled to sum to 1. normaliseWeights([1, 3]) -> [0.25, 0.75] */
export function normaliseWeights(weights: ArrayLike<number>): Float64Array {
  let total = 0;
  for (let i = 0; i < weights.length; i++) {
    const w = weights[i]!;
    if (!(w >= 0 && Number.isFinite(w))) throw new RangeError(`normaliseWeights: weight ${i} must be a finite number >= 0, got ${w}`);
    total += w;
  }
  if (!(total > 0)) throw new RangeError('normaliseWeights: the weights sum to 0');
  const normalised = new Float64Array(weights.length);
  for (let i = 0; i < weights.length; i++) normalised[i] = weights[i]! / total;
  return normalised;
}

/** Equal weights 1/n. */
export function equalWeights(count: number): Float64Array {
  return new Float64Array(count).fill(1 / count);
}

/**
 * Kish's effective sample size (sum w)^2 / sum w^2: n for equal weights, 1 when one draw holds
 * all the weight. effectiveSampleSize([1, 1, 1, 1]) -> 4; effectiveSampleSize([1, 0, 0, 0]) -> 1
 */
export function effectiveSampleSize(weights: ArrayLike<number>): number {
  let sum = 0;
  let squares = 0;
  for (let i = 0; i < weights.length; i++) {
    const w = weights[i]!;
    sum += w;
    squares += w * w;
  }
  return squares > 0 ? (sum * sum) / squares : 0;
}

/**
 * Weighted mean and its standard error. The variance uses reliability weights,
 * sum w (x - mean)^2 / (1 - sum w^2) with normalised w, so equal weights give the sample variance
 * (n - 1 denominator); the standard error is sqrt(variance / ESS), as meanAndSem for equal weights.
 * weightedMeanAndSem([1, 2, 3], [1, 1, 1]) -> { mean: 2, sem: 0.5774 }
 */
export function weightedMeanAndSem(values: ArrayLike<number>, weights: ArrayLike<number>): { mean: number; sem: number } {
  if (values.length !== weights.length) throw new RangeError('weightedMeanAndSem: values and weights differ in length');
  const w = normaliseWeights(weights);
  let mean = 0;
  for (let i = 0; i < values.length; i++) mean += w[i]! * values[i]!;
  let squares = 0;
  let weightSquares = 0;
  for (let i = 0; i < values.length; i++) {
    const d = values[i]! - mean;
    squares += w[i]! * d * d;
    weightSquares += w[i]! * w[i]!;
  }
  const variance = weightSquares < 1 ? squares / (1 - weightSquares) : 0;
  const ess = 1 / weightSquares;
  return { mean, sem: Math.sqrt(variance / ess) };
}

/** Weighted share of draws above `threshold`. weightedShareAbove([-1, 1, 2], [2, 1, 1], 0) -> 0.5 */
export function weightedShareAbove(values: ArrayLike<number>, weights: ArrayLike<number>, threshold: number): number {
  const w = normaliseWeights(weights);
  let share = 0;
  for (let i = 0; i < values.length; i++) if (values[i]! > threshold) share += w[i]!;
  return Math.min(1, share);
}

/**
 * Weighted percentiles: the weighted Hyndman-Fan type 7 estimator of Akinshin (2023, "Weighted
 * quantile estimators", arXiv:2304.07265). Sorted values x_(j) own the intervals
 * [t_(j-1), t_j] of cumulative normalised weight; with n* = Kish's effective sample size and
 * h = (n* - 1) p + 1, the estimate is sum_j x_(j) x (F(t_j) - F(t_(j-1))), F the CDF of the
 * uniform distribution on [(h - 1) / n*, h / n*]. Equal weights give type 7 exactly (NumPy's
 * default, as quantiles() in summarise.ts); a draw holding nearly all the weight gives nearly its
 * own value, where interpolating between neighbours would not.
 * weightedQuantiles([1, 2, 3, 4, 5], [1, 1, 1, 1, 1], [0.5, 0.25]) -> [3, 2]
 */
export function weightedQuantiles(values: ArrayLike<number>, weights: ArrayLike<number>, probabilities: readonly number[]): number[] {
  if (values.length !== weights.length) throw new RangeError('weightedQuantiles: values and weights differ in length');
  // Sorted with the native numeric sort; each distinct value's weight is summed in a map and
  // shared equally by its copies (equal values, so the estimate is the same as any split).
  let total = 0;
  let squares = 0;
  let m = 0;
  const weightOfValue = new Map<number, number>();
  for (let i = 0; i < values.length; i++) {
    const w = weights[i]!;
    if (!(w > 0)) continue;
    m++;
    total += w;
    squares += w * w;
    weightOfValue.set(values[i]!, (weightOfValue.get(values[i]!) ?? 0) + w);
  }
  if (m === 0) return probabilities.map(() => NaN);
  const sorted = new Float64Array(m);
  for (let i = 0, j = 0; i < values.length; i++) if (weights[i]! > 0) sorted[j++] = values[i]!;
  sorted.sort();
  const cumulative = new Float64Array(m + 1);
  for (let j = 0; j < m;) {
    let end = j + 1;
    while (end < m && sorted[end] === sorted[j]) end++;
    const share = weightOfValue.get(sorted[j]!)! / total / (end - j);
    for (; j < end; j++) cumulative[j + 1] = cumulative[j]! + share;
  }
  cumulative[m] = 1;
  const ess = (total * total) / squares;
  return probabilities.map((p) => {
    if (m === 1) return sorted[0]!;
    const h = (ess - 1) * p + 1;
    const low = (h - 1) / ess;
    const high = h / ess;
    const width = high - low;
    const cdf = (t: number): number => (t <= low ? 0 : t >= high ? 1 : (t - low) / width);
    // First interval that can overlap [low, high]: the last j with cumulative[j] <= low.
    let lo = 0;
    let hi = m - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (cumulative[mid]! <= low) lo = mid;
      else hi = mid - 1;
    }
    let estimate = 0;
    for (let j = lo; j < m && cumulative[j]! < high; j++) {
      const share = cdf(cumulative[j + 1]!) - cdf(cumulative[j]!);
      if (share > 0) estimate += share * sorted[j]!;
    }
    return estimate;
  });
}

/**
 * Equal-width histogram of `values` in `bins` bins from min to max (draws with weight > 0), each
 * bin holding its share of the weight x the number of draws, so the counts add up to the draws as
 * in the unweighted histogram.
 */
export function weightedHistogram(
  values: ArrayLike<number>,
  weights: ArrayLike<number>,
  bins: number,
): { edges: number[]; counts: number[] } {
  const w = normaliseWeights(weights);
  const n = values.length;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < n; i++) {
    if (w[i] === 0) continue;
    const v = values[i]!;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (!(max > min)) return { edges: [min, max], counts: [n] };
  const width = (max - min) / bins;
  const counts = new Array<number>(bins).fill(0);
  for (let i = 0; i < n; i++) {
    if (w[i] === 0) continue;
    const b = Math.min(bins - 1, Math.floor((values[i]! - min) / width));
    counts[b]! += w[i]! * n;
  }
  return { edges: Array.from({ length: bins + 1 }, (_, b) => min + b * width), counts };
}
