/**
 * Hostile requests: path traversal in scenario names (fixed cases and random ones), oversize and
 * malformed bodies and query strings, XSS through a scenario's name, description, sources and
 * council names (chart labels), cross-site posts, formula injection in the CSV and Excel exports,
 * and the security headers on every kind of response.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import fc from 'fast-check';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEST_CSRF, testApp, binaryBody } from '../web/helpers';

/** RFC 4180 cells: quoted fields may hold commas, quotes ("") and line breaks. */
function csvCells(text: string): string[] {
  const cells: string[] = [];
  const pattern = /("(?:[^"]|"")*"|[^,\r\n]*)(,|\r?\n|$)/g;
  let match: RegExpExecArray | null;
  while ((match = pattern.exec(text)) !== null && match[0] !== '') {
    const cell = match[1]!;
    cells.push(cell.startsWith('"') ? cell.slice(1, -1).replace(/""/g, '"') : cell);
  }
  return cells;
}

const CENTRAL = readFileSync(new URL('../scenario/fixtures/central.yaml', import.meta.url), 'utf8').replace(
  'iterations: 10000',
  'iterations: 200',
);
const SECRET = 'TOP-SECRET-MARKER-7f3a';

// root/secret.yaml and root/etc/passwd.yaml sit outside the scenario folder root/scenarios.
const root = mkdtempSync(path.join(tmpdir(), 'traversal-'));
const dir = path.join(root, 'scenarios');
mkdirSync(dir);
mkdirSync(path.join(root, 'etc'));
const secretText = CENTRAL.replace('name: CLASS regional service, central case', `name: ${SECRET}`);
writeFileSync(path.join(root, 'secret.yaml'), secretText);
writeFileSync(path.join(root, 'etc', 'passwd.yaml'), secretText);
writeFileSync(path.join(dir, 'good.yaml'), CENTRAL);

const XSS = {
  name: '<script>alert(1)</script>',
  description: '<img src=x onerror=alert(2)> & "quotes" \'too\'',
  source: 'javascript:alert(3)</script><!--',
  council: '</script><!--<script>alert(4)//',
};
const FORMULAS = { name: '=HYPERLINK("http://evil.example","x")', council: "@SUM(1+1)*cmd|' /C calc'!A0", source: '+1+cmd', other: '-2+3' };
writeFileSync(
  path.join(dir, 'xss.yaml'),
  CENTRAL.replace('name: CLASS regional service, central case', `name: ${JSON.stringify(XSS.name)}`)
    .replace('description: Free text shown on the scenario page.', `description: ${JSON.stringify(XSS.description)}`)
    .replace('sources: [ "Bridgend cabinet report, 23 July 2024" ]', `sources: [ ${JSON.stringify(XSS.source)} ]`)
    .replace('name: Bridgend,', `name: ${JSON.stringify(XSS.council)},`),
);
writeFileSync(
  path.join(dir, 'formulas.yaml'),
  CENTRAL.replace('name: CLASS regional service, central case', `name: ${JSON.stringify(FORMULAS.name)}`)
    .replace('sources: [ "Bridgend cabinet report, 23 July 2024" ]', `sources: [ ${JSON.stringify(FORMULAS.source)} ]`)
    .replace('name: Bridgend,', `name: ${JSON.stringify(FORMULAS.council)},`)
    .replace('name: Rest of region,', `name: ${JSON.stringify(FORMULAS.other)},`),
);
afterAll(() => rmSync(root, { recursive: true, force: true }));

const { app, services } = testApp({}, { scenariosDir: dir });

