/**
 * Plain-English sentences for the monitoring update and the value of information (shared/model.md
 * section 15): what is worth finding out before deciding, whether to decide now or wait a year,
 * and whether the service is running ahead of, in line with or behind its business case.
 * Reads the results' `valueOfInformation` and `monitoring` sections; words come from the catalogue.
 */
import type { WaitOneYear } from '../model/information';
import type { ValueOfInformationResult } from '../model/results';
import type { ObservedCounts, TrackedCount, Tracking } from '../model/update';
import { inputRow } from '../scenario/catalogue';
import { formatMoneyShort, formatNumber, formatPercent } from './format';
import { currentLocale, t, tPlural, type Locale, type MessageKey } from './messages';

/** The parts of the results' valueOfInformation section the sentences read. */
export type ValueOfInformationSection = Pick<ValueOfInformationResult, 'evpi' | 'evppi'> & { waitOneYear: WaitOneYearSection | null };

/** The parts of waitOneYear the sentences read (sampleInformation only when given). */
export type WaitOneYearSection = Pick<WaitOneYear, 'valueOfWaiting' | 'valueOfCommittingNow' | 'bestOptionNow'> &
  Partial<Pick<WaitOneYear, 'sampleInformation'>>;

type CountRange = Pick<TrackedCount, 'observed' | 'p10' | 'p90'>;

/** The parts of the results' monitoring section the sentences read. */
export interface MonitoringSection {
  tracking: Pick<Tracking, 'status'> & { referrals?: CountRange; breakdowns?: CountRange };
  periods: { observed: Pick<ObservedCounts, 'followedUp' | 'breakdowns'> }[];
  /** UpdateWarning, or a code this version does not know (which warningSentence refuses). */
  warnings: ({ code: string } & Record<string, unknown>)[];
}

/** An input worth less than this share of EVPI (or under £1,000) is "worth little to research further". */
export const LITTLE_WORTH_SHARE = 0.05;
const LITTLE_WORTH_POUNDS = 1_000;
/** Waiting and deciding now within this many pounds are "about the same". */
export const SAME_WITHIN_POUNDS = 1_000;

/** A reader's name for an input path (its catalogue row's `name`). inputName('outcomes.effectiveness') -> "effectiveness of the service" */
export function inputName(path: string, locale: Locale = currentLocale()): string {
  const name = inputRow(path)?.name;
  if (name !== undefined) return t(name as MessageKey, {}, locale);
  if (path.startsWith('variables.'))
    return t('information.input.variable', { name: path.slice('variables.'.length).replaceAll('_', ' ') }, locale);
  return path;
}

/** An option in words. optionName(0) -> "stopping at the end of the fixed term"; optionName(2) -> "2 extension years" */
export function optionName(extensionYears: number, locale: Locale = currentLocale()): string {
  if (extensionYears === 0) return t('information.option.zero', {}, locale);
  return tPlural('information.option', extensionYears, {}, locale);
}

function list(items: string[], locale: Locale): string {
  if (items.length <= 1) return items.join('');
  return t('information.list.and', { first: items.slice(0, -1).join(', '), last: items.at(-1)! }, locale);
}

/**
 * What is worth finding out: the input with the highest EVPPI, and those worth little.
 * "Knowing the true effectiveness of the service before deciding would be worth up to £67k; the
 * residential weekly cost is worth little to research further."
 */
export function valueOfInformationSentences(voi: ValueOfInformationSection, locale: Locale = currentLocale()): string[] {
  if (!(voi.evpi > 0)) return [t('information.evpi.none', {}, locale)];
  const sentences = [t('information.evpi', { amount: formatMoneyShort(voi.evpi, undefined, locale) }, locale)];
  const threshold = Math.max(LITTLE_WORTH_POUNDS, LITTLE_WORTH_SHARE * voi.evpi);
  const ranked = Object.entries(voi.evppi).sort((a, b) => b[1] - a[1]);
  const top = ranked[0] && ranked[0][1] >= threshold ? ranked[0] : undefined;
  const little = ranked.filter(([, value]) => value < threshold).map(([path]) => inputName(path, locale));
  const littleText = little.length > 0 ? tPlural('information.evppi.little', little.length, { inputs: list(little, locale) }, locale) : '';
  if (top) {
    const worth = t(
      'information.evppi.worth',
      { input: inputName(top[0], locale), amount: formatMoneyShort(top[1], undefined, locale) },
      locale,
    );
    sentences.push(littleText ? t('information.evppi.join', { first: worth, second: littleText }, locale) : `${worth}.`);
  } else if (littleText) {
    sentences.push(`${littleText.charAt(0).toUpperCase()}${littleText.slice(1)}.`);
  }
  return sentences;
}

