/**
 * The cabinet report in Welsh, and bilingual (`bilingual=1`): Welsh first, then English, in one
 * document; each half in an element with its own lang, its text, charts' data and charts'
 * alternative text (the title and summary a canvas is labelled by) in that half's language; no id
 * used twice and every label pointing within its own half. Expected words come from the
 * catalogues (`t(key, params, locale)`), so the tests hold whatever the translators' wording.
 */
import request from 'supertest';
import { afterAll, describe, expect, it } from 'vitest';
import { t, type Locale, type MessageKey } from '../../src/report/messages';
import { openDatabase } from '../../src/store/database';
import { TEST_CSRF, testApp } from './helpers';
import { scenarioDir } from './scenarioDir';

const folder = scenarioDir(['class-central']);
afterAll(() => folder.remove());
const app = testApp({}, { scenariosDir: folder.dir }).app;
const RUN = 'iterations=300&seed=7';

/** Text as it appears in the HTML (the views escape & < > " '). */
function escaped(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&#34;').replace(/'/g, '&#39;');
}
const said = (key: MessageKey, locale: Locale, params = {}): string => escaped(t(key, params, locale));

/** The two halves of a bilingual page: each one's opening tag and its HTML up to the next half (or the report's scripts). */
function halvesOf(html: string): { tag: string; html: string }[] {
  const starts = [...html.matchAll(/<div class="app-report-half"[^>]*>/g)];
  const end = html.indexOf('<script src="/vendor/chart.umd.js">');
  return starts.map((start, i) => ({ tag: start[0], html: html.slice(start.index, starts[i + 1]?.index ?? end) }));
}

const idsIn = (html: string): string[] => [...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!);

describe('the cabinet report in Welsh', () => {
  it('is in Welsh under /cy/, with a link to the bilingual version of the same run', async () => {
    const response = await request(app).get(`/cy/scenarios/class-central/report?${RUN}`);
    expect(response.status).toBe(200);
    expect(response.text).toMatch(/<html[^>]*lang="cy"/);
    expect(response.text).toContain(said('report.answer', 'cy'));
    expect(response.text).toContain(said('report.decisionSummary', 'cy'));
    expect(response.text).not.toContain(`>${said('report.answer', 'en')}<`);
    const link = /<a [^>]*id="report-languages" href="([^"]+)"/.exec(response.text);
    expect(link?.[1]).toMatch(/^\/cy\/scenarios\/class-central\/report\?.*seed=7.*&amp;bilingual=1$/);
    // One language: no halves, the ids as they always were.
    expect(halvesOf(response.text)).toEqual([]);
    expect(response.text).toContain('id="summary-headline-region"');
    const ids = idsIn(response.text);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  }, 60_000);
});

