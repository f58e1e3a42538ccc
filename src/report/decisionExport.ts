/**
 * The decision and the cash budget as rows for the CSV and the workbook (shared/model.md section
 * 18): one row per perspective and option (decision; before and after a monitoring update), one
 * per perspective, option and financial year (budget). Headers are machine names that carry
 * their unit (`_gbp` pounds, `_share` a proportion from 0 to 1), in the language in force (the
 * catalogue's `csv.head.*`: English as always, Welsh under `withLocale('cy')`), as are the table
 * names, yes and no, and the region; money is rounded to pennies, shares to
 * four decimals; the decision includes the extension years' cash budget effect when the model gives it; every
 * row states the money basis, in its parts and as a sentence, so a row pasted elsewhere still says
 * how it was counted.
 */
import type { DecisionFigure, DecisionOption, MoneyBasis, PerspectiveDecision, Results } from '../model/results';
import { decisionSections } from './decisionResults';
import { REGION } from './decision';
import { councilName, scenarioName } from './localText';
import { t, type MessageKey } from './messages';
import { moneyBasisSentence } from './moneyBasis';

export type Cell = string | number | null;

/** A header row in the language in force. */
export function headsInWords(keys: readonly MessageKey[]): string[] {
  return keys.map((key) => t(key));
}

/** A perspective as an export names it: the region, or a council by its label, in the language in force. */
export function exportPerspective(perspective: string, results: Pick<Results, 'scenario'>): string {
  return perspective === REGION ? t('csv.value.region') : councilName(results, perspective);
}

/** Yes or no in the language in force. */
export function yesNoCell(yes: boolean): string {
  return t(yes ? 'decisionTable.yes' : 'decisionTable.no');
}

/** Pounds to pennies; null stays null. pennies(1234.5678) -> 1234.57, pennies(-0.004) -> 0 */
export function pennies(pounds: number | null | undefined): number | null {
  if (pounds === null || pounds === undefined) return null;
  const rounded = Math.round(pounds * 100) / 100;
  return Object.is(rounded, -0) ? 0 : rounded;
}

export const MONEY_BASIS_HEAD = [
  'csv.head.price_base',
  'csv.head.inflation_per_year_share',
  'csv.head.contract_price',
  'csv.head.discount_rate_per_year_share',
  'csv.head.discount_base_year',
  'csv.head.money_basis',
] as const satisfies readonly MessageKey[];

/** The money basis in its parts and as a sentence, for the end of every row. */
export function moneyBasisCells(basis: MoneyBasis): Cell[] {
  return [basis.priceBase, basis.inflation, basis.contractPrice, basis.discountRate, basis.discountBaseYear, moneyBasisSentence(basis)];
}

const FIGURE_STATS = ['central', 'mean', 'sem', 'p10', 'p50', 'p90'] as const;
const FIGURE_STAT_KEYS: Readonly<Record<(typeof FIGURE_STATS)[number], MessageKey>> = {
  central: 'csv.stat.central',
  mean: 'csv.stat.mean',
  sem: 'csv.stat.sem',
  p10: 'csv.stat.p10',
  p50: 'csv.stat.p50',
  p90: 'csv.stat.p90',
};

/** A decision figure's columns: `incremental_npv_central_gbp` ... `incremental_npv_probability_positive_share`, in the language in force. */
function figureHead(figure: MessageKey): string[] {
  const name = t(figure);
  return [
    ...FIGURE_STATS.map((s) => t('csv.head.figureStatistic', { figure: name, statistic: t(FIGURE_STAT_KEYS[s]) })),
    t('csv.head.figureChance', { figure: name }),
  ];
}

/** A share (0 to 1) to four decimal places (0.01 of a percentage point); null stays null. */
export function shareCell(share: number | null | undefined): number | null {
  return share === null || share === undefined ? null : Math.round(share * 10_000) / 10_000;
}

function figureCells(figure: DecisionFigure | null | undefined): Cell[] {
  return [...FIGURE_STATS.map((s) => pennies(figure?.[s])), shareCell(figure?.probabilityPositive)];
}

/** The extension years' effect on the councils' cash budgets (section 18), when the model gives it. */
function budgetFigure(option: DecisionOption): DecisionFigure | null {
  return option.incrementalNetBudgetEffect ?? null;
}

/** The decision table's header, in the language in force. */
export function decisionHead(): string[] {
  return [
    ...headsInWords([
      'csv.head.table',
      'csv.head.scenario',
      'csv.head.scenario_hash',
      'csv.head.model_version',
      'csv.head.after_monitoring_update',
      'csv.head.perspective',
      'csv.head.extension_years',
      'csv.head.best_option_years',
      'csv.head.best_option_central_years',
    ]),
    ...figureHead('csv.figure.incremental_npv'),
    ...figureHead('csv.figure.incremental_net_cash'),
    ...figureHead('csv.figure.incremental_net_budget_effect'),
    ...figureHead('csv.figure.marginal_npv'),
    ...headsInWords([
      'csv.head.probability_best_share',
      'csv.head.probability_best_sem_share',
      'csv.head.expected_loss_gbp',
      'csv.head.expected_loss_sem_gbp',
      'csv.head.break_even_annual_price_gbp',
      'csv.head.break_even_annual_price_central_gbp',
      'csv.head.probability_ended_early_share',
      ...MONEY_BASIS_HEAD,
    ]),
  ];
}

