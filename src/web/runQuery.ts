/**
 * The query string that names a run exactly (the permalink): the file's hash, iterations, seed
 * and each change as `set=key.path=value`. Parsing collects every mistake as a message.
 */
import { parseOverride, type Override } from '../scenario/overrides';
import { formatNumber } from '../report/format';
import { t } from '../report/messages';
import { problemMessage } from '../report/problemWords';
import { localHref } from './language';

/** The most iterations a web request may ask for (the command line allows more). */
export const MAX_WEB_ITERATIONS = 200_000;
/** The most changes one link may carry. */
export const MAX_CHANGES = 30;
const MAX_CHANGE_LENGTH = 500;

export interface RunQuery {
  /** The file hash the link was made from, if it says. */
  hash?: string;
  iterations?: number;
  seed?: number | string;
  /** The `key.path=value` texts, as given. */
  changes: string[];
  overrides: Override[];
  /** Mistakes in the query, in words. */
  errors: string[];
}

type QueryValue = undefined | string | string[] | Record<string, unknown> | unknown[];

function single(value: QueryValue): string | undefined {
  if (typeof value === 'string') return value;
  if (Array.isArray(value) && typeof value[0] === 'string') return value[value.length - 1] as string;
  return undefined;
}

function many(value: QueryValue): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return (value as unknown[]).filter((item): item is string => typeof item === 'string');
  return [];
}

/** A seed as the command line reads it: whole numbers as numbers, other text as text. */
export function parseSeed(text: string): number | string | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  if (/^-?\d{1,15}$/.test(trimmed)) return Number(trimmed);
  return /^[A-Za-z0-9_-]{1,40}$/.test(trimmed) ? trimmed : undefined;
}

/**
 * Reads `hash`, `iterations`, `seed` and `set` from a parsed query string.
 * @example parseRunQuery({ iterations: '2000', seed: '7', set: 'outcomes.effectiveness=0.3' }).overrides.length // 1
 */
export function parseRunQuery(query: Record<string, QueryValue>): RunQuery {
  const result: RunQuery = { changes: [], overrides: [], errors: [] };
  const hash = single(query.hash);
  if (hash !== undefined && hash !== '') {
    if (/^[0-9a-f]{12}$/.test(hash)) result.hash = hash;
    else result.errors.push(t('query.badHash'));
  }
  const iterations = single(query.iterations);
  if (iterations !== undefined && iterations.trim() !== '') {
    const value = Number(iterations.replace(/,/g, ''));
    if (/^\s*[\d,]+\s*$/.test(iterations) && Number.isSafeInteger(value) && value <= MAX_WEB_ITERATIONS) result.iterations = value;
    else result.errors.push(t('query.badIterations', { max: formatNumber(MAX_WEB_ITERATIONS) }));
  }
  const seed = single(query.seed);
  if (seed !== undefined && seed.trim() !== '') {
    const value = parseSeed(seed);
    if (value === undefined) result.errors.push(t('query.badSeed'));
    else result.seed = value;
  }
  const changes = many(query.set).filter((text) => text.trim() !== '');
  if (changes.length > MAX_CHANGES) result.errors.push(t('query.tooManyChanges', { max: MAX_CHANGES }));
  for (const text of changes.slice(0, MAX_CHANGES)) {
    if (text.length > MAX_CHANGE_LENGTH) {
      result.errors.push(t('query.changeTooLong', { max: MAX_CHANGE_LENGTH }));
      continue;
    }
    const override = parseOverride(text.trim());
    if (typeof override === 'string') result.errors.push(t('query.badChange', { change: text, problem: problemMessage(override) }));
    else {
      result.changes.push(override.text);
      result.overrides.push(override);
    }
  }
  return result;
}

export interface PermalinkParts {
  hash: string;
  iterations: number;
  seed: number | string;
  changes: readonly string[];
}

/** The query string of a run, in a fixed order: hash, iterations, seed, then each change. */
export function runQueryString(parts: PermalinkParts): string {
  const params = new URLSearchParams();
  params.set('hash', parts.hash);
  params.set('iterations', String(parts.iterations));
  params.set('seed', String(parts.seed));
  for (const change of parts.changes) params.append('set', change);
  return params.toString();
}

/**
 * The link that reruns exactly this run, in the request's language (`/cy/...` in Welsh).
 * @example permalink('class-central', { hash: '156b78e3d3ae', iterations: 2000, seed: 7, changes: [] })
 *   // "/scenarios/class-central?hash=156b78e3d3ae&iterations=2000&seed=7"
 */
export function permalink(name: string, parts: PermalinkParts, suffix = ''): string {
  return localHref(`/scenarios/${encodeURIComponent(name)}${suffix}?${runQueryString(parts)}`);
}
