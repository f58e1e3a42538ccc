/**
 * The browser project's one test file: every suite in this folder, one after another, each with its
 * own Chromium and app (launched in its beforeAll, closed in its afterAll), so still one Chromium
 * at a time. As one file the browser project is a single task, which Vitest runs on one worker
 * beside the unit files (the browser suites mostly wait on Chromium: about half a core); as six
 * files with fileParallelism: false they could only start once every unit file had finished.
 * One suite on its own: npx vitest run --project browser -t "Welsh pages".
 */
import { readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import './pages.test';
import './scenario.test';
import './board.test';
import './information.test';
import './welsh.test';
import './welshReport.test';

const IMPORTED = ['board', 'information', 'pages', 'scenario', 'welsh', 'welshReport'];

describe('the browser suites', () => {
  it('are every *.test.ts in test/browser (a new one runs only once imported above)', () => {
    const here = path.dirname(fileURLToPath(import.meta.url));
    const suites = readdirSync(here)
      .filter((file) => file.endsWith('.test.ts') && file !== 'all.test.ts')
      .map((file) => file.slice(0, -'.test.ts'.length))
      .sort();
    expect(suites).toEqual(IMPORTED);
  });
});
