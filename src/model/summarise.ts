/**
 * Monte Carlo summaries (shared/model.md section 10): means with standard errors, percentiles,
 * probabilities, histograms and the fan of cumulative net cash by financial year.
 */
import type { MonteCarloPerspective, QuantileSummary } from './results';
import type { SimulationLayout, SimulationOutput } from './simulate';
import type { Inputs } from './types';

export const SUMMARY_PROBABILITIES = [0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95] as const;

const BUCKETS = 4096;

let bucketScratch = new Uint16Array(0) as Uint16Array;

/** A scratch column of n bucket numbers (0 to 4,095), reused between calls (summaries run one at a time per thread). */
function bucketScratchOf(n: number): Uint16Array {
  if (bucketScratch.length < n) bucketScratch = new Uint16Array(n);
  return bucketScratch.subarray(0, n);
}

/**
 * Percentiles by linear interpolation between order statistics (Hyndman-Fan type 7, as NumPy's
 * default and R's quantile()), found without sorting: one pass for the range, one to count values
 * into 4,096 equal buckets, one to gather the few buckets that hold the wanted order statistics,
 * which are then sorted. Does not change `values`.
 * quantiles(Float64Array.of(5, 1, 4, 2, 3), [0.5, 0.25]) -> [3, 2]
 */
export function quantiles(values: Float64Array, probabilities: readonly number[]): number[] {
  const n = values.length;
  if (n === 0) return probabilities.map(() => NaN);
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    // Without branches, as in describeColumn; a NaN still makes min and max NaN.
    min = Math.min(min, v);
    max = Math.max(max, v);
  }
  if (!(max > min)) return probabilities.map(() => min);
  const scale = BUCKETS / (max - min);
  if (!Number.isFinite(scale)) return quantilesBySorting(values, probabilities); // a range too small to bucket
  const counts = new Int32Array(BUCKETS);
  const bucketIndex = bucketScratchOf(n);
  countIntoBuckets(values, min, scale, counts, bucketIndex);
  return quantilesFromBuckets(values, probabilities, counts, min, scale, bucketIndex);
}

/**
 * Counts each value into its bucket (BUCKETS equal ones from min, `scale` buckets a unit) and keeps
 * each value's bucket in bucketIndex. A function of its own: inside its callers, whose first call
 * spends long in this loop, V8 compiled the caller while running the loop, before the code after
 * it had run, and threw that compiled code away again when it got there (a dozen times a run).
 */
function countIntoBuckets(
  values: Float64Array | Float32Array,
  min: number,
  scale: number,
  counts: Int32Array,
  bucketIndex: Uint16Array,
): void {
  const n = values.length;
  for (let i = 0; i < n; i++) {
    const b = Math.min(BUCKETS - 1, Math.floor((values[i]! - min) * scale));
    bucketIndex[i] = b;
    counts[b]!++;
  }
}

/** Percentiles from bucket counts: gather the buckets holding the wanted ranks, sort those. */
function quantilesFromBuckets(
  values: Float64Array | Float32Array,
  probabilities: readonly number[],
  counts: Int32Array,
  min: number,
  scale: number,
  bucketIndex?: Uint16Array,
): number[] {
  const n = values.length;
  const starts = new Int32Array(BUCKETS + 1);
  for (let b = 0; b < BUCKETS; b++) starts[b + 1] = starts[b]! + counts[b]!;
  // The order statistics each probability needs, and the buckets that hold them.
  const ranks = new Set<number>();
  for (const p of probabilities) {
    const h = (n - 1) * p;
    ranks.add(Math.floor(h));
    ranks.add(Math.min(n - 1, Math.floor(h) + 1));
  }
  // slot[b]: where bucket b's values are gathered, or -1 when no wanted rank is in it.
  const slot = new Int32Array(BUCKETS).fill(-1);
  const gathered: Float64Array[] = [];
  for (const rank of ranks) {
    const b = bucketOfRank(starts, rank);
    if (slot[b] === -1) {
      slot[b] = gathered.length;
      gathered.push(new Float64Array(counts[b]!));
    }
  }
  gatherBuckets(values, slot, gathered, min, scale, bucketIndex);
  for (const bucket of gathered) bucket.sort();
  const orderStatistic = (rank: number): number => {
    const b = bucketOfRank(starts, rank);
    return gathered[slot[b]!]![rank - starts[b]!]!;
  };
  return probabilities.map((p) => {
    const h = (n - 1) * p;
    const below = Math.floor(h);
    const low = orderStatistic(below);
    return h > below ? low + (h - below) * (orderStatistic(below + 1) - low) : low;
  });
}

