/**
 * Why a scenario that validates cannot be run: an input whose value in some simulation is not a
 * number or is infinite (a formula such as `sqrt(a)` or `1 / a` on a draw of `a` that reaches 0
 * or below). Found by drawing the run's first simulations again (the same draws, unless inputs are
 * rank-correlated) and working out every input, so the person is told which input, in which
 * simulation, from which draws, instead of "try again".
 */
import { FIELD_OF_PATH } from '../scenario/fields';
import type { Scenario } from '../scenario/types';
import { BLOCK_SIZE, blockDraws, drawSources, inputColumns } from './draws';
import { drawsByBlock, type MonteCarloRequest } from './montecarlo';
import { fullRunDraws } from './sampling';

/** Simulations drawn again to look for the failing one: the run's first block. */
export const DRAWS_CHECKED = BLOCK_SIZE;

/**
 * An input that is not a finite number in one simulation, as figures (worded by
 * src/report/refusals.ts): the input's path, its value (NaN or an infinity), the simulation
 * (counted from 1), and the draws it came from (none when the value is fixed).
 */
export interface NonFiniteDraw {
  input: string;
  value: number;
  simulation: number;
  draws: { source: string; value: number }[];
}

/** A scenario whose draws give an input that is not a finite number: the user's to fix (HTTP 422). */
export class DrawNotFiniteError extends Error {
  readonly status = 422;
  constructor(readonly draw: NonFiniteDraw) {
    // The message for logs only; what a person reads is worded by src/report/refusals.ts.
    super(`${draw.input} gave ${draw.value} in simulation ${draw.simulation}`);
    this.name = 'DrawNotFiniteError';
  }
}

/**
 * The first input that is not a finite number in the first DRAWS_CHECKED simulations, with the
 * draws it came from, or undefined when every input is finite there.
 * @example nonFiniteDraw(scenarioWithSqrtOfUniformMinus1To1, request)
 *   // { input: 'outcomes.effectiveness', value: NaN, simulation: 3, draws: [{ source: 'variables.a', value: -0.27451 }] }
 */
export function nonFiniteDraw(scenario: Scenario, request: MonteCarloRequest): NonFiniteDraw | undefined {
  const sources = drawSources(scenario);
  const count = Math.max(1, Math.min(request.iterations, DRAWS_CHECKED));
  // The run's own first draws when it makes them a block at a time (block 0 holds DRAWS_CHECKED);
  // with rank correlations, which rearrange the whole run's draws, a run of `count` of its own.
  const draws = drawsByBlock(request) ? blockDraws(sources, request, 0, count) : fullRunDraws(sources, { ...request, iterations: count });
  const drawn = new Map(sources.map((source, s) => [source.path, draws[s]!]));
  const columns = inputColumns(scenario, drawn, count) as unknown as Record<string, Float64Array | number | (Float64Array | number)[]>;
  const pathOfField = new Map(Object.entries(FIELD_OF_PATH).map(([path, field]) => [field as string, path]));
  const candidates: [path: string, column: Float64Array | number][] = [];
  for (const [field, column] of Object.entries(columns)) {
    if (field === 'scheduleShares') {
      (column as (Float64Array | number)[]).forEach((share, e) => candidates.push([`funding.schedule.${e}.external_share`, share]));
    } else if (typeof column === 'number' || column instanceof Float64Array) {
      candidates.push([pathOfField.get(field) ?? (field === 'capacityPerMonth' ? 'service.capacity' : field), column]);
    }
  }
  for (const [path, column] of candidates) {
    const values = typeof column === 'number' ? [column] : column;
    for (let i = 0; i < values.length; i++) {
      const value = values[i]!;
      if (Number.isFinite(value)) continue;
      const quantity = scenario.quantities[path];
      const used = quantity?.kind === 'formula' ? quantity.formula.variables.map((name) => `variables.${name}`) : [path];
      const draws = used.flatMap((source) => (drawn.has(source) ? [{ source, value: drawn.get(source)![i]! }] : []));
      return { input: path, value, simulation: i + 1, draws };
    }
  }
  return undefined;
}
