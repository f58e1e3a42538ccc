/**
 * Rank correlation between inputs by Iman and Conover (1982): each column keeps its values
 * and is only reordered, so its marginal distribution is untouched.
 */
import { standardNormalQuantile } from './normal';
import { shuffleInPlace } from './lhs';
import type { Rng } from './rng';

/** A square matrix of rank correlations, row by row. */
export type CorrelationMatrix = readonly (readonly number[])[];

/** Either the reordered columns, or what is wrong with the correlations, in words for the user. */
export type CorrelateResult = { ok: true; columns: Float64Array[] } | { ok: false; errors: string[] };

/**
 * The lower-triangular Cholesky factor L with L L^T = matrix, or undefined when the matrix
 * is not (numerically) positive definite.
 * cholesky([[1, 0.6], [0.6, 1]]) -> [[1, 0], [0.6, 0.8]]
 */
export function cholesky(matrix: CorrelationMatrix): Float64Array[] | undefined {
  const size = matrix.length;
  const lower = Array.from({ length: size }, () => new Float64Array(size));
  for (let i = 0; i < size; i++) {
    for (let j = 0; j <= i; j++) {
      let sum = matrix[i]![j]!;
      for (let k = 0; k < j; k++) sum -= lower[i]![k]! * lower[j]![k]!;
      if (i === j) {
        if (!(sum > 1e-12)) return undefined;
        lower[i]![i] = Math.sqrt(sum);
      } else {
        lower[i]![j] = sum / lower[j]![j]!;
      }
    }
  }
  return lower;
}

/**
 * What is wrong with a rank-correlation matrix, as messages a user can act on: asymmetry,
 * a diagonal other than 1, entries outside [-1, 1], or a set that cannot hold at once (not
 * positive definite), naming the smallest group of inputs at fault. Empty when it is usable.
 * correlationMatrixProblems([[1, 2], [2, 1]], ['a', 'b']) -> ['a~b 2: a rank correlation must be between -1 and 1']
 */
export function correlationMatrixProblems(matrix: CorrelationMatrix, names: readonly string[]): string[] {
  const size = names.length;
  if (matrix.length !== size || matrix.some((row) => row.length !== size)) {
    throw new RangeError(`correlation matrix must be ${size} x ${size}`);
  }
  const problems: string[] = [];
  for (let i = 0; i < size; i++) {
    const self = matrix[i]![i]!;
    if (self !== 1) problems.push(`the correlation of ${names[i]} with itself must be 1, not ${self}`);
    for (let j = i + 1; j < size; j++) {
      const value = matrix[i]![j]!;
      const mirror = matrix[j]![i]!;
      const pair = `${names[i]}~${names[j]}`;
      if (!(value >= -1 && value <= 1)) problems.push(`${pair} ${value}: a rank correlation must be between -1 and 1`);
      else if (mirror !== value) problems.push(`${pair} is given as ${value} one way and ${mirror} the other`);
      else if (Math.abs(value) === 1) {
        problems.push(
          `${pair} ${value}: a rank correlation of exactly 1 or -1 cannot be simulated; use 0.99, or write one input as a formula of the other`,
        );
      }
    }
  }
  if (problems.length > 0 || cholesky(matrix) !== undefined) return problems;
  const culprits = smallestImpossibleGroup(matrix) ?? [...Array(size).keys()];
  const pairs: string[] = [];
  for (let a = 0; a < culprits.length; a++) {
    for (let b = a + 1; b < culprits.length; b++) {
      const [i, j] = [culprits[a]!, culprits[b]!];
      if (matrix[i]![j] !== 0) pairs.push(`${names[i]}~${names[j]} ${matrix[i]![j]}`);
    }
  }
  return [`these correlations cannot all hold at once (the matrix is not positive definite): ${pairs.join(', ')}`];
}

/** The first group of three, then four, inputs whose correlations alone are impossible. */
function smallestImpossibleGroup(matrix: CorrelationMatrix): number[] | undefined {
  const size = matrix.length;
  const submatrix = (group: number[]): number[][] => group.map((i) => group.map((j) => matrix[i]![j]!));
  for (const groupSize of [3, 4]) {
    if (groupSize >= size) return undefined;
    const group = Array.from({ length: groupSize }, (_, i) => i);
    for (;;) {
      if (cholesky(submatrix(group)) === undefined) return [...group];
      // Next combination in lexicographic order.
      let position = groupSize - 1;
      while (position >= 0 && group[position] === size - groupSize + position) position--;
      if (position < 0) break;
      group[position]!++;
      for (let later = position + 1; later < groupSize; later++) group[later] = group[later - 1]! + 1;
    }
  }
  return undefined;
}

/**
 * Ranks of values, 1 to n, ties given their average rank.
 * ranks(Float64Array.of(10, 30, 20, 20)) -> [1, 4, 2.5, 2.5]
 */
