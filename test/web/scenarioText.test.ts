/**
 * A scenario's own text on the pages (issue 14): the Welsh where the file gives it, and a plain
 * notice in Welsh, once near the top, when some of it exists only in English.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { afterAll, describe, expect, it } from 'vitest';
import { TEST_CSRF, testApp } from './helpers';
import { scenarioDir } from './scenarioDir';

// The bundled central case and Bridgend view (both with all their text in Welsh), beside the
// section 2 example of the scenario tests as central.yaml, which is in English only.
const folder = scenarioDir(['class-central', 'bridgend'], 200);
const englishOnly = readFileSync(new URL('../scenario/fixtures/central.yaml', import.meta.url), 'utf8').replace(
  /iterations: \d+/,
  'iterations: 200',
);
writeFileSync(path.join(folder.dir, 'central.yaml'), englishOnly);
afterAll(() => folder.remove());

// One app for the reading tests, so a scenario's run is worked out once and served to each page and
// language (as the runner's cache does on a server); the saving test has an app and database of its own.
const shared = testApp({}, { scenariosDir: folder.dir }).app;
const app = (): ReturnType<typeof testApp>['app'] => shared;
const NOTICE = 'Mae rhywfaint o destun y senario hwn';
const LIST_NOTICE = 'Mae rhywfaint o destun y senarios hyn';
const noticeCount = (html: string): number => html.split('id="english-only"').length - 1;

describe('scenario text in the language of the page', { timeout: 60_000 }, () => {
  it('shows a bundled scenario in Welsh under /cy, with no notice, and in English without /cy', async () => {
    const welsh = await request(app()).get('/cy/scenarios/bridgend').expect(200);
    expect(welsh.text).toContain(
      '<h1 class="govuk-heading-l" id="page-heading">Contract rhanbarthol CLASS, o safbwynt Pen-y-bont ar Ogwr</h1>',
    );
    expect(welsh.text).toContain('Pen-y-bont ar Ogwr');
    expect(noticeCount(welsh.text)).toBe(0);
    const english = await request(app()).get('/scenarios/bridgend').expect(200);
    expect(english.text).toContain('>CLASS regional contract, Bridgend&#39;s view</h1>');
    expect(noticeCount(english.text)).toBe(0);
  });

  it('says once near the top, in Welsh, that a scenario in English only is in English only', async () => {
    const welsh = await request(app()).get('/cy/scenarios/central').expect(200);
    expect(noticeCount(welsh.text)).toBe(1);
    expect(welsh.text).toContain(NOTICE);
    // Near the top: after the heading, before the sub-navigation and the answers.
    expect(welsh.text.indexOf('id="english-only"')).toBeGreaterThan(welsh.text.indexOf('id="page-heading"'));
    expect(welsh.text.indexOf('id="english-only"')).toBeLessThan(welsh.text.indexOf('id="answer"'));
    // A section page and the cabinet report say it too; English pages never do.
    expect(noticeCount((await request(app()).get('/cy/scenarios/central/options').expect(200)).text)).toBe(1);
    expect(noticeCount((await request(app()).get('/cy/scenarios/central/report').expect(200)).text)).toBe(1);
    expect(noticeCount((await request(app()).get('/cy/scenarios/bridgend/report').expect(200)).text)).toBe(0);
    expect(noticeCount((await request(app()).get('/scenarios/central').expect(200)).text)).toBe(0);
  });

  it('lists the scenarios under their Welsh names, with one notice because one of them is in English only', async () => {
    const welsh = await request(app()).get('/cy/scenarios').expect(200);
    expect(welsh.text).toContain('Gwasanaeth rhanbarthol CLASS, achos canolog');
    expect(welsh.text).toContain('Contract rhanbarthol CLASS, o safbwynt Pen-y-bont ar Ogwr');
    expect(noticeCount(welsh.text)).toBe(1);
    expect(welsh.text).toContain(LIST_NOTICE);
    expect(noticeCount((await request(app()).get('/scenarios').expect(200)).text)).toBe(0);
  });

  it('saves a scenario with Welsh text as a new scenario, shows it in Welsh and keeps its history', async () => {
    const { app: tool } = testApp({}, { scenariosDir: folder.dir });
    const text = readFileSync(path.join(folder.dir, 'bridgend.yaml'), 'utf8').replace(
      'cy: "Contract rhanbarthol CLASS, o safbwynt Pen-y-bont ar Ogwr"',
      'cy: "Copi Pen-y-bont ar Ogwr"',
    );
    await request(tool)
      .post('/scenarios/save')
      .type('form')
      .send({ name: 'bridgend-copy', text, baseHash: '', action: 'save', _csrf: TEST_CSRF })
      .expect(303);
    const page = await request(tool).get('/cy/scenarios/bridgend-copy').expect(200);
    expect(page.text).toContain('>Copi Pen-y-bont ar Ogwr</h1>');
    await request(tool).get('/cy/scenarios/bridgend-copy/history').expect(200);
  });

  it('names a what-if in the language of the page', async () => {
    const page = await request(app()).get('/cy/scenarios/bridgend?set=outcomes.residential_weeks%3D40').expect(200);
    expect(page.text).toContain('Contract rhanbarthol CLASS, o safbwynt Pen-y-bont ar Ogwr');
    expect(page.text).not.toContain('Bridgend&#39;s view');
  });
});