/** The bucket holding the order statistic of `rank`, given each bucket's first rank (`starts`). */
function bucketOfRank(starts: Int32Array, rank: number): number {
  let lo = 0;
  let hi = BUCKETS - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (starts[mid + 1]! <= rank) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Copies each value whose bucket has a slot into that slot's array. A function of its own, with
 * no closure over its variables, so the loop keeps them in registers (inside quantilesFromBuckets,
 * beside the closures that read the slots afterwards, it ran about twice as long).
 */
function gatherBuckets(
  values: Float64Array | Float32Array,
  slot: Int32Array,
  gathered: Float64Array[],
  min: number,
  scale: number,
  bucketIndex: Uint16Array | undefined,
): void {
  const n = values.length;
  const filled = new Int32Array(gathered.length);
  if (bucketIndex) {
    // Each value's bucket as the counting pass found it: no arithmetic again.
    for (let i = 0; i < n; i++) {
      const g = slot[bucketIndex[i]!]!;
      if (g >= 0) gathered[g]![filled[g]!++] = values[i]!;
    }
    return;
  }
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    const g = slot[Math.min(BUCKETS - 1, Math.floor((v - min) * scale))]!;
    if (g >= 0) gathered[g]![filled[g]!++] = v;
  }
}

/** The same percentiles by sorting a copy (for ranges too narrow to divide into buckets). */
function quantilesBySorting(values: Float64Array | Float32Array, probabilities: readonly number[]): number[] {
  const sorted = Float64Array.from(values).sort();
  const n = sorted.length;
  return probabilities.map((p) => {
    const h = (n - 1) * p;
    const below = Math.floor(h);
    return h > below ? sorted[below]! + (h - below) * (sorted[below + 1]! - sorted[below]!) : sorted[below]!;
  });
}

/** Mean and standard error of the mean. meanAndSem([1, 2, 3]) -> { mean: 2, sem: 0.5774 } */
export function meanAndSem(values: Float64Array): { mean: number; sem: number } {
  const n = values.length;
  let sum = 0;
  for (let i = 0; i < n; i++) sum += values[i]!;
  const mean = sum / n;
  let squares = 0;
  for (let i = 0; i < n; i++) {
    const d = values[i]! - mean;
    squares += d * d;
  }
  const variance = n > 1 ? squares / (n - 1) : 0;
  return { mean, sem: Math.sqrt(variance / n) };
}

/** Mean, standard error and P5..P95 of `values`. */
export function summarise(values: Float64Array): QuantileSummary {
  const { mean, sem } = meanAndSem(values);
  const [p5, p10, p25, p50, p75, p90, p95] = quantiles(values, SUMMARY_PROBABILITIES);
  return { mean, sem, p5: p5!, p10: p10!, p25: p25!, p50: p50!, p75: p75!, p90: p90!, p95: p95! };
}

/** Equal-width histogram of `values` in `bins` bins from min to max. */
export function histogram(values: Float64Array, bins: number): { edges: number[]; counts: number[] } {
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (!(max > min)) return { edges: [min, max], counts: [values.length] };
  const width = (max - min) / bins;
  const counts = new Array<number>(bins).fill(0);
  for (let i = 0; i < values.length; i++) {
    const b = Math.min(bins - 1, Math.floor((values[i]! - min) / width));
    counts[b]!++;
  }
  return { edges: Array.from({ length: bins + 1 }, (_, b) => min + b * width), counts };
}

let scratchBuffer = new Float64Array(0) as Float64Array;
let singleScratchBuffer = new Float32Array(0) as Float32Array;

/**
 * Scratch for the summaries lent from memory a run no longer needs (its whole-run draws, once
 * every block is simulated), so they take none of their own: a column of values, the same bytes
 * seen as single precision, and a column of bucket numbers.
 */
export interface LentScratch {
  values: Float64Array;
  single: Float32Array;
  buckets: Uint16Array;
}

