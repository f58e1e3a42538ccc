/**
 * The whole tool in Welsh (issue 14), through createApp() and supertest: every page the route table
 * serves, with the bundled scenarios and AUTH=none, rendered under /cy. Each page must say
 * `lang="cy"`, link only to Welsh pages, carry a switch to the same page and query in English (whose
 * own switch leads back), and show no English catalogue text. The catalogue itself: the same keys in
 * both languages, and every counted phrase with the right plural form at 0, 1, 2, 3, 6 and 10.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type express from 'express';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cy } from '../../src/report/messages.cy';
import { en } from '../../src/report/messages.en';
import { formatNumber } from '../../src/report/format';
import { LOCALE_TAGS, t, tPlural, type Locale, type MessageKey } from '../../src/report/messages';
import { routeAccessRow } from '../../src/web/access';
import { problemClauses, problemMessage } from '../../src/report/problemWords';
import { loadScenario } from '../../src/scenario/load';
import { parseOverride } from '../../src/scenario/overrides';
import { localeOfUrl, localHref, sameUrlIn } from '../../src/web/language';
import { openDatabase } from '../../src/store/database';
import { scenarioHash } from '../../src/scenario/hash';
import { BusyError } from '../../src/run/pool';
import { TEST_CSRF, testApp } from './helpers';
import { csrfOf, nextClaims, oidcApp, oidcSettings, startProvider, type Provider } from '../auth/oidcSetup';
import { appRoutes, concrete } from './routeWalk';
import { scenarioDir } from './scenarioDir';

const BUNDLED = [
  'class-central',
  'class-cautious',
  'class-optimistic',
  'bridgend',
  'rhondda-cynon-taf',
  'merthyr-tydfil',
  'class-central-with-monitoring',
];

const EN = en as Readonly<Record<string, string>>;
const CY = cy as unknown as Record<string, string>;

/**
 * Keys whose English text may appear on a Welsh page, each with the reason. Only keys with a
 * fragment of more than two words matter here (shorter ones are never scanned).
 */
const ENGLISH_BY_DESIGN: Readonly<Record<string, string>> = {};

// ---------------------------------------------------------------------------------------------
// Reading a page

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** HTML character references as the characters they stand for. */
function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name.startsWith('#x') || name.startsWith('#X')) return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)));
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

/** Every string inside a JSON value (the charts' embedded data: titles, names, table cells). */
function stringsIn(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.flatMap(stringsIn);
  if (value !== null && typeof value === 'object') return Object.values(value).flatMap(stringsIn);
  return [];
}

/**
 * What a person reads or hears on a page: the text between tags, the attributes a screen reader
 * or the page's scripts show (aria-label, alt, title, placeholder, data-*), and the strings of the
 * embedded chart data; whitespace collapsed. A scenario file's own text (in `<code>`, `<pre>` and
 * `<textarea>`: the edit page, history, a change's `key.path=value`) is the file's, not the tool's, and is left out,
 * as is text marked `lang="en"` (the switch's "English"; a scenario's own text that has no Welsh, marked so).
 */
function readableText(html: string): string {
  const attributes = [...html.matchAll(/\s(?:aria-label|alt|title|placeholder|data-[\w-]+)="([^"]*)"/g)].map((m) => m[1] ?? '');
  const json = [...html.matchAll(/<script type="application\/json"[^>]*>([\s\S]*?)<\/script>/g)].flatMap((m) =>
    stringsIn(JSON.parse(m[1] ?? 'null')),
  );
  const body = html
    .replace(/<(script|style|textarea|code|pre)\b[\s\S]*?<\/\1>/g, ' ')
    .replace(/<(\w+)\b[^>]*\slang="en(?:-GB)?"[^>]*>[\s\S]*?<\/\1>/g, ' ')
    .replace(/<[^>]+>/g, ' ');
  return [decodeEntities(body), ...attributes.map(decodeEntities), ...json].join(' \n ').replace(/\s+/g, ' ');
}

/** A catalogue text's pieces between `{param}` placeholders, trimmed of spaces and edge punctuation. */
function fragmentsOf(template: string): string[] {
  return template
    .split(/\{\w+\}/)
    .map((piece) => piece.replace(/^[\s,.;:()–—-]+|[\s,.;:()–—-]+$/g, '').replace(/\s+/g, ' '))
    .filter((piece) => piece.split(' ').filter((word) => /\p{L}/u.test(word)).length > 2);
}

/** Every English fragment of more than two words, by key (except the keys English by design). */
function englishFragments(): { key: string; fragment: string }[] {
  return Object.entries(EN)
    .filter(([key]) => !(key in ENGLISH_BY_DESIGN))
    .flatMap(([key, template]) => fragmentsOf(template).map((fragment) => ({ key, fragment })));
}

/** The English catalogue fragments a page shows. */
function englishOn(html: string, fragments: readonly { key: string; fragment: string }[]): { key: string; fragment: string }[] {
  const text = readableText(html);
  return fragments.filter(({ fragment }) => text.includes(fragment));
}