/** Decide now or wait a year, in words. */
export function waitOneYearSentences(wait: WaitOneYearSection, locale: Locale = currentLocale()): string[] {
  const difference = formatMoneyShort(Math.abs(wait.valueOfWaiting - wait.valueOfCommittingNow), undefined, locale);
  const best = optionName(wait.bestOptionNow, locale);
  const gap = wait.valueOfWaiting - wait.valueOfCommittingNow;
  const key = Math.abs(gap) < SAME_WITHIN_POUNDS ? 'information.wait.same' : gap > 0 ? 'information.wait.better' : 'information.wait.worse';
  const sentences = [t(key, { difference, best }, locale)];
  if (wait.sampleInformation !== undefined)
    sentences.push(t('information.wait.learning', { amount: formatMoneyShort(wait.sampleInformation, undefined, locale) }, locale));
  return sentences;
}

/** Whether the service is on track, the counts behind it, and any warnings about the update. */
export function trackingSentences(monitoring: MonitoringSection, locale: Locale = currentLocale()): string[] {
  const { tracking } = monitoring;
  const sentences = [t(`information.tracking.${tracking.status}` as MessageKey, {}, locale)];
  if (tracking.breakdowns) {
    const followedUp = monitoring.periods.reduce(
      (sum, p) => sum + (p.observed.followedUp !== undefined && p.observed.breakdowns !== undefined ? p.observed.followedUp : 0),
      0,
    );
    sentences.push(
      t(
        'information.tracking.breakdowns',
        {
          observed: formatNumber(tracking.breakdowns.observed, 0, locale),
          followedUp: formatNumber(followedUp, 0, locale),
          low: tracking.breakdowns.p10,
          high: tracking.breakdowns.p90,
        },
        locale,
      ),
    );
    sentences.push(t('information.tracking.caveat', {}, locale));
  }
  if (tracking.referrals) {
    sentences.push(
      t(
        'information.tracking.referrals',
        { observed: formatNumber(tracking.referrals.observed, 0, locale), low: tracking.referrals.p10, high: tracking.referrals.p90 },
        locale,
      ),
    );
  }
  for (const warning of monitoring.warnings) sentences.push(warningSentence(warning, locale));
  return sentences;
}

/** One update warning in words. */
export function warningSentence(warning: { code: string } & Record<string, unknown>, locale: Locale = currentLocale()): string {
  const number = (key: string): string => formatNumber(Number(warning[key]), 0, locale);
  switch (warning.code) {
    case 'low-effective-sample-size':
      return t(
        'information.warning.low-effective-sample-size',
        { ess: number('effectiveSampleSize'), iterations: number('iterations') },
        locale,
      );
    case 'low-effective-share':
      return t('information.warning.low-effective-share', { share: formatPercent(Number(warning.share), 1, locale) }, locale);
    case 'more-draws-used':
      return t(
        'information.warning.more-draws-used',
        { iterations: number('iterations'), requested: number('requestedIterations') },
        locale,
      );
    case 'observations-impossible':
      return t('information.warning.observations-impossible', {}, locale);
    default:
      throw new Error(`warningSentence: unknown warning code "${warning.code}"`);
  }
}

/** The option's expected region NPV before and after the update, in words. */
export function updateSentence(extensionYears: number, before: number, after: number, locale: Locale = currentLocale()): string {
  return t(
    'information.update.npv',
    {
      option: optionName(extensionYears, locale),
      before: formatMoneyShort(before, undefined, locale),
      after: formatMoneyShort(after, undefined, locale),
    },
    locale,
  );
}
