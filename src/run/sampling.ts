/**
 * Whole-run draws, for Latin hypercube sampling or rank-correlated inputs (Iman-Conover), which
 * need every iteration's draws at once.
 */
import { imanConover } from '../model/random/correlate';
import { latinHypercube } from '../model/random/lhs';
import { createRng, deriveSeed } from '../model/random/rng';
import { sampleInto } from '../model/random/sample';
import type { DrawSource } from './draws';
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
  let columns: Float64Array[];
  if (request.sampling === 'latin_hypercube') {
    columns = latinHypercube(
      createRng(deriveSeed(request.seed, 'latin-hypercube')),
      sources.map((s) => s.distribution),
      request.iterations,
      into,
    );
  } else {
    columns = sources.map((s, j) => {
      const column = into[j]!;
      sampleInto(createRng(deriveSeed(request.seed, `${s.path}#run`)), s.distribution, column);
      return column;
    });
  }
  if (request.correlations.length === 0) return columns;
  const index = new Map(sources.map((s, i) => [s.path, i]));
  const matrix: number[][] = sources.map((_, i) => sources.map((__, j) => (i === j ? 1 : 0)));
  for (const { between, rank } of request.correlations) {
    const a = index.get(between[0]);
    const b = index.get(between[1]);
    if (a === undefined || b === undefined) throw new Error(`correlation between ${between.join(' and ')}: both must be uncertain inputs`);
    matrix[a]![b] = rank;
    matrix[b]![a] = rank;
  }
  const result = imanConover(
    createRng(deriveSeed(request.seed, 'iman-conover')),
    columns,
    matrix,
    sources.map((s) => s.path),
    columns,
  );
  if (!result.ok) throw new Error(result.errors.join('; '));
  return result.columns;
}