/** Whether a site path leaves the page's language alone (static files are the same in both). */
const isStatic = (href: string): boolean => /^\/(assets|vendor|css|js)\//.test(href);

/** Internal links and form targets that do not carry /cy, except those marked hreflang="en" (the switch, the alternate). */
function englishLinks(html: string): string[] {
  const found: string[] = [];
  for (const tag of html.match(/<(a|form|link)\b[^>]*>/g) ?? []) {
    if (/\shreflang="en"/.test(tag)) continue;
    const target = /\s(?:href|action)="([^"]*)"/.exec(tag)?.[1];
    if (target === undefined || !target.startsWith('/') || target.startsWith('//') || isStatic(target)) continue;
    if (localeOfUrl(decodeEntities(target)).locale !== 'cy') found.push(decodeEntities(target));
  }
  return found;
}

/** The language switch's link on a page, or undefined. */
function switchOf(html: string): { href: string; lang: string } | undefined {
  const match = /<p class="app-language-switch" id="language-switch"><a [^>]*href="([^"]*)" lang="([^"]*)" hreflang="([^"]*)"/.exec(html);
  return match === null ? undefined : { href: decodeEntities(match[1] ?? ''), lang: match[2] ?? '' };
}

// ---------------------------------------------------------------------------------------------
// The pages

/** A real URL for a route (test/web/routeWalk.ts), a diff between revisions 1 and 2. */
function concreteUrl(routePath: string): string {
  const url = concrete(routePath);
  return url.endsWith('/diff') ? `${url}?from=1&to=2` : url;
}

interface Visited {
  url: string;
  status: number;
  html: string;
  /** The page answered a POST (its switch leads to the form, not to the same URL). */
  posted?: boolean;
  /** The app that served it, when not the main one. */
  server?: express.Express;
}

const folder = scenarioDir(BUNDLED, 200);
const db = openDatabase(':memory:');
const app: express.Express = testApp({ db }, { scenariosDir: folder.dir }).app;
const pages: Visited[] = [];
const redirects: { from: string; to: string }[] = [];
const others: { url: string; status: number; type: string }[] = [];

async function visit(url: string, server: express.Express = app): Promise<void> {
  const response = await request(server).get(url);
  const type = String(response.headers['content-type'] ?? '');
  if (response.status >= 300 && response.status < 400) redirects.push({ from: url, to: String(response.headers.location) });
  else if (type.startsWith('text/html'))
    pages.push({ url, status: response.status, html: response.text, ...(server === app ? {} : { server }) });
  else others.push({ url, status: response.status, type });
}

afterAll(() => folder.remove());

