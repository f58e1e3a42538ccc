/**
 * The scenario's front page: the four questions a board member asks (shared/users.md), answered
 * in a few sentences each from the same run, reusing the decision's words (decisionSection.ts):
 * should we extend and for how long, how sure are we and what is the realistic worst case, would
 * waiting a year be wiser, and what is still assumed rather than known.
 */
import type { Results } from '../model/results';
import type { Scenario } from '../scenario/types';
import type { DecisionFigure } from '../model/results';
import { decisionOf, headlineMeasure, headlinePerspectiveOf, headlineValue, perspectivesOf, REGION } from './decision';
import { formatChance, formatMoneyShort, formatNumber, formatPercent } from './format';
import { endMonth, focusOption, optionName, optionSubjectLower } from './headline';
import type { InformationReport } from './informationReport';
import { isAssumption } from './inputs';
import { councilName } from './localText';
import { t, tPlural } from './messages';

export interface Overview {
  /** Chance each option comes out best for the lead perspective, as a short list; null without Monte Carlo. */
  chances: { option: string; chance: string; best: boolean }[] | null;
  /** One short line per perspective other than the lead: its best option, what it adds, its chance, and its own cash budget when known. */
  others: { perspective: string; text: string }[];
  /** The realistic worst case (1 in 10 simulations worse) of the focus option's extension years; null without Monte Carlo. */
  worstCase: string | null;
  /** Whether to decide now or wait a year; null without the value of waiting. */
  wait: string | null;
  /** How many of the scenario's inputs are assumptions, and whether the monitoring counts are illustrative. */
  assumed: string[];
  /** The four answers in a line each, for the top of the page on narrow screens (the detail follows). */
  short: { choice: string | null; sure: string | null; wait: string | null; assumed: string };
}

/**
 * The four answers in a line each, for the "in short" list a phone shows first.
 * @example short.choice // "Stop at the end of the fixed term (March 2027): no extension adds more than it costs for the region, on average across the simulations."
 * @example short.wait // "No: deciding now is worth about £39.1k more than taking one year to learn more."
 */
export function shortAnswers(results: Results, scenario: Scenario, assumptions: number): Overview['short'] {
  const lead = headlinePerspectiveOf(results, scenario);
  const measure = headlineMeasure(results);
  const decision = decisionOf(results)[lead];
  const who = lead === REGION ? t('headline.whoRegion') : lead;
  const measureText = t(measure === 'mean' ? 'measure.mean' : 'measure.central');
  const best = decision?.options.find((o) => o.extensionYears === decision.bestOption);
  const choice =
    best === undefined
      ? null
      : best.extensionYears === 0
        ? t('overview.short.stop', { fixedEnd: endMonth(scenario.contract, 0), who, measure: measureText })
        : t('overview.short.take', {
            option: optionName(best.extensionYears).toLowerCase(),
            end: endMonth(scenario.contract, best.extensionYears),
            amount: formatMoneyShort(headlineValue(best.incrementalNpv, measure)),
            who,
            measure: measureText,
          });
  const sure =
    best === undefined || best.probabilityBest === null || measure !== 'mean'
      ? null
      : t('overview.short.sureLine', {
          option: optionName(best.extensionYears),
          chance: t('table.chanceCell', { words: formatChance(best.probabilityBest), percent: formatPercent(best.probabilityBest, 0) }),
        });
  const w = results.valueOfInformation?.waitOneYear;
  const gap = w ? w.valueOfWaiting - w.valueOfCommittingNow : null;
  // Within £1,000 the two courses are the same (SAME_WITHIN_POUNDS, as the wait verdict).
  const wait =
    gap === null
      ? null
      : Math.abs(gap) < 1_000
        ? t('overview.short.waitEither')
        : gap > 0
          ? t('overview.short.waitYes', { amount: formatMoneyShort(gap) })
          : t('overview.short.waitNo', { amount: formatMoneyShort(-gap) });
  const assumed = [
    t('overview.short.assumedCount', { count: assumptions, total: Object.keys(scenario.quantities).length }),
    ...(scenario.monitoringIllustrative === true ? [t('overview.short.illustrative')] : []),
  ].join(' ');
  return { choice, sure, wait, assumed };
}

/**
 * The realistic worst case in words: the P10 of what the focus option's extension years add for
 * the lead perspective.
 * @example "Realistic worst case: in 1 in 10 simulations, taking all 4 extension years would leave the region worse off by £1.1m or more."
 */
export function worstCaseSentence(results: Results, scenario: Pick<Scenario, 'contract' | 'decision'>): string | null {
  const lead = headlinePerspectiveOf(results, scenario);
  const maxYears = scenario.contract.maxYears;
  if (maxYears === 0 || headlineMeasure(results) !== 'mean') return null;
  const focus = focusOption(results, maxYears);
  const p10 = decisionOf(results)[lead]?.options.find((o) => o.extensionYears === focus)?.incrementalNpv.p10;
  if (p10 === null || p10 === undefined) return null;
  const who = lead === REGION ? t('headline.whoRegion') : lead;
  const subject = optionSubjectLower(focus, maxYears);
  return p10 < 0
    ? t('overview.worst.loss', { subject, who, amount: formatMoneyShort(-p10) })
    : t('overview.worst.gain', { subject, who, amount: formatMoneyShort(p10) });
}

