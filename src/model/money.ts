/**
 * Costs, avoided costs, perspectives and discounting (shared/model.md sections 5-7 and 12).
 */
import { compound, fixedTermMonths } from './time';
import type { Inputs } from './types';

/** Contract cost by month in cash and in real terms (at the price base). */
export interface ContractCostFlows {
  cash: Float64Array;
  real: Float64Array;
}

/**
 * Contract cost in each month of the horizon for an option whose term ends after `term` months:
 * annual value / 12 in the fixed term, x (1 + uplift)^j in extension year j, x (1 + cost optimism
 * bias); 0 from `term` on. A cash-priced contract (section 17) is that in cash and cash / deflator
 * in real terms; a real-priced one is that in real terms and real x deflator in cash.
 * With a 2% deflator of 1.02 in a month, a cash price of 1,000 a month is 1,000 cash and 980.39 real.
 */
export function contractCostByMonth(
  inputs: Pick<Inputs, 'start' | 'baseEnd' | 'annualValue' | 'annualUplift' | 'costOptimismBias' | 'contractPrice'>,
  term: number,
  deflator: ArrayLike<number>,
): ContractCostFlows {
  const horizon = deflator.length;
  const fixedTerm = fixedTermMonths(inputs);
  const cash = new Float64Array(horizon);
  const real = new Float64Array(horizon);
  const monthly = (inputs.annualValue / 12) * (1 + inputs.costOptimismBias);
  const cashPrice = inputs.contractPrice === 'cash';
  for (let m = 0; m < term && m < horizon; m++) {
    const extensionYear = m < fixedTerm ? 0 : Math.floor((m - fixedTerm) / 12) + 1;
    const price = monthly * compound(1 + inputs.annualUplift, extensionYear);
    cash[m] = cashPrice ? price : price * deflator[m]!;
    real[m] = cashPrice ? price / deflator[m]! : price;
  }
  return { cash, real };
}

/** Avoided cost in each month, after optimism bias: real (at the price base) and cash, with the cashable part in cash. */
export interface AvoidedCostFlows {
  avoidedCost: Float64Array;
  avoidedCostReal: Float64Array;
  avoidedCostCashable: Float64Array;
}

/**
 * Avoided cost in month n, real = [weeks avoided in n x (weekly cost - alternative weekly cost) x
 * growth(n) + prevented(n) x move cost] x (1 - optimism bias), growth(n) = (1 + residential cost
 * growth)^(n/12); cash = real x deflator(n). The cashable part counts the residential part x
 * cashable_share and the move costs in full.
 */
export function avoidedCostByMonth(
  inputs: Pick<
    Inputs,
    'residentialWeeklyCost' | 'alternativeWeeklyCost' | 'moveCost' | 'residentialCostGrowth' | 'optimismBias' | 'cashableShare'
  >,
  weeksAvoided: Float64Array,
  prevented: Float64Array,
  deflator: ArrayLike<number>,
): AvoidedCostFlows {
  const months = weeksAvoided.length;
  const avoidedCost = new Float64Array(months);
  const avoidedCostReal = new Float64Array(months);
  const avoidedCostCashable = new Float64Array(months);
  const netWeekly = inputs.residentialWeeklyCost - inputs.alternativeWeeklyCost;
  const kept = 1 - inputs.optimismBias;
  for (let n = 0; n < months; n++) {
    const residential = weeksAvoided[n]! * netWeekly * Math.pow(1 + inputs.residentialCostGrowth, n / 12);
    const moves = prevented[n]! * inputs.moveCost;
    avoidedCostReal[n] = (residential + moves) * kept;
    avoidedCost[n] = avoidedCostReal[n]! * deflator[n]!;
    avoidedCostCashable[n] = (residential * inputs.cashableShare + moves) * kept * deflator[n]!;
  }
  return { avoidedCost, avoidedCostReal, avoidedCostCashable };
}

/**
 * The grant share of the contract cost in a financial year: the latest external_share_by_year
 * entry at or before that year, else external_share. An entry holds until the next one, so
 * { "2027/28": 0 } means the grant ends after 2026/27.
 */
export function externalShareInYear(inputs: Pick<Inputs, 'externalShare' | 'externalShareByYear'>, yearLabel: string): number {
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
