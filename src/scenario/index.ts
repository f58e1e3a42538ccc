/**
 * The scenario layer: YAML text in, a typed and validated Scenario out (shared/model.md
 * sections 2, 10, 11, 12, 13, 15 and 16-19). No Express, no file system.
 */
export { loadScenario, DEFAULT_MONTE_CARLO } from './load';
export { formatProblem, sortProblems } from './problems';
export { parseOverride, OVERRIDE_FILE, type Override } from './overrides';
export { buildInputs, centralValues, uncertainPaths, valuesWith, yearMonthOf } from './inputs';
export { compileFormula, isReservedName, MAX_FORMULA_DEPTH, MAX_FORMULA_LENGTH } from './formula';
export { scenarioHash } from './hash';
export { INPUT_PATHS, INPUT_PATH_BY_NAME, type InputPath } from './paths';
export { truncationsOf, TRUNCATION_NOTE_THRESHOLD, type Truncated } from './truncation';
export type * from './types';
