/**
 * The answer in plain English (shared/users.md, "How the answers should read"): the decision about
 * the extension years (shared/model.md section 18) that leads each page, one sentence per option and
 * perspective, the grant from the scenario's funding, the money basis, break-even and switching
 * values in words. Every sentence that gives a figure gives the ONE headline measure (see
 * decision.ts) and names it.
 */
import type { BudgetYear, DecisionFigure, OptionBudget, OptionResult, PerspectiveDecision, Results } from '../model/results';
import { centralValues } from '../scenario/inputs';
import type { Scenario } from '../scenario/types';
import {
  decisionOf,
  headlineMeasure,
  headlinePerspectiveOf,
  headlineValue,
  measureWords,
  npvOf,
  optionBudget,
  perspectivesOf,
  REGION,
  type HeadlineMeasure,
} from './decision';
import { formatChance, formatMoneyShort, formatMonth, formatNumber, formatPercent, moneyUnitFor } from './format';
import { distributionInWords, inputLabel, listInWords, unitOf, valueInWords } from './inputs';
import { councilName, localText } from './localText';
import { t, tPlural } from './messages';

export { REGION } from './decision';

/** One figure of one option and perspective in the headline measure, with its range and chance. */
export interface NpvEstimate {
  /** Monte Carlo mean, or the figure at the central values when no simulation ran. */
  npv: number;
  /** P10 and P90 (null without Monte Carlo). */
  low: number | null;
  high: number | null;
  /** P(figure > 0), or null without Monte Carlo. */
  chance: number | null;
  measure: HeadlineMeasure;
}

/** The whole-term NPV estimate of `option` for `perspective` ('region' or a council's name). */
export function npvEstimate(option: OptionResult, perspective: string): NpvEstimate {
  const simulated = option.monteCarlo?.perspectives[perspective];
  if (simulated === undefined) {
    return { npv: npvOf(option, perspective, 'central'), low: null, high: null, chance: null, measure: 'central' };
  }
  return {
    npv: simulated.npv.mean,
    low: simulated.npv.p10,
    high: simulated.npv.p90,
    chance: simulated.probabilityNpvPositive,
    measure: 'mean',
  };
}

/**
 * An option's name: "No extension", "1 extension year", "3 extension years".
 */
export function optionName(extensionYears: number): string {
  return extensionYears === 0 ? t('option.none') : tPlural('option.years', extensionYears);
}

/** The option as the subject of a sentence: "Taking all 4 extension years". */
export function optionSubject(extensionYears: number, maxYears: number): string {
  if (extensionYears === 0) return t('subject.none');
  if (extensionYears === maxYears && maxYears > 1) return t('subject.all', { count: extensionYears });
  return tPlural('subject.years', extensionYears);
}

/** How likely it is to save, from P(NPV > 0): "very likely", "likely", or even odds. */
export type Likelihood = 'veryLikelySave' | 'likelySave' | 'even' | 'likelyCost' | 'veryLikelyCost';

export function likelihoodOf(chance: number): Likelihood {
  if (chance >= 0.9) return 'veryLikelySave';
  if (chance >= 0.6) return 'likelySave';
  if (chance > 0.4) return 'even';
  if (chance > 0.1) return 'likelyCost';
  return 'veryLikelyCost';
}

/**
 * One end of a range of money in words: "a saving of £1.3m", "a loss of £2.3m".
 */
function gainOrLoss(pounds: number, unit: ReturnType<typeof moneyUnitFor>): string {
  return pounds >= 0
    ? t('money.saving', { amount: formatMoneyShort(pounds, unit) })
    : t('money.loss', { amount: formatMoneyShort(-pounds, unit) });
}

/**
 * A P10-P90 range of NPV in words.
 * @example rangeInWords(-2_300_000, 1_300_000) // "between a loss of £2.3m and a saving of £1.3m"
 * @example rangeInWords(-2_100_000, -600_000) // "a loss of between £0.6m and £2.1m"
 */
export function rangeInWords(low: number, high: number): string {
  const unit = moneyUnitFor(Math.max(Math.abs(low), Math.abs(high)));
  if (low >= 0) return t('range.savings', { low: formatMoneyShort(low, unit), high: formatMoneyShort(high, unit) });
  if (high < 0) return t('range.losses', { low: formatMoneyShort(-high, unit), high: formatMoneyShort(-low, unit) });
  return t('range.words', { low: gainOrLoss(low, unit), high: gainOrLoss(high, unit) });
}

