/**
 * The data behind every chart, shaped once here and embedded in the page as JSON: each chart's
 * title states its finding, a one-sentence summary says how to read it, and its data table holds
 * the same figures exactly (so no chart is the only way to read them). The browser code in
 * public/js/charts.mjs only draws what it is given.
 */
import type { OptionResult, Results } from '../model/results';
import { decisionOf, headlineMeasure, headlineValue, measureWords, optionBudget } from './decision';
import { formatChance, formatMoney, formatMoneyShort, formatNumber, formatPercent, trueMinus } from './format';
import { headlineOption, optionName, REGION } from './headline';
import { inputLabel, listInWords, unitOf, valueInWords } from './inputs';
import { t, type MessageKey } from './messages';
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

/**
 * How many of the simulations lie below (or above) £0, from the fan's percentiles, in words: "at
 * least 19 in 20", "at least 3 in 4", "more than half"; null when the middle is at £0.
 */
function shareOnOneSide(p5: number, p25: number, p50: number, p75: number, p95: number): { side: 'down' | 'up'; share: string } | null {
  if (p50 < 0) return { side: 'down', share: t(p95 < 0 ? 'chart.fan.share.95' : p75 < 0 ? 'chart.fan.share.75' : 'chart.fan.share.50') };
  if (p50 > 0) return { side: 'up', share: t(p5 > 0 ? 'chart.fan.share.95' : p25 > 0 ? 'chart.fan.share.75' : 'chart.fan.share.50') };
  return null;
}

/**
 * Cumulative net cash saving for the region by financial year, with the P5-P95 fan. The chart ends in
 * the last year of the option's tables (its byFinancialYear), so it never shows cash to a different
 * year from them; the title says on which side of £0 most simulations end, not a figure.
 */
