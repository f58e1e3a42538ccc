/**
 * The value of information for the extension decision (shared/model.md section 15), from the Monte
 * Carlo draws of each option's region NPV on the common horizon, optionally weighted after an
 * update:
 *
 * - EVPI = E_i[max_k NPV_k(i)] - max_k E_i[NPV_k(i)].
 * - EVPPI of an input x (Strong, Oakley and Brennan 2014, Med Decis Making 34:311): regress each
 *   option's NPV on x, then E_i[max_k g_k(x_i)] - max_k E_i[g_k(x_i)], g_k the fitted values.
 *   The smoother is a weighted least-squares linear spline (piecewise linear, continuous) with
 *   knots at weighted quantiles of x; the number of intervals is round(2 x ESS^(1/5)) between 2
 *   and 24 (the n^(-1/5) rate of a local-linear smoother's optimal bandwidth: 13 intervals at
 *   10,000 draws, 20 at 100,000). Using the fitted values in both terms cancels any drift of
 *   their mean. Bias: noise in the fitted values pushes the estimate up, by roughly
 *   sd(NPV differences | x) x sqrt(intervals / ESS) (so an input unrelated to NPV shows a small
 *   positive value that shrinks with more draws); a conditional mean that bends within one
 *   interval is flattened, which pushes it down (small for the smooth responses of this model).
 *   The result is clamped to [0, EVPI].
 * - Wait one year: take one extension year, observe a year of monitoring counts, then choose among
 *   the options with at least one year. Its value is E_i[max_{k>=1} E[NPV_k | counts_i]] (an
 *   expected value of sample information), with E[NPV_k | counts] estimated by an additive
 *   regression (a linear spline in each count summary plus their pairwise products) on
 *   low-dimensional summaries of the simulated counts; committing now is max_k E_i[NPV_k(i)].
 */
import { binomial, poisson } from './random/sample';
import type { Rng } from './random/rng';
import { effectiveSampleSize, equalWeights, normaliseWeights } from './weighted';

function weightsFor(weights: ArrayLike<number> | null | undefined, count: number): Float64Array {
  if (!weights) return equalWeights(count);
  if (weights.length !== count) throw new RangeError(`information: ${weights.length} weights for ${count} draws`);
  return normaliseWeights(weights);
}

/** (Weighted) mean NPV of every option. */
export function meanByOption(npv: readonly Float64Array[], weights?: ArrayLike<number> | null): number[] {
  const n = npv[0]?.length ?? 0;
  const w = weightsFor(weights, n);
  return npv.map((column) => {
    let mean = 0;
    for (let i = 0; i < n; i++) mean += w[i]! * column[i]!;
    return mean;
  });
}

/** Index of the largest value (the first on ties). bestIndex([1, 3, 3]) -> 1 */
export function bestIndex(values: readonly number[]): number {
  let best = 0;
  for (let k = 1; k < values.length; k++) if (values[k]! > values[best]!) best = k;
  return best;
}

/** E_i[max_k value_k(i)] - max_k E_i[value_k(i)], with value = NPV or fitted values; >= 0 in exact arithmetic. */
function decisionValueGain(values: readonly Float64Array[], w: Float64Array, first = 0): number {
  const n = w.length;
  const chosen = values.slice(first);
  let perfect = 0;
  for (let i = 0; i < n; i++) {
    let max = -Infinity;
    for (const column of chosen) if (column[i]! > max) max = column[i]!;
    perfect += w[i]! * max;
  }
  const means = chosen.map((column) => {
    let mean = 0;
    for (let i = 0; i < n; i++) mean += w[i]! * column[i]!;
    return mean;
  });
  return perfect - Math.max(...means);
}

/**
 * Expected value of perfect information, in pounds: what knowing every uncertain input before
 * deciding would add to the best option's expected NPV. `npv[k][i]` is option k's NPV in draw i.
 * Exactly 0 when one option has the highest NPV in every draw.
 * expectedValueOfPerfectInformation([Float64Array.of(1, 0), Float64Array.of(0, 1)]) -> 0.5
 */
export function expectedValueOfPerfectInformation(npv: readonly Float64Array[], weights?: ArrayLike<number> | null): number {
  if (npv.length === 0) return 0;
  return Math.max(0, decisionValueGain(npv, weightsFor(weights, npv[0]!.length)));
}

/** Intervals of the EVPPI smoother for an effective sample size: round(2 ESS^(1/5)) in [2, 24]. intervalsFor(10000) -> 13 */
export function intervalsFor(effectiveSize: number): number {
  return Math.min(24, Math.max(2, Math.round(2 * Math.pow(Math.max(1, effectiveSize), 0.2))));
}

