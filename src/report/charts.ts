/**
 * The data behind every chart, shaped once here and embedded in the page as JSON: each chart's
 * title states its finding, a one-sentence summary says how to read it, and its data table holds
 * the same figures exactly (so no chart is the only way to read them). The browser code in
 * public/js/charts.mjs only draws what it is given.
 */
import type { OptionResult, Results } from '../model/results';
import { formatChance, formatMoney, formatMoneyShort, formatNumber } from './format';
import { headlineOption, npvEstimate, optionName, REGION } from './headline';
import { inputLabel, listInWords, unitOf, valueInWords } from './inputs';
import { t } from './messages';
import { perspectiveTitle } from './optionsTable';

export interface ChartTable {
  caption: string;
  head: string[];
  rows: string[][];
}

interface ChartBase {
  id: string;
  title: string;
  summary: string;
  table: ChartTable;
}

export interface Series {
  name: string;
  values: number[];
}

export type ChartSpec =
  | (ChartBase & {
      kind: 'fan';
      labels: string[];
      central: Series;
      /** P5, P25, P50, P75, P95 by year; null without Monte Carlo. */
      bands: { p5: number[]; p25: number[]; p50: number[]; p75: number[]; p95: number[] } | null;
      names: { median: string; middleHalf: string; ninety: string };
    })
  | (ChartBase & { kind: 'histogram'; bins: { from: number; to: number; count: number }[]; names: { loses: string; pays: string } })
  | (ChartBase & {
      kind: 'tornado';
      central: number;
      labels: string[];
      atLow: number[];
      atHigh: number[];
      names: { atLow: string; atHigh: string };
    })
  | (ChartBase & { kind: 'bars'; labels: string[]; series: Series[] })
  | (ChartBase & { kind: 'lines'; labels: string[]; series: Series[] });

export interface ChartBundle {
  charts: ChartSpec[];
  /** Words the browser needs for axes and ticks. */
  words: { pounds: string; simulations: string; financialYear: string; thousand: string; million: string; billion: string };
}

function cumulative(values: readonly number[]): number[] {
  let sum = 0;
  return values.map((value) => (sum += value));
}

function upOrDown(pounds: number): string {
  return t(pounds >= 0 ? 'chart.up' : 'chart.down', { amount: formatMoneyShort(Math.abs(pounds)) });
}

/** Cumulative net cash saving for the region by financial year, with the P5-P95 fan. */
export function fanChart(option: OptionResult): ChartSpec {
  const years = option.perspectives[REGION]!.byFinancialYear;
  const fan = option.monteCarlo?.perspectives[REGION]?.fan;
  // The simulations may run a year past the central projection (longer placements); the
  // central line then stays level, as nothing more is paid or avoided.
  const labels = fan !== undefined && fan.length >= years.length ? fan.map((f) => f.year) : years.map((y) => y.year);
  const byYear = new Map(years.map((y, i) => [y.year, cumulative(years.map((x) => x.netSaving))[i]!]));
  let carried = 0;
  const central = labels.map((year) => (carried = byYear.get(year) ?? carried));
  const bands =
    fan === undefined || fan.length !== labels.length
      ? null
      : { p5: fan.map((f) => f.p5), p25: fan.map((f) => f.p25), p50: fan.map((f) => f.p50), p75: fan.map((f) => f.p75), p95: fan.map((f) => f.p95) };
  const last = labels.length - 1;
  const finalValue = bands === null ? central[last]! : bands.p50[last]!;
  const name = optionName(option.extensionYears);
  return {
    id: 'chart-fan',
    kind: 'fan',
    title: t(bands === null ? 'chart.fan.titleCentral' : 'chart.fan.title', { option: name, year: labels[last]!, where: upOrDown(finalValue) }),
    summary: t(bands === null ? 'chart.fan.summaryCentral' : 'chart.fan.summary'),
    labels,
    central: { name: t('chart.fan.central'), values: central },
    bands,
    names: { median: t('chart.fan.median'), middleHalf: t('chart.fan.middleHalf'), ninety: t('chart.fan.ninety') },
    table: {
      caption: t('chart.fan.caption', { option: name }),
      head: [t('chart.head.year'), t('chart.fan.central'), ...(bands ? ['P5', 'P25', t('chart.head.median'), 'P75', 'P95'] : [])],
      rows: labels.map((year, i) => [
        year,
        formatMoney(central[i]!),
        ...(bands ? [bands.p5[i]!, bands.p25[i]!, bands.p50[i]!, bands.p75[i]!, bands.p95[i]!].map((v) => formatMoney(v)) : []),
      ]),
    },
  };
}

/** The region's NPV histogram, bars below and above £0 told apart, with P(NPV > 0) in the title. */
export function histogramChart(option: OptionResult): ChartSpec | null {
  const simulated = option.monteCarlo?.perspectives[REGION];
  if (simulated === undefined) return null;
  const { edges, counts } = simulated.npvHistogram;
  const bins = counts.map((count, i) => ({ from: edges[i]!, to: edges[i + 1]!, count }));
  const name = optionName(option.extensionYears);
  return {
    id: 'chart-histogram',
    kind: 'histogram',
    title: t('chart.histogram.title', { option: name, chance: formatChance(simulated.probabilityNpvPositive) }),
    summary: t('chart.histogram.summary', { iterations: formatNumber(option.monteCarlo!.iterations) }),
    bins,
    names: { loses: t('chart.histogram.loses'), pays: t('chart.histogram.pays') },
    table: {
      caption: t('chart.histogram.caption', { option: name }),
      head: [t('chart.head.npvFrom'), t('chart.head.npvTo'), t('chart.head.simulations')],
      rows: bins.map((bin) => [formatMoney(bin.from), formatMoney(bin.to), formatNumber(bin.count)]),
    },
  };
}

