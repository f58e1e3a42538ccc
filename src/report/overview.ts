/**
 * The scenario's front page: the four questions a board member asks (shared/users.md), answered
 * in a few sentences each from the same run, reusing the decision's words (decisionSection.ts):
 * should we extend and for how long, how sure are we and what is the realistic worst case, would
 * waiting a year be wiser, and what is still assumed rather than known.
 */
import type { Results } from '../model/results';
import type { Scenario } from '../scenario/types';
import { decisionOf, headlineMeasure, headlinePerspectiveOf, REGION } from './decision';
import { formatChance, formatMoneyShort, formatPercent } from './format';
import { focusOption, optionName, optionSubject } from './headline';
import type { InformationReport } from './informationReport';
import { isAssumption } from './inputs';
import { t, tPlural } from './messages';

export interface Overview {
  /** Chance each option comes out best for the lead perspective, as a short list; null without Monte Carlo. */
  chances: { option: string; chance: string; best: boolean }[] | null;
  /** The realistic worst case (1 in 10 simulations worse) of the focus option's extension years; null without Monte Carlo. */
  worstCase: string | null;
  /** Whether to decide now or wait a year; null without the value of waiting. */
  wait: string | null;
  /** How many of the scenario's inputs are assumptions, and whether the monitoring counts are illustrative. */
  assumed: string[];
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
  const subject = optionSubject(focus, maxYears);
  return p10 < 0
    ? t('overview.worst.loss', { subject, who, amount: formatMoneyShort(-p10) })
    : t('overview.worst.gain', { subject, who, amount: formatMoneyShort(p10) });
}

/** The four answers of the front page. */
export function overviewOf(results: Results, scenario: Scenario, information: InformationReport): Overview {
  const lead = headlinePerspectiveOf(results, scenario);
  const decision = decisionOf(results)[lead];
  const simulated = headlineMeasure(results) === 'mean' && decision !== undefined && decision.options.every((o) => o.probabilityBest !== null);
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
    chances,
    worstCase: worstCaseSentence(results, scenario),
    wait: information.wait?.verdict ?? null,
    assumed,
  };
}
