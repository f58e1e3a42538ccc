/**
 * What a person (or a script) sees when a run cannot be given: the pool is busy (503 with
 * Retry-After), a run was stopped at its time limit (503, says so), a worker failed, or the results
 * failed the integrity check (500 with the request id, never a chart). Production never shows a
 * stack, on pages or in the API, and the log keeps it under the same id.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { afterAll, describe, expect, it } from 'vitest';
import type { Results } from '../../src/model/results';
import { BusyError, RunFailedError, RunTimeoutError } from '../../src/run/pool';
import { monteCarloRequest } from '../../src/run/montecarlo';
import { loadScenario } from '../../src/scenario/load';
import { createRunner, RETRY_FAILED_AFTER_MS } from '../../src/web/runner';
import type { ScenarioStore } from '../../src/web/scenarioStore';
import { inProcessAnalyse, testApp } from '../web/helpers';
import { scenarioDir } from '../web/scenarioDir';

const folder = scenarioDir(['class-central'], 200);
afterAll(() => folder.remove());

const PAGES = [
  '/scenarios/class-central',
  '/scenarios/class-central/results.csv',
  '/scenarios/class-central/results.xlsx',
  '/scenarios/class-central/report',
];
const API = '/api/scenarios/class-central/results';

function appFailingWith(error: () => unknown, env: 'production' | 'development' | 'test' = 'production') {
  return testApp({ env }, { scenariosDir: folder.dir, analyse: () => Promise.reject(error()) });
}

describe('a busy pool', () => {
  const { app } = appFailingWith(() => new BusyError());
  it.each(PAGES)('%s: 503 "busy, try again" with Retry-After', async (page) => {
    const response = await request(app).get(page);
    expect(response.status).toBe(503);
    expect(Number(response.headers['retry-after'])).toBeGreaterThan(0);
    expect(response.type).toBe('text/html');
  });

  it('the API: 503 JSON with Retry-After', async () => {
    const response = await request(app).get(API);
    expect(response.status).toBe(503);
    expect(Number(response.headers['retry-after'])).toBeGreaterThan(0);
    expect(response.body).toEqual({ error: 'busy: try again later' });
  });

  it('is not remembered: the next request runs once the pool has room', async () => {
    let busy = true;
    const { app: flaky } = testApp(
      {},
      { scenariosDir: folder.dir, analyse: (scenario, run) => (busy ? Promise.reject(new BusyError()) : inProcessAnalyse(scenario, run)) },
    );
    expect((await request(flaky).get(API)).status).toBe(503);
    busy = false;
    expect((await request(flaky).get(API)).status).toBe(200);
  });
});

describe('a run stopped at its time limit', () => {
  const { app } = appFailingWith(() => new RunTimeoutError(120_000));
  it('the page says it was stopped and after how long', async () => {
    const response = await request(app).get('/scenarios/class-central');
    expect(response.status).toBe(503);
    expect(response.text).toContain('120');
    expect(response.text).not.toContain('at RunPool');
  });

  it('the API says so in JSON', async () => {
    const response = await request(app).get(API);
    expect(response.status).toBe(503);
    expect(response.body).toEqual({ error: 'the run was stopped at its time limit of 120000 ms' });
  });
});

describe('a worker that failed', () => {
  const { app, services } = appFailingWith(() => new RunFailedError(new Error('worker exited with code 134 at /secret/path.ts:12')));
  it('the page: 500 with the request id, no message or stack', async () => {
    const response = await request(app).get('/scenarios/class-central');
    expect(response.status).toBe(500);
    const id = response.headers['x-request-id'] as string;
    expect(response.text).toContain(`id="request-id">${id}</span>`);
    expect(response.text).not.toContain('/secret/path.ts');
    expect(response.text).not.toContain('worker exited');
  });

  it('the API: 500 JSON with the request id only; the log has the stack under that id', async () => {
    const response = await request(app).get(API);
    expect(response.status).toBe(500);
    const id = response.headers['x-request-id'] as string;
    expect(response.body).toEqual({ error: 'internal error', requestId: id });
    const entry = services.logs.find((log) => log.msg === 'error' && log.id === id);
    expect(entry).toMatchObject({ level: 'error', status: 500, path: API });
    expect(String(entry!.error)).toContain('worker exited with code 134');
  });
});

describe('results that fail the integrity check', () => {
  /** Real results with one figure corrupted. */
  const corrupt =
    (change: (results: Results) => void) =>
    async (...args: Parameters<typeof inProcessAnalyse>): Promise<Results> => {
      const results = await inProcessAnalyse(...args);
      change(results);
      return results;
    };
  const nan = corrupt((results) => {
    results.options[1]!.perspectives.region!.totals.npv = Number.NaN;
  });
  const disordered = corrupt((results) => {
    const npv = results.options[0]!.monteCarlo!.perspectives.region!.npv;
    npv.p90 = npv.p10 - 1;
  });

  it.each([
    ['NaN', nan],
    ['percentiles out of order', disordered],
  ])('%s: every page is an internal error with the request id, never a chart', async (_label, analyse) => {
    const { app, services } = testApp({ env: 'production' }, { scenariosDir: folder.dir, analyse });
    for (const page of PAGES) {
      const response = await request(app).get(page);
      expect(response.status, page).toBe(500);
      const id = response.headers['x-request-id'] as string;
      expect(response.text).toContain(`id="request-id">${id}</span>`);
      expect(response.text).not.toContain('chart-data');
      const entry = services.logs.find((log) => log.msg === 'error' && log.id === id);
      expect(String(entry!.error)).toContain('IntegrityError: results failed the integrity check: ');
    }
    const api = await request(app).get(API);
    expect(api.status).toBe(500);
    expect(api.body).toEqual({ error: 'internal error', requestId: api.headers['x-request-id'] });
    // The progress page's poll says the run failed rather than waiting for ever.
    const status = await request(app).get('/scenarios/class-central/status');
    expect(status.body.state).toBe('failed');
  });
});

