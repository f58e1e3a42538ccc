/**
 * Inverse CDFs of every distribution form (shared/model.md section 10).
 */
import { isTruncated, lognormalParameters, pertShape, support, untruncatedSupport, type Distribution } from '../distribution';
import { betaCdf, betaQuantileFunction } from './beta';
import { standardNormalCdf, standardNormalQuantile } from './normal';

/** A quantile function: maps a probability in [0, 1] to a value, non-decreasing in p. */
export type QuantileFunction = (p: number) => number;

/**
 * The inverse CDF of a distribution, with its constants worked out once, for mapping many
 * probabilities (Latin hypercube strata, tornado swings). A truncated distribution (section 10's
 * sanity limits) maps p to the untruncated quantile of p x F(upper): inversion on [F(min), F(upper)].
 * quantileFunction({ dist: 'uniform', min: 1, max: 3 })(0.25) -> 1.5
 * quantileFunction({ dist: 'uniform', min: 0, max: 4, upper: 2 })(0.5) -> 1
 */
export function quantileFunction(d: Distribution): QuantileFunction {
  if (!isTruncated(d)) return untruncatedQuantileFunction(d);
  const upper = d.upper!;
  if (d.dist === 'normal') return truncatedNormalQuantileFunction(d.mean, d.sd, d.min ?? -Infinity, upper);
  const inverse = untruncatedQuantileFunction(d);
  const mass = 1 - upperTailProbability(d, upper);
  if (!(mass > 0)) throw new RangeError(`${d.dist}: truncation at ${upper} leaves no probability`);
  return (p) => Math.min(upper, inverse(p * mass));
}

/**
 * P(X > x) for the distribution without its truncation (a normal's own min and max still
 * apply), computed on the upper tail so that tiny probabilities keep their precision.
 * upperTailProbability({ dist: 'lognormal', low: 26, high: 104 }, 520) -> 2.33e-8 (z = ln 10 / 0.4214 = 5.46)
 */
export function upperTailProbability(d: Distribution, x: number): number {
  const [lowest, highest] = untruncatedSupport(d);
  if (x >= highest) return 0;
  if (x < lowest) return 1;
  switch (d.dist) {
    case 'fixed':
      return 0;
    case 'uniform':
      return (d.max - x) / (d.max - d.min);
    case 'triangular': {
      const { min, mode, max } = d;
      if (x <= mode) return 1 - ((x - min) * (x - min)) / ((max - min) * (mode - min));
      return ((max - x) * (max - x)) / ((max - min) * (max - mode));
    }
    case 'pert': {
      const { alpha, beta } = pertShape(d.min, d.mode, d.max);
      // P(X > x) of Beta(alpha, beta) at t is P(Y < 1 - t) for Y ~ Beta(beta, alpha).
      return betaCdf((d.max - x) / (d.max - d.min), beta, alpha);
    }
    case 'beta':
      return betaCdf(1 - x, d.beta, d.alpha);
    case 'normal': {
      // Upper tails S(z) = Phi(-z) on the standardised scale, within the normal's own [min, max].
      const tail = (at: number): number => standardNormalCdf(-(at - d.mean) / d.sd);
      const low = tail(d.min ?? -Infinity);
      const high = tail(d.max ?? Infinity);
      return (tail(x) - high) / (low - high);
    }
    case 'lognormal': {
      const { mu, sigma } = lognormalParameters(d.low, d.high);
      return standardNormalCdf(-(Math.log(x) - mu) / sigma);
    }
    case 'discrete': {
      const table = discreteTable(d.values, d.weights);
      let below = 0;
      for (let i = 0; i < table.values.length && table.values[i]! <= x; i++) below = table.cumulative[i]!;
      return 1 - below;
    }
  }
}

function untruncatedQuantileFunction(d: Distribution): QuantileFunction {
  switch (d.dist) {
    case 'fixed': {
      const value = d.value;
      return () => value;
    }
    case 'uniform': {
      const { min, max } = d;
      checkOrdered(min, max, 'uniform');
      return (p) => Math.min(max, min + p * (max - min));
    }
    case 'triangular':
      return triangularQuantileFunction(d.min, d.mode, d.max);
    case 'pert': {
      const { min, mode, max } = d;
      checkOrdered(min, max, 'pert');
      if (mode < min || mode > max) throw new RangeError(`pert: mode ${mode} is outside [${min}, ${max}]`);
      if (min === max) return () => min;
      const { alpha, beta } = pertShape(min, mode, max);
      const standard = betaQuantileFunction(alpha, beta);
      return (p) => Math.min(max, min + (max - min) * standard(p));
    }
    case 'beta': {
      const { alpha, beta } = d;
      if (!(alpha > 0 && beta > 0)) throw new RangeError(`beta: alpha and beta must be positive, got ${alpha}, ${beta}`);
      return betaQuantileFunction(alpha, beta);
    }
    case 'normal':
      return truncatedNormalQuantileFunction(d.mean, d.sd, d.min ?? -Infinity, d.max ?? Infinity);
    case 'lognormal': {
      if (!(d.low > 0 && d.high >= d.low)) throw new RangeError(`lognormal: need 0 < low <= high, got ${d.low}, ${d.high}`);
      const { mu, sigma } = lognormalParameters(d.low, d.high);
      return (p) => Math.exp(mu + sigma * standardNormalQuantile(p));
    }
    case 'discrete':
      return discreteQuantileFunction(discreteTable(d.values, d.weights));
  }
}

/**
 * The value below which a fraction p of the distribution lies. p = 0 and p = 1 give the
 * ends of the support (possibly infinite).
 * quantile({ dist: 'normal', mean: 0, sd: 1 }, 0.975) -> 1.959963984540054
 */
