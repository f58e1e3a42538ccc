import { readFileSync } from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BusyError, RunTimeoutError } from '../../src/run/pool';
import { testApp, binaryBody } from './helpers';
import { scenarioDir } from './scenarioDir';

// 200 simulations a file: compare's runs and its bridge's (one run a step, at most the file's count) take two-fifths of the time they take at the default 500.
const folder = scenarioDir(['class-central', 'bridgend', 'class-cautious'], 200);
afterAll(() => folder.remove());

function app(options: Parameters<typeof testApp>[1] = {}, overrides: Parameters<typeof testApp>[0] = {}) {
  return testApp(overrides, { scenariosDir: folder.dir, ...options }).app;
}

describe('scenario page', () => {
  /** The front page and every sub-page of the same run, one after another (each page's own tests are in pages.test.ts). */
  let text: string;
  let front: string;
  beforeAll(async () => {
    const sections = ['', '/options', '/budget', '/how-sure', '/what-matters', '/on-track', '/assumptions', '/what-if'];
    // One app, so the eight pages share its one run (eight apps ran the same 500 iterations eight times).
    const server = app();
    const responses = await Promise.all(
      sections.map((section) => request(server).get(`/scenarios/class-central${section}?iterations=500&seed=7`)),
    );
    for (const response of responses) expect(response.status).toBe(200);
    front = responses[0]!.text;
    text = responses.map((response) => response.text).join('\n');
  });

  // The exact sentences, with figures from the same run's JSON, are in decision.test.ts; here, the shape of the page.
  it('leads with the decision about the extension years, for the region and each council, with the grant', () => {
    expect(front).toContain('Should we extend, and for how long?');
    expect(front).toMatch(
      /id="headline-region" data-perspective="region">For the region, the best choice on these figures is to (stop at the end of the fixed term \(March 2027\)|take \d extension years?)/,
    );
    expect(text).toMatch(
      /Taking all 4 extension years is (very )?likely to cost the region more than it avoids: about £[\d.]+[km], on average across the simulations \(8 in 10 simulations: between a loss of £[\d.]+m and a saving of £[\d.]+[km]; chance the extension years pay for themselves: about \d in 10\)\./,
    );
    expect(front).toMatch(/<li data-perspective="Bridgend">Bridgend: best to (take \d extension years?|stop at the end of the fixed term)/);
    expect(text).toMatch(/<li data-perspective="Bridgend">For Bridgend, the best choice on these figures is/);
    expect(text).toContain('Bridgend pays 30.3% of whatever the grant does not pay (about £20k a year while the grant pays 90%)');
    expect(text).not.toContain('today’s money');
  });

  it('shows every option side by side for the region and each council, exact in the table', () => {
    expect(text).toContain('The region: every option’s figures over the whole period');
    expect(text).toContain('Bridgend: every option’s figures over the whole period');
    expect(text).toContain('Residential placements avoided');
    expect(text).toContain('Net present value, 8 in 10 simulations (P10 to P90)');
    expect(text).toContain('Benefit-cost ratio');
    expect(text).toMatch(/<th scope="col" class="govuk-table__header govuk-table__header--numeric">No extension<\/th>/);
  });

  it('says what it takes to pay for itself, per year, and the switching values in words', () => {
    expect(text).toMatch(
      /4 extension years: to pay for itself the service must avoid [\d.]+ residential placements a year \([\d.]+ over the 6.25-year term\)/,
    );
    expect(text).toContain('Share of those breakdowns the service prevents');
    expect(text).toMatch(/<td class="govuk-table__cell">at (least|most) \d+(\.\d)?%<\/td>/);
  });

  it('gives the central-value NPV of 4 extension years exactly in the table, as the JSON of the same run does', async () => {
    const { body } = await request(app()).get('/api/scenarios/class-central/results?iterations=500&seed=7');
    const npv = Math.round(body.options[4].perspectives.region.totals.npv as number);
    // Tables on the page show a loss with the true minus sign (U+2212).
    const exact = `${npv < 0 ? '\u2212' : ''}£${Math.abs(npv).toLocaleString('en-GB')}`;
    const row = /data-perspective="region"[\s\S]*?data-row="npv">([\s\S]*?)<\/tr>/.exec(text)![1]!;
    expect(row).toContain('Net present value, at the central values');
    expect(row).toContain(exact);
  });

  it('embeds the chart data once as JSON, with a data table for every chart, and no inline script', () => {
    expect(front.match(/<script type="application\/json" id="chart-data">/g) ?? []).toHaveLength(0);
    for (const page of text.split('<!DOCTYPE html>').slice(2))
      expect(page.match(/<script type="application\/json" id="chart-data">/g)).toHaveLength(1);
    for (const id of ['chart-fan', 'chart-histogram', 'chart-tornado', 'chart-options', 'chart-councils']) {
      expect(text).toContain(`<canvas id="${id}"`);
      expect(text).toContain(`id="${id}-summary"`);
    }
    expect(text.match(/<table/g)!.length).toBeGreaterThanOrEqual(5 + 4);
    expect(text).not.toMatch(/<script(?![^>]*\b(src=|type="application\/json"))[^>]*>/);
    expect(text).toContain('the chance it pays for itself for the region is about');
  });

  it('shows the assumptions in words with their sources and line numbers', () => {
    expect(text).toContain('between £4,500 and £8,000, most often near £5,631');
    expect(text).toContain(
      'Source: Cabinet report, July 2024, 2.4: children the previous service (MAPSS) supported in Bridgend (status: published)',
    );
    const file = readFileSync(path.join(folder.dir, 'class-central.yaml'), 'utf8').split('\n');
    const line = file.findIndex((l) => /^\s*residential_weekly_cost:/.test(l)) + 1;
    expect(text).toContain(`outcomes.residential_weekly_cost, line ${line} of the file`);
    expect(text).toContain('Bridgend County Borough Council, cabinet report on the CLASS (formerly MAPSS) contract, July 2024');
  });

  it('stamps the run and links to exports and the permalink with hash, iterations and seed', () => {
    expect(text).toMatch(
      /href="\/scenarios\/class-central\?hash=[0-9a-f]{12}&amp;iterations=500&amp;seed=7" id="permalink"|id="permalink" href="\/scenarios\/class-central\?hash=[0-9a-f]{12}&amp;iterations=500&amp;seed=7"/,
    );
    expect(text).toContain('/scenarios/class-central/results.xlsx?hash=');
    expect(text).toContain('/scenarios/class-central/results.csv?hash=');
    expect(text).toContain('/scenarios/class-central/report?hash=');
    expect(text).toContain('Model version');
    expect(text).toContain('2 June 2025');
    expect(text).toMatch(/· seed 7 · 500 iterations · run on 2 June 2025/);
  });

  it('warns that 500 simulations are too few for the precision shown', () => {
    expect(text).toContain('With 500 simulations the chance it pays for itself is known only to within');
  });
});

