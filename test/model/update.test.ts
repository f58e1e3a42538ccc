import { describe, expect, it } from 'vitest';
import { createRng } from '../../src/model/random/rng';
import { binomial, poisson } from '../../src/model/random/sample';
import {
  binomialLogPmf,
  binomialMixtureQuantiles,
  expectedCounts,
  likelihoodWeights,
  logLikelihoods,
  periodMonths,
  poissonLogPmf,
  poissonMixtureQuantiles,
  referralMean,
  trackAgainstExpected,
  updateWeights,
  type CountedPeriod,
  type LikelihoodColumns,
} from '../../src/model/update';
import { effectiveSampleSize, weightedMeanAndSem } from '../../src/model/weighted';

const JANUARY_2025 = { year: 2025, month: 1 };
const QUARTER = [
  { month: 3, share: 1 },
  { month: 4, share: 1 },
  { month: 5, share: 1 },
];

function columns(overrides: Partial<LikelihoodColumns> = {}): LikelihoodColumns {
  return {
    referralsPerYear: 60,
    referralGrowth: 0,
    breakdownRisk: 0.25,
    effectiveness: 0.4,
    attribution: 1,
    residentialEscalation: 0.2,
    ...overrides,
  };
}

describe('periods in model months', () => {
  it('a quarter covers three whole months, counted from the month holding contract.start', () => {
    expect(periodMonths(JANUARY_2025, '2025-04-01', '2025-06-30')).toEqual(QUARTER);
  });

  it('part months count by their share of days, across a year end', () => {
    // 15-30 April: 16 of 30 days; 20 Dec 2025 - 10 Jan 2026: 12/31 of month 11 and 10/31 of month 12.
    expect(periodMonths(JANUARY_2025, '2025-04-15', '2025-04-30')).toEqual([{ month: 3, share: 16 / 30 }]);
    expect(periodMonths(JANUARY_2025, '2025-12-20', '2026-01-10')).toEqual([
      { month: 11, share: 12 / 31 },
      { month: 12, share: 10 / 31 },
    ]);
    expect(() => periodMonths(JANUARY_2025, '2025-05-01', '2025-04-30')).toThrow(/before/);
  });

  it('the referral mean follows section 4: referrals_per_year / 12 x (1 + growth)^(m / 12)', () => {
    expect(referralMean(QUARTER, 60, 0)).toBeCloseTo(15, 12);
    // By hand: 120 / 12 x (1 + 1.1^1) over months 0 and 12 = 10 + 11.
    expect(
      referralMean(
        [
          { month: 0, share: 1 },
          { month: 12, share: 1 },
        ],
        120,
        0.1,
      ),
    ).toBeCloseTo(21, 12);
  });
});