/**
 * Knots of a linear spline in x: distinct weighted quantiles (inverse CDF, so each knot is a draw
 * with positive weight) at 0, 1/intervals, ..., 1.
 */
export function splineKnots(x: ArrayLike<number>, w: ArrayLike<number>, intervals: number): Float64Array {
  const order: number[] = [];
  for (let i = 0; i < x.length; i++) if (w[i]! > 0) order.push(i);
  if (order.length === 0) throw new RangeError('splineKnots: no draw has positive weight');
  order.sort((a, b) => x[a]! - x[b]!);
  let total = 0;
  for (const i of order) total += w[i]!;
  const knots: number[] = [x[order[0]!]!];
  let cumulative = 0;
  let j = 0;
  for (let q = 1; q <= intervals; q++) {
    const target = (q / intervals) * total * (1 - 1e-12);
    while (j < order.length - 1 && cumulative + w[order[j]!]! < target) cumulative += w[order[j++]!]!;
    const knot = q === intervals ? x[order[order.length - 1]!]! : x[order[j]!]!;
    if (knot > knots[knots.length - 1]!) knots.push(knot);
  }
  return Float64Array.from(knots);
}

/**
 * A linear least-squares design with a few non-zero entries per row: row i's entries are
 * columns index[i * perRow + e] (or -1 for none) with values value[i * perRow + e].
 */
interface SparseDesign {
  rows: number;
  columns: number;
  perRow: number;
  index: Int32Array;
  value: Float64Array;
}

/** Fills row entries [offset, offset + 2) with x's linear-spline (hat) basis; column `base + j` for knot j, j < skip dropped. */
function hatBasisInto(design: SparseDesign, x: ArrayLike<number>, knots: Float64Array, offset: number, base: number, skip: number): void {
  const last = knots.length - 1;
  for (let i = 0; i < design.rows; i++) {
    const v = x[i]!;
    let j: number;
    let t: number;
    if (last === 0 || v <= knots[0]!) {
      j = 0;
      t = 0;
    } else if (v >= knots[last]!) {
      j = last - 1;
      t = 1;
    } else {
      let lo = 0;
      let hi = last - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >>> 1;
        if (knots[mid]! <= v) lo = mid;
        else hi = mid - 1;
      }
      j = lo;
      t = (v - knots[j]!) / (knots[j + 1]! - knots[j]!);
    }
    const at = i * design.perRow + offset;
    design.index[at] = j < skip ? -1 : base + j - skip;
    design.value[at] = 1 - t;
    design.index[at + 1] = last === 0 || j + 1 < skip ? -1 : base + j + 1 - skip;
    design.value[at + 1] = last === 0 ? 0 : t;
  }
}

/** Solves (A + ridge) c = b for a symmetric positive semi-definite A (dense, row-major) by Cholesky. */
function solveSymmetric(matrix: Float64Array, size: number, rhs: Float64Array[]): Float64Array[] {
  let maxDiagonal = 0;
  for (let j = 0; j < size; j++) maxDiagonal = Math.max(maxDiagonal, matrix[j * size + j]!);
  for (let ridge = 1e-12 * maxDiagonal || 1e-300; ; ridge *= 1000) {
    const l = new Float64Array(size * size);
    let ok = true;
    for (let j = 0; j < size && ok; j++) {
      let diagonal = matrix[j * size + j]! + ridge;
      for (let m = 0; m < j; m++) diagonal -= l[j * size + m]! ** 2;
      if (!(diagonal > 0)) {
        ok = false;
        break;
      }
      const root = Math.sqrt(diagonal);
      l[j * size + j] = root;
      for (let r = j + 1; r < size; r++) {
        let s = matrix[r * size + j]!;
        for (let m = 0; m < j; m++) s -= l[r * size + m]! * l[j * size + m]!;
        l[r * size + j] = s / root;
      }
    }
    if (!ok) continue;
    return rhs.map((b) => {
      const y = new Float64Array(size);
      for (let r = 0; r < size; r++) {
        let s = b[r]!;
        for (let m = 0; m < r; m++) s -= l[r * size + m]! * y[m]!;
        y[r] = s / l[r * size + r]!;
      }
      const c = new Float64Array(size);
      for (let r = size - 1; r >= 0; r--) {
        let s = y[r]!;
        for (let m = r + 1; m < size; m++) s -= l[m * size + r]! * c[m]!;
        c[r] = s / l[r * size + r]!;
      }
      return c;
    });
  }
}

