/**
 * The options side by side (0 to max extension years) for one perspective: exact figures for
 * tables (users.md: round for reading, exact in tables), with the Monte Carlo ranges and chances.
 */
import type { OptionResult, Results, Totals } from '../model/results';
import { formatChance, formatMoney, formatMonth, formatNumber, formatPercent } from './format';
import { optionName } from './headline';
import { councilName } from './localText';
import { t, type MessageKey } from './messages';

export interface TableRow {
  key: string;
  label: string;
  cells: string[];
}

export interface OptionsTable {
  perspective: string;
  /** "the region" or the council's name, for headings. */
  title: string;
  head: string[];
  rows: TableRow[];
}

type Cell = (option: OptionResult, perspective: string, firstMonth: string) => string;

const totals = (option: OptionResult, perspective: string): Totals => option.perspectives[perspective]!.totals;
const simulated = (option: OptionResult, perspective: string) => option.monteCarlo?.perspectives[perspective];
const count = (value: number): string => formatNumber(value, 1);

const ROWS: readonly { key: string; cell: Cell; monteCarlo?: boolean }[] = [
  { key: 'placements', cell: (o, p) => count(totals(o, p).residentialPlacementsAvoided) },
  {
    key: 'placementsRange',
    monteCarlo: true,
    cell: (o, p) => {
      const s = simulated(o, p)!.residentialPlacementsAvoided;
      return t('range.between', { low: count(s.p10), high: count(s.p90) });
    },
  },
  { key: 'weeks', cell: (o, p) => formatNumber(totals(o, p).residentialWeeksAvoided, 0) },
  { key: 'avoidedCost', cell: (o, p) => formatMoney(totals(o, p).avoidedCost) },
  { key: 'cashable', cell: (o, p) => formatMoney(totals(o, p).avoidedCostCashable) },
  { key: 'contractCost', cell: (o, p) => formatMoney(totals(o, p).contractCost) },
  { key: 'netSaving', cell: (o, p) => formatMoney(totals(o, p).netSaving) },
  { key: 'npv', cell: (o, p) => formatMoney(totals(o, p).npv) },
  { key: 'npvMean', monteCarlo: true, cell: (o, p) => formatMoney(simulated(o, p)!.npv.mean) },
  {
    key: 'npvRange',
    monteCarlo: true,
    cell: (o, p) => {
      const s = simulated(o, p)!.npv;
      return t('range.between', { low: formatMoney(s.p10), high: formatMoney(s.p90) });
    },
  },
  {
    key: 'bcr',
    cell: (o, p) => {
      const bcr = totals(o, p).bcr;
      return bcr === null ? t('table.notApplicable') : formatNumber(bcr, 2);
    },
  },
  {
    key: 'payback',
    cell: (o, p, firstMonth) => {
      const month = totals(o, p).paybackMonth;
      return month === null ? t('table.never') : formatMonth(firstMonth, month);
    },
  },
  {
    key: 'chance',
    monteCarlo: true,
    cell: (o, p) => {
      const s = simulated(o, p)!;
      return t('table.chanceCell', { words: formatChance(s.probabilityNpvPositive), percent: formatPercent(s.probabilityNpvPositive, 1) });
    },
  },
  {
    key: 'chancePaidBack',
    monteCarlo: true,
    cell: (o, p) => {
      const s = simulated(o, p)!;
      return t('table.chanceCell', { words: formatChance(s.probabilityPaidBack), percent: formatPercent(s.probabilityPaidBack, 1) });
    },
  },
  { key: 'referrals', cell: (o, p) => count(totals(o, p).referrals) },
  { key: 'starts', cell: (o, p) => count(totals(o, p).starts) },
  { key: 'waitingAtEnd', cell: (o, p) => count(totals(o, p).waitingAtEnd) },
  { key: 'turnedAway', cell: (o, p) => count(totals(o, p).turnedAway) },
];

/**
 * The perspective's name for headings: "The region" or the council's name as a reader sees it
 * (its label in the language in force, from `results`; the key without them).
 */
export function perspectiveTitle(perspective: string, results?: Pick<Results, 'scenario'>): string {
  if (perspective === 'region') return t('perspective.region');
  return results === undefined ? perspective : councilName(results, perspective);
}

/**
 * The options table of one perspective. Monte Carlo rows appear only when a simulation ran.
 * @example optionsTable(results, 'region').rows[0] // { key: 'placements', label: 'Residential placements avoided', cells: ['5.5', ...] }
 */
export function optionsTable(results: Results, perspective: string): OptionsTable {
  const firstMonth = typeof results.firstMonth === 'string' ? results.firstMonth : '2000-01';
  const hasMonteCarlo = results.options.every((o) => o.monteCarlo?.perspectives[perspective] !== undefined);
  return {
    perspective,
    title: perspectiveTitle(perspective, results),
    head: results.options.map((o) => optionName(o.extensionYears)),
    rows: ROWS.filter((row) => hasMonteCarlo || !row.monteCarlo).map((row) => ({
      key: row.key,
      label: t(`table.row.${row.key}` as MessageKey),
      cells: results.options.map((option) => row.cell(option, perspective, firstMonth)),
    })),
  };
}

/** Every perspective's table: the region first, then each council. */
export function optionsTables(results: Results): OptionsTable[] {
  const names = Object.keys(results.options[0]?.perspectives ?? {});
  return names.map((name) => optionsTable(results, name));
}
