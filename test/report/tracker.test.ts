import { describe, expect, it } from 'vitest';
import { trackerData } from '../../src/report/tracker';

describe('tracker data', () => {
  it('lines up observed counts and expected bands by period, with nulls where a count is missing', () => {
    const data = trackerData([
      { from: '2025-04-01', to: '2025-06-30', observed: { referrals: 41 }, expected: { referrals: { p10: 29, p50: 37, p90: 47 } } },
      {
        from: '2026-01-01',
        to: '2026-03-31',
        observed: { referrals: 20, followedUp: 28, breakdowns: 4 },
        expected: {
          referrals: { p10: 29, p50: 37, p90: 47 },
          breakdowns: { p10: 2, p50: 5, p90: 8 },
          residentialEntries: { p10: 0, p50: 1, p90: 2 },
        },
      },
    ]);
    expect(data.labels).toEqual(['1 April 2025 to 30 June 2025', '1 January 2026 to 31 March 2026']);
    expect(data.series.referrals).toEqual({
      observed: [41, 20],
      p10: [29, 29],
      p50: [37, 37],
      p90: [47, 47],
      position: ['within', 'below'],
    });
    expect(data.series.breakdowns.observed).toEqual([null, 4]);
    expect(data.series.breakdowns.position).toEqual([null, 'within']);
    expect(data.series.residentialEntries.observed).toEqual([null, null]);
    expect(data.series.residentialEntries.p50).toEqual([null, 1]);
  });
});
