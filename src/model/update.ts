/**
 * Learning from monitoring counts (shared/model.md section 15): the likelihood of observed counts
 * under each Monte Carlo draw's inputs, the normalised weights of the draws (Bayesian updating by
 * likelihood weighting, i.e. importance sampling with the prior as proposal), their effective
 * sample size, and the expected counts a period should show under the scenario's assumptions.
 *
 * Per period, under draw i:
 * - referrals ~ Poisson(mean_i), mean_i = sum over the period's months m of
 *   share(m) x referrals_per_year_i / 12 x (1 + referral_growth_i)^(m / 12);
 * - breakdowns among the followed-up children ~ Binomial(followed_up,
 *   breakdown_risk_i x (1 - effectiveness_i x attribution_i));
 * - residential entries among the breakdowns ~ Binomial(breakdowns, residential_escalation_i).
 * A count that is missing (or whose number of trials is missing) contributes nothing. `starts` is
 * shown but not used: it depends on the waiting list and capacity, which the likelihood leaves out.
 *
 * Month convention: month 0 is the calendar month holding contract.start (as time.ts). A period
 * [from, to], both dates included, covers each calendar month it touches by the share of that
 * month's days it includes: 1 April to 30 June is months 3, 4 and 5 in full for a January start;
 * 15 to 30 April is half of month 3. Months before month 0 use the same formula (the
 * service's referral rate extended backwards).
 */
import { logFactorial } from './random/sample';
import type { InputColumns } from './simulate';
import { monthsFrom } from './time';
import type { YearMonth } from './types';
import { effectiveSampleSize } from './weighted';

/** Observed counts of one period; any may be missing. */
export interface ObservedCounts {
  referrals?: number;
  starts?: number;
  followedUp?: number;
  breakdowns?: number;
  residentialEntries?: number;
}

/** Share (0..1] of model month `month` that a period covers. */
export interface MonthShare {
  month: number;
  share: number;
}

/** A period's counts with the model months it covers. */
export interface CountedPeriod extends ObservedCounts {
  months: MonthShare[];
}

/** The inputs the likelihood reads, one value or column per draw. */
export type LikelihoodColumns = Pick<
  InputColumns,
  'referralsPerYear' | 'referralGrowth' | 'breakdownRisk' | 'effectiveness' | 'attribution' | 'residentialEscalation'
>;

/** P10, P50 and P90 of a count. */
export interface CountBand {
  p10: number;
  p50: number;
  p90: number;
}

function parseDate(iso: string): { year: number; month: number; day: number } {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) throw new RangeError(`periodMonths: expected a date like 2025-04-01, got "${iso}"`);
  return { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
}

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * The model months a period covers and the share of each (see the month convention above).
 * periodMonths({ year: 2025, month: 1 }, '2025-04-01', '2025-06-30')
 *   -> [{ month: 3, share: 1 }, { month: 4, share: 1 }, { month: 5, share: 1 }]
 */
export function periodMonths(start: YearMonth, from: string, to: string): MonthShare[] {
  const a = parseDate(from);
  const b = parseDate(to);
  const first = { year: a.year, month: a.month };
  const span = monthsFrom(first, { year: b.year, month: b.month });
  if (span < 0 || (span === 0 && b.day < a.day)) throw new RangeError(`periodMonths: ${to} is before ${from}`);
  const months: MonthShare[] = [];
  for (let j = 0; j <= span; j++) {
    const zeroBased = a.month - 1 + j;
    const year = a.year + Math.floor(zeroBased / 12);
    const month = (zeroBased % 12) + 1;
    const days = daysInMonth(year, month);
    const firstDay = j === 0 ? a.day : 1;
    const lastDay = j === span ? b.day : days;
    months.push({ month: monthsFrom(start, { year, month }), share: (lastDay - firstDay + 1) / days });
  }
  return months;
}

/** Modelled referrals over a period. referralMean([{ month: 0, share: 1 }, { month: 12, share: 1 }], 120, 0.1) -> 10 + 11 = 21 */
export function referralMean(months: readonly MonthShare[], referralsPerYear: number, referralGrowth: number): number {
  let mean = 0;
  for (const { month, share } of months) mean += share * (referralsPerYear / 12) * Math.pow(1 + referralGrowth, month / 12);
  return mean;
}

/** Chance that a supported child's placement breaks down within 12 months: risk x (1 - effectiveness x attribution). */
export function breakdownProbability(breakdownRisk: number, effectiveness: number, attribution: number): number {
  return Math.min(1, Math.max(0, breakdownRisk * (1 - effectiveness * attribution)));
}