describe('the bilingual cabinet report', () => {
  let html = '';

  it('is one document, Welsh first then English, each half with its own lang', async () => {
    const response = await request(app).get(`/cy/scenarios/class-central/report?${RUN}&bilingual=1`);
    expect(response.status).toBe(200);
    html = response.text;
    const [welsh, english, ...more] = halvesOf(html);
    expect(more).toEqual([]);
    expect(welsh!.tag).toContain('lang="cy"');
    expect(english!.tag).toContain('lang="en-GB"');
    expect(welsh!.html).toContain(said('report.answer', 'cy'));
    expect(welsh!.html).toContain(said('report.appendix', 'cy', { n: 1, title: t('pages.section.options', {}, 'cy') }));
    expect(english!.html).toContain(said('report.answer', 'en'));
    expect(english!.html).toContain(said('report.appendix', 'en', { n: 1, title: t('pages.section.options', {}, 'en') }));
    // The Welsh catalogue differs from the English here, so each half shows only its own.
    expect(t('report.answer', {}, 'cy')).not.toBe(t('report.answer', {}, 'en'));
    expect(english!.html).not.toContain(`>${said('report.answer', 'cy')}<`);
    expect(welsh!.html).not.toContain(`>${said('report.answer', 'en')}<`);
    // Each half's run link is the permalink in its own language.
    expect(welsh!.html).toMatch(/class="govuk-link app-link-print" href="http:\/\/[^"]+\/cy\/scenarios\/class-central\?/);
    expect(english!.html).toMatch(/class="govuk-link app-link-print" href="http:\/\/[^/"]+\/scenarios\/class-central\?/);
    // The link back to one language.
    expect(html).toContain(said('report.oneLanguage', 'cy'));
  }, 60_000);

  it('uses no id twice, and every label and description points within its own half', () => {
    const ids = idsIn(html);
    const repeated = ids.filter((id, i) => ids.indexOf(id) !== i);
    expect(repeated).toEqual([]);
    for (const half of halvesOf(html)) {
      const own = new Set(idsIn(half.html));
      const prefix = /lang="cy"/.test(half.tag) ? 'cy-' : 'en-';
      expect([...own].every((id) => id.startsWith(prefix) || id === `report-${prefix.slice(0, 2)}`)).toBe(true);
      const references = [...half.html.matchAll(/\s(?:aria-labelledby|aria-describedby)="([^"]+)"/g)].flatMap((m) => m[1]!.split(' '));
      expect(references.length).toBeGreaterThan(5);
      expect(references.filter((id) => !own.has(id))).toEqual([]);
    }
  });

  it("draws each half's charts from its own data, titled and described in its language", () => {
    for (const [half, locale] of halvesOf(html).map((h, i) => [h, (['cy', 'en'] as const)[i]!] as const)) {
      const data = /<script type="application\/json" class="app-chart-data" id="[^"]+">([\s\S]*?)<\/script>/.exec(half.html);
      expect(data, locale).not.toBeNull();
      const bundle = JSON.parse(data![1]!) as { words: { pounds: string }; charts: { id: string; title: string; summary: string }[] };
      expect(bundle.words.pounds).toBe(t('chart.axis.pounds', {}, locale));
      // The report's charts (fan, histogram, councils, tornado): a canvas labelled by its title, described by its summary.
      const canvases = [
        ...half.html.matchAll(/<canvas id="([^"]+)" data-chart="([^"]+)" role="img" aria-labelledby="([^"]+)" aria-describedby="([^"]+)"/g),
      ];
      expect(canvases.length, locale).toBeGreaterThanOrEqual(3);
      for (const [, , chartId, titleId, summaryId] of canvases) {
        const spec = bundle.charts.find((c) => c.id === chartId)!;
        expect(spec, chartId).toBeDefined();
        expect(half.html).toContain(`id="${titleId}">${escaped(spec.title)}<`);
        expect(half.html).toContain(`id="${summaryId}">${escaped(spec.summary)}<`);
      }
    }
    const titles = halvesOf(html).map((half) => /id="(?:cy|en)-chart-fan-title">([^<]+)</.exec(half.html)?.[1]);
    expect(titles[0]).toBeDefined();
    expect(titles[0]).not.toBe(titles[1]);
  });

  it('is Welsh first from an English page too', async () => {
    const response = await request(app).get(`/scenarios/class-central/report?${RUN}&bilingual=1`);
    expect(response.status).toBe(200);
    expect(response.text).toMatch(/<html[^>]*lang="en-GB"/);
    expect(halvesOf(response.text).map((half) => /lang="([^"]+)"/.exec(half.tag)?.[1])).toEqual(['cy', 'en-GB']);
    expect(response.text).toContain(said('report.oneLanguage', 'en'));
  }, 60_000);
});

describe('the bilingual report of a sign-off', () => {
  const signFolder = scenarioDir(['class-central']);
  afterAll(() => signFolder.remove());
  const signApp = testApp({ db: openDatabase(':memory:') }, { scenariosDir: signFolder.dir }).app;

  it('says "signed off" in each half in its own language, from the stored figures', async () => {
    const signed = await request(signApp)
      .post(`/scenarios/class-central/sign-off?${RUN}`)
      .type('form')
      .send({ paper: 'Cabinet', paperDate: '2026-03-12', _csrf: TEST_CSRF });
    expect(signed.status).toBe(303);
    const id = /\/sign-offs\/(\d+)/.exec(String(signed.headers.location))?.[1];
    expect(id).toBeDefined();
    const response = await request(signApp).get(`/cy/sign-offs/${id}/report?bilingual=1`);
    expect(response.status).toBe(200);
    const [welsh, english] = halvesOf(response.text);
    expect(welsh!.tag).toContain('lang="cy"');
    expect(english!.tag).toContain('lang="en-GB"');
    // The stamp's label for the sign-off, and the report's own heading, in each half's language.
    expect(welsh!.html).toContain(said('stamp.signOff', 'cy'));
    expect(english!.html).toContain(said('stamp.signOff', 'en'));
    expect(welsh!.html).toContain(said('report.answer', 'cy'));
    expect(english!.html).toContain(said('report.answer', 'en'));
    // Each half's run link is the sign-off's page in its language.
    expect(welsh!.html).toMatch(new RegExp(`href="http://[^"]+/cy/sign-offs/${id}"`));
    expect(english!.html).toMatch(new RegExp(`href="http://[^/"]+/sign-offs/${id}"`));
  }, 60_000);
});
