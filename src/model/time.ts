/**
 * Months, financial years, contract terms and options (shared/model.md section 3).
 * Month 0 is the month that holds contract.start; months are counted from there.
 */
import { lastMonthOffset } from './placementSpread';
import type { Inputs, YearMonth } from './types';

/** Weeks in a month at the model's rate of 52 weeks a year. */
export const WEEKS_PER_MONTH = 52 / 12;

/** Months from `from` to `to` (to - from). monthsFrom({year:2025,month:1},{year:2027,month:3}) -> 26 */
export function monthsFrom(from: YearMonth, to: YearMonth): number {
  return (to.year - from.year) * 12 + (to.month - from.month);
}

/** The calendar month `index` months after `start`. calendarMonth({year:2025,month:1}, 3) -> {year:2025, month:4} */
export function calendarMonth(start: YearMonth, index: number): YearMonth {
  const zeroBased = start.month - 1 + index;
  return { year: start.year + Math.floor(zeroBased / 12), month: (((zeroBased % 12) + 12) % 12) + 1 };
}

/** Calendar year in which the UK financial year holding `month` begins (1 April). January 2025 -> 2024 */
export function financialYearStartYear(month: YearMonth): number {
  return month.month >= 4 ? month.year : month.year - 1;
}

/** Label of the financial year beginning in April of `startYear`. financialYearLabel(2025) -> "2025/26" */
export function financialYearLabel(startYear: number): string {
  return `${startYear}/${String((startYear + 1) % 100).padStart(2, '0')}`;
}

/** Months in the fixed term, both ends included. 3 Jan 2025 to 31 Mar 2027 -> 27 */
export function fixedTermMonths(inputs: Pick<Inputs, 'start' | 'baseEnd'>): number {
  return monthsFrom(inputs.start, inputs.baseEnd) + 1;
}

/** Months in option k's term: the fixed term plus 12 k. */
export function termMonths(inputs: Pick<Inputs, 'start' | 'baseEnd'>, extensionYears: number): number {
  return fixedTermMonths(inputs) + 12 * extensionYears;
}

/**
 * Months after its start month that an avoided residential placement of `weeks` still touches.
 * It starts mid-month and runs weeks x 12/52 months: 52 weeks -> 12 (it ends mid-month 12; see placementSpread.ts).
 */
export function placementTailMonths(weeks: number): number {
  if (!(weeks > 0)) return 0;
  return lastMonthOffset((weeks * 12) / 52);
}

/**
 * Months in the common horizon: the longest option's term plus the longest placement tail,
 * so every option is evaluated over the same months (section 3).
 */
export function horizonMonths(inputs: Pick<Inputs, 'start' | 'baseEnd' | 'maxExtensionYears'>, longestWeeks: number): number {
  return termMonths(inputs, inputs.maxExtensionYears) + placementTailMonths(longestWeeks);
}

/** How money is counted over a horizon (shared/model.md section 17). */
export interface MoneySettings {
  discountRate: number;
  /** General inflation a year; 0 makes cash equal real. */
  inflation: number;
  /** Financial-year index of the price base (0 for the year holding month 0). */
  priceBaseYear: number;
  /** Financial-year index present values are discounted to. */
  discountBaseYear: number;
}

/** How each month of a horizon maps to financial years, with the Green Book discount factor and the deflator of each. */
export interface Timeline {
  months: number;
  /** Financial-year index of each month: 0 for the year holding month 0. */
  yearOfMonth: Int32Array;
  /** Labels of financial years 0, 1, ... e.g. ["2024/25", "2025/26"]. */
  yearLabels: string[];
  /** (1 + discount rate)^-(year - discount base year) for each month. */
  discount: Float64Array;
  /** (1 + inflation)^(year - price base year) for each month: cash = real x deflator. */
  deflator: Float64Array;
}

/**
 * Green Book discount factor of financial year `year`: (1 + rate)^-(year - base); years before the
 * base are compounded forward. A whole number of years' products, as compound() works them out.
 * discountFactor(0.035, 2, 1) -> 1 / 1.035
 */
