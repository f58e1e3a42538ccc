/**
 * Everything the scenario page and the cabinet report show about one run, shaped once: the
 * decision about the extension years (with the money basis, stated once), the sentence for each
 * option, the grant, the options tables, break-even and switching values, the charts,
 * the assumptions and the precision warnings. Views only loop over this and escape it.
 */
import type { Results } from '../model/results';
import type { Scenario } from '../scenario/types';
import { chartBundle, decisionMapChart, percentilesTable, type ChartBundle, type ChartTable, type DecisionMapChart } from './charts';
import { formatMoneyShort, formatNumber, formatPercent } from './format';
import { truncationsOf } from './decision';
import { budgetEffectTable, budgetPlanTable, decisionSection, type DecisionSection } from './decisionSection';
import { budgetOf, perspectivesOf } from './decision';
import { overviewOf, waitingSentence, type Overview } from './overview';
import {
  breakEvenSentence,
  focusOption,
  grantSentence,
  headlineOption,
  headlines,
  optionName,
  switchingTable,
  type OptionHeadlines,
  type SwitchingRow,
} from './headline';
import { informationReport, type InformationChart, type InformationReport } from './informationReport';
import { assumptionsOf, inputLabel, type Assumption } from './inputs';
import { councilName, localText } from './localText';
import { englishOnlyNotice } from './scenarioText';
import { t } from './messages';
import { optionsTables, type OptionsTable } from './optionsTable';
import { stampLine, stampPairs, type RunStamp } from './stamp';

export interface ScenarioReport {
  /** The scenario's own name, description and sources, in the language in force where the file gives it. */
  title: string;
  description: string;
  sources: string[];
  /** Said once near the top when some of the scenario's own text exists only in English; null when none is missing. */
  englishOnly: string | null;
  headlineOptionName: string;
  /** The decision about the extension years, the grant, the money basis and the decision and budget tables (top of the page). */
  decision: DecisionSection;
  headlines: OptionHeadlines[];
  /** The headline option's sentences first, for the top of the page. */
  headlineFirst: OptionHeadlines;
  grant: { council: string; text: string }[];
  tables: OptionsTable[];
  breakEven: string[];
  switchingHead: string[];
  switching: SwitchingRow[];
  charts: ChartBundle;
  /** On track?, before and after the update, what is worth finding out, decide now or wait. */
  information: InformationReport;
  /** Where the tornado chart is on the page, for the value-of-information section; null without one. */
  tornadoHref: string | null;
  /** Every chart on the page (the bundle's and the information sections'), for its chart JSON. */
  chartData: Omit<ChartBundle, 'charts'> & { charts: (ChartBundle['charts'][number] | InformationChart)[] };
  assumptions: Assumption[];
  /** The waiting list of the focus option in whole children. */
  waiting: string | null;
  /** The front page's four answers. */
  overview: Overview;
  /** Per perspective, the cash budget of stopping and of the focus option, and what the extension years change, as medium-term plans. */
  budgetPlans: { perspective: string; title: string; grant: string; tables: ChartTable[] }[];
  decisionMap: DecisionMapChart | null;
  /** Each budget's net cash effect by year for the focus option (the report's summary). */
  budgetEffect: ChartTable | null;
  /** The key points of the headline option's NPV spread (for the report, instead of every histogram bin). */
  percentiles: ChartTable | null;
  councils: { name: string; children: string; match: string }[];
  warnings: string[];
  stamp: RunStamp;
  stampPairs: [string, string][];
  stampLine: string;
}

/** Precision warnings in words, once each (the headline option's). */
export function warningsInWords(results: Results): string[] {
  const warnings = headlineOption(results).monteCarlo?.warnings ?? [];
  return warnings.map((w) =>
    w.code === 'few-iterations-probability'
      ? t('warning.fewIterationsProbability', {
          iterations: formatNumber(w.iterations),
          margin: formatPercent(w.margin, 1),
          recommended: formatNumber(w.recommended),
        })
      : t('warning.fewIterationsMean', {
          iterations: formatNumber(w.iterations),
          margin: formatMoneyShort(w.margin),
          recommended: formatNumber(w.recommended),
        }),
  );
}

/** Each perspective's budget as medium-term plans: stopping, the focus option, and what the extension years change. */
function budgetPlansOf(results: Results, scenario: Scenario): ScenarioReport['budgetPlans'] {
  if (budgetOf(results) === null) return [];
  const focus = scenario.contract.maxYears >= 1 ? focusOption(results, scenario.contract.maxYears) : 0;
  return perspectivesOf(results).map((perspective) => ({
    perspective,
    title: perspective === 'region' ? t('perspective.region') : councilName(results, perspective),
    grant: scenario.councils.some((c) => c.name === perspective) ? grantSentence(scenario, perspective) : '',
    tables: [
      budgetPlanTable(results, perspective, 0),
      ...(focus === 0 ? [] : [budgetPlanTable(results, perspective, focus), budgetPlanTable(results, perspective, focus, true)]),
    ].filter((table): table is ChartTable => table !== null),
  }));
}

export function scenarioReport(results: Results, scenario: Scenario, stamp: RunStamp): ScenarioReport {
  const sentences = headlines(results, scenario);
  const headlineYears = headlineOption(results).extensionYears;
  const charts = chartBundle(results, scenario);
  const information = informationReport(results, {
    illustrative: scenario.monitoringIllustrative === true,
    label: (path) => inputLabel(path, scenario.councils, scenario.fundingSchedule),
  });
  return {
    title: localText(scenario.name),
    description: localText(scenario.description),
    sources: scenario.sources.map((source) => localText(source)),
    englishOnly: englishOnlyNotice(scenario),
    headlineOptionName: optionName(headlineYears),
    decision: decisionSection(results, scenario),
    headlines: sentences,
    headlineFirst: sentences.find((h) => h.extensionYears === headlineYears) ?? sentences[sentences.length - 1]!,
    grant: scenario.councils.map((c) => ({ council: localText(c.label), text: grantSentence(scenario, c.name) })),
    tables: optionsTables(results),
    breakEven: results.options.map((option) => breakEvenSentence(option, scenario.contract)),
    switchingHead: results.options.map((o) => optionName(o.extensionYears)),
    switching: switchingTable(results, scenario),
    charts,
    information,
    tornadoHref: charts.charts.some((c) => c.kind === 'tornado') ? '#chart-tornado-figure' : null,
    chartData: { ...charts, charts: [...charts.charts, ...information.charts] },
    assumptions: assumptionsOf(scenario, truncationsOf(results)),
    overview: overviewOf(results, scenario, information),
    waiting: waitingSentence(results, scenario),
    budgetPlans: budgetPlansOf(results, scenario),
    decisionMap: decisionMapChart(results, { councils: scenario.councils, fundingSchedule: scenario.fundingSchedule ?? [] }),
    percentiles: percentilesTable(headlineOption(results)),
    budgetEffect: budgetEffectTable(results, scenario.contract.maxYears >= 1 ? focusOption(results, scenario.contract.maxYears) : 0),
    councils: scenario.councils.map((c) => ({
      name: localText(c.label),
      children: formatPercent(c.childrenShare, 2),
      match: formatPercent(c.matchShare, 2),
    })),
    warnings: warningsInWords(results),
    stamp,
    stampPairs: stampPairs(stamp),
    stampLine: stampLine(stamp),
  };
}
