/**
 * Issue 11, as the three users meet it through createApp(): the front page answers the board's
 * four questions from the same run's JSON; each sub-page answers one question and keeps the run's
 * query; the glossary; a what-if shows before and after; the try-a-change form's grant and range
 * fields and unknown keys; compare arriving with one scenario; the report's decision summary.
 */
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DecisionFigure, PerspectiveDecision, Results } from '../../src/model/results';
import { formatChance, formatMoney, formatMoneyShort, formatPercent } from '../../src/report/format';
import { testApp, visible } from './helpers';
import { scenarioDir } from './scenarioDir';

// 200 simulations a file: the bridge on compare runs each step at the file's count (at most 500).
const folder = scenarioDir(['class-central', 'class-optimistic'], 200);
afterAll(() => folder.remove());
const app = testApp({}, { scenariosDir: folder.dir }).app;
const RUN = 'iterations=600&seed=5';

describe('the front page answers the four board questions', () => {
  let json: Results;
  let html: string;
  let text: string;
  beforeAll(async () => {
    json = (await request(app).get(`/api/scenarios/class-central/results?${RUN}`)).body as Results;
    const response = await request(app).get(`/scenarios/class-central?${RUN}`);
    expect(response.status).toBe(200);
    html = response.text;
    text = visible(html);
  });

  it('asks each question in a heading, in order, before the contents list', () => {
    const order = [
      'Should we extend, and for how long?',
      'What it means for each council',
      'What is still assumed rather than known',
      'How sure are we?',
      'Would waiting a year be wiser?',
      'Contents',
    ].map((h) => text.indexOf(h));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect(order[order.length - 1]).toBeGreaterThan(Math.max(...order.slice(0, -1)));
  });

  it('says the chance each option is best, from the JSON of the same run', () => {
    const region = (json.decision as Record<string, PerspectiveDecision>).region!;
    for (const o of region.options) {
      const name = o.extensionYears === 0 ? 'No extension' : `${o.extensionYears} extension year${o.extensionYears === 1 ? '' : 's'}`;
      // e.g. "No extension: about 8 in 10 (84%)"
      expect(text).toContain(`${name}: ${formatChance(o.probabilityBest!)} (${formatPercent(o.probabilityBest!, 0)})`);
    }
  });

  it('gives the realistic worst case as the P10 of what all four extension years add', () => {
    const p10 = (json.decision as Record<string, PerspectiveDecision>).region!.options[4]!.incrementalNpv.p10!;
    expect(p10).toBeLessThan(0);
    expect(text).toContain(
      `Realistic worst case: in 1 in 10 simulations, taking all 4 extension years would leave the region worse off by ${formatMoneyShort(-p10)} or more.`,
    );
  });

  it('answers whether to wait a year, from valueOfInformation.waitOneYear', () => {
    const wait = (json.valueOfInformation as { waitOneYear: { valueOfWaiting: number; valueOfCommittingNow: number } }).waitOneYear;
    const gap = wait.valueOfWaiting - wait.valueOfCommittingNow;
    // Hand-worked from the two values: waiting is worse here, so "not the prudent choice" by the gap.
    expect(gap).toBeLessThan(0);
    expect(text).toContain(
      `A one-year extension is not the prudent choice on these figures: deciding now (stopping at the end of the fixed term) is worth about ${formatMoneyShort(-gap)} more`,
    );
  });

  it('gives each council its own cash budget effect from incrementalNetBudgetEffect, in the same measure', () => {
    const bridgend = (json.decision as Record<string, PerspectiveDecision>).Bridgend!
      .options[4] as PerspectiveDecision['options'][number] & { incrementalNetBudgetEffect?: DecisionFigure };
    const figure = bridgend.incrementalNetBudgetEffect;
    if (figure === undefined) return; // results made before the model gave it
    const mean = figure.mean!;
    const words = mean > 0 ? `likely to save about ${formatMoneyShort(mean)}` : `likely to cost about ${formatMoneyShort(-mean)}`;
    expect(html).toContain('<li data-perspective="Bridgend">Bridgend: ');
    expect(text).toContain(`For its own budget, 4 extension years are ${words} in cash, on average across the simulations.`);
  });

  it('counts the inputs that are assumptions, and keeps seeds, hashes and key paths off the page', () => {
    expect(text).toMatch(/\d+ of the scenario’s \d+ inputs are assumptions rather than published figures, local data or estimates\./);
    expect(text).not.toMatch(/\bseed\b|Run hash|outcomes\.effectiveness|P10 to P90/i);
  });

  it('links every sub-page keeping the run’s query, and the glossary', () => {
    for (const section of ['options', 'budget', 'how-sure', 'what-matters', 'on-track', 'assumptions', 'what-if']) {
      expect(html).toContain(`href="/scenarios/class-central/${section}?iterations=600&amp;seed=5"`);
    }
    expect(html).toContain('aria-current="page">Summary</a>');
    expect(html).toContain('href="/glossary"');
  });
});

