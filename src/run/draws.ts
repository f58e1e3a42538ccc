/**
 * Draws for Monte Carlo: which inputs are uncertain, their seeded draws (plain random or Latin
 * hypercube, in blocks; over the whole run when inputs are rank-correlated), and the model's
 * input columns (formulas evaluated column-wise over the draws).
 */
import { centralValue, isUncertain, type Distribution } from '../model/distribution';
import { latinHypercubeStretch } from '../model/random/lhs';
import { createRng, deriveSeed } from '../model/random/rng';
import { sampleInto } from '../model/random/sample';
import { VARYING_FIELDS, type InputColumns, type VaryingField } from '../model/simulate';
import { buildInputs, centralValues } from '../scenario/inputs';
import { CAPACITY_PATHS, capacityPerMonth, FIELD_OF_PATH } from '../scenario/fields';
import type { Quantity, Scenario } from '../scenario/types';
import type { MonteCarloRequest } from './request';

/** Iterations per block of draws: each block has its own seeded stream per input. */
export const BLOCK_SIZE = 4_096;

/** An uncertain input: a variable ("variables.x") or a quantity path, and its distribution. */
export interface DrawSource {
  path: string;
  distribution: Distribution;
}

/** The inputs Monte Carlo draws, in a fixed order: variables first, then quantities by path. */
export function drawSources(scenario: Scenario): DrawSource[] {
  const sources: DrawSource[] = [];
  for (const [name, q] of Object.entries(scenario.variables)) {
    if (q.kind === 'distribution' && isUncertain(q.distribution)) sources.push({ path: `variables.${name}`, distribution: q.distribution });
  }
  for (const [path, q] of Object.entries(scenario.quantities)) {
    if (q.kind === 'distribution' && isUncertain(q.distribution)) sources.push({ path, distribution: q.distribution });
  }
  return sources;
}

/** Each input's Latin hypercube key by its seed string, kept (every block of a run asks again). */
const keys = new Map<string, number>();

/** The 32-bit key of an input's Latin hypercube permutation: the first number of its own stream. */
function latinHypercubeKey(seed: number | string, path: string): number {
  const label = deriveSeed(seed, `${path}#latin-hypercube`);
  let key = keys.get(label);
  if (key === undefined) {
    if (keys.size >= 1024) keys.clear();
    key = createRng(label)() * 2 ** 32;
    keys.set(label, key);
  }
  return key;
}

/**
 * Every source's draws for block `block` (iterations block x BLOCK_SIZE ...), `count` of them,
 * each from the block's own stream for the input: plain random, or a stretch of the input's Latin
 * hypercube column of request.iterations draws (its permutation keyed by the seed and the input).
 * Written into `into` (one array of `count` per source) when given.
 */
export function blockDraws(
  sources: readonly DrawSource[],
  request: Pick<MonteCarloRequest, 'seed' | 'sampling' | 'iterations'>,
  block: number,
  count: number,
  into: readonly Float64Array[] = sources.map(() => new Float64Array(count)),
): Float64Array[] {
  const { seed } = request;
  return sources.map((source, s) => {
    const column = into[s]!;
    if (request.sampling === 'latin_hypercube') {
      const key = latinHypercubeKey(seed, source.path);
      const rng = createRng(deriveSeed(seed, `${source.path}#latin-hypercube#${block}`));
      latinHypercubeStretch(source.distribution, key, rng, request.iterations, block * BLOCK_SIZE, column);
    } else sampleInto(createRng(deriveSeed(seed, `${source.path}#${block}`)), source.distribution, column);
    return column;
  });
}

/** The value of a quantity as a column over `length` iterations (or a constant). */
function quantityColumn(
  q: Quantity,
  path: string,
  drawn: ReadonlyMap<string, Float64Array>,
  scope: Readonly<Record<string, Float64Array | number>>,
  length: number,
  central: Readonly<Record<string, number>>,
): Float64Array | number {
  switch (q.kind) {
    case 'number':
      return q.value;
    case 'distribution':
      return drawn.get(path) ?? centralValue(q.distribution);
    case 'formula':
      return q.formula.variables.some((v) => typeof scope[v] !== 'number') ? q.formula.evaluateColumns(scope, length) : central[path]!;
  }
}

/**
 * The model's input columns for `length` iterations, given the draws of each source (by path).
 * Inputs that do not vary are constants taken from the central inputs.
 */
export function inputColumns(scenario: Scenario, drawn: ReadonlyMap<string, Float64Array>, length: number): InputColumns {
  const central = centralValues(scenario);
  const base = buildInputs(scenario, central);
  const scope: Record<string, Float64Array | number> = {};
  for (const name of Object.keys(scenario.variables)) scope[name] = drawn.get(`variables.${name}`) ?? central[`variables.${name}`]!;
  const columns = Object.fromEntries(VARYING_FIELDS.map((f) => [f, base[f]])) as Record<VaryingField, Float64Array | number>;
  const values: Record<string, Float64Array | number> = {};
  for (const [path, q] of Object.entries(scenario.quantities)) {
    const column = quantityColumn(q, path, drawn, scope, length, central);
    values[path] = column;
    const field = FIELD_OF_PATH[path];
    if (field) columns[field] = column;
  }
  const [startsPath, caseloadPath, monthsPath] = CAPACITY_PATHS;
  const capacityParts = [values[startsPath], values[caseloadPath], values[monthsPath]];
  if (capacityParts.some((c) => c instanceof Float64Array)) {
    const column = new Float64Array(length);
    const valueAt = (c: Float64Array | number | undefined, i: number): number | undefined =>
      c === undefined ? undefined : typeof c === 'number' ? c : c[i];
    for (let i = 0; i < length; i++) {
      column[i] = capacityPerMonth(valueAt(capacityParts[0], i), valueAt(capacityParts[1], i), valueAt(capacityParts[2], i));
    }
    columns.capacityPerMonth = column;
  }
  const scheduleShares = scenario.fundingSchedule.map(
    (_, e) => values[`funding.schedule.${e}.external_share`] ?? base.fundingSchedule[e]!.externalShare,
  );
  return { ...columns, scheduleShares };
}
