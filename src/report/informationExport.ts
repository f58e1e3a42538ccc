/**
 * The monitoring and value-of-information figures for the exports (results-information.csv and
 * the workbook's sheet): one row per figure, long and tidy so a spreadsheet can pivot it, and a
 * label in words beside each. Each figure goes in the column of its unit (`value_gbp` in pennies,
 * `value_share` 0 to 1 to four decimals, `value_whole_children` rounded to whole children,
 * `value_simulations`, `value_extension_years`, `value_text`), so every header says its unit.
 * Headers, labels, yes and no and the region are in the language in force; the `section`, `item`
 * and `statistic` codes stay as they are, to pivot on in any language.
 * Reads the results' `monitoring` and `valueOfInformation` sections (shared/model.md section 15).
 */
import type { OptionResult, Results } from '../model/results';
import { REGION } from './decision';
import { inputLabel } from './inputs';
import { warningSentence } from './information';
import { t, type MessageKey } from './messages';
import { exportPerspective, headsInWords, pennies, shareCell, yesNoCell } from './decisionExport';

type Cell = string | number | null;

/** The unit of a figure, and so the column it goes in. */
export type InformationUnit = 'gbp' | 'share' | 'whole_children' | 'simulations' | 'extension_years' | 'text';
type Unit = InformationUnit;

const UNITS: readonly Unit[] = ['gbp', 'share', 'whole_children', 'simulations', 'extension_years', 'text'];

const VALUE_HEADS: Readonly<Record<Unit, MessageKey>> = {
  gbp: 'csv.head.value_gbp',
  share: 'csv.head.value_share',
  whole_children: 'csv.head.value_whole_children',
  simulations: 'csv.head.value_simulations',
  extension_years: 'csv.head.value_extension_years',
  text: 'csv.head.value_text',
};

const INFORMATION_HEAD = [
  'csv.head.section',
  'csv.head.item',
  'csv.head.label',
  'csv.head.extension_years',
  'csv.head.perspective',
  'csv.head.period_from',
  'csv.head.period_to',
  'csv.head.statistic',
  ...UNITS.map((u) => VALUE_HEADS[u]),
] as const satisfies readonly MessageKey[];

/** The unit of each column of `informationRows` (null for the columns before the values), for the workbook's number formats. */
export const INFORMATION_UNITS: readonly (Unit | null)[] = [...INFORMATION_HEAD.slice(0, -UNITS.length).map(() => null), ...UNITS];

/** A figure rounded for its unit: pennies, shares to four decimals, whole children and simulations. */
function rounded(value: Cell, unit: Unit): Cell {
  if (typeof value !== 'number') return value;
  if (unit === 'gbp') return pennies(value);
  if (unit === 'share') return shareCell(value);
  return Math.round(value);
}

const COUNTS = ['referrals', 'starts', 'followedUp', 'breakdowns', 'residentialEntries'] as const;
const BANDED = ['referrals', 'breakdowns', 'residentialEntries'] as const;

function row(
  section: string,
  item: string,
  statistic: string,
  value: Cell,
  unit: Unit,
  label = '',
  extra: { extensionYears?: number; perspective?: string; from?: string; to?: string } = {},
): Cell[] {
  return [
    section,
    item,
    label,
    extra.extensionYears ?? null,
    extra.perspective ?? null,
    extra.from ?? null,
    extra.to ?? null,
    statistic,
    ...UNITS.map((u) => (u === unit ? rounded(value, unit) : null)),
  ];
}

function monteCarloRows(section: 'beforeUpdate' | 'afterUpdate', options: readonly OptionResult[], results: Results): Cell[][] {
  const rows: Cell[][] = [];
  for (const option of options) {
    for (const [perspective, s] of Object.entries(option.monteCarlo?.perspectives ?? {})) {
      const at = { extensionYears: option.extensionYears, perspective: exportPerspective(perspective, results) };
      rows.push(row(section, 'npv', 'mean', s.npv.mean, 'gbp', t('export.info.npvMean'), at));
      rows.push(row(section, 'npv', 'p10', s.npv.p10, 'gbp', t('export.info.npvP10'), at));
      rows.push(row(section, 'npv', 'p90', s.npv.p90, 'gbp', t('export.info.npvP90'), at));
      rows.push(row(section, 'probabilityNpvPositive', 'value', s.probabilityNpvPositive, 'share', t('export.info.chance'), at));
    }
  }
  return rows;
}

