import { describe, expect, it } from 'vitest';
import type { OptionResult, Results } from '../../src/model/results';
import { evppiChart, informationReport, trackerCharts, updateTable, waitVerdict } from '../../src/report/informationReport';

/** An option with only what the sections read: the region's Monte Carlo NPV and chance. */
function option(extensionYears: number, mean: number, p10: number, p90: number, chance: number): OptionResult {
  return {
    extensionYears,
    perspectives: {},
    monteCarlo: { perspectives: { region: { npv: { mean, p10, p90 }, probabilityNpvPositive: chance } } },
  } as unknown as OptionResult;
}

const periods = [
  { from: '2025-04-01', to: '2025-06-30', observed: { referrals: 50 }, expected: { referrals: { p10: 29, p50: 37, p90: 47 } } },
  {
    from: '2026-01-01',
    to: '2026-03-31',
    observed: { referrals: 38, followedUp: 28, breakdowns: 1 },
    expected: {
      referrals: { p10: 29, p50: 37, p90: 47 },
      breakdowns: { p10: 2, p50: 5, p90: 8 },
      residentialEntries: { p10: 0, p50: 1, p90: 2 },
    },
  },
];

const voi = {
  perspective: 'region' as const,
  afterUpdate: true,
  evpi: 207_090,
  evppi: { 'outcomes.residential_weekly_cost': 8_449, 'outcomes.effectiveness': 72_069 },
  waitOneYear: { valueOfWaiting: -406_398, valueOfCommittingNow: -286_857, bestOptionNow: 0, sampleInformation: 81 },
  iterations: 4000,
  effectiveSampleSize: 2591.97,
};

function results(withMonitoring: boolean): Results {
  return {
    scenario: { name: 'test', hash: 'abc' },
    modelVersion: '1',
    options: [option(0, -297_595, -901_714, 464_591, 0.241), option(1, -421_730, -1_279_733, 660_772, 0.2)],
    valueOfInformation: voi,
    ...(withMonitoring
      ? {
          monitoring: {
            periods,
            effectiveSampleSize: 2591.97,
            iterations: 4000,
            updatedOptions: [option(0, -286_857, -897_371, 487_652, 0.254), option(1, -406_479, -1_273_562, 693_371, 0.21)],
            tracking: {
              status: 'behind',
              referrals: { observed: 88, p10: 60, p50: 74, p90: 90, position: 'within' },
              breakdowns: { observed: 1, p10: 2, p50: 5, p90: 8, position: 'below' },
            },
            warnings: [{ code: 'more-draws-used', requestedIterations: 1000, iterations: 4000, cap: 200000 }],
            illustrative: false,
          },
        }
      : {}),
  };
}

describe('tracker charts', () => {
  it('makes one chart per count with figures, over the periods that have them, saying how many fell outside', () => {
    const charts = trackerCharts(periods);
    expect(charts.map((c) => c.id)).toEqual(['chart-tracker-referrals', 'chart-tracker-breakdowns']);
    const [referrals, breakdowns] = charts;
    expect(referrals!.title).toBe(
      'Referrals were outside the range the business case expected in 1 of the 2 periods reported (1 above, 0 below)',
    );
    expect(referrals!.position).toEqual(['above', 'within']);
    expect(referrals!.labels[0]).toEqual(['April 2025', 'to June 2025']);
    expect(referrals!.table.rows[0]).toEqual(['1 April 2025 to 30 June 2025', '50', '29', '37', '47', 'Above']);
    expect(breakdowns!.labels).toHaveLength(1);
    expect(breakdowns!.observed).toEqual([1]);
    expect(breakdowns!.table.rows[0]![5]).toBe('Below');
  });
  it('says "every one" when all are within the range', () => {
    expect(trackerCharts([periods[1]!]).map((c) => c.title)[0]).toBe(
      'Referrals were within the range the business case expected in every one of the 1 period reported',
    );
  });
});