describe('the pages in Welsh', () => {
  beforeAll(async () => {
    // A sign-off (so /sign-offs/1 and its report exist) and a second revision (so there is a diff).
    const signed = await request(app)
      .post('/cy/scenarios/class-central/sign-off?iterations=200&seed=7')
      .type('form')
      .send({ paper: 'Cabinet', paperDate: '2026-03-12', _csrf: TEST_CSRF });
    redirects.push({ from: 'POST /cy/scenarios/class-central/sign-off', to: String(signed.headers.location) });
    const bundledText = readFileSync(path.join(folder.dir, 'class-central.yaml'), 'utf8');
    const saved = await request(app)
      .post(`/cy/scenarios/save?_csrf=${encodeURIComponent(TEST_CSRF)}`)
      .field('_csrf', TEST_CSRF)
      .field('action', 'save')
      .field('saveAs', 'revision')
      .field('from', 'class-central')
      .field('baseHash', scenarioHash(bundledText))
      .field('name', 'class-central')
      .field('text', bundledText.replace('value: 660546', 'value: 660547'));
    redirects.push({ from: 'POST /cy/scenarios/save', to: String(saved.headers.location) });

    // Every GET route of the app, in Welsh.
    for (const route of appRoutes(app)) {
      if (route.method !== 'GET') continue;
      await visit(`/cy${concreteUrl(route.path)}`);
    }
    // The states a route shows besides its plain page.
    const extra = [
      '/cy/nothing-here',
      '/cy/scenarios/class-central?iterations=200&seed=7&set=outcomes.effectiveness%3D0.3',
      '/cy/scenarios/class-central/what-if?iterations=200&seed=7&set=outcomes.effectiveness%3D0.3',
      '/cy/scenarios/class-central/report?iterations=200&seed=7&set=outcomes.effectiveness%3D0.3',
      '/cy/scenarios/class-central?iterations=200&seed=7&set=outcomes.effectiveness%3D2',
      '/cy/scenarios/class-central/try?grantShare=lots&grantFrom=soon',
      '/cy/scenarios/class-central/try?outcomes.effectiveness=0.3',
      '/cy/compare?a=class-central&b=class-cautious',
      '/cy/compare?a=class-central&aset=outcomes.effectiveness%3D0.3&b=class-central',
      '/cy/compare?a=nothing',
      '/cy/scenarios/class-central?saved=2',
      '/cy/scenarios/class-central/history?restored=2',
      '/cy/scenarios/class-central-with-monitoring/on-track',
      '/cy/scenarios/bridgend/budget',
      '/cy/scenarios/class-central/sign-off?iterations=200&seed=7',
      '/cy/sign-offs/1/report',
    ];
    for (const url of extra) await visit(url);
    // A run still working (the progress page), and a pool too busy to take it.
    const working = testApp({ runWaitMs: 0 }, { scenariosDir: folder.dir, analyse: () => new Promise<never>(() => undefined) }).app;
    await visit('/cy/scenarios/class-central?seed=99', working);
    const busy = testApp({}, { scenariosDir: folder.dir, analyse: () => Promise.reject(new BusyError()) }).app;
    await visit('/cy/scenarios/class-central?seed=98', busy);
    // Pages that answer a POST: a text with problems, a sign-off without its paper, a restore.
    const checked = await request(app)
      .post(`/cy/scenarios/save?_csrf=${encodeURIComponent(TEST_CSRF)}`)
      .field('_csrf', TEST_CSRF)
      .field('action', 'check')
      .field('name', 'broken')
      .field('text', 'name: broken\ncontract: 7\n');
    pages.push({ url: 'POST /cy/scenarios/save (check)', status: checked.status, html: checked.text, posted: true });
    const unsigned = await request(app)
      .post('/cy/scenarios/class-central/sign-off?iterations=200&seed=7')
      .type('form')
      .send({ paper: '', paperDate: 'soon', _csrf: TEST_CSRF });
    pages.push({ url: 'POST /cy/scenarios/class-central/sign-off?iterations=200&seed=7', status: unsigned.status, html: unsigned.text });
    const restored = await request(app)
      .post('/cy/scenarios/class-central/restore')
      .type('form')
      .send({ number: '1', baseHash: '', _csrf: TEST_CSRF });
    if (restored.status === 303)
      redirects.push({ from: 'POST /cy/scenarios/class-central/restore', to: String(restored.headers.location) });
    else pages.push({ url: 'POST /cy/scenarios/class-central/restore', status: restored.status, html: restored.text, posted: true });
    const signedOut = await request(app).post('/cy/sign-out').type('form').send({ _csrf: TEST_CSRF });
    redirects.push({ from: 'POST /cy/sign-out', to: String(signedOut.headers.location) });
  }, 300_000);

  it('walks every route of the route table', () => {
    const routes = appRoutes(app);
    expect(routes.filter((r) => routeAccessRow(r.method, r.path) === undefined)).toEqual([]);
    // Every GET route was visited; most are pages, the rest downloads, JSON or redirects.
    expect(pages.length).toBeGreaterThan(30);
    expect(others.map((o) => o.type.split(';')[0])).toEqual(expect.arrayContaining(['text/csv', 'application/json']));
    // No page fails, except the busy pool's "try again shortly" (503), which is the point of that visit.
    const failed = pages.filter((page) => page.status >= 500 && !(page.server !== undefined && page.status === 503));
    expect(failed.map((page) => `${page.url}: ${page.status}`)).toEqual([]);
  });

  it('marks every page as Welsh: <html lang="cy">, with hreflang alternates for both languages', () => {
    for (const page of pages) {
      expect(page.html, page.url).toContain('<html lang="cy"');
      expect(page.html, page.url).toMatch(/<link rel="alternate" hreflang="en" href="[^"]*">/);
      expect(page.html, page.url).toMatch(/<link rel="alternate" hreflang="cy" href="\/cy[^"]*">/);
    }
  });

  it('links only to Welsh pages, and every redirect keeps the language', () => {
    const english = pages.flatMap((page) => englishLinks(page.html).map((href) => `${page.url}: ${href}`));
    expect(english).toEqual([]);
    expect(redirects.length).toBeGreaterThan(3);
    for (const { from, to } of redirects) expect(localeOfUrl(to).locale, `${from} -> ${to}`).toBe('cy');
  });

  it('has a switch ("English", lang and hreflang en) to the same page and query, whose own switch ("Cymraeg") leads back', async () => {
    for (const page of pages.filter((p) => !p.posted && !p.url.startsWith('POST'))) {
      const link = switchOf(page.html);
      expect(link, page.url).toEqual({ href: sameUrlIn(page.url, 'en'), lang: 'en' });
      expect(page.html, page.url).toMatch(/hreflang="en" rel="alternate">English<\/a>/);
      const english = await request(page.server ?? app).get(link!.href);
      expect(english.status, link!.href).toBe(page.status);
      expect(english.text, link!.href).toContain('<html lang="en-GB"');
      expect(switchOf(english.text), link!.href).toEqual({ href: sameUrlIn(page.url, 'cy'), lang: 'cy' });
      expect(english.text).toMatch(/hreflang="cy" rel="alternate">Cymraeg<\/a>/);
    }
  }, 300_000);

  it('after a POST, switches to the form the page came from', () => {
    const checked = pages.find((p) => p.url.startsWith('POST /cy/scenarios/save'))!;
    expect(checked.status).toBe(422);
    expect(switchOf(checked.html)).toEqual({ href: '/scenarios/new', lang: 'en' });
  });

  it('shows no English catalogue text (every fragment of more than two words, by key)', () => {
    const fragments = englishFragments();
    expect(fragments.length).toBeGreaterThan(900);
    const offending = new Map<string, Set<string>>();
    for (const page of pages) {
      for (const { key, fragment } of englishOn(page.html, fragments)) {
        const where = offending.get(`${key}: "${fragment}"`) ?? new Set<string>();
        where.add(page.url);
        offending.set(`${key}: "${fragment}"`, where);
      }
    }
    const report = [...offending].map(
      ([what, where]) => `${what} on ${[...where].slice(0, 3).join(', ')}${where.size > 3 ? ` and ${where.size - 3} more` : ''}`,
    );
    expect(report).toEqual([]);
  });

  it('the scan finds English where the Welsh catalogue falls back to it (keys overridden for this test only)', async () => {
    const keys = ['home.lead', 'layout.footer.about', 'scenarios.lead'] as const;
    const kept = keys.map((key) => CY[key]);
    try {
      for (const key of keys) CY[key] = EN[key]!;
      const fragments = englishFragments();
      const home = (await request(app).get('/cy')).text;
      const list = (await request(app).get('/cy/scenarios')).text;
      expect(new Set(englishOn(home, fragments).map((f) => f.key))).toEqual(new Set(['home.lead', 'layout.footer.about']));
      expect(new Set(englishOn(list, fragments).map((f) => f.key))).toEqual(new Set(['layout.footer.about', 'scenarios.lead']));
    } finally {
      keys.forEach((key, i) => (CY[key] = kept[i]!));
    }
    expect(englishOn((await request(app).get('/cy')).text, englishFragments())).toEqual([]);
  });
});

