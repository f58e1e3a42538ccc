/** What a run keeps per draw, carved from one buffer, and the contract cost read back from it. */
import type { SimulationLayout } from './plan';

/**
 * Per-iteration results, for the region. Council figures follow from them: a council's benefit
 * and counts are the region's x children_share; its cost is match_share x the part of the cost
 * the grant does not pay ("paid"). Contract costs are stored as a monthly cost per iteration times
 * per-option sums of the cost shape, which are the same for every iteration unless the uplift,
 * discount rate, inflation or grant share vary; when they vary continuously, as each draw's costs.
 */
export interface SimulationOutput {
  iterations: number;
  /**
   * [option][iteration]. Present values in double precision; cash and placements in single
   * precision (7 significant digits, pennies on a million pounds) to keep a million iterations
   * within the memory target. When every draw has its own cost shape (costPerDraw), present values
   * too are in single precision, as its contract costs are.
   */
  avoidedCostPV: (Float64Array | Float32Array)[];
  avoidedCost: Float32Array[];
  /**
   * The cashable part of avoidedCost (section 12): cashable_share x the residential part, moves
   * in full. Empty unless the output was made with cashablePerDraw.
   */
  avoidedCostCashable: Float32Array[];
  placementsAvoided: Float32Array[];
  /** [iteration]: annual value / 12 x (1 + cost optimism bias). Empty when costPerDraw (it is in costByDraw). */
  monthlyCost: Float64Array;
  /**
   * Per option: sums over its term of the cost shape: cash, PV, paid by councils cash, paid PV;
   * sum f = option x 4 + which is costSums[f], the same for every draw (unused when the shape varies).
   */
  costSums: Float64Array;
  /**
   * True when the cost shape varies between draws: it takes a few values (costSumsBySlot), or
   * every draw has its own (costByDraw, when costPerDraw).
   */
  costShapeVaries: boolean;
  /**
   * When the cost shape takes a few values (OutputShape.fewCostShapes, as the central case's grant
   * after March 2027), the sums by slot: draw i's sum f is costSumsBySlot[f x iterations +
   * costShapeSlot[i]], a slot being one of its block's first draws' indexes, one per distinct shape
   * in the block. Only a few slots at the start of each block are ever written, so the rest of the
   * room is never touched (the operating system gives memory to pages only when they are written).
   * Empty otherwise.
   */
  costSumsBySlot: Float64Array;
  /** [iteration]: the slot of costSumsBySlot holding the draw's cost sums (empty unless they are kept by slot). */
  costShapeSlot: Int32Array;
  /** True when every draw has its own cost shape, and its contract costs are in costByDraw. */
  costPerDraw: boolean;
  /**
   * When every draw has its own cost shape (a continuous uplift, discount rate, inflation or grant
   * share), draw i's contract cost f = option x 4 + which (monthly cost x sum f) is
   * costByDraw[f x iterations + i]: in single precision like the cash columns (7 significant
   * digits: within 25p of a contract cost of £4m), to keep a million draws within the memory
   * target (sums and monthly costs in double precision took 168 MB of it). Empty otherwise.
   */
  costByDraw: Float32Array;
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
  /** Whether the cost shape varies between draws (see SimulationOutput.costShapeVaries). */
  costShapeVaries: boolean;
  /**
   * When the cost shape varies, whether it takes only a few values (every cost input that varies
   * is a discrete choice, as the central case's grant after March 2027): its sums are then kept in
   * double precision by slot (costSumsBySlot); otherwise each draw's costs in single precision
   * (costByDraw).
   */
  fewCostShapes: boolean;
  /**
   * The cashable part of each draw's avoided cost, by option: only the decision (section 18)
   * reads it, from a run that keeps every draw; a run that is only summarised leaves it out
   * (a fifth of the output: 20 MB at a million draws).
   */
  cashablePerDraw: boolean;
}

