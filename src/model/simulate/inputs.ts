/** The model's inputs as Monte Carlo sees them: one column of draws per varying input for a block. */
/** The numeric inputs that Monte Carlo may vary from one iteration to the next. */
export const VARYING_FIELDS = [
  'annualValue',
  'annualUplift',
  'costOptimismBias',
  'externalShare',
  'referralsPerYear',
  'referralGrowth',
  'capacityPerMonth',
  'breakdownRisk',
  'effectiveness',
  'residentialEscalation',
  'residentialWeeks',
  'residentialWeeklyCost',
  'alternativeWeeklyCost',
  'moveCost',
  'cashableShare',
  'discountRate',
  'inflation',
  'residentialCostGrowth',
  'optimismBias',
  'attribution',
] as const;

export type VaryingField = (typeof VARYING_FIELDS)[number];

/**
 * One column of values per varying input for a block of iterations (constants as numbers), and one
 * per funding.schedule entry's share, in the schedule's order (section 16).
 */
export type InputColumns = Record<VaryingField, Float64Array | number> & { scheduleShares: readonly (Float64Array | number)[] };

/** Inputs that change the contract cost's shape over months (not only its size). */
export const COST_SHAPE_FIELDS = ['annualUplift', 'discountRate', 'externalShare', 'inflation'] as const;

/** True when any cost-shape input (schedule shares included) varies between iterations in these columns. */
export function costShapeVaries(columns: InputColumns): boolean {
  return COST_SHAPE_FIELDS.some((f) => typeof columns[f] !== 'number') || columns.scheduleShares.some((c) => typeof c !== 'number');
}

/** Reads column `field` at iteration i. */
export function at(columns: InputColumns, field: VaryingField, i: number): number {
  const c = columns[field];
  return typeof c === 'number' ? c : c[i]!;
}
