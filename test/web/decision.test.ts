/**
 * The decision cabinet takes, as a person reads it on the scenario page and in the cabinet report
 * (issue 10): the exact sentences for class-central, each figure taken from the JSON of the same run
 * (same scenario, iterations and seed) and formatted by hand here the way the page formats it
 * (£ short form: three significant figures at most; chances as "about N in 10").
 */
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PerspectiveDecision, Results } from '../../src/model/results';
import { formatChance, formatMoney, formatMoneyShort, formatPercent, moneyUnitFor } from '../../src/report/format';
import { testApp, visible } from './helpers';
import { scenarioDir } from './scenarioDir';

const folder = scenarioDir(['class-central', 'class-central-with-monitoring']);
afterAll(() => folder.remove());
const app = testApp({}, { scenariosDir: folder.dir }).app;
const RUN = 'iterations=1000&seed=7';

/** A P10-P90 range as the page words it ("between a loss of £1.1m and a saving of £0.3m"). */
function range(low: number, high: number): string {
  const unit = moneyUnitFor(Math.max(Math.abs(low), Math.abs(high)));
  const m = (x: number): string => formatMoneyShort(x, unit);
  if (low >= 0) return `a saving of between ${m(low)} and ${m(high)}`;
  if (high < 0) return `a loss of between ${m(-high)} and ${m(-low)}`;
  return `between a loss of ${m(-low)} and a saving of ${m(high)}`;
}