/** Bytes needed for an output (so it can live in one SharedArrayBuffer for worker threads). */
export function outputBytes(layout: SimulationLayout, shape: OutputShape): number {
  const { iterations, fanIterations, cashablePerDraw } = shape;
  const { options } = layout;
  const years = layout.timeline.yearLabels.length;
  const { bySlot, perDraw } = costKeeping(shape);
  const doubles =
    (perDraw ? 0 : options * iterations + iterations) +
    options * 4 +
    (bySlot ? options * 4 * iterations : 0) +
    4 * options * fanIterations * years;
  const singles = (cashablePerDraw ? 3 : 2) * options * iterations + (perDraw ? options * iterations + options * 4 * iterations : 0);
  return doubles * 8 + singles * 4 + (bySlot ? iterations * 4 : 0) + (layout.perspectives.length + 1) * iterations * 2;
}

/**
 * How an output keeps contract costs: one set of sums for every draw, a few sets by slot, or each
 * draw's own costs (then present values too are in single precision).
 */
function costKeeping(shape: OutputShape): { bySlot: boolean; perDraw: boolean } {
  return { bySlot: shape.costShapeVaries && shape.fewCostShapes, perDraw: shape.costShapeVaries && !shape.fewCostShapes };
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
  const { bySlot, perDraw } = costKeeping(shape);
  const { options } = layout;
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
  const perOption = (length: number): Float64Array[] => Array.from({ length: options }, () => doubles(length));
  const singlesPerOption = (length: number): Float32Array[] => Array.from({ length: options }, () => singles(length));
  const years = layout.timeline.yearLabels.length;
  // Doubles first, then singles and 32-bit slots, then 16-bit months, so every view is aligned.
  const pvDoubles = perDraw ? null : perOption(iterations);
  const monthlyCost = perDraw ? new Float64Array(0) : doubles(iterations);
  const costSums = doubles(options * 4);
  const costSumsBySlot = bySlot ? doubles(options * 4 * iterations) : new Float64Array(0);
  const fanAvoided = perOption(fanIterations * years);
  const fanCost = perOption(fanIterations * years);
  const fanPaid = perOption(fanIterations * years);
  const fanCashable = perOption(fanIterations * years);
  const avoidedCost = singlesPerOption(iterations);
  const avoidedCostPV = pvDoubles ?? singlesPerOption(iterations);
  const avoidedCostCashable = cashablePerDraw ? singlesPerOption(iterations) : [];
  const placementsAvoided = singlesPerOption(iterations);
  const costByDraw = perDraw ? singles(options * 4 * iterations) : new Float32Array(0);
  let costShapeSlot = new Int32Array(0) as Int32Array;
  if (bySlot) {
    costShapeSlot = new Int32Array(buffer, offset, iterations);
    offset += iterations * 4;
  }
  const paybackMonth = layout.perspectives.map(() => {
    const view = new Int16Array(buffer, offset, iterations);
    offset += iterations * 2;
    return view;
  });
  const endMonth = new Int16Array(buffer, offset, iterations);
  return {
    iterations,
    avoidedCostPV,
    avoidedCost,
    avoidedCostCashable,
    placementsAvoided,
    monthlyCost,
    costSums,
    costShapeVaries,
    costSumsBySlot,
    costShapeSlot,
    costPerDraw: perDraw,
    costByDraw,
    paybackMonth,
    endMonth,
    fanAvoided,
    fanCost,
    fanPaid,
    fanCashable,
    fanIterations,
  };
}

/** Contract cost of option k in iteration i: 0 cash, 1 PV, 2 paid by councils (cash), 3 paid PV. */
export function costOf(out: SimulationOutput, k: number, i: number, which: 0 | 1 | 2 | 3): number {
  const f = k * 4 + which;
  if (out.costPerDraw) return out.costByDraw[f * out.iterations + i]!;
  if (out.costShapeVaries) return out.monthlyCost[i]! * out.costSumsBySlot[f * out.iterations + out.costShapeSlot[i]!]!;
  return out.monthlyCost[i]! * out.costSums[f]!;
}
