/**
 * The Welsh pages in Chromium: axe (WCAG 2.2 AA) as on the English pages, no console errors (so no
 * CSP violation), the charts drawn, screenshots on a laptop (1366x768) and a small phone (320x640),
 * and the language switch clicked there and back.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { HAS_CHROMIUM, SKIP_REASON, axeViolations, drawnShare, inPage, launchChromium, screenshot, startApp } from './browser';
import { scenarioDir } from '../web/scenarioDir';

if (!HAS_CHROMIUM) console.warn(SKIP_REASON);

describe.skipIf(!HAS_CHROMIUM)('the Welsh pages in Chromium', () => {
  const folder = scenarioDir(['class-central', 'class-cautious', 'class-central-with-monitoring'], 300);
  let browser: Browser;
  let app: Awaited<ReturnType<typeof startApp>>;
  const RUN = 'iterations=300&seed=7';

  beforeAll(async () => {
    [browser, app] = await Promise.all([launchChromium(), startApp({}, { scenariosDir: folder.dir })]);
  });

  afterAll(async () => {
    await Promise.all([browser?.close(), app?.close()]);
    folder.remove();
  });

  /** A page in a fresh context of the given size, with console errors, page errors and failed requests collected. */
  async function open(path: string, width = 1100, height = 900) {
    const context = await browser.newContext({ viewport: { width, height } });
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) problems.push(message.text());
    });
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('response', (response) => {
      if (!response.request().isNavigationRequest() && !response.ok()) problems.push(`${response.status()} ${response.url()}`);
    });
    const response = await page.goto(app.baseUrl + path, { waitUntil: 'networkidle' });
    return { page, problems, status: response?.status(), close: () => context.close() };
  }

  const PAGES = [
    { path: '/cy', status: 200 },
    { path: '/cy/scenarios', status: 200 },
    { path: `/cy/scenarios/class-central?${RUN}`, status: 200 },
    ...['options', 'budget', 'how-sure', 'what-matters', 'assumptions', 'what-if'].map((section) => ({
      path: `/cy/scenarios/class-central/${section}?${RUN}`,
      status: 200,
      charts: section === 'how-sure',
    })),
    { path: '/cy/scenarios/class-central-with-monitoring/on-track?iterations=300&seed=7', status: 200 },
    { path: `/cy/scenarios/class-central?${RUN}&set=outcomes.effectiveness%3D0.3`, status: 200 },
    { path: '/cy/scenarios/class-central/try?grantShare=lots&grantFrom=soon', status: 422 },
    { path: '/cy/compare?a=class-central&aset=outcomes.effectiveness%3D0.3&b=class-central', status: 200 },
    { path: '/cy/glossary', status: 200 },
    { path: '/cy/scenarios/class-central/edit', status: 200 },
    { path: '/cy/scenarios/class-central/history', status: 200 },
    { path: `/cy/scenarios/class-central/report?${RUN}`, status: 200 },
    { path: '/cy/no-such-page', status: 404 },
  ];

  for (const entry of PAGES) {
    const { path, status } = entry;
    const charts = 'charts' in entry && entry.charts;
    it(`${path}: Welsh, no WCAG 2.2 AA violations, no console errors${charts ? '; draws the charts, their axes in pounds as the Welsh page formats them' : ''}`, async () => {
      const { page, problems, status: got, close } = await open(path);
      expect(got).toBe(status);
      expect(await inPage<string>(page, 'document.documentElement.lang')).toBe('cy');
      await expect.poll(() => inPage(page, "document.body.classList.contains('govuk-frontend-supported')")).toBe(true);
      const violations = await axeViolations(page);
      expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);
      if (charts) {
        const canvases = await inPage<string[]>(page, "[...document.querySelectorAll('canvas[data-chart]')].map((c) => c.id)");
        expect(canvases.length).toBeGreaterThan(0);
        for (const id of canvases) expect(await drawnShare(page, id)).toBeGreaterThan(0.01);
        // The axes' labels as Chart.js drew them: money in pounds with the catalogue's suffixes
        // (cy-GB separators), never a raw number of five or more digits.
        const labels = await inPage<string[]>(
          page,
          "[...document.querySelectorAll('canvas[data-chart]')].flatMap((c) => Object.values(window.Chart.getChart(c)?.scales ?? {}).flatMap((s) => s.ticks.map((t) => String(t.label))))",
        );
        expect(labels.some((label) => /^\u2212?£\d[\d,.]*(k|m|bn)?$/.test(label))).toBe(true);
        expect(labels.filter((label) => /\d{5,}/.test(label))).toEqual([]);
      }
      expect(problems).toEqual([]);
      await close();
    });
  }

  it('the front page in Welsh at 1366x768 and 320x640, and other pages at 320: nothing wider than the screen, no violations (screenshots to look at)', async () => {
    for (const [width, height, name] of [
      [1366, 768, 'welsh-scenario-1366'],
      [320, 640, 'welsh-scenario-320'],
    ] as const) {
      const { page, close } = await open(`/cy/scenarios/class-central?${RUN}`, width, height);
      // Nothing makes the page scroll sideways (a long Welsh word in a heading, the switch in the header).
      expect(await inPage<number>(page, 'document.documentElement.scrollWidth')).toBeLessThanOrEqual(width);
      expect(await axeViolations(page)).toEqual([]);
      await screenshot(page, name);
      await close();
    }
    for (const [path, name] of [
      ['/cy', 'welsh-home-320'],
      ['/cy/scenarios', ''],
      ['/cy/scenarios/class-central/history', ''],
      ['/cy/glossary', ''],
      ['/cy/scenarios/class-central/edit', ''],
    ]) {
      const { page, close } = await open(path!, 320, 640);
      expect(await inPage<number>(page, 'document.documentElement.scrollWidth'), path).toBeLessThanOrEqual(320);
      if (name) await screenshot(page, name);
      await close();
    }
  });

  it('the switch leads to the same page and query in English, and back', async () => {
    const welsh = `/cy/scenarios/class-central/budget?${RUN}&set=outcomes.effectiveness%3D0.3`;
    const { page, close } = await open(welsh);
    const heading = await page.locator('h1').textContent();
    await Promise.all([
      page.waitForURL(`${app.baseUrl}/scenarios/class-central/budget?${RUN}&set=outcomes.effectiveness%3D0.3`),
      page.getByRole('link', { name: 'English', exact: true }).click(),
    ]);
    expect(await inPage<string>(page, 'document.documentElement.lang')).toBe('en-GB');
    expect(await page.locator('h1').textContent()).not.toBe(heading);
    await Promise.all([page.waitForURL(app.baseUrl + welsh), page.getByRole('link', { name: 'Cymraeg', exact: true }).click()]);
    expect(await inPage<string>(page, 'document.documentElement.lang')).toBe('cy');
    expect(await page.locator('h1').textContent()).toBe(heading);
    await close();
  });

  it('keyboard: from a Welsh page, Tab reaches the skip link first ("Neidio i’r prif gynnwys") and the switch in the header', async () => {
    const { page, close } = await open('/cy');
    const focused: string[] = [];
    for (let press = 0; press < 8; press += 1) {
      await page.keyboard.press('Tab');
      focused.push(await inPage<string>(page, "(document.activeElement.textContent || '').trim()"));
    }
    expect(focused[0]).toBe('Neidio i’r prif gynnwys');
    expect(focused).toContain('English');
    await close();
  });
});