/** The verb phrase for a perspective's answer, naming its measure: "is likely to save the region more than it costs: about £310k, on average across the simulations". */
function answerPhrase(estimate: NpvEstimate, who: string): string {
  const amount = formatMoneyShort(Math.abs(estimate.npv));
  const measure = measureWords(estimate.measure);
  if (estimate.chance === null) {
    if (Math.abs(estimate.npv) < 0.5) return t('answer.centralNothing', { who, measure });
    return t(estimate.npv >= 0 ? 'answer.centralSave' : 'answer.centralCost', { amount, who, measure });
  }
  // 8 in 10 simulations or more on one side of £0 (with the rest at £0, e.g. a contract that ended
  // early adds nothing): the answer is that side, whatever the chance of being strictly above £0.
  if (estimate.low !== null && estimate.low >= 0 && estimate.npv > 0) return t('answer.likelyNoLoss', { amount, who, measure });
  if (estimate.high !== null && estimate.high <= 0 && estimate.npv < 0) return t('answer.likelyNoGain', { amount, who, measure });
  const likelihood = likelihoodOf(estimate.chance);
  // A skewed spread can put the mean on the other side of zero from the likelier outcome: then
  // the odds are the answer and the mean is given with its sign.
  const agrees = likelihood === 'even' || (likelihood.endsWith('Save') ? estimate.npv >= 0 : estimate.npv < 0);
  if (likelihood === 'even' || !agrees) {
    return t('answer.even', { amount: gainOrLoss(estimate.npv, moneyUnitFor(estimate.npv)), who, measure });
  }
  return t(`answer.${likelihood}`, { amount, who, measure });
}

/** The tail of a sentence: the range and the chance, when there was a simulation ('' without). */
function rangeAndChance(
  estimate: NpvEstimate,
  chanceKey: 'answer.rangeAndChance' | 'answer.rangeAndChanceExtra' = 'answer.rangeAndChance',
): string {
  if (estimate.low === null || estimate.high === null || estimate.chance === null) return '';
  return ` ${t(chanceKey, { range: rangeInWords(estimate.low, estimate.high), chance: formatChance(estimate.chance) })}`;
}

/** Who an answer is about: "the region" or "Bridgend’s own budget" (`name`: the council's name as a reader sees it). */
function whoOf(perspective: string, name: string): string {
  return perspective === REGION ? t('headline.whoRegion') : t('headline.whoCouncil', { council: name });
}

/**
 * One option's whole-term NPV for one perspective in a sentence (used where the fixed term is not
 * in question, e.g. a scenario with no extension years).
 * @example "Taking all 4 extension years is likely to cost the region more than it avoids: about
 *   £785k, on average across the simulations (8 in 10 simulations: between a loss of £2.3m and a
 *   saving of £1.3m; chance it pays for itself: about 2 in 10)."
 */
export function optionHeadline(option: OptionResult, perspective: string, maxYears: number, name = perspective): string {
  const estimate = npvEstimate(option, perspective);
  return t('headline.region', {
    subject: optionSubject(option.extensionYears, maxYears),
    answer: answerPhrase(estimate, whoOf(perspective, name)),
    tail: rangeAndChance(estimate),
  });
}

/** An increment (or any decision figure) as an estimate under the headline measure. */
export function figureEstimate(figure: DecisionFigure, measure: HeadlineMeasure): NpvEstimate {
  const simulated = measure === 'mean' && figure.mean !== null;
  return {
    npv: headlineValue(figure, measure),
    low: simulated ? figure.p10 : null,
    high: simulated ? figure.p90 : null,
    chance: simulated ? figure.probabilityPositive : null,
    measure: simulated ? 'mean' : 'central',
  };
}

/**
 * What option k's extension years add to stopping at the end of the fixed term, for one perspective,
 * in the headline measure (section 18's incremental NPV).
 * @example "Taking all 4 extension years is likely to cost the region more than it avoids: about
 *   £470k, on average across the simulations (8 in 10 simulations: between a loss of £1.6m and a
 *   saving of £0.9m; chance the extension years pay for themselves: about 3 in 10)."
 */
