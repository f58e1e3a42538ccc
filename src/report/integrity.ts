/**
 * A last check on results before anyone sees them: every figure finite, every set of percentiles
 * in order, probabilities between 0 and 1, histograms well formed. A violation means a bug (or an
 * input the validator should have refused), so the web layer turns it into an internal error with a
 * request id rather than draw a wrong chart.
 */
import type { Results } from '../model/results';

export interface IntegrityViolation {
  /** Where in the results, as a dotted path: "options.2.monteCarlo.perspectives.region.npv.p50". */
  path: string;
  /** What is wrong, in words: "is NaN", "p25 (3) is below p10 (4)". */
  problem: string;
}

/** Percentile keys in the order their values must rise. */
const PERCENTILE_ORDER = ['p5', 'p10', 'p25', 'p50', 'p75', 'p90', 'p95'] as const;
/** Keys that hold a probability. */
const PROBABILITY_KEYS = new Set(['probabilityNpvPositive', 'probabilityPaidBack']);
/** Keys that can never be negative. */
const NON_NEGATIVE_KEYS = new Set(['sem', 'probabilityNpvPositiveSem', 'iterations', 'effectiveSampleSize']);
/** Deeper than this is not a results object: stop rather than recurse without end. */
const MAX_DEPTH = 40;

function describeNumber(value: number): string {
  return Number.isNaN(value) ? 'is NaN' : `is ${value > 0 ? '' : '-'}Infinity`;
}

function join(path: string, key: string | number): string {
  return path === '' ? String(key) : `${path}.${key}`;
}

function checkPercentiles(node: Record<string, unknown>, path: string, violations: IntegrityViolation[]): void {
  let previous: { key: string; value: number } | undefined;
  for (const key of PERCENTILE_ORDER) {
    const value = node[key];
    if (typeof value !== 'number' || !Number.isFinite(value)) continue;
    if (previous !== undefined && value < previous.value) {
      violations.push({ path: join(path, key), problem: `${key} (${value}) is below ${previous.key} (${previous.value})` });
    }
    previous = { key, value };
  }
}

function checkHistogram(node: Record<string, unknown>, path: string, violations: IntegrityViolation[]): void {
  const { edges, counts } = node;
  if (!Array.isArray(edges) || !Array.isArray(counts)) return;
  if (edges.length !== counts.length + 1) {
    violations.push({ path, problem: `has ${edges.length} edges for ${counts.length} bins; expected one more edge than bins` });
  }
  for (let i = 1; i < edges.length; i += 1) {
    if (typeof edges[i] === 'number' && typeof edges[i - 1] === 'number' && (edges[i] as number) < (edges[i - 1] as number)) {
      violations.push({ path: join(join(path, 'edges'), i), problem: `edge ${edges[i]} is below the one before (${edges[i - 1]})` });
    }
  }
  counts.forEach((count, i) => {
    // After an update the counts are weighted, so not always whole numbers; never negative.
    if (typeof count === 'number' && count < 0) {
      violations.push({ path: join(join(path, 'counts'), i), problem: `count ${count} is below 0` });
    }
  });
}

function walk(node: unknown, path: string, key: string, depth: number, violations: IntegrityViolation[]): void {
  if (typeof node === 'number') {
    if (!Number.isFinite(node)) violations.push({ path, problem: describeNumber(node) });
    else if (PROBABILITY_KEYS.has(key) && (node < 0 || node > 1))
      violations.push({ path, problem: `${node} is not a probability between 0 and 1` });
    else if (NON_NEGATIVE_KEYS.has(key) && node < 0) violations.push({ path, problem: `${node} is below 0` });
    return;
  }
  if (typeof node !== 'object' || node === null) return;
  if (depth > MAX_DEPTH) {
    violations.push({ path, problem: `is nested more than ${MAX_DEPTH} levels deep` });
    return;
  }
  if (Array.isArray(node)) {
    node.forEach((item, i) => walk(item, join(path, i), key, depth + 1, violations));
    return;
  }
  const record = node as Record<string, unknown>;
  checkPercentiles(record, path, violations);
  if (key === 'npvHistogram') checkHistogram(record, path, violations);
  for (const [childKey, child] of Object.entries(record)) walk(child, join(path, childKey), childKey, depth + 1, violations);
}

/**
 * Every integrity violation in `results`; an empty list when all is well. Walks the whole object,
 * so sections added later (monitoring, value of information) are checked too. `null` is allowed
 * (it means "none", as for a payback that never comes); NaN and infinities are not.
 * @example integrityViolations(results) // []
 * @example integrityViolations({ ...results, options: [{ ...option, breakEven: { placementsNeeded: NaN, switchingValues: {} } }] })
 *   // [{ path: 'options.0.breakEven.placementsNeeded', problem: 'is NaN' }]
 */
export function integrityViolations(results: Results): IntegrityViolation[] {
  const violations: IntegrityViolation[] = [];
  walk(results, '', '', 0, violations);
  return violations;
}

/** Thrown when results fail the integrity check; the message lists the first few violations. */
export class IntegrityError extends Error {
  readonly violations: readonly IntegrityViolation[];
  constructor(violations: readonly IntegrityViolation[]) {
    const shown = violations.slice(0, 5).map((violation) => `${violation.path} ${violation.problem}`);
    const more = violations.length > shown.length ? `; and ${violations.length - shown.length} more` : '';
    super(`results failed the integrity check: ${shown.join('; ')}${more}`);
    this.name = 'IntegrityError';
    this.violations = violations;
  }
}

/**
 * The results unchanged when they pass the integrity check; throws IntegrityError otherwise.
 * @example checkedResults(results) === results // true
 */
export function checkedResults<T extends Results>(results: T): T {
  const violations = integrityViolations(results);
  if (violations.length > 0) throw new IntegrityError(violations);
  return results;
}
