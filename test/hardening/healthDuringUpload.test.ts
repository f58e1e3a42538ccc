/**
 * Issue 13: `/health` answers in under 100 ms whatever is uploaded. The app is started on a real
 * port with the server's arrangement (the edit page checks text on a RunPool's worker), the
 * 13,000-key upload of bench/load.ts is posted, and /health is polled one request at a time
 * throughout. Also: a long text's page numbers only the lines near its problems.
 */
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/scenario/load';
import { shownLines, LINES_SHOWN_WHOLE } from '../../src/web/routes/edit';
import { TEST_CSRF, testApp, testPool } from '../web/helpers';

const central = readFileSync('scenarios/class-central.yaml', 'utf8');
/** As bench/load.ts builds it: class-central and 13,000 variables, cut to just under 256 kB. */
const thirteenThousand =
  `${central}\nvariables:\n${Array.from({ length: 13_000 }, (_, i) => `  variable_number_${i}: ${i}`).join('\n')}\n`.slice(
    0,
    256 * 1024 - 2_000,
  );

/**
 * The bound each /health answer must meet: the issue's 100 ms. Under CI (shared runners, other
 * test files on the same cores) 250 ms, so a slow machine does not fail it; the stall it guards
 * against was 298 ms here and 13.7 s before issue 13's first round.
 */
const HEALTH_BOUND_MS = process.env.CI ? 250 : 100;

describe('/health during a 256 kB upload of 13,000 keys', () => {
  const pool = testPool();
  const { app } = testApp({ checkScenario: (text, fileName) => pool.check(text, fileName) });
  let server: Server;
  let base = '';
  beforeAll(async () => {
    await pool.warm();
    server = await new Promise<Server>((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
    await pool.destroy();
  });

  it('answers every poll in time while the upload is read, checked and its page drawn', async () => {
    // One warm-up of the edit page (the first render compiles its template), as a running server has.
    expect((await fetch(`${base}/scenarios/new`)).status).toBe(200);
    const latencies: number[] = [];
    let uploading = true;
    const polls = (async () => {
      while (uploading) {
        const started = performance.now();
        const response = await fetch(`${base}/health`);
        await response.text();
        latencies.push(performance.now() - started);
        expect(response.status).toBe(200);
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    })();
    const uploads = [];
    // Three uploads, one after another, so the polls overlap every step of each.
    for (let i = 0; i < 3; i++) {
      const form = new FormData();
      form.set('_csrf', TEST_CSRF);
      form.set('name', 'thirteen-thousand');
      form.set('action', 'check');
      form.set('file', new Blob([thirteenThousand], { type: 'application/x-yaml' }), 'thirteen-thousand.yaml');
      const response = await fetch(`${base}/scenarios/save?_csrf=${encodeURIComponent(TEST_CSRF)}`, { method: 'POST', body: form });
      uploads.push({ status: response.status, text: await response.text() });
    }
    uploading = false;
    await polls;
    for (const upload of uploads) {
      expect(upload.status).toBe(422);
      expect(upload.text).toContain('more than 2,000 keys');
      // Cut to 254 kB the text keeps 8,777 of its lines (about 8,700 of the 13,000 keys, as the
      // benchmark posts it; fewer since the bundled file holds its Welsh text too): the page says only those near the problem are numbered.
      expect(thirteenThousand.split('\n')).toHaveLength(8_777);
      expect(upload.text).toContain('Your text has 8,777 lines, too many to show here');
      // The text box still holds the whole upload (about 254 kB); the numbered view adds a few lines, not 1.9 MB.
      expect(upload.text.length).toBeLessThan(400_000);
    }
    expect(latencies.length).toBeGreaterThan(3);
    // The figure for the README (printed, so a run shows it).
    const sorted = [...latencies].sort((a, b) => a - b);
    console.log(
      `/health during the upload: ${sorted.length} polls, median ${sorted[Math.floor(sorted.length / 2)]!.toFixed(1)} ms, max ${sorted.at(-1)!.toFixed(1)} ms`,
    );
    expect(Math.max(...latencies)).toBeLessThan(HEALTH_BOUND_MS);
  }, 60_000);

  it('the worker finds the same problems as loadScenario on this thread', async () => {
    const bad = central.replace(/effectiveness:/, 'effectivenes:');
    const inline = loadScenario(bad, 'bad.yaml');
    expect(inline.ok).toBe(false);
    expect(await pool.check(bad, 'bad.yaml')).toEqual(inline.ok ? [] : inline.problems);
    expect(await pool.check(central, 'central.yaml')).toEqual([]);
  });
});

describe('the numbered lines of a long text', () => {
  const problem = { file: 'x.yaml', line: 2_500, column: 3, path: 'variables.a', message: 'must be a number' };
  const text = Array.from({ length: 3_000 }, (_, i) => `line ${i + 1}`).join('\n');

  it('shows only the lines within 3 of each problem, the gaps named', () => {
    const { lines, near, total } = shownLines(text, [problem]);
    expect(near).toBe(true);
    expect(total).toBe(3_000);
    // Lines 1-2,496 hidden, 2,497-2,503 shown (2,500 +/- 3), 2,504-3,000 hidden.
    expect(lines).toEqual([
      { gap: true, from: 1, to: 2_496 },
      ...[2_497, 2_498, 2_499, 2_500, 2_501, 2_502, 2_503].map((n) => ({
        number: n,
        text: `line ${n}`,
        problems: n === 2_500 ? ['Line 2500, column 3 (variables.a): must be a number'] : [],
      })),
      { gap: true, from: 2_504, to: 3_000 },
    ]);
  });

  it(`shows every line of a text up to ${LINES_SHOWN_WHOLE} lines, as before`, () => {
    const short = text.split('\n').slice(0, LINES_SHOWN_WHOLE).join('\n');
    const { lines, near } = shownLines(short, [{ ...problem, line: 5 }]);
    expect(near).toBe(false);
    expect(lines).toHaveLength(LINES_SHOWN_WHOLE);
  });

  it('the page names the gap and links the problem to its line', async () => {
    const { app } = testApp();
    const body = central.replace(/effectiveness:/, 'effectivenes:') + '\n'.repeat(3_000) + '# the end\n';
    const response = await request(app)
      .post(`/scenarios/save?_csrf=${encodeURIComponent(TEST_CSRF)}`)
      .type('form')
      .send({ _csrf: TEST_CSRF, name: 'long', text: body, action: 'check' });
    expect(response.status).toBe(422);
    const line = /href="#line-(\d+)"/.exec(response.text)?.[1];
    expect(line).toBeDefined();
    expect(response.text).toContain(`id="line-${line}" class="app-numbered__line app-numbered__line--problem"`);
    expect(response.text).toMatch(/Lines 1 to \d+ not shown/);
    expect(response.text).toMatch(/Lines [\d,]+ to 3,[0-9]{3} not shown/);
  });
});