describe('likelihoods', () => {
  it('Poisson and binomial log-probabilities equal values worked by hand', () => {
    // Poisson(3): P(2) = 3^2 e^-3 / 2! = 4.5 e^-3 = 0.22404180765538775 (computed with Python's math.exp).
    expect(Math.exp(poissonLogPmf(2, 3))).toBeCloseTo(0.22404180765538775, 14);
    // Binomial(3, 0.5): P(1) = 3/8; Binomial(10, 0.2): P(2) = 45 x 0.04 x 0.8^8 = 0.301989888.
    expect(Math.exp(binomialLogPmf(1, 3, 0.5))).toBeCloseTo(0.375, 14);
    expect(Math.exp(binomialLogPmf(2, 10, 0.2))).toBeCloseTo(0.301989888, 12);
    // Degenerate cases are exact, not NaN.
    expect(poissonLogPmf(0, 0)).toBe(0);
    expect(poissonLogPmf(1, 0)).toBe(-Infinity);
    expect(binomialLogPmf(0, 5, 0)).toBe(0);
    expect(binomialLogPmf(5, 5, 1)).toBe(0);
    expect(binomialLogPmf(4, 5, 1)).toBe(-Infinity);
    expect(binomialLogPmf(0, 0, 0.3)).toBe(0);
  });

  it('one period’s log-likelihood is the sum of its three terms, worked by hand', () => {
    // Referrals 14 against a mean of 60 / 12 x 3 = 15; breakdowns 1 of 10 followed up with
    // p = 0.25 x (1 - 0.4 x 1) = 0.15; residential entries 0 of 1 with escalation 0.2.
    // P = e^-15 15^14 / 14! x 10 x 0.15 x 0.85^9 x 0.8 = 0.10243586 x 0.34742542 x 0.8
    // (each factor computed with Python's math module).
    const period: CountedPeriod = { months: QUARTER, referrals: 14, followedUp: 10, breakdowns: 1, residentialEntries: 0 };
    const [ll] = logLikelihoods([period], columns(), 1);
    expect(Math.exp(ll!)).toBeCloseTo(0.10243586 * 0.34742542 * 0.8, 8);
  });

  it('weights equal the product of probabilities computed directly, normalised', () => {
    // An independent route: probabilities multiplied as plain numbers, not logs.
    const effectiveness = Float64Array.of(0.1, 0.3, 0.5);
    const periods: CountedPeriod[] = [
      { months: QUARTER, followedUp: 8, breakdowns: 2 },
      { months: QUARTER, followedUp: 6, breakdowns: 0 },
    ];
    const choose = (n: number, k: number): number => (k === 0 || k === n ? 1 : choose(n - 1, k - 1) + choose(n - 1, k));
    const direct = Array.from(effectiveness, (e) => {
      const p = 0.25 * (1 - e);
      return choose(8, 2) * p ** 2 * (1 - p) ** 6 * (1 - p) ** 6;
    });
    const total = direct.reduce((a, b) => a + b, 0);
    const { weights } = updateWeights(periods, columns({ effectiveness }), 3);
    direct.forEach((d, i) => expect(weights[i]).toBeCloseTo(d / total, 12));
  });

  it('missing counts contribute nothing; with no data every weight is equal and ESS = n', () => {
    const effectiveness = Float64Array.from({ length: 500 }, (_, i) => i / 1000);
    const noCounts: CountedPeriod[] = [{ months: QUARTER }, { months: QUARTER, followedUp: 10 }, { months: QUARTER, breakdowns: 3 }];
    for (const periods of [[], noCounts]) {
      const { weights, effectiveSampleSize: ess } = updateWeights(periods, columns({ effectiveness }), 500);
      expect(ess).toBeCloseTo(500, 9);
      for (const w of weights) expect(w).toBe(1 / 500);
    }
  });

  it('weights are found in log space: a billion-fold likelihood ratio does not underflow', () => {
    const { weights, effectiveSampleSize: ess } = likelihoodWeights(Float64Array.of(-5000, -5000 - Math.log(1e9)));
    expect(weights[0]).toBeCloseTo(1 / (1 + 1e-9), 12);
    expect(ess).toBeGreaterThan(1);
    expect(likelihoodWeights(Float64Array.of(-Infinity, -Infinity)).effectiveSampleSize).toBe(0);
  });

  it('with overwhelming simulated data the posterior concentrates on the truth', () => {
    // Prior draws: effectiveness uniform on (0, 0.6), referrals a year uniform on (60, 180).
    // Truth: effectiveness 0.25, 120 referrals a year, breakdown risk 0.3, escalation 0.2.
    const n = 20_000;
    const prior = createRng(11);
    const effectiveness = Float64Array.from({ length: n }, () => 0.6 * prior());
    const referralsPerYear = Float64Array.from({ length: n }, () => 60 + 120 * prior());
    const data = createRng(12);
    const periods: CountedPeriod[] = Array.from({ length: 200 }, () => {
      const followedUp = 1000;
      const breakdowns = binomial(data, followedUp, 0.3 * (1 - 0.25));
      return { months: QUARTER, referrals: poisson(data, 30), followedUp, breakdowns, residentialEntries: binomial(data, breakdowns, 0.2) };
    });
    const c = columns({ effectiveness, referralsPerYear, breakdownRisk: 0.3 });
    const { weights, effectiveSampleSize: ess } = updateWeights(periods, c, n);
    const posteriorEffectiveness = weightedMeanAndSem(effectiveness, weights);
    const posteriorReferrals = weightedMeanAndSem(referralsPerYear, weights);
    // 200,000 followed up: the posterior sd of effectiveness is about sqrt(0.225 x 0.775 / 200,000) / 0.3
    // = 0.003, of referrals a year about 4 sqrt(6,000) / 200 = 1.5; the bounds allow 4 to 5 of them.
    expect(Math.abs(posteriorEffectiveness.mean - 0.25)).toBeLessThan(0.012);
    expect(Math.abs(posteriorReferrals.mean - 120)).toBeLessThan(6);
    // And it is narrow: the weighted sd of effectiveness is a small fraction of the prior's 0.17.
    let variance = 0;
    for (let i = 0; i < n; i++) variance += weights[i]! * (effectiveness[i]! - posteriorEffectiveness.mean) ** 2;
    expect(Math.sqrt(variance)).toBeLessThan(0.006);
    expect(ess).toBeLessThan(n / 10);
    expect(effectiveSampleSize(weights)).toBeCloseTo(ess, 9);
  });
});