describe('the sub-pages', () => {
  it('each answers its question with the current page marked', async () => {
    const questions: Record<string, string> = {
      options: 'Every option, what it adds to stopping and what each council’s budget gets from it.',
      budget: 'What it costs and saves each council’s budget, by financial year, in cash.',
      'how-sure': 'How sure the answer is: the spread of outcomes, the chance each option is best and what choosing wrong would cost.',
      'what-matters': 'Which assumptions move the answer most, and what finding them out is worth.',
      'on-track': 'The provider’s counts so far against what the business case expected.',
      assumptions: 'Where each figure comes from, and how it was run.',
      'what-if': 'Change a few assumptions and see what moves.',
    };
    for (const [section, question] of Object.entries(questions)) {
      const response = await request(app).get(`/scenarios/class-central/${section}?${RUN}`);
      expect(response.status, section).toBe(200);
      expect(visible(response.text), section).toContain(question);
      expect(response.text, section).toMatch(
        new RegExp(`href="/scenarios/class-central/${section}\\?iterations=600&amp;seed=5" aria-current="page"`),
      );
    }
  });

  it('budget: each budget as a medium-term plan (rows are lines, columns the years and a total) that adds up', async () => {
    const json = (await request(app).get(`/api/scenarios/class-central/results?${RUN}`)).body as Results;
    const html = (await request(app).get(`/scenarios/class-central/budget?${RUN}`)).text;
    const budget = (
      json.budget as Record<
        string,
        {
          extensionYears: number;
          byFinancialYear: { year: string; grossContractCost: number; externalFunding: number; ownContribution: number }[];
        }[]
      >
    ).Bridgend!.find((b) => b.extensionYears === 4)!;
    const plan = html.slice(html.indexOf('Bridgend: 4 extension years, cash by financial year at the central values (£)'));
    const head = visible(/<thead[\s\S]*?<\/thead>/.exec(plan)![0])
      .trim()
      .split(' ');
    expect(head[0]).toBe('Line');
    expect(head.at(-1)).toBe('Total');
    const row = (label: string): string[] =>
      visible(new RegExp(`<th scope="row" class="govuk-table__header">${label}</th>[\\s\\S]*?</tr>`).exec(plan)![0])
        .trim()
        .split(' ');
    const years = head.slice(1, -1);
    const gross = row('Contract cost').slice(2);
    // Each year's contract cost from the JSON; the total is their sum (to the pound).
    years.forEach((year, i) => expect(gross[i]).toBe(formatMoney(budget.byFinancialYear.find((y) => y.year === year)!.grossContractCost)));
    const total = years.reduce((sum, year) => sum + budget.byFinancialYear.find((y) => y.year === year)!.grossContractCost, 0);
    expect(gross.at(-1)).toBe(formatMoney(total));
    expect(html).toContain('app-nowrap');
  });

  it('options: the waiting list in whole children, from the JSON of the same run', async () => {
    const json = (await request(app).get(`/api/scenarios/class-central/results?${RUN}`)).body as Results;
    const totals = json.options[4]!.perspectives.region!.totals;
    const whole = (x: number): string => Math.round(x).toLocaleString('en-GB');
    const text = visible((await request(app).get(`/scenarios/class-central/options?${RUN}`)).text);
    expect(text).toContain(
      `With 4 extension years, about ${whole(totals.referrals)} children are referred and about ${whole(totals.starts)} start with the service; about ${whole(totals.waitingAtEnd)} are still waiting at the end and about ${whole(totals.turnedAway)} are turned away (at the central values).`,
    );
  });

  it('what matters: the decision map as a chart with its table', async () => {
    const json = (await request(app).get(`/api/scenarios/class-central/results?${RUN}`)).body as Results;
    const html = (await request(app).get(`/scenarios/class-central/what-matters?${RUN}`)).text;
    const map = json.decisionMap!;
    const cells = map.bestOption.flat();
    const stop = cells.filter((c) => c === 0).length / cells.length;
    expect(html).toContain('id="chart-decision-map-figure"');
    expect(visible(html)).toContain(`No extension is best in ${formatPercent(stop, 0)} of it`);
    expect(html).toContain('id="decision-map-table"');
    // One square per grid cell, each with its number of extension years written in it.
    expect(html.match(/class="app-map__cell app-map__cell--\d">\d</g)).toHaveLength(cells.length);
  });

  it('the glossary explains the terms the pages use', async () => {
    const { text, status } = await request(app).get('/glossary');
    expect(status).toBe(200);
    expect(visible(text)).toContain(
      'Expected loss On average across the simulations, how much worse this option does than the option that turned out best in each one',
    );
    expect(text).toContain('id="switching"');
  });
});