/** Bytes of lent scratch one thread's summaries of n draws use (see lentScratchAt). */
export function lentScratchBytes(n: number): number {
  return Math.ceil((n * 10) / 8) * 8;
}

/** Views of the lent scratch at `offset` of `buffer` (lentScratchBytes(n) bytes from there). */
export function lentScratchAt(buffer: ArrayBufferLike, offset: number, n: number): LentScratch {
  return {
    values: new Float64Array(buffer, offset, n),
    single: new Float32Array(buffer, offset, n),
    buckets: new Uint16Array(buffer, offset + n * 8, n),
  };
}

/**
 * Runs `work` with the summaries' scratch taken from `lent` (when given), then lets go of it: the
 * thread's own scratch is neither used nor grown meanwhile.
 */
export function withLentScratch<T>(lent: LentScratch | undefined, work: () => T): T {
  if (!lent) return work();
  const own = [scratchBuffer, singleScratchBuffer, bucketScratch] as const;
  scratchBuffer = lent.values;
  singleScratchBuffer = lent.single;
  bucketScratch = lent.buckets;
  try {
    return work();
  } finally {
    [scratchBuffer, singleScratchBuffer, bucketScratch] = own;
  }
}

/** A scratch column of n values, reused between calls (summaries run one at a time per thread). */
function scratchOf(n: number): Float64Array {
  if (scratchBuffer.length < n) scratchBuffer = new Float64Array(n);
  return scratchBuffer.subarray(0, n);
}

/** The same in single precision, for a run whose money is (SimulationOutput.costPerDraw): half the memory. */
function singleScratchOf(n: number): Float32Array {
  if (singleScratchBuffer.length < n) singleScratchBuffer = new Float32Array(n);
  return singleScratchBuffer.subarray(0, n);
}

/** Bins in the NPV histogram: each is 128 of the 4,096 percentile buckets. */
export const HISTOGRAM_BINS = 32;

/** A column's mean, standard error, percentiles, histogram and count of positive values. */
export interface ColumnDescription {
  summary: QuantileSummary;
  histogram: { edges: number[]; counts: number[] };
  positive: number;
}

/**
 * Everything the pages show about one column, in three passes: (1) sum, sum of squares (about the
 * first value, against cancellation), range and count above zero; (2) counts in 4,096 equal
 * buckets, which also give the histogram; (3) the values in the few buckets that hold the wanted
 * order statistics. Percentiles are type 7, as quantiles().
 */
export function describeColumn(values: Float64Array | Float32Array): ColumnDescription {
  return describeWithMoments(values, momentsOf(values));
}

/** The first pass over a column: its sums about the first value, range and count above zero. */
interface Moments {
  shift: number;
  sum: number;
  squares: number;
  min: number;
  max: number;
  positive: number;
}

/** The first pass of describeColumn, on its own. */
function momentsOf(values: Float64Array | Float32Array): Moments {
  const n = values.length;
  const shift = n > 0 ? values[0]! : 0;
  let sum = 0;
  let squares = 0;
  let min = Infinity;
  let max = -Infinity;
  let positive = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    const d = v - shift;
    sum += d;
    squares += d * d;
    // Without branches: a branch on the sign of values near zero is mispredicted half the time
    // (the pass took three times as long). The values are finite (drawCheck), so Math.min and
    // Math.max agree with comparisons.
    min = Math.min(min, v);
    max = Math.max(max, v);
    positive += +(v > 0);
  }
  return { shift, sum, squares, min, max, positive };
}

