/**
 * The monitoring and value-of-information figures for the exports (results-information.csv and
 * the workbook's sheet): one row per figure, long and tidy so a spreadsheet can pivot it, numbers
 * unrounded, and a label in words beside each. Reads the results' `monitoring` and
 * `valueOfInformation` sections (shared/model.md section 15).
 */
import type { OptionResult, Results } from '../model/results';
import { inputLabel } from './inputs';
import { warningSentence } from './information';
import { t } from './messages';

type Cell = string | number | null;

export const INFORMATION_HEAD = ['section', 'item', 'extensionYears', 'perspective', 'from', 'to', 'statistic', 'value', 'label'] as const;

const COUNTS = ['referrals', 'starts', 'followedUp', 'breakdowns', 'residentialEntries'] as const;
const BANDED = ['referrals', 'breakdowns', 'residentialEntries'] as const;

interface Band {
  p10: number;
  p50: number;
  p90: number;
}

interface MonitoringSection {
  periods: { from: string; to: string; observed: Partial<Record<(typeof COUNTS)[number], number>>; expected: Partial<Record<(typeof BANDED)[number], Band>> }[];
  effectiveSampleSize: number;
  iterations: number;
  updatedOptions: OptionResult[];
  tracking: { status: string } & Partial<Record<(typeof BANDED)[number], Band & { observed: number; position: string }>>;
  warnings: ({ code: string } & Record<string, unknown>)[];
}

interface ValueSection {
  afterUpdate?: boolean;
  evpi: number;
  evppi: Record<string, number>;
  waitOneYear: { valueOfWaiting: number; valueOfCommittingNow: number; bestOptionNow: number; sampleInformation?: number } | null;
  iterations?: number;
  effectiveSampleSize?: number;
}

function row(section: string, item: string, statistic: string, value: Cell, label = '', extra: { extensionYears?: number; perspective?: string; from?: string; to?: string } = {}): Cell[] {
  return [section, item, extra.extensionYears ?? null, extra.perspective ?? null, extra.from ?? null, extra.to ?? null, statistic, value, label];
}

function monteCarloRows(section: 'beforeUpdate' | 'afterUpdate', options: readonly OptionResult[]): Cell[][] {
  const rows: Cell[][] = [];
  for (const option of options) {
    for (const [perspective, s] of Object.entries(option.monteCarlo?.perspectives ?? {})) {
      const at = { extensionYears: option.extensionYears, perspective };
      rows.push(row(section, 'npv', 'mean', s.npv.mean, t('export.info.npvMean'), at));
      rows.push(row(section, 'npv', 'p10', s.npv.p10, t('export.info.npvP10'), at));
      rows.push(row(section, 'npv', 'p90', s.npv.p90, t('export.info.npvP90'), at));
      rows.push(row(section, 'probabilityNpvPositive', 'value', s.probabilityNpvPositive, t('export.info.chance'), at));
    }
  }
  return rows;
}

/**
 * Header then one row per figure: observed and expected counts by period, the pooled tracking,
 * the effective sample size and warnings, every option's Monte Carlo NPV before and after the
 * update, EVPI, EVPPI per input and decide-now-or-wait. Only the header without Monte Carlo.
 * @example informationRows(results)[1] // ['monitoring', 'referrals', null, null, '2025-01-03', '2025-03-31', 'observed', 35, 'Referrals reported']
 */
export function informationRows(results: Results): Cell[][] {
  const rows: Cell[][] = [[...INFORMATION_HEAD]];
  const monitoring = results.monitoring as MonitoringSection | undefined;
  if (monitoring && Array.isArray(monitoring.periods)) {
    for (const period of monitoring.periods) {
      const at = { from: period.from, to: period.to };
      for (const count of COUNTS) {
        const observed = period.observed[count];
        if (observed !== undefined) rows.push(row('monitoring', count, 'observed', observed, t(`export.info.count.${count}`), at));
      }
      for (const count of BANDED) {
        const band = period.expected[count];
        if (band === undefined) continue;
        for (const p of ['p10', 'p50', 'p90'] as const) rows.push(row('monitoring', count, `expected${p.toUpperCase()}`, band[p], t('export.info.expected', { count: t(`export.info.count.${count}`), p: p.toUpperCase() }), at));
      }
    }
    rows.push(row('tracking', 'status', 'value', monitoring.tracking.status, t(`information.tracking.${monitoring.tracking.status}` as Parameters<typeof t>[0])));
    for (const count of BANDED) {
      const tracked = monitoring.tracking[count];
      if (tracked === undefined) continue;
      rows.push(row('tracking', count, 'observed', tracked.observed, t('export.info.pooled')));
      for (const p of ['p10', 'p50', 'p90'] as const) rows.push(row('tracking', count, `expected${p.toUpperCase()}`, tracked[p], t('export.info.pooled')));
      rows.push(row('tracking', count, 'position', tracked.position, t('export.info.pooled')));
    }
    rows.push(row('update', 'effectiveSampleSize', 'value', monitoring.effectiveSampleSize, t('export.info.ess')));
    rows.push(row('update', 'iterations', 'value', monitoring.iterations, t('export.info.iterations')));
    for (const warning of monitoring.warnings) rows.push(row('update', 'warning', warning.code, null, warningSentence(warning)));
    rows.push(...monteCarloRows('beforeUpdate', results.options));
    if (Array.isArray(monitoring.updatedOptions)) rows.push(...monteCarloRows('afterUpdate', monitoring.updatedOptions));
  }
  const value = results.valueOfInformation as ValueSection | undefined;
  if (value && typeof value.evpi === 'number') {
    const region = { perspective: 'region' };
    rows.push(row('valueOfInformation', 'afterUpdate', 'value', value.afterUpdate ? 'yes' : 'no', t('export.info.afterUpdate'), region));
    if (value.iterations !== undefined) rows.push(row('valueOfInformation', 'iterations', 'value', value.iterations, t('export.info.iterations'), region));
    rows.push(row('valueOfInformation', 'evpi', 'value', value.evpi, t('export.info.evpi'), region));
    for (const [path, pounds] of Object.entries(value.evppi).sort((a, b) => b[1] - a[1])) rows.push(row('valueOfInformation', path, 'evppi', pounds, inputLabel(path), region));
    const wait = value.waitOneYear;
    if (wait) {
      rows.push(row('waitOneYear', 'valueOfCommittingNow', 'value', wait.valueOfCommittingNow, t('export.info.now'), region));
      rows.push(row('waitOneYear', 'bestOptionNow', 'extensionYears', wait.bestOptionNow, t('export.info.bestNow'), region));
      rows.push(row('waitOneYear', 'valueOfWaiting', 'value', wait.valueOfWaiting, t('export.info.wait'), region));
      if (wait.sampleInformation !== undefined) rows.push(row('waitOneYear', 'sampleInformation', 'value', wait.sampleInformation, t('export.info.learning'), region));
    }
  }
  return rows;
}