describe('try a change', () => {
  it('turns the grant ending from a month into schedule changes', async () => {
    const response = await request(app).get('/scenarios/class-central/try?grantFrom=2026-04&grantEnds=yes&iterations=0');
    expect(response.status).toBe(303);
    const location = decodeURIComponent(response.headers.location!);
    // The last period (index 2) starts in April 2026 at 0%; the one before it ends on 31 March 2026.
    expect(location).toContain('set=funding.schedule.2.from=2026-04-01');
    expect(location).toContain('set=funding.schedule.1.to=2026-03-31');
    expect(location).toContain('set=funding.schedule.2.external_share=0');
  });

  it('takes effectiveness as a range', async () => {
    const response = await request(app).get('/scenarios/class-central/try?effectivenessLow=15&effectivenessHigh=35&iterations=0');
    expect(decodeURIComponent(response.headers.location!).replace(/\+/g, ' ')).toContain(
      'set=outcomes.effectiveness={ dist: uniform, min: 0.15, max: 0.35 }',
    );
  });

  it('answers an unknown key with the valid keys nearest to it', async () => {
    const response = await request(app).get('/scenarios/class-central/try?other=outcomes.efectiveness%3D0.3&iterations=0');
    expect(response.status).toBe(422);
    expect(visible(response.text)).toContain(
      '“outcomes.efectiveness” is not an input of this scenario. Inputs with a similar name: outcomes.effectiveness,',
    );
  });

  it('shows before and after side by side, says which figures changed and by how much, and titles the report "what if"', async () => {
    const query = 'iterations=0&set=outcomes.effectiveness%3D0.6';
    const [before, after] = await Promise.all([
      request(app).get('/api/scenarios/class-central/results?iterations=0'),
      request(app).get(`/api/scenarios/class-central/results?${query}`),
    ]);
    const adds = (r: Results): number => (r.decision as Record<string, PerspectiveDecision>).region!.options[4]!.incrementalNpv.central;
    const [b, a] = [adds(before.body as Results), adds(after.body as Results)];
    const page = visible((await request(app).get(`/scenarios/class-central?${query}`)).text);
    const signed = (x: number): string => (x < 0 ? `\u2212${formatMoneyShort(-x)}` : formatMoneyShort(x));
    const change = Math.abs(a - b) < 500 ? 'no change' : `${a > b ? 'up' : 'down'} ${formatMoneyShort(Math.abs(a - b))}`;
    expect(page).toContain(`4 extension years: what they add for the region ${signed(b)} ${signed(a)} ${change}`);
    expect(page).toMatch(/\d+ headline figures? changed: |None of the headline figures changed\./);
    const report = visible((await request(app).get(`/scenarios/class-central/report?${query}`)).text);
    expect(report).toContain('Cabinet report (what if): CLASS regional service, central case');
    expect(report).toContain(`4 extension years: what they add for the region ${signed(b)} ${signed(a)} ${change}`);
  });
});