/** describeColumn given its first pass (which the net-of-cost fills make as they write). */
function describeWithMoments(values: Float64Array | Float32Array, moments: Moments): ColumnDescription {
  const n = values.length;
  const { shift, sum, squares, min, max, positive } = moments;
  const mean = shift + sum / n;
  const variance = n > 1 ? Math.max(0, (squares - (sum * sum) / n) / (n - 1)) : 0;
  const sem = Math.sqrt(variance / n);
  const scale = BUCKETS / (max - min);
  if (!(max > min) || !Number.isFinite(scale)) {
    const [p5, p10, p25, p50, p75, p90, p95] = quantilesBySorting(values, SUMMARY_PROBABILITIES);
    return {
      summary: { mean, sem, p5: p5!, p10: p10!, p25: p25!, p50: p50!, p75: p75!, p90: p90!, p95: p95! },
      histogram: { edges: [min, max], counts: [n] },
      positive,
    };
  }
  const counts = new Int32Array(BUCKETS);
  const bucketIndex = bucketScratchOf(n);
  countIntoBuckets(values, min, scale, counts, bucketIndex);
  const [p5, p10, p25, p50, p75, p90, p95] = quantilesFromBuckets(values, SUMMARY_PROBABILITIES, counts, min, scale, bucketIndex);
  const perBin = BUCKETS / HISTOGRAM_BINS;
  const binCounts = new Array<number>(HISTOGRAM_BINS).fill(0);
  for (let b = 0; b < BUCKETS; b++) binCounts[Math.floor(b / perBin)]! += counts[b]!;
  // A loop, not a closure: a closure over min and max would keep them out of registers in the
  // first pass (which then took six times as long).
  const width = (max - min) / HISTOGRAM_BINS;
  const edges: number[] = [];
  for (let b = 0; b < HISTOGRAM_BINS; b++) edges.push(min + b * width);
  edges.push(max);
  return {
    summary: { mean, sem, p5: p5!, p10: p10!, p25: p25!, p50: p50!, p75: p75!, p90: p90!, p95: p95! },
    histogram: { edges, counts: binCounts },
    positive,
  };
}

/** Summaries of option k for every perspective. */
export function summariseOption(
  out: SimulationOutput,
  layout: SimulationLayout,
  base: Inputs,
  option: number,
): Record<string, MonteCarloPerspective> {
  return withCouncilPlacements(
    summarisePerspectives(
      out,
      layout,
      base,
      option,
      layout.perspectives.map((_, p) => p),
    ),
    base,
  );
}

/**
 * A perspective's summaries as a thread gives them, before every perspective's are together:
 * placements are the region's x children_share, so a council's are known only with the region's
 * (null until withCouncilPlacements fills them in).
 */
export type PerspectiveSummary = Omit<MonteCarloPerspective, 'residentialPlacementsAvoided'> & {
  residentialPlacementsAvoided: QuantileSummary | null;
};

/**
 * Summaries of option k for the perspectives asked for (indexes into layout.perspectives), as one
 * thread of the pool works them out. Placements are filled in when the region is among them.
 */
