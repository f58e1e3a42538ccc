/**
 * The scenario page's and cabinet report's answers to "Are we on track?", "Which assumption
 * matters most?" and "Would waiting a year be wiser?" (shared/model.md section 15), shaped once
 * from the results' `monitoring` and `valueOfInformation` sections: sentences, exact tables and
 * chart data (each chart with a title stating its finding, a summary and its table). Views only
 * loop over this and escape it; public/js/charts.mjs draws the charts.
 */
import type { MonitoringResult, OptionResult, Results } from '../model/results';
import type { ChartTable } from './charts';
import { formatChance, formatMoney, formatMoneyShort, formatMonth, formatNumber, formatPercent } from './format';
import { optionName, REGION } from './headline';
import {
  inputName,
  optionName as optionInWords,
  trackingSentences,
  updateSentence,
  valueOfInformationSentences,
  waitOneYearSentences,
  warningSentence,
  SAME_WITHIN_POUNDS,
  type ValueOfInformationSection,
  type WaitOneYearSection,
} from './information';
import { inputLabel } from './inputs';
import { t, tPlural, type MessageKey } from './messages';
import { trackerData, type TrackedPeriod, type TrackerSeries } from './tracker';

type CountName = 'referrals' | 'breakdowns' | 'residentialEntries';
const COUNTS: readonly CountName[] = ['referrals', 'breakdowns', 'residentialEntries'];
type Position = 'below' | 'within' | 'above';

/** Expected-vs-actual for one count: observed markers against the P10-P90 band and its P50. */
export interface TrackerChart {
  id: string;
  kind: 'tracker';
  title: string;
  summary: string;
  /** One label per period, as lines for the axis: ["January 2025", "to March 2025"]. */
  labels: string[][];
  observed: (number | null)[];
  p10: (number | null)[];
  p50: (number | null)[];
  p90: (number | null)[];
  position: (Position | null)[];
  names: { band: string; median: string; within: string; above: string; below: string; axis: string };
  table: ChartTable;
}

/** One bar per uncertain input, longest first (EVPPI in pounds). */
export interface InformationBarsChart {
  id: string;
  kind: 'hbars';
  title: string;
  summary: string;
  labels: string[];
  values: number[];
  name: string;
  table: ChartTable;
}

export type InformationChart = TrackerChart | InformationBarsChart;

/** The region's options before and after the update, side by side. */
export interface UpdateTable {
  caption: string;
  head: string[];
  rows: string[][];
}

export interface InformationReport {
  /** Null without monitoring data in the scenario. */
  tracking: null | {
    /** Whether the service is ahead of, in line with or behind the business case, with the counts. */
    sentences: string[];
    effectiveSampleSize: string;
    warnings: string[];
    charts: TrackerChart[];
  };
  /** Null when there was no update (no monitoring data, or the counts fit no draw). */
  update: null | { sentences: string[]; table: UpdateTable };
  /** Null when the run had no Monte Carlo. */
  value: null | {
    sentences: string[];
    /** What the contract's performance measures should track, or '' when nothing stands out. */
    measures: string;
    basis: string;
    evpi: string;
    chart: InformationBarsChart | null;
  };
  /** Null when there is no extension year to take (or no Monte Carlo). */
  wait: null | { verdict: string; sentences: string[]; table: ChartTable };
  /** Every chart above, for the page's chart JSON. */
  charts: InformationChart[];
}

/** The results' monitoring section when it has periods, else null. */
function monitoringOf(results: Results): MonitoringResult | null {
  const m = results.monitoring;
  return m && m.periods.length > 0 ? m : null;
}

const countWord = (count: CountName): string => t(`tracker.count.${count}` as MessageKey);

/**
 * One tracker chart per count that has both observed and expected figures, over the periods that
 * have either. Markers: a circle within the expected range, a triangle up above it, down below it.
 */