describe('compare', () => {
  it('arriving with one scenario asks for the other, without an error', async () => {
    const { status, text } = await request(app).get('/compare?a=class-central');
    expect(status).toBe(200);
    expect(text).not.toContain('There is a problem');
    expect(visible(text)).toContain('Now choose the scenario to compare CLASS regional service, central case with.');
  });

  it('shows the decision side by side and a bridge whose steps add up to the difference', async () => {
    const { status, text } = await request(app).get('/compare?a=class-central&b=class-optimistic');
    expect(status).toBe(200);
    expect(text).toContain('id="compare-side"');
    expect(visible(text)).toContain(
      'each assumption that differs is changed to CLASS regional service, optimistic case’s value one at a time, in this fixed order:',
    );
    const table = /id="bridge-table"[\s\S]*?<\/table>/.exec(text)![0];
    const money = (cell: string): number => Number(cell.replace('\u2212', '-').replace(/[£,+]/g, ''));
    const rows = [...table.matchAll(/<tr class="govuk-table__row">([\s\S]*?)<\/tr>/g)].map((m) =>
      [...m[1]!.matchAll(/<t[hd][^>]*>([^<]*)<\/t[hd]>/g)].map((c) => c[1]!),
    );
    const body = rows.slice(1);
    const start = money(body[0]![2]!);
    const end = money(body.at(-1)![2]!);
    const moves = body.slice(1, -1).reduce((sum, row) => sum + money(row[1]!), 0);
    // Each row's move is rounded to the pound, so the moves add to the whole difference within £1 a step.
    expect(Math.abs(start + moves - end)).toBeLessThanOrEqual(body.length);
    expect(money(body.at(-1)![1]!)).toBeCloseTo(end - start, 0);
  }, 120_000);
});

describe('the cabinet report', () => {
  it('opens with the decision summary, the money basis and the run’s full link, then numbered appendices', async () => {
    const response = await request(app).get(`/scenarios/class-central/report?${RUN}`);
    const text = visible(response.text);
    const order = [
      'Decision summary',
      'The answer',
      'The options for the region',
      'Each budget, by financial year',
      'How sure, and would waiting be wiser',
      'What is assumed, and the money basis',
      'Appendix 1: Options and the decision',
      'Appendix 2:',
      'Appendix 6: Assumptions and sources',
    ].map((h) => text.indexOf(h));
    expect(order.every((i, k) => i >= 0 && (k === 0 || i > order[k - 1]!))).toBe(true);
    expect(text.split('Money basis:')).toHaveLength(2);
    expect(response.text).toMatch(
      /href="http:\/\/127\.0\.0\.1:\d+\/scenarios\/class-central\?hash=[0-9a-f]{12}&amp;iterations=600&amp;seed=5">http:\/\/127\.0\.0\.1:\d+\/scenarios\/class-central\?hash=/,
    );
    // The histogram prints with its key percentiles, not every bin.
    expect(text).toContain('1 in 10 simulations lower than (P10)');
    expect(text).not.toContain('Net present value from');
  });
});