export function summarisePerspectives(
  out: SimulationOutput,
  layout: SimulationLayout,
  base: Inputs,
  option: number,
  perspectives: readonly number[],
): Record<string, PerspectiveSummary> {
  const n = out.iterations;
  const scratch = out.costPerDraw ? null : scratchOf(n);
  const singleScratch = out.costPerDraw ? singleScratchOf(n) : null;
  const result: Record<string, PerspectiveSummary> = {};
  const avoidedPV = out.avoidedCostPV[option]!;
  const avoided = out.avoidedCost[option]!;
  const years = layout.timeline.yearLabels;
  let regionPlacements: QuantileSummary | null = null;
  if (perspectives.includes(0)) {
    const placements = scratch ?? singleScratch!;
    placements.set(out.placementsAvoided[option]!);
    regionPlacements = describeColumn(placements).summary;
  }
  const costAt = out.costShapeVaries ? null : out.costSums.subarray(option * 4, option * 4 + 4);
  const monthlyCost = out.monthlyCost;
  const fixedMonthlyCost = costAt ? constantValue(monthlyCost) : null;
  // With the same contract cost in every iteration, each perspective's NPV and net saving are
  // children_share x the region's avoided cost minus a constant: one description of the avoided
  // cost serves them all (percentiles, mean and histogram move with it).
  const avoidedPVDescription = fixedMonthlyCost !== null ? describeColumn(avoidedPV) : null;
  const avoidedDescription = fixedMonthlyCost !== null ? describeColumn(avoided) : null;
  const pvCostOf = (match: number, which: 1 | 3): number => match * costAt![which]! * fixedMonthlyCost!;
  const positives =
    avoidedPVDescription !== null
      ? countAbove(
          avoidedPV,
          perspectives.map((p) => {
            const council = p === 0 ? null : base.councils[p - 1]!;
            return pvCostOf(council ? council.matchShare : 1, council ? 3 : 1) / (council ? council.childrenShare : 1);
          }),
        )
      : [];

  perspectives.forEach((p, index) => {
    const name = layout.perspectives[p]!;
    const council = p === 0 ? null : base.councils[p - 1]!;
    const children = council ? council.childrenShare : 1;
    const match = council ? council.matchShare : 1;
    const pvWhich = council ? 3 : 1;
    const cashWhich = council ? 2 : 0;
    let npv: ColumnDescription;
    let netSaving: QuantileSummary;
    if (avoidedPVDescription !== null && avoidedDescription !== null && children > 0) {
      const pvCost = pvCostOf(match, pvWhich);
      npv = {
        summary: affineSummary(avoidedPVDescription.summary, children, -pvCost),
        histogram: {
          edges: avoidedPVDescription.histogram.edges.map((e) => children * e - pvCost),
          counts: [...avoidedPVDescription.histogram.counts],
        },
        positive: positives[index]!,
      };
      netSaving = affineSummary(avoidedDescription.summary, children, -match * costAt![cashWhich]! * fixedMonthlyCost!);
    } else if (singleScratch) {
      npv = describeWithMoments(singleScratch, fillNetOfCostByDraw(singleScratch, avoidedPV, children, match, out, option, pvWhich));
      netSaving = describeWithMoments(
        singleScratch,
        fillNetOfCostByDraw(singleScratch, avoided, children, match, out, option, cashWhich),
      ).summary;
    } else {
      npv = describeWithMoments(
        scratch!,
        costAt
          ? fillNetOfCost(scratch!, avoidedPV, children, match * costAt[pvWhich]!, monthlyCost)
          : fillNetOfShapedCost(scratch!, avoidedPV, children, match, out, option, pvWhich),
      );
      netSaving = describeWithMoments(
        scratch!,
        costAt
          ? fillNetOfCost(scratch!, avoided, children, match * costAt[cashWhich]!, monthlyCost)
          : fillNetOfShapedCost(scratch!, avoided, children, match, out, option, cashWhich),
      ).summary;
    }
    const paidBack = paidBackByOption(out, layout, p)[option]!;
    const probabilityNpvPositive = npv.positive / n;
    result[name] = {
      npv: npv.summary,
      netSaving,
      residentialPlacementsAvoided: regionPlacements ? scaleSummary(regionPlacements, children) : null,
      probabilityNpvPositive,
      probabilityNpvPositiveSem: Math.sqrt((probabilityNpvPositive * (1 - probabilityNpvPositive)) / n),
      probabilityPaidBack: paidBack / n,
      npvHistogram: npv.histogram,
      fan: fanOf(out, option, years, children, match, council !== null),
    };
  });
  return result;
}

/** Per output, per perspective: how many draws paid back within each option (see paidBackByOption). */
const paidBackCounts = new WeakMap<SimulationOutput, Map<number, number[]>>();

/**
 * For perspective p, how many draws paid back by the end of each option's term, or of the contract
 * when it ended early with its grant (out.endMonth): one pass over the draws for every option
 * (a count of draws by the month they paid back in, summed up to each term's last month), kept
 * for the other options of the same run.
 */
export function paidBackByOption(out: SimulationOutput, layout: SimulationLayout, p: number): number[] {
  let byPerspective = paidBackCounts.get(out);
  if (!byPerspective) paidBackCounts.set(out, (byPerspective = new Map()));
  const known = byPerspective.get(p);
  if (known) return known;
  const months = Math.max(...layout.terms);
  const byMonth = countByPaybackMonth(out.paybackMonth[p]!, out.endMonth, months);
  const counts = layout.terms.map((term) => {
    let count = 0;
    for (let m = 0; m < term; m++) count += byMonth[m]!;
    return count;
  });
  byPerspective.set(p, counts);
  return counts;
}

/**
 * How many draws paid back in each month 0 .. months - 1, counting a draw only when it paid back
 * before its contract ended (month <= endMonth - 1); the rest go to slot `months`. Without
 * branches: whether a draw paid back is a coin toss the processor cannot predict.
 */
function countByPaybackMonth(payback: Int16Array, endMonth: Int16Array, months: number): Int32Array {
  const counts = new Int32Array(months + 1);
  for (let i = 0; i < payback.length; i++) {
    const month = payback[i]!;
    const counted = +(month >= 0) & +(month <= endMonth[i]! - 1) & +(month < months);
    counts[counted ? month : months]!++;
  }
  return counts;
}