// ---------------------------------------------------------------------------------------------
// A scenario's problems

/** The section 2 example (test/scenario/fixtures/central.yaml), made wrong one way at a time. */
const central = readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), '../scenario/fixtures/central.yaml'), 'utf8');
const r = (a: string, b: string): string => {
  if (!central.includes(a)) throw new Error(`the fixture has no ${a}`);
  return central.replace(a, b);
};
/** The central file with outcomes.breakdown_risk as `formula` and one variable `a` (0.1). */
const f = (formula: string): string => r('breakdown_risk: 0.25', `breakdown_risk: ${formula}`) + 'variables: { a: 0.1 }\n';
/** Mistakes, one or two of each form the scenario layer words (src/report/problemWords.ts). */
const MISTAKES: [string, string][] = [
  ['probability', r('breakdown_risk: 0.25', 'breakdown_risk: 1.2')],
  ['percent', r('breakdown_risk: 0.25', 'breakdown_risk: 25%')],
  ['money text', r('annual_value: 660546', 'annual_value: "£660,546"')],
  ['yes', r('process_variability: false', 'process_variability: yes')],
  ['inf', r('breakdown_risk: 0.25', 'breakdown_risk: .inf')],
  ['unknown key', r('breakdown_risk: 0.25', 'breakdown_risk: 0.25\n  efectiveness: 3')],
  ['missing', 'name: x\n'],
  ['empty', r('breakdown_risk: 0.25', 'breakdown_risk:')],
  ['list value', r('breakdown_risk: 0.25', 'breakdown_risk: [1, 2]')],
  ['yaml', 'name: "x\n'],
  ['tabs', 'name: x\ncontract:\n\tstart: 2025-01-03\n'],
  ['two documents', 'name: x\n---\nname: y\n'],
  ['duplicate', r('breakdown_risk: 0.25', 'breakdown_risk: 0.25\n  breakdown_risk: 0.3')],
  ['tag', r('breakdown_risk: 0.25', 'breakdown_risk: !foo 0.25')],
  ['dist mode', r('{ dist: pert, min: 0.1, mode: 0.25, max: 0.5 }', '{ dist: pert, min: 0.1, mode: 0.6, max: 0.5 }')],
  ['dist max', r('{ dist: pert, min: 0.1, mode: 0.25, max: 0.5 }', '{ dist: uniform, min: 0.5, max: 0.1 }')],
  ['dist name', r('{ dist: pert, min: 0.1, mode: 0.25, max: 0.5 }', '{ dist: pret, min: 0.1, mode: 0.25, max: 0.5 }')],
  ['dist normal', r('{ dist: pert, min: 0.1, mode: 0.25, max: 0.5 }', '{ dist: normal, mean: 0.3, sd: 0.2 }')],
  ['dist normal max', r('{ dist: pert, min: 0.1, mode: 0.25, max: 0.5 }', '{ dist: normal, mean: 0.9, sd: 0.2, min: 0 }')],
  ['dist lognormal', r('residential_weeks: 52', 'residential_weeks: { dist: lognormal, low: 60, high: 30 }')],
  ['dist lognormal prob', r('{ dist: pert, min: 0.1, mode: 0.25, max: 0.5 }', '{ dist: lognormal, low: 0.1, high: 0.5 }')],
  ['dist beta', r('{ dist: pert, min: 0.1, mode: 0.25, max: 0.5 }', '{ dist: beta, alpha: 0, beta: 2 }')],
  ['dist discrete', r('{ dist: pert, min: 0.1, mode: 0.25, max: 0.5 }', '{ dist: discrete, values: [0.1, 2], weights: [1] }')],
  ['dist discrete range', r('{ dist: pert, min: 0.1, mode: 0.25, max: 0.5 }', '{ dist: discrete, values: [0.1, 2] }')],
  ['dist discrete empty', r('{ dist: pert, min: 0.1, mode: 0.25, max: 0.5 }', '{ dist: discrete, values: [] }')],
  ['dist uniform range', r('{ dist: pert, min: 0.1, mode: 0.25, max: 0.5 }', '{ dist: uniform, min: -0.1, max: 0.5 }')],
  ['dist triangular above', r('{ dist: pert, min: 0.1, mode: 0.25, max: 0.5 }', '{ dist: triangular, min: 0.1, mode: 0.5, max: 1.5 }')],
  ['limit', r('residential_weekly_cost: 5631', 'residential_weekly_cost: 2000000000')],
  ['weeks limit dist', r('residential_weeks: 52', 'residential_weeks: { dist: uniform, min: 10, max: 600 }')],
  ['date', r('start: 2025-01-03', 'start: 2025-02-30')],
  ['base end', r('base_end: 2027-03-31', 'base_end: 2024-03-31')],
  ['base end far', r('base_end: 2027-03-31', 'base_end: 2077-03-31')],
  ['take', r('take: 4 }', 'take: 7 }')],
  ['max years', r('max_years: 4,', 'max_years: 2.5,')],
  ['financial year', r('{ "2027/28": 0.0 }', '{ "2027-28": 0.0 }')],
  ['shares', r('match_share: 0.697', 'match_share: 0.6')],
  ['council twice', r('name: Rest of region', 'name: Bridgend')],
  ['council dist', r('children_share: 0.35', 'children_share: { dist: pert, min: 0.3, mode: 0.35, max: 0.4 }')],
  ['council empty name', r('name: Rest of region', 'name: ""')],
  ['capacity both', r('capacity: { starts_per_year: 52 }', 'capacity: { starts_per_year: 52, caseload: 30, months_per_child: 7 }')],
  ['capacity none', r('capacity: { starts_per_year: 52 }', 'capacity: {}')],
  ['caseload only', r('capacity: { starts_per_year: 52 }', 'capacity: { caseload: 30 }')],
  ['months only', r('capacity: { starts_per_year: 52 }', 'capacity: { months_per_child: 7 }')],
  ['price', r('discount_rate: 0.035', 'discount_rate: 0.035\n  price: cahs')],
  ['formula unknown', f('"foo * 2"')],
  ['formula operator', f('"a == 0.2"')],
  ['formula logic', f('"a and 0.2"')],
  ['formula function', f('"sinh(a)"')],
  ['formula variable as function', f('"a(2)"')],
  ['formula percent', f('"25%"')],
  ['formula range', f('"a * 20"')],
  ['formula property', f('"a.b"')],
  ['formula empty', f('" "')],
  ['formula quotes', f('"\'a\'"')],
  ['formula implicit', f('"2 a"')],
  ['formula args', f('"sqrt(a, 2)"')],
  ['formula min', f('"min()"')],
  ['formula conditional', f('"a > 0 ? a : 0"')],
  ['formula two', f('"a; a"')],
  ['formula matrix', f('"[a]"')],
  ['variables bad name', central + 'variables: { 2x: 1 }\n'],
  ['variables mathjs', central + 'variables: { pi: 1 }\n'],
  ['variables formula', central + 'variables: { b: "a * 2" }\n'],
  [
    'correlation self',
    r(
      'process_variability: false }',
      'process_variability: false, correlations: [{ between: [outcomes.effectiveness, outcomes.effectiveness], rank: 0.5 }] }',
    ),
  ],
  [
    'correlation unknown',
    r(
      'process_variability: false }',
      'process_variability: false, correlations: [{ between: [outcomes.efectiveness, outcomes.effectiveness], rank: 0.5 }] }',
    ),
  ],
  [
    'correlation not uncertain',
    r(
      'process_variability: false }',
      'process_variability: false, correlations: [{ between: [outcomes.breakdown_risk, outcomes.effectiveness], rank: 0.5 }] }',
    ),
  ],
  [
    'correlation one',
    r('residential_weeks: 52', 'residential_weeks: { dist: uniform, min: 26, max: 104 }').replace(
      'process_variability: false }',
      'process_variability: false, correlations: [{ between: [outcomes.residential_weeks, outcomes.effectiveness], rank: 1 }] }',
    ),
  ],
  [
    'correlation range',
    r(
      'process_variability: false }',
      'process_variability: false, correlations: [{ between: [outcomes.effectiveness, outcomes.residential_weeks], rank: 2 }] }',
    ),
  ],
  ['sampling', r('process_variability: false }', 'process_variability: false, sampling: lhs }')],
  ['iterations', r('iterations: 10000', 'iterations: -5')],
  ['seed', r('seed: 2025', 'seed: [1]')],
  [
    'perspective',
    r('name: CLASS regional service, central case', 'name: CLASS regional service, central case\ndecision: { perspective: Bridgnd }'),
  ],
  [
    'map same',
    r(
      'name: CLASS regional service, central case',
      'name: CLASS regional service, central case\ndecision: { map: [outcomes.effectiveness, outcomes.effectiveness] }',
    ),
  ],
  [
    'map unknown',
    r(
      'name: CLASS regional service, central case',
      'name: CLASS regional service, central case\ndecision: { map: [outcomes.efectiveness, outcomes.zzz] }',
    ),
  ],
  [
    'monitoring',
    r(
      'name: CLASS regional service, central case',
      'name: CLASS regional service, central case\nmonitoring: [{ from: 2025-04-01, to: 2025-03-01, referrals: 5, starts: 4, followed_up: 2, breakdowns: 3, residential_entries: 4 }]',
    ),
  ],
  ['sources', r('sources: [ "Bridgend cabinet report, 23 July 2024" ]', 'sources: 3')],
  ['name long', r('name: CLASS regional service, central case', `name: ${'x'.repeat(300)}`)],
  ['not a key', r('breakdown_risk: 0.25', 'breakdown_risk: 0.25\n  ? [a]\n  : 1')],
  [
    'schedule',
    r(
      'external_share_by_year: { "2027/28": 0.0 }',
      'schedule: [{ from: 2025-01-01, to: 2024-01-01, external_share: 0.9 }]\n  external_share_by_year: { "2027/28": 0.0 }',
    ),
  ],
  [
    'schedule unused',
    r('external_share_by_year: { "2027/28": 0.0 }', 'schedule: [{ from: 2040-01-01, to: 2041-01-01, external_share: 0.9 }]'),
  ],
  ['bidi', r('name: CLASS regional service, central case', 'name: "CLASS \\u202e central"')],
  [
    'map not uncertain',
    r(
      'name: CLASS regional service, central case',
      'name: CLASS regional service, central case\ndecision: { map: [outcomes.breakdown_risk, outcomes.effectiveness] }',
    ),
  ],
  ['top-level list', '- 1\n- 2\n'],
  ['welsh name', r('name: CLASS regional service, central case', 'name: { en: 1, cy: x }')],
];

