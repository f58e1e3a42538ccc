/**
 * The decision and the cash budget as rows for the CSV and the workbook (shared/model.md section
 * 18): one row per perspective and option (decision; before and after a monitoring update), one
 * per perspective, option and financial year (budget). Headers are machine names that carry
 * their unit (`_gbp` pounds, `_share` a proportion from 0 to 1); money is rounded to pennies, shares to
 * four decimals; the decision includes the extension years' cash budget effect when the model gives it; every
 * row states the money basis, in its parts and as a sentence, so a row pasted elsewhere still says
 * how it was counted.
 */
import type { DecisionFigure, DecisionOption, MoneyBasis, PerspectiveDecision, Results } from '../model/results';
import { decisionSections } from './decisionResults';
import { moneyBasisSentence } from './moneyBasis';

export type Cell = string | number | null;

/** Pounds to pennies; null stays null. pennies(1234.5678) -> 1234.57, pennies(-0.004) -> 0 */
export function pennies(pounds: number | null | undefined): number | null {
  if (pounds === null || pounds === undefined) return null;
  const rounded = Math.round(pounds * 100) / 100;
  return Object.is(rounded, -0) ? 0 : rounded;
}

export const MONEY_BASIS_HEAD = ['price_base', 'inflation_per_year_share', 'contract_price', 'discount_rate_per_year_share', 'discount_base_year', 'money_basis'] as const;

/** The money basis in its parts and as a sentence, for the end of every row. */
export function moneyBasisCells(basis: MoneyBasis): Cell[] {
  return [basis.priceBase, basis.inflation, basis.contractPrice, basis.discountRate, basis.discountBaseYear, moneyBasisSentence(basis)];
}

const FIGURE_STATS = ['central', 'mean', 'sem', 'p10', 'p50', 'p90'] as const;

function figureHead(name: string): string[] {
  return [...FIGURE_STATS.map((s) => `${name}_${s}_gbp`), `${name}_probability_positive_share`];
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
  return (option as DecisionOption & { incrementalNetBudgetEffect?: DecisionFigure }).incrementalNetBudgetEffect ?? null;
}

export const DECISION_HEAD: readonly string[] = [
  'table',
  'scenario',
  'scenario_hash',
  'model_version',
  'after_monitoring_update',
  'perspective',
  'extension_years',
  'best_option_years',
  'best_option_central_years',
  ...figureHead('incremental_npv'),
  ...figureHead('incremental_net_cash'),
  ...figureHead('incremental_net_budget_effect'),
  ...figureHead('marginal_npv'),
  'probability_best_share',
  'probability_best_sem_share',
  'expected_loss_gbp',
  'expected_loss_sem_gbp',
  'break_even_annual_price_gbp',
  'break_even_annual_price_central_gbp',
  'probability_ended_early_share',
  ...MONEY_BASIS_HEAD,
];

export const BUDGET_HEAD: readonly string[] = [
  'table',
  'scenario',
  'scenario_hash',
  'model_version',
  'perspective',
  'extension_years',
  'financial_year',
  'gross_contract_cost_gbp',
  'external_funding_gbp',
  'own_contribution_gbp',
  'cashable_saving_gbp',
  'non_cashable_saving_gbp',
  'net_budget_effect_gbp',
  'cumulative_net_budget_effect_gbp',
  'net_budget_effect_p10_gbp',
  'net_budget_effect_p50_gbp',
  'net_budget_effect_p90_gbp',
  ...MONEY_BASIS_HEAD,
];

function decisionBody(results: Results, decision: Record<string, PerspectiveDecision>, afterUpdate: boolean, basis: Cell[]): Cell[][] {
  const rows: Cell[][] = [];
  for (const [perspective, d] of Object.entries(decision)) {
    for (const o of d.options) {
      rows.push([
        'decision',
        results.scenario.name,
        results.scenario.hash,
        results.modelVersion,
        afterUpdate ? 'yes' : 'no',
        perspective,
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
  if (sections === null) return [[...DECISION_HEAD]];
  const basis = moneyBasisCells(sections.moneyBasis);
  return [
    [...DECISION_HEAD],
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
  if (sections === null) return [[...BUDGET_HEAD]];
  const basis = moneyBasisCells(sections.moneyBasis);
  const rows: Cell[][] = [[...BUDGET_HEAD]];
  for (const [perspective, options] of Object.entries(sections.budget)) {
    for (const option of options) {
      for (const y of option.byFinancialYear) {
        rows.push([
          'budget',
          results.scenario.name,
          results.scenario.hash,
          results.modelVersion,
          perspective,
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

export const DECISION_MAP_HEAD: readonly string[] = ['table', 'scenario', 'scenario_hash', 'model_version', 'perspective', 'x_input', 'x_value', 'y_input', 'y_value', 'best_option_years', ...MONEY_BASIS_HEAD];

/**
 * Header then one row per cell of the decision map (section 18): the two inputs' values (in the
 * inputs' own units, as in the scenario file) and the best option there at central values. Only
 * the header when there is no map.
 * @example decisionMapRows(results)[1].slice(4, 10) // ['region', 'outcomes.effectiveness', 0.15, 'outcomes.residential_weeks', 34.5, 0]
 */
export function decisionMapRows(results: Results): Cell[][] {
  const sections = decisionSections(results);
  const map = sections?.decisionMap;
  if (!sections || !map) return [[...DECISION_MAP_HEAD]];
  const basis = moneyBasisCells(sections.moneyBasis);
  const rows: Cell[][] = [[...DECISION_MAP_HEAD]];
  map.y.values.forEach((y, iy) =>
    map.x.values.forEach((x, ix) => {
      rows.push(['decision_map', results.scenario.name, results.scenario.hash, results.modelVersion, map.perspective, map.x.input, sixFigures(x), map.y.input, sixFigures(y), map.bestOption[iy]![ix]!, ...basis]);
    }),
  );
  return rows;
}
