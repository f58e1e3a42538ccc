/**
 * Why a scenario that validates cannot be run: an input whose value in some simulation is not a
 * number or is infinite (a formula such as `sqrt(a)` or `1 / a` on a draw of `a` that reaches 0
 * or below). Found by drawing the run's first simulations again and working out every input, so
 * the person is told which input, in which simulation, from which draws, instead of "try again".
 */
import { t } from '../report/messages';
import { FIELD_OF_PATH } from '../scenario/fields';
import type { Scenario } from '../scenario/types';
import { drawSources, inputColumns } from './draws';
import type { MonteCarloRequest } from './montecarlo';
import { fullRunDraws } from './sampling';

/** Simulations drawn again to look for the failing one. */
export const DRAWS_CHECKED = 4_096;

/** A scenario whose draws give an input that is not a finite number: the user's to fix (HTTP 422). */
export class DrawNotFiniteError extends Error {
  readonly status = 422;
  constructor(message: string) {
    super(message);
    this.name = 'DrawNotFiniteError';
  }
}

function shown(value: number): string {
  return Number.isNaN(value) ? 'not a number (NaN)' : value > 0 ? 'infinity' : '-infinity';
}

/**
 * The first input that is not a finite number in the first DRAWS_CHECKED simulations, worded with
 * the draws it came from, or undefined when every input is finite there.
 * @example nonFiniteDraw(scenarioWithSqrtOfUniformMinus1To1, request)
 *   // "The run could not be done: outcomes.effectiveness gave not a number (NaN) in simulation 3
 *   //  (its draws there: variables.a = -0.2745). Check the formula or the distribution of outcomes.effectiveness."
 */
export function nonFiniteDraw(scenario: Scenario, request: MonteCarloRequest): string | undefined {
  const sources = drawSources(scenario);
  const count = Math.max(1, Math.min(request.iterations, DRAWS_CHECKED));
  const draws = fullRunDraws(sources, { ...request, iterations: count });
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
      const given = used.flatMap((source) => (drawn.has(source) ? [`${source} = ${drawn.get(source)![i]!.toPrecision(4)}`] : []));
      return t('draw.nonFinite', { input: path, value: shown(value), simulation: i + 1, draws: given.length > 0 ? given.join(', ') : 'none; the value is fixed' });
    }
  }
  return undefined;
}