/** The tornado: region NPV with each uncertain input at its P10 and P90, widest swing first. */
export function tornadoChart(option: OptionResult): ChartSpec | null {
  const bars = option.monteCarlo?.tornado ?? [];
  if (bars.length === 0) return null;
  const central = option.perspectives[REGION]!.totals.npv;
  const name = optionName(option.extensionYears);
  const labels = bars.map((bar) => inputLabel(bar.input));
  return {
    id: 'chart-tornado',
    kind: 'tornado',
    title: t('chart.tornado.title', { input: labels[0]!, option: name }),
    summary: t('chart.tornado.summary', { central: formatMoneyShort(central) }),
    central,
    labels,
    atLow: bars.map((bar) => bar.npvAtLow),
    atHigh: bars.map((bar) => bar.npvAtHigh),
    names: { atLow: t('chart.tornado.atLow'), atHigh: t('chart.tornado.atHigh') },
    table: {
      caption: t('chart.tornado.caption', { option: name }),
      head: [t('chart.head.assumption'), t('chart.head.p10Value'), t('chart.head.npvAtP10'), t('chart.head.p90Value'), t('chart.head.npvAtP90')],
      rows: bars.map((bar, i) => [
        labels[i]!,
        valueInWords(bar.low, unitOf(bar.input)),
        formatMoney(bar.npvAtLow),
        valueInWords(bar.high, unitOf(bar.input)),
        formatMoney(bar.npvAtHigh),
      ]),
    },
  };
}

/** Every option's expected NPV for the region and each council, side by side. */
export function optionsChart(results: Results): ChartSpec {
  const perspectives = Object.keys(results.options[0]!.perspectives);
  const labels = results.options.map((o) => optionName(o.extensionYears));
  const series = perspectives.map((p) => ({ name: perspectiveTitle(p), values: results.options.map((o) => npvEstimate(o, p).npv) }));
  const region = series[0]!.values;
  const best = region.indexOf(Math.max(...region));
  const simulated = results.options.every((o) => o.monteCarlo !== undefined);
  return {
    id: 'chart-options',
    kind: 'bars',
    title: t(region[best]! > 0 ? 'chart.options.titleBest' : 'chart.options.titleNone', { option: labels[best]! }),
    summary: t(simulated ? 'chart.options.summary' : 'chart.options.summaryCentral'),
    labels,
    series,
    table: {
      caption: t('chart.options.caption'),
      head: [t('chart.head.option'), ...series.map((s) => s.name), ...(simulated ? [t('chart.head.regionRange'), t('chart.head.regionChance')] : [])],
      rows: results.options.map((option, k) => {
        const estimate = npvEstimate(option, REGION);
        return [
          labels[k]!,
          ...series.map((s) => formatMoney(s.values[k]!)),
          ...(simulated ? [t('range.between', { low: formatMoney(estimate.low!), high: formatMoney(estimate.high!) }), formatChance(estimate.chance!)] : []),
        ];
      }),
    },
  };
}

/** Each council's cumulative net cash saving by financial year against the region's. */
export function councilsChart(option: OptionResult): ChartSpec | null {
  const perspectives = Object.keys(option.perspectives);
  if (perspectives.length < 2) return null;
  const labels = option.perspectives[REGION]!.byFinancialYear.map((y) => y.year);
  const series = perspectives.map((p) => ({
    name: perspectiveTitle(p),
    values: cumulative(option.perspectives[p]!.byFinancialYear.map((y) => y.netSaving)),
  }));
  const last = labels.length - 1;
  const regionEnd = series[0]!.values[last]!;
  const ahead = series.slice(1).filter((s) => s.values[last]! >= 0).map((s) => s.name);
  const councilCount = series.length - 1;
  let title: string;
  if (regionEnd < 0 && ahead.length > 0) title = t('chart.councils.titleSplit', { councils: listInWords(ahead, t('list.and')), amount: formatMoneyShort(-regionEnd), year: labels[last]! });
  else if (regionEnd >= 0 && ahead.length === councilCount) title = t('chart.councils.titleAll', { year: labels[last]! });
  else if (regionEnd < 0 && ahead.length === 0) title = t('chart.councils.titleNone', { year: labels[last]! });
  else title = t('chart.councils.titleMixed', { year: labels[last]! });
  const name = optionName(option.extensionYears);
  return {
    id: 'chart-councils',
    kind: 'lines',
    title,
    summary: t('chart.councils.summary', { option: name }),
    labels,
    series,
    table: {
      caption: t('chart.councils.caption', { option: name }),
      head: [t('chart.head.year'), ...series.map((s) => s.name)],
      rows: labels.map((year, i) => [year, ...series.map((s) => formatMoney(s.values[i]!))]),
    },
  };
}

/**
 * Every chart of a run for its headline option (fan, histogram, tornado, councils) and across
 * options, in the order the page shows them; charts without data (no simulation) are left out.
 */
export function chartBundle(results: Results): ChartBundle {
  const option = headlineOption(results);
  const charts = [fanChart(option), histogramChart(option), tornadoChart(option), optionsChart(results), councilsChart(option)].filter(
    (chart): chart is ChartSpec => chart !== null,
  );
  return {
    charts,
    words: {
      pounds: t('chart.axis.pounds'),
      simulations: t('chart.axis.simulations'),
      financialYear: t('chart.axis.financialYear'),
      thousand: t('money.thousandSuffix'),
      million: t('money.millionSuffix'),
      billion: t('money.billionSuffix'),
    },
  };
}

/**
 * JSON for a `<script type="application/json">` block: `<`, `>`, `&` and the line separators
 * escaped, so no text in it can close the block or be read as markup.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
