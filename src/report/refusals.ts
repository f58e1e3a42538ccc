/**
 * Refusals of the run layer worded for a person: a run past its budget (src/run/cost.ts) and a
 * draw that is not a finite number (src/run/drawCheck.ts). The run layer returns figures; the
 * words are here, so the web pages, the API and the command line say the same.
 */
import type { CostRefusal } from '../run/cost';
import { WORK_PER_SECOND } from '../run/cost';
import type { NonFiniteDraw } from '../run/drawCheck';
import { formatNumber } from './format';
import { t } from './messages';

/**
 * Why a run is refused, naming the setting to lower.
 * @example costRefusalText({ code: 'work', cost, budget: WEB_BUDGET, within: 510_000 })
 *   // "This run is too large: 10,000,000 simulations x 171 months x 11 options x 4 perspectives is about
 *   //  87 seconds of work, more than the 40 allowed. Lower monte_carlo.iterations (to at most 510,000)
 *   //  or contract.extensions.max_years."
 */
export function costRefusalText(refusal: CostRefusal): string {
  const { cost, budget, within } = refusal;
  const iterations = within > 0 ? t('cost.iterationsTo', { iterations: formatNumber(within) }) : t('cost.iterations');
  const shape = t('cost.shape', {
    iterations: formatNumber(cost.iterations),
    months: formatNumber(cost.months),
    options: formatNumber(cost.options),
    perspectives: formatNumber(cost.perspectives),
  });
  if (refusal.code === 'work') {
    const seconds = (work: number): string => formatNumber(Math.ceil(work / WORK_PER_SECOND));
    return t('cost.work', {
      shape,
      children: cost.processVariability ? ` ${t('cost.children', { children: formatNumber(Math.round(cost.childrenPerMonth)) })}` : '',
      seconds: seconds(cost.work),
      limit: seconds(budget.work),
      settings: t(cost.processVariability ? 'cost.settings.variability' : 'cost.settings.plain', { iterations }),
    });
  }
  const megabytes = (bytes: number): string => formatNumber(Math.ceil(bytes / (1024 * 1024)));
  return t('cost.memory', {
    shape,
    megabytes: megabytes(cost.memoryBytes),
    limit: megabytes(budget.memoryBytes),
    settings: t('cost.settings.plain', { iterations }),
  });
}

/**
 * Which input was not a finite number, in which simulation, from which draws.
 * @example nonFiniteDrawText({ input: 'outcomes.effectiveness', value: NaN, simulation: 3, draws: [{ source: 'variables.a', value: -0.27451 }] })
 *   // "The run could not be done: outcomes.effectiveness gave not a number (NaN) in simulation 3
 *   //  (its draws there: variables.a = -0.2745). Check the formula or the distribution of outcomes.effectiveness."
 */
export function nonFiniteDrawText(draw: NonFiniteDraw): string {
  const value = Number.isNaN(draw.value) ? t('draw.value.nan') : draw.value > 0 ? t('draw.value.infinity') : t('draw.value.minusInfinity');
  // Four significant figures, as the draws were shown before (not locale-grouped: these are raw draws).
  const draws = draw.draws.length > 0 ? draw.draws.map((d) => `${d.source} = ${d.value.toPrecision(4)}`).join(', ') : t('draw.noDraws');
  return t('draw.nonFinite', { input: draw.input, value, simulation: draw.simulation, draws });
}
