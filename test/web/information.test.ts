/**
 * The scenario page's and exports' monitoring and value-of-information sections, checked against
 * the same run's Results JSON from the API: a person sees the sentences and the figures.
 */
import ExcelJS from 'exceljs';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Results } from '../../src/model/results';
import { formatMoney, formatNumber } from '../../src/report/format';
import { trackingSentences, type MonitoringSection } from '../../src/report/information';
import { testApp, binaryBody, visible } from './helpers';
import { scenarioDir } from './scenarioDir';
import { parseCsv } from '../report/decisionFixture';

const folder = scenarioDir(['class-central-with-monitoring', 'class-central'], 2000);
afterAll(() => folder.remove());
const { app } = testApp({}, { scenariosDir: folder.dir });

const QUERY = 'iterations=2000&seed=11';

/** CSV text as one object per row keyed by the header (the same reader as the report tests). */
function parse(csv: string, _options: { columns: true }): Record<string, string>[] {
  const [head, ...body] = parseCsv(csv);
  return body.map((r) => Object.fromEntries(head!.map((h, i) => [h, r[i] ?? ''])));
}

interface Voi {
  evpi: number;
  evppi: Record<string, number>;
  waitOneYear: { valueOfWaiting: number; valueOfCommittingNow: number; bestOptionNow: number; sampleInformation: number };
}

/** Money as the page's tables show it: a loss with the true minus sign (U+2212) before the pound sign. */
function shown(pounds: number): string {
  return formatMoney(pounds).replace('-', '\u2212');
}

describe('a scenario with monitoring counts', () => {
  let json: Results & {
    monitoring: MonitoringSection & { effectiveSampleSize: number; iterations: number; updatedOptions: Results['options'] };
    valueOfInformation: Voi;
  };
  let html: string;
  let text: string;
  beforeAll(async () => {
    const api = await request(app).get(`/api/scenarios/class-central-with-monitoring/results?${QUERY}`);
    expect(api.status).toBe(200);
    json = api.body;
    // On track (monitoring and the update) and what matters most (value of information, wait) are sub-pages.
    const pages = await Promise.all(
      ['on-track', 'what-matters'].map((section) => request(app).get(`/scenarios/class-central-with-monitoring/${section}?${QUERY}`)),
    );
    for (const page of pages) expect(page.status).toBe(200);
    html = pages.map((page) => page.text).join('\n');
    text = visible(html);
  });

  it('says whether the service is on track, with the counts, the effective sample size and the tracker charts', () => {
    expect(json.monitoring).toBeDefined();
    for (const sentence of trackingSentences({ ...json.monitoring, warnings: [] })) expect(text).toContain(sentence.replace(/’/g, '’'));
    expect(text).toContain('Is the service on track?');
    expect(text).toContain(`worth about ${formatNumber(json.monitoring.effectiveSampleSize)} independent ones`);
    expect(text).toContain(`rest on ${formatNumber(json.monitoring.iterations)} simulations`);
    expect(html).toContain('id="chart-tracker-referrals"');
    expect(html).toContain('id="chart-tracker-breakdowns"');
    expect(text).toContain('Referrals were within the range the business case expected in every one of the 6 periods reported');
    // The tracker's table: the first period's reported referrals and expected band from the JSON.
    const first = json.monitoring.periods[0] as unknown as {
      observed: { referrals: number };
      expected: { referrals: { p10: number; p50: number; p90: number } };
    };
    const band = first.expected.referrals;
    expect(text).toContain(`3 January 2025 to 31 March 2025 ${first.observed.referrals} ${band.p10} ${band.p50} ${band.p90} Within`);
    // Chart data embedded as JSON, not as script.
    expect(html).toMatch(/<script type="application\/json" id="chart-data">[^<]*"kind":"tracker"/);
  });

  it('puts the options before and after the update side by side', () => {
    expect(text).toContain('Results before and after updating on the counts');
    for (const [k, option] of json.options.entries()) {
      const before = option.monteCarlo!.perspectives.region!;
      const after = json.monitoring.updatedOptions[k]!.monteCarlo!.perspectives.region!;
      expect(text).toContain(
        `${shown(before.npv.mean)} ${shown(after.npv.mean)} ${shown(before.npv.p10)} to ${shown(before.npv.p90)} ${shown(after.npv.p10)} to ${shown(after.npv.p90)}`,
      );
    }
  });

  it('gives the value of information in pounds with its sentence, the EVPPI table and a link to the tornado', () => {
    const voi = json.valueOfInformation;
    expect(text).toMatch(/Knowing everything this scenario is unsure about before deciding would be worth up to £[\d.]+k to the region\./);
    expect(text).toMatch(/Knowing the true effectiveness of the service before deciding would be worth up to £[\d.]+k/);
    expect(text).toContain('The contract’s performance measures should track the effectiveness of the service');
    expect(text).toContain(`Knowing everything (all assumptions) ${formatMoney(voi.evpi)} 100%`);
    for (const pounds of Object.values(voi.evppi)) expect(text).toContain(formatMoney(pounds));
    expect(html).toContain('id="chart-evppi"');
    expect(html).toMatch(/<a class="govuk-link app-no-print" href="#chart-tornado-figure" id="tornado-link">/);
    expect(html).toContain('id="chart-tornado-figure"');
  });

  it('says whether to decide now or wait a year, with the numbers', () => {
    const wait = json.valueOfInformation.waitOneYear;
    expect(text).toContain('Decide now or wait a year?');
    expect(text).toMatch(/A one-year extension (is|is not) the prudent choice|are worth about the same/);
    expect(text).toContain(shown(wait.valueOfCommittingNow));
    expect(text).toContain(shown(wait.valueOfWaiting));
    expect(text).toContain(shown(wait.valueOfWaiting - wait.valueOfCommittingNow));
  });

  it('shows the same sections in the cabinet report', async () => {
    const report = visible((await request(app).get(`/scenarios/class-central-with-monitoring/report?${QUERY}`)).text);
    expect(report).toContain('Is the service on track?');
    expect(report).toContain('Results before and after updating on the counts');
    expect(report).toContain(`Knowing everything (all assumptions) ${formatMoney(json.valueOfInformation.evpi)} 100%`);
    expect(report).toContain(shown(json.valueOfInformation.waitOneYear.valueOfWaiting));
  });

  it('exports the figures as results-information.csv, exact and stamped', async () => {
    // The download sits with the run's technical details, on the assumptions page.
    expect((await request(app).get(`/scenarios/class-central-with-monitoring/assumptions?${QUERY}`)).text).toContain(
      '/scenarios/class-central-with-monitoring/results-information.csv?',
    );
    const response = await request(app).get(`/scenarios/class-central-with-monitoring/results-information.csv?${QUERY}`);
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/^text\/csv/);
    const rows = parse(response.text, { columns: true }) as Record<string, string>[];
    const find = (section: string, item: string, statistic = 'value') =>
      rows.find((r) => r.section === section && r.item === item && r.statistic === statistic);
    // Money in pennies, in the column of its unit (issue 11).
    const pennies = (pounds: number): number => Math.round(pounds * 100) / 100;
    expect(Number(find('valueOfInformation', 'evpi')!.value_gbp)).toBe(pennies(json.valueOfInformation.evpi));
    expect(Number(find('valueOfInformation', 'outcomes.effectiveness', 'evppi')!.value_gbp)).toBe(
      pennies(json.valueOfInformation.evppi['outcomes.effectiveness'] ?? Number.NaN),
    );
    expect(Number(find('waitOneYear', 'valueOfWaiting')!.value_gbp)).toBe(pennies(json.valueOfInformation.waitOneYear.valueOfWaiting));
    expect(Number(find('update', 'effectiveSampleSize')!.value_simulations)).toBe(Math.round(json.monitoring.effectiveSampleSize));
    expect(find('tracking', 'status')!.value_text).toBe(json.monitoring.tracking.status);
    const observed = rows.filter((r) => r.section === 'monitoring' && r.item === 'referrals' && r.statistic === 'observed');
    // The referrals written in the scenario's monitoring periods, as the results carry them.
    expect(observed.map((r) => Number(r.value_whole_children))).toEqual(
      (json.monitoring.periods as { observed: { referrals?: number } }[]).map((p) => p.observed.referrals),
    );
    expect(observed).toHaveLength(6);
    expect(rows.filter((r) => r.section === 'afterUpdate')).toHaveLength(rows.filter((r) => r.section === 'beforeUpdate').length);
    expect(rows[0]!.seed).toBe('11');
    expect(rows[0]!.scenario_hash).toBe(json.scenario.hash);
  });

  it('adds a monitoring and information sheet to the workbook', async () => {
    const response = await request(app)
      .get(`/scenarios/class-central-with-monitoring/results.xlsx?${QUERY}`)
      .buffer(true)
      .parse(binaryBody);
    expect(response.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.body as unknown as ArrayBuffer);
    const sheet = workbook.getWorksheet('Monitoring and information')!;
    expect(sheet).toBeDefined();
    expect(sheet.getRow(4).values).toContain('statistic');
    const evpiRow = sheet.getColumn(2).values.indexOf('evpi');
    expect(sheet.getRow(evpiRow).getCell(9).value).toBe(Math.round(json.valueOfInformation.evpi * 100) / 100);
    const words = sheet.getColumn(1).values.map(String);
    expect(words).toContain('In words');
    expect(words.some((w) => w.startsWith('The service is running'))).toBe(true);
  });
});

