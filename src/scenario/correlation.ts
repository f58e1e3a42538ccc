/**
 * Whether a set of rank correlations can hold together (shared/model.md section 10): the
 * Iman-Conover method needs a positive definite correlation matrix.
 */
import type { Correlation } from './types';

/**
 * True when a symmetric matrix is positive definite, by attempting its Cholesky factorisation.
 * isPositiveDefinite([[1, 0.5], [0.5, 1]]) -> true; isPositiveDefinite([[1, 0.9, -0.9], [0.9, 1, 0.9], [-0.9, 0.9, 1]]) -> false
 */
export function isPositiveDefinite(matrix: readonly (readonly number[])[]): boolean {
  const size = matrix.length;
  const lower: number[][] = Array.from({ length: size }, () => new Array<number>(size).fill(0));
  for (let row = 0; row < size; row++) {
    for (let column = 0; column <= row; column++) {
      let sum = matrix[row]![column]!;
      for (let k = 0; k < column; k++) sum -= lower[row]![k]! * lower[column]![k]!;
      if (row === column) {
        if (!(sum > 1e-12)) return false;
        lower[row]![row] = Math.sqrt(sum);
      } else {
        lower[row]![column] = sum / lower[column]![column]!;
      }
    }
  }
  return true;
}

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
