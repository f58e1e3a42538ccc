/**
 * Costs, avoided costs, perspectives and discounting (shared/model.md sections 5-7 and 12).
 */
import { fixedTermMonths } from './time';
import type { Inputs } from './types';

/**
 * Contract cost in each month of the horizon for an option of `term` months: annual value / 12 in
 * the fixed term, x (1 + uplift)^j in extension year j, x (1 + cost optimism bias); 0 after the term.
 */
export function contractCostByMonth(
  inputs: Pick<Inputs, 'start' | 'baseEnd' | 'annualValue' | 'annualUplift' | 'costOptimismBias'>,
  term: number,
  horizon: number,
): Float64Array {
  const fixedTerm = fixedTermMonths(inputs);
  const cost = new Float64Array(horizon);
  const monthly = (inputs.annualValue / 12) * (1 + inputs.costOptimismBias);
  for (let m = 0; m < term && m < horizon; m++) {
    const extensionYear = m < fixedTerm ? 0 : Math.floor((m - fixedTerm) / 12) + 1;
    cost[m] = monthly * Math.pow(1 + inputs.annualUplift, extensionYear);
  }
  return cost;
}

/** Avoided cost in each month, before and after the cashable split, after optimism bias. */
export interface AvoidedCostFlows {
  avoidedCost: Float64Array;
  avoidedCostCashable: Float64Array;
}

/**
 * Avoided cost in month n = [weeks avoided in n x (weekly cost - alternative weekly cost) x growth(n)
 * + prevented(n) x move cost] x (1 - optimism bias), growth(n) = (1 + residential cost growth)^(n/12).
 * The cashable part counts the residential part x cashable_share and the move costs in full.
 */
export function avoidedCostByMonth(
  inputs: Pick<
    Inputs,
    'residentialWeeklyCost' | 'alternativeWeeklyCost' | 'moveCost' | 'residentialCostGrowth' | 'optimismBias' | 'cashableShare'
  >,
  weeksAvoided: Float64Array,
  prevented: Float64Array,
): AvoidedCostFlows {
  const months = weeksAvoided.length;
  const avoidedCost = new Float64Array(months);
  const avoidedCostCashable = new Float64Array(months);
  const netWeekly = inputs.residentialWeeklyCost - inputs.alternativeWeeklyCost;
  const kept = 1 - inputs.optimismBias;
  for (let n = 0; n < months; n++) {
    const residential = weeksAvoided[n]! * netWeekly * Math.pow(1 + inputs.residentialCostGrowth, n / 12);
    const moves = prevented[n]! * inputs.moveCost;
    avoidedCost[n] = (residential + moves) * kept;
    avoidedCostCashable[n] = (residential * inputs.cashableShare + moves) * kept;
  }
  return { avoidedCost, avoidedCostCashable };
}

/**
 * The grant share of the contract cost in a financial year: the latest external_share_by_year
 * entry at or before that year, else external_share. An entry holds until the next one, so
 * { "2027/28": 0 } means the grant ends after 2026/27.
 */
export function externalShareInYear(
  inputs: Pick<Inputs, 'externalShare' | 'externalShareByYear'>,
  yearLabel: string,
): number {
  let share = inputs.externalShare;
  let latest = '';
  for (const [label, value] of Object.entries(inputs.externalShareByYear)) {
    if (label <= yearLabel && label > latest) {
      latest = label;
      share = value;
    }
  }
  return share;
}