describe('class-central: the decision about the extension years', () => {
  let json: Results;
  let page: string;
  let text: string;
  let report: string;
  /** The sub-pages: options and the decision, budgets by year, how sure, assumptions. */
  let options: string;
  let budgetPage: string;
  let howSure: string;
  let assumptions: string;
  let region: PerspectiveDecision;
  beforeAll(async () => {
    json = (await request(app).get(`/api/scenarios/class-central/results?${RUN}`)).body as Results;
    const response = await request(app).get(`/scenarios/class-central?${RUN}`);
    expect(response.status).toBe(200);
    page = response.text;
    text = visible(page);
    report = visible((await request(app).get(`/scenarios/class-central/report?${RUN}`)).text);
    const section = async (name: string): Promise<string> => (await request(app).get(`/scenarios/class-central/${name}?${RUN}`)).text;
    [options, budgetPage, howSure, assumptions] = await Promise.all([
      section('options'),
      section('budget'),
      section('how-sure'),
      section('assumptions'),
    ]);
    region = (json.decision as Record<string, PerspectiveDecision>).region!;
  });

  it('leads with the region’s best option and its chance of being best, on average across the simulations', () => {
    const best = region.options[region.bestOption]!;
    const chance = `It comes out best in ${formatPercent(best.probabilityBest!, 0)} of the simulations (${formatChance(best.probabilityBest!)}).`;
    const expected =
      region.bestOption === 0
        ? `For the region, the best choice on these figures is to stop at the end of the fixed term (March 2027): on average across the simulations, no number of extension years adds more than it costs. ${chance}`
        : `For the region, the best choice on these figures is to take ${region.bestOption} extension year${region.bestOption === 1 ? '' : 's'}`;
    expect(page).toContain('Should we extend, and for how long?');
    expect(page).not.toContain('The answer for');
    const lead = /id="headline-region" data-perspective="region">([^<]*)</.exec(page)![1]!.replace(/&rsquo;|&#8217;/g, '’');
    expect(lead.startsWith(expected)).toBe(true);
    expect(report).toContain(expected);
  });

  it('says what taking all four extension years adds for the region, in the mean with its P10-P90 and chance', () => {
    const four = region.options[4]!.incrementalNpv;
    // The mean is a loss and fewer than 4 in 10 simulations gain: "likely to cost".
    expect(four.mean!).toBeLessThan(0);
    expect(four.probabilityPositive!).toBeLessThan(0.4);
    const words = four.probabilityPositive! > 0.1 ? 'is likely to cost' : 'is very likely to cost';
    const sentence = `Taking all 4 extension years ${words} the region more than it avoids: about ${formatMoneyShort(-four.mean!)}, on average across the simulations (8 in 10 simulations: ${range(four.p10!, four.p90!)}; chance the extension years pay for themselves: ${formatChance(four.probabilityPositive!)}).`;
    expect(text).toContain(sentence);
    expect(report).toContain(sentence);
  });

  it('says what each extension year adds on its own', () => {
    const items = region.options.slice(1).map((o) => {
      const mean = o.marginalNpv!.mean!;
      return `extension year ${o.extensionYears} ${mean >= 0 ? 'adds' : 'takes away'} ${formatMoneyShort(Math.abs(mean))}`;
    });
    expect(text).toContain(`Year by year, on average across the simulations: ${items.slice(0, -1).join(', ')} and ${items.at(-1)}.`);
  });

  it('gives each council’s best option in the same measure', () => {
    const bridgend = (json.decision as Record<string, PerspectiveDecision>).Bridgend!;
    const best = bridgend.options[bridgend.bestOption]!;
    const start =
      bridgend.bestOption === 0
        ? 'For Bridgend, the best choice on these figures is to stop at the end of the fixed term (March 2027)'
        : `For Bridgend, the best choice on these figures is to take ${bridgend.bestOption} extension years (to March ${2027 + bridgend.bestOption}): on average across the simulations, they add about ${formatMoneyShort(best.incrementalNpv.mean!)} to stopping at the end of the fixed term.`;
    // The whole sentence on the options page; one short line on the front page, with its own cash budget from the model.
    expect(visible(options)).toContain(start);
    const budget = (best as { incrementalNetBudgetEffect?: { mean: number | null } }).incrementalNetBudgetEffect;
    const line =
      bridgend.bestOption === 0
        ? 'Bridgend: best to stop at the end of the fixed term (March 2027).'
        : `Bridgend: best to take ${bridgend.bestOption} extension years (to March ${2027 + bridgend.bestOption}), adding about ${formatMoneyShort(best.incrementalNpv.mean!)}.`;
    expect(text).toContain(line);
    if (budget?.mean !== undefined && budget.mean !== null && bridgend.bestOption === 4 && budget.mean > 0) {
      expect(text).toContain(
        `${line} For its own budget, 4 extension years are likely to save about ${formatMoneyShort(budget.mean)} in cash, on average across the simulations.`,
      );
    }
  });

  it('says what the grant pays by date from the schedule, that the contract ends if it falls, and how often it did', () => {
    expect(text).toContain(
      'Share of the contract paid by the grant: 100% from January 2025 to December 2025; 90% from January 2026 to March 2027; one of 0% or 90% (uncertain) from April 2027. If the grant share falls below the fixed term’s in an extension year, the contract ends that month.',
    );
    expect(text).not.toContain('the grant pays 90% of the contract, so');
    const early = region.options
      .slice(1)
      .map(
        (o) =>
          `${formatPercent(o.probabilityEndedEarly!, 1)} of draws for ${o.extensionYears} extension year${o.extensionYears === 1 ? '' : 's'}`,
      );
    const sentence = `In the simulations the contract ended early in ${early.slice(0, -1).join(', ')} and ${early.at(-1)}.`;
    expect(visible(options)).toContain(sentence);
    expect(visible(howSure)).toContain(sentence);
  });

  it('states the money basis once on the page and once in the report, from the results’ moneyBasis', () => {
    const basis = json.moneyBasis as {
      priceBase: string;
      inflation: number;
      contractPrice: string;
      discountRate: number;
      discountBaseYear: string;
    };
    const sentence = `Money basis: cash figures include ${formatPercent(basis.inflation, 2)} a year general inflation; present values are in ${basis.priceBase} prices, discounted to ${basis.discountBaseYear} at ${formatPercent(basis.discountRate, 2)} a year; the contract is a ${basis.contractPrice} price.`;
    expect(sentence).toBe(
      'Money basis: cash figures include 2% a year general inflation; present values are in 2024/25 prices, discounted to 2026/27 at 3.5% a year; the contract is a cash price.',
    );
    expect(text.split(sentence)).toHaveLength(2);
    expect(text.split('Money basis:')).toHaveLength(2);
    expect(report.split('Money basis:')).toHaveLength(2);
  });

  it('never says "today’s money", and calls nothing the tool works out "most likely"', () => {
    for (const words of [text, report]) {
      expect(words).not.toMatch(/today[’']s money/i);
      // A scenario's own source notes may say what its author thinks most likely (a PERT mode); the tool's words never do.
      const withoutSources = words.replace(/Source: .*?\(status: [a-z ]+\)/g, '');
      expect(withoutSources).not.toMatch(/most likely/i);
    }
  });

  it('shows what the extension years add and the cash budget, per perspective, exact in the tables', () => {
    const four = region.options[4]!;
    expect(visible(options)).toContain('The region: what each option adds to stopping at the end of the fixed term (net present value)');
    const row = visible(
      /<tr class="govuk-table__row">\s*<th scope="row" class="govuk-table__header">4 extension years<\/th>[\s\S]*?<\/tr>/.exec(
        options.slice(options.indexOf('id="decision-region"')),
      )![0],
    ).trim();
    // Money in the page's tables carries the true minus sign (U+2212), so a loss never reads as a hyphenated word.
    const m = (pounds: number): string => formatMoney(pounds).replace('-', '\u2212');
    expect(row).toBe(
      `4 extension years ${m(four.incrementalNpv.mean!)} ${m(four.incrementalNpv.central)} ${m(four.marginalNpv!.mean!)} ${formatChance(four.probabilityBest!)} (${formatPercent(four.probabilityBest!, 1)}) ${m(four.expectedLoss!)} ${four.breakEvenAnnualPrice === null ? '–' : m(four.breakEvenAnnualPrice)} ${formatPercent(four.probabilityEndedEarly!, 1)}`,
    );
    const budget = (
      json.budget as Record<
        string,
        {
          extensionYears: number;
          byFinancialYear: { year: string; grossContractCost: number; netBudgetEffect: number; cumulativeNetBudgetEffect: number }[];
        }[]
      >
    ).Bridgend!;
    const year = budget.find((b) => b.extensionYears === 4)!.byFinancialYear.find((y) => y.year === '2026/27')!;
    // The budget page: one row per line, one column per financial year (2026/27 is the third), and a total.
    const words = visible(budgetPage);
    expect(words).toContain('Bridgend: 4 extension years, cash by financial year at the central values (£)');
    const bridgend4 = budget.find((b) => b.extensionYears === 4)!.byFinancialYear;
    const third = bridgend4.findIndex((y) => y.year === '2026/27');
    expect(third).toBe(2);
    const plan = budgetPage.slice(budgetPage.indexOf('Bridgend: 4 extension years, cash by financial year'));
    const contractRow = visible(/<th scope="row" class="govuk-table__header">Contract cost<\/th>[\s\S]*?<\/tr>/.exec(plan)![0])
      .trim()
      .split(' ');
    expect(contractRow[1 + third]).toBe(formatMoney(year.grossContractCost));
    const netRow = visible(
      /<th scope="row" class="govuk-table__header">Net budget effect \(cashable less own contribution\)<\/th>[\s\S]*?<\/tr>/.exec(plan)![0],
    ).trim();
    expect(netRow).toContain(formatMoney(year.netBudgetEffect).replace('-', '\u2212'));
  });

  it('shows source and status beside each input, and how many of the three that matter most are assumptions', () => {
    expect(visible(assumptions)).toMatch(
      /Source: Cabinet report, July 2024, section 8: £660,546 a year with the 10% match \(£594,492 from the fund\)\. Year one.s value is uncertain in the papers: [\s\S]*?overstated by up to £66,054 \(status: published\)/,
    );
    expect(text).toMatch(
      /Of the 3 inputs that move the net present value of 4 extension years most \([^)]+\), (1 is an assumption rather than a published figure|[23] are assumptions rather than published figures), local data or (an )?estimates?\.|None of the 3 inputs/,
    );
  });

  it('ends the fan chart in the last year of the option’s tables', () => {
    const data = JSON.parse(/<script type="application\/json" id="chart-data">([\s\S]*?)<\/script>/.exec(howSure)![1]!) as {
      charts: { id: string; labels: string[]; title: string }[];
    };
    const fan = data.charts.find((c) => c.id === 'chart-fan')!;
    const years = json.options[4]!.perspectives.region!.byFinancialYear.map((y) => y.year);
    expect(fan.labels).toEqual(years);
    expect(fan.title).not.toMatch(/most likely/);
  });
});

describe('illustrative monitoring counts are flagged beside each finding drawn from them', () => {
  it('flags the on-track sentences on the page and in the report', async () => {
    for (const paths of [
      [
        '/scenarios/class-central-with-monitoring/on-track?iterations=1000&seed=3',
        '/scenarios/class-central-with-monitoring?iterations=1000&seed=3',
      ],
      ['/scenarios/class-central-with-monitoring/report?iterations=1000&seed=3'],
    ]) {
      const words = (await Promise.all(paths.map(async (path) => visible((await request(app).get(path)).text)))).join(' ');
      expect(words).toMatch(/The service is running [^.]+\. \(illustrative counts, not real monitoring data\)/);
      expect(words).toMatch(
        /After updating on the monitoring counts, the best choice for the region is [^.]+, on average across the simulations \(best in \d+% of the weighted simulations\)\. \(illustrative counts, not real monitoring data\)/,
      );
    }
  });
});
