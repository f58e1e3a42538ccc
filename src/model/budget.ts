/**
 * The spread of the cash budget effect by financial year over the Monte Carlo draws (shared/model.md
 * section 18): P10, P50 and P90 of each year's net budget effect (cashable saving - own
 * contribution), from the draws that keep financial-year detail (the first 4,000, as the fan chart).
 */
import type { BudgetYear } from './results';
import type { SimulationLayout, SimulationOutput } from './simulate';
import { quantiles } from './summarise';
import type { Inputs } from './types';

/**
 * P10/P50/P90 of option k's net budget effect in each financial year for perspective p (0 = region,
 * then each council): children_share x cashable saving - match_share x what the councils pay
 * (for the region, cashable saving - the councils' whole part).
 */
export function netBudgetEffectPercentiles(
  out: SimulationOutput,
  layout: SimulationLayout,
  base: Pick<Inputs, 'councils'>,
  p: number,
  option: number,
): { p10: number; p50: number; p90: number }[] {
  const council = p === 0 ? null : base.councils[p - 1]!;
  const children = council ? council.childrenShare : 1;
  const match = council ? council.matchShare : 1;
  const years = layout.timeline.yearLabels.length;
  const n = out.fanIterations;
  const cashable = out.fanCashable[option]!;
  const paid = out.fanPaid[option]!;
  const column = new Float64Array(n);
  return Array.from({ length: years }, (_, y) => {
    for (let i = 0; i < n; i++) column[i] = children * cashable[i * years + y]! - match * paid[i * years + y]!;
    const [p10, p50, p90] = n === 0 ? [NaN, NaN, NaN] : quantiles(column, [0.1, 0.5, 0.9]);
    return { p10: p10!, p50: p50!, p90: p90! };
  });
}

/** A budget table with its percentile columns filled from netBudgetEffectPercentiles. */
export function withBudgetPercentiles(
  rows: readonly BudgetYear[],
  percentiles: readonly { p10: number; p50: number; p90: number }[],
): BudgetYear[] {
  return rows.map((row, y) => ({
    ...row,
    netBudgetEffectP10: percentiles[y]?.p10 ?? null,
    netBudgetEffectP50: percentiles[y]?.p50 ?? null,
    netBudgetEffectP90: percentiles[y]?.p90 ?? null,
  }));
}
