import type { Inputs } from '../../src/model/types';

/** A small, hand-checkable set of inputs; override what a test needs. */
export function inputs(overrides: Partial<Inputs> = {}): Inputs {
  return {
    start: { year: 2025, month: 4 },
    baseEnd: { year: 2025, month: 4 },
    maxExtensionYears: 0,
    headlineExtensionYears: 0,
    annualValue: 12_000,
    annualUplift: 0,
    costOptimismBias: 0,
    externalShare: 0,
    externalShareByYear: {},
    councils: [],
    referralsPerYear: 12,
    referralGrowth: 0,
    capacityPerMonth: 1,
    maxWaitMonths: Infinity,
    breakdownRisk: 1,
    effectiveness: 1,
    residentialEscalation: 1,
    residentialWeeks: 52,
    residentialWeeklyCost: 1000,
    alternativeWeeklyCost: 0,
    moveCost: 0,
    cashableShare: 1,
    discountRate: 0.035,
    residentialCostGrowth: 0,
    optimismBias: 0,
    attribution: 1,
    ...overrides,
  };
}