/**
 * What the focus option's extension years do to a perspective's own cash budget (the model's
 * `incrementalNetBudgetEffect`: cashable saving less own contribution, option k less option 0), or
 * null when the results do not carry it.
 */
export function budgetFigure(results: Results, perspective: string, extensionYears: number): DecisionFigure | null {
  return decisionOf(results)[perspective]?.options.find((o) => o.extensionYears === extensionYears)?.incrementalNetBudgetEffect ?? null;
}

/**
 * One short line for each perspective after the lead (each council when the region leads).
 * @example "Bridgend: best to take 4 extension years (to March 2031), adding about £295k. For its own budget, 4 extension years are likely to save about £90k in cash, on average across the simulations."
 */
export function otherLines(results: Results, scenario: Pick<Scenario, 'contract' | 'decision'>): { perspective: string; text: string }[] {
  const lead = headlinePerspectiveOf(results, scenario);
  const measure = headlineMeasure(results);
  const decisions = decisionOf(results);
  const maxYears = scenario.contract.maxYears;
  const focus = maxYears >= 1 ? focusOption(results, maxYears) : 0;
  return perspectivesOf(results)
    .filter((p) => p !== lead && decisions[p] !== undefined)
    .map((perspective) => {
      const decision = decisions[perspective]!;
      const best = decision.options.find((o) => o.extensionYears === decision.bestOption)!;
      const who = perspective === REGION ? t('perspective.region') : councilName(results, perspective);
      const first =
        best.extensionYears === 0
          ? t('overview.other.stop', { who, fixedEnd: endMonth(scenario.contract, 0) })
          : t('overview.other.years', {
              who,
              option: optionName(best.extensionYears).toLowerCase(),
              end: endMonth(scenario.contract, best.extensionYears),
              amount: formatMoneyShort(headlineValue(best.incrementalNpv, measure)),
            });
      const budget = focus === 0 ? null : budgetFigure(results, perspective, focus);
      if (budget === null) return { perspective, text: first };
      const value = headlineValue(budget, measure);
      const option = optionName(focus).toLowerCase();
      const second =
        Math.abs(value) < 500
          ? t('overview.budget.nothing', { option })
          : t(value > 0 ? 'overview.budget.save' : 'overview.budget.cost', {
              option,
              amount: formatMoneyShort(Math.abs(value)),
              measure: t(measure === 'mean' ? 'measure.mean' : 'measure.central'),
            });
      return { perspective, text: `${first} ${second}` };
    });
}

/** The four answers of the front page. */
export function overviewOf(results: Results, scenario: Scenario, information: InformationReport): Overview {
  const lead = headlinePerspectiveOf(results, scenario);
  const decision = decisionOf(results)[lead];
  const simulated =
    headlineMeasure(results) === 'mean' && decision !== undefined && decision.options.every((o) => o.probabilityBest !== null);
  const chances = simulated
    ? decision.options.map((o) => ({
        option: optionName(o.extensionYears),
        chance: t('table.chanceCell', { words: formatChance(o.probabilityBest!), percent: formatPercent(o.probabilityBest!, 0) }),
        best: o.extensionYears === decision.bestOption,
      }))
    : null;
  const paths = Object.keys(scenario.quantities);
  const assumptions = paths.filter((path) => isAssumption(scenario, path)).length;
  const assumed = [tPlural('overview.assumed.count', assumptions, { total: paths.length })];
  if (scenario.monitoringIllustrative === true) assumed.push(t('overview.assumed.illustrative'));
  return {
    others: otherLines(results, scenario),
    chances,
    worstCase: worstCaseSentence(results, scenario),
    wait: information.wait?.verdict ?? null,
    assumed,
    short: shortAnswers(results, scenario, assumptions),
  };
}

/**
 * The waiting list in words for the focus option, in whole children at the central values (a table
 * keeps the decimals of the averages): referrals, starts, still waiting at the end, turned away.
 * @example "With 4 extension years, about 1,203 children are referred and about 1,050 start; about 66 are still waiting at the end and about 87 are turned away (at the central values)."
 */
export function waitingSentence(results: Results, scenario: Pick<Scenario, 'contract'>): string | null {
  const maxYears = scenario.contract.maxYears;
  const focus = maxYears >= 1 ? focusOption(results, maxYears) : (results.options[0]?.extensionYears ?? 0);
  const totals = results.options.find((o) => o.extensionYears === focus)?.perspectives[REGION]?.totals;
  if (totals === undefined) return null;
  const whole = (children: number): string => formatNumber(Math.round(children));
  return t('overview.waiting', {
    option: optionName(focus).toLowerCase(),
    referred: whole(totals.referrals),
    started: whole(totals.starts),
    waiting: whole(totals.waitingAtEnd),
    turnedAway: whole(totals.turnedAway),
  });
}
