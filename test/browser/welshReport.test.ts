/**
 * Issue 14 in Chromium: the cabinet report printed to A4 in Welsh, and bilingual (Welsh, then
 * English from a new page). Checks page counts, that the summary comes first in each language,
 * that no page but the last of each half is under a third full, that each half's charts are drawn
 * and labelled in its language, and axe on the bilingual page. PDFs and page pictures go to
 * screenshots/ (report-cy*.png, report-bilingual*.png) for a person to look at. Expected words come
 * from the catalogues, so the test holds whatever the translators' wording.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { t, type Locale, type MessageKey } from '../../src/report/messages';
import { axeViolations, drawnShare, HAS_CHROMIUM, inPage, openPage, SCREENSHOTS_DIR, withBrowserAndApp, type TestApp } from './browser';

const RUN = 'iterations=1000&seed=11';
const HAS_POPPLER = existsSync('/usr/bin/pdftoppm') && existsSync('/usr/bin/pdftotext');

/** The words of a catalogue message as pdftotext gives them (no line breaks inside). */
const words = (key: MessageKey, locale: Locale, params = {}): string => t(key, params, locale);

/** Each page's lowest printed row as a share of the page (pdftoppm -gray writes binary PGM). */
function fullnessOf(file: string, pages: number): number[] {
  return Array.from({ length: pages }, (_, i) => {
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
}

/** Each page's text, squeezed to single spaces. */
function textOf(file: string, pages: number): string[] {
  return Array.from({ length: pages }, (_, i) =>
    execFileSync('/usr/bin/pdftotext', ['-f', String(i + 1), '-l', String(i + 1), file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' '),
  );
}

/** A4's width less the report's 14 mm right margin (public/css/app.css @page), in points: nothing printed may pass it. */
const RIGHT_EDGE = 594.96 - (14 / 25.4) * 72;

/** The right edge of the rightmost word on each page, in points (pdftotext -bbox). */
function rightmostOf(file: string, pages: number): number[] {
  return Array.from({ length: pages }, (_, i) => {
    const xml = execFileSync('/usr/bin/pdftotext', ['-f', String(i + 1), '-l', String(i + 1), '-bbox', file, '-'], { encoding: 'utf8' });
    return Math.max(0, ...[...xml.matchAll(/xMax="([\d.]+)"/g)].map((m) => Number(m[1])));
  });
}

describe.skipIf(!HAS_CHROMIUM)('the cabinet report printed in Welsh and bilingual', () => {
  let browser: Browser;
  let app: TestApp;
  withBrowserAndApp(['class-central'], 1000, (started) => ({ browser, app } = started));

  /** The report at `url` as an A4 PDF, saved as screenshots/<name>.pdf with a picture of each page; its page count. */
  async function printed(url: string, name: string): Promise<{ file: string; pages: number; problems: string[] }> {
    const { page, problems, close } = await openPage(browser, app.baseUrl + url);
    await page.emulateMedia({ media: 'print' });
    await inPage(page, 'Object.values(window.Chart ? Chart.instances : {}).forEach((chart) => chart.resize())');
    const pdf = await page.pdf({ format: 'A4', printBackground: true, preferCSSPageSize: true });
    await close();
    mkdirSync(SCREENSHOTS_DIR, { recursive: true });
    const file = path.join(SCREENSHOTS_DIR, `${name}.pdf`);
    writeFileSync(file, pdf);
    if (HAS_POPPLER) execFileSync('/usr/bin/pdftoppm', ['-r', '50', '-png', file, path.join(SCREENSHOTS_DIR, `${name}-page`)]);
    return { file, pages: (pdf.toString('latin1').match(/\/Type\s*\/Page[^s]/g) ?? []).length, problems };
  }

  it('prints the Welsh report to at most 14 A4 pages, the Welsh decision summary first, no page but the last under a third full', async () => {
    const { file, pages, problems } = await printed(`/cy/scenarios/class-central/report?${RUN}`, 'report-cy');
    expect(problems).toEqual([]);
    expect(pages).toBeGreaterThanOrEqual(4);
    expect(pages).toBeLessThanOrEqual(14);
    if (!HAS_POPPLER) return;
    const text = textOf(file, pages);
    for (const key of ['report.decisionSummary', 'report.answer', 'report.optionsTable'] as const)
      expect(text[0]).toContain(words(key, 'cy'));
    expect(text.join(' ')).toContain(words('report.appendix', 'cy', { n: 6, title: t('pages.section.assumptions', {}, 'cy') }));
    for (const [i, share] of fullnessOf(file, pages).slice(0, -1).entries()) expect(share, `page ${i + 1}`).toBeGreaterThan(1 / 3);
    // No table pushed past the margin (Welsh headings and row labels are longer than English ones).
    for (const [i, right] of rightmostOf(file, pages).entries()) expect(right, `page ${i + 1}`).toBeLessThanOrEqual(RIGHT_EDGE + 1);
  }, 120_000);

  it('prints the bilingual report: Welsh, then English from a new page, each half laid out as the one-language report', async () => {
    const { file, pages, problems } = await printed(`/cy/scenarios/class-central/report?${RUN}&bilingual=1`, 'report-bilingual');
    expect(problems).toEqual([]);
    expect(pages).toBeGreaterThanOrEqual(8);
    expect(pages).toBeLessThanOrEqual(28);
    if (!HAS_POPPLER) return;
    const text = textOf(file, pages);
    expect(text[0]).toContain(words('report.decisionSummary', 'cy'));
    // The English half starts at the top of a page of its own: its summary is on that page, the Welsh half's last appendix before it.
    const englishStart = text.findIndex((page) => page.includes(words('report.decisionSummary', 'en')));
    expect(englishStart).toBeGreaterThan(2);
    expect(text[englishStart]).toContain(words('report.answer', 'en'));
    expect(text.slice(0, englishStart).join(' ')).not.toContain(words('report.decisionSummary', 'en'));
    expect(text.slice(englishStart).join(' ')).not.toContain(words('report.decisionSummary', 'cy'));
    // The Welsh half ends with its run stamp, the page before the English half.
    expect(text[englishStart - 1]).toContain(words('stamp.url', 'cy'));
    // The halves are about the same length (Welsh a little longer), and no page but each half's last is under a third full.
    expect(Math.abs(englishStart - (pages - englishStart))).toBeLessThanOrEqual(2);
    const fullness = fullnessOf(file, pages);
    for (const [i, share] of fullness.entries()) {
      if (i === englishStart - 1 || i === pages - 1) continue;
      expect(share, `page ${i + 1}`).toBeGreaterThan(1 / 3);
    }
    for (const [i, right] of rightmostOf(file, pages).entries()) expect(right, `page ${i + 1}`).toBeLessThanOrEqual(RIGHT_EDGE + 1);
  }, 180_000);

  it("draws every chart of both halves, each canvas labelled in its half's language; axe finds nothing", async () => {
    const { page, problems, close } = await openPage(browser, `${app.baseUrl}/cy/scenarios/class-central/report?${RUN}&bilingual=1`);
    expect(problems).toEqual([]);
    const canvases = await inPage<{ id: string; lang: string; label: string }[]>(
      page,
      `[...document.querySelectorAll('canvas[data-chart]')].map((canvas) => ({ id: canvas.id, lang: canvas.closest('[lang]').getAttribute('lang'), label: canvas.getAttribute('aria-labelledby').split(' ').map((id) => document.getElementById(id).textContent).join(' ') }))`,
    );
    const welsh = canvases.filter((c) => c.lang === 'cy');
    const english = canvases.filter((c) => c.lang === 'en-GB');
    expect(welsh.length).toBeGreaterThanOrEqual(3);
    expect(english.map((c) => c.id.replace(/^en-/, ''))).toEqual(welsh.map((c) => c.id.replace(/^cy-/, '')));
    // Each canvas's accessible name is its title in its own language: the halves' names differ.
    welsh.forEach((c, i) => expect(c.label, c.id).not.toBe(english[i]!.label));
    // Polled: a chart sized by its box draws once the box has its size.
    for (const c of canvases) await expect.poll(() => drawnShare(page, c.id), { message: c.id, timeout: 10_000 }).toBeGreaterThan(0.01);
    const violations = await axeViolations(page);
    expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    await page.screenshot({ path: path.join(SCREENSHOTS_DIR, 'report-bilingual-screen.png'), fullPage: true });
    await close();
  }, 120_000);
});