describe('scenario page: links and mistakes', () => {
  it('404 for an unknown or unsafe name', async () => {
    for (const name of ['nope', '..%2F..%2Fetc%2Fpasswd', 'CLASS-CENTRAL', 'class-central.yaml']) {
      const response = await request(app()).get(`/scenarios/${name}`);
      expect(response.status, name).toBe(404);
      expect(response.text).toContain('Page not found');
    }
  });

  it('warns when the link was made from another version of the file', async () => {
    const { text } = await request(app()).get('/scenarios/class-central?hash=000000000000&iterations=0');
    expect(text).toContain('This link was made from an earlier version of the scenario file (hash 000000000000)');
  });

  it('shows changes in effect and the figures with them', async () => {
    const { text, status } = await request(app()).get('/scenarios/class-central?iterations=0&set=outcomes.effectiveness%3D0.6');
    expect(status).toBe(200);
    // The front page says what changed in words, before and after; the key path is on the try-a-change page.
    expect(text).toContain('What if: CLASS regional service, central case');
    expect(text).toMatch(
      /<th scope="row" class="govuk-table__header">Share of those breakdowns the service prevents<\/th><td class="govuk-table__cell">[^<]+<\/td><td class="govuk-table__cell">60%<\/td>/,
    );
    expect(text).not.toContain('<code>outcomes.effectiveness=0.6</code>');
    const tryPage = await request(app()).get('/scenarios/class-central/what-if?iterations=0&set=outcomes.effectiveness%3D0.6');
    expect(tryPage.text).toContain('<code>outcomes.effectiveness=0.6</code>');
    // Without simulations every sentence gives the figure at the central values, and says so.
    expect(text).toMatch(/id="headline-region" data-perspective="region">For the region, [^<]*at the central values/);
    expect(text).not.toContain('on average across the simulations');
  });

  it('shows a change that is not valid as a problem with its path', async () => {
    const { text, status } = await request(app()).get('/scenarios/class-central?set=outcomes.effectiveness%3D1.5');
    expect(status).toBe(422);
    expect(text).toContain('This scenario cannot be run');
    expect(text).toContain('In the change to outcomes.effectiveness');
  });

  it('names a bad iterations value', async () => {
    const { text } = await request(app()).get('/scenarios/class-central?iterations=lots');
    expect(text).toContain('Iterations must be a whole number from 0 to 200,000.');
  });

  it('shows progress when the run takes longer than the page waits, then the figures', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const { runScenario } = await import('../../src/run/analyse');
    const slow = testApp(
      { runWaitMs: 10 },
      {
        scenariosDir: folder.dir,
        analyse: async (s, r) => {
          await gate;
          return runScenario(s, { iterations: r.iterations, seed: r.seed });
        },
      },
    ).app;
    const first = await request(slow).get('/scenarios/class-central?iterations=200&seed=1');
    expect(first.status).toBe(200);
    expect(first.text).toContain('Working out the figures');
    expect(first.text).toContain('data-status-url="/scenarios/class-central/status?hash=');
    const running = await request(slow).get('/scenarios/class-central/status?iterations=200&seed=1');
    expect(running.body.state).toBe('running');
    release();
    await gate;
    await new Promise((resolve) => setTimeout(resolve, 200));
    const done = await request(slow).get('/scenarios/class-central/status?iterations=200&seed=1');
    expect(done.body.state).toBe('done');
    const page = await request(slow).get('/scenarios/class-central?iterations=200&seed=1');
    expect(page.text).toContain('Should we extend, and for how long?');
  });

  it('503 with Retry-After when the pool is busy; a page when a run is stopped', async () => {
    const busy = await request(
      app({
        analyse: async () => {
          throw new BusyError();
        },
      }),
    ).get('/scenarios/class-central');
    expect(busy.status).toBe(503);
    expect(busy.headers['retry-after']).toBe('10');
    expect(busy.text).toContain('The tool is busy');
    const stopped = await request(
      app({
        analyse: async () => {
          throw new RunTimeoutError(30_000);
        },
      }),
    ).get('/scenarios/class-central');
    expect(stopped.status).toBe(503);
    expect(stopped.text).toContain('The run went past its time limit of 30 seconds and was stopped.');
  });
});

