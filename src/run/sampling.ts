/**
 * Whole-run draws, for rank-correlated inputs (Iman-Conover), which need every iteration's draws
 * at once. In two steps, so the pool can share the first between its threads: (1) pieces of the
 * columns: for random sampling a column drawn whole from its own stream, for Latin hypercube a
 * block of every column, as blockDraws makes it; (2) the correlations. fullRunDraws runs both on
 * one thread.
 */
import { imanConover, type WorkingColumns } from '../model/random/correlate';
import { createRng, deriveSeed } from '../model/random/rng';
import { sampleInto } from '../model/random/sample';
import { blockDraws, BLOCK_SIZE, type DrawSource } from './draws';
import type { MonteCarloRequest } from './request';

/**
 * One column of `request.iterations` draws per source, correlated as the request asks: new columns,
 * or `into`'s (a run's shared buffer), written in place so no second copy of the run's draws is made.
 */
export function fullRunDraws(
  sources: readonly DrawSource[],
  request: MonteCarloRequest,
  into: readonly Float64Array[] = sources.map(() => new Float64Array(request.iterations)),
): Float64Array[] {
  const pieces = drawPieceCount(sources, request);
  for (let piece = 0; piece < pieces; piece++) drawPiece(sources, request, into, piece);
  correlateDraws(sources, request, into);
  return [...into];
}

/** Step 1's pieces: a column each for random sampling; a block of every column for Latin hypercube. */
export function drawPieceCount(sources: readonly DrawSource[], request: MonteCarloRequest): number {
  return request.sampling === 'latin_hypercube' ? Math.ceil(request.iterations / BLOCK_SIZE) : sources.length;
}

/** Step 1, one piece: each piece is written by exactly one call, whatever the order. */
export function drawPiece(
  sources: readonly DrawSource[],
  request: MonteCarloRequest,
  columns: readonly Float64Array[],
  piece: number,
): void {
  if (request.sampling === 'latin_hypercube') {
    const from = piece * BLOCK_SIZE;
    const to = Math.min(request.iterations, from + BLOCK_SIZE);
    blockDraws(
      sources,
      request,
      piece,
      to - from,
      columns.map((column) => column.subarray(from, to)),
    );
    return;
  }
  const source = sources[piece]!;
  sampleInto(createRng(deriveSeed(request.seed, `${source.path}#run`)), source.distribution, columns[piece]!);
}

/**
 * Step 2: the rank correlations the request asks for, by Iman-Conover, in place. Only the inputs
 * named in a correlation are rearranged; the others keep the order they were drawn in (independent
 * of everything, as they should be). Rearranging every input, as before, took a second per input
 * at a million draws and a column of scores each.
 */
export function correlateDraws(
  sources: readonly DrawSource[],
  request: MonteCarloRequest,
  columns: readonly Float64Array[],
  working?: WorkingColumns,
): void {
  if (request.correlations.length === 0) return;
  const index = new Map(sources.map((s, i) => [s.path, i]));
  const named = new Set<number>();
  for (const { between } of request.correlations) {
    const a = index.get(between[0]);
    const b = index.get(between[1]);
    if (a === undefined || b === undefined) throw new Error(`correlation between ${between.join(' and ')}: both must be uncertain inputs`);
    named.add(a).add(b);
  }
  const correlated = [...named].sort((a, b) => a - b);
  const place = new Map(correlated.map((source, k) => [source, k]));
  const matrix: number[][] = correlated.map((_, i) => correlated.map((__, j) => (i === j ? 1 : 0)));
  for (const { between, rank } of request.correlations) {
    const a = place.get(index.get(between[0])!)!;
    const b = place.get(index.get(between[1])!)!;
    matrix[a]![b] = rank;
    matrix[b]![a] = rank;
  }
  const chosen = correlated.map((source) => columns[source]!);
  const result = imanConover(
    createRng(deriveSeed(request.seed, 'iman-conover')),
    chosen,
    matrix,
    correlated.map((source) => sources[source]!.path),
    chosen,
    working,
  );
  if (!result.ok) throw new Error(result.errors.join('; '));
}

/**
 * Working columns for Iman-Conover carved from `buffer` (a run's output, which nothing has written
 * yet and which will hold more than the step needs), falling back to new arrays past its end; the
 * caller zeroes what was used (`used()` bytes from the start) before the output is written.
 */
export function lentColumns(buffer: ArrayBufferLike): WorkingColumns & { used(): number } {
  let offset = 0;
  const carve = <T>(bytes: number, view: (at: number) => T, fresh: () => T): T => {
    if (offset + bytes > buffer.byteLength) return fresh();
    const at = offset;
    offset += Math.ceil(bytes / 8) * 8;
    return view(at);
  };
  return {
    doubles: (length) =>
      carve(
        length * 8,
        (at) => new Float64Array(buffer, at, length),
        () => new Float64Array(length),
      ),
    words: (length) =>
      carve(
        length * 4,
        (at) => new Uint32Array(buffer, at, length),
        () => new Uint32Array(length),
      ),
    used: () => offset,
  };
}
