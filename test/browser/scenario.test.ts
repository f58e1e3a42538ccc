/**
 * The scenario pages in Chromium with real worker threads: charts draw, the try-a-change form
 * reruns, the permalink reproduces the same figures, an upload with mistakes shows them at their
 * lines, no axe violations, and the keyboard reaches every control.
 */
import { describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { openPage, HAS_CHROMIUM, axeViolations, inPage, screenshot, withBrowserAndApp, type TestApp } from './browser';

describe.skipIf(!HAS_CHROMIUM)('scenario pages in Chromium', () => {
  let browser: Browser;
  let app: TestApp;
  withBrowserAndApp(['class-central', 'bridgend'], 1000, (started) => ({ browser, app } = started));

  const open = (path: string, width = 1100): ReturnType<typeof openPage> => openPage(browser, app.baseUrl + path, width);

  // Every chart drawn, no console errors and no axe violations on the front page and each section, with screenshots:
  // board.test.ts walks them all at 1366 px (the same run; at 1100 px the page's column is as wide, 960 px).

  it('the form reruns with a change, and the permalink reproduces the same figures', async () => {
    const { page, close } = await open('/scenarios/class-central/what-if?iterations=1000&seed=11');
    const first = await open('/scenarios/class-central?iterations=1000&seed=11');
    const before = await first.page.locator('#headline-region').textContent();
    await first.close();
    await page.fill('#weeklyCost', '8000');
    await page.fill('#iterations', '1200');
    await Promise.all([page.waitForURL(/set=outcomes.residential_weekly_cost/), page.click('#try-submit')]);
    await page.waitForSelector('#headline-region');
    const after = await page.locator('#headline-region').textContent();
    expect(after).not.toBe(before);
    // The front page of a what-if: before and after side by side, the changed assumption in words.
    expect(await page.locator('#what-if-inputs').textContent()).toContain('Weekly cost of a residential placement');
    expect(await page.locator('#what-if-table').textContent()).toMatch(/4 extension years: what they add for the region/);
    const permalink = await page.locator('#permalink').getAttribute('href');
    expect(permalink).toMatch(/^\/scenarios\/class-central\?hash=[0-9a-f]{12}&iterations=1200&seed=11&set=/);
    await screenshot(page, 'scenario-changed');
    const optionsPage = await open(permalink!.replace('/scenarios/class-central?', '/scenarios/class-central/options?'));
    const table = await optionsPage.page.locator('table[data-perspective="region"]').textContent();
    await optionsPage.close();

    // A fresh browser context (no cache) following the link gets the same figures.
    const again = await open(permalink!);
    expect(await again.page.locator('#headline-region').textContent()).toBe(after);
    const againOptions = await open(permalink!.replace('/scenarios/class-central?', '/scenarios/class-central/options?'));
    expect(await againOptions.page.locator('table[data-perspective="region"]').textContent()).toBe(table);
    await againOptions.close();
    await again.close();
    await close();
  });

  it('an upload with mistakes shows each at its line and keeps the text', async () => {
    const { page, close } = await open('/scenarios/new');
    await page.fill('#name', 'broken-one');
    await page.setInputFiles('#file', {
      name: 'broken.yaml',
      mimeType: 'text/yaml',
      buffer: Buffer.from(
        'name: Broken\ncontract:\n  start: 2025-01-03\n  base_end: 2027-03-31\n  annual_value: lots\noutcomes:\n  effectiveness: 1.5\n',
      ),
    });
    await Promise.all([page.waitForURL(/\/scenarios\/save(\?|$)/), page.click('#save-button')]);
    await page.waitForSelector('#problem-list');
    const problems = (await page.locator('#problem-list li').allTextContents()).map((p) => p.trim());
    expect(
      problems.some((p) => p.startsWith('Line 5, column 17 (contract.annual_value)')),
      problems.join('\n'),
    ).toBe(true);
    expect(problems.some((p) => p.startsWith('Line 7, column 18 (outcomes.effectiveness)'))).toBe(true);
    expect(await page.locator('#line-5.app-numbered__line--problem').count()).toBe(1);
    expect(await page.inputValue('#text')).toContain('annual_value: lots');
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'edit-problems');
    await close();
  });

  const PAGES = [
    ['scenarios-list', '/scenarios'],
    ['compare', '/compare?a=class-central&b=bridgend'],
    ['edit', '/scenarios/class-central/edit'],
    ['try-errors', '/scenarios/class-central/try?weeklyCost=lots&iterations=0'],
    ['scenario-council', '/scenarios/bridgend?iterations=1000&seed=2'],
  ] as const;
  for (const [name, path] of PAGES) {
    it(`${name}: no axe violations or console errors`, async () => {
      const { page, problems, close } = await open(path);
      expect(await axeViolations(page)).toEqual([]);
      expect(problems).toEqual([]);
      await screenshot(page, name);
      await close();
    });
  }

  // The scenario page on a narrow screen: board.test.ts checks it at 320 px (axe, the answers high up, a screenshot).

  it('keyboard alone reaches every control on the budget page (with its tabs)', async () => {
    const { page, close } = await open('/scenarios/class-central/budget?iterations=1000&seed=11');
    const total = await inPage<number>(
      page,
      `(() => { let i = 0; for (const el of document.querySelectorAll('a[href], button, input:not([type=hidden]), select, textarea, [tabindex="0"]')) {
        if (el.offsetParent !== null && !el.closest('[hidden]') && !el.closest('details:not([open]) > .govuk-details__text') && !(el.matches('.govuk-tabs__tab') && el.getAttribute('aria-selected') !== 'true')) el.dataset.focusId = String(i++); } return i; })()`,
    );
    const reached = new Set<string>();
    for (let press = 0; press < total + 20; press += 1) {
      await page.keyboard.press('Tab');
      const id = await inPage<string | null>(
        page,
        'document.activeElement && document.activeElement.dataset ? document.activeElement.dataset.focusId || null : null',
      );
      if (id !== null) reached.add(id);
    }
    const missed = await inPage<string[]>(
      page,
      `[...document.querySelectorAll('[data-focus-id]')].filter((el) => !${JSON.stringify([...reached])}.includes(el.dataset.focusId)).map((el) => el.outerHTML.slice(0, 120))`,
    );
    expect(missed).toEqual([]);
    // The other tabs follow the ARIA tabs pattern: arrow keys move between them.
    await page.focus('.govuk-tabs__tab[aria-selected="true"]');
    await page.keyboard.press('ArrowRight');
    expect(await inPage<string>(page, 'document.activeElement.textContent')).toBe('Bridgend');
    await close();
  });

  it('report: no axe violations or console errors; it prints with the run stamp on the page', async () => {
    const { page, problems, close } = await open('/scenarios/class-central/report?iterations=1000&seed=11');
    expect(await axeViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await screenshot(page, 'report');
    await page.emulateMedia({ media: 'print' });
    expect(await inPage<string>(page, "getComputedStyle(document.querySelector('.app-header')).display")).toBe('none');
    expect(await page.locator('#report-stamp').textContent()).toMatch(/seed 11 · 1,000 iterations/);
    await screenshot(page, 'report-print');
    await close();
  });
});
