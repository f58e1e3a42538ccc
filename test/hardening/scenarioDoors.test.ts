/**
 * Every hostile scenario file through all three doors: the command line, the upload/edit page and
 * the JSON API (and the scenario page, which reads the same stored file). Each is refused with its
 * file, line, column and key; none reaches the model; the server answers the next request.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import request from 'supertest';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli';
import type { Results } from '../../src/model/results';
import type { MonteCarloRequest } from '../../src/run/montecarlo';
import type { Scenario } from '../../src/scenario/types';
import { inProcessAnalyse, TEST_CSRF, testApp } from '../web/helpers';
import { HOSTILE_SCENARIOS } from './hostileScenarios';

class Capture extends Writable {
  text = '';
  override _write(chunk: Buffer, _encoding: string, done: () => void): void {
    this.text += chunk.toString();
    done();
  }
}

/** As EJS's <%= %> writes text. */
function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&#34;').replace(/'/g, '&#39;');
}

/** "29:15 outcomes.move_cost: message" -> its parts. */
function partsOf(first: string): { line: string; column: string; key: string; message: string } {
  const match = /^(\d+):(\d+) (?:([^\s:]+): )?(.*)$/s.exec(first);
  if (match === null) throw new Error(`not a problem: ${first}`);
  return { line: match[1]!, column: match[2]!, key: match[3] ?? '', message: match[4]! };
}

const dir = mkdtempSync(path.join(tmpdir(), 'hostile-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
for (const hostile of HOSTILE_SCENARIOS) writeFileSync(path.join(dir, `${hostile.name}.yaml`), hostile.text);
const good = readFileSync(new URL('../scenario/fixtures/central.yaml', import.meta.url), 'utf8');
writeFileSync(path.join(dir, 'good.yaml'), good);

/** Every call that reaches the model. */
const modelCalls: string[] = [];
const analyse = (scenario: Scenario, run: MonteCarloRequest): Promise<Results> => {
  modelCalls.push(scenario.file);
  return inProcessAnalyse(scenario, run);
};
const { app } = testApp({}, { scenariosDir: dir, analyse });

async function stillServing(): Promise<void> {
  const health = await request(app).get('/health');
  expect(health.status).toBe(200);
}

describe('hostile scenario files: the command line', () => {
  it.each(HOSTILE_SCENARIOS)('$name: exit 1, the problem on stderr, nothing on stdout', async ({ name, first }) => {
    const file = path.join(dir, `${name}.yaml`);
    const out = new Capture();
    const err = new Capture();
    expect(await main([file, '--format', 'json'], out, err)).toBe(1);
    expect(err.text.split('\n')[0]).toBe(`${file}:${first}`);
    expect(err.text).toMatch(/problems?; nothing was run\.\n$/);
    expect(out.text).toBe('');
  });
});

describe('hostile scenario files: the upload and edit page', () => {
  it.each(HOSTILE_SCENARIOS)('$name: pasted, refused at its line, column and key, text kept', async ({ name, text, first }) => {
    const response = await request(app)
      .post('/scenarios/save')
      .set('X-CSRF-Token', TEST_CSRF)
      .type('form')
      .send({ name, text, action: 'save' });
    if (encodeURIComponent(text).length > 256 * 1024) {
      // Larger than a form may be once form-encoded: refused before it is read, with the "too large" page.
      expect(response.status).toBe(413);
      expect(response.text).toContain('The data sent was too large');
    } else if (text === '') {
      expect(response.status).toBe(422);
      expect(response.text).toContain('Enter the scenario, or choose a file to upload');
    } else {
      expect(response.status).toBe(422);
      const { line, column, key, message } = partsOf(first);
      const shown = key === '' ? `Line ${line}, column ${column}: ${message}` : `Line ${line}, column ${column} (${key}): ${message}`;
      expect(response.text).toContain(escapeHtml(shown));
      expect(response.text).toContain(`id="line-${line}" class="app-numbered__line app-numbered__line--problem"`);
    }
    await stillServing();
  });

  it.each(HOSTILE_SCENARIOS.filter(({ text }) => text !== '' && Buffer.byteLength(text) <= 256 * 1024))(
    '$name: uploaded as a file, refused the same way',
    async ({ name, text, first }) => {
      const response = await request(app)
        .post('/scenarios/save')
        .set('X-CSRF-Token', TEST_CSRF)
        .field('name', name)
        .field('action', 'check')
        .attach('file', Buffer.from(text), `${name}.yaml`);
      expect(response.status).toBe(422);
      const { line, column } = partsOf(first);
      expect(response.text).toContain(`Line ${line}, column ${column}`);
      await stillServing();
    },
  );

  it('an uploaded file larger than the limit gets the "too large" page, and the server goes on', async () => {
    const response = await request(app)
      .post('/scenarios/save')
      .set('X-CSRF-Token', TEST_CSRF)
      .field('name', 'huge')
      .field('action', 'check')
      .attach('file', Buffer.alloc(300 * 1024, 'a'), 'huge.yaml');
    expect(response.status).toBe(413);
    expect(response.text).toContain('The data sent was too large');
    await stillServing();
  });
});

describe('hostile scenario files: the JSON API and the scenario page', () => {
  it.each(HOSTILE_SCENARIOS)('$name: 422 with every problem, file first', async ({ name, first }) => {
    const response = await request(app).get(`/api/scenarios/${name}/results`);
    expect(response.status).toBe(422);
    expect(response.type).toBe('application/json');
    expect(response.body.error).toBe('the scenario has problems');
    expect(response.body.problems[0]).toBe(`${name}.yaml:${first}`);
    await stillServing();
  });

  it.each(HOSTILE_SCENARIOS)('$name: the scenario page shows the problems with status 422', async ({ name }) => {
    const response = await request(app).get(`/scenarios/${name}`);
    expect(response.status).toBe(422);
    await stillServing();
  });
});

describe('after all of them', () => {
  it('none reached the model, and a good scenario still runs', async () => {
    expect(modelCalls).toEqual([]);
    const response = await request(app).get('/api/scenarios/good/results?iterations=200&seed=1');
    expect(response.status).toBe(200);
    expect(response.body.options).toHaveLength(5);
    expect(modelCalls).toEqual(['good.yaml']);
  });
});