/** ln P(K = k) for K ~ Poisson(mean). poissonLogPmf(2, 3) -> ln(4.5 e^-3) = -1.4959 */
export function poissonLogPmf(k: number, mean: number): number {
  if (mean === 0) return k === 0 ? 0 : -Infinity;
  return -mean + k * Math.log(mean) - logFactorial(k);
}

/** ln P(K = k) for K ~ Binomial(trials, probability). binomialLogPmf(1, 3, 0.5) -> ln(3/8) = -0.9808 */
export function binomialLogPmf(k: number, trials: number, probability: number): number {
  if (k < 0 || k > trials) return -Infinity;
  if (probability === 0) return k === 0 ? 0 : -Infinity;
  if (probability === 1) return k === trials ? 0 : -Infinity;
  return (
    logFactorial(trials) - logFactorial(k) - logFactorial(trials - k) + k * Math.log(probability) + (trials - k) * Math.log1p(-probability)
  );
}

function at(column: Float64Array | number, i: number): number {
  return typeof column === 'number' ? column : column[i]!;
}

/**
 * Log-likelihood of every period's observed counts under each of `count` draws: a column of
 * ln prod_periods [Poisson(referrals) x Binomial(breakdowns) x Binomial(residential entries)],
 * each factor only when its count (and trials) were observed. No data -> all zeros.
 */
export function logLikelihoods(periods: readonly CountedPeriod[], columns: LikelihoodColumns, count: number): Float64Array {
  const result = new Float64Array(count);
  for (const period of periods) {
    const { referrals, followedUp, breakdowns, residentialEntries } = period;
    for (let i = 0; i < count; i++) {
      let ll = 0;
      if (referrals !== undefined)
        ll += poissonLogPmf(referrals, referralMean(period.months, at(columns.referralsPerYear, i), at(columns.referralGrowth, i)));
      if (followedUp !== undefined && breakdowns !== undefined) {
        ll += binomialLogPmf(
          breakdowns,
          followedUp,
          breakdownProbability(at(columns.breakdownRisk, i), at(columns.effectiveness, i), at(columns.attribution, i)),
        );
      }
      if (breakdowns !== undefined && residentialEntries !== undefined)
        ll += binomialLogPmf(residentialEntries, breakdowns, at(columns.residentialEscalation, i));
      result[i] = result[i]! + ll;
    }
  }
  return result;
}

/** Normalised likelihood weights and their effective sample size. */
export interface LikelihoodWeights {
  /** Sum to 1; all 0 when no draw can produce the counts. */
  weights: Float64Array;
  /** (sum w)^2 / sum w^2: the number of equally weighted draws worth as much; 0 when none fits. */
  effectiveSampleSize: number;
}

/**
 * Weights from log-likelihoods, computed in log space: w_i = exp(l_i - max l) / sum_j exp(l_j - max l).
 * likelihoodWeights(Float64Array.of(0, 0)) -> { weights: [0.5, 0.5], effectiveSampleSize: 2 }
 */
export function likelihoodWeights(logLikelihood: Float64Array): LikelihoodWeights {
  const n = logLikelihood.length;
  let max = -Infinity;
  for (let i = 0; i < n; i++) if (logLikelihood[i]! > max) max = logLikelihood[i]!;
  const weights = new Float64Array(n);
  if (max === -Infinity) return { weights, effectiveSampleSize: 0 };
  let total = 0;
  for (let i = 0; i < n; i++) {
    const w = Math.exp(logLikelihood[i]! - max);
    weights[i] = w;
    total += w;
  }
  for (let i = 0; i < n; i++) weights[i] = weights[i]! / total;
  return { weights, effectiveSampleSize: effectiveSampleSize(weights) };
}

/** The update in one call: weights of `count` draws given the periods' counts. */
export function updateWeights(periods: readonly CountedPeriod[], columns: LikelihoodColumns, count: number): LikelihoodWeights {
  return likelihoodWeights(logLikelihoods(periods, columns, count));
}

/** Smallest k with mixture CDF(k) >= p, for each p, from the mixture's pmf over 0..length-1. */
function pmfQuantiles(pmf: Float64Array, probabilities: readonly number[]): number[] {
  return probabilities.map((p) => {
    let cumulative = 0;
    for (let k = 0; k < pmf.length; k++) {
      cumulative += pmf[k]!;
      if (cumulative >= p - 1e-12) return k;
    }
    return pmf.length - 1;
  });
}

const TAIL_SDS = 12;

/**
 * Percentiles of a mixture of Poisson distributions with the given means (weights default to
 * equal), computed exactly: the mixture pmf is accumulated over 0 .. max(mean + 12 sd + 10),
 * each component's pmf evaluated in log space within 12 sd of its mean (the mass left out is
 * below 1e-30), and the smallest k with CDF(k) >= p returned.
 * poissonMixtureQuantiles(Float64Array.of(4), null, [0.5]) -> [4]
 */
