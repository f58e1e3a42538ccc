/**
 * The decision cabinet takes (shared/model.md section 18; docs/model.md "The decision"): what each
 * extension option adds to stopping at the end of the fixed term, the value of each extra year,
 * which option is best and how likely, the expected loss of each choice, and the annual price at
 * which the extension years break even. From per-draw NPVs of every option on the same draws, or
 * from the central values alone.
 */
import type { DecisionFigure, DecisionOption, PerspectiveDecision } from './results';
import { costOf, type SimulationLayout, type SimulationOutput } from './simulate';
import { meanAndSem, quantiles } from './summarise';
import type { Inputs } from './types';
import { normaliseWeights, weightedMeanAndSem, weightedQuantiles, weightedShareAbove } from './weighted';

/** Options whose NPVs are within this many pounds of the highest tie; the fewest extension years wins. */
export const TIE_POUNDS = 0.01;

/**
 * The best of some options' NPVs: the fewest extension years among those within GBP 0.01 of the
 * highest. bestOf([100, 150, 149.995]) -> 1
 */
export function bestOf(npvs: ArrayLike<number>): number {
  let highest = -Infinity;
  for (let k = 0; k < npvs.length; k++) if (npvs[k]! > highest) highest = npvs[k]!;
  for (let k = 0; k < npvs.length; k++) if (npvs[k]! >= highest - TIE_POUNDS) return k;
  return 0;
}

/** Per-draw figures of one perspective, one column per option. */
export interface PerspectiveDraws {
  /** NPV of option k in draw i: npv[k][i]. */
  npv: Float64Array[];
  /** Net cash saving (undiscounted) of option k in draw i. */
  netCash: Float64Array[];
  /** Net cash budget effect of option k in draw i: cashable saving - what the councils pay (section 18). */
  netBudget: Float64Array[];
  /** Mean over draws of the present value of option k's contract cost to this perspective. */
  meanCostPV: number[];
}

/**
 * Per-draw NPV and net cash of every option for perspective p (0 = region, then each council): a
 * council's benefit is children_share x the region's, its cost match_share x the part the grant does
 * not pay. Weighted means of the cost when weights are given.
 */
export function perspectiveDraws(
  out: SimulationOutput,
  layout: SimulationLayout,
  base: Pick<Inputs, 'councils'>,
  p: number,
  weights: Float64Array | null = null,
): PerspectiveDraws {
  const council = p === 0 ? null : base.councils[p - 1]!;
  const children = council ? council.childrenShare : 1;
  const match = council ? council.matchShare : 1;
  const n = out.iterations;
  const w = weights ? normaliseWeights(weights) : null;
  const npv: Float64Array[] = [];
  const netCash: Float64Array[] = [];
  const netBudget: Float64Array[] = [];
  const meanCostPV: number[] = [];
  for (let k = 0; k < layout.options; k++) {
    const npvColumn = new Float64Array(n);
    const cashColumn = new Float64Array(n);
    const budgetColumn = new Float64Array(n);
    const avoidedPV = out.avoidedCostPV[k]!;
    const avoided = out.avoidedCost[k]!;
    const cashable = out.avoidedCostCashable[k]!;
    let costSum = 0;
    for (let i = 0; i < n; i++) {
      const costPV = council ? match * costOf(out, k, i, 3) : costOf(out, k, i, 1);
      const costCash = council ? match * costOf(out, k, i, 2) : costOf(out, k, i, 0);
      npvColumn[i] = children * avoidedPV[i]! - costPV;
      cashColumn[i] = children * avoided[i]! - costCash;
      budgetColumn[i] = children * cashable[i]! - match * costOf(out, k, i, 2);
      costSum += w ? w[i]! * costPV : costPV;
    }
    npv.push(npvColumn);
    netCash.push(cashColumn);
    netBudget.push(budgetColumn);
    meanCostPV.push(w ? costSum : costSum / n);
  }
  return { npv, netCash, netBudget, meanCostPV };
}

/** Mean, standard error, P10/P50/P90 and chance above 0 of a column, weighted when weights are given. */
export function figureOf(central: number, values: Float64Array, weights: Float64Array | null): DecisionFigure {
  if (values.length === 0) return centralFigure(central);
  if (weights) {
    const { mean, sem } = weightedMeanAndSem(values, weights);
    const [p10, p50, p90] = weightedQuantiles(values, weights, [0.1, 0.5, 0.9]);
    return { central, mean, sem, p10: p10!, p50: p50!, p90: p90!, probabilityPositive: weightedShareAbove(values, weights, 0) };
  }
  const { mean, sem } = meanAndSem(values);
  const [p10, p50, p90] = quantiles(values, [0.1, 0.5, 0.9]);
  let positive = 0;
  for (let i = 0; i < values.length; i++) if (values[i]! > 0) positive++;
  return { central, mean, sem, p10: p10!, p50: p50!, p90: p90!, probabilityPositive: positive / values.length };
}

/** A figure at central values only (no Monte Carlo). */
export function centralFigure(central: number): DecisionFigure {
  return { central, mean: null, sem: null, p10: null, p50: null, p90: null, probabilityPositive: null };
}

/** Differences a[i] - b[i]. */
function difference(a: Float64Array, b: Float64Array): Float64Array {
  const out = new Float64Array(a.length);
  for (let i = 0; i < a.length; i++) out[i] = a[i]! - b[i]!;
  return out;
}

/** Central-values figures of one perspective: NPV, net cash and contract cost PV of each option. */
export interface CentralFigures {
  npv: number[];
  netCash: number[];
  costPV: number[];
  /** Net cash budget effect over the horizon (the budget table's last cumulative figure). */
  netBudget: number[];
}

