import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { scenarioHash } from '../../src/scenario/hash';
import { loadScenario } from '../../src/scenario/load';
import { openDatabase } from '../../src/store/database';
import { revisionsOf } from '../../src/store/revisions';

const CHILD = path.join(path.dirname(fileURLToPath(import.meta.url)), 'saveLoop.ts');
const dataDir = mkdtempSync(path.join(tmpdir(), 'class-crash-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

/** Runs the save loop and kills it with SIGKILL after `killAfter` acknowledged saves; the last ack seen. */
function saveThenKill(killAfter: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD], {
      env: { ...process.env, DATA_DIR: dataDir, SAVES: '200' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let acks = 0;
    let last = 0;
    let buffered = '';
    let errors = '';
    child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      buffered += chunk.toString();
      const lines = buffered.split('\n');
      buffered = lines.pop()!;
      for (const line of lines) {
        const match = /^ack (\d+)$/.exec(line);
        if (match === null) continue;
        last = Number(match[1]);
        if (++acks === killAfter) child.kill('SIGKILL');
      }
    });
    child.on('exit', (code, signal) =>
      signal === 'SIGKILL' || code === 0 ? resolve(last) : reject(new Error(`child failed (${code}): ${errors}`)),
    );
  });
}

describe('a save killed part-way (kill -9)', () => {
  it('leaves every revision whole and the history complete up to the last acknowledged save', async () => {
    // Two rounds of up to 200 saves, killed after 70 and 110 saves: a kill lands mid-save
    // (the next save is always under way), and each round carries on from the last.
    let lastAcked = 0;
    for (const killAfter of [70, 110]) {
      lastAcked = await saveThenKill(killAfter);
      const db = openDatabase(dataDir);
      const history = revisionsOf(db, 'crash').reverse();
      db.close();
      // Saves acknowledged are all there; at most the one under way at the kill is there besides.
      expect(history.length).toBeGreaterThanOrEqual(lastAcked);
      expect(history.length).toBeLessThanOrEqual(lastAcked + 1);
      history.forEach((revision, i) => {
        expect(revision.number).toBe(i + 1);
        expect(revision.parentId).toBe(i === 0 ? null : history[i - 1]!.id);
        expect(revision.hash).toBe(scenarioHash(revision.text));
        expect(loadScenario(revision.text, 'crash.yaml').ok).toBe(true);
      });
    }
    expect(lastAcked).toBeGreaterThanOrEqual(70 + 110 - 1);
  }, 40_000);
});