export function ranks(values: Float64Array): Float64Array {
  const order = sortedOrder(values);
  const result = new Float64Array(values.length);
  for (let start = 0; start < order.length;) {
    let end = start + 1;
    while (end < order.length && values[order[end]!] === values[order[start]!]) end++;
    const rank = (start + end + 1) / 2;
    for (let i = start; i < end; i++) result[order[i]!] = rank;
    start = end;
  }
  return result;
}

/**
 * Spearman's rank correlation: the Pearson correlation of the ranks.
 * rankCorrelation(Float64Array.of(1, 2, 3), Float64Array.of(10, 30, 20)) -> 0.5
 */
export function rankCorrelation(x: Float64Array, y: Float64Array): number {
  return pearson(ranks(x), ranks(y));
}

function pearson(x: Float64Array, y: Float64Array): number {
  const count = x.length;
  let meanX = 0;
  let meanY = 0;
  for (let i = 0; i < count; i++) {
    meanX += x[i]!;
    meanY += y[i]!;
  }
  meanX /= count;
  meanY /= count;
  let xy = 0;
  let xx = 0;
  let yy = 0;
  for (let i = 0; i < count; i++) {
    const dx = x[i]! - meanX;
    const dy = y[i]! - meanY;
    xy += dx * dy;
    xx += dx * dx;
    yy += dy * dy;
  }
  return xy / Math.sqrt(xx * yy);
}

/**
 * Indices that sort values ascending, equal values in index order: the order of
 * `indices.sort((a, b) => values[a] - values[b] || a - b)` for values that are not NaN, found by a
 * stable radix sort on the bits of each value (eight passes of 8 bits), which takes a few
 * hundredths of a second for a million values where the comparison sort took over a second.
 * sortedOrder(Float64Array.of(3, -1, 3, 0)) -> Uint32Array [1, 3, 0, 2]
 */
export function sortedOrder(values: Float64Array, scratch: SortScratch = new SortScratch(values.length)): Uint32Array {
  const n = values.length;
  if (scratch.size < n) throw new RangeError(`sortedOrder: scratch for ${scratch.size} values, not ${n}`);
  // Each value's bits as an unsigned key in numeric order: negative values have every bit
  // flipped, others only the sign bit; -0 counts as 0 (they compare equal).
  let [high, low, order, spareHigh, spareLow, spareOrder] = scratch.arrays.map((a) => a.subarray(0, n)) as [
    Uint32Array,
    Uint32Array,
    Uint32Array,
    Uint32Array,
    Uint32Array,
    Uint32Array,
  ];
  const bits = new Float64Array(1);
  const words = new Uint32Array(bits.buffer);
  const hi = LITTLE_ENDIAN ? 1 : 0;
  for (let i = 0; i < n; i++) {
    bits[0] = values[i]! === 0 ? 0 : values[i]!;
    const h = words[hi]!;
    const l = words[1 - hi]!;
    const negative = h >>> 31 === 1;
    high[i] = negative ? ~h >>> 0 : (h | 0x80000000) >>> 0;
    low[i] = negative ? ~l >>> 0 : l;
    order[i] = i;
  }
  // Least significant digit first, keys carried with their indices so every pass reads in order.
  const counts = new Uint32Array(RADIX + 1);
  for (let pass = 0; pass < 64 / RADIX_BITS; pass++) {
    const shift = (pass * RADIX_BITS) % 32;
    const key = pass * RADIX_BITS < 32 ? low : high;
    counts.fill(0);
    for (let i = 0; i < n; i++) counts[((key[i]! >>> shift) & RADIX_MASK) + 1]!++;
    if (counts[1 + ((key[0]! >>> shift) & RADIX_MASK)] === n) continue; // every key has this digit
    for (let d = 1; d <= RADIX; d++) counts[d]! += counts[d - 1]!;
    for (let i = 0; i < n; i++) {
      const to = counts[(key[i]! >>> shift) & RADIX_MASK]!++;
      spareHigh[to] = high[i]!;
      spareLow[to] = low[i]!;
      spareOrder[to] = order[i]!;
    }
    [high, spareHigh] = [spareHigh, high];
    [low, spareLow] = [spareLow, low];
    [order, spareOrder] = [spareOrder, order];
  }
  return order;
}

/**
 * The six columns sortedOrder works in, for up to `size` values: made once and passed to every
 * call of a run (Iman-Conover sorts one column per input), not made again each time.
 */
export class SortScratch {
  readonly arrays: Uint32Array[];
  constructor(
    readonly size: number,
    columns: WorkingColumns = FRESH_COLUMNS,
  ) {
    this.arrays = Array.from({ length: 6 }, () => columns.words(size));
  }
}

/**
 * Where imanConover takes its working columns from: new arrays, or views of memory lent for the
 * step (a run's output, not yet written: see src/run/sampling.ts).
 */
export interface WorkingColumns {
  doubles(length: number): Float64Array;
  words(length: number): Uint32Array;
}