/**
 * The annual price at which option k's extension years break even (section 18):
 * p x (1 + dNPV_k / PVcostExt_k), every extension-year price scaled by the same factor, where
 * PVcostExt_k = PV cost_k - PV cost_0 is the present value of the extension years' cost to the
 * perspective. Null when that is 0 (the grant pays it all, or the option never reaches an extension month).
 * breakEvenAnnualPrice(660_546, -100_000, 400_000) -> 495_409.5
 */
export function breakEvenAnnualPrice(annualValue: number, incrementalNpv: number, extensionCostPV: number): number | null {
  if (!(Math.abs(extensionCostPV) > 1e-9)) return null;
  return annualValue * (1 + incrementalNpv / extensionCostPV);
}

/** What Monte Carlo adds to a decision: per-draw NPVs, and the end month of the contract per draw. */
export interface DecisionDraws {
  draws: PerspectiveDraws;
  /** Per draw, the month the contract stopped; option k ended early when this is before its term. */
  endMonth: ArrayLike<number>;
  terms: readonly number[];
  weights: Float64Array | null;
}

/**
 * The decision of one perspective: central-values figures always, Monte Carlo figures when draws
 * are given (the same draws for every option). `annualValue` is the central contract.annual_value.
 * A worked example with three draws is in test/model/decision.test.ts.
 */
export function perspectiveDecision(central: CentralFigures, annualValue: number, mc: DecisionDraws | null): PerspectiveDecision {
  const options = central.npv.length;
  const bestOptionCentral = bestOf(central.npv);
  const decided: DecisionOption[] = [];
  if (!mc) {
    for (let k = 0; k < options; k++) {
      decided.push({
        extensionYears: k,
        incrementalNpv: centralFigure(central.npv[k]! - central.npv[0]!),
        incrementalNetCash: centralFigure(central.netCash[k]! - central.netCash[0]!),
        incrementalNetBudgetEffect: centralFigure(central.netBudget[k]! - central.netBudget[0]!),
        marginalNpv: k === 0 ? null : centralFigure(central.npv[k]! - central.npv[k - 1]!),
        probabilityBest: null,
        probabilityBestSem: null,
        expectedLoss: null,
        expectedLossSem: null,
        breakEvenAnnualPrice: null,
        breakEvenAnnualPriceCentral:
          k === 0 ? null : breakEvenAnnualPrice(annualValue, central.npv[k]! - central.npv[0]!, central.costPV[k]! - central.costPV[0]!),
        probabilityEndedEarly: null,
      });
    }
    return { bestOption: bestOptionCentral, bestOptionCentral, options: decided };
  }
  const { draws, weights } = mc;
  const n = draws.npv[0]!.length;
  // Per draw: the best option (ties to the fewest years) and the highest NPV.
  const bestInDraw = new Int32Array(n);
  const highest = new Float64Array(n);
  const row = new Float64Array(options);
  for (let i = 0; i < n; i++) {
    for (let k = 0; k < options; k++) row[k] = draws.npv[k]![i]!;
    bestInDraw[i] = bestOf(row);
    let max = -Infinity;
    for (let k = 0; k < options; k++) if (row[k]! > max) max = row[k]!;
    highest[i] = max; // the loss counts from the highest NPV, not from the tie-broken best
  }
  const indicator = new Float64Array(n);
  const loss = new Float64Array(n);
  const means: number[] = [];
  for (let k = 0; k < options; k++) {
    const incremental = difference(draws.npv[k]!, draws.npv[0]!);
    const incrementalNpv = figureOf(central.npv[k]! - central.npv[0]!, incremental, weights);
    const incrementalNetCash = figureOf(
      central.netCash[k]! - central.netCash[0]!,
      difference(draws.netCash[k]!, draws.netCash[0]!),
      weights,
    );
    const incrementalNetBudgetEffect = figureOf(
      central.netBudget[k]! - central.netBudget[0]!,
      difference(draws.netBudget[k]!, draws.netBudget[0]!),
      weights,
    );
    const marginalNpv =
      k === 0 ? null : figureOf(central.npv[k]! - central.npv[k - 1]!, difference(draws.npv[k]!, draws.npv[k - 1]!), weights);
    for (let i = 0; i < n; i++) {
      indicator[i] = bestInDraw[i] === k ? 1 : 0;
      loss[i] = highest[i]! - draws.npv[k]![i]!;
    }
    const best = weights ? weightedMeanAndSem(indicator, weights) : meanAndSem(indicator);
    const expected = weights ? weightedMeanAndSem(loss, weights) : meanAndSem(loss);
    const ended = new Float64Array(n);
    for (let i = 0; i < n; i++) ended[i] = mc.endMonth[i]! < mc.terms[k]! ? 1 : 0;
    const endedEarly = weights ? weightedMeanAndSem(ended, weights).mean : meanAndSem(ended).mean;
    means.push(weights ? weightedMeanAndSem(draws.npv[k]!, weights).mean : meanAndSem(draws.npv[k]!).mean);
    decided.push({
      extensionYears: k,
      incrementalNpv,
      incrementalNetCash,
      incrementalNetBudgetEffect,
      marginalNpv,
      probabilityBest: best.mean,
      probabilityBestSem: best.sem,
      expectedLoss: expected.mean,
      expectedLossSem: expected.sem,
      breakEvenAnnualPrice:
        k === 0 ? null : breakEvenAnnualPrice(annualValue, incrementalNpv.mean!, draws.meanCostPV[k]! - draws.meanCostPV[0]!),
      breakEvenAnnualPriceCentral:
        k === 0 ? null : breakEvenAnnualPrice(annualValue, central.npv[k]! - central.npv[0]!, central.costPV[k]! - central.costPV[0]!),
      probabilityEndedEarly: endedEarly,
    });
  }
  return { bestOption: bestOf(means), bestOptionCentral, options: decided };
}
