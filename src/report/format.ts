/**
 * Numbers for people to read: money, counts, percentages, chances and dates, in the
 * conventions of the locale (en-GB now). Pure functions: same input, same string.
 * Round for reading here; tables and exports that must be exact use `formatMoney`.
 */
import { currentLocale, LOCALE_TAGS, t, type Locale } from './messages';

const numberFormats = new Map<string, Intl.NumberFormat>();

/** Intl formatters are slow to build and safe to share, so keep one per option set. */
function numberFormat(locale: Locale, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const cacheKey = `${locale}|${JSON.stringify(options)}`;
  let format = numberFormats.get(cacheKey);
  if (format === undefined) {
    // signDisplay 'negative': a value that rounds to zero never shows as "-0.0".
    format = new Intl.NumberFormat(LOCALE_TAGS[locale], { signDisplay: 'negative', ...options });
    numberFormats.set(cacheKey, format);
  }
  return format;
}

/** Turns -0 (from rounding a small negative) into 0, so no "-£0" is shown. */
function withoutNegativeZero(value: number): number {
  return Object.is(value, -0) ? 0 : value;
}

function assertFinite(value: number, caller: string): void {
  if (!Number.isFinite(value)) throw new Error(`${caller}: expected a finite number, got ${value}`);
}

/**
 * Pounds to the nearest pound, with thousands separators.
 * @example formatMoney(1234567.8) // "£1,234,568"
 * @example formatMoney(-950) // "-£950"
 */
export function formatMoney(pounds: number, locale: Locale = currentLocale()): string {
  assertFinite(pounds, 'formatMoney');
  return numberFormat(locale, {
    style: 'currency',
    currency: 'GBP',
    minimumFractionDigits: 0,
    maximumFractionDigits: 0,
  }).format(withoutNegativeZero(Math.round(pounds)));
}

export type MoneyUnit = 'pounds' | 'thousands' | 'millions' | 'billions';

const UNIT_SIZES: Readonly<Record<MoneyUnit, number>> = {
  pounds: 1,
  thousands: 1e3,
  millions: 1e6,
  billions: 1e9,
};

/**
 * The unit a short money figure is shown in: the largest unit the rounded value reaches,
 * so that £999,600 reads "£1m", not "£1,000k".
 */
export function moneyUnitFor(pounds: number): MoneyUnit {
  const size = Math.abs(pounds);
  const units: MoneyUnit[] = ['pounds', 'thousands', 'millions', 'billions'];
  let index = 0;
  while (index < units.length - 1 && size >= UNIT_SIZES[units[index + 1]!]) index += 1;
  // Rounding may reach 1,000 of this unit (999,600 -> "1,000k"): then use the next unit up.
  const rounded = index === 0 ? Math.round(size) : roundShort(size / UNIT_SIZES[units[index]!]);
  if (rounded >= 1000 && index < units.length - 1) index += 1;
  return units[index]!;
}

/** Three significant figures at most, never more than one decimal place. */
function roundShort(amountInUnit: number): number {
  const size = Math.abs(amountInUnit);
  if (size >= 100) return Math.round(amountInUnit);
  return Math.round(amountInUnit * 10) / 10;
}

/**
 * Pounds rounded for reading: three significant figures at most, with k, m or bn.
 * Pass `unit` to show several figures in the same unit ("£0.6m to £2.1m").
 * @example formatMoneyShort(-1234567) // "-£1.2m"
 * @example formatMoneyShort(310000) // "£310k"
 * @example formatMoneyShort(600000, 'millions') // "£0.6m"
 */
export function formatMoneyShort(pounds: number, unit?: MoneyUnit, locale: Locale = currentLocale()): string {
  assertFinite(pounds, 'formatMoneyShort');
  const chosenUnit = unit ?? moneyUnitFor(pounds);
  if (chosenUnit === 'pounds') return formatMoney(pounds, locale);
  const amount = withoutNegativeZero(roundShort(pounds / UNIT_SIZES[chosenUnit]));
  const suffixKey =
    chosenUnit === 'thousands' ? 'money.thousandSuffix' : chosenUnit === 'millions' ? 'money.millionSuffix' : 'money.billionSuffix';
  const text = numberFormat(locale, {
    style: 'currency',
    currency: 'GBP',
    minimumFractionDigits: 0,
    maximumFractionDigits: 1,
  }).format(amount);
  return text + t(suffixKey, {}, locale);
}

/**
 * A range of money rounded for reading, both ends in the unit of the larger.
 * @example formatMoneyRange(600000, 2100000) // "£0.6m to £2.1m"
 */
export function formatMoneyRange(lowPounds: number, highPounds: number, locale: Locale = currentLocale()): string {
  const unit = moneyUnitFor(Math.max(Math.abs(lowPounds), Math.abs(highPounds)));
  return t('range.between', { low: formatMoneyShort(lowPounds, unit, locale), high: formatMoneyShort(highPounds, unit, locale) }, locale);
}

/**
 * A number with exactly `decimals` decimal places and thousands separators.
 * @example formatNumber(2.43, 1) // "2.4"
 * @example formatNumber(1234) // "1,234"
 */
export function formatNumber(value: number, decimals = 0, locale: Locale = currentLocale()): string {
  assertFinite(value, 'formatNumber');
  return numberFormat(locale, {
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
  }).format(withoutNegativeZero(value));
}