/** Weighted least-squares fitted values of each response on the design. */
function fitDesign(design: SparseDesign, responses: readonly Float64Array[], w: Float64Array): Float64Array[] {
  const { rows, columns, perRow, index, value } = design;
  const normal = new Float64Array(columns * columns);
  const rhs = responses.map(() => new Float64Array(columns));
  for (let i = 0; i < rows; i++) {
    const wi = w[i]!;
    if (wi === 0) continue;
    const at = i * perRow;
    for (let a = 0; a < perRow; a++) {
      const ca = index[at + a]!;
      if (ca < 0) continue;
      const va = wi * value[at + a]!;
      for (let b = 0; b < perRow; b++) {
        const cb = index[at + b]!;
        if (cb >= 0) normal[ca * columns + cb] = normal[ca * columns + cb]! + va * value[at + b]!;
      }
      for (let r = 0; r < responses.length; r++) rhs[r]![ca] = rhs[r]![ca]! + va * responses[r]![i]!;
    }
  }
  const coefficients = solveSymmetric(normal, columns, rhs);
  return coefficients.map((c) => {
    const fitted = new Float64Array(rows);
    for (let i = 0; i < rows; i++) {
      let s = 0;
      for (let e = 0; e < perRow; e++) {
        const col = index[i * perRow + e]!;
        if (col >= 0) s += c[col]! * value[i * perRow + e]!;
      }
      fitted[i] = s;
    }
    return fitted;
  });
}

/**
 * Fitted values of a weighted linear-spline regression of each response on x (see the header):
 * E[response | x] at each draw. With one distinct x, the weighted mean.
 */
export function linearSplineFit(
  x: ArrayLike<number>,
  responses: readonly Float64Array[],
  weights?: ArrayLike<number> | null,
  intervals?: number,
): Float64Array[] {
  const n = x.length;
  const w = weightsFor(weights, n);
  const knots = splineKnots(x, w, intervals ?? intervalsFor(effectiveSampleSize(w)));
  const design: SparseDesign = { rows: n, columns: knots.length, perRow: 2, index: new Int32Array(2 * n), value: new Float64Array(2 * n) };
  hatBasisInto(design, x, knots, 0, 0, 0);
  return fitDesign(design, responses, w);
}

/**
 * Additive regression on several summaries: a linear spline in each (sharing one intercept) plus
 * the pairwise products of the standardised summaries, by weighted least squares.
 */
export function additiveFit(
  summaries: readonly ArrayLike<number>[],
  responses: readonly Float64Array[],
  weights?: ArrayLike<number> | null,
  intervals?: number,
): Float64Array[] {
  const n = responses[0]?.length ?? summaries[0]?.length ?? 0;
  const w = weightsFor(weights, n);
  const count = summaries.length;
  const pairs = (count * (count - 1)) / 2;
  const perRow = 2 * count + pairs;
  const design: SparseDesign = {
    rows: n,
    columns: 0,
    perRow,
    index: new Int32Array(perRow * n).fill(-1),
    value: new Float64Array(perRow * n),
  };
  const perSummary = intervals ?? Math.min(12, Math.max(2, Math.round(Math.pow(Math.max(1, effectiveSampleSize(w)), 0.2))));
  let base = 0;
  summaries.forEach((s, j) => {
    const knots = splineKnots(s, w, perSummary);
    const skip = j === 0 ? 0 : 1; // one intercept: drop each later spline's first hat
    hatBasisInto(design, s, knots, 2 * j, base, skip);
    base += knots.length - skip;
  });
  const standardised = summaries.map((s) => {
    let mean = 0;
    for (let i = 0; i < n; i++) mean += w[i]! * s[i]!;
    let variance = 0;
    for (let i = 0; i < n; i++) variance += w[i]! * (s[i]! - mean) ** 2;
    const sd = Math.sqrt(variance);
    return Float64Array.from({ length: n }, (_, i) => (sd > 0 ? (s[i]! - mean) / sd : 0));
  });
  let entry = 2 * count;
  for (let a = 0; a < count; a++) {
    for (let b = a + 1; b < count; b++) {
      for (let i = 0; i < n; i++) {
        design.index[i * perRow + entry] = base;
        design.value[i * perRow + entry] = standardised[a]![i]! * standardised[b]![i]!;
      }
      base++;
      entry++;
    }
  }
  design.columns = base;
  return fitDesign(design, responses, w);
}

/**
 * Expected value of partial perfect information of input x, in pounds: what knowing x alone before
 * deciding would be worth (Strong, Oakley and Brennan 2014; smoother and bias in the header).
 * `x[i]` is the input's value in draw i, `npv[k][i]` option k's NPV. Never below 0 or above EVPI.
 */
