/**
 * zod issues as Problems: each placed at the YAML text it is about.
 */
import type * as z from 'zod';
import { locate, type Aim, type ScenarioDocument } from './document';
import { dottedPath } from './problems';
import { AT_KEY, FORMULA_OFFSET, UNKNOWN_KEY, WRONG_FORM } from './schema';
import type { Problem } from './types';

type Issue = z.core.$ZodIssue;

/** An issue that says the value is not of this union branch's type or form at all. */
function notThisBranch(inner: Issue): boolean {
  return inner.path.length === 0 && (inner.code === 'invalid_type' || paramsOf(inner)[WRONG_FORM] === true);
}

/**
 * A union (number | formula | distribution | { value, source }) that failed reports every branch.
 * When exactly one branch got past the type and form of the value, its issues are the ones that
 * matter: a distribution object with a bad parameter should say so, not "expected a number".
 */
function flatten(issue: Issue, prefix: readonly PropertyKey[]): Issue[] {
  const path = [...prefix, ...issue.path];
  if (issue.code === 'invalid_union' && issue.errors.length > 0) {
    const typed = issue.errors.filter((branch) => !branch.some(notThisBranch));
    if (typed.length === 1) return typed[0]!.flatMap((inner) => flatten(inner, path));
  }
  return [{ ...issue, path }];
}

function paramsOf(issue: Issue): Record<string, unknown> {
  return issue.code === 'custom' ? ((issue as { params?: Record<string, unknown> }).params ?? {}) : {};
}

function aimFor(issue: Issue): Aim {
  const params = paramsOf(issue);
  if (params[UNKNOWN_KEY] === true || params[AT_KEY] === true || issue.code === 'invalid_key') return { at: 'key' };
  const offset = params[FORMULA_OFFSET];
  if (typeof offset === 'number') return { at: 'character', offset };
  return { at: 'value' };
}

function messageOf(issue: Issue): string {
  if (issue.code === 'invalid_key') return issue.issues[0]?.message ?? issue.message;
  return issue.message;
}

/** Every zod issue as a Problem with file, line, column, dotted key path and message. */
export function issuesToProblems(issues: readonly Issue[], source: ScenarioDocument): Problem[] {
  return issues
    .flatMap((issue) => flatten(issue, []))
    .map((issue) => ({ ...locate(source, issue.path, aimFor(issue)), path: dottedPath(issue.path), message: messageOf(issue) }));
}