export function extensionSentence(
  decision: PerspectiveDecision,
  perspective: string,
  extensionYears: number,
  maxYears: number,
  measure: HeadlineMeasure,
  name = perspective,
): string {
  const option = decision.options.find((o) => o.extensionYears === extensionYears);
  if (option === undefined) throw new Error(`extensionSentence: no option with ${extensionYears} extension years`);
  const estimate = figureEstimate(option.incrementalNpv, measure);
  return t('headline.region', {
    subject: optionSubject(extensionYears, maxYears),
    answer: answerPhrase(estimate, whoOf(perspective, name)),
    tail: rangeAndChance(estimate, 'answer.rangeAndChanceExtra'),
  });
}

/**
 * The month an option's term ends in words.
 * @example endMonth({ baseEnd: '2027-03-31', ... }, 2) // "March 2029"
 */
export function endMonth(contract: Pick<Scenario['contract'], 'baseEnd'>, extensionYears: number): string {
  return formatMonth(contract.baseEnd.slice(0, 7), 12 * extensionYears);
}

/**
 * The best option of one perspective, with the chance it is best when simulated.
 * @example "For the region, the best choice on these figures is to stop at the end of the fixed
 *   term (March 2027): on average across the simulations, no number of extension years adds more
 *   than it costs. It comes out best in 58% of the simulations (about 6 in 10)."
 */
export function bestSentence(
  decision: PerspectiveDecision,
  perspective: string,
  contract: Pick<Scenario['contract'], 'baseEnd'>,
  measure: HeadlineMeasure,
  name = perspective,
): string {
  const best = decision.options.find((o) => o.extensionYears === decision.bestOption);
  if (best === undefined) throw new Error(`bestSentence: no option with ${decision.bestOption} extension years`);
  const who = perspective === REGION ? t('headline.whoRegion') : name;
  const fixedEnd = endMonth(contract, 0);
  // Every option adds nothing (e.g. at the central values the grant falls and the contract ends with the fixed term).
  if (decision.options.every((o) => Math.abs(headlineValue(o.incrementalNpv, measure)) < 0.5)) {
    return t('decision.best.noDifference', { who, fixedEnd, measure: measureWords(measure) });
  }
  const first =
    best.extensionYears === 0
      ? t('decision.best.stop', { who, fixedEnd, measure: measureWords(measure) })
      : t('decision.best.years', {
          who,
          option: tPlural('option.years', best.extensionYears).toLowerCase(),
          end: endMonth(contract, best.extensionYears),
          measure: measureWords(measure),
          amount: formatMoneyShort(headlineValue(best.incrementalNpv, measure)),
        });
  if (measure !== 'mean' || best.probabilityBest === null) return first;
  return `${first} ${t('decision.best.chance', { percent: formatPercent(best.probabilityBest, 0), chance: formatChance(best.probabilityBest) })}`;
}

/**
 * What each extension year adds on its own (section 18's marginal NPV), or null without extension years.
 * @example "Year by year, on average across the simulations: extension year 1 takes away £110k,
 *   extension year 2 takes away £115k, ... and extension year 4 takes away £120k."
 */
export function marginalSentence(decision: PerspectiveDecision, measure: HeadlineMeasure): string | null {
  const items = decision.options.flatMap((o) => {
    if (o.marginalNpv === null) return [];
    const value = headlineValue(o.marginalNpv, measure);
    return [
      t(value >= 0 ? 'decision.marginal.adds' : 'decision.marginal.loses', {
        year: o.extensionYears,
        amount: formatMoneyShort(Math.abs(value)),
      }),
    ];
  });
  const values = decision.options.flatMap((o) => (o.marginalNpv === null ? [] : [headlineValue(o.marginalNpv, measure)]));
  if (items.length === 0 || values.every((v) => Math.abs(v) < 0.5)) return null;
  return t('decision.marginal', { measure: measureWords(measure), items: listInWords(items, t('list.and')) });
}

/** The option as the object of a sentence: "taking all 4 extension years". */
export function optionSubjectLower(extensionYears: number, maxYears: number): string {
  if (extensionYears === 0) return t('subjectLower.none');
  if (extensionYears === maxYears && maxYears > 1) return t('subjectLower.all', { count: extensionYears });
  return tPlural('subjectLower.years', extensionYears);
}

