import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { testApp } from './helpers';

describe('home page', () => {
  it('says what the tool answers and links to scenarios', async () => {
    const { app } = testApp();
    const response = await request(app).get('/');
    expect(response.status).toBe(200);
    expect(response.type).toBe('text/html');
    expect(response.text).toContain('<html lang="en-GB"');
    expect(response.text).toContain('<title>Should we keep paying for CLASS, and for how long? – CLASS extension decision tool</title>');
    expect(response.text).toContain('<h1 class="govuk-heading-xl">Should we keep paying for CLASS, and for how long?</h1>');
    expect(response.text).toContain('how many residential placements each option is likely to avoid');
    expect(response.text).toContain('“about 1 in 20”');
    expect(response.text).toMatch(/<a href="\/scenarios" class="govuk-link" id="start-link">Go to scenarios<\/a>/);
  });

  it('has the layout: skip link, service name, phase banner, footer, no inline script or style', async () => {
    const { app } = testApp();
    const { text } = await request(app).get('/');
    expect(text).toContain('<a href="#main-content" class="govuk-skip-link" data-module="govuk-skip-link">Skip to main content</a>');
    expect(text).toContain('id="main-content"');
    expect(text).toContain('CLASS extension decision tool</a>');
    expect(text).toContain('<strong class="govuk-tag govuk-phase-banner__content__tag">Beta</strong>');
    expect(text).toContain('Figures are projections, not forecasts.');
    expect(text).toContain('<footer class="govuk-footer">');
    expect(text).toContain('aria-current="page"');
    expect(text).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(text).not.toMatch(/<style|\sstyle="/);
    expect(text).not.toMatch(/https?:\/\/(?!www\.w3\.org)/);
  });
});

describe('scenarios page (fixture folder)', () => {
  it('lists the files, marking ones with problems', async () => {
    const { app } = testApp();
    const { text, status } = await request(app).get('/scenarios');
    expect(status).toBe(200);
    expect(text).toContain('2 scenarios are available.');
    expect(text).toContain('href="/scenarios/central"');
    expect(text).toContain('Has problems');
  });

  it('says so when there are none', async () => {
    const { app } = testApp({
      store: { names: async () => [], read: async () => undefined, save: async () => ({ ok: false, reason: 'badName' }) },
    });
    const { text } = await request(app).get('/scenarios');
    expect(text).toContain('There are no scenarios yet.');
  });
});

describe('health', () => {
  it('answers ok as JSON, not cached', async () => {
    const { app } = testApp();
    const response = await request(app).get('/health');
    expect(response.status).toBe(200);
    expect(response.type).toBe('application/json');
    expect(response.body).toEqual({ status: 'ok' });
    expect(response.headers['cache-control']).toBe('no-store');
  });
});

describe('request log', () => {
  it('writes one entry per request with method, path, status, ms and id', async () => {
    const { app, services } = testApp();
    const response = await request(app).get('/scenarios?secret=1');
    const entries = services.logs.filter((entry) => entry.msg === 'request');
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      method: 'GET',
      path: '/scenarios',
      status: 200,
      id: response.headers['x-request-id'],
    });
    expect(typeof entries[0]!.ms).toBe('number');
    expect(response.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('static files', () => {
  it.each([
    ['/vendor/chart.umd.js', 'text/javascript'],
    ['/vendor/govuk-frontend.min.css', 'text/css'],
    ['/vendor/govuk-frontend.min.js', 'text/javascript'],
    ['/css/app.css', 'text/css'],
    ['/js/app.mjs', 'text/javascript'],
    ['/assets/images/favicon.ico', 'image/vnd.microsoft.icon'],
  ])('%s is served as %s', async (url, type) => {
    const { app } = testApp();
    const response = await request(app).get(url);
    expect(response.status).toBe(200);
    expect(response.type).toBe(type);
  });

  it('serves the Chart.js UMD build that defines window.Chart', async () => {
    const { app } = testApp();
    const response = await request(app).get('/vendor/chart.umd.js');
    expect(response.text).toContain('Chart');
    expect(response.text.length).toBeGreaterThan(100_000);
  });
});