/** Changes as a link or --set writes them, wrong in each way parseOverride words. */
const WRONG_CHANGES = ['x', '=3', 'outcomes.effectiveness=', 'outcomes.effectiveness=[', 'a b=3'];

describe("a scenario's problems in Welsh", () => {
  it('words every problem of a corpus of mistakes in Welsh, every clause', () => {
    const messages = new Set<string>();
    for (const [name, text] of MISTAKES) {
      const loaded = loadScenario(text, `${name}.yaml`);
      const problems = loaded.ok ? loaded.scenario.warnings : loaded.problems;
      expect(problems.length, `${name} gives no problem`).toBeGreaterThan(0);
      for (const problem of problems) messages.add(problem.message);
    }
    for (const change of WRONG_CHANGES) {
      const problem = parseOverride(change);
      if (typeof problem === 'string') messages.add(problem);
    }
    expect(messages.size).toBeGreaterThan(80);
    const unworded = [...messages].flatMap((message) =>
      problemClauses(message, 'cy')
        .filter((clause) => !clause.worded)
        .map((clause) => `${clause.text} (in: ${message})`),
    );
    expect(unworded).toEqual([]);
  });

  it('words the forms as a Welsh reader expects (checked by hand against the catalogue)', () => {
    expect(problemMessage('expected a probability between 0 and 1, got "25%"; write 0.25, not 25%', 'cy')).toBe(
      'disgwyliwyd tebygolrwydd rhwng 0 ac 1, cafwyd "25%"; ysgrifennwch 0.25, nid 25%',
    );
    expect(problemMessage('required key is missing; expected a mapping with start, base_end and annual_value', 'cy')).toBe(
      'mae allwedd ofynnol ar goll; disgwyliwyd mapiad gyda start, base_end ac annual_value',
    );
    expect(problemMessage('expected an amount in pounds, 0 or more, at most 1,000,000,000, got 2000000000', 'cy')).toBe(
      'disgwyliwyd swm mewn punnoedd, 0 neu fwy, 1,000,000,000 ar y mwyaf, cafwyd 2000000000',
    );
    expect(problemMessage('unknown key `efectiveness`; did you mean `effectiveness`?', 'cy')).toBe(
      'allwedd anhysbys `efectiveness`; ai `effectiveness` oedd dan sylw?',
    );
    // English is the scenario layer's own text; a clause no entry knows stays as written.
    expect(problemMessage('expected a probability between 0 and 1, got 1.2', 'en')).toBe('expected a probability between 0 and 1, got 1.2');
    expect(problemClauses('something new; expected a number, got 2', 'cy')).toEqual([
      { text: 'something new', worded: false, separator: '; ' },
      { text: 'disgwyliwyd rhif, cafwyd 2', worded: true, separator: '' },
    ]);
  });

  it('shows them in Welsh on the Welsh pages: the edit page after a check, and a link with a wrong change', async () => {
    const checked = await request(app)
      .post(`/cy/scenarios/save?_csrf=${encodeURIComponent(TEST_CSRF)}`)
      .field('_csrf', TEST_CSRF)
      .field('action', 'check')
      .field('name', 'broken')
      .field('text', r('breakdown_risk: 0.25', 'breakdown_risk: 25%'));
    expect(checked.status).toBe(422);
    expect(checked.text).toContain('disgwyliwyd tebygolrwydd rhwng 0 ac 1, cafwyd &#34;25%&#34;; ysgrifennwch 0.25, nid 25%');
    const wrong = await request(app).get('/cy/scenarios/class-central?set=outcomes.effectiveness%3D2');
    expect(wrong.status).toBe(422);
    expect(decodeEntities(wrong.text)).toContain('disgwyliwyd tebygolrwydd rhwng 0 ac 1, cafwyd 2');
    const english = await request(app).get('/scenarios/class-central?set=outcomes.effectiveness%3D2');
    expect(decodeEntities(english.text)).toContain('expected a probability between 0 and 1, got 2');
  });
});