export function discountFactor(rate: number, year: number, baseYear: number): number {
  return year >= baseYear ? compound(1 / (1 + rate), year - baseYear) : compound(1 + rate, baseYear - year);
}

/**
 * Deflator of financial year `year`, stepping each April: (1 + inflation)^(year - price base).
 * deflatorOf(0.02, 3, 1) -> 1.0404
 */
export function deflatorOf(inflation: number, year: number, priceBaseYear: number): number {
  return year >= priceBaseYear ? compound(1 + inflation, year - priceBaseYear) : compound(1 / (1 + inflation), priceBaseYear - year);
}

/**
 * factor^years for a whole number of years, as 1 x factor x factor ... (years products), not
 * Math.pow: a run with an uncertain discount rate or inflation works a year's factor out for every
 * year of every draw, and fillByYear() then takes one multiplication a year where a power took about
 * 30 ns (7% of such a run). Within years/2 parts in 10^16 of the power (a discount factor 17 years
 * out: about 1e-15).
 * compound(1.5, 2) -> 2.25
 */
export function compound(factor: number, years: number): number {
  let value = 1;
  for (let k = 0; k < years; k++) value *= factor;
  return value;
}

/**
 * values[t] for months from .. to - 1: the discount factor (or deflator) of month t's financial
 * year (yearOfMonth[t]), the same numbers as discountFactor (deflatorOf): a year after the one
 * before it, past the base, is that one's x the factor (the same products in the same order as
 * compound), the rest as compound. No function made per call (a draw with its own rates fills
 * these once or twice).
 */
export function fillByYear(
  values: Float64Array,
  yearOfMonth: Int32Array,
  from: number,
  to: number,
  kind: 'discount' | 'deflator',
  rate: number,
  baseYear: number,
): void {
  const grow = 1 + rate;
  // The factor a year after the base, and a year before it.
  const after = kind === 'discount' ? 1 / grow : grow;
  const before = kind === 'discount' ? grow : 1 / grow;
  let current = Number.NaN;
  let value = Number.NaN;
  for (let t = from; t < to; t++) {
    const year = yearOfMonth[t]!;
    if (year !== current) {
      value =
        year > baseYear && year === current + 1
          ? value * after
          : year >= baseYear
            ? compound(after, year - baseYear)
            : compound(before, baseYear - year);
      current = year;
    }
    values[t] = value;
  }
}

/**
 * The timeline of `months` months from `start` (HM Treasury Green Book discounting by financial
 * year; deflator by financial year). A plain rate means no inflation and both bases at year 0 (v1.1).
 */
export function buildTimeline(start: YearMonth, months: number, money: number | MoneySettings): Timeline {
  const settings: MoneySettings =
    typeof money === 'number' ? { discountRate: money, inflation: 0, priceBaseYear: 0, discountBaseYear: 0 } : money;
  const firstYear = financialYearStartYear(start);
  const yearOfMonth = new Int32Array(months);
  const discount = new Float64Array(months);
  const deflator = new Float64Array(months);
  const yearLabels: string[] = [];
  for (let n = 0; n < months; n++) {
    const year = financialYearStartYear(calendarMonth(start, n)) - firstYear;
    yearOfMonth[n] = year;
    discount[n] = discountFactor(settings.discountRate, year, settings.discountBaseYear);
    deflator[n] = deflatorOf(settings.inflation, year, settings.priceBaseYear);
    while (yearLabels.length <= year) yearLabels.push(financialYearLabel(firstYear + yearLabels.length));
  }
  return { months, yearOfMonth, yearLabels, discount, deflator };
}

/** The money settings of a set of inputs. */
export function moneySettings(inputs: Pick<Inputs, 'discountRate' | 'inflation' | 'priceBaseYear' | 'discountBaseYear'>): MoneySettings {
  return {
    discountRate: inputs.discountRate,
    inflation: inputs.inflation,
    priceBaseYear: inputs.priceBaseYear,
    discountBaseYear: inputs.discountBaseYear,
  };
}
