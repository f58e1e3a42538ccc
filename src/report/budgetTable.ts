/**
 * The cash budget table of one option as text for the command line (shared/model.md section 18):
 * financial years across, the budget lines down, a total column for the flows, and with Monte
 * Carlo the P10, P50 and P90 of the net budget effect.
 */
import type { BudgetYear, OptionBudget } from '../model/results';
import { commandLinePerspective, optionInWords, type PerspectiveNamer } from './decisionTable';
import { formatMoney } from './format';
import { t, type MessageKey } from './messages';
import { textTable, wrapText, type TextRow } from './textTable';

interface Line {
  label: MessageKey;
  value: (year: BudgetYear) => number | null;
  /** Whether the total over the years means something (flows do; cumulative and percentiles do not). */
  totalled: boolean;
}

const LINES: readonly Line[] = [
  { label: 'budget.row.gross', value: (y) => y.grossContractCost, totalled: true },
  { label: 'budget.row.grant', value: (y) => y.externalFunding, totalled: true },
  { label: 'budget.row.own', value: (y) => y.ownContribution, totalled: true },
  { label: 'budget.row.cashable', value: (y) => y.cashableSaving, totalled: true },
  { label: 'budget.row.nonCashable', value: (y) => y.nonCashableSaving, totalled: true },
  { label: 'budget.row.net', value: (y) => y.netBudgetEffect, totalled: true },
  { label: 'budget.row.cumulative', value: (y) => y.cumulativeNetBudgetEffect, totalled: false },
];

const PERCENTILES: readonly Line[] = [
  { label: 'budget.row.p10', value: (y) => y.netBudgetEffectP10, totalled: false },
  { label: 'budget.row.p50', value: (y) => y.netBudgetEffectP50, totalled: false },
  { label: 'budget.row.p90', value: (y) => y.netBudgetEffectP90, totalled: false },
];

/** Whether a budget has Monte Carlo percentiles. */
export function budgetSimulated(budget: OptionBudget): boolean {
  return budget.byFinancialYear.some((y) => y.netBudgetEffectP50 !== null);
}

/** The lines of one perspective's budget for one option. */
export function budgetLines(
  perspective: string,
  budget: OptionBudget,
  width = 100,
  name: PerspectiveNamer = commandLinePerspective,
): string[] {
  const years = budget.byFinancialYear;
  const lines = [...LINES, ...(budgetSimulated(budget) ? PERCENTILES : [])];
  const rows: TextRow[] = lines.map((line) => {
    const values = years.map(line.value);
    const total = line.totalled ? formatMoney(values.reduce<number>((sum, v) => sum + (v ?? 0), 0)) : '';
    return { label: t(line.label), cells: [...values.map((v) => (v === null ? t('decisionTable.none') : formatMoney(v))), total] };
  });
  return [
    t('budget.for', { perspective: name(perspective) }),
    ...textTable([...years.map((y) => y.year), t('budget.totalColumn')], rows, width),
  ];
}

/** The budget section for one option: a heading, each perspective, the note on what counts. */
export function budgetSection(
  budgets: Record<string, OptionBudget[]>,
  extensionYears: number,
  width = 100,
  name: PerspectiveNamer = commandLinePerspective,
): string {
  const heading = t('budget.heading', { option: optionInWords(extensionYears) });
  const blocks: string[] = [];
  let simulated = false;
  for (const [perspective, options] of Object.entries(budgets)) {
    const budget = options.find((o) => o.extensionYears === extensionYears);
    if (budget === undefined) continue;
    simulated ||= budgetSimulated(budget);
    blocks.push(budgetLines(perspective, budget, width, name).join('\n'));
  }
  const notes = [t('budget.note'), ...(simulated ? [t('budget.noteSimulated')] : [])];
  return [`${heading}\n${'='.repeat(heading.length)}`, ...blocks, notes.map((note) => wrapText(note, width)).join('\n')].join('\n\n');
}
