/**
 * An option's Monte Carlo summaries with each draw weighted (after the update of shared/model.md
 * section 15): the same shape and the same figures as summariseOption in summarise.ts, which it
 * reproduces for equal weights. Standard errors use the effective sample size.
 */
import type { MonteCarloPerspective, QuantileSummary } from './results';
import { costOf, type SimulationLayout, type SimulationOutput } from './simulate';
import { cumulativeNetByYear, SUMMARY_PROBABILITIES, scaleSummary } from './summarise';
import type { Inputs } from './types';
import {
  effectiveSampleSize,
  normaliseWeights,
  weightedHistogram,
  weightedMeanAndSem,
  weightedQuantiles,
  weightedShareAbove,
} from './weighted';

/** Weighted mean, standard error and P5..P95 of `values`. */
export function weightedSummary(values: ArrayLike<number>, weights: ArrayLike<number>): QuantileSummary {
  const { mean, sem } = weightedMeanAndSem(values, weights);
  const [p5, p10, p25, p50, p75, p90, p95] = weightedQuantiles(values, weights, SUMMARY_PROBABILITIES);
  return { mean, sem, p5: p5!, p10: p10!, p25: p25!, p50: p50!, p75: p75!, p90: p90!, p95: p95! };
}

/**
 * Region NPV of every option per draw: avoided cost PV - contract cost PV, on the common horizon.
 * regionNpvColumns(out, layout)[k][i] is option k's NPV in draw i.
 */
export function regionNpvColumns(out: SimulationOutput, layout: SimulationLayout): Float64Array[] {
  return Array.from({ length: layout.options }, (_, k) => {
    const column = new Float64Array(out.iterations);
    const avoided = out.avoidedCostPV[k]!;
    for (let i = 0; i < out.iterations; i++) column[i] = avoided[i]! - costOf(out, k, i, 1);
    return column;
  });
}

/** Summaries of option k for each perspective (region, then each council), each draw weighted. */
export function summariseOptionWeighted(
  out: SimulationOutput,
  layout: SimulationLayout,
  base: Inputs,
  option: number,
  weights: ArrayLike<number>,
): Record<string, MonteCarloPerspective> {
  const n = out.iterations;
  if (weights.length !== n) throw new RangeError(`summariseOptionWeighted: ${weights.length} weights for ${n} draws`);
  const w = normaliseWeights(weights);
  const ess = effectiveSampleSize(w);
  const scratch = new Float64Array(n);
  const result: Record<string, MonteCarloPerspective> = {};
  const avoidedPV = out.avoidedCostPV[option]!;
  const avoided = out.avoidedCost[option]!;
  const regionPlacements = weightedSummary(out.placementsAvoided[option]!, w);
  const lastTermMonth = layout.terms[option]! - 1;
  const years = layout.timeline.yearLabels;

  layout.perspectives.forEach((name, p) => {
    const council = p === 0 ? null : base.councils[p - 1]!;
    const children = council ? council.childrenShare : 1;
    const match = council ? council.matchShare : 1;
    for (let i = 0; i < n; i++) {
      scratch[i] = council ? children * avoidedPV[i]! - match * costOf(out, option, i, 3) : avoidedPV[i]! - costOf(out, option, i, 1);
    }
    const probabilityNpvPositive = weightedShareAbove(scratch, w, 0);
    const npvHistogram = weightedHistogram(scratch, w, 30);
    const npv = weightedSummary(scratch, w);
    for (let i = 0; i < n; i++)
      scratch[i] = council ? children * avoided[i]! - match * costOf(out, option, i, 2) : avoided[i]! - costOf(out, option, i, 0);
    const netSaving = weightedSummary(scratch, w);
    let paidBack = 0;
    const payback = out.paybackMonth[p]!;
    // Paid back by the end of the option's term, or of the contract when it ended with its grant.
    const endMonth = out.endMonth;
    for (let i = 0; i < n; i++) if (payback[i]! >= 0 && payback[i]! <= Math.min(lastTermMonth, endMonth[i]! - 1)) paidBack += w[i]!;
    result[name] = {
      npv,
      netSaving,
      residentialPlacementsAvoided: scaleSummary(regionPlacements, children),
      probabilityNpvPositive,
      probabilityNpvPositiveSem: Math.sqrt((probabilityNpvPositive * (1 - probabilityNpvPositive)) / ess),
      probabilityPaidBack: Math.min(1, paidBack),
      npvHistogram,
      fan: weightedFan(out, option, years, children, match, council !== null, w),
    };
  });
  return result;
}

/** Weighted P5..P95 of cumulative net cash by financial year over the fan draws (the first ones). */
function weightedFan(
  out: SimulationOutput,
  option: number,
  years: string[],
  children: number,
  match: number,
  isCouncil: boolean,
  weights: Float64Array,
): MonteCarloPerspective['fan'] {
  const f = out.fanIterations;
  const count = years.length;
  const fanWeights = weights.subarray(0, f);
  let total = 0;
  for (let i = 0; i < f; i++) total += fanWeights[i]!;
  const cumulative = cumulativeNetByYear(out, option, count, children, match, isCouncil);
  return years.map((year, y) => {
    const column = cumulative.subarray(y * f, (y + 1) * f);
    const [p5, p25, p50, p75, p95] =
      total > 0 ? weightedQuantiles(column, fanWeights, [0.05, 0.25, 0.5, 0.75, 0.95]) : [NaN, NaN, NaN, NaN, NaN];
    return { year, p5: p5!, p25: p25!, p50: p50!, p75: p75!, p95: p95! };
  });
}