describe('the information sections', () => {
  it('shapes tracking, the update, the value of information and the wait verdict from the results', () => {
    const info = informationReport(results(true));
    expect(info.tracking!.sentences[0]).toMatch(/^The service is running behind the business case/);
    expect(info.tracking!.effectiveSampleSize).toBe(
      'The updated figures rest on 4,000 simulations, worth about 2,592 independent ones once each is weighted by how well it fits the counts (the effective sample size).',
    );
    expect(info.tracking!.warnings).toEqual(['To keep the updated figures precise, 4,000 draws were used instead of 1,000.']);
    expect(info.update!.table.rows[0]).toEqual([
      'No extension',
      '-£297,595',
      '-£286,857',
      '-£901,714 to £464,591',
      '-£897,371 to £487,652',
      'about 2 in 10 (24.1%)',
      'about 3 in 10 (25.4%)',
    ]);
    expect(info.update!.sentences).toContain(
      'After the update, the option with the highest expected value to the region is stopping at the end of the fixed term.',
    );
    expect(info.value!.sentences[0]).toBe(
      'Knowing everything this scenario is unsure about before deciding would be worth up to £207k to the region.',
    );
    expect(info.value!.measures).toContain('track the effectiveness of the service');
    expect(info.value!.evpi).toBe('£207,090');
    expect(info.wait!.verdict).toBe(
      'A one-year extension is not the prudent choice on these figures: deciding now (stopping at the end of the fixed term) is worth about £120k more to the region on average across the simulations than taking one year to learn more.',
    );
    expect(info.wait!.table.rows.map((r) => r[1])).toEqual(['-£286,857', '-£406,398', '-£119,541', '£81']);
    expect(info.charts.map((c) => c.id)).toEqual(['chart-tracker-referrals', 'chart-tracker-breakdowns', 'chart-evppi']);
  });
  it('has no tracker and no update without monitoring, but still the value of information', () => {
    const info = informationReport(results(false));
    expect(info.tracking).toBeNull();
    expect(info.update).toBeNull();
    expect(info.value).not.toBeNull();
    expect(info.wait).not.toBeNull();
    expect(info.charts.map((c) => c.id)).toEqual(['chart-evppi']);
  });
  it('has nothing without Monte Carlo', () => {
    const { valueOfInformation: _, ...bare } = results(false);
    expect(informationReport(bare as Results)).toEqual({ tracking: null, update: null, value: null, wait: null, charts: [] });
  });
});

describe('pieces', () => {
  it('ranks EVPPI largest first with exact pounds and shares, the total last', () => {
    const chart = evppiChart(voi)!;
    expect(chart.values).toEqual([72_069, 8_449]);
    expect(chart.title).toBe(
      '“Share of those breakdowns the service prevents” is the assumption most worth finding out about: knowing it before deciding would be worth up to £72.1k',
    );
    expect(chart.table.rows).toEqual([
      ['Share of those breakdowns the service prevents', '£72,069', '35%'],
      ['Weekly cost of a residential placement', '£8,449', '4%'],
      ['Knowing everything (all assumptions)', '£207,090', '100%'],
    ]);
  });
  it('calls a one-year extension prudent when waiting is worth more, and either when they are within £1,000', () => {
    expect(waitVerdict({ valueOfWaiting: 50_000, valueOfCommittingNow: 10_000, bestOptionNow: 2 })).toMatch(
      /^A one-year extension is the prudent choice: .* about £40k more/,
    );
    expect(waitVerdict({ valueOfWaiting: 10_500, valueOfCommittingNow: 10_000, bestOptionNow: 2 })).toMatch(
      /deciding now \(2 extension years\) are worth about the same/,
    );
  });
  it('puts an option missing after the update as dashes', () => {
    expect(updateTable([option(0, 1, 0, 2, 0.5)], []).rows[0]).toEqual([
      'No extension',
      '£1',
      '–',
      '£0 to £2',
      '–',
      'about 5 in 10 (50%)',
      '–',
    ]);
  });
});