/**
 * What option k's extension years do to a council's own cash budget (section 18's budget table:
 * cashable savings less its own contribution, summed over every financial year, less the same for
 * stopping at the end of the fixed term): the mean across the simulations when every year carries
 * one (`netBudgetEffectMean`), else at the central values; null without budget tables.
 */
export function budgetEffect(
  results: Results,
  perspective: string,
  extensionYears: number,
): { value: number; measure: HeadlineMeasure } | null {
  const budgets = [optionBudget(results, perspective, extensionYears), optionBudget(results, perspective, 0)];
  if (budgets.some((b) => b === null)) return null;
  const years = budgets.flatMap((b) => b!.byFinancialYear) as (BudgetYear & { netBudgetEffectMean?: number | null })[];
  const measure: HeadlineMeasure = years.every((y) => typeof y.netBudgetEffectMean === 'number') ? 'mean' : 'central';
  const total = (b: OptionBudget): number =>
    (b.byFinancialYear as (BudgetYear & { netBudgetEffectMean?: number | null })[]).reduce(
      (sum, y) => sum + (measure === 'mean' ? y.netBudgetEffectMean! : y.netBudgetEffect),
      0,
    );
  return { value: total(budgets[0]!) - total(budgets[1]!), measure };
}

/**
 * A council's cash budget sentence for option k (cashable savings only), or null without budget
 * tables or when the budget cannot give the headline measure (budget tables are at the central
 * values; their mean is given only when the results carry it), so that sentences keep one measure.
 * @example "For Bridgend’s own budget, taking all 4 extension years would bring in about £150k more
 *   in cashable savings than it costs, at the central values."
 */
export function budgetSentence(results: Results, councilKey: string, extensionYears: number, maxYears: number): string | null {
  const effect = budgetEffect(results, councilKey, extensionYears);
  if (effect === null || effect.measure !== headlineMeasure(results)) return null;
  const council = councilName(results, councilKey);
  if (Math.abs(effect.value) < 0.5)
    return t('decision.budget.nothing', {
      council,
      subject: optionSubjectLower(extensionYears, maxYears),
      measure: measureWords(effect.measure),
    });
  return t(effect.value >= 0 ? 'decision.budget.save' : 'decision.budget.cost', {
    council,
    subject: optionSubjectLower(extensionYears, maxYears),
    amount: formatMoneyShort(Math.abs(effect.value)),
    measure: measureWords(effect.measure),
  });
}

/** The option a page's second sentence is about: the scenario's `take` when it is an extension, else all of them. */
export function focusOption(results: Results, maxYears: number): number {
  const take = headlineOption(results).extensionYears;
  return take >= 1 ? take : maxYears;
}

/** One perspective's sentences about the extension years, for the top of the page. */
export interface PerspectiveWords {
  perspective: string;
  title: string;
  sentences: string[];
}

/**
 * The decision in words, the headline perspective first: its best option, what the focus option's
 * extension years add (for a council, to its cash budget), and what each year adds on its own; then
 * the other perspectives: the region's best option and increment, each council's best option and
 * cash budget effect.
 */
export function decisionWords(results: Results, scenario: Pick<Scenario, 'contract' | 'decision'>): PerspectiveWords[] {
  const maxYears = scenario.contract.maxYears;
  const measure = headlineMeasure(results);
  const decisions = decisionOf(results);
  const lead = headlinePerspectiveOf(results, scenario);
  const focus = focusOption(results, maxYears);
  const order = [lead, ...perspectivesOf(results).filter((p) => p !== lead)];
  return order.flatMap((perspective) => {
    const decision = decisions[perspective];
    if (decision === undefined) return [];
    const name = councilName(results, perspective);
    const sentences = [bestSentence(decision, perspective, scenario.contract, measure, name)];
    if (maxYears >= 1) {
      const budget = perspective === REGION ? null : budgetSentence(results, perspective, focus, maxYears);
      // The best option's own increment is already in its sentence.
      const noDifference = decision.options.every((o) => Math.abs(headlineValue(o.incrementalNpv, measure)) < 0.5);
      if (budget !== null) sentences.push(budget);
      else if (focus !== decision.bestOption && !noDifference)
        sentences.push(extensionSentence(decision, perspective, focus, maxYears, measure, name));
      if (perspective === lead) {
        const marginal = marginalSentence(decision, measure);
        if (marginal !== null) sentences.push(marginal);
      }
    }
    return [{ perspective, title: perspective === REGION ? t('perspective.region') : name, sentences }];
  });
}