/**
 * Header then one row per figure: observed and expected counts by period, the pooled tracking,
 * the effective sample size and warnings, every option's Monte Carlo NPV before and after the
 * update, EVPI, EVPPI per input and decide-now-or-wait. Only the header without Monte Carlo.
 * @example informationRows(results)[1] // ['monitoring', 'referrals', 'Referrals reported', null, null, '2025-01-03', '2025-03-31', 'observed', null, null, 35, null, null, null]
 */
export function informationRows(results: Results): Cell[][] {
  const rows: Cell[][] = [headsInWords(INFORMATION_HEAD)];
  const monitoring = results.monitoring;
  if (monitoring) {
    for (const period of monitoring.periods) {
      const at = { from: period.from, to: period.to };
      for (const count of COUNTS) {
        const observed = period.observed[count];
        if (observed !== undefined)
          rows.push(row('monitoring', count, 'observed', observed, 'whole_children', t(`export.info.count.${count}`), at));
      }
      for (const count of BANDED) {
        const band = period.expected[count];
        if (band === undefined) continue;
        for (const p of ['p10', 'p50', 'p90'] as const)
          rows.push(
            row(
              'monitoring',
              count,
              `expected${p.toUpperCase()}`,
              band[p],
              'whole_children',
              t('export.info.expected', { count: t(`export.info.count.${count}`), p: p.toUpperCase() }),
              at,
            ),
          );
      }
    }
    rows.push(
      row('tracking', 'status', 'value', monitoring.tracking.status, 'text', t(`information.tracking.${monitoring.tracking.status}`)),
    );
    for (const count of BANDED) {
      const tracked = monitoring.tracking[count];
      if (tracked === undefined) continue;
      rows.push(row('tracking', count, 'observed', tracked.observed, 'whole_children', t('export.info.pooled')));
      for (const p of ['p10', 'p50', 'p90'] as const)
        rows.push(row('tracking', count, `expected${p.toUpperCase()}`, tracked[p], 'whole_children', t('export.info.pooled')));
      rows.push(row('tracking', count, 'position', tracked.position, 'text', t('export.info.pooled')));
    }
    rows.push(row('update', 'effectiveSampleSize', 'value', monitoring.effectiveSampleSize, 'simulations', t('export.info.ess')));
    rows.push(row('update', 'iterations', 'value', monitoring.iterations, 'simulations', t('export.info.iterations')));
    for (const warning of monitoring.warnings) rows.push(row('update', 'warning', warning.code, null, 'text', warningSentence(warning)));
    rows.push(...monteCarloRows('beforeUpdate', results.options, results));
    rows.push(...monteCarloRows('afterUpdate', monitoring.updatedOptions, results));
  }
  const value = results.valueOfInformation;
  if (value) {
    const region = { perspective: exportPerspective(REGION, results) };
    rows.push(
      row(
        'valueOfInformation',
        'afterUpdate',
        'value',
        yesNoCell(value.afterUpdate === true),
        'text',
        t('export.info.afterUpdate'),
        region,
      ),
    );
    rows.push(row('valueOfInformation', 'iterations', 'value', value.iterations, 'simulations', t('export.info.iterations'), region));
    rows.push(row('valueOfInformation', 'evpi', 'value', value.evpi, 'gbp', t('export.info.evpi'), region));
    for (const [path, pounds] of Object.entries(value.evppi).sort((a, b) => b[1] - a[1]))
      rows.push(row('valueOfInformation', path, 'evppi', pounds, 'gbp', inputLabel(path), region));
    const wait = value.waitOneYear;
    if (wait) {
      rows.push(row('waitOneYear', 'valueOfCommittingNow', 'value', wait.valueOfCommittingNow, 'gbp', t('export.info.now'), region));
      rows.push(row('waitOneYear', 'bestOptionNow', 'value', wait.bestOptionNow, 'extension_years', t('export.info.bestNow'), region));
      rows.push(row('waitOneYear', 'valueOfWaiting', 'value', wait.valueOfWaiting, 'gbp', t('export.info.wait'), region));
      rows.push(row('waitOneYear', 'sampleInformation', 'value', wait.sampleInformation, 'gbp', t('export.info.learning'), region));
    }
  }
  return rows;
}
