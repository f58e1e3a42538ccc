/**
 * What an uncertain input may be (shared/model.md section 10): a plain number or one of the
 * distribution forms, with its central value (used by the deterministic run) and support.
 */
export type Distribution = DistributionForm & Truncation;

/**
 * A truncation at a key's sanity limit (section 10, e.g. 520 weeks): draws and quantiles are
 * conditional on being at or below `upper` (inverse CDF on [F(min), F(upper)], never clamped).
 * Set by the scenario layer, never written in a file. The central value ignores it.
 */
export interface Truncation {
  upper?: number;
}

type DistributionForm =
  | { dist: 'fixed'; value: number }
  | { dist: 'uniform'; min: number; max: number }
  | { dist: 'triangular'; min: number; mode: number; max: number }
  | { dist: 'pert'; min: number; mode: number; max: number }
  | { dist: 'normal'; mean: number; sd: number; min?: number; max?: number }
  | { dist: 'lognormal'; low: number; high: number }
  | { dist: 'beta'; alpha: number; beta: number }
  | { dist: 'discrete'; values: number[]; weights?: number[] };

export type DistributionName = Distribution['dist'];

export const DISTRIBUTION_NAMES: readonly DistributionName[] = [
  'fixed',
  'uniform',
  'triangular',
  'pert',
  'normal',
  'lognormal',
  'beta',
  'discrete',
];

/** z such that P(Z <= z) = 0.95 for a standard normal; the spec's 1.6448536. */
export const Z_95 = 1.6448536;

/** Parameters mu and sigma of a lognormal given its 5th and 95th percentiles. lognormalParameters(1, 100) -> mu 2.3026, sigma 1.4000 */
export function lognormalParameters(low: number, high: number): { mu: number; sigma: number } {
  return { mu: (Math.log(low) + Math.log(high)) / 2, sigma: (Math.log(high) - Math.log(low)) / (2 * Z_95) };
}

/** Beta-PERT shape parameters (shape 4). pertShape(0, 0.25, 1) -> alpha 2, beta 4 */
export function pertShape(min: number, mode: number, max: number): { alpha: number; beta: number } {
  const range = max - min;
  return { alpha: 1 + (4 * (mode - min)) / range, beta: 1 + (4 * (max - mode)) / range };
}

/** The value the deterministic run uses (section 10's table). centralValue({dist:'uniform',min:1,max:3}) -> 2 */
export function centralValue(d: Distribution): number {
  switch (d.dist) {
    case 'fixed':
      return d.value;
    case 'uniform':
      return (d.min + d.max) / 2;
    case 'triangular':
    case 'pert':
      return d.mode;
    case 'normal':
      return d.mean;
    case 'lognormal':
      return Math.exp(lognormalParameters(d.low, d.high).mu);
    case 'beta':
      return d.alpha / (d.alpha + d.beta);
    case 'discrete': {
      const weights = d.weights ?? d.values.map(() => 1);
      const total = weights.reduce((a, b) => a + b, 0);
      return d.values.reduce((sum, v, i) => sum + v * weights[i]!, 0) / total;
    }
  }
}

/**
 * Smallest and largest values a draw can take (may be infinite), truncation included.
 * support({dist:'beta',alpha:2,beta:3}) -> [0, 1]; support({dist:'lognormal',low:26,high:104,upper:520}) -> [0, 520]
 */
export function support(d: Distribution): [number, number] {
  const [lowest, highest] = untruncatedSupport(d);
  return d.upper === undefined || d.upper >= highest ? [lowest, highest] : [lowest, d.upper];
}

/** True when the truncation cuts off part of the distribution's own support. */
export function isTruncated(d: Distribution): boolean {
  return d.upper !== undefined && d.upper < untruncatedSupport(d)[1];
}

/** The support without any truncation at a sanity limit. untruncatedSupport({dist:'lognormal',low:1,high:2,upper:9}) -> [0, Infinity] */
export function untruncatedSupport(d: Distribution): [number, number] {
  switch (d.dist) {
    case 'fixed':
      return [d.value, d.value];
    case 'uniform':
    case 'triangular':
    case 'pert':
      return [d.min, d.max];
    case 'normal':
      return [d.min ?? -Infinity, d.max ?? Infinity];
    case 'lognormal':
      return [0, Infinity];
    case 'beta':
      return [0, 1];
    case 'discrete':
      return [Math.min(...d.values), Math.max(...d.values)];
  }
}

/** True when the distribution can produce more than one value. */
export function isUncertain(d: Distribution): boolean {
  const [lo, hi] = support(d);
  return lo !== hi;
}