describe('expected counts', () => {
  it('one draw gives its own Poisson and binomial percentiles (exact, by hand)', () => {
    // Poisson(4): CDF(1) = 0.0916, CDF(2) = 0.2381, CDF(3) = 0.4335, CDF(4) = 0.6288, CDF(6) = 0.8893, CDF(7) = 0.9489.
    expect(poissonMixtureQuantiles(Float64Array.of(4), null, [0.1, 0.5, 0.9])).toEqual([2, 4, 7]);
    // Binomial(10, 0.5): CDF(2) = 0.0547, CDF(3) = 0.1719, CDF(4) = 0.3770, CDF(5) = 0.6230, CDF(6) = 0.8281, CDF(7) = 0.9453.
    expect(binomialMixtureQuantiles(10, Float64Array.of(0.5), null, [0.1, 0.5, 0.9])).toEqual([3, 5, 7]);
  });

  it('a mixture’s percentiles agree with 200,000 seeded draws from it', () => {
    const means = Float64Array.of(2, 20, 8);
    const probabilities = Float64Array.of(0.1, 0.6, 0.3);
    const rng = createRng(5);
    const pois: number[] = [];
    const bins: number[] = [];
    for (let j = 0; j < 200_000; j++) {
      const d = j % 3;
      pois.push(poisson(rng, means[d]!));
      bins.push(binomial(rng, 30, probabilities[d]!));
    }
    const empirical = (sample: number[], p: number): number => [...sample].sort((a, b) => a - b)[Math.ceil(p * sample.length) - 1]!;
    const exactPoisson = poissonMixtureQuantiles(means, null, [0.1, 0.5, 0.9]);
    const exactBinomial = binomialMixtureQuantiles(30, probabilities, null, [0.1, 0.5, 0.9]);
    [0.1, 0.5, 0.9].forEach((p, j) => {
      expect(Math.abs(exactPoisson[j]! - empirical(pois, p))).toBeLessThanOrEqual(1);
      expect(Math.abs(exactBinomial[j]! - empirical(bins, p))).toBeLessThanOrEqual(1);
    });
  });

  it('breakdowns are expected only with followed-up children, residential entries only with breakdowns', () => {
    const expected = expectedCounts({ months: QUARTER, followedUp: 20 }, columns(), 1);
    expect(expected.referrals).toEqual({ p10: 10, p50: 15, p90: 20 });
    expect(expected.breakdowns).toBeDefined();
    expect(expected.residentialEntries).toBeUndefined();
  });

  it('says ahead when breakdowns are below the band, behind when above, in line within it', () => {
    const c = columns();
    const quarter = (breakdowns: number): CountedPeriod => ({ months: QUARTER, followedUp: 100, breakdowns });
    // p = 0.15: 4 quarters of 100 give 60 expected (P10-P90 about 50-70).
    expect(
      trackAgainstExpected(
        [0, 1, 2, 3].map(() => quarter(15)),
        c,
        1,
      ).status,
    ).toBe('in-line');
    expect(
      trackAgainstExpected(
        [0, 1, 2, 3].map(() => quarter(5)),
        c,
        1,
      ).status,
    ).toBe('ahead');
    expect(
      trackAgainstExpected(
        [0, 1, 2, 3].map(() => quarter(30)),
        c,
        1,
      ).status,
    ).toBe('behind');
    expect(trackAgainstExpected([{ months: QUARTER, referrals: 15 }], c, 1).status).toBe('unknown');
  });
});
