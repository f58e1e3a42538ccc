/**
 * The decision section at the top of the scenario page and the cabinet report (shared/model.md
 * section 18): the decision in words (headline perspective first), the grant by date, the money
 * basis, how many of the inputs that matter most are assumptions, and per perspective a short
 * "what the extension years add" table and the cash budget tables of the best and the headline
 * option. Shaped once here; views only loop and escape.
 */
import type { Results } from '../model/results';
import type { Scenario } from '../scenario/types';
import type { ChartTable } from './charts';
import {
  budgetOf,
  decisionOf,
  headlineMeasure,
  headlinePerspectiveOf,
  measureWords,
  moneyBasisOf,
  optionBudget,
  perspectivesOf,
  REGION,
  type HeadlineMeasure,
} from './decision';
import { formatChance, formatMoney, formatPercent } from './format';
import {
  decisionWords,
  endedEarlySentence,
  endMonth,
  grantScheduleSentence,
  grantSentence,
  headlineOption,
  optionName,
  type PerspectiveWords,
} from './headline';
import { inputLabel, isAssumption, listInWords } from './inputs';
import { councilName } from './localText';
import { t, tPlural } from './messages';
import { moneyBasisSentence } from './moneyBasis';
import { perspectiveTitle } from './optionsTable';

export interface PerspectiveTables {
  perspective: string;
  title: string;
  /** What each option adds to stopping at the end of the fixed term. */
  decision: ChartTable;
  /** Cash budget by financial year of the best option and of the headline option (one table when they are the same). */
  budgets: ChartTable[];
  /** The council's grant sentence ('' for the region). */
  grant: string;
}

export interface DecisionSection {
  lead: string;
  /** The headline perspective's sentences first. */
  words: PerspectiveWords[];
  grant: string;
  /** The headline council's share of what the grant does not pay ('' when the region leads and there are no councils). */
  grantCouncil: string;
  endedEarly: string | null;
  /** The headline perspective's best option after a monitoring update (section 18's updatedDecision), flagged when the counts are illustrative; null without one. */
  updated: string | null;
  moneyBasis: string;
  /** How many of the top three tornado inputs are assumptions; null without Monte Carlo. */
  provenance: string | null;
  perspectives: PerspectiveTables[];
  measure: HeadlineMeasure;
}

const cellNone = (): string => t('decision.cell.none');

/** The "what the extension years add" table of one perspective. */
export function decisionTable(results: Results, perspective: string, basis: 'cash' | 'real'): ChartTable {
  const decision = decisionOf(results)[perspective]!;
  const measure = headlineMeasure(results);
  const simulated = measure === 'mean';
  const measureName = measureWords(measure);
  const endsEarly = decision.options.some((o) => o.probabilityEndedEarly !== null && o.probabilityEndedEarly > 0);
  const head = [
    t('decision.head.option'),
    t('decision.head.adds', { measure: measureName }),
    ...(simulated ? [t('decision.head.addsCentral')] : []),
    t('decision.head.marginal', { measure: measureName }),
    ...(simulated ? [t('decision.head.chanceBest'), t('decision.head.expectedLoss')] : []),
    t('decision.head.breakEven', {
      basis: t(basis === 'cash' ? 'moneyBasis.contract.cash' : 'moneyBasis.contract.real'),
      measure: measureName,
    }),
    ...(endsEarly ? [t('decision.head.endedEarly')] : []),
  ];
  const money = (value: number | null): string => (value === null ? cellNone() : formatMoney(value));
  const pick = (figure: { central: number; mean: number | null } | null): number | null =>
    figure === null ? null : simulated && figure.mean !== null ? figure.mean : figure.central;
  const rows = decision.options.map((o) => {
    const name =
      o.extensionYears === decision.bestOption
        ? t('decision.cell.best', { value: optionName(o.extensionYears) })
        : optionName(o.extensionYears);
    const price = simulated ? o.breakEvenAnnualPrice : o.breakEvenAnnualPriceCentral;
    return [
      name,
      money(pick(o.incrementalNpv)),
      ...(simulated ? [money(o.incrementalNpv.central)] : []),
      money(pick(o.marginalNpv)),
      ...(simulated
        ? [
            o.probabilityBest === null
              ? cellNone()
              : t('table.chanceCell', { words: formatChance(o.probabilityBest), percent: formatPercent(o.probabilityBest, 1) }),
            money(o.expectedLoss),
          ]
        : []),
      o.extensionYears === 0 ? cellNone() : money(price),
      ...(endsEarly ? [o.probabilityEndedEarly === null ? cellNone() : formatPercent(o.probabilityEndedEarly, 1)] : []),
    ];
  });
  return { caption: t('decision.tableCaption', { who: perspectiveTitle(perspective, results) }), head, rows };
}