describe('try a change', () => {
  it('turns the form into a permalink: distributions move with the new central value', async () => {
    const response = await request(app()).get(
      '/scenarios/class-central/try?weeklyCost=6000&effectiveness=30&breakdownRisk=25&iterations=800&seed=9&extensionYears=2',
    );
    expect(response.status).toBe(303);
    const location = decodeURIComponent(response.headers.location!.replace(/\+/g, ' '));
    expect(location).toMatch(/^\/scenarios\/class-central\?hash=[0-9a-f]{12}&iterations=800&seed=9/);
    expect(location).toContain('set=outcomes.residential_weekly_cost={ dist: pert, min: 4794.89, mode: 6000, max: 8524.24 }');
    expect(location).toContain('set=outcomes.effectiveness={ dist: pert, min: 0.12, mode: 0.3, max: 0.6 }');
    expect(location).toContain('set=contract.extensions.take=2');
    expect(location).not.toContain('breakdown_risk'); // unchanged fields make no change
    const page = await request(app()).get(response.headers.location!);
    expect(page.status).toBe(200);
    // The page's second sentence is about the option the form chose, unless it is the best (then the first is).
    expect(page.text).toMatch(
      /id="answer"[\s\S]*?(Taking 2 extension years (is|would)|the best choice on these figures is to take 2 extension years)/,
    );
  });

  it('shows mistakes beside their fields and keeps what was typed', async () => {
    const response = await request(app()).get('/scenarios/class-central/try?weeklyCost=lots&effectiveness=140&iterations=0');
    expect(response.status).toBe(422);
    expect(response.text).toContain('There is a problem');
    expect(response.text).toContain('href="#weeklyCost">Enter Weekly cost of a residential placement as a number');
    expect(response.text).toContain('Enter Share of those breakdowns the service prevents as a percentage from 0 to 100');
    expect(response.text).toContain('value="lots"');
  });
});

