/**
 * Latin hypercube sampling: each input's n draws take exactly one value from each of n
 * equally likely strata, in random order.
 */
import type { Distribution } from '../distribution';
import { quantileFunction, type QuantileFunction } from './quantile';
import { QuantileTable } from './quantileTable';
import type { Rng } from './rng';

/** The largest double below 1, so a stratum's upper edge never maps to an infinite quantile. */
const BELOW_ONE = 1 - 2 ** -53;

/**
 * Shuffles an array in place (Fisher-Yates), every order equally likely.
 * shuffleInPlace(createRng(1), Float64Array.of(1, 2, 3)) -> the same three numbers, reordered
 */
export function shuffleInPlace(rng: Rng, values: Float64Array): void {
  for (let i = values.length - 1; i > 0; i--) {
    const j = Math.floor(rng() * (i + 1));
    const held = values[i]!;
    values[i] = values[j]!;
    values[j] = held;
  }
}

/**
 * Fills a column with a Latin hypercube sample of one distribution: draw i is the quantile
 * at (i + u_i) / n for a uniform u_i, and the column is then shuffled.
 * latinHypercubeInto(createRng(1), { dist: 'uniform', min: 0, max: 1 }, new Float64Array(4))
 *   -> one value in each of [0, .25), [.25, .5), [.5, .75), [.75, 1), in random order
 */
export function latinHypercubeInto(rng: Rng, d: Distribution, out: Float64Array): void {
  stratifiedProbabilitiesInto(rng, out);
  quantilesInPlace(d, out, 0, out.length);
}

/**
 * The first step of latinHypercubeInto: the probabilities (i + u_i) / n, shuffled. The quantiles
 * can then be taken in place, in any order or in pieces on several threads (quantilesInPlace):
 * taking them before the shuffle or after gives the same column, as each value is moved, never changed.
 */
export function stratifiedProbabilitiesInto(rng: Rng, out: Float64Array): void {
  const count = out.length;
  for (let i = 0; i < count; i++) out[i] = Math.min(BELOW_ONE, (i + rng()) / count);
  shuffleInPlace(rng, out);
}

/**
 * Columns at least this long take a beta or PERT input's quantiles from a QuantileTable (within
 * 1e-13 of the value, relative; about 70 ns a value, not 750): building one (8,193 exact
 * quantiles, 6-20 ms) costs less than the exact quantiles of a piece of 65,536. Shorter columns,
 * and every other distribution (whose quantile is a formula), take the exact quantile. A
 * function of the column's length only, so a seed gives the same draws however the column is
 * split into pieces or threads.
 */
export const TABLE_FROM = 1 << 16;

/** Tables kept per thread, by distribution (a run's pieces of one column share one). */
const tables = new Map<string, QuantileTable>();
const TABLES_KEPT = 32;

/** The quantile function quantilesInPlace uses for a column of `length` draws of d. */
export function columnQuantileFunction(d: Distribution, length: number): QuantileFunction {
  const inverse = quantileFunction(d);
  if (length < TABLE_FROM || (d.dist !== 'beta' && d.dist !== 'pert')) return inverse;
  const key = JSON.stringify(d);
  let table = tables.get(key);
  if (!table) {
    if (tables.size >= TABLES_KEPT) tables.clear();
    table = new QuantileTable(inverse);
    tables.set(key, table);
  }
  const kept = table;
  return (p) => kept.at(p);
}

/** Replaces probabilities [from, to) of `column` by the distribution's quantiles at them (columnQuantileFunction). */
export function quantilesInPlace(d: Distribution, column: Float64Array, from: number, to: number): void {
  const inverse = columnQuantileFunction(d, column.length);
  for (let i = from; i < to; i++) column[i] = inverse(column[i]!);
}

/**
 * A Latin hypercube sample: one column of `iterations` draws per distribution, columns
 * filled in order from the same generator (so the sample is fixed by the seed).
 * latinHypercube(createRng(1), [pertA, normalB], 1000) -> [Float64Array(1000), Float64Array(1000)]
 */
export function latinHypercube(
  rng: Rng,
  distributions: readonly Distribution[],
  iterations: number,
  into: readonly Float64Array[] = distributions.map(() => new Float64Array(iterations)),
): Float64Array[] {
  return distributions.map((d, j) => {
    const column = into[j]!;
    latinHypercubeInto(rng, d, column);
    return column;
  });
}