/** The cash budget table of one option and perspective, with a total row; null without budget tables. */
export function budgetTable(results: Results, perspective: string, extensionYears: number): ChartTable | null {
  const budget = optionBudget(results, perspective, extensionYears);
  if (budget === null) return null;
  const years = budget.byFinancialYear;
  const ranged = years.some((y) => y.netBudgetEffectP10 !== null && y.netBudgetEffectP90 !== null);
  const head = [
    t('budget.head.year'),
    t('budget.head.gross'),
    t('budget.head.grant'),
    t('budget.head.own'),
    t('budget.head.cashable'),
    t('budget.head.nonCashable'),
    t('budget.head.net'),
    t('budget.head.cumulative'),
    ...(ranged ? [t('budget.head.range')] : []),
  ];
  const rows = years.map((y) => [
    y.year,
    formatMoney(y.grossContractCost),
    formatMoney(y.externalFunding),
    formatMoney(y.ownContribution),
    formatMoney(y.cashableSaving),
    formatMoney(y.nonCashableSaving),
    formatMoney(y.netBudgetEffect),
    formatMoney(y.cumulativeNetBudgetEffect),
    ...(ranged
      ? [
          y.netBudgetEffectP10 === null || y.netBudgetEffectP90 === null
            ? cellNone()
            : t('range.between', { low: formatMoney(y.netBudgetEffectP10), high: formatMoney(y.netBudgetEffectP90) }),
        ]
      : []),
  ]);
  const sum = (pick: (y: (typeof years)[number]) => number): string => formatMoney(years.reduce((total, y) => total + pick(y), 0));
  rows.push([
    t('budget.totalRow'),
    sum((y) => y.grossContractCost),
    sum((y) => y.externalFunding),
    sum((y) => y.ownContribution),
    sum((y) => y.cashableSaving),
    sum((y) => y.nonCashableSaving),
    sum((y) => y.netBudgetEffect),
    years.length === 0 ? formatMoney(0) : formatMoney(years[years.length - 1]!.cumulativeNetBudgetEffect),
    ...(ranged ? [''] : []),
  ]);
  return {
    caption: t('budget.caption', { who: perspectiveTitle(perspective, results), option: optionName(extensionYears).toLowerCase() }),
    head,
    rows,
  };
}

/**
 * One option's cash budget for one perspective as a medium-term financial plan: one row per line
 * (contract cost, grant, own contribution, cashable, non-cashable, net, cumulative), one column per
 * financial year and a total; years after the last with any money in them left out. With
 * `lessBaseline`, each figure less the same figure for stopping at the end of the fixed term (what
 * the extension years change). Null without budget tables.
 * @example budgetPlanTable(results, 'Bridgend', 4).head // ["Line", "2024/25", ..., "Total"]
 */