export function trackerCharts(periods: readonly TrackedPeriod[]): TrackerChart[] {
  const data = trackerData(periods);
  const charts: TrackerChart[] = [];
  for (const count of COUNTS) {
    const s: TrackerSeries = data.series[count];
    const keep = periods.map((_, i) => s.observed[i] !== null || s.p50[i] !== null);
    const pick = <T>(values: T[]): T[] => values.filter((_, i) => keep[i]);
    const position = pick(s.position);
    const judged = position.filter((p): p is Position => p !== null);
    if (judged.length === 0) continue;
    const above = judged.filter((p) => p === 'above').length;
    const below = judged.filter((p) => p === 'below').length;
    const name = countWord(count);
    const title =
      above + below === 0
        ? t('tracker.title.within', { count: name, periods: tPlural('tracker.periods', judged.length) })
        : t('tracker.title.outside', {
            count: name,
            outside: formatNumber(above + below),
            periods: tPlural('tracker.periods', judged.length),
            above: formatNumber(above),
            below: formatNumber(below),
          });
    const kept = periods.filter((_, i) => keep[i]);
    const fullLabels = pick(data.labels);
    const observed = pick(s.observed);
    const p10 = pick(s.p10);
    const p50 = pick(s.p50);
    const p90 = pick(s.p90);
    const cell = (value: number | null): string => (value === null ? t('tracker.none') : formatNumber(value));
    charts.push({
      id: `chart-tracker-${count}`,
      kind: 'tracker',
      title: title.charAt(0).toUpperCase() + title.slice(1),
      summary: t('tracker.summary', { count: name }),
      labels: kept.map((p) => [formatMonth(p.from.slice(0, 7)), t('tracker.toMonth', { month: formatMonth(p.to.slice(0, 7)) })]),
      observed,
      p10,
      p50,
      p90,
      position,
      names: {
        band: t('tracker.band'),
        median: t('tracker.median'),
        within: t('tracker.within'),
        above: t('tracker.above'),
        below: t('tracker.below'),
        axis: t(`tracker.axis.${count}` as MessageKey),
      },
      table: {
        caption: t('tracker.caption', { count: name }),
        head: [t('tracker.head.period'), t('tracker.head.observed'), 'P10', t('chart.head.median'), 'P90', t('tracker.head.position')],
        rows: fullLabels.map((label, i) => [
          label,
          cell(observed[i]!),
          cell(p10[i]!),
          cell(p50[i]!),
          cell(p90[i]!),
          position[i] === null ? t('tracker.none') : t(`tracker.position.${position[i]}` as MessageKey),
        ]),
      },
    });
  }
  return charts;
}

/** The region's options before and after the update side by side: expected NPV, P10-P90 and the chance it pays for itself. */
export function updateTable(before: readonly OptionResult[], after: readonly OptionResult[]): UpdateTable {
  const cells = (option: OptionResult | undefined): [string, string, string] => {
    const s = option?.monteCarlo?.perspectives[REGION];
    if (s === undefined) return [t('tracker.none'), t('tracker.none'), t('tracker.none')];
    return [
      formatMoney(s.npv.mean),
      t('range.between', { low: formatMoney(s.npv.p10), high: formatMoney(s.npv.p90) }),
      t('table.chanceCell', { words: formatChance(s.probabilityNpvPositive), percent: formatPercent(s.probabilityNpvPositive, 1) }),
    ];
  };
  const [npv, range, chance] = [t('update.head.npv'), t('update.head.range'), t('update.head.chance')];
  return {
    caption: t('update.caption'),
    head: [
      t('chart.head.option'),
      t('update.head.before', { measure: npv }),
      t('update.head.after', { measure: npv }),
      t('update.head.before', { measure: range }),
      t('update.head.after', { measure: range }),
      t('update.head.before', { measure: chance }),
      t('update.head.after', { measure: chance }),
    ],
    rows: before.map((option) => {
      const [npvBefore, rangeBefore, chanceBefore] = cells(option);
      const [npvAfter, rangeAfter, chanceAfter] = cells(after.find((o) => o.extensionYears === option.extensionYears));
      return [optionName(option.extensionYears), npvBefore, npvAfter, rangeBefore, rangeAfter, chanceBefore, chanceAfter];
    }),
  };
}

function bestByMean(options: readonly OptionResult[]): OptionResult | undefined {
  let best: OptionResult | undefined;
  for (const option of options) {
    const mean = option.monteCarlo?.perspectives[REGION]?.npv.mean;
    if (mean === undefined) continue;
    if (best === undefined || mean > best.monteCarlo!.perspectives[REGION]!.npv.mean) best = option;
  }
  return best;
}

/** EVPPI per input as a horizontal bar chart with its table, largest first. */
export function evppiChart(
  value: ValueOfInformationSection,
  label: (path: string) => string = (path) => inputLabel(path),
): InformationBarsChart | null {
  const ranked = Object.entries(value.evppi).sort((a, b) => b[1] - a[1]);
  if (ranked.length === 0) return null;
  const [topPath, topValue] = ranked[0]!;
  const title =
    value.evpi > 0 && topValue > 0
      ? t('voi.chart.title', { input: label(topPath), amount: formatMoneyShort(topValue) })
      : t('voi.chart.titleNone');
  return {
    id: 'chart-evppi',
    kind: 'hbars',
    title,
    summary: t('voi.chart.summary', { evpi: formatMoneyShort(value.evpi) }),
    labels: ranked.map(([path]) => label(path)),
    values: ranked.map(([, pounds]) => pounds),
    name: t('voi.chart.series'),
    table: {
      caption: t('voi.chart.caption'),
      head: [t('chart.head.assumption'), t('voi.head.worth'), t('voi.head.share')],
      rows: [
        ...ranked.map(([path, pounds]) => [
          label(path),
          formatMoney(pounds),
          value.evpi > 0 ? formatPercent(pounds / value.evpi, 0) : t('tracker.none'),
        ]),
        [t('voi.row.evpi'), formatMoney(value.evpi), value.evpi > 0 ? formatPercent(1, 0) : t('tracker.none')],
      ],
    },
  };
}

