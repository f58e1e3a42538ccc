/**
 * Issue 11 in Chromium, as a board member on a council laptop (1366x768), a tablet (768x1024) and a
 * phone (320 px): the front page answers the four questions within two screens; no page is longer
 * than eight laptop screens; no figure wraps and no loss shows a hyphen; no chart is wider than the
 * screen; axe finds nothing; and the cabinet report prints to at most 12 A4 pages with the decision
 * summary first. Screenshots go to screenshots/ (board-*.png) for a person to look at.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { axeViolations, drawnShare, HAS_CHROMIUM, inPage, openPage, SCREENSHOTS_DIR, withBrowserAndApp, type TestApp } from './browser';

const RUN = 'iterations=1000&seed=11';
const SECTIONS = ['', '/options', '/budget', '/how-sure', '/what-matters', '/on-track', '/assumptions', '/what-if'];
const LAPTOP = { width: 1366, height: 768 };

describe.skipIf(!HAS_CHROMIUM)('pages a board member reads in five minutes', () => {
  let browser: Browser;
  let app: TestApp;
  withBrowserAndApp(['class-central'], 1000, (started) => ({ browser, app } = started));

  /** A page in a fresh context, with console errors and page errors collected. */
  const visit = (url: string, viewport: { width: number; height: number }): ReturnType<typeof openPage> =>
    openPage(browser, app.baseUrl + url, viewport.width, viewport.height);

  /** The bottom of an element, in CSS pixels from the top of the page. */
  const bottomOf = (page: Page, selector: string): Promise<number> =>
    inPage<number>(
      page,
      `(() => { const r = document.querySelector(${JSON.stringify(selector)}).getBoundingClientRect(); return r.bottom + window.scrollY; })()`,
    );

  // Every answer within two of the viewport's screens. Laptop and tablet: the answers themselves. A phone
  // (320 x 640, so 1,280 px) stacks the columns, so the "in short" list of the four answers comes first
  // (what to do and why, how sure, wait a year, still assumed); the detail follows, and the lead answer
  // and its chances are still within two laptop-screen heights.
  const PHONE = { width: 320, height: 640 };
  const SHORT = ['#in-short-choice', '#in-short-sure', '#in-short-wait', '#in-short-assumed'];
  // Each viewport once: its limits, every selector whose bottom must be above each. The laptop's are
  // checked on the sections walk below, which loads the front page at that size.
  const LAPTOP_FRONT: [string[], number] = [
    ['#headline-region', '#headline-councils', '#grant', '#chances', '#worst-case', '#wait-verdict', '#assumed-list'],
    2 * LAPTOP.height,
  ];
  const FRONT: [{ width: number; height: number }, [string[], number][]][] = [
    [
      { width: 768, height: 1024 },
      [[['#headline-region', '#headline-councils', '#chances', '#worst-case', '#wait-verdict', '#assumed-list'], 2 * 1024]],
    ],
    [
      PHONE,
      [
        [SHORT, 2 * PHONE.height],
        [['#headline-region', '#chances'], 2 * LAPTOP.height],
      ],
    ],
  ];
  /** The front page's answers high up at this viewport (each selector's bottom above its limit), the "in short" list on phones only; screenshots. */
  async function answersHighUp(page: Page, viewport: { width: number; height: number }, limits: [string[], number][]): Promise<void> {
    for (const [selectors, limit] of limits)
      for (const selector of selectors) expect(await bottomOf(page, selector), selector).toBeLessThanOrEqual(limit);
    // The "in short" list shows on a phone only (wider screens have the answers themselves high up), and each line says something.
    const shown = await inPage<string[]>(
      page,
      `${JSON.stringify(SHORT)}.filter((s) => { const el = document.querySelector(s); return el && el.offsetParent !== null && el.textContent.trim().length > 20; })`,
    );
    expect(shown).toEqual(viewport.width < 641 ? SHORT : []);
    // What the first two screens show, to look at.
    await page.screenshot({
      path: path.join(SCREENSHOTS_DIR, `board-front-${viewport.width}-two-screens.png`),
      fullPage: true,
      clip: { x: 0, y: 0, width: viewport.width, height: 2 * viewport.height },
    });
  }

  for (const [viewport, limits] of FRONT) {
    const above = limits.map(([selectors, limit]) => `${selectors.join(', ')} above ${limit} px`).join('; ');
    it(`${viewport.width} px: the front page answers the board's questions high up (${above})`, async () => {
      const { page, close } = await visit(`/scenarios/class-central?${RUN}`, viewport);
      await answersHighUp(page, viewport, limits);
      expect(await axeViolations(page)).toEqual([]);
      await page.screenshot({ path: path.join(SCREENSHOTS_DIR, `board-front-${viewport.width}.png`), fullPage: true });
      await close();
    }, 60_000);
  }

  /** The charts each section draws. */
  const CHARTS: Readonly<Record<string, string[]>> = {
    '/how-sure': ['chart-options', 'chart-fan', 'chart-histogram'],
    '/what-matters': ['chart-tornado'],
    '/budget': ['chart-councils'],
  };

  it(`${LAPTOP.width} px, every section: no page is longer than eight laptop screens; figures never wrap; losses carry the true minus; every chart draws (canvas present and not blank); no console errors; axe finds nothing; the front page answers the board's questions high up (${LAPTOP_FRONT[0].join(', ')} above ${LAPTOP_FRONT[1]} px)`, async () => {
    for (const section of SECTIONS) {
      const { page, problems, close } = await visit(`/scenarios/class-central${section}?${RUN}`, LAPTOP);
      if (section === '') {
        expect(await page.locator('h1').textContent()).toBe('CLASS regional service, central case');
        await answersHighUp(page, LAPTOP, [LAPTOP_FRONT]);
      }
      for (const id of CHARTS[section] ?? []) expect(await drawnShare(page, id), id).toBeGreaterThan(0.01);
      const height = await inPage<number>(page, 'document.documentElement.scrollHeight');
      expect(height, section).toBeLessThanOrEqual(8 * LAPTOP.height);
      // Every numeric cell and every inline figure keeps to one line.
      const wrapped = await inPage<string[]>(
        page,
        `[...document.querySelectorAll('td.govuk-table__cell--numeric, .app-nowrap')].filter((el) => el.offsetParent !== null && getComputedStyle(el).whiteSpace !== 'nowrap').map((el) => el.textContent.trim()).slice(0, 5)`,
      );
      expect(wrapped, section).toEqual([]);
      const hyphenated = await inPage<string[]>(
        page,
        `[...document.querySelectorAll('main td, main th')].map((el) => el.textContent.trim()).filter((text) => /(^|\\s)-£/.test(text)).slice(0, 5)`,
      );
      expect(hyphenated, section).toEqual([]);
      expect(await axeViolations(page), section).toEqual([]);
      expect(problems, section).toEqual([]);
      await page.screenshot({ path: path.join(SCREENSHOTS_DIR, `board${section.replace('/', '-') || '-front'}-1366.png`), fullPage: true });
      await close();
    }
  }, 240_000);

  for (const width of [320, 1920]) {
    it(`${width} px: no chart or map is wider than the screen, and wide tables say they scroll`, async () => {
      for (const section of ['/how-sure', '/what-matters', '/budget']) {
        const { page, close } = await visit(`/scenarios/class-central${section}?${RUN}`, { width, height: 900 });
        const overflowing = await inPage<string[]>(
          page,
          `[...document.querySelectorAll('canvas, .app-map__grid')].filter((el) => el.offsetParent !== null && el.getBoundingClientRect().right > window.innerWidth + 1).map((el) => el.id || el.className)`,
        );
        expect(overflowing, section).toEqual([]);
        // Category labels of horizontal bar charts (tornado, value of information) fit beside the bars: the widest is no wider than its axis.
        const clipped = await inPage<string[]>(
          page,
          `Object.values(window.Chart ? Chart.instances : {}).filter((chart) => chart.options.indexAxis === 'y' && chart.scales.y && chart.scales.y._labelSizes && chart.scales.y._labelSizes.widest.width > chart.scales.y.width + 1).map((chart) => chart.canvas.id)`,
        );
        expect(clipped, section).toEqual([]);
        // A table wider than its box has the cue above it.
        const cues = await inPage<boolean[]>(
          page,
          `[...document.querySelectorAll('.app-table-scroll')].filter((box) => box.offsetParent !== null && box.scrollWidth > box.clientWidth + 1).map((box) => !!(box.previousElementSibling && box.previousElementSibling.classList.contains('app-scroll-cue')))`,
        );
        expect(cues.every(Boolean), section).toBe(true);
        if (width === 320)
          await page.screenshot({ path: path.join(SCREENSHOTS_DIR, `board${section.replace('/', '-')}-320.png`), fullPage: true });
        await close();
      }
    }, 120_000);
  }

  it('prints the cabinet report to at most 12 A4 pages, the decision summary first', async () => {
    const { page, close } = await visit(`/scenarios/class-central/report?${RUN}`, { width: 1100, height: 900 });
    await page.emulateMedia({ media: 'print' });
    await inPage(page, 'Object.values(window.Chart ? Chart.instances : {}).forEach((chart) => chart.resize())');
    const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
    await close();
    const pages = (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length;
    expect(pages).toBeGreaterThanOrEqual(4);
    expect(pages).toBeLessThanOrEqual(12);
    mkdirSync(SCREENSHOTS_DIR, { recursive: true });
    const file = path.join(SCREENSHOTS_DIR, 'report.pdf');
    writeFileSync(file, pdf);
    // With poppler-utils, every page as a picture to look at, and the first page's words.
    if (existsSync('/usr/bin/pdftoppm') && existsSync('/usr/bin/pdftotext')) {
      execFileSync('/usr/bin/pdftoppm', ['-r', '50', '-png', file, path.join(SCREENSHOTS_DIR, 'report-page')]);
      const first = execFileSync('/usr/bin/pdftotext', ['-f', '1', '-l', '1', '-layout', file, '-'], { encoding: 'utf8' });
      for (const words of ['Decision summary', 'The answer', 'The options for the region', 'Each budget, by financial year'])
        expect(first).toContain(words);
      // No page but the last is under a third full: each page as a grey map (pdftoppm -gray writes binary PGM),
      // and the lowest row with anything printed on it, as a share of the page.
      const fullness = Array.from({ length: pages }, (_, i) => {
        const pgm = execFileSync('/usr/bin/pdftoppm', ['-r', '20', '-gray', '-f', String(i + 1), '-l', String(i + 1), file]);
        const header = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(pgm.subarray(0, 40).toString('latin1'))!;
        const [width, height] = [Number(header[1]), Number(header[2])];
        const pixels = pgm.subarray(header[0].length);
        let lowest = 0;
        for (let row = 0; row < height; row++) {
          for (let col = 0; col < width; col++) if (pixels[row * width + col]! < 200) lowest = row;
        }
        return lowest / height;
      });
      for (const [i, share] of fullness.slice(0, -1).entries()) expect(share, `page ${i + 1}`).toBeGreaterThan(1 / 3);
    }
  }, 120_000);
});