/** A raw GET (no client-side normalising of the path), against a listening server. */
let port = 0;
let server: http.Server;
beforeAll(async () => {
  server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  port = (server.address() as AddressInfo).port;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

function rawGet(rawPath: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.get({ host: '127.0.0.1', port, path: rawPath, headers: { Host: 'localhost' } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
  });
}

function decodedOrRaw(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

const TRAVERSALS = [
  '..%2fsecret',
  '%2e%2e%2fsecret',
  '%2e%2e/secret',
  '..%252fsecret',
  '....%2f%2fsecret',
  '..%5csecret',
  '..\\secret',
  '%2fetc%2fpasswd',
  '%2Fetc%2Fpasswd.yaml',
  'C:%5cWindows%5cwin.ini',
  'good%00',
  'good%00.yaml',
  'secret%00good',
  '%c0%ae%c0%ae%c0%afsecret',
  '%ef%bc%8e%ef%bc%8e%ef%bc%8fsecret',
  'GOOD',
  'good.yaml',
  '.good',
  '.',
  '%20good',
];
const ROUTES = [
  '/scenarios/NAME',
  '/scenarios/NAME/edit',
  '/scenarios/NAME/results.csv',
  '/scenarios/NAME/report',
  '/api/scenarios/NAME/results',
  '/scenarios/new?from=NAME',
  '/compare?a=NAME&b=good',
];

describe('path traversal in scenario names', () => {
  it.each(TRAVERSALS)('%s: never answered with a file outside the folder', async (name) => {
    for (const route of ROUTES) {
      const response = await rawGet(route.replace('NAME', name));
      expect(response.body, route).not.toContain(SECRET);
      if (!route.includes('?')) expect([400, 404], `${route} ${name}`).toContain(response.status);
    }
  });

  it.each(['..', '%2e%2e'])('%s alone: static files redirect within the site at most', async (name) => {
    for (const route of ROUTES.filter((r) => !r.includes('?'))) {
      const response = await rawGet(route.replace('NAME', name));
      expect(response.body).not.toContain(SECRET);
      expect([301, 400, 404]).toContain(response.status);
    }
  });

  it("traversal in the upload form's name is refused, and nothing is written outside the folder", async () => {
    for (const name of ['../evil', '..\\evil', '/tmp/evil', 'evil\u0000', '%2e%2e%2fevil', 'ｅｖｉｌ', 'a/b']) {
      const response = await request(app)
        .post('/scenarios/save')
        .type('form')
        .send({ name, text: CENTRAL, action: 'save', _csrf: TEST_CSRF });
      expect(response.status).toBe(422);
      expect(response.text).toContain('Enter a file name of lower-case letters');
    }
    expect(readdirSync(root).sort()).toEqual(['etc', 'scenarios', 'secret.yaml']);
  });

  it('random names never escape the scenario folder (fast-check)', async () => {
    const piece = fc.constantFrom(
      '..',
      '.',
      '/',
      '\\',
      '%2e',
      '%2f',
      '%5c',
      '%00',
      '%25',
      '%c0%ae',
      'secret',
      'etc',
      'passwd',
      '.yaml',
      'good',
      '~',
      ':',
      'C:',
      '%20',
      '%e2%80%a8',
      'scenarios',
    );
    await fc.assert(
      fc.asyncProperty(fc.array(piece, { minLength: 1, maxLength: 8 }), fc.constantFrom(...ROUTES), async (pieces, route) => {
        const name = pieces.join('');
        const response = await rawGet(route.replace('NAME', name));
        expect(response.body).not.toContain(SECRET);
        // Only the exact name of a file in the folder is ever found.
        if (response.status === 200 && !route.includes('?')) expect(decodedOrRaw(name)).toBe('good');
      }),
      { numRuns: 150 },
    );
  });

  it('static files do not leave public/', async () => {
    for (const attempt of [
      '/..%2fpackage.json',
      '/%2e%2e/%2e%2e/etc/passwd',
      '/js/..%2f..%2fpackage.json',
      '/assets/..%2f..%2f..%2fpackage.json',
      '/vendor/..%2f..%2fpackage.json',
    ]) {
      const response = await rawGet(attempt);
      expect(response.body, attempt).not.toContain('"devDependencies"');
      expect([400, 403, 404], attempt).toContain(response.status);
    }
  });
});

describe('oversize and malformed requests', () => {
  it('a form body over the limit gets the "too large" page (413)', async () => {
    const response = await request(app)
      .post('/scenarios/save')
      .type('form')
      .send({ name: 'big', text: 'x'.repeat(300 * 1024), action: 'check' });
    expect(response.status).toBe(413);
    expect(response.text).toContain('The data sent was too large');
  });

  it('a JSON body over the limit on an API path is a 413 in JSON', async () => {
    const response = await request(app)
      .post('/api/scenarios')
      .set('Content-Type', 'application/json')
      .send(`{"a":"${'x'.repeat(300 * 1024)}"}`);
    expect(response.status).toBe(413);
    expect(response.body.error).toBe('too large');
  });

  it.each([
    ['repeated fields', 'name=a&name=b&text=x&text=y&action=check&action=save'],
    ['nested-looking fields', 'name[__proto__][x]=1&text[]=a&action[toString]=save'],
    ['bad percent-encoding', 'name=%ZZ&text=%E0%A4%A&action=check'],
    ['no fields', ''],
    ['too many fields', Array.from({ length: 2000 }, (_, i) => `f${i}=1`).join('&')],
  ])('a malformed form (%s) is a 4xx page, and the server goes on', async (_label, body) => {
    const response = await request(app).post('/scenarios/save').set('Content-Type', 'application/x-www-form-urlencoded').send(body);
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(response.status).toBeLessThan(500);
    expect((await request(app).get('/health')).status).toBe(200);
  });

  it('a multipart body with too many files or fields is refused with a 4xx', async () => {
    const many = request(app).post('/scenarios/save').field('action', 'check');
    for (let i = 0; i < 3; i += 1) many.attach('file', Buffer.from('name: x'), `f${i}.yaml`);
    expect((await many).status).toBeGreaterThanOrEqual(400);
    const fields = request(app).post('/scenarios/save');
    for (let i = 0; i < 20; i += 1) fields.field(`f${i}`, 'x');
    expect((await fields).status).toBeGreaterThanOrEqual(400);
  });

  it.each([
    ['/scenarios/good?iterations=1e9', 'Iterations must be a whole number from 0 to 200,000.'],
    ['/scenarios/good?iterations=-1', 'Iterations must be a whole number from 0 to 200,000.'],
    ['/scenarios/good?seed=%ZZ&set=%E0%A4%A', 'The seed must be a whole number'],
    [
      `/scenarios/good?${Array.from({ length: 40 }, () => 'set=outcomes.effectiveness=0.3').join('&')}`,
      'A link can carry at most 30 changes',
    ],
    ['/scenarios/good?iterations[]=5&iterations[x]=6', ''],
    ['/scenarios/good?set=outcomes.effectiveness%3D%22__proto__%22', ''],
    ['/scenarios/good?set=constructor.prototype.polluted%3D1&set=__proto__.polluted%3D1', ''],
  ])('a malformed query string (%s) is answered with a message, never a 500', async (url, message) => {
    const response = await request(app).get(url);
    expect(response.status).toBeLessThan(500);
    expect(response.text).toContain(message);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it.each([
    '/api/scenarios/good/results?iterations=999999999999999999999',
    '/api/scenarios/good/results?hash=../../etc',
    '/api/scenarios/good/results?seed=%00',
  ])('the API refuses a malformed query string (%s) with 400 and the problems', async (url) => {
    const response = await request(app).get(url);
    expect(response.status).toBe(400);
    expect(response.body.error).toBe('bad query');
    expect(response.body.problems.length).toBeGreaterThan(0);
  });

  it('a query string too long for the server is refused before any handler (431 or 414)', async () => {
    const response = await rawGet(`/scenarios/good?set=${'a'.repeat(20_000)}`).catch(() => ({ status: 431, body: '' }));
    expect([400, 414, 431]).toContain(response.status);
    expect((await request(app).get('/health')).status).toBe(200);
  });
});

describe("XSS through a scenario's text", () => {
  const pages = [
    '/scenarios',
    '/scenarios/xss?iterations=200',
    '/scenarios/xss/options?iterations=200',
    '/scenarios/xss/assumptions?iterations=200',
    '/scenarios/xss/report?iterations=200',
    '/scenarios/xss/edit',
    '/scenarios/new?from=xss',
    '/compare?a=xss&b=good',
  ];

  it.each(pages)('%s escapes every piece of it', async (page) => {
    const response = await request(app).get(page);
    expect(response.status, page).toBe(200);
    for (const raw of ['<script>alert(1)', '<img src=x', '</script><!--', '<!--<script>']) expect(response.text).not.toContain(raw);
    if (response.type === 'text/html') {
      // Every <script> is either a file (src) or inert JSON data: nothing inline runs.
      for (const tag of response.text.match(/<script\b[^>]*>/g) ?? []) expect(tag).toMatch(/ src="\/|type="application\/json"/);
      for (const tag of response.text.match(/<[a-z][^>]*>/gi) ?? []) expect(tag).not.toMatch(/\son[a-z]+=|javascript:/i);
    }
  });

  it('the API gives the text as JSON data, which browsers do not run or sniff', async () => {
    const response = await request(app).get('/api/scenarios');
    expect(response.type).toBe('application/json');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.body.scenarios.map((s: { title: string }) => s.title)).toContain(XSS.name);
  });

  it('the chart data is inert inside <script type="application/json"> and reads back exactly', async () => {
    // The front page answers in words; the charts are on the sub-pages (options first) and the report.
    for (const page of ['/scenarios/xss/options?iterations=200', '/scenarios/xss/report?iterations=200']) {
      const { text } = await request(app).get(page);
      const match = /<script type="application\/json"[^>]*\bid="chart-data"[^>]*>([\s\S]*?)<\/script>/.exec(text);
      expect(match, page).not.toBeNull();
      const json = match![1]!;
      expect(json).not.toMatch(/<|>|&/);
      expect(JSON.stringify(JSON.parse(json))).toContain(JSON.stringify(XSS.council).slice(1, -1));
    }
  });

  it('the names show as text on the page', async () => {
    const { text } = await request(app).get('/scenarios/xss?iterations=200');
    expect(text).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    // The description is on the assumptions page since the front page was split into sections.
    const assumptions = await request(app).get('/scenarios/xss/assumptions?iterations=200');
    expect(assumptions.text).toContain('&lt;img src=x onerror=alert(2)&gt; &amp; &#34;quotes&#34; &#39;too&#39;');
  });
});

describe('cross-site form posts', () => {
  const form = { name: 'posted', text: CENTRAL, action: 'check' };
  it.each([
    ['Sec-Fetch-Site: cross-site', { 'Sec-Fetch-Site': 'cross-site' }],
    ['Sec-Fetch-Site: same-site (a sibling host)', { 'Sec-Fetch-Site': 'same-site' }],
    ['a foreign Origin', { Origin: 'http://evil.example' }],
    ['Origin: null (a sandboxed frame)', { Origin: 'null' }],
    ['an Origin naming another port', { Origin: 'http://127.0.0.1:9' }],
  ])('refused with 403: %s', async (_label, headers) => {
    const response = await request(app).post('/scenarios/save').set(headers).type('form').send(form);
    expect(response.status).toBe(403);
    expect(response.text).toBe('Request refused: it was sent from another website.');
  });

  it('a cross-site text/plain post (no preflight) is refused too, and nothing is saved', async () => {
    const response = await request(app)
      .post('/scenarios/save')
      .set({ 'Sec-Fetch-Site': 'cross-site', 'Content-Type': 'text/plain' })
      .send('name=x&text=y&action=save');
    expect(response.status).toBe(403);
    expect(readdirSync(dir)).not.toContain('x.yaml');
  });

  it.each([
    ['Sec-Fetch-Site: same-origin (our own form)', { 'Sec-Fetch-Site': 'same-origin' }],
    ['Origin naming this host (older browsers)', { Origin: 'http://localhost' }],
    ["neither header (scripts, curl, with the form's CSRF token)", {}],
  ])('accepted: %s', async (_label, headers) => {
    const response = await request(app)
      .post('/scenarios/save')
      .set('Host', 'localhost')
      .set(headers)
      .type('form')
      .send({ ...form, _csrf: TEST_CSRF });
    expect(response.status).toBe(200);
  });

  it('a foreign Host is refused before anything else (DNS rebinding)', async () => {
    const response = await request(app)
      .post('/scenarios/save')
      .set('Host', 'evil.example')
      .set('Sec-Fetch-Site', 'same-origin')
      .type('form')
      .send(form);
    expect(response.status).toBe(400);
    expect((await request(app).get('/api/scenarios').set('Host', 'rebound.evil.example')).status).toBe(400);
  });
});

describe('formula injection in the exports', () => {
  const DANGEROUS = /^[=+\-@\t\r]/;

  it('no CSV text cell starts with = + - @ tab or return', async () => {
    const response = await request(app).get('/scenarios/formulas/results.csv?iterations=200');
    expect(response.status).toBe(200);
    const texts = csvCells(response.text).filter((cell) => cell !== '' && Number.isNaN(Number(cell)));
    expect(texts.filter((cell) => DANGEROUS.test(cell))).toEqual([]);
    expect(texts).toContain(`'${FORMULAS.name}`);
    expect(texts).toContain(`'${FORMULAS.council}`);
  });

  it('no Excel cell is a formula other than its own sums, or a text starting with = + - @ tab or return', async () => {
    const response = await request(app).get('/scenarios/formulas/results.xlsx?iterations=200').buffer(true).parse(binaryBody);
    expect(response.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.body as unknown as Parameters<typeof workbook.xlsx.load>[0]);
    const texts: string[] = [];
    workbook.eachSheet((sheet) =>
      sheet.eachRow((row) =>
        row.eachCell((cell) => {
          // The only formulas are the workbook's own sums and differences of cell references (issue 11); a sheet name in one is quoted.
          if (cell.type === ExcelJS.ValueType.Formula)
            expect((cell.value as { formula: string }).formula, `${sheet.name}!${cell.address}`).toMatch(
              /^(SUM\()?((?:'(?:[^']|'')+'!)?[A-Z]+\d+)([-+/:]((?:'(?:[^']|'')+'!)?[A-Z]+\d+))?\)?$/,
            );
          if (typeof cell.value === 'string') texts.push(cell.value);
        }),
      ),
    );
    expect(texts.filter((text) => DANGEROUS.test(text))).toEqual([]);
    expect(texts).toContain(`'${FORMULAS.name}`);
    expect(texts).toContain(`'${FORMULAS.source}`);
  });
});

describe('security headers on every kind of response', () => {
  it.each([
    '/',
    '/scenarios/good?iterations=200',
    '/no-such-page',
    '/api/scenarios',
    '/api/nope',
    '/health',
    '/js/app.mjs',
    '/scenarios/new',
  ])('%s: strict CSP, nosniff, no framing', async (url) => {
    const response = await request(app).get(url);
    const csp = response.headers['content-security-policy'] as string;
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("script-src-attr 'none'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('upgrade-insecure-requests');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('upgrade-insecure-requests and HSTS only for https behind a trusted proxy', async () => {
    const { app: proxied } = testApp({ trustProxy: 'loopback' }, { scenariosDir: dir });
    const https = await request(proxied).get('/').set('X-Forwarded-Proto', 'https');
    expect(https.headers['content-security-policy']).toContain('upgrade-insecure-requests');
    expect(https.headers['strict-transport-security']).toContain('max-age=');
    const spoofed = await request(app).get('/').set('X-Forwarded-Proto', 'https');
    expect(spoofed.headers['content-security-policy']).not.toContain('upgrade-insecure-requests');
    expect(spoofed.headers['strict-transport-security']).toBeUndefined();
  });

  it('logged every request above with an id, and no query strings', () => {
    const lines = services.logs.filter((entry) => entry.msg === 'request');
    expect(lines.length).toBeGreaterThan(50);
    for (const line of lines) {
      expect(typeof line.id).toBe('string');
      expect(String(line.path)).not.toContain('?');
    }
  });
});