export const FRESH_COLUMNS: WorkingColumns = {
  doubles: (length) => new Float64Array(length),
  words: (length) => new Uint32Array(length),
};

/** Bits of the key sorted in each pass of sortedOrder (8 passes of 8 bits: 256 places to write to). */
const RADIX_BITS = 8;
const RADIX = 1 << RADIX_BITS;
const RADIX_MASK = RADIX - 1;

/** True on a little-endian machine (the order of a double's two 32-bit words). */
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;

/**
 * Reorders columns so their rank correlations approach the target (Iman-Conover). Van der
 * Waerden scores Phi^-1(i / (n + 1)) are shuffled per column, decorrelated by the Cholesky
 * factor of their own sample correlation, and recorrelated by the target's factor; each
 * column is then arranged in the ranks of its score column. The target is first turned
 * into the Pearson correlation of normal scores, 2 sin(pi r / 6), so the achieved
 * Spearman correlation matches r rather than being about 0.02 low. Inputs are not changed.
 * imanConover(createRng(1), [a, b], [[1, 0.7], [0.7, 1]], ['a', 'b']) -> { ok: true, columns: [a', b'] }
 */
export function imanConover(
  rng: Rng,
  columns: readonly Float64Array[],
  target: CorrelationMatrix,
  names: readonly string[] = columns.map((_, i) => `input ${i + 1}`),
  /** Where the rearranged columns go (the input columns themselves may be given: each is copied before it is overwritten). */
  into?: readonly Float64Array[],
  /** Where its working columns come from (the same values wherever they are). */
  working: WorkingColumns = FRESH_COLUMNS,
): CorrelateResult {
  const size = columns.length;
  if (names.length !== size) throw new RangeError(`imanConover: ${size} columns but ${names.length} names`);
  const problems = correlationMatrixProblems(target, names);
  if (problems.length > 0) return { ok: false, errors: problems };
  const count = size === 0 ? 0 : columns[0]!.length;
  if (columns.some((column) => column.length !== count)) throw new RangeError('imanConover: columns differ in length');
  if (size < 2 || count < 3) {
    return { ok: true, columns: columns.map((column, j) => (into ? (into[j]!.set(column), into[j]!) : column.slice())) };
  }

  const scores = working.doubles(count);
  for (let i = 0; i < count; i++) scores[i] = standardNormalQuantile((i + 1) / (count + 1));
  // The first input takes the scores themselves, the others copies made before any is shuffled.
  const shuffled = columns.map((_, j) => {
    if (j === 0) return scores;
    const copy = working.doubles(count);
    copy.set(scores);
    return copy;
  });
  for (const column of shuffled) shuffleInPlace(rng, column);

  // Symmetric (pearson(x, y) and pearson(y, x) are the same bits): each pair worked out once.
  const sampleCorrelation = shuffled.map(() => new Array<number>(size).fill(0));
  for (let i = 0; i < size; i++) {
    for (let j = i; j < size; j++) sampleCorrelation[i]![j] = sampleCorrelation[j]![i] = pearson(shuffled[i]!, shuffled[j]!);
  }
  const identity = shuffled.map((_, i) => shuffled.map((__, j) => (i === j ? 1 : 0)));
  // A singular score correlation (fewer rows than columns) leaves the scores as they are.
  const decorrelate = cholesky(sampleCorrelation) ?? cholesky(identity)!;
  const normalTarget = target.map((row, i) => row.map((r, j) => (i === j ? 1 : 2 * Math.sin((Math.PI * r) / 6))));
  const recorrelate = cholesky(normalTarget) ?? cholesky(target)!;

  // Worked out in place: each row's scores are all read before any of them is written.
  const correlated = shuffled;
  const free = new Float64Array(size);
  for (let row = 0; row < count; row++) {
    // free = decorrelate^-1 * scores(row), by forward substitution; then correlated(row) = recorrelate * free.
    for (let i = 0; i < size; i++) {
      let sum = shuffled[i]![row]!;
      for (let k = 0; k < i; k++) sum -= decorrelate[i]![k]! * free[k]!;
      free[i] = sum / decorrelate[i]![i]!;
    }
    for (let i = 0; i < size; i++) {
      let sum = 0;
      for (let k = 0; k <= i; k++) sum += recorrelate[i]![k]! * free[k]!;
      correlated[i]![row] = sum;
    }
  }

  const sortedValues = working.doubles(count);
  const scratch = new SortScratch(count, working);
  const result = columns.map((column, j) => {
    const order = sortedOrder(correlated[j]!, scratch);
    // The correlated scores are not needed once ordered: their column takes the arranged values
    // unless `into` says where they go.
    sortedValues.set(column);
    sortedValues.sort();
    const arranged = into ? into[j]! : correlated[j]!;
    for (let rank = 0; rank < count; rank++) arranged[order[rank]!] = sortedValues[rank]!;
    return arranged;
  });
  return { ok: true, columns: result };
}