export function expectedValueOfPartialPerfectInformation(
  x: ArrayLike<number>,
  npv: readonly Float64Array[],
  weights?: ArrayLike<number> | null,
  intervals?: number,
): number {
  if (npv.length === 0) return 0;
  const w = weightsFor(weights, x.length);
  const fitted = linearSplineFit(x, npv, w, intervals);
  const evpi = Math.max(0, decisionValueGain(npv, w));
  return Math.min(evpi, Math.max(0, decisionValueGain(fitted, w)));
}

/** Per draw, what a year of monitoring counts would be expected to show. */
export interface YearOfCountsRates {
  /** Modelled referrals in the year. */
  referralMean: Float64Array;
  /** Expected children followed up in the year (those who started 12 months earlier). */
  followedUpMean: Float64Array;
  /** breakdown_risk x (1 - effectiveness x attribution). */
  breakdownProbability: Float64Array;
  residentialEscalation: Float64Array;
}

/** One simulated year of monitoring counts per draw. */
export interface YearOfCounts {
  referrals: Float64Array;
  followedUp: Float64Array;
  breakdowns: Float64Array;
  residentialEntries: Float64Array;
}

/**
 * Simulates a year of counts for each draw: referrals ~ Poisson(referral mean), followed-up
 * children ~ Poisson(expected followed up) (whole children from the fractional model), breakdowns
 * ~ Binomial(followed up, p), residential entries ~ Binomial(breakdowns, escalation).
 */
export function simulateYearOfCounts(rng: Rng, rates: YearOfCountsRates): YearOfCounts {
  const n = rates.referralMean.length;
  const counts: YearOfCounts = {
    referrals: new Float64Array(n),
    followedUp: new Float64Array(n),
    breakdowns: new Float64Array(n),
    residentialEntries: new Float64Array(n),
  };
  for (let i = 0; i < n; i++) {
    counts.referrals[i] = poisson(rng, rates.referralMean[i]!);
    const followed = poisson(rng, rates.followedUpMean[i]!);
    counts.followedUp[i] = followed;
    const breakdowns = binomial(rng, followed, rates.breakdownProbability[i]!);
    counts.breakdowns[i] = breakdowns;
    counts.residentialEntries[i] = binomial(rng, breakdowns, rates.residentialEscalation[i]!);
  }
  return counts;
}

/**
 * The low-dimensional summaries the value of waiting regresses on: referrals, the breakdown rate
 * among the followed up (B + 0.5) / (F + 1) and the residential share of breakdowns
 * (E + 0.5) / (B + 1) (the +0.5 / +1 keep them defined, and informative, when a count is 0).
 */
export function countSummaries(counts: YearOfCounts): Float64Array[] {
  const n = counts.referrals.length;
  const breakdownRate = new Float64Array(n);
  const residentialShare = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    breakdownRate[i] = (counts.breakdowns[i]! + 0.5) / (counts.followedUp[i]! + 1);
    residentialShare[i] = (counts.residentialEntries[i]! + 0.5) / (counts.breakdowns[i]! + 1);
  }
  return [counts.referrals, breakdownRate, residentialShare];
}

/** Decide now or wait a year, in pounds of expected region NPV. */
export interface WaitOneYear {
  /** E[max_{k>=1} E[NPV_k | a year's counts]]: take one year, learn, then choose k >= 1. */
  valueOfWaiting: number;
  /** max_k E[NPV_k]: choose now among every option, 0 included. */
  valueOfCommittingNow: number;
  /** The option (extension years) with the highest expected NPV now. */
  bestOptionNow: number;
  /** What the year's counts add to the best option with at least one year (an EVSI, >= 0). */
  sampleInformation: number;
}

/**
 * The value of waiting a year against committing now (see the header). `summaries` are the
 * simulated counts' summaries per draw (countSummaries), `npv[k][i]` option k's NPV.
 * Null when there is no extension year to take.
 */
export function waitOneYear(
  summaries: readonly ArrayLike<number>[],
  npv: readonly Float64Array[],
  weights?: ArrayLike<number> | null,
  intervals?: number,
): WaitOneYear | null {
  if (npv.length < 2) return null;
  const n = npv[0]!.length;
  const w = weightsFor(weights, n);
  const means = meanByOption(npv, w);
  const bestOptionNow = bestIndex(means);
  const later = npv.slice(1);
  const fitted = additiveFit(summaries, later, w, intervals);
  const evpiLater = Math.max(0, decisionValueGain(later, w));
  const sampleInformation = Math.min(evpiLater, Math.max(0, decisionValueGain(fitted, w)));
  return {
    valueOfWaiting: Math.max(...means.slice(1)) + sampleInformation,
    valueOfCommittingNow: means[bestOptionNow]!,
    bestOptionNow,
    sampleInformation,
  };
}