describe('exports', () => {
  it('CSV: one row per option, perspective and financial year, with the run stamp', async () => {
    const response = await request(app()).get('/scenarios/class-central/results.csv?iterations=200&seed=3');
    expect(response.status).toBe(200);
    expect(response.type).toBe('text/csv');
    expect(response.headers['content-disposition']).toMatch(/attachment; filename="?class-central-[0-9a-f]{12}\.csv"?/);
    const lines = response.text.trim().split('\n');
    expect(lines[0]).toBe(
      'table,scenario,scenario_hash,model_version,extension_years,perspective,financial_year,referrals_whole_children,starts_whole_children,waiting_at_end_whole_children,turned_away_whole_children,breakdowns_prevented_expected_number,residential_placements_avoided_expected_number,residential_weeks_avoided_weeks,avoided_cost_cash_gbp,avoided_cost_cashable_cash_gbp,contract_cost_cash_gbp,net_saving_cash_gbp,avoided_cost_present_value_gbp,contract_cost_present_value_gbp,npv_present_value_gbp,price_base,inflation_per_year_share,contract_price,discount_rate_per_year_share,discount_base_year,money_basis,seed,iterations,changes,ran_at,run_url',
    );
    expect(lines[1]).toMatch(
      /^by_financial_year,"CLASS regional service, central case",[0-9a-f]{12},\d+\.\d+\.\d+\+[0-9a-f]{12},0,region,2024\/25,.*,3,200,,2025-06-02T10:00:00.000Z,http:\/\/127\.0\.0\.1:\d+\/scenarios\/class-central\?/,
    );
  });

  it('Excel: run, inputs, totals, years, Monte Carlo, tornado and break-even sheets; text cells safe', async () => {
    const response = await request(app()).get('/scenarios/class-central/results.xlsx?iterations=200&seed=3').buffer(true).parse(binaryBody);
    expect(response.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.body as unknown as ArrayBuffer);
    expect(workbook.worksheets.map((w) => w.name)).toEqual([
      'Summary',
      'Decision',
      'Budget – Region',
      'Budget – Bridgend',
      'Budget – Rhondda Cynon Taf',
      'Budget – Merthyr Tydfil',
      'Options, whole term',
      'By financial year',
      'Inputs and sources',
      'Simulations',
      'What matters most',
      'Break-even',
      'Monitoring and information',
    ]);
    const run = workbook.getWorksheet('Summary')!;
    expect(run.getColumn(1).values).toContain('Scenario');
    expect(run.getColumn(2).values).toContain('CLASS regional service, central case');
    const inputs = workbook.getWorksheet('Inputs and sources')!;
    const weekly = inputs.getColumn(9).values.indexOf('outcomes.residential_weekly_cost');
    expect(inputs.getRow(weekly).getCell(2).value).toBe('between £4,500 and £8,000, most often near £5,631');
    const totals = workbook.getWorksheet('Options, whole term')!;
    const npvColumn = (totals.getRow(4).values as unknown[]).indexOf('Net present value (£, present value)');
    // Negative numbers stay numbers (a SUM of the years, its result cached); text like "-£1" would have been made safe.
    expect(typeof (totals.getRow(5).getCell(npvColumn).value as { result: number }).result).toBe('number');
  });

  it('the cabinet report: summary of each option, figures, charts, caveats, assumptions and the stamp', async () => {
    const { text, status } = await request(app()).get('/scenarios/class-central/report?iterations=300&seed=4');
    expect(status).toBe(200);
    expect(text).toContain('Cabinet report');
    expect(text).toContain('Decision summary');
    expect(text).toContain('Appendix 1: Options and the decision');
    expect(text).toContain('Appendix 6: Assumptions and sources');
    expect(text).toContain('These figures are projections from the assumptions in the scenario, not forecasts.');
    expect(text).toContain('id="report-stamp"');
    expect(text).toMatch(/· seed 4 · 300 iterations · run on 2 June 2025/);
    expect(text).toContain('<canvas id="chart-fan"');
  });
});

