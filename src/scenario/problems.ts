/**
 * Problems in a user's scenario, and the one way they are printed (shared/model.md section 13).
 */
import type { Problem } from './types';

/**
 * The line a person sees for one problem: `FILE:LINE:COLUMN key.path: message`.
 * formatProblem({ file: 'a.yaml', line: 3, column: 5, path: 'outcomes.effectiveness', message: 'expected ...' })
 * -> "a.yaml:3:5 outcomes.effectiveness: expected ..."
 */
export function formatProblem(problem: Problem): string {
  const where = `${problem.file}:${problem.line}:${problem.column}`;
  return problem.path === '' ? `${where} ${problem.message}` : `${where} ${problem.path}: ${problem.message}`;
}

/** Problems in reading order: by file (the scenario before `--set`), line, then column. */
export function sortProblems(problems: readonly Problem[]): Problem[] {
  return [...problems].sort(
    (a, b) =>
      Number(a.file === '--set') - Number(b.file === '--set') || a.line - b.line || a.column - b.column || a.path.localeCompare(b.path),
  );
}

/** Dotted key path of zod or YAML path segments: ["councils", 0, "name"] -> "councils.0.name". */
export function dottedPath(segments: readonly PropertyKey[]): string {
  return segments.map(String).join('.');
}
