/**
 * The expected-vs-actual tracker's data (shared/model.md section 15), shaped once for a chart and
 * its table: per count, one entry per monitoring period with the observed number (or null) and
 * the expected P10/P50/P90 (or null when the period cannot be predicted for that count).
 */
import type { MonitoredPeriod } from '../model/results';
import { formatDate } from './format';
import { currentLocale, t, type Locale } from './messages';

type CountName = 'referrals' | 'breakdowns' | 'residentialEntries';
const COUNTS: readonly CountName[] = ['referrals', 'breakdowns', 'residentialEntries'];

/** The parts of one monitoring period the tracker reads (a period may have no expected band for a count). */
export type TrackedPeriod = Pick<MonitoredPeriod, 'from' | 'to' | 'observed'> & { expected: Partial<MonitoredPeriod['expected']> };

export interface TrackerSeries {
  observed: (number | null)[];
  p10: (number | null)[];
  p50: (number | null)[];
  p90: (number | null)[];
  /** Per period: below, within or above the P10-P90 band; null without both numbers. */
  position: ('below' | 'within' | 'above' | null)[];
}

export interface TrackerData {
  /** One label per period, e.g. "1 April 2025 to 30 June 2025". */
  labels: string[];
  series: Record<CountName, TrackerSeries>;
}

/**
 * The tracker's chart and table data.
 * trackerData([{ from: '2025-04-01', to: '2025-06-30', observed: { referrals: 41 }, expected: { referrals: { p10: 29, p50: 37, p90: 47 } } }])
 *   -> { labels: ['1 April 2025 to 30 June 2025'], series: { referrals: { observed: [41], p10: [29], ..., position: ['within'] }, ... } }
 */
export function trackerData(periods: readonly TrackedPeriod[], locale: Locale = currentLocale()): TrackerData {
  const series = {} as Record<CountName, TrackerSeries>;
  for (const count of COUNTS) {
    const s: TrackerSeries = { observed: [], p10: [], p50: [], p90: [], position: [] };
    for (const period of periods) {
      const observed = period.observed[count] ?? null;
      const band = period.expected[count] ?? null;
      s.observed.push(observed);
      s.p10.push(band?.p10 ?? null);
      s.p50.push(band?.p50 ?? null);
      s.p90.push(band?.p90 ?? null);
      s.position.push(observed === null || band === null ? null : observed < band.p10 ? 'below' : observed > band.p90 ? 'above' : 'within');
    }
    series[count] = s;
  }
  return {
    labels: periods.map((p) => t('range.between', { low: formatDate(p.from, locale), high: formatDate(p.to, locale) }, locale)),
    series,
  };
}