/**
 * scratch[i] = children x values[i] - cost x monthlyCost[i] (net of a contract cost whose shape
 * is the same in every draw), making describeColumn's first pass on the way: one pass, not two.
 * The first pass's six lines are written out here, in fillNetOfShapedCost, fillNetOfCostByDraw
 * and in momentsOf on purpose: one shared routine measuring each stretch of 512 to 8,192 values just after it was
 * written made a whole option's summaries 15-20% slower (measured on the central case).
 */
function fillNetOfCost(
  scratch: Float64Array,
  values: Float64Array | Float32Array,
  children: number,
  cost: number,
  monthlyCost: Float64Array,
): Moments {
  const n = scratch.length;
  const shift = n > 0 ? children * values[0]! - cost * monthlyCost[0]! : 0;
  let sum = 0;
  let squares = 0;
  let min = Infinity;
  let max = -Infinity;
  let positive = 0;
  for (let i = 0; i < n; i++) {
    const v = children * values[i]! - cost * monthlyCost[i]!;
    scratch[i] = v;
    const d = v - shift;
    sum += d;
    squares += d * d;
    min = Math.min(min, v);
    max = Math.max(max, v);
    positive += +(v > 0);
  }
  return { shift, sum, squares, min, max, positive };
}

/**
 * scratch[i] = children x values[i] - match x costOf(out, option, i, which), for a run
 * whose cost shape varies by draw, making describeColumn's first pass on the way. costOf's two
 * look-ups are written into the loop (the same arithmetic in the same order, so the same bits),
 * which runs four times as fast as calling it. No test inside the loop of whether the shape varies
 * (the caller knows it does): that one branch made the loop run twice as long (12 ms a million
 * values, 5.5 without it, measured on its own).
 */
function fillNetOfShapedCost(
  scratch: Float64Array,
  values: Float64Array | Float32Array,
  children: number,
  match: number,
  out: SimulationOutput,
  option: number,
  which: 0 | 1 | 2 | 3,
): Moments {
  const monthlyCost = out.monthlyCost;
  const sums = out.costSumsBySlot;
  const slot = out.costShapeSlot;
  if (!out.costShapeVaries || out.costPerDraw)
    throw new Error('fillNetOfShapedCost: the cost sums are not kept by slot (use fillNetOfCost or fillNetOfCostByDraw)');
  // This sum's column (see SimulationOutput.costSumsBySlot).
  const column = sums.subarray((option * 4 + which) * out.iterations, (option * 4 + which + 1) * out.iterations);
  const n = scratch.length;
  const shift = n > 0 ? children * values[0]! - match * (monthlyCost[0]! * column[slot[0]!]!) : 0;
  let sum = 0;
  let squares = 0;
  let min = Infinity;
  let max = -Infinity;
  let positive = 0;
  for (let i = 0; i < n; i++) {
    const v = children * values[i]! - match * (monthlyCost[i]! * column[slot[i]!]!);
    scratch[i] = v;
    const d = v - shift;
    sum += d;
    squares += d * d;
    min = Math.min(min, v);
    max = Math.max(max, v);
    positive += +(v > 0);
  }
  return { shift, sum, squares, min, max, positive };
}

/**
 * scratch[i] = children x values[i] - match x draw i's own contract cost (costByDraw), rounded to
 * single precision as the run's money is when every draw has its own cost shape, making
 * describeColumn's first pass on the rounded values on the way.
 */
function fillNetOfCostByDraw(
  scratch: Float32Array,
  values: Float32Array | Float64Array,
  children: number,
  match: number,
  out: SimulationOutput,
  option: number,
  which: 0 | 1 | 2 | 3,
): Moments {
  if (!out.costPerDraw) throw new Error('fillNetOfCostByDraw: the run keeps no cost per draw');
  const n = scratch.length;
  // This cost's column (see SimulationOutput.costByDraw).
  const column = out.costByDraw.subarray((option * 4 + which) * n, (option * 4 + which + 1) * n);
  const shift = n > 0 ? Math.fround(children * values[0]! - match * column[0]!) : 0;
  let sum = 0;
  let squares = 0;
  let min = Infinity;
  let max = -Infinity;
  let positive = 0;
  for (let i = 0; i < n; i++) {
    const v = Math.fround(children * values[i]! - match * column[i]!);
    scratch[i] = v;
    const d = v - shift;
    sum += d;
    squares += d * d;
    min = Math.min(min, v);
    max = Math.max(max, v);
    positive += +(v > 0);
  }
  return { shift, sum, squares, min, max, positive };
}

