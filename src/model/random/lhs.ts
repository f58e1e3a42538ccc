/**
 * Latin hypercube sampling: each input's n draws take exactly one value from each of n
 * equally likely strata, in random order. Draw i of a column lies in stratum pi(i), pi a
 * permutation of 0 .. n - 1 picked by the column's key and read one element at a time (permute),
 * at a uniform point within it: so any stretch of a column can be drawn on its own (a block, on
 * any thread), with no column of the whole run held in memory.
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
 * Element `index` of a permutation of 0 .. length - 1 (length up to 2^31) picked by a 32-bit key:
 * Kensler's hash-based permutation ("Correlated Multi-Jittered Sampling", Pixar Technical Memo
 * 13-01, 2013, `permute`). Each step (xor with the key, multiplication by an odd constant, xor
 * with itself shifted right within the mask) is a bijection on the low bits of the smallest power
 * of two at least `length`, so the whole hash is; a result at `length` or past it is hashed again
 * (cycle walking) until it falls inside, which keeps it a bijection on 0 .. length - 1; a rotation
 * by the key ends it. The hash steps are the memo's, in unsigned 32-bit arithmetic (Math.imul,
 * >>>), to the bit; the rotation is not, on purpose: the memo's (i + p) % l wraps at 2^32 first,
 * and is then not a bijection when l is not a power of two (l = 3, p = 0xffffffff gives 1, 0, 0),
 * so this one adds p % length.
 * permute(3, 10, 7) -> a whole number from 0 to 9, a different one for each index from 0 to 9
 */
export function permute(index: number, length: number, key: number): number {
  let w = length - 1;
  w |= w >>> 1;
  w |= w >>> 2;
  w |= w >>> 4;
  w |= w >>> 8;
  w |= w >>> 16;
  const p = key >>> 0;
  let i = index;
  do {
    i ^= p;
    i = Math.imul(i, 0xe170893d);
    i ^= p >>> 16;
    i ^= (i & w) >>> 4;
    i ^= p >>> 8;
    i = Math.imul(i, 0x0929eb3f);
    i ^= p >>> 23;
    i ^= (i & w) >>> 1;
    i = Math.imul(i, 1 | (p >>> 27));
    i = Math.imul(i, 0x6935fa69);
    i ^= (i & w) >>> 11;
    i = Math.imul(i, 0x74dcb303);
    i ^= (i & w) >>> 2;
    i = Math.imul(i, 0x9e501cc3);
    i ^= (i & w) >>> 2;
    i = Math.imul(i, 0xc860a3df);
    i &= w;
    i ^= i >>> 5;
  } while (i >= length);
  return (i + (p % length)) % length;
}

/**
 * Draws from..from + out.length - 1 of a Latin hypercube column of `length` draws of d: draw i is
 * the quantile at (permute(i, length, key) + u) / length, u the next uniform from `rng` (the
 * stretch's own stream). Any split of a column into stretches gives the same column when each
 * stretch's stream is the same.
 */
export function latinHypercubeStretch(d: Distribution, key: number, rng: Rng, length: number, from: number, out: Float64Array): void {
  const inverse = columnQuantileFunction(d, length);
  for (let k = 0; k < out.length; k++) out[k] = inverse(Math.min(BELOW_ONE, (permute(from + k, length, key) + rng()) / length));
}

/**
 * Columns at least this long take a beta or PERT input's quantiles from a QuantileTable (within
 * about 1e-13 of the value, relative, or a few units in the last place of a PERT's range where its
 * values pass through 0; about 70 ns a value, not 750): building one (8,189 exact quantiles,
 * 6-20 ms, once per thread) costs less than 65,536 exact quantiles. Shorter columns, and every
 * other distribution (whose quantile is a formula), take the exact quantile. A function of the
 * column's length only, so a seed gives the same draws however the column is split into blocks or
 * threads.
 */
export const TABLE_FROM = 1 << 16;

/**
 * Tables kept per thread, by distribution (every block of a run's column uses the same one). Room
 * for more than a scenario's inputs (at most 200 variables and the model's quantities), so a run
 * never builds a table twice; past it the oldest goes (about 37 kB each).
 */
const tables = new Map<string, QuantileTable>();
const TABLES_KEPT = 512;

/** The quantile function a Latin hypercube column of `length` draws of d uses. */
export function columnQuantileFunction(d: Distribution, length: number): QuantileFunction {
  const inverse = quantileFunction(d);
  if (length < TABLE_FROM || (d.dist !== 'beta' && d.dist !== 'pert')) return inverse;
  const key = JSON.stringify(d);
  let table = tables.get(key);
  if (!table) {
    if (tables.size >= TABLES_KEPT) tables.delete(tables.keys().next().value!);
    table = new QuantileTable(inverse);
    tables.set(key, table);
  }
  const kept = table;
  return (p) => kept.at(p);
}

/**
 * A Latin hypercube sample: one column of `iterations` draws per distribution, each column's key
 * and then its uniforms taken from `rng` in turn (so the sample is fixed by the seed).
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
    latinHypercubeStretch(d, Math.floor(rng() * 2 ** 32), rng, iterations, 0, column);
    return column;
  });
}