/** The budget table's header, in the language in force. */
export function budgetHead(): string[] {
  return headsInWords([
    'csv.head.table',
    'csv.head.scenario',
    'csv.head.scenario_hash',
    'csv.head.model_version',
    'csv.head.perspective',
    'csv.head.extension_years',
    'csv.head.financial_year',
    'csv.head.gross_contract_cost_gbp',
    'csv.head.external_funding_gbp',
    'csv.head.own_contribution_gbp',
    'csv.head.cashable_saving_gbp',
    'csv.head.non_cashable_saving_gbp',
    'csv.head.net_budget_effect_gbp',
    'csv.head.cumulative_net_budget_effect_gbp',
    'csv.head.net_budget_effect_p10_gbp',
    'csv.head.net_budget_effect_p50_gbp',
    'csv.head.net_budget_effect_p90_gbp',
    ...MONEY_BASIS_HEAD,
  ]);
}

function decisionBody(results: Results, decision: Record<string, PerspectiveDecision>, afterUpdate: boolean, basis: Cell[]): Cell[][] {
  const rows: Cell[][] = [];
  for (const [perspective, d] of Object.entries(decision)) {
    for (const o of d.options) {
      rows.push([
        t('csv.table.decision'),
        scenarioName(results),
        results.scenario.hash,
        results.modelVersion,
        yesNoCell(afterUpdate),
        exportPerspective(perspective, results),
        o.extensionYears,
        d.bestOption,
        d.bestOptionCentral,
        ...figureCells(o.incrementalNpv),
        ...figureCells(o.incrementalNetCash),
        ...figureCells(budgetFigure(o)),
        ...figureCells(o.marginalNpv),
        shareCell(o.probabilityBest),
        shareCell(o.probabilityBestSem),
        pennies(o.expectedLoss),
        pennies(o.expectedLossSem),
        pennies(o.breakEvenAnnualPrice),
        pennies(o.breakEvenAnnualPriceCentral),
        shareCell(o.probabilityEndedEarly),
        ...basis,
      ]);
    }
  }
  return rows;
}

/**
 * Header then one row per perspective and option, the decision before any monitoring update
 * first, then after it. Only the header for results without a decision.
 * @example decisionRows(results)[1].slice(5, 8) // ['region', 0, 2]
 */
export function decisionRows(results: Results): Cell[][] {
  const sections = decisionSections(results);
  if (sections === null) return [decisionHead()];
  const basis = moneyBasisCells(sections.moneyBasis);
  return [
    decisionHead(),
    ...decisionBody(results, sections.decision, false, basis),
    ...(sections.updatedDecision ? decisionBody(results, sections.updatedDecision, true, basis) : []),
  ];
}

/**
 * Header then one row per perspective, option and financial year, cash, money in pennies. Only the
 * header for results without a budget.
 * @example budgetRows(results)[1].slice(4, 7) // ['region', 0, '2024/25']
 */
export function budgetRows(results: Results): Cell[][] {
  const sections = decisionSections(results);
  if (sections === null) return [budgetHead()];
  const basis = moneyBasisCells(sections.moneyBasis);
  const rows: Cell[][] = [budgetHead()];
  for (const [perspective, options] of Object.entries(sections.budget)) {
    for (const option of options) {
      for (const y of option.byFinancialYear) {
        rows.push([
          t('csv.table.budget'),
          scenarioName(results),
          results.scenario.hash,
          results.modelVersion,
          exportPerspective(perspective, results),
          option.extensionYears,
          y.year,
          pennies(y.grossContractCost),
          pennies(y.externalFunding),
          pennies(y.ownContribution),
          pennies(y.cashableSaving),
          pennies(y.nonCashableSaving),
          pennies(y.netBudgetEffect),
          pennies(y.cumulativeNetBudgetEffect),
          pennies(y.netBudgetEffectP10),
          pennies(y.netBudgetEffectP50),
          pennies(y.netBudgetEffectP90),
          ...basis,
        ]);
      }
    }
  }
  return rows;
}

/** A grid value to six significant figures, so 0.15000000000000002 reads 0.15. */
function sixFigures(value: number): number {
  return Number(value.toPrecision(6));
}

/** The decision map table's header, in the language in force. */
export function decisionMapHead(): string[] {
  return headsInWords([
    'csv.head.table',
    'csv.head.scenario',
    'csv.head.scenario_hash',
    'csv.head.model_version',
    'csv.head.perspective',
    'csv.head.x_input',
    'csv.head.x_value',
    'csv.head.y_input',
    'csv.head.y_value',
    'csv.head.best_option_years',
    ...MONEY_BASIS_HEAD,
  ]);
}

/**
 * Header then one row per cell of the decision map (section 18): the two inputs' values (in the
 * inputs' own units, as in the scenario file) and the best option there at central values. Only
 * the header when there is no map.
 * @example decisionMapRows(results)[1].slice(4, 10) // ['region', 'outcomes.effectiveness', 0.15, 'outcomes.residential_weeks', 34.5, 0]
 */
export function decisionMapRows(results: Results): Cell[][] {
  const sections = decisionSections(results);
  const map = sections?.decisionMap;
  if (!sections || !map) return [decisionMapHead()];
  const basis = moneyBasisCells(sections.moneyBasis);
  const rows: Cell[][] = [decisionMapHead()];
  map.y.values.forEach((y, iy) =>
    map.x.values.forEach((x, ix) => {
      rows.push([
        t('csv.table.decisionMap'),
        scenarioName(results),
        results.scenario.hash,
        results.modelVersion,
        exportPerspective(map.perspective, results),
        map.x.input,
        sixFigures(x),
        map.y.input,
        sixFigures(y),
        map.bestOption[iy]![ix]!,
        ...basis,
      ]);
    }),
  );
  return rows;
}
