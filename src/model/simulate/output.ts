/** What a run keeps per draw, carved from one buffer, and the contract cost read back from it. */
import type { SimulationLayout } from './plan';

/**
 * Per-iteration results, for the region. Council figures follow from them: a council's benefit
 * and counts are the region's x children_share; its cost is match_share x the part of the cost
 * the grant does not pay ("paid"). Contract costs are stored as a monthly cost per iteration times
 * per-option sums of the cost shape, which are the same for every iteration unless the uplift,
 * discount rate or grant share vary.
 */
export interface SimulationOutput {
  iterations: number;
  /**
   * [option][iteration]. Present values in double precision; cash and placements in single
   * precision (7 significant digits, pennies on a million pounds) to keep a million iterations
   * within the memory target.
   */
  avoidedCostPV: Float64Array[];
  avoidedCost: Float32Array[];
  /**
   * The cashable part of avoidedCost (section 12): cashable_share x the residential part, moves
   * in full. Empty unless the output was made with cashablePerDraw.
   */
  avoidedCostCashable: Float32Array[];
  placementsAvoided: Float32Array[];
  /** [iteration]: annual value / 12 x (1 + cost optimism bias). */
  monthlyCost: Float64Array;
  /**
   * Per option: sums over its term of the cost shape: cash, PV, paid by councils cash, paid PV;
   * sum f = option x 4 + which is costSums[f] (one set for every draw), or when the shape varies,
   * costSums[f x iterations + costShapeSlot[i]] for draw i.
   */
  costSums: Float64Array;
  /**
   * When true, costSums has room for one set of options x 4 per draw, a column per sum, and draw
   * i's are in slot costShapeSlot[i]: one of its block's first draws' indexes, one per distinct
   * cost shape in the block. Draws share a few shapes when the cost inputs take a few values (a
   * discrete grant share), so only a few slots at the start of each block are ever written and
   * the rest of the room is never touched (the operating system gives memory to pages only when
   * they are written); when the discount rate or uplift varies, slot i is draw i's own, and the
   * columns are read in order.
   */
  costShapeVaries: boolean;
  /** [iteration]: the slot of costSums holding the draw's cost sums (empty when the cost shape does not vary). */
  costShapeSlot: Int32Array;
  /** [perspective][iteration]: first month with cumulative cash >= 0 within the longest term, or -1. */
  paybackMonth: Int16Array[];
  /**
   * [iteration]: the month the contract stopped being bought (section 16), the longest term when
   * it ran to the end; option k ran for min(term k, this) months.
   */
  endMonth: Int16Array;
  /** For the first fanIterations: [option] of iteration x financial year, region cash. */
  fanAvoided: Float64Array[];
  fanCost: Float64Array[];
  fanPaid: Float64Array[];
  /** The cashable part of fanAvoided (section 12), for the budget's percentiles. */
  fanCashable: Float64Array[];
  fanIterations: number;
}

/** What an output holds room for, besides the layout's options, years and perspectives. */
export interface OutputShape {
  iterations: number;
  /** The first draws that keep the fan's figures by financial year. */
  fanIterations: number;
  /** Room for a set of cost sums per draw (see SimulationOutput.costShapeVaries). */
  costShapeVaries: boolean;
  /**
   * The cashable part of each draw's avoided cost, by option: only the decision (section 18)
   * reads it, from a run that keeps every draw; a run that is only summarised leaves it out
   * (a fifth of the output: 20 MB at a million draws).
   */
  cashablePerDraw: boolean;
}

/** Bytes needed for an output (so it can live in one SharedArrayBuffer for worker threads). */
export function outputBytes(layout: SimulationLayout, shape: OutputShape): number {
  const { iterations, fanIterations, costShapeVaries, cashablePerDraw } = shape;
  const years = layout.timeline.yearLabels.length;
  const doubles =
    layout.options * iterations +
    iterations +
    layout.options * 4 * (costShapeVaries ? iterations : 1) +
    4 * layout.options * fanIterations * years;
  return (
    doubles * 8 +
    (cashablePerDraw ? 3 : 2) * layout.options * iterations * 4 +
    (costShapeVaries ? iterations * 4 : 0) +
    (layout.perspectives.length + 1) * iterations * 2
  );
}

/**
 * An output's arrays, carved from `buffer` (fresh, or shared between threads) in a fixed order,
 * so every thread that views the same buffer sees the same arrays.
 */
export function createOutput(
  layout: SimulationLayout,
  shape: OutputShape,
  buffer: ArrayBufferLike = new ArrayBuffer(outputBytes(layout, shape)),
): SimulationOutput {
  const { iterations, fanIterations, costShapeVaries, cashablePerDraw } = shape;
  let offset = 0;
  const doubles = (length: number): Float64Array => {
    const view = new Float64Array(buffer, offset, length);
    offset += length * 8;
    return view;
  };
  const singles = (length: number): Float32Array => {
    const view = new Float32Array(buffer, offset, length);
    offset += length * 4;
    return view;
  };
  const perOption = (length: number): Float64Array[] => Array.from({ length: layout.options }, () => doubles(length));
  const years = layout.timeline.yearLabels.length;
  // Doubles first, then singles and 32-bit slots, then 16-bit months, so every view is aligned.
  const output = {
    iterations,
    avoidedCostPV: perOption(iterations),
    monthlyCost: doubles(iterations),
    costSums: doubles(layout.options * 4 * (costShapeVaries ? iterations : 1)),
    costShapeVaries,
    fanAvoided: perOption(fanIterations * years),
    fanCost: perOption(fanIterations * years),
    fanPaid: perOption(fanIterations * years),
    fanCashable: perOption(fanIterations * years),
    fanIterations,
    avoidedCost: [] as Float32Array[],
    avoidedCostCashable: [] as Float32Array[],
    placementsAvoided: [] as Float32Array[],
    paybackMonth: [] as Int16Array[],
    endMonth: new Int16Array(0) as Int16Array,
    costShapeSlot: new Int32Array(0) as Int32Array,
  };
  for (let k = 0; k < layout.options; k++) output.avoidedCost.push(singles(iterations));
  if (cashablePerDraw) for (let k = 0; k < layout.options; k++) output.avoidedCostCashable.push(singles(iterations));
  for (let k = 0; k < layout.options; k++) output.placementsAvoided.push(singles(iterations));
  if (costShapeVaries) {
    output.costShapeSlot = new Int32Array(buffer, offset, iterations);
    offset += iterations * 4;
  }
  for (let p = 0; p < layout.perspectives.length; p++) {
    output.paybackMonth.push(new Int16Array(buffer, offset, iterations));
    offset += iterations * 2;
  }
  output.endMonth = new Int16Array(buffer, offset, iterations);
  return output;
}

/** Contract cost of option k in iteration i: 0 cash, 1 PV, 2 paid by councils (cash), 3 paid PV. */
export function costOf(out: SimulationOutput, k: number, i: number, which: 0 | 1 | 2 | 3): number {
  const f = k * 4 + which;
  return out.monthlyCost[i]! * out.costSums[out.costShapeVaries ? f * out.iterations + out.costShapeSlot[i]! : f]!;
}