export function fanChart(option: OptionResult): ChartSpec {
  const years = option.perspectives[REGION]!.byFinancialYear;
  const fan = option.monteCarlo?.perspectives[REGION]?.fan;
  const labels = years.map((y) => y.year);
  const central = cumulative(years.map((x) => x.netSaving));
  const fanByYear = new Map((fan ?? []).map((f) => [f.year, f]));
  const matched = labels.map((year) => fanByYear.get(year));
  const bands =
    fan === undefined || matched.some((f) => f === undefined)
      ? null
      : {
          p5: matched.map((f) => f!.p5),
          p25: matched.map((f) => f!.p25),
          p50: matched.map((f) => f!.p50),
          p75: matched.map((f) => f!.p75),
          p95: matched.map((f) => f!.p95),
        };
  const last = labels.length - 1;
  const name = optionName(option.extensionYears);
  const side =
    bands === null ? null : shareOnOneSide(bands.p5[last]!, bands.p25[last]!, bands.p50[last]!, bands.p75[last]!, bands.p95[last]!);
  const title =
    bands === null
      ? t('chart.fan.titleCentral', { option: name, year: labels[last]!, where: upOrDown(central[last]!) })
      : side === null
        ? t('chart.fan.titleEven', { option: name, year: labels[last]! })
        : t(side.side === 'down' ? 'chart.fan.title.down' : 'chart.fan.title.up', { option: name, year: labels[last]!, share: side.share });
  return {
    id: 'chart-fan',
    kind: 'fan',
    title,
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

/** Who the councils and the funding schedule's entries are, to name inputs such as `councils.0.match_share` (see inputLabel). */
export interface LabelContext {
  councils: readonly { name: string }[];
  fundingSchedule: readonly { from: string; to?: string }[];
}

/** The tornado: region NPV with each uncertain input at its P10 and P90, widest swing first. */
export function tornadoChart(option: OptionResult, context: LabelContext = { councils: [], fundingSchedule: [] }): ChartSpec | null {
  const bars = option.monteCarlo?.tornado ?? [];
  if (bars.length === 0) return null;
  const central = option.perspectives[REGION]!.totals.npv;
  const name = optionName(option.extensionYears);
  const labels = bars.map((bar) => inputLabel(bar.input, context.councils, context.fundingSchedule));
  return {
    id: 'chart-tornado',
    kind: 'tornado',
    title: t('chart.tornado.title', { input: labels[0]!, option: name }),
    summary: t('chart.tornado.summary', { central: trueMinus(formatMoneyShort(central)) }),
    central,
    labels,
    atLow: bars.map((bar) => bar.npvAtLow),
    atHigh: bars.map((bar) => bar.npvAtHigh),
    names: { atLow: t('chart.tornado.atLow'), atHigh: t('chart.tornado.atHigh') },
    table: {
      caption: t('chart.tornado.caption', { option: name }),
      head: [
        t('chart.head.assumption'),
        t('chart.head.p10Value'),
        t('chart.head.npvAtP10'),
        t('chart.head.p90Value'),
        t('chart.head.npvAtP90'),
      ],
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

/**
 * What each option adds to stopping at the end of the fixed term (incremental NPV, section 18) for
 * the region and each council, side by side, in the headline measure; the title names the region's
 * best option.
 */
export function optionsChart(results: Results): ChartSpec {
  const decisions = decisionOf(results);
  const measure = headlineMeasure(results);
  const perspectives = Object.keys(results.options[0]!.perspectives).filter((p) => decisions[p] !== undefined);
  const labels = results.options.map((o) => optionName(o.extensionYears));
  const series = perspectives.map((p) => ({
    name: perspectiveTitle(p, results),
    values: decisions[p]!.options.map((o) => headlineValue(o.incrementalNpv, measure)),
  }));
  const region = decisions[REGION]!;
  const bestName = optionName(region.bestOption);
  const ranged = measure === 'mean' && region.options.every((o) => o.incrementalNpv.p10 !== null && o.incrementalNpv.p90 !== null);
  const chances = measure === 'mean' && region.options.every((o) => o.probabilityBest !== null);
  return {
    id: 'chart-options',
    kind: 'bars',
    title: t(region.bestOption === 0 ? 'chart.options.titleNone' : 'chart.options.titleBest', {
      option: bestName,
      measure: measureWords(measure),
    }),
    summary: t('chart.options.summary', { measure: measureWords(measure) }),
    labels,
    series,
    table: {
      caption: t('chart.options.caption', { measure: measureWords(measure) }),
      head: [
        t('chart.head.option'),
        ...series.map((s) => s.name),
        ...(ranged ? [t('chart.head.regionRange')] : []),
        ...(chances ? [t('chart.head.regionChanceBest')] : []),
      ],
      rows: results.options.map((option, k) => {
        const figure = region.options[k]!;
        return [
          labels[k]!,
          ...series.map((s) => formatMoney(s.values[k]!)),
          ...(ranged
            ? [t('range.between', { low: formatMoney(figure.incrementalNpv.p10!), high: formatMoney(figure.incrementalNpv.p90!) })]
            : []),
          ...(chances ? [formatChance(figure.probabilityBest!)] : []),
        ];
      }),
    },
  };
}

/**
 * Each budget's cumulative net cash effect by financial year, at the central values: from the cash
 * budget tables when the results have them (cashable savings less own contribution, section 18),
 * else the cumulative net cash saving.
 */
export function councilsChart(option: OptionResult, results?: Results): ChartSpec | null {
  const perspectives = Object.keys(option.perspectives);
  if (perspectives.length < 2) return null;
  const budgets = results === undefined ? [] : perspectives.map((p) => optionBudget(results, p, option.extensionYears));
  const fromBudget = budgets.length === perspectives.length && budgets.every((b) => b !== null);
  const labels = fromBudget
    ? budgets[0]!.byFinancialYear.map((y) => y.year)
    : option.perspectives[REGION]!.byFinancialYear.map((y) => y.year);
  const series = perspectives.map((p, i) => ({
    name: perspectiveTitle(p, results),
    values: fromBudget
      ? budgets[i]!.byFinancialYear.map((y) => y.cumulativeNetBudgetEffect)
      : cumulative(option.perspectives[p]!.byFinancialYear.map((y) => y.netSaving)),
  }));
  const last = labels.length - 1;
  const regionEnd = series[0]!.values[last]!;
  const ahead = series
    .slice(1)
    .filter((s) => s.values[last]! >= 0)
    .map((s) => s.name);
  const councilCount = series.length - 1;
  let title: string;
  if (regionEnd < 0 && ahead.length > 0)
    title = t('chart.councils.titleSplit', { councils: listInWords(ahead, t('list.and')), year: labels[last]! });
  else if (regionEnd >= 0 && ahead.length === councilCount) title = t('chart.councils.titleAll', { year: labels[last]! });
  else if (regionEnd < 0 && ahead.length === 0) title = t('chart.councils.titleNone', { year: labels[last]! });
  else title = t('chart.councils.titleMixed', { year: labels[last]! });
  const name = optionName(option.extensionYears);
  return {
    id: 'chart-councils',
    kind: 'lines',
    title,
    summary: t(fromBudget ? 'chart.councils.summaryBudget' : 'chart.councils.summary', { option: name }),
    labels,
    series,
    table: {
      caption: t(fromBudget ? 'chart.councils.captionBudget' : 'chart.councils.caption', { option: name }),
      head: [t('chart.head.year'), ...series.map((s) => s.name)],
      rows: labels.map((year, i) => [year, ...series.map((s) => formatMoney(s.values[i]!))]),
    },
  };
}

/**
 * Every chart of a run for its headline option (fan, histogram, tornado, councils) and across
 * options, in the order the page shows them; charts without data (no simulation) are left out.
 */
export function chartBundle(results: Results, context?: LabelContext): ChartBundle {
  const option = headlineOption(results);
  const charts = [
    fanChart(option),
    histogramChart(option),
    tornadoChart(option, context),
    optionsChart(results),
    councilsChart(option, results),
  ].filter((chart): chart is ChartSpec => chart !== null);
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

/** The decision map (section 18) as a grid of squares, each with its best option's extension years written in it. */
export interface DecisionMapChart {
  id: string;
  title: string;
  summary: string;
  xLabel: string;
  yLabel: string;
  /** Rows from the highest y value at the top; each cell the best option's extension years. */
  rows: { label: string; cells: number[] }[];
  /** A few x values to mark under the grid: first, middle and last. */
  xTicks: string[];
  legend: { years: number; name: string }[];
  table: ChartTable;
}

/**
 * The decision map as a chart with its table: the title says how much of the map each option
 * wins; the table gives, for a few values of the second input, where along the first the best
 * option changes. Null without a map.
 */
export function decisionMapChart(results: Results, context: LabelContext = { councils: [], fundingSchedule: [] }): DecisionMapChart | null {
  const map = results.decisionMap;
  if (map === undefined || map === null || map.bestOption.length === 0) return null;
  const label = (path: string): string => inputLabel(path, context.councils, context.fundingSchedule);
  const xLabel = label(map.x.input);
  const yLabel = label(map.y.input);
  const lower = (text: string): string => text.charAt(0).toLowerCase() + text.slice(1);
  const who = map.perspective === REGION ? t('headline.whoRegion') : map.perspective;
  const xText = (value: number): string => valueInWords(value, unitOf(map.x.input));
  const yText = (value: number): string => valueInWords(value, unitOf(map.y.input));
  const cells = map.bestOption.flat();
  const options = [...new Set(cells)].sort((a, b) => a - b);
  const shares = options
    .map((years) => ({ years, share: cells.filter((c) => c === years).length / cells.length }))
    .sort((a, b) => b.share - a.share);
  const parts = shares.map((s) => t('pages.map.part', { option: optionName(s.years), share: formatPercent(s.share, 0) }));
  const step = Math.max(1, Math.ceil(map.y.values.length / 7));
  const picked = map.y.values
    .map((_, i) => i)
    .filter((i) => i % step === 0 || i === map.y.values.length - 1)
    .reverse();
  const segments = (row: number[]): string => {
    const runs: { years: number; from: number; to: number }[] = [];
    row.forEach((years, i) => {
      const current = runs[runs.length - 1];
      if (current !== undefined && current.years === years) current.to = i;
      else runs.push({ years, from: i, to: i });
    });
    return runs
      .map((run, i) =>
        i === 0 && runs.length > 1
          ? t('pages.map.below', { option: optionName(run.years), value: xText(map.x.values[run.to]!) })
          : i === 0
            ? optionName(run.years)
            : t('pages.map.from', { option: optionName(run.years), value: xText(map.x.values[run.from]!) }),
      )
      .join('; ');
  };
  const xs = map.x.values;
  return {
    id: 'chart-decision-map',
    title: t('pages.map.title', { parts: listInWords(parts, t('list.and')) }),
    summary: t('pages.map.summary', { x: lower(xLabel), y: lower(yLabel), who }),
    xLabel: t('pages.map.axisX', { x: xLabel }),
    yLabel: t('pages.map.axisY', { y: yLabel }),
    rows: map.y.values.map((value, iy) => ({ label: yText(value), cells: map.bestOption[iy]! })).reverse(),
    xTicks: [xText(xs[0]!), xText(xs[Math.floor((xs.length - 1) / 2)]!), xText(xs[xs.length - 1]!)],
    legend: options.map((years) => ({ years, name: optionName(years) })),
    table: {
      caption: t('pages.map.caption', { who, y: lower(yLabel), x: lower(xLabel) }),
      head: [t('pages.map.head.y', { y: yLabel }), t('pages.map.head.best', { x: lower(xLabel) })],
      rows: picked.map((iy) => [yText(map.y.values[iy]!), segments(map.bestOption[iy]!)]),
    },
  };
}

/**
 * The key points of the histogram's spread as a short table (the cabinet report prints this, not
 * every bin): P10, P25, median, mean, P75 and P90 of the region's NPV.
 */
export function percentilesTable(option: OptionResult): ChartTable | null {
  const npv = option.monteCarlo?.perspectives[REGION]?.npv;
  if (npv === undefined) return null;
  const row = (key: 'p10' | 'p25' | 'p50' | 'mean' | 'p75' | 'p90'): string[] => [
    t(`pages.percentiles.${key}` as MessageKey),
    formatMoney(npv[key]),
  ];
  return {
    caption: t('pages.percentiles.caption', { option: optionName(option.extensionYears) }),
    head: [t('pages.percentiles.head.point'), t('pages.percentiles.head.value')],
    rows: [row('p10'), row('p25'), row('p50'), row('mean'), row('p75'), row('p90')],
  };
}