/** The region's sentence and each council's, for every option. */
export interface OptionHeadlines {
  extensionYears: number;
  name: string;
  region: string;
  councils: { council: string; text: string }[];
}

/**
 * Every option in a sentence: for an extension option, what its extension years add for the region
 * (headline measure) and to each council's cash budget; for stopping, that it is the baseline.
 */
export function headlines(results: Results, scenario: Pick<Scenario, 'contract' | 'councils'>): OptionHeadlines[] {
  const maxYears = scenario.contract.maxYears;
  const measure = headlineMeasure(results);
  const decisions = decisionOf(results);
  return results.options.map((option) => {
    const k = option.extensionYears;
    const councils = scenario.councils.filter((c) => c.name in option.perspectives);
    if (k === 0 || maxYears === 0) {
      return {
        extensionYears: k,
        name: optionName(k),
        region:
          maxYears === 0 ? optionHeadline(option, REGION, maxYears) : t('decision.baseline', { fixedEnd: endMonth(scenario.contract, 0) }),
        councils:
          maxYears === 0
            ? councils.map((c) => ({ council: localText(c.label), text: optionHeadline(option, c.name, maxYears, localText(c.label)) }))
            : [],
      };
    }
    return {
      extensionYears: k,
      name: optionName(k),
      region: extensionSentence(decisions[REGION]!, REGION, k, maxYears, measure),
      councils: councils.map((c) => ({
        council: localText(c.label),
        text:
          budgetSentence(results, c.name, k, maxYears) ??
          extensionSentence(decisions[c.name]!, c.name, k, maxYears, measure, localText(c.label)),
      })),
    };
  });
}

/** A calendar month (YYYY-MM) as a number of months, to compare months. */
function monthNumber(isoDate: string): number {
  const [year, month] = isoDate.split('-').map(Number) as [number, number];
  return year * 12 + month - 1;
}

/** A grant share in words: "90%", "one of 0% or 90% (uncertain)", "85% (worked out by a formula)". */
function shareWords(scenario: Scenario, path: string, central: Record<string, number>): string {
  const quantity = scenario.quantities[path];
  const value = central[path] ?? 0;
  if (quantity === undefined || quantity.kind === 'number') return formatPercent(value, 1);
  if (quantity.kind === 'distribution' && quantity.distribution.dist !== 'fixed') {
    return t('grant.share.uncertain', { words: distributionInWords(quantity.distribution, 'percent') });
  }
  if (quantity.kind === 'distribution') return formatPercent(value, 1);
  return t('grant.share.formula', { value: formatPercent(value, 1) });
}

/**
 * The grant share at the central values in the fixed term's last month: the schedule's first
 * entry that covers it, else that financial year's share, else `funding.external_share`.
 */
export function grantShare(scenario: Scenario): number {
  const central = centralValues(scenario);
  const month = monthNumber(scenario.contract.baseEnd);
  const schedule = scenario.fundingSchedule ?? [];
  const index = schedule.findIndex((e) => monthNumber(e.from) <= month && (e.to === undefined || month <= monthNumber(e.to)));
  if (index >= 0) return central[`funding.schedule.${index}.external_share`] ?? 0;
  const [year, monthOfYear] = scenario.contract.baseEnd.split('-').map(Number) as [number, number];
  const first = monthOfYear >= 4 ? year : year - 1;
  const label = `${first}/${String((first + 1) % 100).padStart(2, '0')}`;
  return scenario.externalShareByYear?.[label] ?? central['funding.external_share'] ?? 0;
}

/**
 * What the grant pays, when, from the scenario's funding: the schedule's periods (uncertain shares
 * said as such), or the shares by financial year, or one share throughout; then what happens if
 * the grant falls.
 * @example "Share of the contract paid by the grant: 100% from January 2025 to December 2025; 90% from
 *   January 2026 to March 2027; one of 0% or 90% (uncertain) from April 2027. If the grant share falls
 *   below the fixed term’s in an extension year, the contract ends that month."
 */
