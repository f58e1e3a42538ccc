/** The contract's cost over months for one set of cost inputs (cash or real price, grant shares, end month). */

/**
 * The contract's cost over the longest term for one set of cost inputs (uplift, grant shares,
 * discount rate, inflation): by month, its sums per option, and the month the contract stops.
 * Kept in a small cache, so draws that repeat a few grant shares (a discrete share) reuse them.
 */
export class CostShape {
  readonly costShape: Float64Array; // cash cost of a month at 1 a month before uplift, 0 from endMonth
  readonly costShapePV: Float64Array; // present value of the same
  readonly paidShare: Float64Array; // 1 - the month's external share
  readonly externalShare: Float64Array; // the month's external share (section 16)
  /** Per option: cost shape sums (cash, PV, paid cash, paid PV). */
  readonly costSums: Float64Array;
  /** Cumulative cost shape, and cumulative paid-by-councils shape, to the end of each month. */
  readonly cumulativeCost: Float64Array;
  readonly cumulativePaid: Float64Array;
  /** [option][year]: cost shape and paid shape summed over the option's months in each year. */
  readonly costByYear: Float64Array;
  readonly paidByYear: Float64Array;
  /** Smallest cost and paid shapes in the longest term. */
  costShapeMin = 1;
  paidShapeMin = 1;
  /** The month the contract stops being bought (the longest term when it runs to the end). */
  endMonth: number;

  constructor(term: number, options: number, years: number) {
    this.costShape = new Float64Array(term);
    this.costShapePV = new Float64Array(term);
    this.paidShare = new Float64Array(term);
    this.externalShare = new Float64Array(term);
    this.costSums = new Float64Array(options * 4);
    this.cumulativeCost = new Float64Array(term);
    this.cumulativePaid = new Float64Array(term);
    this.costByYear = new Float64Array(options * years);
    this.paidByYear = new Float64Array(options * years);
    this.endMonth = term;
  }
}

/** Cost shapes kept per workspace; a run whose cost inputs take more values than this recomputes. */
export const COST_SHAPE_CACHE = 64;