export function poissonMixtureQuantiles(means: Float64Array, weights: Float64Array | null, probabilities: readonly number[]): number[] {
  const n = means.length;
  let top = 0;
  for (let i = 0; i < n; i++) top = Math.max(top, Math.ceil(means[i]! + TAIL_SDS * Math.sqrt(means[i]!) + 10));
  const pmf = new Float64Array(top + 1);
  for (let i = 0; i < n; i++) {
    const w = weights ? weights[i]! : 1 / n;
    if (w === 0) continue;
    const mean = means[i]!;
    const spread = TAIL_SDS * Math.sqrt(mean) + 10;
    const from = Math.max(0, Math.floor(mean - spread));
    const to = Math.min(top, Math.ceil(mean + spread));
    // From the mode outwards by the recurrence P(k + 1) = P(k) x mean / (k + 1): no underflow near the mode.
    const mode = Math.min(to, Math.floor(mean));
    const atMode = Math.exp(poissonLogPmf(mode, mean));
    let p = atMode;
    for (let k = mode; k >= from && p > 0; k--) {
      pmf[k] = pmf[k]! + w * p;
      p *= k / mean;
    }
    p = atMode;
    for (let k = mode + 1; k <= to; k++) {
      p *= mean / k;
      if (p === 0) break;
      pmf[k] = pmf[k]! + w * p;
    }
  }
  return pmfQuantiles(pmf, probabilities);
}

/**
 * Percentiles of a mixture of Binomial(trials, p_i) distributions (weights default to equal),
 * computed exactly as poissonMixtureQuantiles.
 * binomialMixtureQuantiles(10, Float64Array.of(0.5), null, [0.5]) -> [5]
 */
export function binomialMixtureQuantiles(
  trials: number,
  probabilities: Float64Array,
  weights: Float64Array | null,
  wanted: readonly number[],
): number[] {
  const n = probabilities.length;
  const pmf = new Float64Array(trials + 1);
  for (let i = 0; i < n; i++) {
    const w = weights ? weights[i]! : 1 / n;
    if (w === 0) continue;
    const p = probabilities[i]!;
    if (p === 0 || p === 1) {
      pmf[p === 0 ? 0 : trials]! += w;
      continue;
    }
    const mean = trials * p;
    const spread = TAIL_SDS * Math.sqrt(mean * (1 - p)) + 10;
    const from = Math.max(0, Math.floor(mean - spread));
    const to = Math.min(trials, Math.ceil(mean + spread));
    // From the mode outwards by P(k + 1) = P(k) x (trials - k) / (k + 1) x p / (1 - p).
    const odds = p / (1 - p);
    const mode = Math.max(from, Math.min(to, Math.floor((trials + 1) * p)));
    const atMode = Math.exp(binomialLogPmf(mode, trials, p));
    let q = atMode;
    for (let k = mode; k >= from && q > 0; k--) {
      pmf[k] = pmf[k]! + w * q;
      q *= k / ((trials - k + 1) * odds);
    }
    q = atMode;
    for (let k = mode + 1; k <= to; k++) {
      q *= ((trials - k + 1) / k) * odds;
      if (q === 0) break;
      pmf[k] = pmf[k]! + w * q;
    }
  }
  return pmfQuantiles(pmf, wanted);
}

const BAND = [0.1, 0.5, 0.9] as const;

function band(values: number[]): CountBand {
  return { p10: values[0]!, p50: values[1]!, p90: values[2]! };
}

/** Per draw: a period's modelled referral mean, breakdown probability and escalation. */
export function periodColumns(
  months: readonly MonthShare[],
  columns: LikelihoodColumns,
  count: number,
): { referralMean: Float64Array; breakdown: Float64Array; escalation: Float64Array } {
  const referral = new Float64Array(count);
  const breakdown = new Float64Array(count);
  const escalation = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    referral[i] = referralMean(months, at(columns.referralsPerYear, i), at(columns.referralGrowth, i));
    breakdown[i] = breakdownProbability(at(columns.breakdownRisk, i), at(columns.effectiveness, i), at(columns.attribution, i));
    escalation[i] = at(columns.residentialEscalation, i);
  }
  return { referralMean: referral, breakdown, escalation };
}

/** What a period should show: P10/P50/P90 of each count that can be predicted. */
export interface ExpectedCounts {
  referrals: CountBand;
  /** Among the followed-up children; only when followed_up was observed. */
  breakdowns?: CountBand;
  /** Among the breakdowns; only when breakdowns were observed. */
  residentialEntries?: CountBand;
}