describe('JSON API', () => {
  it('lists the scenarios', async () => {
    const { body, status } = await request(app()).get('/api/scenarios');
    expect(status).toBe(200);
    expect(body.scenarios.map((s: { name: string }) => s.name)).toEqual(['bridgend', 'class-cautious', 'class-central']);
    expect(body.scenarios[2]).toMatchObject({
      title: 'CLASS regional service, central case',
      links: { results: '/api/scenarios/class-central/results' },
    });
  });

  it('returns the section-9 results for iterations, seed and changes', async () => {
    const { body, status, headers } = await request(app()).get(
      '/api/scenarios/class-central/results?iterations=200&seed=5&set=outcomes.effectiveness%3D0.3',
    );
    expect(status).toBe(200);
    expect(body.modelVersion).toMatch(/^\d+\.\d+\.\d+\+[0-9a-f]{12}$/);
    expect(body.options).toHaveLength(5);
    expect(body.options[4].perspectives.region.totals).toHaveProperty('npv');
    expect(body.options[4].monteCarlo.iterations).toBe(200);
    expect(body.options[4].monteCarlo.seed).toBe(5);
    expect(headers['x-permalink']).toMatch(/set=outcomes.effectiveness%3D0.3$/);
  });

  it('answers mistakes as JSON', async () => {
    expect((await request(app()).get('/api/scenarios/nope/results')).body).toEqual({ error: 'no such scenario' });
    const bad = await request(app()).get('/api/scenarios/class-central/results?iterations=-1');
    expect(bad.status).toBe(400);
    const invalid = await request(app()).get('/api/scenarios/class-central/results?set=outcomes.effectiveness%3D2');
    expect(invalid.status).toBe(422);
    expect(invalid.body.problems[0]).toMatch(/^--set:1:\d+ outcomes.effectiveness: /);
    expect((await request(app()).get('/api/nothing')).status).toBe(404);
  });
});

describe('compare', () => {
  it('shows the chooser, then the differences in inputs and results', async () => {
    expect((await request(app()).get('/compare')).text).toContain('Compare two scenarios');
    const { text, status } = await request(app()).get('/compare?a=class-central&b=class-cautious');
    expect(status).toBe(200);
    expect(text).toContain('Assumptions that differ');
    expect(text).toContain('Share of those breakdowns the service prevents');
    expect(text).toContain('Difference (second minus first)');
    expect(text).toContain('What it adds to stopping at the end of the fixed term (net present value, on average across the simulations)');
    expect(text).toContain('Net present value of the whole term, on average across the simulations');
    // Both bundled scenarios count money the same way: the basis is stated once.
    expect(text.match(/Money basis:/g)).toHaveLength(1);
  }, 120_000);

  it('starts from a what-if: the scenario page’s link carries its changes, and compare sets the what-if beside the file as it is', async () => {
    const page = await request(app()).get('/scenarios/class-central?iterations=0&set=outcomes.effectiveness%3D0.6');
    expect(page.status).toBe(200);
    expect(page.text).toContain('href="/compare?a=class-central&amp;aset=outcomes.effectiveness%3D0.6" id="compare-link"');
    // Arriving with the what-if only: asked for the other without an error, the change kept as a hidden field.
    const ask = await request(app()).get('/compare?a=class-central&aset=outcomes.effectiveness%3D0.6');
    expect(ask.status).toBe(200);
    expect(ask.text).not.toContain('There is a problem');
    expect(ask.text).toContain(
      'Now choose the scenario to compare “What if: CLASS regional service, central case, with share of those breakdowns the service prevents changed” with.',
    );
    expect(ask.text).toContain('<input type="hidden" name="aset" value="outcomes.effectiveness=0.6">');
    // The what-if against the same file without the change: one assumption differs, both sides labelled.
    const { text, status } = await request(app()).get('/compare?a=class-central&aset=outcomes.effectiveness%3D0.6&b=class-central');
    expect(status).toBe(200);
    expect(text).toContain(
      '<th scope="col" class="govuk-table__header">What if: CLASS regional service, central case, with share of those breakdowns the service prevents changed</th><th scope="col" class="govuk-table__header">CLASS regional service, central case</th>',
    );
    expect(text).toContain('1 assumption differs;');
    // The bridge runs from the what-if back to the file, its one step the changed input.
    expect(text).toContain(
      'Start: What if: CLASS regional service, central case, with share of those breakdowns the service prevents changed',
    );
    expect(text).toContain('End: CLASS regional service, central case');
    expect(text).toContain('in this fixed order: share of those breakdowns the service prevents.');
    expect(text).toContain('Share of those breakdowns the service prevents');
  }, 120_000);

  it('says which carried change it cannot read', async () => {
    const { text, status } = await request(app()).get('/compare?a=class-central&aset=nonsense');
    expect(status).toBe(422);
    expect(text).toContain(
      'In the what-if: The change “nonsense” could not be read: expected key.path=value, e.g. outcomes.effectiveness=0.3.',
    );
  });

  it('asks again for a scenario that does not exist', async () => {
    const { text, status } = await request(app()).get('/compare?a=class-central&b=..%2Fsecret');
    expect(status).toBe(422);
    expect(text).toContain('href="#b">Choose a scenario');
  });
});
