import request from 'supertest';
import { describe, expect, it } from 'vitest';
import type { ScenarioStore } from '../../src/web/scenarioStore';
import { testApp } from './helpers';

/** A scenario store whose folder cannot be read. */
function failingStore(message = 'scenario folder exploded'): ScenarioStore {
  const fail = async (): Promise<never> => {
    throw new Error(message);
  };
  return { names: fail, read: fail, save: fail };
}
const failing = failingStore();

describe('404 page', () => {
  it.each(['development', 'production'] as const)('is friendly in %s', async (env) => {
    const { app } = testApp({ env });
    const response = await request(app).get('/no-such-page');
    expect(response.status).toBe(404);
    expect(response.text).toContain('<h1 class="govuk-heading-l">Page not found</h1>');
    expect(response.text).toContain('If you typed the web address, check it is correct.');
    expect(response.text).toContain('<footer class="govuk-footer">');
  });
});

describe('500 page', () => {
  it('in production: says sorry, shows the request id, no stack or error message', async () => {
    const { app, services } = testApp({ env: 'production', store: failing });
    const response = await request(app).get('/scenarios');
    expect(response.status).toBe(500);
    expect(response.text).toContain('Sorry, there is a problem with the service');
    const id = response.headers['x-request-id'] as string;
    expect(response.text).toContain(`give this reference: <span class="app-reference" id="request-id">${id}</span>`);
    expect(response.text).not.toContain('scenario folder exploded');
    expect(response.text).not.toContain('at ');
    expect(response.text).not.toContain('id="stack"');
    // The stack still goes to the log, under the same id.
    const errorEntry = services.logs.find((entry) => entry.msg === 'error');
    expect(errorEntry).toMatchObject({ level: 'error', status: 500, id, path: '/scenarios' });
    expect(String(errorEntry!.error)).toContain('scenario folder exploded');
  });

  it('in test mode behaves as production (no stack)', async () => {
    const { app } = testApp({ env: 'test', store: failing });
    const response = await request(app).get('/scenarios');
    expect(response.status).toBe(500);
    expect(response.text).not.toContain('scenario folder exploded');
  });

  it('in development: shows the stack as well, escaped', async () => {
    const { app } = testApp({
      env: 'development',
      store: failingStore('bad <script>'),
    });
    const response = await request(app).get('/scenarios');
    expect(response.status).toBe(500);
    expect(response.text).toContain('Sorry, there is a problem with the service');
    expect(response.text).toContain('id="stack"');
    expect(response.text).toContain('Error: bad &lt;script&gt;');
    expect(response.text).toMatch(/at .*scenarios/);
  });
});