/**
 * The predictive P10/P50/P90 of a period's counts mixed over the draws (weights default to equal:
 * the scenario's own assumptions): referrals Poisson, breakdowns Binomial(followed_up, ...),
 * residential entries Binomial(breakdowns, ...), with the observed numbers of trials.
 */
export function expectedCounts(
  period: CountedPeriod,
  columns: LikelihoodColumns,
  count: number,
  weights: Float64Array | null = null,
): ExpectedCounts {
  const c = periodColumns(period.months, columns, count);
  const expected: ExpectedCounts = { referrals: band(poissonMixtureQuantiles(c.referralMean, weights, BAND)) };
  if (period.followedUp !== undefined) expected.breakdowns = band(binomialMixtureQuantiles(period.followedUp, c.breakdown, weights, BAND));
  if (period.breakdowns !== undefined)
    expected.residentialEntries = band(binomialMixtureQuantiles(period.breakdowns, c.escalation, weights, BAND));
  return expected;
}

/** Where an observed total falls against its expected P10-P90 band. */
export type BandPosition = 'below' | 'within' | 'above';

export interface TrackedCount extends CountBand {
  observed: number;
  position: BandPosition;
}

/** Is the service ahead of, in line with or behind the business case, on the outcome counts? */
export type TrackingStatus = 'ahead' | 'in-line' | 'behind' | 'mixed' | 'unknown';

export interface Tracking {
  /** Demand: all periods with referrals, pooled (Poisson with the summed mean). */
  referrals?: TrackedCount;
  /** Breakdowns among the followed-up, pooled over periods with both counts. */
  breakdowns?: TrackedCount;
  /** Residential entries among the breakdowns, pooled over periods with both counts. */
  residentialEntries?: TrackedCount;
  /**
   * From the outcome counts: fewer breakdowns or residential entries than the P10 expected is
   * ahead, more than the P90 behind; both directions at once is mixed; no outcome counts, unknown.
   * Referrals are demand, not performance, and do not count.
   */
  status: TrackingStatus;
}

function tracked(observed: number, quantiles: number[]): TrackedCount {
  const b = band(quantiles);
  return { observed, ...b, position: observed < b.p10 ? 'below' : observed > b.p90 ? 'above' : 'within' };
}

/**
 * All periods pooled against the expected P10-P90 bands of their totals, mixed over the draws
 * (each draw's rates are the same in every period, so pooled breakdowns are Binomial(total
 * followed up, p_i) and pooled referrals Poisson(sum of means)).
 */
export function trackAgainstExpected(
  periods: readonly CountedPeriod[],
  columns: LikelihoodColumns,
  count: number,
  weights: Float64Array | null = null,
): Tracking {
  const referralTotal = new Float64Array(count);
  let referrals = 0;
  let referralPeriods = 0;
  let followed = 0;
  let breakdowns = 0;
  let breakdownPeriods = 0;
  let escalationTrials = 0;
  let entries = 0;
  let entryPeriods = 0;
  let rates: ReturnType<typeof periodColumns> | null = null;
  for (const period of periods) {
    const c = periodColumns(period.months, columns, count);
    rates ??= c;
    if (period.referrals !== undefined) {
      referrals += period.referrals;
      referralPeriods++;
      for (let i = 0; i < count; i++) referralTotal[i] = referralTotal[i]! + c.referralMean[i]!;
    }
    if (period.followedUp !== undefined && period.breakdowns !== undefined) {
      followed += period.followedUp;
      breakdowns += period.breakdowns;
      breakdownPeriods++;
    }
    if (period.breakdowns !== undefined && period.residentialEntries !== undefined) {
      escalationTrials += period.breakdowns;
      entries += period.residentialEntries;
      entryPeriods++;
    }
  }
  const tracking: Tracking = { status: 'unknown' };
  if (referralPeriods > 0) tracking.referrals = tracked(referrals, poissonMixtureQuantiles(referralTotal, weights, BAND));
  if (rates && breakdownPeriods > 0)
    tracking.breakdowns = tracked(breakdowns, binomialMixtureQuantiles(followed, rates.breakdown, weights, BAND));
  if (rates && entryPeriods > 0)
    tracking.residentialEntries = tracked(entries, binomialMixtureQuantiles(escalationTrials, rates.escalation, weights, BAND));
  const outcomes = [tracking.breakdowns, tracking.residentialEntries].filter((t): t is TrackedCount => t !== undefined);
  if (outcomes.length > 0) {
    const ahead = outcomes.some((t) => t.position === 'below');
    const behind = outcomes.some((t) => t.position === 'above');
    tracking.status = ahead && behind ? 'mixed' : ahead ? 'ahead' : behind ? 'behind' : 'in-line';
  }
  return tracking;
}