export function budgetPlanTable(results: Results, perspective: string, extensionYears: number, lessBaseline = false): ChartTable | null {
  const budget = optionBudget(results, perspective, extensionYears);
  const baseline = optionBudget(results, perspective, 0);
  if (budget === null || (lessBaseline && baseline === null)) return null;
  type Line =
    | 'grossContractCost'
    | 'externalFunding'
    | 'ownContribution'
    | 'cashableSaving'
    | 'nonCashableSaving'
    | 'netBudgetEffect'
    | 'cumulativeNetBudgetEffect';
  const value = (year: string, line: Line): number => {
    const own = budget.byFinancialYear.find((y) => y.year === year)?.[line] ?? 0;
    const base = lessBaseline ? (baseline!.byFinancialYear.find((y) => y.year === year)?.[line] ?? 0) : 0;
    return own - base;
  };
  const allYears = budget.byFinancialYear.map((y) => y.year);
  const flows: Line[] = [
    'grossContractCost',
    'externalFunding',
    'ownContribution',
    'cashableSaving',
    'nonCashableSaving',
    'netBudgetEffect',
  ];
  let last = 0;
  allYears.forEach((year, i) => {
    if (flows.some((line) => Math.abs(value(year, line)) >= 0.5)) last = i;
  });
  const years = allYears.slice(0, last + 1);
  const lines: [Line, string][] = [
    ['grossContractCost', t('pages.budget.row.gross')],
    ['externalFunding', t('pages.budget.row.grant')],
    ['ownContribution', t('pages.budget.row.own')],
    ['cashableSaving', t('pages.budget.row.cashable')],
    ['nonCashableSaving', t('pages.budget.row.nonCashable')],
    ['netBudgetEffect', t('pages.budget.row.net')],
    ['cumulativeNetBudgetEffect', t('pages.budget.row.cumulative')],
  ];
  const rows = lines.map(([line, label]) => {
    const cells = years.map((year) => formatMoney(value(year, line)));
    // The cumulative line's total is where it ends; the others add up.
    const total =
      line === 'cumulativeNetBudgetEffect'
        ? value(years[years.length - 1] ?? '', line)
        : years.reduce((sum, year) => sum + value(year, line), 0);
    return [label, ...cells, formatMoney(total)];
  });
  const who = perspectiveTitle(perspective, results);
  const option = optionName(extensionYears).toLowerCase();
  return {
    caption: lessBaseline ? t('pages.budget.difference', { who, option }) : t('pages.budget.caption', { who, option }),
    head: [t('pages.budget.head.line'), ...years, t('pages.budget.head.total')],
    rows,
  };
}

/**
 * Each budget's net cash effect by financial year for one option, one row per perspective (the
 * cabinet report's summary): cashable saving less own contribution at the central values, a total,
 * and, when the model gives it, what the extension years do to that budget in the headline measure.
 * Null without budget tables.
 */
export function budgetEffectTable(results: Results, extensionYears: number): ChartTable | null {
  if (budgetOf(results) === null) return null;
  const perspectives = perspectivesOf(results).filter((p) => optionBudget(results, p, extensionYears) !== null);
  if (perspectives.length === 0) return null;
  // Years after the last in which any budget has money in it are left out (they add nothing to the row or the total).
  const allYears = optionBudget(results, perspectives[0]!, extensionYears)!.byFinancialYear.map((y) => y.year);
  const last = allYears.reduce(
    (found, year, i) =>
      perspectives.some(
        (p) =>
          Math.abs(optionBudget(results, p, extensionYears)!.byFinancialYear.find((y) => y.year === year)?.netBudgetEffect ?? 0) >= 0.5,
      )
        ? i
        : found,
    0,
  );
  const years = allYears.slice(0, last + 1);
  const measure = headlineMeasure(results);
  const addsOf = (perspective: string): number | null => {
    const figure = decisionOf(results)[perspective]?.options.find((o) => o.extensionYears === extensionYears)?.incrementalNetBudgetEffect;
    if (figure === undefined) return null;
    return measure === 'mean' && figure.mean !== null ? figure.mean : figure.central;
  };
  const withAdds = extensionYears > 0 && perspectives.every((p) => addsOf(p) !== null);
  return {
    caption: t('pages.effect.caption', { option: optionName(extensionYears).toLowerCase() }),
    head: [
      t('pages.effect.who'),
      ...years,
      t('pages.budget.head.total'),
      ...(withAdds ? [t('pages.effect.adds', { measure: measureWords(measure) })] : []),
    ],
    rows: perspectives.map((p) => {
      const budget = optionBudget(results, p, extensionYears)!;
      const total = budget.byFinancialYear.reduce((sum, y) => sum + y.netBudgetEffect, 0);
      const cells = years.map((year) => formatMoney(budget.byFinancialYear.find((y) => y.year === year)?.netBudgetEffect ?? 0));
      return [perspectiveTitle(p, results), ...cells, formatMoney(total), ...(withAdds ? [formatMoney(addsOf(p)!)] : [])];
    }),
  };
}

