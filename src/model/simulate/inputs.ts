/**
 * The inputs of a block of draws: one column of values per varying input (a number when it does
 * not vary), and each draw's values read from them under names, with what the loop derives from
 * them once per draw. The draws themselves are made in src/run/draws.ts.
 */
import { lastMonthOffset, lastMonthShare } from '../placementSpread';

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

/** One draw's inputs, by name, as the loop uses them (reused from draw to draw: see DrawReader). */
export interface DrawInputs {
  /** A placement's length in months (weeks x 12/52, at most the plan's longest). */
  lengthMonths: number;
  /** Offset of the last month a placement touches, and the share of that month it covers (placementSpread.ts). */
  last: number;
  lastShare: number;
  residentialCostGrowth: number;
  discountRate: number;
  inflation: number;
  referralGrowth: number;
  annualUplift: number;
  externalShare: number;
  cashableShare: number;
  referralsPerMonth: number;
  /** Children the service can start a month. */
  capacity: number;
  /** Breakdowns prevented per child starting: risk x effectiveness x attribution. */
  preventedPerStart: number;
  /** Share of prevented breakdowns that would have ended in residential care. */
  escalation: number;
  /** Residential weekly cost less the weekly cost of the placement kept instead. */
  netWeekly: number;
  moveCost: number;
  /** Share of the benefits kept after optimism bias: 1 - optimism bias. */
  kept: number;
  /** The contract's cost a month before any uplift: annual value / 12 x (1 + cost optimism bias). */
  monthlyCost: number;
  /** The grant's share in each funding.schedule entry (section 16). */
  scheduleShares: Float64Array;
}

/** A DrawInputs to fill with DrawReader.readInPlace, for a schedule of `scheduleEntries` entries. */
export function emptyDrawInputs(scheduleEntries: number): DrawInputs {
  return {
    lengthMonths: 0,
    last: 0,
    lastShare: 0,
    residentialCostGrowth: 0,
    discountRate: 0,
    inflation: 0,
    referralGrowth: 0,
    annualUplift: 0,
    externalShare: 0,
    cashableShare: 0,
    referralsPerMonth: 0,
    capacity: 0,
    preventedPerStart: 0,
    escalation: 0,
    netWeekly: 0,
    moveCost: 0,
    kept: 0,
    monthlyCost: 0,
    scheduleShares: new Float64Array(scheduleEntries),
  };
}

/**
 * Each varying field's position in VARYING_FIELDS, written out as a literal (checked against the
 * list below) so the optimiser folds FIELD.x to a number in the draw loop. Built with
 * Object.fromEntries it was a dictionary looked up at every read: reading a draw took 280 ns.
 */
const FIELD = {
  annualValue: 0,
  annualUplift: 1,
  costOptimismBias: 2,
  externalShare: 3,
  referralsPerYear: 4,
  referralGrowth: 5,
  capacityPerMonth: 6,
  breakdownRisk: 7,
  effectiveness: 8,
  residentialEscalation: 9,
  residentialWeeks: 10,
  residentialWeeklyCost: 11,
  alternativeWeeklyCost: 12,
  moveCost: 13,
  cashableShare: 14,
  discountRate: 15,
  inflation: 16,
  residentialCostGrowth: 17,
  optimismBias: 18,
  attribution: 19,
} as const satisfies Record<VaryingField, number>;
VARYING_FIELDS.forEach((field, index) => {
  if (FIELD[field] !== index) throw new Error(`inputs: FIELD.${field} is ${FIELD[field]}, but it is field ${index} of VARYING_FIELDS`);
});

/**
 * Reads a block's draws by name: the inputs that do not vary are set once, and a draw copies only
 * the ones that do, so reading a draw looks nothing up by name.
 */
export class DrawReader {
  /** Every field's value, then every schedule share's. */
  private readonly values: Float64Array;
  private readonly varyingFields: Int32Array;
  private readonly varyingColumns: Float64Array[] = [];

  constructor(columns: InputColumns) {
    const all = [...VARYING_FIELDS.map((field) => columns[field]), ...columns.scheduleShares];
    this.values = new Float64Array(all.length);
    const varying: number[] = [];
    all.forEach((column, index) => {
      if (typeof column === 'number') {
        this.values[index] = column;
      } else {
        varying.push(index);
        this.varyingColumns.push(column);
      }
    });
    this.varyingFields = Int32Array.from(varying);
  }

  /**
   * Fills `draw` with the values of draw `c` (placement lengths capped at `maxLengthMonths`), so
   * the loop allocates nothing per draw.
   */
  readInPlace(draw: DrawInputs, c: number, maxLengthMonths: number): void {
    const v = this.values;
    for (let j = 0; j < this.varyingFields.length; j++) v[this.varyingFields[j]!] = this.varyingColumns[j]![c]!;
    const lengthMonths = Math.min(maxLengthMonths, (v[FIELD.residentialWeeks]! * 12) / 52);
    draw.lengthMonths = lengthMonths;
    draw.last = lastMonthOffset(lengthMonths);
    draw.lastShare = lastMonthShare(lengthMonths, draw.last);
    draw.residentialCostGrowth = v[FIELD.residentialCostGrowth]!;
    draw.discountRate = v[FIELD.discountRate]!;
    draw.inflation = v[FIELD.inflation]!;
    draw.referralGrowth = v[FIELD.referralGrowth]!;
    draw.annualUplift = v[FIELD.annualUplift]!;
    draw.externalShare = v[FIELD.externalShare]!;
    draw.cashableShare = v[FIELD.cashableShare]!;
    draw.referralsPerMonth = v[FIELD.referralsPerYear]! / 12;
    draw.capacity = v[FIELD.capacityPerMonth]!;
    draw.preventedPerStart = v[FIELD.breakdownRisk]! * v[FIELD.effectiveness]! * v[FIELD.attribution]!;
    draw.escalation = v[FIELD.residentialEscalation]!;
    draw.netWeekly = v[FIELD.residentialWeeklyCost]! - v[FIELD.alternativeWeeklyCost]!;
    draw.moveCost = v[FIELD.moveCost]!;
    draw.kept = 1 - v[FIELD.optimismBias]!;
    draw.monthlyCost = (v[FIELD.annualValue]! / 12) * (1 + v[FIELD.costOptimismBias]!);
    for (let e = 0; e < draw.scheduleShares.length; e++) draw.scheduleShares[e] = v[VARYING_FIELDS.length + e]!;
  }
}
