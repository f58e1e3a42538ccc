import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { afterAll, describe, expect, it } from 'vitest';
import { scenarioHash } from '../../src/scenario/hash';
import { testApp } from './helpers';
import { scenarioDir } from './scenarioDir';

const folder = scenarioDir(['class-central']);
afterAll(() => folder.remove());
const app = () => testApp({}, { scenariosDir: folder.dir }).app;
const central = () => readFileSync(path.join(folder.dir, 'class-central.yaml'), 'utf8');

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
    expect(copy.text).toContain('name: CLASS regional service, central case');
  });

  it('edit: the file text with its hash to detect clashes; 404 for unknown names', async () => {
    const { text } = await request(app()).get('/scenarios/class-central/edit');
    expect(text).toContain(`name="baseHash" value="${scenarioHash(central())}"`);
    expect((await request(app()).get('/scenarios/nope/edit')).status).toBe(404);
  });

  it('shows every problem at its line and keeps the text', async () => {
    const response = await request(app()).post('/scenarios/save').field('name', 'broken').field('text', BROKEN).field('action', 'save');
    expect(response.status).toBe(422);
    expect(response.text).toContain('There is a problem');
    expect(response.text).toMatch(/Line 5, column 17 \(contract.annual_value\): /);
    expect(response.text).toMatch(/Line 7, column 18 \(outcomes.effectiveness\): /);
    expect(response.text).toContain('id="line-5" class="app-numbered__line app-numbered__line--problem"');
    expect(response.text).toContain('  annual_value: lots</textarea>'.replace('</textarea>', '')); // kept in the text box
    expect(readdirSync(folder.dir)).not.toContain('broken.yaml');
  });

  it('takes an uploaded file instead of the text box', async () => {
    const response = await request(app()).post('/scenarios/save').field('name', 'up').field('text', '').field('action', 'check').attach('file', Buffer.from(BROKEN), 'broken.yaml');
    expect(response.status).toBe(422);
    expect(response.text).toContain('name: Broken');
  });

  it('checks a good scenario without saving it', async () => {
    const response = await request(app()).post('/scenarios/save').field('name', 'x').field('text', central()).field('action', 'check');
    expect(response.status).toBe(200);
    expect(response.text).toContain('The scenario has no problems. You can save it.');
    expect(readdirSync(folder.dir)).not.toContain('x.yaml');
  });

  it('saves a new scenario atomically and shows it', async () => {
    const text = central().replace('name: CLASS regional service, central case', 'name: Saved copy');
    const response = await request(app()).post('/scenarios/save').type('form').send({ name: 'saved-copy', text, baseHash: '', action: 'save' });
    expect(response.status).toBe(303);
    expect(response.headers.location).toBe('/scenarios/saved-copy?saved=1');
    expect(readFileSync(path.join(folder.dir, 'saved-copy.yaml'), 'utf8')).toBe(text);
    expect(readdirSync(folder.dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    const page = await request(app()).get('/scenarios/saved-copy?saved=1&iterations=0');
    expect(page.text).toContain('The scenario was saved as saved-copy.yaml.');
  });

  it('refuses a new file over an existing name, and a bad name', async () => {
    const exists = await request(app()).post('/scenarios/save').type('form').send({ name: 'class-central', text: central(), baseHash: '', action: 'save' });
    expect(exists.status).toBe(409);
    expect(exists.text).toContain('A scenario called class-central already exists.');
    const bad = await request(app()).post('/scenarios/save').type('form').send({ name: '../evil', text: central(), action: 'save' });
    expect(bad.status).toBe(422);
    expect(bad.text).toContain('Enter a file name of lower-case letters');
  });

  it('detects a clash: the second saver is told and keeps their text; the first save is backed up', async () => {
    const started = scenarioHash(central());
    const first = central().replace('value: 660546', 'value: 700000');
    const second = central().replace('value: 660546', 'value: 650000');
    const one = await request(app()).post('/scenarios/save').type('form').send({ name: 'class-central', text: first, baseHash: started, action: 'save' });
    expect(one.status).toBe(303);
    const two = await request(app()).post('/scenarios/save').type('form').send({ name: 'class-central', text: second, baseHash: started, action: 'save' });
    expect(two.status).toBe(409);
    expect(two.text).toContain('Someone else saved class-central after you opened it, so your changes were not saved.');
    expect(two.text).toContain('value: 650000');
    expect(central()).toBe(first);
    const backups = readdirSync(path.join(folder.dir, '.backup'));
    expect(backups).toHaveLength(1);
    expect(readFileSync(path.join(folder.dir, '.backup', backups[0]!), 'utf8')).toContain('value: 660546');
  });

  it('refuses a save posted from another site', async () => {
    const response = await request(app()).post('/scenarios/save').set('Origin', 'http://evil.example').type('form').send({ name: 'x', text: 'name: x' });
    expect(response.status).toBe(403);
    const fetched = await request(app()).post('/scenarios/save').set('Sec-Fetch-Site', 'cross-site').type('form').send({ name: 'x', text: 'name: x' });
    expect(fetched.status).toBe(403);
    const own = await request(app()).post('/scenarios/save').set('Sec-Fetch-Site', 'same-origin').set('Origin', 'null').type('form').send({ name: 'x', text: 'name: x', action: 'check' });
    expect(own.status).toBe(422);
  });
});
