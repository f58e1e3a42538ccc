/**
 * Which model input (src/model/types.ts Inputs) each scenario path feeds. Capacity is the one
 * derived field: starts_per_year / 12, or caseload / months_per_child.
 */
import type { VaryingField } from '../model/simulate';

export const FIELD_OF_PATH: Readonly<Record<string, Exclude<VaryingField, 'capacityPerMonth'>>> = {
  'contract.annual_value': 'annualValue',
  'contract.extensions.annual_uplift': 'annualUplift',
  'finance.cost_optimism_bias': 'costOptimismBias',
  'funding.external_share': 'externalShare',
  'service.referrals_per_year': 'referralsPerYear',
  'service.referral_growth': 'referralGrowth',
  'outcomes.breakdown_risk': 'breakdownRisk',
  'outcomes.effectiveness': 'effectiveness',
  'outcomes.residential_escalation': 'residentialEscalation',
  'outcomes.residential_weeks': 'residentialWeeks',
  'outcomes.residential_weekly_cost': 'residentialWeeklyCost',
  'outcomes.alternative_weekly_cost': 'alternativeWeeklyCost',
  'outcomes.move_cost': 'moveCost',
  'outcomes.cashable_share': 'cashableShare',
  'finance.discount_rate': 'discountRate',
  'finance.inflation': 'inflation',
  'finance.residential_cost_growth': 'residentialCostGrowth',
  'finance.optimism_bias': 'optimismBias',
  'finance.attribution': 'attribution',
};

export const CAPACITY_PATHS = ['service.capacity.starts_per_year', 'service.capacity.caseload', 'service.capacity.months_per_child'] as const;

/** Capacity per month from the capacity values given. capacityPerMonth(52) -> 4.333; (undefined, 30, 7) -> 4.286 */
export function capacityPerMonth(startsPerYear: number | undefined, caseload?: number, monthsPerChild?: number): number {
  if (startsPerYear !== undefined) return startsPerYear / 12;
  return caseload! / monthsPerChild!;
}