describe('a failed run', () => {
  it('is shown (not restarted) for a while, so the progress page sees it; then asking again runs it again', async () => {
    const loaded = loadScenario(readFileSync(path.join(folder.dir, 'class-central.yaml'), 'utf8'), 'class-central.yaml');
    if (!loaded.ok) throw new Error('the scenario should load');
    const small = monteCarloRequest(loaded.scenario, { iterations: 10, seed: 1 });
    let clock = 0;
    let calls = 0;
    const runner = createRunner(
      () => {
        calls += 1;
        return Promise.reject(new RunTimeoutError(1000));
      },
      () => new Date(clock),
    );
    const first = runner.start(loaded.scenario, small);
    await runner.settled(first, 1000);
    clock += RETRY_FAILED_AFTER_MS - 1;
    expect(runner.start(loaded.scenario, small)).toBe(first);
    clock += 1;
    const second = runner.start(loaded.scenario, small);
    expect(second).not.toBe(first);
    await runner.settled(second, 1000);
    expect(calls).toBe(2);
  });
});

describe('errors on API paths', () => {
  const exploding: ScenarioStore = {
    names: () => Promise.reject(new Error('disk on fire at /var/secret')),
    read: () => Promise.reject(new Error('disk on fire at /var/secret')),
    save: () => Promise.reject(new Error('disk on fire at /var/secret')),
  };

  it.each(['production', 'test'] as const)('in %s: JSON with the request id, no stack or message', async (env) => {
    const { app } = testApp({ env, store: exploding });
    for (const path of ['/api/scenarios', API]) {
      const response = await request(app).get(path);
      expect(response.status).toBe(500);
      expect(response.type).toBe('application/json');
      expect(response.body).toEqual({ error: 'internal error', requestId: response.headers['x-request-id'] });
      expect(response.text).not.toContain('disk on fire');
    }
  });

  it('a malformed JSON body on an API path is a 400 in JSON, not an HTML page', async () => {
    const { app } = testApp();
    const response = await request(app).post('/api/scenarios').set('Content-Type', 'application/json').send('{"a": ');
    expect(response.status).toBe(400);
    expect(response.body).toEqual({ error: 'bad request', requestId: response.headers['x-request-id'] });
  });

  it('every request is logged as one line with its id, method, path, status and time', async () => {
    const { app, services } = testApp();
    const response = await request(app).get('/health?secret=token');
    const line = services.logs.find((log) => log.msg === 'request' && log.id === response.headers['x-request-id']);
    expect(line).toMatchObject({ level: 'info', method: 'GET', path: '/health', status: 200 });
    expect(typeof line!.ms).toBe('number');
    expect(JSON.stringify(line)).not.toContain('secret=token');
  });
});