/** The first letter in lower case, for a label inside a sentence ("Share of ..." -> "share of ..."). */
function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/**
 * How many of the (up to) three inputs that move the headline option's NPV most (the top of its
 * tornado, the region's: the one the model gives) are assumptions (section 19); null without Monte Carlo.
 * @example "Of the 3 inputs that move the net present value of 4 extension years most (A, B and C), 2 are assumptions rather than published figures, local data or estimates."
 */
export function provenanceSentence(results: Results, scenario: Scenario): string | null {
  const option = headlineOption(results);
  const top = (option.monteCarlo?.tornado ?? []).slice(0, 3);
  if (top.length === 0) return null;
  const assumptions = top.filter((bar) => isAssumption(scenario, bar.input)).length;
  const params = {
    count: top.length,
    assumptions,
    option: optionName(option.extensionYears).toLowerCase(),
    inputs: listInWords(
      top.map((bar) => lowerFirst(inputLabel(bar.input, scenario.councils, scenario.fundingSchedule))),
      t('list.and'),
    ),
  };
  return assumptions === 0 ? t('provenance.top.zero', params) : tPlural('provenance.top', assumptions, params);
}

/** The best option after the monitoring update, in the headline measure; null without an update. */
export function updatedSentence(results: Results, scenario: Scenario, perspective: string): string | null {
  const updated = decisionOf(results, 'updatedDecision')[perspective];
  if (updated === undefined) return null;
  const best = updated.options.find((o) => o.extensionYears === updated.bestOption);
  const text = t('decision.updated', {
    who: perspective === REGION ? t('headline.whoRegion') : councilName(results, perspective),
    option: updated.bestOption === 0 ? t('subjectLower.none') : optionName(updated.bestOption).toLowerCase(),
    chance:
      best?.probabilityBest === null || best?.probabilityBest === undefined
        ? ''
        : ` ${t('decision.updatedChance', { percent: formatPercent(best.probabilityBest, 0) })}`,
    measure: measureWords(headlineMeasure(results)),
  });
  return scenario.monitoringIllustrative === true ? `${text} ${t('illustrative.flag')}` : text;
}

/** The decision section of a run. */
export function decisionSection(results: Results, scenario: Scenario): DecisionSection {
  const lead = headlinePerspectiveOf(results, scenario);
  const decisions = decisionOf(results);
  const take = headlineOption(results).extensionYears;
  const basis = moneyBasisOf(results, scenario);
  const hasBudget = budgetOf(results) !== null;
  const order = [lead, ...perspectivesOf(results).filter((p) => p !== lead)];
  const councilLead = lead !== REGION ? lead : scenario.councils[0]?.name;
  return {
    lead: t('decision.lead', { fixedEnd: endMonth(scenario.contract, 0), max: scenario.contract.maxYears }),
    words: decisionWords(results, scenario),
    grant: grantScheduleSentence(scenario),
    grantCouncil: councilLead === undefined ? '' : grantSentence(scenario, councilLead),
    endedEarly: endedEarlySentence(results, scenario),
    updated: updatedSentence(results, scenario, lead),
    moneyBasis: moneyBasisSentence(basis),
    provenance: provenanceSentence(results, scenario),
    measure: headlineMeasure(results),
    perspectives: order.flatMap((perspective) => {
      const decision = decisions[perspective];
      if (decision === undefined) return [];
      const shown = [...new Set([decision.bestOption, take])];
      return [
        {
          perspective,
          title: perspectiveTitle(perspective, results),
          decision: decisionTable(results, perspective, basis.contractPrice),
          budgets: hasBudget ? shown.flatMap((k) => budgetTable(results, perspective, k) ?? []) : [],
          grant:
            perspective === REGION || !scenario.councils.some((c) => c.name === perspective) ? '' : grantSentence(scenario, perspective),
        },
      ];
    }),
  };
}
