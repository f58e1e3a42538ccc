/**
 * Whether a set of rank correlations can hold together (shared/model.md section 10): the
 * Iman-Conover method needs a positive definite correlation matrix.
 */
import type { Correlation } from './types';

/**
 * The correlation matrix of the inputs named in a list of pairwise rank correlations (1 on the
 * diagonal, 0 for pairs not given), with the inputs in order of first mention.
 * correlationMatrix([{ between: ['a', 'b'], rank: 0.5 }]) -> { paths: ['a', 'b'], matrix: [[1, 0.5], [0.5, 1]] }
 */
export function correlationMatrix(correlations: readonly Correlation[]): { paths: string[]; matrix: number[][] } {
  const paths = [...new Set(correlations.flatMap((correlation) => correlation.between))];
  const matrix = paths.map((_, row) => paths.map((__, column): number => (row === column ? 1 : 0)));
  for (const { between, rank } of correlations) {
    const row = paths.indexOf(between[0]);
    const column = paths.indexOf(between[1]);
    matrix[row]![column] = rank;
    matrix[column]![row] = rank;
  }
  return { paths, matrix };
}
