import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, ConsoleMessage, Page } from 'playwright-core';
import { HAS_CHROMIUM, SKIP_REASON, axeViolations, inPage, launchChromium, screenshot, startApp } from './browser';

if (!HAS_CHROMIUM) console.warn(SKIP_REASON);

describe.skipIf(!HAS_CHROMIUM)('pages in Chromium', () => {
  let browser: Browser;
  let app: Awaited<ReturnType<typeof startApp>>;
  let failingApp: Awaited<ReturnType<typeof startApp>>;

  beforeAll(async () => {
    [browser, app, failingApp] = await Promise.all([
      launchChromium(),
      startApp(),
      startApp({
        env: 'development',
        store: {
          names: async () => {
            throw new Error('scenario folder exploded');
          },
          read: async () => undefined,
          save: async () => ({ ok: false, reason: 'badName' }),
        },
      }),
    ]);
  });

  afterAll(async () => {
    await Promise.all([browser?.close(), app?.close(), failingApp?.close()]);
  });

  /** A fresh page that records console errors (CSP violations show up there) and requests. */
  async function openPage(width = 1024): Promise<{ page: Page; context: BrowserContext; problems: string[]; requested: string[] }> {
    const context = await browser.newContext({ viewport: { width, height: 800 } });
    const page = await context.newPage();
    const problems: string[] = [];
    const requested: string[] = [];
    page.on('console', (message: ConsoleMessage) => {
      // The 404 and 500 pages log "Failed to load resource" for the document itself; failed
      // subresources are caught below by their responses instead.
      if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) {
        problems.push(message.text());
      }
    });
    page.on('response', (response) => {
      if (!response.request().isNavigationRequest() && !response.ok()) {
        problems.push(`${response.status()} ${response.url()}`);
      }
    });
    page.on('pageerror', (error) => problems.push(error.message));
    page.on('request', (request) => requested.push(request.url()));
    return { page, context, problems, requested };
  }

  const PAGES = [
    { name: 'home', path: '/', status: 200, base: () => app.baseUrl },
    { name: 'scenarios', path: '/scenarios', status: 200, base: () => app.baseUrl },
    { name: 'not-found', path: '/no-such-page', status: 404, base: () => app.baseUrl },
    { name: 'error-development', path: '/scenarios', status: 500, base: () => failingApp.baseUrl },
  ];

  for (const { name, path, status, base } of PAGES) {
    it(`${name}: no WCAG 2.2 AA violations, no console errors, nothing from other sites`, async () => {
      const { page, context, problems, requested } = await openPage();
      const response = await page.goto(base() + path, { waitUntil: 'networkidle' });
      expect(response?.status()).toBe(status);
      // GOV.UK Frontend's JS ran (from our module script, not an inline one).
      await expect.poll(() => inPage(page, "document.body.classList.contains('govuk-frontend-supported')")).toBe(true);
      const violations = await axeViolations(page);
      expect(violations, JSON.stringify(violations, null, 2)).toEqual([]);
      expect(problems).toEqual([]);
      expect(requested.filter((url) => !url.startsWith(base()))).toEqual([]);
      // The GOV.UK font is replaced by the system stack, so its files are never fetched.
      expect(requested.filter((url) => url.includes('/assets/fonts/'))).toEqual([]);
      const bodyFont = await inPage<string>(page, "getComputedStyle(document.querySelector('h1')).fontFamily");
      expect(bodyFont).not.toContain('GDS Transport');
      await screenshot(page, name);
      await context.close();
    });
  }

  it('home on a narrow screen: no violations', async () => {
    const { page, context } = await openPage(375);
    await page.goto(app.baseUrl + '/', { waitUntil: 'networkidle' });
    expect(await axeViolations(page)).toEqual([]);
    await screenshot(page, 'home-mobile');
    await context.close();
  });

  it('keyboard: Tab reaches the skip link first, then the service name, navigation and start link', async () => {
    const { page, context } = await openPage();
    await page.goto(app.baseUrl + '/', { waitUntil: 'networkidle' });
    const focusOrder: string[] = [];
    for (let press = 0; press < 12; press += 1) {
      await page.keyboard.press('Tab');
      focusOrder.push(
        await inPage<string>(
          page,
          "(document.activeElement ? document.activeElement.tagName.toLowerCase() + ':' + (document.activeElement.textContent || '').trim() : '')",
        ),
      );
    }
    expect(focusOrder.slice(0, 4)).toEqual(['a:Skip to main content', 'a:CLASS extension decision tool', 'a:Home', 'a:Scenarios']);
    expect(focusOrder).toContain('a:Go to scenarios');

    // The skip link moves focus to the main content.
    await page.goto(app.baseUrl + '/', { waitUntil: 'networkidle' });
    await page.keyboard.press('Tab');
    await screenshot(page, 'home-skip-link-focused');
    await page.keyboard.press('Enter');
    expect(await inPage<string>(page, 'document.activeElement && document.activeElement.id')).toBe('main-content');

    // Enter on the start link follows it.
    await page.goto(app.baseUrl + '/', { waitUntil: 'networkidle' });
    await page.focus('#start-link');
    await Promise.all([page.waitForURL(`${app.baseUrl}/scenarios`), page.keyboard.press('Enter')]);
    expect(await page.locator('h1').textContent()).toBe('Scenarios');
    await context.close();
  });

  it('Chart.js loads from this site as a UMD global', async () => {
    const { page, context } = await openPage();
    await page.goto(app.baseUrl + '/', { waitUntil: 'networkidle' });
    await page.addScriptTag({ url: '/vendor/chart.umd.js' });
    expect(await inPage<string>(page, 'typeof window.Chart')).toBe('function');
    await context.close();
  });
});
