import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { afterAll, describe, expect, it } from 'vitest';
import { scenarioHash } from '../../src/scenario/hash';
import { openDatabase } from '../../src/store/database';
import { recentAudit } from '../../src/store/audit';
import { latestRevision, revisionsOf } from '../../src/store/revisions';
import { TEST_CSRF, testApp } from './helpers';
import { scenarioDir } from './scenarioDir';

const folder = scenarioDir(['class-central']);
afterAll(() => folder.remove());
// One database for the file's tests: saves build up history as they would in the tool.
const db = openDatabase(':memory:');
const app = () => testApp({ db }, { scenariosDir: folder.dir }).app;
/** The bundled file, which saves never change. */
const bundled = readFileSync(path.join(folder.dir, 'class-central.yaml'), 'utf8');
/** The scenario as the tool now runs it: its newest revision, or the bundled file. */
const central = () => latestRevision(db, 'class-central')?.text ?? bundled;

const BROKEN = `name: Broken
contract:
  start: 2025-01-03
  base_end: 2027-03-31
  annual_value: lots
outcomes:
  effectiveness: 1.5
`;

describe('edit and upload', () => {
  it('new: an empty form; from another: a copy of its text', async () => {
    const blank = await request(app()).get('/scenarios/new');
    expect(blank.status).toBe(200);
    expect(blank.text).toContain('Write or upload a scenario');
    const copy = await request(app()).get('/scenarios/new?from=class-central');
    expect(copy.text).toContain('value="class-central-copy"');
    // The name in both languages (issue 14), as the file has it.
    expect(copy.text).toContain('  en: &#34;CLASS regional service, central case&#34;');
    expect(copy.text).toContain('  cy: &#34;Gwasanaeth rhanbarthol CLASS, achos canolog&#34;');
  });

  it('edit: the file text with its hash to detect clashes; 404 for unknown names', async () => {
    const { text } = await request(app()).get('/scenarios/class-central/edit');
    expect(text).toContain(`name="baseHash" value="${scenarioHash(central())}"`);
    expect((await request(app()).get('/scenarios/nope/edit')).status).toBe(404);
  });

  it('shows every problem at its line and keeps the text', async () => {
    // A multipart form's token rides in its action URL, as the edit page's does.
    const response = await request(app())
      .post(`/scenarios/save?_csrf=${TEST_CSRF}`)
      .field('name', 'broken')
      .field('text', BROKEN)
      .field('action', 'save');
    expect(response.status).toBe(422);
    expect(response.text).toContain('There is a problem');
    expect(response.text).toMatch(/Line 5, column 17 \(contract.annual_value\): /);
    expect(response.text).toMatch(/Line 7, column 18 \(outcomes.effectiveness\): /);
    expect(response.text).toContain('id="line-5" class="app-numbered__line app-numbered__line--problem"');
    expect(response.text).toContain('  annual_value: lots</textarea>'.replace('</textarea>', '')); // kept in the text box
    expect(readdirSync(folder.dir)).not.toContain('broken.yaml');
    expect(revisionsOf(db, 'broken')).toEqual([]);
  });

  it('takes an uploaded file instead of the text box', async () => {
    const response = await request(app())
      .post('/scenarios/save')
      .set('X-CSRF-Token', TEST_CSRF)
      .field('name', 'up')
      .field('text', '')
      .field('action', 'check')
      .attach('file', Buffer.from(BROKEN), 'broken.yaml');
    expect(response.status).toBe(422);
    expect(response.text).toContain('name: Broken');
  });

  it('checks a good scenario without saving it', async () => {
    const response = await request(app())
      .post(`/scenarios/save?_csrf=${TEST_CSRF}`)
      .field('name', 'x')
      .field('text', central())
      .field('action', 'check');
    expect(response.status).toBe(200);
    expect(response.text).toContain('The scenario has no problems. You can save it.');
    expect(revisionsOf(db, 'x')).toEqual([]);
  });

  it('saves a new scenario as revision 1 in the database, never in the scenarios folder, and shows it', async () => {
    const text = central().replace(
      'name:\n  en: "CLASS regional service, central case"\n  cy: "Gwasanaeth rhanbarthol CLASS, achos canolog"',
      'name: Saved copy',
    );
    expect(text).toContain('name: Saved copy\n');
    const response = await request(app())
      .post('/scenarios/save')
      .type('form')
      .send({ name: 'saved-copy', text, baseHash: '', action: 'save', _csrf: TEST_CSRF, message: 'for the March paper' });
    expect(response.status).toBe(303);
    expect(response.headers.location).toBe('/scenarios/saved-copy?saved=1');
    expect(readdirSync(folder.dir)).toEqual(['class-central.yaml']);
    const saved = latestRevision(db, 'saved-copy')!;
    expect(saved).toMatchObject({ number: 1, parentId: null, text, hash: scenarioHash(text), message: 'for the March paper' });
    expect(saved.author).not.toBe('');
    const page = await request(app()).get('/scenarios/saved-copy?saved=1&iterations=0');
    expect(page.text).toContain('Version 1 of this scenario was saved as saved-copy.yaml.');
    // The banner speaks only of the newest revision a save made: not on a bundled file, not for a
    // number that is not the newest.
    expect((await request(app()).get('/scenarios/saved-copy?saved=2&iterations=0')).text).not.toContain('of this scenario was saved');
    expect((await request(app()).get('/scenarios/class-central?saved=1&iterations=0')).text).not.toContain('of this scenario was saved');
  });

  it('the edit page offers "as a new scenario" first and checked, and "as the new version" second', async () => {
    const { text } = await request(app()).get('/scenarios/class-central/edit');
    expect(text).toContain('value="class-central-copy"');
    expect(text).toMatch(/id="saveAs-new" name="saveAs" type="radio" value="new" checked>/);
    expect(text).toMatch(/id="saveAs-revision" name="saveAs" type="radio" value="revision" aria-describedby/);
    expect(text).toContain('As the new version of class-central, replacing it for everyone');
    expect(text).toContain(`name="_csrf" value="${TEST_CSRF}"`);
    expect(text).toContain(`action="/scenarios/save?_csrf=${encodeURIComponent(TEST_CSRF)}"`);
  });

  it('keeps line endings byte for byte except on the lines changed (browsers send CR LF)', async () => {
    const base = 'name: Endings\n# a comment\r\nkept: 1\n';
    const created = await request(app())
      .post('/scenarios/save')
      .type('form')
      .send({ name: 'endings', text: base, action: 'check', _csrf: TEST_CSRF });
    expect(created.status).toBe(422); // not a valid scenario; the endings are what matter here
    // Directly: the text box's CR LF come back as the file's own endings on unchanged lines.
    const { keepLineEndings } = await import('../../src/web/lineEndings');
    expect(keepLineEndings(base, 'name: Endings\r\n# a comment\r\nkept: 2\r\n')).toBe('name: Endings\n# a comment\r\nkept: 2\n');
    const lf = central();
    const submitted = lf.replace('value: 660546', 'value: 660547').replace(/\n/g, '\r\n');
    const saved = await request(app())
      .post('/scenarios/save')
      .type('form')
      .send({
        name: 'endings-copy',
        text: submitted,
        from: 'class-central',
        baseHash: scenarioHash(lf),
        saveAs: 'new',
        action: 'save',
        _csrf: TEST_CSRF,
      });
    expect(saved.status).toBe(303);
    expect(latestRevision(db, 'endings-copy')!.text).toBe(lf.replace('value: 660546', 'value: 660547'));
  });

  it('refuses a new file over an existing name, and a bad name', async () => {
    const exists = await request(app())
      .post('/scenarios/save')
      .type('form')
      .send({ name: 'class-central', text: central(), baseHash: '', action: 'save', _csrf: TEST_CSRF });
    expect(exists.status).toBe(409);
    expect(exists.text).toContain('A scenario called class-central already exists.');
    const bad = await request(app())
      .post('/scenarios/save')
      .type('form')
      .send({ name: '../evil', text: central(), action: 'save', _csrf: TEST_CSRF });
    expect(bad.status).toBe(422);
    expect(bad.text).toContain('Enter a file name of lower-case letters');
  });

  it('detects a clash: the second saver is told and keeps their text; the bundled text stays revision 1', async () => {
    const started = scenarioHash(central());
    const first = central().replace('value: 660546', 'value: 700000');
    const second = central().replace('value: 660546', 'value: 650000');
    const one = await request(app()).post('/scenarios/save').type('form').send({
      name: 'ignored',
      from: 'class-central',
      saveAs: 'revision',
      text: first,
      baseHash: started,
      action: 'save',
      _csrf: TEST_CSRF,
    });
    expect(one.status).toBe(303);
    expect(one.headers.location).toBe('/scenarios/class-central?saved=2'); // the bundled text is version 1
    const two = await request(app()).post('/scenarios/save').type('form').send({
      name: 'ignored',
      from: 'class-central',
      saveAs: 'revision',
      text: second,
      baseHash: started,
      action: 'save',
      _csrf: TEST_CSRF,
    });
    expect(two.status).toBe(409);
    expect(two.text).toContain('Someone else saved class-central after you opened it, so your changes were not saved.');
    expect(two.text).toContain('value: 650000');
    expect(central()).toBe(first);
    expect(readFileSync(path.join(folder.dir, 'class-central.yaml'), 'utf8')).toBe(bundled);
    expect(readdirSync(folder.dir)).toEqual(['class-central.yaml']);
    const history = revisionsOf(db, 'class-central');
    expect(history.map((r) => [r.number, r.author === 'bundled', r.text.includes('value: 660546')])).toEqual([
      [2, false, false],
      [1, true, true],
    ]);
    expect(history[0]!.parentId).toBe(history[1]!.id);
  });

  it('refuses a save without the CSRF token, and saves nothing', async () => {
    const before = revisionsOf(db, 'class-central').length;
    const response = await request(app()).post('/scenarios/save').type('form').send({ name: 'no-token', text: central(), action: 'save' });
    expect(response.status).toBe(403);
    expect(response.text).toBe(
      'Request refused: the form was out of date or did not come from this tool. Go back, reload the page and try again.',
    );
    const wrong = await request(app())
      .post('/scenarios/save')
      .type('form')
      .send({ name: 'no-token', text: central(), action: 'save', _csrf: 'x'.repeat(43) });
    expect(wrong.status).toBe(403);
    expect(revisionsOf(db, 'no-token')).toEqual([]);
    expect(revisionsOf(db, 'class-central')).toHaveLength(before);
  });

  it('refuses a save posted from another site', async () => {
    const response = await request(app())
      .post('/scenarios/save')
      .set('Origin', 'http://evil.example')
      .type('form')
      .send({ name: 'x', text: 'name: x' });
    expect(response.status).toBe(403);
    const fetched = await request(app())
      .post('/scenarios/save')
      .set('Sec-Fetch-Site', 'cross-site')
      .type('form')
      .send({ name: 'x', text: 'name: x' });
    expect(fetched.status).toBe(403);
    expect(
      recentAudit(db)
        .slice(0, 2)
        .map((e) => [e.action, e.outcome, e.target, e.detail]),
    ).toEqual([
      ['request', 'refused', 'POST /scenarios/save', 'posted from another website'],
      ['request', 'refused', 'POST /scenarios/save', 'posted from another website'],
    ]);
    const own = await request(app())
      .post('/scenarios/save')
      .set('Sec-Fetch-Site', 'same-origin')
      .set('Origin', 'null')
      .type('form')
      .send({ name: 'x', text: 'name: x', action: 'check', _csrf: TEST_CSRF });
    expect(own.status).toBe(422);
  });
});