describe('a scenario without monitoring counts', () => {
  let html: string;
  beforeAll(async () => {
    const pages = await Promise.all(
      ['on-track', 'what-matters'].map((section) => request(app).get(`/scenarios/class-central/${section}?${QUERY}`)),
    );
    for (const page of pages) expect(page.status).toBe(200);
    html = pages.map((page) => page.text).join('\n');
  });

  it('shows no tracker and no update, but says how to add counts', () => {
    expect(html).not.toContain('chart-tracker');
    expect(html).not.toContain('Results before and after updating on the counts');
    expect(html).toContain('id="tracking-none"');
    expect(html).toContain('This scenario has no monitoring counts yet.');
  });

  it('still shows the value of information and decide now or wait', async () => {
    const json = (await request(app).get(`/api/scenarios/class-central/results?${QUERY}`)).body as Results & { valueOfInformation: Voi };
    expect(json.monitoring).toBeUndefined();
    const text = visible(html);
    expect(text).toContain(`Knowing everything (all assumptions) ${formatMoney(json.valueOfInformation.evpi)} 100%`);
    expect(html).toContain('id="chart-evppi"');
    expect(text).toContain(shown(json.valueOfInformation.waitOneYear.valueOfCommittingNow));
  });

  it('exports a results-information.csv with the value of information only', async () => {
    const response = await request(app).get(`/scenarios/class-central/results-information.csv?${QUERY}`);
    const rows = parse(response.text, { columns: true }) as Record<string, string>[];
    expect(new Set(rows.map((r) => r.section))).toEqual(new Set(['valueOfInformation', 'waitOneYear']));
  });
});