describe('signing in from a Welsh page (AUTH=oidc, a real provider on loopback)', () => {
  let provider: Provider;
  let oidc: express.Express;
  beforeAll(async () => {
    provider = await startProvider();
    oidc = oidcApp(oidcSettings([{ council: 'bridgend', issuer: provider.issuer }]), folder.dir).app;
  });
  afterAll(async () => {
    await provider.stop();
  });

  it('sends a Welsh page to the Welsh sign-in page, and back to the Welsh page after signing in', async () => {
    const asked = await request(oidc).get('/cy/glossary?x=1');
    expect(asked.status).toBe(303);
    expect(asked.headers.location).toBe('/cy/sign-in?returnTo=%2Fcy%2Fglossary%3Fx%3D1');
    const signInPage = await request(oidc).get(asked.headers.location!);
    expect(signInPage.text).toContain('<html lang="cy"');
    expect(englishLinks(signInPage.text)).toEqual([]);
    expect(englishOn(signInPage.text, englishFragments())).toEqual([]);
    const start = /href="(\/cy\/sign-in\/bridgend\?[^"]*)"/.exec(signInPage.text)?.[1];
    expect(start).toBe('/cy/sign-in/bridgend?returnTo=%2Fcy%2Fglossary%3Fx%3D1');

    const agent = request.agent(oidc);
    const toDirectory = await agent.get(decodeEntities(start!));
    nextClaims(provider, { sub: 'welsh-viewer', name: 'Gwyneth', roles: ['viewer'] });
    const authorise = await fetch(toDirectory.headers.location!, { redirect: 'manual' });
    const back = new URL(authorise.headers.get('location')!);
    const callback = await agent.get(`${back.pathname}${back.search}`);
    expect(callback.status).toBe(303);
    expect(callback.headers.location).toBe('/cy/glossary?x=1');
    const list = await agent.get('/cy/glossary?x=1');
    expect(list.text).toContain('<html lang="cy"');
    expect(englishLinks(list.text)).toEqual([]);

    const signedOut = await agent
      .post('/cy/sign-out')
      .type('form')
      .send({ _csrf: csrfOf(list.text) });
    expect(signedOut.status).toBe(303);
    // To the directory's sign-out, which returns to the Welsh sign-in page (or straight there).
    const location = String(signedOut.headers.location);
    const returnsTo = location.startsWith('/') ? location : new URL(location).searchParams.get('post_logout_redirect_uri');
    expect(returnsTo).toMatch(/\/cy\/sign-in\?signedOut=1$/);
  }, 60_000);

  it('refuses in Welsh (401 for a form posted without signing in)', async () => {
    const refused = await request(oidc).post('/cy/scenarios/save').type('form').send({});
    expect(refused.status).toBe(401);
    expect(refused.text).toContain('<html lang="cy"');
    expect(englishOn(refused.text, englishFragments())).toEqual([]);
  });
});