export function grantScheduleSentence(scenario: Scenario): string {
  const central = centralValues(scenario);
  const schedule = scenario.fundingSchedule ?? [];
  const byYear = Object.entries(scenario.externalShareByYear ?? {});
  const rest = shareWords(scenario, 'funding.external_share', central);
  let text: string;
  if (schedule.length > 0) {
    const periods = schedule.map((entry, i) => {
      const share = shareWords(scenario, `funding.schedule.${i}.external_share`, central);
      const from = formatMonth(entry.from.slice(0, 7));
      return entry.to === undefined
        ? t('grant.period.from', { share, from })
        : t('grant.period.range', { share, from, to: formatMonth(entry.to.slice(0, 7)) });
    });
    const covered = (month: number): boolean =>
      schedule.some((e) => monthNumber(e.from) <= month && (e.to === undefined || month <= monthNumber(e.to)));
    const first = monthNumber(scenario.contract.start);
    const last = monthNumber(scenario.contract.baseEnd) + 12 * scenario.contract.maxYears;
    let gap = false;
    for (let month = first; month <= last && !gap; month++) gap = !covered(month);
    if (gap) periods.push(t('grant.period.other', { share: rest }));
    text = t('grant.schedule', { periods: periods.join('; ') });
  } else if (byYear.length > 0) {
    const periods = byYear.map(([year, share]) => t('grant.period.year', { share: formatPercent(share, 1), year }));
    periods.push(t('grant.period.otherYears', { share: rest }));
    text = t('grant.schedule', { periods: periods.join('; ') });
  } else {
    text = t('grant.flat', { share: rest });
  }
  if (scenario.ifGrantFalls === 'contract_ends') return `${text} ${t('grant.ifFalls.contractEnds')}`;
  if (schedule.length > 0 || byYear.length > 0) return `${text} ${t('grant.ifFalls.councilsPay')}`;
  return text;
}

/**
 * With `if_grant_falls: contract_ends` and Monte Carlo, the chance each extension option ended early
 * (section 16); null otherwise.
 * @example "In the simulations the contract ended early in 48% of draws for 1 extension year, ... and 48% of draws for 4 extension years."
 */
export function endedEarlySentence(results: Results, scenario: Pick<Scenario, 'ifGrantFalls'>): string | null {
  if (scenario.ifGrantFalls !== 'contract_ends') return null;
  const decision = decisionOf(results)[REGION];
  const options = (decision?.options ?? []).filter((o) => o.extensionYears >= 1 && o.probabilityEndedEarly !== null);
  if (options.length === 0) return null;
  if (options.every((o) => o.probabilityEndedEarly === 0)) return t('grant.endedEarly.never');
  const items = options.map((o) =>
    t('grant.endedEarly.item', { percent: formatPercent(o.probabilityEndedEarly!, 1), option: optionName(o.extensionYears).toLowerCase() }),
  );
  return t('grant.endedEarly', { items: listInWords(items, t('list.and')) });
}

/**
 * What a council pays and keeps, in one sentence, at the grant share of the fixed term's last month.
 * @example "Bridgend pays 30.3% of whatever the grant does not pay (about £20k a year while the
 *   grant pays 90%) but keeps all of its own avoided placement costs (35% of the region’s); only
 *   the cashable part of them comes back to its budget as cash."
 */
export function grantSentence(scenario: Scenario, councilName: string): string {
  const council = scenario.councils.find((c) => c.name === councilName);
  if (council === undefined) throw new Error(`grantSentence: no council "${councilName}"`);
  const central = centralValues(scenario);
  const grant = grantShare(scenario);
  const annualValue = central['contract.annual_value'] ?? 0;
  const paid = annualValue * (1 - grant) * council.matchShare;
  return t(grant > 0 ? 'grant.council' : 'grant.councilNone', {
    grant: formatPercent(grant, 1),
    council: localText(council.label),
    match: formatPercent(council.matchShare, 1),
    paid: formatMoneyShort(paid),
    children: formatPercent(council.childrenShare, 1),
  });
}