/**
 * A share (0.047) as a percentage, up to `decimals` places, no trailing zeros.
 * @example formatPercent(0.047) // "4.7%"
 * @example formatPercent(0.5) // "50%"
 */
export function formatPercent(share: number, decimals = 1, locale: Locale = currentLocale()): string {
  assertFinite(share, 'formatPercent');
  return numberFormat(locale, {
    style: 'percent',
    minimumFractionDigits: 0,
    maximumFractionDigits: decimals,
  }).format(withoutNegativeZero(share));
}

/** "1 in N" denominators for small chances, nearest on a log scale. */
const ONE_IN_N = [10, 12, 15, 20, 25, 30, 40, 50, 70, 100] as const;

/**
 * A probability in plain-English odds, for board members (users.md).
 * Below 1%: "less than 1 in 100"; 1% to 9.5%: "about 1 in N" (N from 10, 12, 15, 20, 25,
 * 30, 40, 50, 70, 100); 9.5% to 95%: "about N in 10"; 95% to 99%: "more than 9 in 10";
 * 99% or more: "almost certain".
 * @example formatChance(0.047) // "about 1 in 20"
 * @example formatChance(0.9) // "about 9 in 10"
 */
export function formatChance(probability: number, locale: Locale = currentLocale()): string {
  assertFinite(probability, 'formatChance');
  if (probability < 0 || probability > 1) {
    throw new Error(`formatChance: expected a probability between 0 and 1, got ${probability}`);
  }
  if (probability >= 0.99) return t('chance.almostCertain', {}, locale);
  if (probability >= 0.95) return t('chance.moreThan9In10', {}, locale);
  if (probability >= 0.095) return t('chance.aboutNIn10', { count: Math.round(probability * 10) }, locale);
  if (probability >= 0.01) {
    const exact = 1 / probability;
    let nearest: number = ONE_IN_N[0];
    for (const candidate of ONE_IN_N) {
      if (Math.abs(Math.log(candidate / exact)) < Math.abs(Math.log(nearest / exact))) nearest = candidate;
    }
    return t('chance.about1InN', { count: nearest }, locale);
  }
  return t('chance.lessThan1In100', {}, locale);
}

/**
 * A calendar date (ISO `YYYY-MM-DD`, or a Date read in UTC) in words.
 * @example formatDate('2025-01-03') // "3 January 2025"
 */
export function formatDate(date: string | Date, locale: Locale = currentLocale()): string {
  let instant: Date;
  if (typeof date === 'string') {
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
    if (match === null) throw new Error(`formatDate: expected a date as YYYY-MM-DD, got "${date}"`);
    instant = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
    if (instant.toISOString().slice(0, 10) !== date) throw new Error(`formatDate: no such date "${date}"`);
  } else {
    instant = date;
    if (Number.isNaN(instant.getTime())) throw new Error('formatDate: invalid Date');
  }
  return new Intl.DateTimeFormat(LOCALE_TAGS[locale], {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(instant);
}

/** The formatters bound to one locale, as views receive them: `format.money(x)`. */
export interface Formatters {
  money(pounds: number): string;
  moneyShort(pounds: number, unit?: MoneyUnit): string;
  moneyRange(lowPounds: number, highPounds: number): string;
  number(value: number, decimals?: number): string;
  percent(share: number, decimals?: number): string;
  chance(probability: number): string;
  date(date: string | Date): string;
  /** A table cell's or sentence's hyphen-minus before a figure as the true minus sign (see trueMinus). */
  minus(text: string): string;
}

/**
 * Hyphen-minus signs before a figure (start, after a space or "(") as the true minus sign U+2212,
 * which is as wide as a plus and never breaks a line between it and the figure; for display only
 * (exports keep the plain sign a spreadsheet reads).
 * @example trueMinus('-£48,544') // "−£48,544"
 * @example trueMinus('£1 to -£2') // "£1 to −£2"
 */
export function trueMinus(text: string): string {
  return text.replace(/(^|[\s(])-(?=[£\d])/g, '$1\u2212');
}

/** All formatters for `locale`. */
export function formattersFor(locale: Locale): Formatters {
  return {
    money: (pounds) => formatMoney(pounds, locale),
    moneyShort: (pounds, unit) => formatMoneyShort(pounds, unit, locale),
    moneyRange: (low, high) => formatMoneyRange(low, high, locale),
    number: (value, decimals) => formatNumber(value, decimals, locale),
    percent: (share, decimals) => formatPercent(share, decimals, locale),
    chance: (probability) => formatChance(probability, locale),
    date: (date) => formatDate(date, locale),
    minus: trueMinus,
  };
}

/**
 * A calendar month (`YYYY-MM`) plus `monthsLater`, in words.
 * @example formatMonth('2025-01', 14) // "March 2026"
 */
export function formatMonth(yearMonth: string, monthsLater = 0, locale: Locale = currentLocale()): string {
  const match = /^(\d{4})-(\d{2})$/.exec(yearMonth);
  if (match === null) throw new Error(`formatMonth: expected a month as YYYY-MM, got "${yearMonth}"`);
  const instant = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1 + monthsLater, 1));
  return new Intl.DateTimeFormat(LOCALE_TAGS[locale], { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(instant);
}