describe('the pieces', () => {
  it('reads the language from the path and writes links in it', () => {
    expect(localeOfUrl('/cy')).toEqual({ locale: 'cy', url: '/' });
    expect(localeOfUrl('/cy?a=1')).toEqual({ locale: 'cy', url: '/?a=1' });
    expect(localeOfUrl('/cy/scenarios/x?a=1')).toEqual({ locale: 'cy', url: '/scenarios/x?a=1' });
    expect(localeOfUrl('/cymraeg')).toEqual({ locale: 'en', url: '/cymraeg' });
    expect(localHref('/', 'cy')).toBe('/cy');
    expect(localHref('/?a=1', 'cy')).toBe('/cy?a=1');
    expect(localHref('/glossary#npv', 'cy')).toBe('/cy/glossary#npv');
    expect(localHref('/cy/glossary', 'cy')).toBe('/cy/glossary');
    expect(localHref('/css/app.css', 'cy')).toBe('/css/app.css');
    expect(localHref('https://example.org/', 'cy')).toBe('https://example.org/');
    expect(localHref('/scenarios', 'en')).toBe('/scenarios');
    expect(sameUrlIn('/cy/compare?a=x&b=y', 'en')).toBe('/compare?a=x&b=y');
    expect(sameUrlIn('/', 'cy')).toBe('/cy');
  });

  it('serves static files the same under both languages and answers /cy itself (not a redirect to /cy/)', async () => {
    expect((await request(app).get('/cy')).status).toBe(200);
    expect((await request(app).get('/cy/')).status).toBe(200);
    expect((await request(app).get('/css/app.css')).status).toBe(200);
  });
});

