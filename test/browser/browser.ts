/**
 * Shared set-up for browser tests: Debian's Chromium through playwright-core, the app on an
 * ephemeral port, and axe-core injected from node_modules.
 */
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { createRequire } from 'node:module';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createApp } from '../../src/web/app';
import { PROJECT_ROOT } from '../../src/web/middleware/staticFiles';
import { afterAll, beforeAll } from 'vitest';
import type { RunPool } from '../../src/run/pool';
import { fakeServices, testPool } from '../web/helpers';
import { scenarioDir } from '../web/scenarioDir';
import type { AppServices } from '../../src/web/services';

/** Debian's Chromium; CHROMIUM_PATH overrides it (e.g. on a developer's Mac). */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const HAS_CHROMIUM = existsSync(CHROMIUM_PATH);
export const SKIP_REASON = `Browser tests skipped: ${CHROMIUM_PATH} not found (apt-get install -y chromium; .ci/run does this).`;
export const SCREENSHOTS_DIR = path.join(PROJECT_ROOT, 'screenshots');

const AXE_PATH = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
let axeSource: string | undefined;
export const WCAG_22_AA_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
}

/** The app startApp serves: its base URL and how to stop it. */
export type TestApp = Awaited<ReturnType<typeof startApp>>;

/**
 * Chromium and the app (a run pool behind it, as on a server) over copies of `scenarios` at
 * `iterations` simulations, started before a suite's tests and stopped after them; `started`
 * hands the suite its browser and app. Call it at the top of a describe block:
 *   let browser: Browser; let app: TestApp;
 *   withBrowserAndApp(['class-central'], 1000, (started) => ({ browser, app } = started));
 */
export function withBrowserAndApp(
  scenarios: string[],
  iterations: number,
  started: (suite: { browser: Browser; app: TestApp }) => void,
): void {
  const folder = scenarioDir(scenarios, iterations);
  let browser: Browser | undefined;
  let app: TestApp | undefined;
  let pool: RunPool | undefined;
  beforeAll(async () => {
    const runs = testPool();
    pool = runs;
    [browser, app] = await Promise.all([
      launchChromium(),
      startApp({}, { scenariosDir: folder.dir, analyse: (scenario, request) => runs.analyse(scenario, request) }),
    ]);
    started({ browser, app });
  }, 60_000);
  afterAll(async () => {
    await Promise.all([browser?.close(), app?.close(), pool?.destroy()]);
    folder.remove();
  });
}

/** Starts createApp() on 127.0.0.1 with an ephemeral port; returns its base URL. */
export async function startApp(
  overrides: Partial<AppServices> = {},
  options: Parameters<typeof fakeServices>[1] = {},
): Promise<{ baseUrl: string; close: () => Promise<void> }> {
  const app = createApp(fakeServices(overrides, options));
  const server: Server = await new Promise((resolve) => {
    const listening = app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

/**
 * Runs axe-core on the page for WCAG 2.2 AA and returns the violations.
 * axe is injected with page.evaluate, not page.addScriptTag({ path }): addScriptTag inserts an
 * inline <script>, which our CSP rightly blocks, and the alternative (a context with
 * bypassCSP) would stop these tests noticing CSP violations in our own pages.
 */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  axeSource ??= readFileSync(AXE_PATH, 'utf8');
  await page.evaluate(axeSource);
  // In-page code is a string: the project compiles without the DOM library (the model must not see it).
  // resultTypes: axe still runs every rule on every node, but builds selectors for the nodes of
  // violations only (passes and the rest keep one node each), which was a third of its time here.
  return page.evaluate(`
    axe.run(document, { runOnly: { type: 'tag', values: ${JSON.stringify(WCAG_22_AA_TAGS)} }, resultTypes: ['violations'] }).then((results) =>
      results.violations.map((violation) => ({
        id: violation.id,
        impact: violation.impact,
        help: violation.help,
        nodes: violation.nodes.map((node) => ({ target: node.target, failureSummary: node.failureSummary })),
      })))
  `) as Promise<AxeViolation[]>;
}

/**
 * Evaluates a JavaScript expression in the page. A string, because the project compiles
 * without the DOM library.
 */
export function inPage<T>(page: Page, expression: string): Promise<T> {
  return page.evaluate(expression) as Promise<T>;
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS_DIR, `${name}.png`), fullPage: true });
}

/** A page at baseUrl + path in a fresh context, with console errors and page errors collected. */
export async function openPage(
  browser: Browser,
  url: string,
  width = 1100,
  height = 900,
): Promise<{ page: Page; problems: string[]; close: () => Promise<void> }> {
  const context = await browser.newContext({ viewport: { width, height } });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(e.message));
  await page.goto(url, { waitUntil: 'networkidle' });
  return { page, problems, close: () => context.close() };
}

/** Share of a canvas's pixels that are drawn (not transparent). */
export function drawnShare(page: Page, id: string): Promise<number> {
  return inPage<number>(
    page,
    `(() => { const c = document.getElementById(${JSON.stringify(id)}); const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
      let drawn = 0; for (let i = 3; i < d.length; i += 4) if (d[i] > 0) drawn++; return drawn / (d.length / 4); })()`,
  );
}