/** The value every element of `values` has, or null when they differ. */
function constantValue(values: Float64Array): number | null {
  const first = values[0];
  if (first === undefined) return null;
  for (let i = 1; i < values.length; i++) if (values[i] !== first) return null;
  return first;
}

/** How many values exceed each threshold, in one pass. countAbove([1, 5, 9], [4, 8]) -> [2, 1] */
export function countAbove(values: Float64Array | Float32Array, thresholds: readonly number[]): number[] {
  const counts = thresholds.map(() => 0);
  const limits = Float64Array.from(thresholds);
  const k = limits.length;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    for (let j = 0; j < k; j++) if (v > limits[j]!) counts[j]!++;
  }
  return counts;
}

/** A summary of scale x values + shift (scale > 0), from the summary of the values. */
function affineSummary(s: QuantileSummary, scale: number, shift: number): QuantileSummary {
  const scaled = scaleSummary(s, scale);
  return {
    ...scaled,
    mean: scaled.mean + shift,
    p5: scaled.p5 + shift,
    p10: scaled.p10 + shift,
    p25: scaled.p25 + shift,
    p50: scaled.p50 + shift,
    p75: scaled.p75 + shift,
    p90: scaled.p90 + shift,
    p95: scaled.p95 + shift,
  };
}

/**
 * Every perspective's summaries with its placements: the region's as summarised, each council's
 * the region's x children_share.
 */
export function withCouncilPlacements(
  perspectives: Record<string, PerspectiveSummary>,
  base: Inputs,
): Record<string, MonteCarloPerspective> {
  const region = perspectives.region?.residentialPlacementsAvoided;
  if (!region) throw new Error("withCouncilPlacements: the region's summaries are missing");
  const childrenShare = new Map(base.councils.map((council) => [council.name, council.childrenShare]));
  return Object.fromEntries(
    Object.entries(perspectives).map(([name, summary]) => {
      const share = childrenShare.get(name);
      return [name, { ...summary, residentialPlacementsAvoided: share === undefined ? region : scaleSummary(region, share) }];
    }),
  );
}

/** A summary of values x factor (factor >= 0), from the summary of the values. */
export function scaleSummary(s: QuantileSummary, factor: number): QuantileSummary {
  return {
    mean: s.mean * factor,
    sem: s.sem * factor,
    p5: s.p5 * factor,
    p10: s.p10 * factor,
    p25: s.p25 * factor,
    p50: s.p50 * factor,
    p75: s.p75 * factor,
    p90: s.p90 * factor,
    p95: s.p95 * factor,
  };
}

/**
 * Cumulative net cash by financial year for each fan iteration, year by year: element
 * [y x fanIterations + i] is iteration i's net cash from the start to the end of year y.
 */
export function cumulativeNetByYear(
  out: SimulationOutput,
  option: number,
  years: number,
  children: number,
  match: number,
  isCouncil: boolean,
): Float64Array {
  const f = out.fanIterations;
  const cumulative = new Float64Array(f * years);
  const avoided = out.fanAvoided[option]!;
  const cost = isCouncil ? out.fanPaid[option]! : out.fanCost[option]!;
  for (let i = 0; i < f; i++) {
    let running = 0;
    for (let y = 0; y < years; y++) {
      running += children * avoided[i * years + y]! - match * cost[i * years + y]!;
      cumulative[y * f + i] = running;
    }
  }
  return cumulative;
}

/** P5..P95 of cumulative net cash by financial year over the fan iterations. */
function fanOf(
  out: SimulationOutput,
  option: number,
  years: string[],
  children: number,
  match: number,
  isCouncil: boolean,
): MonteCarloPerspective['fan'] {
  const f = out.fanIterations;
  const cumulative = cumulativeNetByYear(out, option, years.length, children, match, isCouncil);
  return years.map((year, y) => {
    const [p5, p25, p50, p75, p95] = quantiles(cumulative.subarray(y * f, (y + 1) * f), [0.05, 0.25, 0.5, 0.75, 0.95]);
    return { year, p5: p5!, p25: p25!, p50: p50!, p75: p75!, p95: p95! };
  });
}