/** Whether a one-year extension is the prudent choice, in one sentence. */
export function waitVerdict(wait: WaitOneYearSection): string {
  const gap = wait.valueOfWaiting - wait.valueOfCommittingNow;
  const best = optionInWords(wait.bestOptionNow);
  if (Math.abs(gap) < SAME_WITHIN_POUNDS) return t('wait.verdict.either', { best });
  return gap > 0
    ? t('wait.verdict.prudent', { amount: formatMoneyShort(gap) })
    : t('wait.verdict.notPrudent', { amount: formatMoneyShort(-gap), best });
}

/**
 * The sections for monitoring, the update, the value of information and decide-now-or-wait. With
 * `illustrative` (the scenario's monitoring counts are made up, section 19) every finding drawn from
 * the counts is flagged beside it.
 */
export function informationReport(
  results: Results,
  options: { illustrative?: boolean; label?: (path: string) => string } = {},
): InformationReport {
  const monitoring = monitoringOf(results);
  const value = results.valueOfInformation ?? null;
  const charts: InformationChart[] = [];
  const flag = (text: string): string => (options.illustrative ? `${text} ${t('illustrative.flag')}` : text);

  let tracking: InformationReport['tracking'] = null;
  let update: InformationReport['update'] = null;
  if (monitoring) {
    const trackers = trackerCharts(monitoring.periods).map((chart) => ({ ...chart, title: flag(chart.title) }));
    charts.push(...trackers);
    tracking = {
      sentences: trackingSentences({ ...monitoring, warnings: [] }).map(flag),
      effectiveSampleSize: t('tracker.ess', {
        ess: formatNumber(monitoring.effectiveSampleSize),
        iterations: formatNumber(monitoring.iterations),
      }),
      warnings: monitoring.warnings.map((w) => warningSentence(w)),
      charts: trackers,
    };
    const updated = monitoring.updatedOptions;
    if (updated.length === results.options.length && updated.every((o) => o.monteCarlo !== undefined)) {
      const bestAfter = bestByMean(updated)!;
      const before = results.options.find((o) => o.extensionYears === bestAfter.extensionYears)!;
      const beforeMean = before.monteCarlo?.perspectives[REGION]?.npv.mean;
      update = {
        sentences: [
          ...(beforeMean === undefined
            ? []
            : [updateSentence(bestAfter.extensionYears, beforeMean, bestAfter.monteCarlo!.perspectives[REGION]!.npv.mean)]),
          t('update.best', { option: optionInWords(bestAfter.extensionYears) }),
        ].map(flag),
        table: { ...updateTable(results.options, updated), caption: flag(t('update.caption')) },
      };
    }
  }

  let valueSection: InformationReport['value'] = null;
  let wait: InformationReport['wait'] = null;
  if (value) {
    const fromCounts = value.afterUpdate ? flag : (text: string): string => text;
    const plainChart = evppiChart(value, options.label);
    const chart = plainChart === null ? null : { ...plainChart, title: fromCounts(plainChart.title) };
    if (chart) charts.push(chart);
    const ranked = Object.entries(value.evppi).sort((a, b) => b[1] - a[1]);
    const top = ranked[0];
    valueSection = {
      sentences: valueOfInformationSentences(value).map(fromCounts),
      measures: value.evpi > 0 && top && top[1] > 0 ? t('voi.measures', { input: inputName(top[0]) }) : '',
      basis: t(value.afterUpdate ? 'voi.basis.after' : 'voi.basis.before', { iterations: formatNumber(value.iterations) }),
      evpi: formatMoney(value.evpi),
      chart,
    };
    if (value.waitOneYear) {
      const w = value.waitOneYear;
      wait = {
        verdict: fromCounts(waitVerdict(w)),
        sentences: waitOneYearSentences(w),
        table: {
          caption: t('wait.caption'),
          head: [t('wait.head.course'), t('wait.head.value')],
          rows: [
            [t('wait.row.now', { best: optionName(w.bestOptionNow) }), formatMoney(w.valueOfCommittingNow)],
            [t('wait.row.wait'), formatMoney(w.valueOfWaiting)],
            [t('wait.row.difference'), formatMoney(w.valueOfWaiting - w.valueOfCommittingNow)],
            ...(w.sampleInformation === undefined ? [] : [[t('wait.row.learning'), formatMoney(w.sampleInformation)]]),
          ],
        },
      };
    }
  }
  return { tracking, update, value: valueSection, wait, charts };
}