export function quantile(d: Distribution, p: number): number {
  if (!(p >= 0 && p <= 1)) throw new RangeError(`quantile: p must be in [0, 1], got ${p}`);
  if (p === 0 || p === 1) return support(d)[p];
  return quantileFunction(d)(p);
}

function checkOrdered(min: number, max: number, name: string): void {
  if (!(min <= max)) throw new RangeError(`${name}: min ${min} is above max ${max}`);
}

/**
 * Triangular inverse CDF in closed form: min + sqrt(p (max - min)(mode - min)) below the
 * mode's probability (mode - min) / (max - min), max - sqrt((1 - p)(max - min)(max - mode)) above.
 * triangularQuantileFunction(0, 1, 2)(0.5) -> 1
 */
export function triangularQuantileFunction(min: number, mode: number, max: number): QuantileFunction {
  checkOrdered(min, max, 'triangular');
  if (mode < min || mode > max) throw new RangeError(`triangular: mode ${mode} is outside [${min}, ${max}]`);
  const range = max - min;
  if (range === 0) return () => min;
  const modeProbability = (mode - min) / range;
  const lowerArea = range * (mode - min);
  const upperArea = range * (max - mode);
  return (p) =>
    p < modeProbability ? Math.min(mode, min + Math.sqrt(p * lowerArea)) : Math.max(mode, max - Math.sqrt((1 - p) * upperArea));
}

/**
 * Inverse CDF of a normal(mean, sd) truncated to [min, max], by inverting the CDF on
 * [Phi(a), Phi(b)] (never clamping). When the interval lies above the mean the problem is
 * mirrored, so both Phi values are small tail probabilities and keep their precision.
 * truncatedNormalQuantileFunction(0, 1, 0, Infinity)(0.5) -> 0.6744897501960817 (the half-normal median)
 */
export function truncatedNormalQuantileFunction(mean: number, sd: number, min: number, max: number): QuantileFunction {
  checkOrdered(min, max, 'normal');
  if (!(sd >= 0)) throw new RangeError(`normal: sd must not be negative, got ${sd}`);
  if (sd === 0 || min === max) {
    const value = Math.min(max, Math.max(min, mean));
    return () => value;
  }
  if (min === -Infinity && max === Infinity) return (p) => mean + sd * standardNormalQuantile(p);
  const a = (min - mean) / sd;
  const b = (max - mean) / sd;
  const mirrored = a > 0;
  // Standardised interval [lower, upper] on the side of the mean where the tail probabilities are small.
  const lower = mirrored ? -b : a;
  const upper = mirrored ? -a : b;
  const cdfLower = standardNormalCdf(lower);
  const mass = standardNormalCdf(upper) - cdfLower;
  const sign = mirrored ? -1 : 1;
  if (!(mass > 0)) {
    // Both ends beyond 38 sd on one side: all the mass sits at the end nearer the mean.
    const value = sign * upper * sd + mean;
    return () => value;
  }
  return (p) => {
    const z = standardNormalQuantile(cdfLower + (mirrored ? 1 - p : p) * mass);
    return Math.min(max, Math.max(min, mean + sign * sd * z));
  };
}

/** A discrete distribution as sorted distinct values and their cumulative probabilities. */
export interface DiscreteTable {
  values: Float64Array;
  /** cumulative[i] = P(X <= values[i]); the last entry is exactly 1. */
  cumulative: Float64Array;
}

/**
 * Sorts values, merges repeats and drops zero weights; weights default to equal.
 * discreteTable([3, 1], [1, 3]) -> values [1, 3], cumulative [0.75, 1]
 */
export function discreteTable(values: readonly number[], weights?: readonly number[]): DiscreteTable {
  if (values.length === 0) throw new RangeError('discrete: needs at least one value');
  if (weights !== undefined && weights.length !== values.length) {
    throw new RangeError(`discrete: ${values.length} values but ${weights.length} weights`);
  }
  const pairs = values.map((value, i) => ({ value, weight: weights === undefined ? 1 : weights[i]! }));
  for (const { weight } of pairs) {
    if (!(weight >= 0 && Number.isFinite(weight))) throw new RangeError(`discrete: weight ${weight} is not a non-negative number`);
  }
  pairs.sort((x, y) => x.value - y.value);
  const merged: { value: number; weight: number }[] = [];
  for (const pair of pairs) {
    if (pair.weight === 0) continue;
    const last = merged[merged.length - 1];
    if (last !== undefined && last.value === pair.value) last.weight += pair.weight;
    else merged.push({ ...pair });
  }
  if (merged.length === 0) throw new RangeError('discrete: the weights are all zero');
  const total = merged.reduce((sum, pair) => sum + pair.weight, 0);
  const table = { values: new Float64Array(merged.length), cumulative: new Float64Array(merged.length) };
  let running = 0;
  merged.forEach((pair, i) => {
    running += pair.weight;
    table.values[i] = pair.value;
    table.cumulative[i] = running / total;
  });
  table.cumulative[merged.length - 1] = 1;
  return table;
}

/**
 * The value at probability p in a discrete table: the first value whose cumulative
 * probability exceeds p (binary search).
 * discreteQuantile(discreteTable([1, 3], [3, 1]), 0.8) -> 3
 */
export function discreteQuantile(table: DiscreteTable, p: number): number {
  const { values, cumulative } = table;
  let low = 0;
  let high = cumulative.length - 1;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (p < cumulative[middle]!) high = middle;
    else low = middle + 1;
  }
  return values[low]!;
}

function discreteQuantileFunction(table: DiscreteTable): QuantileFunction {
  return (p) => discreteQuantile(table, p);
}