/** Months of the contract term of an option: the fixed term (start to base end, whole months) plus 12 per extension year. */
export function termMonths(contract: Scenario['contract'], extensionYears: number): number {
  const [startYear, startMonth] = contract.start.split('-').map(Number) as [number, number];
  const [endYear, endMonth] = contract.baseEnd.split('-').map(Number) as [number, number];
  return (endYear - startYear) * 12 + (endMonth - startMonth) + 1 + 12 * extensionYears;
}

/**
 * Break-even in words, for the region: placements a year to pay for itself, against what is
 * expected. placementsNeeded is over the whole term, so it is divided by the term in years.
 */
export function breakEvenSentence(option: OptionResult, contract: Scenario['contract']): string {
  const needed = option.breakEven.placementsNeeded;
  if (needed === null) return t('breakEven.none');
  const years = termMonths(contract, option.extensionYears) / 12;
  const expected = option.perspectives[REGION]!.totals.residentialPlacementsAvoided;
  return t('breakEven.sentence', {
    option: optionName(option.extensionYears),
    perYear: formatNumber(needed / years, 1),
    total: formatNumber(needed, 1),
    years: formatNumber(years, years === Math.round(years) ? 0 : 2),
    expectedPerYear: formatNumber(expected / years, 1),
  });
}

/** Where the switching value lies, in words: the input must be at least / at most X to pay for itself. */
export function switchingInWords(value: number | null, path: string, central: number, npvAtCentral: number): string {
  if (value === null) return t('switching.noneInRange');
  const unit = unitOf(path);
  const text = valueInWords(value, unit);
  // Below break-even, moving towards the value pays; above it, moving past the value stops paying.
  const above = npvAtCentral < 0 ? value > central : value < central;
  return t(above ? 'switching.atLeast' : 'switching.atMost', { value: text });
}

export interface SwitchingRow {
  path: string;
  label: string;
  central: string;
  /** One cell per option. */
  cells: string[];
}

/** The switching values of every option as a table: one row per input, one column per option. */
export function switchingTable(results: Results, scenario: Scenario): SwitchingRow[] {
  const central = centralValues(scenario);
  const paths = Object.keys(results.options[0]?.breakEven.switchingValues ?? {});
  return paths.map((path) => ({
    path,
    label: inputLabel(path),
    central: central[path] === undefined ? '' : valueInWords(central[path]!, unitOf(path)),
    cells: results.options.map((option) =>
      switchingInWords(option.breakEven.switchingValues[path] ?? null, path, central[path] ?? 0, option.perspectives[REGION]!.totals.npv),
    ),
  }));
}

/** The headline option: the scenario's `take`, or the last option if take is out of range. */
export function headlineOption(results: Results): OptionResult {
  const take = typeof results.headlineExtensionYears === 'number' ? results.headlineExtensionYears : undefined;
  return results.options.find((o) => o.extensionYears === take) ?? results.options[results.options.length - 1]!;
}

/**
 * The one-line result for the scenarios list: the region's best option and what the focus option's
 * extension years add for each perspective, in the headline measure.
 * @example "Best for the region: no extension. 4 extension years add -£470k for the region, -£20k for Bridgend ..., on average across the simulations (net present value)."
 */
export function listHeadline(results: Results): string {
  const measure = headlineMeasure(results);
  const decisions = decisionOf(results);
  const maxYears = Math.max(...results.options.map((o) => o.extensionYears));
  const best = t('list.best', { option: optionName(decisions[REGION]?.bestOption ?? 0) });
  if (maxYears === 0) return best;
  const focus = focusOption(results, maxYears);
  const signed = (pounds: number): string => (pounds > 0 ? `+${formatMoneyShort(pounds)}` : formatMoneyShort(pounds));
  const parts = perspectivesOf(results).flatMap((name) => {
    const option = decisions[name]?.options.find((o) => o.extensionYears === focus);
    if (option === undefined) return [];
    const amount = signed(headlineValue(option.incrementalNpv, measure));
    return [name === REGION ? t('list.forRegion', { amount }) : t('list.forCouncil', { amount, council: councilName(results, name) })];
  });
  return `${best} ${t('list.headline', { option: optionName(focus), parts: parts.join(', '), measure: measureWords(measure) })}`;
}
