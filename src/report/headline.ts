/**
 * The answer in plain English (shared/users.md, "How the answers should read"): one headline
 * sentence per option and perspective that leads with the answer, then the number, then the
 * range; the grant in one sentence; break-even and switching values in words.
 */
import type { OptionResult, Results } from '../model/results';
import { centralValues } from '../scenario/inputs';
import type { Scenario } from '../scenario/types';
import { formatChance, formatMoneyShort, formatNumber, formatPercent, moneyUnitFor } from './format';
import { inputLabel, unitOf, valueInWords } from './inputs';
import { t, tPlural } from './messages';

export const REGION = 'region';

/** The central estimate of NPV for one option and perspective, with its range and chance. */
export interface NpvEstimate {
  /** Monte Carlo mean, or the deterministic NPV when no simulation ran. */
  npv: number;
  /** P10 and P90 (null without Monte Carlo). */
  low: number | null;
  high: number | null;
  /** P(NPV > 0), or null without Monte Carlo. */
  chance: number | null;
}

/** The NPV estimate of `option` for `perspective` ('region' or a council's name). */
export function npvEstimate(option: OptionResult, perspective: string): NpvEstimate {
  const simulated = option.monteCarlo?.perspectives[perspective];
  if (simulated === undefined) {
    return { npv: option.perspectives[perspective]!.totals.npv, low: null, high: null, chance: null };
  }
  return { npv: simulated.npv.mean, low: simulated.npv.p10, high: simulated.npv.p90, chance: simulated.probabilityNpvPositive };
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
  return pounds >= 0 ? t('money.saving', { amount: formatMoneyShort(pounds, unit) }) : t('money.loss', { amount: formatMoneyShort(-pounds, unit) });
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

/** The verb phrase for a perspective's answer: "is likely to save about £310k". */
function answerPhrase(estimate: NpvEstimate, who: string): string {
  const amount = formatMoneyShort(Math.abs(estimate.npv));
  if (estimate.chance === null) {
    return t(estimate.npv >= 0 ? 'answer.centralSave' : 'answer.centralCost', { amount, who });
  }
  const likelihood = likelihoodOf(estimate.chance);
  // A skewed spread can put the mean on the other side of zero from the likelier outcome: then
  // the odds are the answer and the mean is given with its sign.
  const agrees = likelihood === 'even' || (likelihood.endsWith('Save') ? estimate.npv >= 0 : estimate.npv < 0);
  if (likelihood === 'even' || !agrees) {
    return t('answer.even', { amount: gainOrLoss(estimate.npv, moneyUnitFor(estimate.npv)), who });
  }
  return t(`answer.${likelihood}`, { amount, who });
}

/** The tail of a headline: the range and the chance, when there was a simulation. */
function rangeAndChance(estimate: NpvEstimate): string {
  if (estimate.low === null || estimate.high === null || estimate.chance === null) return t('answer.noRange');
  return t('answer.rangeAndChance', { range: rangeInWords(estimate.low, estimate.high), chance: formatChance(estimate.chance) });
}

/**
 * The region's headline for one option.
 * @example "Taking all 4 extension years is likely to cost the region about £785k more than it
 *   avoids, in today’s money (8 in 10 simulations between a loss of £2.3m and a saving of £1.3m;
 *   chance it pays for itself: about 2 in 10)."
 */
export function regionHeadline(option: OptionResult, maxYears: number): string {
  const estimate = npvEstimate(option, REGION);
  return t('headline.region', {
    subject: optionSubject(option.extensionYears, maxYears),
    answer: answerPhrase(estimate, t('headline.whoRegion')),
    tail: rangeAndChance(estimate),
  });
}

/**
 * A council's headline for one option: "Taking all 4 extension years is likely to save Bridgend’s own budget more than it costs: about £678k ...".
 */
export function councilHeadline(option: OptionResult, council: string, maxYears: number): string {
  const estimate = npvEstimate(option, council);
  return t('headline.region', {
    subject: optionSubject(option.extensionYears, maxYears),
    answer: answerPhrase(estimate, t('headline.whoCouncil', { council })),
    tail: rangeAndChance(estimate),
  });
}

/** The region's sentence and each council's, for every option. */
export interface OptionHeadlines {
  extensionYears: number;
  name: string;
  region: string;
  councils: { council: string; text: string }[];
}

export function headlines(results: Results, scenario: Pick<Scenario, 'contract' | 'councils'>): OptionHeadlines[] {
  return results.options.map((option) => ({
    extensionYears: option.extensionYears,
    name: optionName(option.extensionYears),
    region: regionHeadline(option, scenario.contract.maxYears),
    councils: scenario.councils.filter((c) => c.name in option.perspectives).map((c) => ({ council: c.name, text: councilHeadline(option, c.name, scenario.contract.maxYears) })),
  }));
}

/** The share of the contract paid by the grant at the central values (first year's when it varies by year). */
export function grantShare(scenario: Scenario): number {
  return centralValues(scenario)['funding.external_share'] ?? 0;
}

/**
 * Why a council can save when the region loses, in one sentence.
 * @example "The grant pays 90% of the contract, so Bridgend pays 30.3% of the other 10% (about £20k a year) but keeps all of its own avoided placement costs (35% of the region’s)."
 */
export function grantSentence(scenario: Scenario, councilName: string): string {
  const council = scenario.councils.find((c) => c.name === councilName);
  if (council === undefined) throw new Error(`grantSentence: no council "${councilName}"`);
  const central = centralValues(scenario);
  const grant = grantShare(scenario);
  const annualValue = central['contract.annual_value'] ?? 0;
  const paid = annualValue * (1 - grant) * council.matchShare;
  const key = grant > 0 ? 'grant.sentence' : 'grant.none';
  return t(key, {
    grant: formatPercent(grant, 1),
    council: council.name,
    match: formatPercent(council.matchShare, 1),
    rest: formatPercent(1 - grant, 1),
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
 * The one-line result for the scenarios list: "4 extension years: expected NPV -£785k for the
 * region, +£678k for Bridgend, ...".
 */
export function listHeadline(results: Results): string {
  const option = headlineOption(results);
  const signed = (pounds: number): string => (pounds > 0 ? `+${formatMoneyShort(pounds)}` : formatMoneyShort(pounds));
  const parts = Object.keys(option.perspectives).map((name) =>
    name === REGION ? t('list.forRegion', { amount: signed(npvEstimate(option, name).npv) }) : t('list.forCouncil', { amount: signed(npvEstimate(option, name).npv), council: name }),
  );
  return t('list.headline', { option: optionName(option.extensionYears), parts: parts.join(', ') });
}
