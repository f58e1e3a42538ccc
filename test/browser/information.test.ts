/**
 * The monitoring and value-of-information sections in Chromium with real worker threads: the
 * tracker and EVPPI charts draw, the markers' shapes differ by where a count falls, no axe
 * violations on the page or the cabinet report, and screenshots to look at.
 */
import { describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import path from 'node:path';
import {
  drawnShare,
  openPage,
  HAS_CHROMIUM,
  SCREENSHOTS_DIR,
  axeViolations,
  inPage,
  screenshot,
  withBrowserAndApp,
  type TestApp,
} from './browser';

describe.skipIf(!HAS_CHROMIUM)('monitoring and value of information in Chromium', () => {
  let browser: Browser;
  let app: TestApp;
  withBrowserAndApp(['class-central-with-monitoring', 'class-central'], 2000, (started) => ({ browser, app } = started));

  const open = (path: string, width = 1100): ReturnType<typeof openPage> => openPage(browser, app.baseUrl + path, width);

  const NEW_CHARTS = ['chart-tracker-referrals', 'chart-tracker-breakdowns', 'chart-tracker-residentialEntries', 'chart-evppi'];

  it('draws the tracker and EVPPI charts on their sub-pages, with shaped markers, no console errors and no axe violations', async () => {
    const onTrack = await open('/scenarios/class-central-with-monitoring/on-track?iterations=2000&seed=11');
    for (const id of NEW_CHARTS.slice(0, 3)) expect(await drawnShare(onTrack.page, id), id).toBeGreaterThan(0.01);
    // Each reported count is a marker whose shape, not only colour, says where it falls.
    const styles = await inPage<string[]>(
      onTrack.page,
      `Chart.getChart('chart-tracker-referrals').data.datasets.map((d) => (d.type || 'bar') + ':' + (d.pointStyle || ''))`,
    );
    expect(styles).toContain('line:circle');
    expect(styles[0]).toBe('bar:');
    expect(await onTrack.page.locator('#tracking-status').textContent()).toMatch(
      /^The service is running (ahead of|in line with|behind) the business case|^The counts so far are mixed/,
    );
    expect(await axeViolations(onTrack.page)).toEqual([]);
    expect(onTrack.problems).toEqual([]);
    await screenshot(onTrack.page, 'scenario-on-track');
    await onTrack.page.locator('#chart-tracker-referrals-figure').screenshot({ path: path.join(SCREENSHOTS_DIR, 'tracker-referrals.png') });
    await onTrack.close();

    const { page, problems, close } = await open('/scenarios/class-central-with-monitoring/what-matters?iterations=2000&seed=11');
    expect(await drawnShare(page, 'chart-evppi')).toBeGreaterThan(0.01);
    expect(await page.locator('#wait-verdict').textContent()).toMatch(/one-year extension/);
    // The link to the tornado lands on it.
    await page.click('#tornado-link');
    expect(await inPage<string>(page, 'location.hash')).toBe('#chart-tornado-figure');
    expect(await axeViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await screenshot(page, 'scenario-what-matters');
    await page.locator('#chart-evppi-figure').screenshot({ path: path.join(SCREENSHOTS_DIR, 'evppi.png') });
    await close();
  });

  it('draws them in the cabinet report too, readable on a narrow screen, with no axe violations', async () => {
    const { page, problems, close } = await open('/scenarios/class-central-with-monitoring/report?iterations=2000&seed=11', 400);
    for (const id of NEW_CHARTS) expect(await drawnShare(page, id), id).toBeGreaterThan(0.01);
    expect(await axeViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await screenshot(page, 'report-monitoring-narrow');
    await close();
  });

  it('without monitoring counts: no tracker, but the value of information chart draws', async () => {
    const onTrack = await open('/scenarios/class-central/on-track?iterations=2000&seed=11');
    expect(await onTrack.page.locator('canvas[id^="chart-tracker"]').count()).toBe(0);
    expect(await onTrack.page.locator('#tracking-none').isVisible()).toBe(true);
    await onTrack.close();
    const { page, problems, close } = await open('/scenarios/class-central/what-matters?iterations=2000&seed=11');
    expect(await drawnShare(page, 'chart-evppi')).toBeGreaterThan(0.01);
    expect(await axeViolations(page)).toEqual([]);
    expect(problems).toEqual([]);
    await close();
  });
});
