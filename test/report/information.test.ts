import { describe, expect, it } from 'vitest';
import {
  inputName,
  optionName,
  trackingSentences,
  valueOfInformationSentences,
  waitOneYearSentences,
  warningSentence,
} from '../../src/report/information';

describe('value-of-information sentences', () => {
  it('name the input most worth knowing and those worth little, rounded for reading', () => {
    const sentences = valueOfInformationSentences({
      evpi: 183_721,
      evppi: { 'outcomes.effectiveness': 180_400, 'outcomes.residential_weekly_cost': 935, 'outcomes.breakdown_risk': 40_000 },
      waitOneYear: null,
    });
    expect(sentences).toEqual([
      'Knowing everything this scenario is unsure about before deciding would be worth up to £184k to the region.',
      'Knowing the true effectiveness of the service before deciding would be worth up to £180k; the residential weekly cost is worth little to research further.',
    ]);
  });

  it('say plainly when no information would change the decision', () => {
    expect(valueOfInformationSentences({ evpi: 0, evppi: {}, waitOneYear: null })[0]).toMatch(/would not change the decision/);
  });

  it('say whether to decide now or wait a year', () => {
    expect(waitOneYearSentences({ valueOfWaiting: -440_000, valueOfCommittingNow: -310_000, bestOptionNow: 0 })[0]).toBe(
      'Deciding now is the better course: stopping at the end of the fixed term is worth about £130k more to the region on average across the simulations than taking one extension year and deciding the rest after a year of monitoring.',
    );
    expect(waitOneYearSentences({ valueOfWaiting: 120_000, valueOfCommittingNow: 100_000, bestOptionNow: 2 })[0]).toMatch(
      /^Taking one extension year .* about £20k more .* the best choice is 2 extension years\.$/,
    );
    expect(waitOneYearSentences({ valueOfWaiting: 6_519_783, valueOfCommittingNow: 6_519_783, bestOptionNow: 4 })[0]).toMatch(
      /^Deciding now and .* about the same .* 4 extension years\.$/,
    );
  });

  it('say whether the service is on track, with the counts', () => {
    const sentences = trackingSentences({
      tracking: { status: 'behind', breakdowns: { observed: 20, p10: 6, p90: 16 } },
      periods: [
        { observed: { followedUp: 28, breakdowns: 9 } },
        { observed: { followedUp: 30, breakdowns: 11 } },
        { observed: { followedUp: 5 } },
      ],
      warnings: [{ code: 'more-draws-used', iterations: 40_000, requestedIterations: 10_000 }],
    });
    expect(sentences[0]).toMatch(/^The service is running behind the business case/);
    expect(sentences[1]).toBe('20 of 58 children followed up had a placement break down; the assumptions expected 6 to 16.');
    expect(sentences.at(-1)).toBe('To keep the updated figures precise, 40,000 draws were used instead of 10,000.');
  });

  it('name inputs, variables and options', () => {
    expect(inputName('outcomes.residential_weekly_cost')).toBe('residential weekly cost');
    expect(inputName('variables.bridgend_share_of_region')).toBe('bridgend share of region');
    expect(optionName(1)).toBe('one extension year');
    expect(optionName(3)).toBe('3 extension years');
    expect(() => warningSentence({ code: 'nonsense' })).toThrow(/unknown warning/);
  });
});