describe('the catalogue', () => {
  const countedBases = Object.keys(EN)
    .filter((key) => key.endsWith('.one') && `${key.slice(0, -4)}.other` in EN)
    .map((key) => key.slice(0, -4));
  const WELSH_ONLY_FORMS = ['zero', 'two', 'few', 'many'];

  it('has the same keys in Welsh and English (Welsh adds .zero, .two, .few and .many only to counted phrases)', () => {
    const missing = Object.keys(EN).filter((key) => !(key in CY));
    const unused = Object.keys(CY).filter((key) => {
      if (key in EN) return false;
      const at = key.lastIndexOf('.');
      return !(WELSH_ONLY_FORMS.includes(key.slice(at + 1)) && countedBases.includes(key.slice(0, at)));
    });
    expect(missing).toEqual([]);
    expect(unused).toEqual([]);
  });

  it('has every plural form Welsh needs for each counted phrase', () => {
    const lacking = countedBases.flatMap((base) =>
      ['zero', 'one', 'two', 'few', 'many', 'other'].filter((form) => !(`${base}.${form}` in CY)).map((form) => `${base}.${form}`),
    );
    expect(countedBases.length).toBeGreaterThan(15);
    expect(lacking).toEqual([]);
  });

  /** Values for a template's other parameters, so only {count} varies. */
  const otherParams = (base: string): Record<string, string> =>
    Object.fromEntries(
      [...`${EN[`${base}.one`]} ${EN[`${base}.other`]}`.matchAll(/\{(\w+)\}/g)]
        .filter((m) => m[1] !== 'count')
        .map((m) => [m[1]!, `«${m[1]}»`]),
    );

  for (const locale of ['en', 'cy'] as const satisfies readonly Locale[]) {
    it(`chooses the right plural form at 0, 1, 2, 3, 6 and 10, with the number, for every counted phrase (${locale})`, () => {
      const catalogue = locale === 'cy' ? CY : EN;
      const rules = new Intl.PluralRules(LOCALE_TAGS[locale]);
      const problems: string[] = [];
      for (const base of countedBases) {
        const params = otherParams(base);
        for (const count of [0, 1, 2, 3, 6, 10]) {
          const form = rules.select(count);
          const key = `${base}.${form}` in catalogue ? `${base}.${form}` : `${base}.other`;
          if (locale === 'cy' && key !== `${base}.${form}`) problems.push(`${base} at ${count}: no .${form}`);
          const text = tPlural(base, count, params, locale);
          if (text !== t(key as MessageKey, { count: formatNumber(count, 0, locale), ...params }, locale))
            problems.push(`${base} at ${count}: not the .${form} form`);
          // Zero, one and two may be words ("Dim", "un", "one extension year"); the rest show the figure.
          if (catalogue[key]!.includes('{count}') && !text.includes(formatNumber(count, 0, locale)))
            problems.push(`${base} at ${count}: no figure`);
          if (count >= 3 && EN[`${base}.other`]!.includes('{count}') && !catalogue[key]!.includes('{count}'))
            problems.push(`${base} at ${count}: the figure is missing from .${form}`);
        }
      }
      expect(problems).toEqual([]);
    });
  }

  it('words the counts as a Welsh reader expects (worked by hand from the catalogue and Intl.PluralRules("cy"))', () => {
    // cy: 0 zero, 1 one, 2 two, 3 few, 6 many, 10 other; the noun stays singular after a number, mutated.
    expect(tPlural('option.years', 1, {}, 'cy')).toBe('1 flwyddyn estyn');
    expect(tPlural('option.years', 2, {}, 'cy')).toBe('2 flynedd estyn');
    expect(tPlural('option.years', 3, {}, 'cy')).toBe('3 blynedd estyn');
    expect(tPlural('option.years', 6, {}, 'cy')).toBe('6 blynedd estyn');
    expect(tPlural('option.years', 10, {}, 'cy')).toBe('10 o flynyddoedd estyn');
    expect(tPlural('scenarios.problems', 3, {}, 'cy')).toBe('Mae 3 problem yn y ffeil hon.');
    expect(tPlural('scenarios.problems', 6, {}, 'cy')).toBe('Mae 6 phroblem yn y ffeil hon.');
    expect(tPlural('option.years', 2, {}, 'en')).toBe('2 extension years');
    expect(tPlural('scenarios.count', 1, {}, 'en')).toBe('1 scenario is available.');
  });
});
